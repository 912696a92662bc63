//! A hospital stay during a plan: services stop while the person is away, and the return
//! home calls for a review (domain.md §3).

use super::plan_error::CarePlanError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest reason kept for a stay.
pub const STAY_REASON_MAX_LEN: usize = 500;

/// Admission and, once known, discharge; both days count as hospital days, because a visit
/// planned on either day cannot be assumed to happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawEpisode")]
pub struct HospitalEpisode {
    admitted: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discharged: Option<NaiveDate>,
    reason: String,
}

#[derive(Deserialize)]
struct RawEpisode {
    admitted: NaiveDate,
    #[serde(default)]
    discharged: Option<NaiveDate>,
    reason: String,
}

impl TryFrom<RawEpisode> for HospitalEpisode {
    type Error = CarePlanError;
    fn try_from(raw: RawEpisode) -> Result<Self, Self::Error> {
        HospitalEpisode::new(raw.admitted, raw.discharged, &raw.reason)
    }
}

impl HospitalEpisode {
    pub fn new(admitted: NaiveDate, discharged: Option<NaiveDate>, reason: &str) -> Result<Self, CarePlanError> {
        if discharged.is_some_and(|out| out < admitted) {
            return Err(CarePlanError::DischargeBeforeAdmission);
        }
        let reason = reason.trim();
        if reason.chars().count() > STAY_REASON_MAX_LEN {
            return Err(CarePlanError::StayReasonTooLong);
        }
        Ok(Self { admitted, discharged, reason: reason.to_owned() })
    }

    pub fn admitted(&self) -> NaiveDate {
        self.admitted
    }

    /// `None` while the person is still in hospital.
    pub fn discharged(&self) -> Option<NaiveDate> {
        self.discharged
    }

    pub fn reason(&self) -> &str {
        &self.reason
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.admitted <= day && self.discharged.is_none_or(|out| day <= out)
    }

    /// The same stay, ended on `on`.
    pub fn discharge(&self, on: NaiveDate) -> Result<Self, CarePlanError> {
        Self::new(self.admitted, Some(on), &self.reason)
    }

    /// Whether two stays share a day.
    pub(super) fn overlaps(&self, other: &HospitalEpisode) -> bool {
        self.covers(other.admitted) || other.covers(self.admitted)
    }
}
