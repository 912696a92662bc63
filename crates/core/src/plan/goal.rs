//! An objective of the plan (PPCS, projet personnalisé): what the person should reach, the
//! needs from the evaluation it answers and the service lines that serve it (domain.md §3).

use super::plan_error::CarePlanError;
use crate::aggir::Variable;
use crate::id::EntryId;
use crate::Author;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest goal title, expected result, questionnaire URL or linkId kept.
pub const GOAL_TEXT_MAX_LEN: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    Proposed,
    Active,
    OnHold,
    Achieved,
    NotAchieved,
    Abandoned,
}

impl GoalStatus {
    pub fn label_fr(self) -> &'static str {
        match self {
            GoalStatus::Proposed => "Proposé",
            GoalStatus::Active => "En cours",
            GoalStatus::OnHold => "En pause",
            GoalStatus::Achieved => "Atteint",
            GoalStatus::NotAchieved => "Non atteint",
            GoalStatus::Abandoned => "Abandonné",
        }
    }
}

/// The life domain a goal belongs to, as data a host may replace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalDomain {
    pub code: String,
    pub label_fr: String,
}

const GOAL_DOMAINS: [(&str, &str); 6] = [
    ("vie-quotidienne", "Actes de la vie quotidienne"),
    ("sante", "Santé et soins"),
    ("alimentation", "Alimentation"),
    ("securite", "Sécurité au domicile"),
    ("vie-sociale", "Vie sociale et relationnelle"),
    ("aidant", "Soutien du proche aidant"),
];

impl GoalDomain {
    pub fn french_defaults() -> Vec<GoalDomain> {
        GOAL_DOMAINS.iter().map(|&(code, label)| GoalDomain { code: code.to_owned(), label_fr: label.to_owned() }).collect()
    }

    pub fn default_of(code: &str) -> Option<GoalDomain> {
        Self::french_defaults().into_iter().find(|d| d.code == code)
    }
}

/// A need found by the evaluation that a goal answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum NeedRef {
    /// A discriminant AGGIR variable, e.g. `toilette`.
    Aggir { variable: Variable },
    /// An answer of a questionnaire (REM or host-supplied), by the questionnaire's canonical
    /// URL and the item's linkId.
    QuestionnaireItem { questionnaire: String, link_id: String },
}

/// Who expressed the goal: the person themself or someone of the care circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "by", content = "author")]
pub enum ExpressedBy {
    Person,
    Author(Author),
}

/// The fields of a goal before validation, also its wire form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalDraft {
    pub id: EntryId,
    pub title: String,
    pub domain: GoalDomain,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub status: GoalStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_result: Option<String>,
    #[serde(default)]
    pub needs: Vec<NeedRef>,
    /// Ids of the plan's service lines that work towards the goal.
    #[serde(default)]
    pub served_by: Vec<EntryId>,
    pub expressed_by: ExpressedBy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "GoalDraft", into = "GoalDraft")]
pub struct Goal(GoalDraft);

impl TryFrom<GoalDraft> for Goal {
    type Error = CarePlanError;
    fn try_from(draft: GoalDraft) -> Result<Self, Self::Error> {
        Goal::new(draft)
    }
}

impl From<Goal> for GoalDraft {
    fn from(goal: Goal) -> Self {
        goal.0
    }
}

impl Goal {
    pub fn new(mut draft: GoalDraft) -> Result<Self, CarePlanError> {
        draft.title = bounded(&draft.title, CarePlanError::BlankGoalTitle)?;
        if draft.domain.code.trim().is_empty() || draft.domain.label_fr.trim().is_empty() {
            return Err(CarePlanError::BlankGoalDomain);
        }
        draft.expected_result = match draft.expected_result.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) if text.chars().count() > GOAL_TEXT_MAX_LEN => return Err(CarePlanError::GoalTextTooLong),
            Some(text) => Some(text.to_owned()),
        };
        for need in &draft.needs {
            if let NeedRef::QuestionnaireItem { questionnaire, link_id } = need {
                bounded(questionnaire, CarePlanError::BlankNeed)?;
                bounded(link_id, CarePlanError::BlankNeed)?;
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        draft.served_by.retain(|id| seen.insert(*id));
        Ok(Self(draft))
    }

    pub fn fields(&self) -> &GoalDraft {
        &self.0
    }

    pub fn id(&self) -> EntryId {
        self.0.id
    }

    pub fn served_by(&self) -> &[EntryId] {
        &self.0.served_by
    }
}

/// Trimmed, non-blank and at most `GOAL_TEXT_MAX_LEN` characters.
fn bounded(text: &str, blank: CarePlanError) -> Result<String, CarePlanError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(blank);
    }
    if text.chars().count() > GOAL_TEXT_MAX_LEN {
        return Err(CarePlanError::GoalTextTooLong);
    }
    Ok(text.to_owned())
}
