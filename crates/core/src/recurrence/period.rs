//! Periods of a rule (a day, a week from Monday, a month) and the days each one holds.
//!
//! Period `p` is found by arithmetic from DTSTART, so expanding a window jumps straight to the
//! first period that can reach it instead of walking the series from its start.

use super::rule::{Frequency, MonthlyBy, Rule};
use chrono::{Datelike, Days, Months, NaiveDate};

/// One period: its first day, and bit `i` set when day `first + i` is an occurrence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Period {
    pub first: NaiveDate,
    pub days: u32,
}

enum Step {
    Day,
    Week(u8),
    Month(MonthlyBy),
}

/// The periods of one rule anchored on one DTSTART date.
pub(super) struct Periods {
    step: Step,
    interval: u32,
    start: NaiveDate,
    anchor: NaiveDate,
}

impl Periods {
    pub fn new(rule: &Rule, start: NaiveDate) -> Self {
        let (step, anchor) = match rule.frequency() {
            Frequency::Daily => (Step::Day, start),
            Frequency::Weekly(days) => {
                let mask = days.map_or(1 << start.weekday().num_days_from_monday(), |set| {
                    set.mask()
                });
                (Step::Week(mask), monday_of(start))
            }
            Frequency::Monthly(by) => (Step::Month(by), start.with_day(1).unwrap_or(start)),
        };
        Self {
            step,
            interval: rule.interval().get().into(),
            start,
            anchor,
        }
    }

    /// The last period starting on or before `date` (which is not before DTSTART).
    pub fn index_of(&self, date: NaiveDate) -> u64 {
        let units = match self.step {
            Step::Day => (date - self.anchor).num_days(),
            Step::Week(_) => (monday_of(date) - self.anchor).num_days() / 7,
            Step::Month(_) => months_between(self.anchor, date),
        };
        units.max(0) as u64 / u64::from(self.interval)
    }

    /// Period `index`, or `None` past the calendar's end.
    pub fn get(&self, index: u64) -> Option<Period> {
        let units = index.checked_mul(self.interval.into())?;
        let period = match self.step {
            Step::Day => Period {
                first: self.anchor.checked_add_days(Days::new(units))?,
                days: 1,
            },
            Step::Week(mask) => Period {
                first: self
                    .anchor
                    .checked_add_days(Days::new(units.checked_mul(7)?))?,
                days: mask.into(),
            },
            Step::Month(by) => {
                let first = self
                    .anchor
                    .checked_add_months(Months::new(u32::try_from(units).ok()?))?;
                Period {
                    first,
                    days: month_days(by, first, self.start),
                }
            }
        };
        Some(self.from_start(index, period))
    }

    /// Occurrences in the periods before `index`, stopping early once `cap` is reached.
    pub fn count_before(&self, index: u64, cap: u64) -> u64 {
        match self.step {
            Step::Day => index,
            Step::Week(mask) if index > 0 => {
                let first = self.get(0).map_or(0, |p| p.days.count_ones());
                u64::from(first) + (index - 1) * u64::from(mask.count_ones())
            }
            Step::Week(_) => 0,
            Step::Month(_) => self.count_months_before(index, cap),
        }
    }

    /// Months hold 28 to 31 days and 4 or 5 of each weekday, so they are counted one by one;
    /// each is a handful of bit operations.
    fn count_months_before(&self, index: u64, cap: u64) -> u64 {
        let mut total = 0;
        for p in 0..index {
            total += self
                .get(p)
                .map_or(0, |period| u64::from(period.days.count_ones()));
            if total >= cap {
                break;
            }
        }
        total
    }

    /// Days of the first period that fall before DTSTART are not occurrences.
    fn from_start(&self, index: u64, mut period: Period) -> Period {
        if index == 0 {
            let skipped = (self.start - period.first).num_days() as u32;
            period.days &= !((1u32 << skipped) - 1);
        }
        period
    }
}

fn month_days(by: MonthlyBy, first: NaiveDate, start: NaiveDate) -> u32 {
    let days_in_month = u32::from(first.num_days_in_month());
    match by {
        MonthlyBy::StartDay if start.day() <= days_in_month => 1 << (start.day() - 1),
        MonthlyBy::StartDay => 0,
        MonthlyBy::MonthDays(days) => days.mask(days_in_month),
        MonthlyBy::Weekdays(days) => days.mask(first.weekday(), days_in_month),
    }
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(date.weekday().num_days_from_monday().into())
}

fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    i64::from(to.year() - from.year()) * 12 + i64::from(to.month()) - i64::from(from.month())
}
