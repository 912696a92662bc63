//! `evaluation.finalize`: a finalised needs evaluation, immutable once signed.
//!
//! Create-if-absent on the evaluation's client-made id, so a re-push is a duplicate and a
//! second, different content under the same id is refused. Decoding only accepts a final
//! version whose SHA-256 matches its content and, for the AGGIR grid, whose GIR is the one its
//! answers give: a server never stores a signature or a GIR it could not recompute. The person's
//! care circle may write one; a server lets only the équipe de soins and the author read it,
//! since it holds health information (docs/sync-protocol.md).

use super::{Access, Kind, Rule};
use crate::questionnaire::evaluation::{Evaluation, EvaluationError};
use crate::sync::wire::Target;
use serde::{Deserialize, Serialize};

pub const EVALUATION_FINALIZE: &str = "evaluation.finalize";
pub const EVALUATION: &str = "evaluation";

/// A final evaluation whose fingerprint and calculated GIR have been checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Evaluation", into = "Evaluation")]
pub struct SignedEvaluation(Evaluation);

impl SignedEvaluation {
    pub fn new(evaluation: Evaluation) -> Result<Self, EvaluationError> {
        evaluation.verify()?;
        evaluation.check_gir()?;
        Ok(Self(evaluation))
    }

    pub fn evaluation(&self) -> &Evaluation {
        &self.0
    }
}

impl TryFrom<Evaluation> for SignedEvaluation {
    type Error = EvaluationError;
    fn try_from(evaluation: Evaluation) -> Result<Self, Self::Error> {
        Self::new(evaluation)
    }
}

impl From<SignedEvaluation> for Evaluation {
    fn from(signed: SignedEvaluation) -> Self {
        signed.0
    }
}

impl Kind for SignedEvaluation {
    const KIND: &'static str = EVALUATION_FINALIZE;

    fn target(&self) -> Target {
        super::target(EVALUATION, self.0.id().to_string())
    }

    fn author_id(&self) -> &str {
        self.0.author().id()
    }

    fn rule(&self) -> Rule {
        Rule::CreateOnce
    }

    fn access(&self) -> Access {
        Access::Subject(self.0.subject().clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::aggir_form::AggirForm;
    use crate::questionnaire::aggir_items::{Answer, GridActivity};
    use crate::questionnaire::AnswerValue;
    use crate::sync::kinds::{Verdict, Write};
    use crate::sync::wire::{MutationId, Rejection};
    use crate::{Author, EntryId, Role, SubjectId, Timestamp};
    use serde_json::Value;

    /// Every activity "ne fait pas": GIR 1, finalised by a coordinator.
    fn finalized() -> Evaluation {
        let mut grid = AggirForm::new();
        for activity in GridActivity::discriminant() {
            grid.set(&activity.answer_link_id(Answer::NeFaitPas), 0, vec![AnswerValue::Boolean(true)]).unwrap();
        }
        let author = Author::new("claire.petit", "Claire Petit", Role::CoordinateurAutonomie).unwrap();
        let subject = SubjectId::new("usager-42").unwrap();
        let at = Timestamp::from_unix_ms(1_700_000_000_000);
        Evaluation::draft(EntryId::v7(1, [7; 10]), subject, author, at, grid.form()).finalize(grid.form(), at).unwrap()
    }

    fn pushed(payload: Value, target_of: &Evaluation) -> Result<Write, Rejection> {
        let write = Write::EvaluationFinalize(SignedEvaluation::new(target_of.clone()).unwrap());
        let mut mutation = write.into_mutation(1, MutationId::v7(1, [1; 10]), target_of.authored());
        mutation.payload = payload;
        Write::decode(&mutation)
    }

    #[test]
    fn a_signed_final_evaluation_round_trips_and_is_created_once() {
        let done = finalized();
        let write = Write::EvaluationFinalize(SignedEvaluation::new(done.clone()).unwrap());
        let mutation = write.clone().into_mutation(1, MutationId::v7(1, [1; 10]), done.authored());
        assert_eq!(mutation.kind.0, EVALUATION_FINALIZE);
        assert_eq!(mutation.target.id, done.id().to_string());
        assert_eq!(Write::decode(&mutation), Ok(write.clone()));
        assert_eq!(write.author_id(), "claire.petit");
        assert_eq!(write.access(), Access::Subject(done.subject().clone()));
        assert_eq!(write.against(None), Verdict::Store(write.resource()));
        assert_eq!(write.against(Some(&write.resource())), Verdict::AlreadyThere);
    }

    #[test]
    fn decoding_refuses_tampered_content_a_wrong_gir_and_drafts() {
        let done = finalized();
        let payload = serde_json::to_value(&done).unwrap();

        let mut renamed = payload.clone();
        renamed["author"]["name"] = Value::from("Quelqu'un d'autre");
        let refused = pushed(renamed, &done).unwrap_err();
        assert_eq!(refused.code, Rejection::INVALID_PAYLOAD);
        assert!(refused.message.contains("empreinte"), "{}", refused.message);

        let mut unsigned = payload.clone();
        unsigned.as_object_mut().unwrap().remove("sha256");
        assert_eq!(pushed(unsigned, &done).unwrap_err().code, Rejection::INVALID_PAYLOAD);

        // A GIR changed and re-signed by hand: the fingerprint matches, the answers do not.
        let mut regraded: Evaluation = serde_json::from_value(payload.clone()).unwrap();
        let mut json = serde_json::to_value(&regraded).unwrap();
        let text = json["items"].to_string().replace(r#""valueInteger":1"#, r#""valueInteger":4"#);
        json["items"] = serde_json::from_str(&text).unwrap();
        regraded = serde_json::from_value(json).unwrap();
        let fingerprint = crate::questionnaire::evaluation::Fingerprint::of(&regraded.signed_content().unwrap());
        let mut forged = serde_json::to_value(&regraded).unwrap();
        forged["sha256"] = Value::from(fingerprint.to_string());
        let refused = pushed(forged, &done).unwrap_err();
        assert!(refused.message.contains("GIR"), "{}", refused.message);

        let draft = done.amend(EntryId::v7(2, [8; 10]), done.author().clone(), done.authored()).unwrap();
        let refused = SignedEvaluation::new(draft).unwrap_err();
        assert_eq!(refused, EvaluationError::Unsigned);
    }
}
