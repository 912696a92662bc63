//! Which days of a month a MONTHLY rule picks (BYMONTHDAY, BYDAY with or without ordinal).
//!
//! Both selections are bit masks so that a month's days are computed with a few shifts, which
//! keeps counting occurrences from DTSTART (COUNT) cheap even over years.

use super::weekday::{index, WEEK};
use super::RecurrenceError;
use chrono::Weekday;

/// A non-empty set of BYMONTHDAY values: 1..=31 and -1..=-31 (counted from the month's end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthDaySet {
    /// Bit `n - 1` for day `n`.
    from_start: u32,
    /// Bit `n - 1` for day `-n`.
    from_end: u32,
}

impl MonthDaySet {
    pub fn from_days(days: &[i8]) -> Result<Self, RecurrenceError> {
        let mut set = Self {
            from_start: 0,
            from_end: 0,
        };
        for &day in days {
            match day {
                1..=31 => set.from_start |= 1 << (day - 1),
                -31..=-1 => set.from_end |= 1 << (-day - 1),
                _ => return Err(invalid_month_day(day)),
            }
        }
        if set.from_start == 0 && set.from_end == 0 {
            return Err(RecurrenceError::NoDays);
        }
        Ok(set)
    }

    /// Positive days first, then negative ones, as written in RRULE text.
    pub fn days(self) -> impl Iterator<Item = i8> {
        let positive = (1..=31).filter(move |n| self.from_start & 1 << (n - 1) != 0);
        let negative = (1..=31)
            .filter(move |n| self.from_end & 1 << (n - 1) != 0)
            .map(|n: i8| -n);
        positive.chain(negative)
    }

    /// Bit `d - 1` for each selected day `d` of a month of `days_in_month` days; a day the
    /// month lacks (31 in April) is skipped, as RFC 5545 says.
    pub(super) fn mask(self, days_in_month: u32) -> u32 {
        let full = (1u32 << days_in_month) - 1;
        let from_end = self.from_end.reverse_bits() >> (32 - days_in_month);
        (self.from_start | from_end) & full
    }
}

fn invalid_month_day(day: i8) -> RecurrenceError {
    RecurrenceError::InvalidValue {
        part: "BYMONTHDAY",
        value: day.to_string(),
    }
}

/// Which occurrence of a weekday in its month: every one, the n-th, or the n-th from the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nth {
    Every,
    /// 1..=5
    First(u8),
    /// 1..=5 from the end: `Last(1)` is `-1`.
    Last(u8),
}

impl Nth {
    pub fn from_ordinal(ordinal: i8) -> Result<Self, RecurrenceError> {
        match ordinal {
            0 => Ok(Nth::Every),
            1..=5 => Ok(Nth::First(ordinal as u8)),
            -5..=-1 => Ok(Nth::Last((-ordinal) as u8)),
            _ => Err(RecurrenceError::InvalidValue {
                part: "BYDAY",
                value: ordinal.to_string(),
            }),
        }
    }

    /// `0` for every occurrence, otherwise the signed RFC ordinal.
    pub fn ordinal(self) -> i8 {
        match self {
            Nth::Every => 0,
            Nth::First(n) => n as i8,
            Nth::Last(n) => -(n as i8),
        }
    }

    fn bit(self) -> u16 {
        match self {
            Nth::Every => 1,
            Nth::First(n) => 1 << n,
            Nth::Last(n) => 1 << (5 + n),
        }
    }

    const ALL: [Nth; 11] = [
        Nth::Every,
        Nth::First(1),
        Nth::First(2),
        Nth::First(3),
        Nth::First(4),
        Nth::First(5),
        Nth::Last(1),
        Nth::Last(2),
        Nth::Last(3),
        Nth::Last(4),
        Nth::Last(5),
    ];
}

/// A non-empty set of monthly BYDAY values such as `1MO`, `-1FR` or `TU`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthWeekdaySet([u16; 7]);

impl MonthWeekdaySet {
    pub fn from_days(days: &[(Nth, Weekday)]) -> Result<Self, RecurrenceError> {
        let mut set = [0u16; 7];
        for &(nth, day) in days {
            set[index(day)] |= nth.bit();
        }
        if set.iter().all(|&bits| bits == 0) {
            return Err(RecurrenceError::NoDays);
        }
        Ok(Self(set))
    }

    /// In week order, then every / first / last, as written in RRULE text.
    pub fn days(self) -> impl Iterator<Item = (Nth, Weekday)> {
        WEEK.into_iter().flat_map(move |day| {
            Nth::ALL
                .into_iter()
                .filter(move |nth| self.0[index(day)] & nth.bit() != 0)
                .map(move |nth| (nth, day))
        })
    }

    /// Bit `d - 1` for each selected day `d` of a month whose first day is `first`.
    pub(super) fn mask(self, first: Weekday, days_in_month: u32) -> u32 {
        let mut mask = 0;
        for day in WEEK {
            let wanted = self.0[index(day)];
            if wanted != 0 {
                mask |= weekday_mask(wanted, day, first, days_in_month);
            }
        }
        mask
    }
}

fn weekday_mask(wanted: u16, day: Weekday, first: Weekday, days_in_month: u32) -> u32 {
    let first_offset = (7 + index(day) as u32 - index(first) as u32) % 7;
    let occurrences = (days_in_month - first_offset).div_ceil(7);
    let mut mask = 0;
    for k in 0..occurrences {
        let from_start = Nth::First(k as u8 + 1).bit();
        let from_end = Nth::Last((occurrences - k) as u8).bit();
        if wanted & (Nth::Every.bit() | from_start | from_end) != 0 {
            mask |= 1 << (first_offset + 7 * k);
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_days_skip_missing_days_and_count_from_the_end() {
        let set = MonthDaySet::from_days(&[31, -1, 1]).unwrap();
        assert_eq!(set.mask(31), 1 | 1 << 30);
        assert_eq!(set.mask(30), 1 | 1 << 29);
        assert_eq!(MonthDaySet::from_days(&[-31]).unwrap().mask(30), 0);
        assert_eq!(set.days().collect::<Vec<_>>(), [1, 31, -1]);
        assert!(MonthDaySet::from_days(&[0]).is_err());
        assert!(MonthDaySet::from_days(&[32]).is_err());
        assert_eq!(MonthDaySet::from_days(&[]), Err(RecurrenceError::NoDays));
    }

    #[test]
    fn weekdays_of_a_month() {
        // March 2024 starts on a Friday and has five Fridays (1, 8, 15, 22, 29).
        let last_friday = MonthWeekdaySet::from_days(&[(Nth::Last(1), Weekday::Fri)]).unwrap();
        assert_eq!(last_friday.mask(Weekday::Fri, 31), 1 << 28);
        let first_monday = MonthWeekdaySet::from_days(&[(Nth::First(1), Weekday::Mon)]).unwrap();
        assert_eq!(first_monday.mask(Weekday::Fri, 31), 1 << 3);
        let fifth_monday = MonthWeekdaySet::from_days(&[(Nth::First(5), Weekday::Mon)]).unwrap();
        assert_eq!(fifth_monday.mask(Weekday::Fri, 31), 0);
        let tuesdays = MonthWeekdaySet::from_days(&[(Nth::Every, Weekday::Tue)]).unwrap();
        assert_eq!(tuesdays.mask(Weekday::Fri, 31).count_ones(), 4);
        assert!(Nth::from_ordinal(6).is_err());
        assert_eq!(Nth::from_ordinal(-2).unwrap().ordinal(), -2);
    }
}
