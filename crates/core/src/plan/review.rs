//! Plan reviews: the ones the cadence schedules and the ones an event calls for (domain.md §3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What calls for a review outside the cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TriggerEvent {
    Chute,
    SortieHospitalisation,
    EpuisementAidant,
    /// Asked for by the person, the family or a professional (also a change of situation).
    Demande,
}

impl TriggerEvent {
    pub const ALL: [TriggerEvent; 4] =
        [TriggerEvent::Chute, TriggerEvent::SortieHospitalisation, TriggerEvent::EpuisementAidant, TriggerEvent::Demande];

    pub fn code(self) -> &'static str {
        match self {
            TriggerEvent::Chute => "chute",
            TriggerEvent::SortieHospitalisation => "sortie-hospitalisation",
            TriggerEvent::EpuisementAidant => "epuisement-aidant",
            TriggerEvent::Demande => "demande",
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            TriggerEvent::Chute => "Chute",
            TriggerEvent::SortieHospitalisation => "Sortie d'hospitalisation",
            TriggerEvent::EpuisementAidant => "Épuisement de l'aidant",
            TriggerEvent::Demande => "Demande",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewReason {
    /// Due by the plan type's cadence.
    Scheduled,
    Event(TriggerEvent),
}

impl ReviewReason {
    /// `scheduled` or the event's code: one flat code list for exports.
    pub fn code(self) -> &'static str {
        match self {
            ReviewReason::Scheduled => "scheduled",
            ReviewReason::Event(event) => event.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<ReviewReason> {
        match code {
            "scheduled" => Some(ReviewReason::Scheduled),
            _ => TriggerEvent::ALL.into_iter().find(|e| e.code() == code).map(ReviewReason::Event),
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            ReviewReason::Scheduled => "Révision périodique",
            ReviewReason::Event(event) => event.label_fr(),
        }
    }
}

/// A review of the plan, planned for `due` and held on `done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub due: NaiveDate,
    pub reason: ReviewReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
}

impl Review {
    pub fn due(due: NaiveDate, reason: ReviewReason) -> Self {
        Self { due, reason, done: None }
    }

    /// Due before `today` and not held.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.due < today
    }
}
