//! Evaluations: one person's filled questionnaire at one point in its life (domain.md §4).
//!
//! An evaluation is a draft while it is being filled; finalising signs it and makes it
//! immutable; correcting it later means a new version (an amendment) that points to the one it
//! replaces, so the history of a person's GIR is never rewritten. The answers are kept as the
//! `QuestionnaireResponse` items, which is what FHIR exchanges and what a signature covers.
//!
//! Finalising stores the SHA-256 [`Fingerprint`] of [`Evaluation::signed_content`] (the
//! canonical bytes of what was shown, with author and time); [`Evaluation::verify`] recomputes
//! it, so a version altered after signing is recognised wherever it travels.

use super::aggir_form::AggirForm;
use super::aggir_items::{variable_code_link_id, GIR_LINK_ID};
use super::answers::Form;
use super::builtin::AGGIR_URL;
use super::canonical_json::canonical_bytes;
use super::definition::Questionnaire;
pub use super::fingerprint::Fingerprint;
use super::response::{Incomplete, ResponseStatus};
use super::restore::RestoreError;
use crate::aggir::{Code, Gir, Variable};
use crate::{Author, EntryId, SubjectId, Timestamp};
use serde_json::{json, Value};

pub use super::evaluation_changes::{changes, summary_fr, Change};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvaluationError {
    #[error("l'évaluation est finalisée et ne change plus / the evaluation is finalised and cannot change")]
    Final,
    #[error("seule une évaluation finalisée peut être corrigée par une nouvelle version / only a finalised evaluation can be amended")]
    NotFinal,
    #[error(
        "le formulaire répond à « {found} » et non à « {expected} » / the form answers '{found}', not '{expected}'"
    )]
    OtherQuestionnaire { expected: String, found: String },
    #[error("{0}")]
    Incomplete(Incomplete),
    #[error("{0}")]
    Restore(RestoreError),
    #[error(
        "les deux évaluations ne concernent pas la même personne / the two evaluations are about different people"
    )]
    OtherSubject,
    #[error("le statut « {0} » ne s'accorde pas avec la version précédente / status '{0}' does not agree with the previous version")]
    StatusMismatch(&'static str),
    #[error("l'évaluation n'est pas finalisée : elle n'a pas d'empreinte / the evaluation is not final: it has no fingerprint")]
    Unsigned,
    #[error("le contenu ne correspond plus à l'empreinte signée {signed} (calculée : {found}) / the content no longer matches its signed fingerprint")]
    Tampered { signed: Fingerprint, found: Fingerprint },
    #[error("le GIR enregistré ne correspond pas aux réponses / the recorded GIR does not match the answers")]
    GirMismatch,
}

/// Whether the evaluation can still change. Amended or not is told by `previous`, so a
/// "completed" evaluation pointing to a previous version cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Stage {
    Draft,
    Final,
}

/// One filled questionnaire about one person. Its JSON form is what a Relais dump holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Evaluation {
    id: EntryId,
    subject: SubjectId,
    /// `url|version` of the questionnaire answered.
    questionnaire: String,
    stage: Stage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<EntryId>,
    author: Author,
    /// When the draft was last saved, or when it was finalised.
    authored: Timestamp,
    /// The `QuestionnaireResponse.item` list: visible answers only, calculated items included.
    items: Vec<Value>,
    /// SHA-256 of `signed_content()`, set when finalised; never for a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sha256: Option<Fingerprint>,
}

/// What a FHIR import read, before the status is checked against `previous`.
pub(crate) struct EvaluationParts {
    pub id: EntryId,
    pub subject: SubjectId,
    pub questionnaire: String,
    pub status: ResponseStatus,
    pub previous: Option<EntryId>,
    pub author: Author,
    pub authored: Timestamp,
    pub items: Vec<Value>,
}

impl Evaluation {
    /// A first version, in progress, holding the form's current answers.
    pub fn draft(id: EntryId, subject: SubjectId, author: Author, now: Timestamp, form: &Form) -> Self {
        Self {
            id,
            subject,
            questionnaire: form.questionnaire().canonical(),
            stage: Stage::Draft,
            previous: None,
            author,
            authored: now,
            items: captured_items(form),
            sha256: None,
        }
    }

    /// The draft with the form's current answers, saved at `now`.
    pub fn update(self, form: &Form, now: Timestamp) -> Result<Self, EvaluationError> {
        self.check_draft_of(form)?;
        Ok(Self {
            authored: now,
            items: captured_items(form),
            ..self
        })
    }

    /// Signs the form's answers: refused while a visible required answer is missing.
    pub fn finalize(self, form: &Form, now: Timestamp) -> Result<Self, EvaluationError> {
        self.check_draft_of(form)?;
        let completion = form.completion();
        if !completion.is_complete() {
            return Err(EvaluationError::Incomplete(Incomplete {
                missing_required: completion.missing_required,
            }));
        }
        Ok(Self {
            stage: Stage::Final,
            authored: now,
            items: captured_items(form),
            ..self
        }
        .sealed())
    }

    /// A final version with its fingerprint computed from its own content.
    fn sealed(self) -> Self {
        let sha256 = self.signed_content().map(|bytes| Fingerprint::of(&bytes));
        Self { sha256, ..self }
    }

    /// Checks a final version against its fingerprint: `Tampered` when anything signed
    /// (answers, author, time, links) changed since, `Unsigned` for a draft or a version
    /// that lost its fingerprint.
    pub fn verify(&self) -> Result<Fingerprint, EvaluationError> {
        let (Some(signed), Some(content)) = (self.sha256, self.signed_content()) else {
            return Err(EvaluationError::Unsigned);
        };
        let found = Fingerprint::of(&content);
        if found != signed {
            return Err(EvaluationError::Tampered { signed, found });
        }
        Ok(signed)
    }

    /// For the AGGIR grid, checks that the recorded GIR is the one the answers give, so a
    /// receiver never trusts a GIR it could recalculate.
    pub fn check_gir(&self) -> Result<(), EvaluationError> {
        if !self.is_aggir() {
            return Ok(());
        }
        let form = self.form(super::builtin::aggir())?;
        let recalculated = AggirForm::from_form(form).ok().and_then(|aggir| aggir.gir());
        if recalculated != self.gir() {
            return Err(EvaluationError::GirMismatch);
        }
        Ok(())
    }

    /// The SHA-256 stored when finalised.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        self.sha256
    }

    /// A draft of the next version, starting from this one's answers.
    pub fn amend(&self, id: EntryId, author: Author, now: Timestamp) -> Result<Self, EvaluationError> {
        if self.stage == Stage::Draft {
            return Err(EvaluationError::NotFinal);
        }
        Ok(Self {
            id,
            subject: self.subject.clone(),
            questionnaire: self.questionnaire.clone(),
            stage: Stage::Draft,
            previous: Some(self.id),
            author,
            authored: now,
            items: self.items.clone(),
            sha256: None,
        })
    }

    /// An evaluation read from FHIR: a `completed` one has no previous version, an `amended`
    /// one has one. FHIR carries no fingerprint, so a final one is sealed as read.
    pub(crate) fn from_parts(parts: EvaluationParts) -> Result<Self, EvaluationError> {
        let stage = match (parts.status, parts.previous) {
            (ResponseStatus::InProgress, _) => Stage::Draft,
            (ResponseStatus::Completed, None) | (ResponseStatus::Amended, Some(_)) => Stage::Final,
            (status, _) => return Err(EvaluationError::StatusMismatch(status.code())),
        };
        Ok(Self {
            id: parts.id,
            subject: parts.subject,
            questionnaire: parts.questionnaire,
            stage,
            previous: parts.previous,
            author: parts.author,
            authored: parts.authored,
            items: parts.items,
            sha256: None,
        }
        .sealed())
    }

    fn check_draft_of(&self, form: &Form) -> Result<(), EvaluationError> {
        if self.stage == Stage::Final {
            return Err(EvaluationError::Final);
        }
        self.check_questionnaire(form.questionnaire().canonical())
    }

    fn check_questionnaire(&self, found: String) -> Result<(), EvaluationError> {
        if found != self.questionnaire {
            return Err(EvaluationError::OtherQuestionnaire {
                expected: self.questionnaire.clone(),
                found,
            });
        }
        Ok(())
    }

    /// A form holding this evaluation's answers, to go on editing a draft or an amendment.
    pub fn form(&self, questionnaire: Questionnaire) -> Result<Form, EvaluationError> {
        self.check_questionnaire(questionnaire.canonical())?;
        Form::restore(questionnaire, &self.items).map_err(EvaluationError::Restore)
    }

    pub fn id(&self) -> EntryId {
        self.id
    }

    pub fn subject(&self) -> &SubjectId {
        &self.subject
    }

    /// `url|version` of the questionnaire answered.
    pub fn questionnaire(&self) -> &str {
        &self.questionnaire
    }

    /// The questionnaire's url, without its version.
    pub fn questionnaire_url(&self) -> &str {
        self.questionnaire.split('|').next().unwrap_or_default()
    }

    pub fn status(&self) -> ResponseStatus {
        match (self.stage, self.previous) {
            (Stage::Draft, _) => ResponseStatus::InProgress,
            (Stage::Final, None) => ResponseStatus::Completed,
            (Stage::Final, Some(_)) => ResponseStatus::Amended,
        }
    }

    pub fn is_final(&self) -> bool {
        self.stage == Stage::Final
    }

    /// The version this one amends.
    pub fn previous(&self) -> Option<EntryId> {
        self.previous
    }

    pub fn author(&self) -> &Author {
        &self.author
    }

    pub fn authored(&self) -> Timestamp {
        self.authored
    }

    /// The `QuestionnaireResponse.item` list.
    pub fn items(&self) -> &[Value] {
        &self.items
    }

    pub fn is_aggir(&self) -> bool {
        self.questionnaire_url() == AGGIR_URL
    }

    /// The GIR the grid calculated, for a complete AGGIR evaluation.
    pub fn gir(&self) -> Option<Gir> {
        if !self.is_aggir() {
            return None;
        }
        let number = first_answer(&self.items, GIR_LINK_ID)?.get("valueInteger")?.as_u64()?;
        Gir::new(u8::try_from(number).ok()?)
    }

    /// A discriminant variable's calculated code, for an AGGIR evaluation.
    pub fn variable_code(&self, variable: Variable) -> Option<Code> {
        if !self.is_aggir() {
            return None;
        }
        let letter = first_answer(&self.items, &variable_code_link_id(variable))?
            .get("valueString")?
            .as_str()?;
        match letter.chars().collect::<Vec<char>>().as_slice() {
            [letter] => Code::from_letter(*letter),
            _ => None,
        }
    }

    /// The canonical bytes of what finalising signed (see `canonical_json.rs`): every field
    /// but nothing derived, keys sorted. `None` for a draft, which nobody signed. Hash them
    /// with SHA-256 to get the fingerprint stored next to the evaluation.
    pub fn signed_content(&self) -> Option<Vec<u8>> {
        (self.stage == Stage::Final).then(|| {
            canonical_bytes(&json!({
                "id": self.id.to_string(),
                "subject": self.subject.as_str(),
                "questionnaire": self.questionnaire,
                "status": self.status().code(),
                "previous": self.previous.map(|id| id.to_string()),
                "author": {
                    "id": self.author.id(),
                    "name": self.author.name(),
                    "role": self.author.role().code(),
                },
                "authored": self.authored.to_fhir_instant(),
                "item": self.items,
            }))
        })
    }
}

/// The form's response items. An AGGIR form is recalculated first, so an evaluation can never
/// hold a GIR that disagrees with its answers, nor miss one, whoever filled the form.
fn captured_items(form: &Form) -> Vec<Value> {
    if form.questionnaire().url() == AGGIR_URL {
        if let Ok(aggir) = AggirForm::from_form(form.clone()) {
            return aggir.form().response_item_list();
        }
    }
    form.response_item_list()
}

/// The first answer of the item `link_id`, at any depth.
fn first_answer<'a>(items: &'a [Value], link_id: &str) -> Option<&'a Value> {
    items.iter().find_map(|item| {
        if item.get("linkId").and_then(Value::as_str) == Some(link_id) {
            return item.get("answer")?.get(0);
        }
        first_answer(item.get("item")?.as_array()?, link_id)
    })
}
