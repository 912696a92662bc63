//! A service line's schedule: a rule anchored on a DTSTART, a visit length, excluded dates,
//! and the exceptions of `exceptions.rs` (visits moved, periods paused).
//!
//! Everything is local wall time without a zone, because a visit "every weekday at 8:00" stays
//! at 8:00 across daylight-saving changes.

use super::exceptions::{Moves, Pause};
use super::rule::{End, Rule, Until};
use super::weekday::WeekdaySet;
use super::RecurrenceError;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Longest single visit: anything longer is a stay, planned as one visit per day.
pub const MAX_DURATION_MINUTES: u16 = 24 * 60;

/// One planned visit, in local wall time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Occurrence {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl Occurrence {
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawSchedule")]
pub struct Schedule {
    dtstart: NaiveDateTime,
    duration_minutes: u16,
    rule: Rule,
    #[serde(default)]
    exdates: BTreeSet<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Moves::is_empty")]
    pub(super) moves: Moves,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) pauses: Vec<Pause>,
}

#[derive(Deserialize)]
struct RawSchedule {
    dtstart: NaiveDateTime,
    duration_minutes: u16,
    rule: Rule,
    #[serde(default)]
    exdates: BTreeSet<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Moves::is_empty")]
    pub(super) moves: Moves,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) pauses: Vec<Pause>,
}

impl TryFrom<RawSchedule> for Schedule {
    type Error = RecurrenceError;
    fn try_from(raw: RawSchedule) -> Result<Self, Self::Error> {
        let schedule = Schedule::new(raw.dtstart, raw.duration_minutes, raw.rule, raw.exdates)?;
        Ok(Self { moves: raw.moves, pauses: raw.pauses, ..schedule })
    }
}

impl Schedule {
    pub fn new(
        dtstart: NaiveDateTime,
        duration_minutes: u16,
        rule: Rule,
        exdates: BTreeSet<NaiveDateTime>,
    ) -> Result<Self, RecurrenceError> {
        if duration_minutes == 0 || duration_minutes > MAX_DURATION_MINUTES {
            return Err(RecurrenceError::InvalidDuration);
        }
        let ends_before_start = match rule.end() {
            End::Until(Until::Date(date)) => date < dtstart.date(),
            End::Until(Until::DateTime(at)) => at < dtstart,
            End::Never | End::Count(_) => false,
        };
        if ends_before_start {
            return Err(RecurrenceError::UntilBeforeStart);
        }
        Ok(Self {
            dtstart,
            duration_minutes,
            rule,
            exdates,
            moves: Moves::default(),
            pauses: Vec::new(),
        })
    }

    /// "Du lundi au vendredi à 8:00" from `from` on, `minutes` long.
    pub fn weekdays_at(
        from: NaiveDate,
        at: NaiveTime,
        minutes: u16,
    ) -> Result<Self, RecurrenceError> {
        Self::new(
            from.and_time(at),
            minutes,
            Rule::weekly(WeekdaySet::MONDAY_TO_FRIDAY),
            BTreeSet::new(),
        )
    }

    /// "3 fois par semaine": Monday, Wednesday and Friday.
    pub fn three_times_a_week(
        from: NaiveDate,
        at: NaiveTime,
        minutes: u16,
    ) -> Result<Self, RecurrenceError> {
        Self::new(
            from.and_time(at),
            minutes,
            Rule::weekly(WeekdaySet::MONDAY_WEDNESDAY_FRIDAY),
            BTreeSet::new(),
        )
    }

    /// "Le 1er lundi du mois" (or any first weekday).
    pub fn first_weekday_of_month(
        from: NaiveDate,
        day: Weekday,
        at: NaiveTime,
        minutes: u16,
    ) -> Result<Self, RecurrenceError> {
        Self::new(
            from.and_time(at),
            minutes,
            Rule::monthly_on_weekday(1, day)?,
            BTreeSet::new(),
        )
    }

    /// The same schedule without the visit at `start` (a cancelled visit); a visit moved to
    /// `start` is cancelled at its original time.
    pub fn excluding(mut self, start: NaiveDateTime) -> Self {
        let original = self.moves.take_target(start).unwrap_or(start);
        self.exdates.insert(original);
        self
    }

    pub fn dtstart(&self) -> NaiveDateTime {
        self.dtstart
    }

    pub fn duration_minutes(&self) -> u16 {
        self.duration_minutes
    }

    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    pub fn exdates(&self) -> &BTreeSet<NaiveDateTime> {
        &self.exdates
    }

    pub(super) fn duration(&self) -> TimeDelta {
        TimeDelta::minutes(self.duration_minutes.into())
    }
}
