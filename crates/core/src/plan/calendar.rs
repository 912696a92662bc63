//! The calendar windows plans are summed over: a month, a week.
//!
//! Core has no clock: callers name the month or the week they want.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// A calendar month, e.g. March 2025; `"2025-03"` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month(NaiveDate);

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .map(Self)
            .map_err(|_| {
                format!("mois invalide « {text} » (AAAA-MM) / invalid month '{text}' (YYYY-MM)")
            })
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.0.format("%Y-%m").to_string()
    }
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(Self)
    }

    pub fn containing(date: NaiveDate) -> Self {
        Self(date.with_day(1).unwrap_or(date))
    }

    pub fn first_day(self) -> NaiveDate {
        self.0
    }

    /// `[first day 00:00, first day of next month 00:00)`.
    pub fn window(self) -> (NaiveDateTime, NaiveDateTime) {
        let next = self
            .0
            .checked_add_months(Months::new(1))
            .unwrap_or(NaiveDate::MAX);
        (
            self.0.and_time(NaiveTime::MIN),
            next.and_time(NaiveTime::MIN),
        )
    }
}

/// `[from 00:00, from + 7 days 00:00)`: any seven consecutive days, usually from a Monday.
pub fn week_window(from: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    let end = from
        .checked_add_days(Days::new(7))
        .unwrap_or(NaiveDate::MAX);
    (from.and_time(NaiveTime::MIN), end.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows() {
        let feb = Month::new(2024, 2).unwrap();
        let (from, to) = feb.window();
        assert_eq!((to - from).num_days(), 29);
        assert_eq!(
            Month::containing(NaiveDate::from_ymd_opt(2024, 2, 17).unwrap()),
            feb
        );
        assert_eq!(Month::new(2024, 13), None);
        let (from, to) = week_window(feb.first_day());
        assert_eq!((to - from).num_days(), 7);
    }

    #[test]
    fn months_are_year_and_month_on_the_wire() {
        let march = Month::new(2025, 3).unwrap();
        assert_eq!(serde_json::to_string(&march).unwrap(), "\"2025-03\"");
        assert_eq!(serde_json::from_str::<Month>("\"2025-03\"").unwrap(), march);
        assert!(serde_json::from_str::<Month>("\"2025-03-15\"").is_err());
        assert!(serde_json::from_str::<Month>("\"2025-13\"").is_err());
    }
}
