//! Kinds of plan (plan d'aide APA, PSI, PPCS, projet personnalisé) and how often each is
//! reviewed, as data with French defaults (domain.md §3).
//!
//! Review practice differs between départements and services, so the cadence travels with the
//! type and a host replaces the defaults rather than the code deciding.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::num::NonZeroU8;

/// How often a plan is reviewed when nothing happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewCadence {
    /// Reviewed on request or when the situation changes: no date is scheduled in advance.
    OnRequest,
    /// Every so many months after the last review (a SAAD référent's quarterly visit is 3).
    Months(NonZeroU8),
}

impl ReviewCadence {
    /// The review that follows one held on `last`, if the cadence schedules any.
    pub fn next_after(self, last: NaiveDate) -> Option<NaiveDate> {
        match self {
            ReviewCadence::OnRequest => None,
            ReviewCadence::Months(months) => last.checked_add_months(Months::new(months.get().into())),
        }
    }
}

/// A kind of plan, e.g. `plan-aide-apa`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanType {
    pub code: String,
    pub label_fr: String,
    pub review_cadence: ReviewCadence,
}

const QUARTERLY: ReviewCadence = ReviewCadence::Months(NonZeroU8::new(3).expect("3 is not zero"));

const PLAN_TYPES: [(&str, &str, ReviewCadence); 4] = [
    ("plan-aide-apa", "Plan d'aide APA", ReviewCadence::OnRequest),
    ("psi", "Plan de services individualisé (MAIA / DAC)", ReviewCadence::OnRequest),
    ("ppcs", "Plan personnalisé de coordination en santé (PPCS)", ReviewCadence::OnRequest),
    ("projet-personnalise", "Projet personnalisé (SAAD / ESSMS)", QUARTERLY),
];

impl PlanType {
    pub fn french_defaults() -> Vec<PlanType> {
        PLAN_TYPES
            .iter()
            .map(|&(code, label, review_cadence)| PlanType { code: code.to_owned(), label_fr: label.to_owned(), review_cadence })
            .collect()
    }

    /// The default type with that code, for hosts that do not override the list.
    pub fn default_of(code: &str) -> Option<PlanType> {
        Self::french_defaults().into_iter().find(|t| t.code == code)
    }
}
