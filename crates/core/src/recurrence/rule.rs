//! The supported RRULE subset as types: a rule that type-checks is a rule Relais can expand.
//!
//! Frequency-specific parts live inside their frequency (BYDAY codes with ordinals only exist
//! for MONTHLY) and COUNT/UNTIL share one enum, so the mutually exclusive combinations of RFC
//! 5545 cannot be built.

use super::monthly::{MonthDaySet, MonthWeekdaySet, Nth};
use super::weekday::WeekdaySet;
use super::RecurrenceError;
use chrono::{NaiveDate, NaiveDateTime, Weekday};
use std::num::{NonZeroU16, NonZeroU32};

/// FREQ and the BY* parts that belong to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Daily,
    /// `None`: the weekday of DTSTART, as when BYDAY is absent.
    Weekly(Option<WeekdaySet>),
    Monthly(MonthlyBy),
}

/// Which days of the month a MONTHLY rule picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MonthlyBy {
    /// The day of the month of DTSTART, as when no BY* part is given.
    StartDay,
    MonthDays(MonthDaySet),
    Weekdays(MonthWeekdaySet),
}

/// The last occurrence: UNTIL (inclusive) as a date or a local date-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Until {
    /// Through the end of that day.
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl Until {
    /// The first instant no longer covered.
    pub(super) fn exclusive_end(self) -> Option<NaiveDateTime> {
        match self {
            Until::Date(date) => date
                .succ_opt()
                .map(|next| next.and_time(chrono::NaiveTime::MIN)),
            Until::DateTime(at) => at.checked_add_signed(chrono::TimeDelta::nanoseconds(1)),
        }
    }
}

/// How the series ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    Never,
    Count(NonZeroU32),
    Until(Until),
}

/// A recurrence rule, without its DTSTART (see `Schedule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    frequency: Frequency,
    interval: NonZeroU16,
    end: End,
}

impl Rule {
    pub fn new(frequency: Frequency, interval: NonZeroU16, end: End) -> Self {
        Self {
            frequency,
            interval,
            end,
        }
    }

    pub fn daily() -> Self {
        Self::new(Frequency::Daily, NonZeroU16::MIN, End::Never)
    }

    pub fn weekly(days: WeekdaySet) -> Self {
        Self::new(Frequency::Weekly(Some(days)), NonZeroU16::MIN, End::Never)
    }

    /// The `nth` (1..=5, or -1..=-5 from the end) `day` of each month.
    pub fn monthly_on_weekday(nth: i8, day: Weekday) -> Result<Self, RecurrenceError> {
        let days = MonthWeekdaySet::from_days(&[(Nth::from_ordinal(nth)?, day)])?;
        Ok(Self::new(
            Frequency::Monthly(MonthlyBy::Weekdays(days)),
            NonZeroU16::MIN,
            End::Never,
        ))
    }

    /// The given days of each month (1..=31, -1 for the last day…).
    pub fn monthly_on_days(days: &[i8]) -> Result<Self, RecurrenceError> {
        let days = MonthDaySet::from_days(days)?;
        Ok(Self::new(
            Frequency::Monthly(MonthlyBy::MonthDays(days)),
            NonZeroU16::MIN,
            End::Never,
        ))
    }

    /// Every `interval` periods (days, weeks or months).
    pub fn every(self, interval: NonZeroU16) -> Self {
        Self { interval, ..self }
    }

    pub fn ending(self, end: End) -> Self {
        Self { end, ..self }
    }

    pub fn frequency(&self) -> Frequency {
        self.frequency
    }

    pub fn interval(&self) -> NonZeroU16 {
        self.interval
    }

    pub fn end(&self) -> End {
        self.end
    }
}
