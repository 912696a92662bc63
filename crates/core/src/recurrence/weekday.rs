//! Sets of weekdays, and their RFC 5545 codes and French names.
//!
//! A set is a 7-bit mask (bit 0 = Monday, the ISO and WKST=MO week start) so that a week's
//! occurrences come out in order without sorting or allocating.

use super::RecurrenceError;
use chrono::Weekday;

pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The RRULE code (`MO`) of a weekday.
pub fn code(day: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][index(day)]
}

pub(super) fn from_code(code: &str) -> Option<Weekday> {
    WEEK.into_iter().find(|&day| self::code(day) == code)
}

/// `Monday`, as used inside an English sentence.
pub fn name_en(day: Weekday) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index(day)]
}

/// `lundi`, as used inside a French sentence.
pub fn name_fr(day: Weekday) -> &'static str {
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ][index(day)]
}

pub(super) fn index(day: Weekday) -> usize {
    day.num_days_from_monday() as usize
}

/// A non-empty set of weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeekdaySet(u8);

impl WeekdaySet {
    pub const MONDAY_TO_FRIDAY: WeekdaySet = WeekdaySet(0b001_1111);
    pub const EVERY_DAY: WeekdaySet = WeekdaySet(0b111_1111);
    /// Lundi, mercredi, vendredi: the usual "3 fois par semaine".
    pub const MONDAY_WEDNESDAY_FRIDAY: WeekdaySet = WeekdaySet(0b001_0101);

    pub fn from_days(days: &[Weekday]) -> Result<Self, RecurrenceError> {
        let mask = days.iter().fold(0u8, |mask, &day| mask | 1 << index(day));
        match mask {
            0 => Err(RecurrenceError::NoDays),
            _ => Ok(Self(mask)),
        }
    }

    pub fn single(day: Weekday) -> Self {
        Self(1 << index(day))
    }

    pub(super) fn mask(self) -> u8 {
        self.0
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & 1 << index(day) != 0
    }

    /// How many days the set holds (at least one).
    pub fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// The days in week order, Monday first.
    pub fn iter(self) -> impl Iterator<Item = Weekday> {
        WEEK.into_iter().filter(move |&day| self.contains(day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_keep_week_order_and_refuse_emptiness() {
        let set = WeekdaySet::from_days(&[Weekday::Fri, Weekday::Mon, Weekday::Mon]).unwrap();
        assert_eq!(set.iter().collect::<Vec<_>>(), [Weekday::Mon, Weekday::Fri]);
        assert_eq!(set.count(), 2);
        assert_eq!(WeekdaySet::from_days(&[]), Err(RecurrenceError::NoDays));
        assert_eq!(WeekdaySet::MONDAY_TO_FRIDAY.count(), 5);
        assert_eq!(WeekdaySet::EVERY_DAY.count(), 7);
    }

    #[test]
    fn codes_round_trip() {
        for day in WEEK {
            assert_eq!(from_code(code(day)), Some(day));
        }
        assert_eq!(from_code("XX"), None);
    }
}
