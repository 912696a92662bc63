//! The consistency rules of a plan, applied on construction and on deserialisation, so the
//! FHIR export and the widgets can trust every cross-reference.

use super::care_plan::PlanDraft;
use super::plan_error::{CarePlanError, PLAN_TITLE_MAX_LEN};
use super::review::{Review, ReviewReason, TriggerEvent};
use std::collections::BTreeSet;

/// Puts stays and reviews in order, and gives every discharge its review.
pub(super) fn normalise(draft: &mut PlanDraft) {
    draft.title = draft.title.trim().to_owned();
    draft.hospital_episodes.sort_by_key(|stay| stay.admitted());
    let return_home = ReviewReason::Event(TriggerEvent::SortieHospitalisation);
    for out in draft.hospital_episodes.iter().filter_map(|stay| stay.discharged()) {
        if !draft.reviews.iter().any(|r| r.reason == return_home && r.due == out) {
            draft.reviews.push(Review::due(out, return_home));
        }
    }
    draft.reviews.sort_by_key(|review| review.due);
}

pub(super) fn check(draft: &PlanDraft) -> Result<(), CarePlanError> {
    if draft.title.is_empty() {
        return Err(CarePlanError::BlankTitle);
    }
    if draft.title.chars().count() > PLAN_TITLE_MAX_LEN {
        return Err(CarePlanError::TitleTooLong);
    }
    if draft.plan_type.code.trim().is_empty() || draft.plan_type.label_fr.trim().is_empty() {
        return Err(CarePlanError::BlankPlanType);
    }
    if draft.period_end.is_some_and(|end| end < draft.period_start) {
        return Err(CarePlanError::PeriodEndsBeforeStart);
    }
    check_ids(draft)?;
    check_stays(draft)
}

fn check_ids(draft: &PlanDraft) -> Result<(), CarePlanError> {
    let mut lines = BTreeSet::new();
    if let Some(line) = draft.lines.iter().find(|line| !lines.insert(line.id())) {
        return Err(CarePlanError::DuplicateLine(line.id()));
    }
    let mut goals = BTreeSet::new();
    if let Some(goal) = draft.goals.iter().find(|goal| !goals.insert(goal.id())) {
        return Err(CarePlanError::DuplicateGoal(goal.id()));
    }
    for goal in &draft.goals {
        if let Some(&line) = goal.served_by().iter().find(|id| !lines.contains(*id)) {
            return Err(CarePlanError::UnknownLine { goal: goal.id(), line });
        }
    }
    Ok(())
}

/// Stays are sorted by admission, so checking neighbours is enough.
fn check_stays(draft: &PlanDraft) -> Result<(), CarePlanError> {
    match draft.hospital_episodes.windows(2).any(|pair| pair[0].overlaps(&pair[1])) {
        true => Err(CarePlanError::OverlappingStays),
        false => Ok(()),
    }
}
