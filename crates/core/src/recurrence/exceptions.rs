//! The exceptions to a schedule that people ask for between two plan reviews: one visit moved
//! to another day or time (an EXDATE plus an RDATE in RFC 5545 terms, remembered as a pair so
//! the plan can say where it came from), and a period when the visits pause, with its reason.
//!
//! A paused visit is still listed, marked as such, so everyone sees what will not happen;
//! only the visits that happen count for hours and costs.

use super::schedule::{Occurrence, Schedule};
use super::RecurrenceError;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Longest reason kept for a pause.
pub const PAUSE_REASON_MAX_LEN: usize = 500;

/// Why a visit is not where the rule alone puts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Exception {
    /// Moved here from the rule's visit at this time.
    Moved(NaiveDateTime),
    /// In a pause: planned but not taking place.
    Paused,
}

/// Visits moved, as (rule's start, new start) pairs; on the wire a list of `{from, to}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Move>", into = "Vec<Move>")]
pub struct Moves(Vec<Move>);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Move {
    from: NaiveDateTime,
    to: NaiveDateTime,
}

impl From<Vec<Move>> for Moves {
    fn from(moves: Vec<Move>) -> Self {
        Self(moves)
    }
}

impl From<Moves> for Vec<Move> {
    fn from(moves: Moves) -> Self {
        moves.0
    }
}

impl Moves {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn moved_away(&self, start: NaiveDateTime) -> bool {
        self.0.iter().any(|m| m.from == start)
    }

    /// Forgets the move that lands on `target`, giving the rule's start it came from.
    pub(super) fn take_target(&mut self, target: NaiveDateTime) -> Option<NaiveDateTime> {
        let index = self.0.iter().position(|m| m.to == target)?;
        Some(self.0.remove(index).from)
    }
}

/// Days (both included) when a line's visits do not take place, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawPause")]
pub struct Pause {
    from: NaiveDate,
    to: NaiveDate,
    reason: String,
}

#[derive(Deserialize)]
struct RawPause {
    from: NaiveDate,
    to: NaiveDate,
    reason: String,
}

impl TryFrom<RawPause> for Pause {
    type Error = RecurrenceError;
    fn try_from(raw: RawPause) -> Result<Self, Self::Error> {
        Pause::new(raw.from, raw.to, &raw.reason)
    }
}

impl Pause {
    pub fn new(from: NaiveDate, to: NaiveDate, reason: &str) -> Result<Self, RecurrenceError> {
        if to < from {
            return Err(RecurrenceError::PauseEndsBeforeStart);
        }
        let reason = reason.trim();
        if reason.chars().count() > PAUSE_REASON_MAX_LEN {
            return Err(RecurrenceError::PauseReasonTooLong);
        }
        Ok(Self { from, to, reason: reason.to_owned() })
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }

    pub fn to(&self) -> NaiveDate {
        self.to
    }

    pub fn reason(&self) -> &str {
        &self.reason
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

impl Schedule {
    /// The same schedule with the visit at `from` taking place at `to` instead. `from` must be a
    /// visit of the schedule (a visit moved earlier moves again from where it now is).
    pub fn moving(mut self, from: NaiveDateTime, to: NaiveDateTime) -> Result<Self, RecurrenceError> {
        let next = from + chrono::TimeDelta::seconds(1);
        if !self.planned(from, next).any(|(visit, _)| visit.start == from) {
            return Err(RecurrenceError::NoVisitToMove);
        }
        let original = self.moves.take_target(from).unwrap_or(from);
        if original != to {
            self.moves.0.push(Move { from: original, to });
        }
        Ok(self)
    }

    /// The same schedule with its visits paused over `pause`.
    pub fn pausing(mut self, pause: Pause) -> Self {
        self.pauses.push(pause);
        self
    }

    /// The same schedule without the pause that starts on `from`.
    pub fn resuming(mut self, from: NaiveDate) -> Self {
        self.pauses.retain(|pause| pause.from != from);
        self
    }

    pub fn pauses(&self) -> &[Pause] {
        &self.pauses
    }

    /// The pause covering `day`, if any.
    pub fn pause_on(&self, day: NaiveDate) -> Option<&Pause> {
        self.pauses.iter().find(|pause| pause.covers(day))
    }

    /// Every visit starting in `[from, to)` with its exception, in time order: the rule's
    /// visits less those moved away, plus those moved into the window. Paused visits are
    /// included, marked; the rule's expansion stays lazy.
    pub fn planned(&self, from: NaiveDateTime, to: NaiveDateTime) -> impl Iterator<Item = (Occurrence, Option<Exception>)> + '_ {
        let mut moved_in: Vec<(Occurrence, Option<Exception>)> = self
            .moves
            .0
            .iter()
            .filter(|m| from <= m.to && m.to < to)
            .map(|m| (Occurrence { start: m.to, end: m.to + self.duration() }, Some(Exception::Moved(m.from))))
            .collect();
        moved_in.sort();
        let regular = self.occurrences(from, to).filter(|visit| !self.moves.moved_away(visit.start)).map(|visit| (visit, None));
        Merge { left: regular.peekable(), right: moved_in.into_iter().peekable() }
            .map(|(visit, exception)| match self.pause_on(visit.start.date()) {
                Some(_) => (visit, Some(Exception::Paused)),
                None => (visit, exception),
            })
    }
}

/// Two time-ordered streams of visits as one.
struct Merge<L: Iterator, R: Iterator> {
    left: std::iter::Peekable<L>,
    right: std::iter::Peekable<R>,
}

impl<L, R> Iterator for Merge<L, R>
where
    L: Iterator<Item = (Occurrence, Option<Exception>)>,
    R: Iterator<Item = (Occurrence, Option<Exception>)>,
{
    type Item = (Occurrence, Option<Exception>);

    fn next(&mut self) -> Option<Self::Item> {
        match (self.left.peek(), self.right.peek()) {
            (Some(l), Some(r)) if r.0.start < l.0.start => self.right.next(),
            (Some(_), _) => self.left.next(),
            (None, _) => self.right.next(),
        }
    }
}
