//! Lazy expansion of a schedule over a window.
//!
//! Without COUNT the iterator starts at the first period that can reach the window; with COUNT
//! it counts the earlier occurrences per period (arithmetic for days and weeks, a few bit
//! operations per month) instead of generating them.

use super::period::{Period, Periods};
use super::rule::End;
use super::schedule::{Occurrence, Schedule};
use chrono::{Days, NaiveDateTime};

/// The occurrences of a schedule whose start lies in a half-open window, in order.
pub struct Occurrences<'a> {
    schedule: &'a Schedule,
    periods: Periods,
    next_index: u64,
    current: Option<Period>,
    remaining: Option<u64>,
    from: NaiveDateTime,
    to: NaiveDateTime,
}

impl Schedule {
    /// Occurrences starting in `[window_start, window_end)`, EXDATEs removed.
    pub fn occurrences(
        &self,
        window_start: NaiveDateTime,
        window_end: NaiveDateTime,
    ) -> Occurrences<'_> {
        let from = window_start.max(self.dtstart());
        let (to, count) = match self.rule().end() {
            End::Never => (window_end, None),
            End::Count(count) => (window_end, Some(u64::from(count.get()))),
            End::Until(until) => (
                until
                    .exclusive_end()
                    .map_or(window_end, |end| end.min(window_end)),
                None,
            ),
        };
        let periods = Periods::new(self.rule(), self.dtstart().date());
        let first = periods.index_of(from.date());
        let remaining = count.map(|count| count.saturating_sub(periods.count_before(first, count)));
        Occurrences {
            schedule: self,
            periods,
            next_index: first,
            current: None,
            remaining,
            from,
            to,
        }
    }
}

impl Occurrences<'_> {
    fn next_period(&mut self) -> Option<Period> {
        let period = self.periods.get(self.next_index)?;
        self.next_index += 1;
        (period.first.and_time(self.schedule.dtstart().time()) < self.to).then_some(period)
    }

    fn finish(&mut self) -> Option<Occurrence> {
        self.to = NaiveDateTime::MIN;
        self.current = None;
        None
    }
}

impl Iterator for Occurrences<'_> {
    type Item = Occurrence;

    fn next(&mut self) -> Option<Occurrence> {
        loop {
            let mut period = match self.current {
                Some(period) if period.days != 0 => period,
                _ => match self.next_period() {
                    Some(period) => period,
                    None => return self.finish(),
                },
            };
            self.current = Some(period);
            if period.days == 0 {
                continue;
            }
            let offset = period.days.trailing_zeros();
            period.days &= period.days - 1;
            self.current = Some(period);
            let Some(day) = period.first.checked_add_days(Days::new(offset.into())) else {
                return self.finish();
            };
            let start = day.and_time(self.schedule.dtstart().time());
            if start >= self.to || self.remaining == Some(0) {
                return self.finish();
            }
            if let Some(remaining) = self.remaining.as_mut() {
                *remaining -= 1;
            }
            if start >= self.from && !self.schedule.exdates().contains(&start) {
                return match start.checked_add_signed(self.schedule.duration()) {
                    Some(end) => Some(Occurrence { start, end }),
                    None => self.finish(),
                };
            }
        }
    }
}

impl std::iter::FusedIterator for Occurrences<'_> {}
