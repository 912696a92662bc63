//! Evaluations through their life: draft, finalised, amended, compared.

use super::aggir_form::AggirForm;
use super::aggir_form_tests::{filled, plain_filled};
use super::evaluation::{changes, summary_fr, Change, Evaluation, EvaluationError};
use super::*;
use crate::aggir::{Code, Gir, Profile, Variable};
use crate::{Author, EntryId, Role, SubjectId, Timestamp};
use serde_json::{json, Value};

fn author() -> Author {
    Author::new("evaluatrice-1", "Aline Martin", Role::EquipeMedicoSocialeApa).unwrap()
}

fn subject() -> SubjectId {
    SubjectId::new("usager-42").unwrap()
}

fn id(n: u8) -> EntryId {
    EntryId::v7(u64::from(n), [n; 10])
}

fn at(ms: i64) -> Timestamp {
    Timestamp::from_unix_ms(ms)
}

fn grid(profile: &str) -> AggirForm {
    filled(Profile::parse(profile).unwrap())
}

fn finalized(n: u8, form: &Form) -> Evaluation {
    Evaluation::draft(id(n), subject(), author(), at(1_000), form)
        .finalize(form, at(2_000))
        .unwrap()
}

#[test]
fn a_draft_follows_the_form_until_finalised() {
    let mut aggir = AggirForm::new();
    let draft = Evaluation::draft(id(1), subject(), author(), at(1_000), aggir.form());
    assert_eq!(draft.status(), ResponseStatus::InProgress);
    assert_eq!(
        (draft.items(), draft.gir(), draft.signed_content()),
        (&[][..], None, None)
    );
    assert_eq!(
        draft.questionnaire(),
        "http://relais.example/fhir/Questionnaire/aggir|2008.1"
    );
    aggir.set_text("transferts.ne-fait-pas", 0, "true").unwrap();
    let draft = draft.update(aggir.form(), at(1_500)).unwrap();
    assert_eq!(draft.authored(), at(1_500));
    assert_eq!(draft.variable_code(Variable::Transferts), Some(Code::C));
    assert_eq!(draft.variable_code(Variable::Toilette), None);
    let Err(EvaluationError::Incomplete(incomplete)) = draft.clone().finalize(aggir.form(), at(2_000)) else {
        panic!("an incomplete grid must not be finalised");
    };
    assert_eq!(
        incomplete.missing_required[0].link_id,
        "coherence.communication.spontanement"
    );
    assert!(!incomplete
        .missing_required
        .iter()
        .any(|slot| slot.link_id.starts_with("transferts")));
}

#[test]
fn a_finalised_evaluation_is_immutable() {
    let aggir = grid("AABBABBAAA");
    let done = finalized(1, aggir.form());
    assert_eq!(done.status(), ResponseStatus::Completed);
    assert_eq!((done.authored(), done.previous()), (at(2_000), None));
    assert_eq!(done.gir(), Gir::new(4));
    assert_eq!(
        done.clone().finalize(aggir.form(), at(3_000)),
        Err(EvaluationError::Final)
    );
    assert_eq!(done.update(aggir.form(), at(3_000)), Err(EvaluationError::Final));
}

#[test]
fn an_aggir_evaluation_always_carries_its_calculated_gir() {
    let form = plain_filled(Profile::parse("AABBABCAAA").unwrap());
    assert_eq!(form.answers("gir", 0), &[], "a plain form does not calculate");
    let done = finalized(1, &form);
    assert_eq!(done.gir(), Gir::new(3));
    assert_eq!(done.variable_code(Variable::Transferts), Some(Code::C));
}

#[test]
fn a_form_of_another_questionnaire_is_refused() {
    let aggir = grid("AAAAAAAAAA");
    let rem = Form::new(builtin::rem());
    let draft = Evaluation::draft(id(1), subject(), author(), at(1_000), aggir.form());
    assert_eq!(
        draft.finalize(&rem, at(2_000)),
        Err(EvaluationError::OtherQuestionnaire {
            expected: aggir.form().questionnaire().canonical(),
            found: rem.questionnaire().canonical(),
        })
    );
}

#[test]
fn an_amendment_is_a_new_version_pointing_to_the_previous_one() {
    let first_form = grid("AABBABBAAA");
    let first = finalized(1, first_form.form());
    let draft = Evaluation::draft(id(9), subject(), author(), at(1_000), first_form.form());
    assert_eq!(draft.amend(id(10), author(), at(1_000)), Err(EvaluationError::NotFinal));

    let other = Author::new("evaluateur-2", "Paul Roche", Role::EquipeMedicoSocialeApa).unwrap();
    let amendment = first.amend(id(2), other.clone(), at(5_000)).unwrap();
    assert_eq!(amendment.status(), ResponseStatus::InProgress);
    assert_eq!((amendment.id(), amendment.previous()), (id(2), Some(id(1))));
    assert_eq!((amendment.author(), amendment.items()), (&other, first.items()));

    let second_form = grid("AABBABCAAA");
    let second = amendment.finalize(second_form.form(), at(6_000)).unwrap();
    assert_eq!(second.status(), ResponseStatus::Amended);
    assert_eq!(second.gir(), Gir::new(3));
    assert_eq!(first.gir(), Gir::new(4), "the first version is untouched");
}

#[test]
fn signed_content_is_canonical_json_of_every_field() {
    let done = finalized(1, grid("AAAAAAAAAA").form());
    let bytes = done.signed_content().unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.starts_with(r#"{"author":{"id":"evaluatrice-1","name":"Aline Martin","role":"equipe-medico-sociale-apa"},"authored":"1970-01-01T00:00:02.000Z","id":""#),
        "{text}"
    );
    let parsed: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(parsed["status"], "completed");
    assert_eq!(parsed["previous"], Value::Null);
    assert_eq!(parsed["item"], json!(done.items()));
    assert_eq!(done.clone().signed_content(), Some(bytes.clone()), "stable");
    let amended = done
        .amend(id(2), author(), at(3_000))
        .unwrap()
        .finalize(grid("AAAAAAAAAA").form(), at(4_000))
        .unwrap();
    assert_ne!(amended.signed_content(), Some(bytes));
}

#[test]
fn finalising_stores_the_sha256_of_the_signed_content() {
    let aggir = grid("AABBABBAAA");
    let draft = Evaluation::draft(id(1), subject(), author(), at(1_000), aggir.form());
    assert_eq!(draft.fingerprint(), None);
    assert_eq!(draft.verify(), Err(EvaluationError::Unsigned));
    let done = draft.finalize(aggir.form(), at(2_000)).unwrap();
    let expected = evaluation::Fingerprint::of(&done.signed_content().unwrap());
    assert_eq!(done.fingerprint(), Some(expected));
    assert_eq!(done.verify(), Ok(expected));
    let json = serde_json::to_value(&done).unwrap();
    assert_eq!(json["sha256"], expected.to_string());
    let read: Evaluation = serde_json::from_value(json).unwrap();
    assert_eq!(read.verify(), Ok(expected), "the fingerprint survives storage");
    let amendment = done.amend(id(2), author(), at(3_000)).unwrap();
    assert_eq!(amendment.fingerprint(), None, "an amendment is unsigned until finalised");
}

#[test]
fn a_version_changed_after_signing_fails_verification() {
    let done = finalized(1, grid("AABBABBAAA").form());
    let signed = done.fingerprint().unwrap();
    let mut json = serde_json::to_value(&done).unwrap();
    let tampered_answer = json["items"].to_string().replacen("true", "false", 1);
    json["items"] = serde_json::from_str(&tampered_answer).unwrap();
    let tampered: Evaluation = serde_json::from_value(json.clone()).unwrap();
    assert!(matches!(tampered.verify(), Err(EvaluationError::Tampered { signed: s, .. }) if s == signed));

    let mut other_author = serde_json::to_value(&done).unwrap();
    other_author["author"]["name"] = json!("Quelqu'un d'autre");
    let forged: Evaluation = serde_json::from_value(other_author).unwrap();
    assert!(matches!(forged.verify(), Err(EvaluationError::Tampered { .. })));

    let mut stripped = serde_json::to_value(&done).unwrap();
    stripped.as_object_mut().unwrap().remove("sha256");
    let unsigned: Evaluation = serde_json::from_value(stripped).unwrap();
    assert_eq!(unsigned.verify(), Err(EvaluationError::Unsigned));

    let mut garbled = serde_json::to_value(&done).unwrap();
    garbled["sha256"] = json!("not-hex");
    assert!(serde_json::from_value::<Evaluation>(garbled).is_err());
}

#[test]
fn changes_summarise_gir_and_variables_in_french() {
    let before = finalized(1, grid("AABBABBAAA").form());
    let after = before
        .amend(id(2), author(), at(3_000))
        .unwrap()
        .finalize(grid("AABBABCAAA").form(), at(4_000))
        .unwrap();
    let list = changes(&before, &after).unwrap();
    assert_eq!(
        list[0],
        Change::Gir {
            from: Gir::new(4),
            to: Gir::new(3)
        }
    );
    assert_eq!(
        list[1],
        Change::Variable {
            variable: Variable::Transferts,
            from: Some(Code::B),
            to: Some(Code::C)
        }
    );
    assert!(list[2..]
        .iter()
        .all(|change| matches!(change, Change::Answer { path, .. } if path.starts_with("transferts/"))));
    assert_eq!(summary_fr(&list), "GIR 4 → 3 ; transferts B → C");
    assert_eq!(summary_fr(&changes(&before, &before).unwrap()), "aucun changement");
}

#[test]
fn changes_without_a_new_code_count_answers() {
    let mut aggir = grid("AABBABBAAA");
    let before = finalized(1, aggir.form());
    aggir.set_text("illustratives.cuisine.ne-fait-pas", 0, "true").unwrap();
    let after = before
        .amend(id(2), author(), at(3_000))
        .unwrap()
        .finalize(aggir.form(), at(4_000))
        .unwrap();
    let list = changes(&before, &after).unwrap();
    assert_eq!(
        list,
        vec![Change::Answer {
            path: "illustratives/illustratives.cuisine/illustratives.cuisine.ne-fait-pas".into(),
            from: vec![],
            to: vec![json!({"valueBoolean": true})],
        }]
    );
    assert_eq!(summary_fr(&list), "1 réponse modifiée");
}

#[test]
fn changes_compare_only_one_person_and_one_questionnaire() {
    let aggir = grid("AAAAAAAAAA");
    let mine = finalized(1, aggir.form());
    let theirs = Evaluation::draft(
        id(2),
        SubjectId::new("usager-43").unwrap(),
        author(),
        at(1),
        aggir.form(),
    );
    assert_eq!(changes(&mine, &theirs), Err(EvaluationError::OtherSubject));
    let rem = Evaluation::draft(id(3), subject(), author(), at(1), &Form::new(builtin::rem()));
    assert!(matches!(
        changes(&mine, &rem),
        Err(EvaluationError::OtherQuestionnaire { .. })
    ));
    assert_eq!(rem.gir(), None);
}

#[test]
fn an_amendment_is_edited_from_its_restored_form() {
    let first = finalized(1, grid("AABBABBAAA").form());
    let draft = first.amend(id(2), author(), at(3_000)).unwrap();
    let mut aggir = AggirForm::from_form(draft.form(builtin::aggir()).unwrap()).unwrap();
    assert_eq!(aggir.gir(), Gir::new(4));
    aggir.set_text("transferts.ne-fait-pas", 0, "true").unwrap();
    let second = draft.finalize(aggir.form(), at(4_000)).unwrap();
    assert_eq!(
        summary_fr(&changes(&first, &second).unwrap()),
        "GIR 4 → 3 ; transferts B → C"
    );
    assert!(matches!(
        first.form(builtin::rem()),
        Err(EvaluationError::OtherQuestionnaire { .. })
    ));
}
