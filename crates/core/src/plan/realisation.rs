//! Planned versus done: how many of a line's planned visits a "passage" was recorded for.
//!
//! A passage is matched to at most one planned visit of the same line on the same day, so
//! two notes about one visit do not count twice and a visit on an unplanned day does not
//! raise the rate.

use super::care_plan::Plan;
use super::timeline::{line_visits, Window};
use crate::id::EntryId;
use chrono::NaiveDateTime;

/// The visits planned in a window and those a passage was recorded for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Realisation {
    pub planned: usize,
    pub done: usize,
}

impl Realisation {
    /// Whole percent, rounded down; `None` when nothing was planned.
    pub fn percent(self) -> Option<usize> {
        (self.planned > 0).then(|| self.done * 100 / self.planned)
    }
}

/// `passages` are the local times of the passages recorded for `line`, in any order.
pub fn realisation(plan: &Plan, line: EntryId, window: Window, passages: &[NaiveDateTime]) -> Realisation {
    let visits = line_visits(plan, line, window);
    let mut days: Vec<_> = passages.iter().map(|at| at.date()).filter(|day| window.contains(*day)).collect();
    days.sort_unstable();
    let done = visits
        .iter()
        .filter(|visit| match days.binary_search(&visit.start.date()) {
            Ok(found) => {
                days.remove(found);
                true
            }
            Err(_) => false,
        })
        .count();
    Realisation { planned: visits.len(), done }
}
