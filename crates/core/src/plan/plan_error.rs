//! Why a plan, a goal or a hospital stay was refused, in French first then English.

use super::goal::GOAL_TEXT_MAX_LEN;
use super::hospital::STAY_REASON_MAX_LEN;
use crate::id::EntryId;

/// Longest plan title kept.
pub const PLAN_TITLE_MAX_LEN: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarePlanError {
    #[error("le titre du plan est vide / the plan title is empty")]
    BlankTitle,
    #[error("le titre du plan dépasse {PLAN_TITLE_MAX_LEN} caractères / the plan title is longer than {PLAN_TITLE_MAX_LEN} characters")]
    TitleTooLong,
    #[error("le type de plan n'a pas de code ou de libellé / the plan type has no code or no label")]
    BlankPlanType,
    #[error("la fin du plan précède son début / the plan ends before it starts")]
    PeriodEndsBeforeStart,
    #[error("la ligne {0} figure deux fois dans le plan / line {0} appears twice in the plan")]
    DuplicateLine(EntryId),
    #[error("l'objectif {0} figure deux fois dans le plan / goal {0} appears twice in the plan")]
    DuplicateGoal(EntryId),
    #[error("l'objectif {goal} renvoie à la ligne {line}, absente du plan / goal {goal} refers to line {line}, which is not in the plan")]
    UnknownLine { goal: EntryId, line: EntryId },
    #[error("le titre de l'objectif est vide / the goal title is empty")]
    BlankGoalTitle,
    #[error("un texte de l'objectif dépasse {GOAL_TEXT_MAX_LEN} caractères / a goal text is longer than {GOAL_TEXT_MAX_LEN} characters")]
    GoalTextTooLong,
    #[error("le domaine de l'objectif n'a pas de code ou de libellé / the goal domain has no code or no label")]
    BlankGoalDomain,
    #[error("un besoin visé n'a pas de questionnaire ou de linkId / a need has no questionnaire or no linkId")]
    BlankNeed,
    #[error("la sortie d'hospitalisation précède l'admission / the discharge is before the admission")]
    DischargeBeforeAdmission,
    #[error("le motif d'hospitalisation dépasse {STAY_REASON_MAX_LEN} caractères / the stay reason is longer than {STAY_REASON_MAX_LEN} characters")]
    StayReasonTooLong,
    #[error("deux hospitalisations se chevauchent / two hospital stays overlap")]
    OverlappingStays,
    #[error("aucune hospitalisation en cours / no hospital stay is under way")]
    NoOpenStay,
}
