//! What the plan timeline shows for a window of days: one lane per service line, grouped by
//! provider, with the visits that start in the window.
//!
//! Only the window is expanded, so a three-year plan costs what its visible week costs. The
//! timeline, the linear list and the family summary all read the same `Visit`s, so they
//! cannot disagree.

use super::care_plan::Plan;
use super::line::{LineStatus, ServiceLine};
use crate::id::EntryId;
use crate::recurrence::Exception;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime};

/// How much of the plan one screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// From the plan's start to its end (or to the last line's end, or a year on).
    Whole,
}

/// `[from, to)` in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Window {
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.from.iter_days().take_while(move |day| *day < self.to)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.from <= day && day < self.to
    }

    /// The day a status over this window is read on: `today` when the window holds it, so the
    /// current week shows a line starting today as running, else the window's first day.
    pub fn focus(self, today: NaiveDate) -> NaiveDate {
        if self.contains(today) { today } else { self.from }
    }

    fn bounds(self) -> (NaiveDateTime, NaiveDateTime) {
        (self.from.and_time(NaiveTime::MIN), self.to.and_time(NaiveTime::MIN))
    }
}

impl Span {
    /// The window of this span that holds `anchor`.
    pub fn window(self, plan: &Plan, anchor: NaiveDate) -> Window {
        match self {
            Span::Week => {
                let from = anchor - Days::new(anchor.weekday().num_days_from_monday().into());
                Window { from, to: from + Days::new(7) }
            }
            Span::Month => {
                let from = anchor.with_day(1).unwrap_or(anchor);
                Window { from, to: from + Months::new(1) }
            }
            Span::Whole => whole(plan),
        }
    }

    /// The anchor one window later (`forward`) or earlier; the whole plan does not move.
    pub fn step(self, anchor: NaiveDate, forward: bool) -> NaiveDate {
        let moved = match (self, forward) {
            (Span::Week, true) => anchor.checked_add_days(Days::new(7)),
            (Span::Week, false) => anchor.checked_sub_days(Days::new(7)),
            (Span::Month, true) => anchor.checked_add_months(Months::new(1)),
            (Span::Month, false) => anchor.checked_sub_months(Months::new(1)),
            (Span::Whole, _) => None,
        };
        moved.unwrap_or(anchor)
    }
}

fn whole(plan: &Plan) -> Window {
    let fields = plan.fields();
    let last_line_end = plan.lines().iter().filter_map(|line| line.fields().period_end).max();
    let end = fields
        .period_end
        .or(last_line_end)
        .unwrap_or_else(|| fields.period_start + Months::new(12));
    Window { from: fields.period_start, to: end.succ_opt().unwrap_or(end) }
}

/// One planned visit of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Visit {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub line: EntryId,
    /// Moved here from another time, or paused: shown in words wherever the visit is shown.
    pub exception: Option<Exception>,
}

impl Visit {
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Whether the visit takes place (a paused one does not).
    pub fn happens(&self) -> bool {
        self.exception != Some(Exception::Paused)
    }
}

/// A service line and its visits in the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane<'a> {
    pub line: &'a ServiceLine,
    /// What the line amounts to on the day `lanes` was asked about.
    pub status: LineStatus,
    pub visits: Vec<Visit>,
}

/// The lanes of one provider, in the order the plan lists its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderGroup<'a> {
    pub provider: &'a str,
    pub lanes: Vec<Lane<'a>>,
}

/// The visits of one line in the window, paused ones included and marked, without those on
/// hospital days.
pub fn line_visits(plan: &Plan, line: EntryId, window: Window) -> Vec<Visit> {
    let (from, to) = window.bounds();
    plan.planned(line, from, to).map(|(o, exception)| Visit { start: o.start, end: o.end, line, exception }).collect()
}

/// Every line's lane with its visits in `window` and its status on `day`, grouped by provider in
/// order of first appearance.
pub fn lanes(plan: &Plan, window: Window, day: NaiveDate) -> Vec<ProviderGroup<'_>> {
    let mut groups: Vec<ProviderGroup<'_>> = Vec::new();
    for line in plan.lines() {
        let lane = Lane {
            line,
            status: plan.line_status_on(line.id(), day).unwrap_or(line.fields().status),
            visits: line_visits(plan, line.id(), window),
        };
        let provider = line.fields().provider.as_str();
        match groups.iter_mut().find(|group| group.provider == provider) {
            Some(group) => group.lanes.push(lane),
            None => groups.push(ProviderGroup { provider, lanes: vec![lane] }),
        }
    }
    groups
}

/// The first day of each calendar month the window touches.
pub fn months_of(window: Window) -> impl Iterator<Item = NaiveDate> {
    let first = window.from.with_day(1).unwrap_or(window.from);
    std::iter::successors(Some(first), |month| month.checked_add_months(Months::new(1))).take_while(move |m| *m < window.to)
}

/// How many visits of `line` start in each month of the window (as `months_of` lists them),
/// counted in one pass without keeping the visits: the whole-plan view of a long plan.
pub fn month_counts(plan: &Plan, line: EntryId, window: Window) -> Vec<usize> {
    let months: Vec<NaiveDate> = months_of(window).collect();
    let mut counts = vec![0; months.len()];
    let (from, to) = window.bounds();
    for visit in plan.occurrences(line, from, to) {
        let index = months.partition_point(|first| *first <= visit.start.date());
        if let Some(count) = index.checked_sub(1).and_then(|i| counts.get_mut(i)) {
            *count += 1;
        }
    }
    counts
}

/// Every visit of the window in time order (ties by line), as the linear list reads them.
pub fn visits_in_order(plan: &Plan, window: Window) -> Vec<Visit> {
    let mut visits: Vec<Visit> =
        plan.lines().iter().flat_map(|line| line_visits(plan, line.id(), window)).collect();
    visits.sort();
    visits
}
