//! Planned versus done: the liaison book's "passage" transmissions drawn against the plan's
//! visits, and a realisation rate per line.
//!
//! A transmission in the `passage` category (the « RAS, passage effectué » quick note) records
//! that its author came. Its author's role says which services it can be for (an aide à
//! domicile's passage is home help, a nurse's is nursing care), and it is matched to the
//! nearest visit of such a line on the same day not already matched. So two notes about one
//! visit do not count twice, a note on an unplanned day does not raise the rate, and a nurse's
//! note never marks the home help done. Paused visits are neither planned nor done.

use super::care_plan::Plan;
use super::timeline::{line_visits, visits_in_order, Visit, Window};
use crate::author::Role;
use crate::id::EntryId;
use crate::Transmission;
use chrono::{DateTime, NaiveDateTime};
use std::collections::BTreeSet;

/// The liaison-book category whose entries record a passage.
pub const PASSAGE_CATEGORY: &str = "passage";

/// Which default service types a role's passage can be for.
const ROLE_SERVICES: [(Role, &str); 8] = [
    (Role::AideADomicile, "aide-a-domicile"),
    (Role::AideADomicile, "repit"),
    (Role::AideSoignant, "soins-infirmiers"),
    (Role::Infirmier, "soins-infirmiers"),
    (Role::InfirmierLiberal, "soins-infirmiers"),
    (Role::InfirmierCoordinateur, "soins-infirmiers"),
    (Role::Kinesitherapeute, "kinesitherapie"),
    (Role::AutreIntervenant, "autre"),
];

/// A passage recorded in the liaison book: when (local time) and by whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub at: NaiveDateTime,
    pub role: Role,
}

impl Passage {
    /// The passage an entry records, if it is one; `offset_minutes` turns its time into the
    /// person's local time, which the plan is in.
    pub fn of(entry: &Transmission, offset_minutes: i32) -> Option<Passage> {
        if entry.category.as_str() != PASSAGE_CATEGORY {
            return None;
        }
        let local_ms = entry.created_at.unix_ms().checked_add(i64::from(offset_minutes) * 60_000)?;
        Some(Passage { at: DateTime::from_timestamp_millis(local_ms)?.naive_utc(), role: entry.author.role() })
    }
}

/// The visits of a window a passage was recorded for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done(BTreeSet<Visit>);

impl Done {
    /// Matches each passage, in time order, to the nearest unmatched visit of the same day
    /// that its author's role can do.
    pub fn match_passages(plan: &Plan, window: Window, passages: &[Passage]) -> Done {
        let visits: Vec<Visit> = visits_in_order(plan, window).into_iter().filter(Visit::happens).collect();
        let mut passages: Vec<Passage> = passages.iter().copied().filter(|p| window.contains(p.at.date())).collect();
        passages.sort_by_key(|p| p.at);
        let mut done = BTreeSet::new();
        for passage in passages {
            let nearest = visits
                .iter()
                .filter(|v| v.start.date() == passage.at.date() && !done.contains(*v))
                .filter(|v| plan.line(v.line).is_some_and(|line| can_do(passage.role, &line.service().code)))
                .min_by_key(|v| (v.start - passage.at).num_minutes().abs());
            if let Some(visit) = nearest {
                done.insert(*visit);
            }
        }
        Done(done)
    }

    pub fn contains(&self, visit: &Visit) -> bool {
        self.0.contains(visit)
    }
}

fn can_do(role: Role, service: &str) -> bool {
    ROLE_SERVICES.iter().any(|&(r, s)| r == role && s == service)
}

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

/// How many of `line`'s visits in the window take place, and how many of those are done.
pub fn realisation(plan: &Plan, line: EntryId, window: Window, done: &Done) -> Realisation {
    let visits: Vec<Visit> = line_visits(plan, line, window).into_iter().filter(Visit::happens).collect();
    Realisation { planned: visits.len(), done: visits.iter().filter(|v| done.contains(v)).count() }
}
