//! Needs evaluations in IndexedDB: drafts saved over, finalised versions never, listed per
//! person; and a database of the schema before evaluations gains their store on upgrade.
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use relais_core::questionnaire::aggir_form::AggirForm;
use relais_core::questionnaire::evaluation::Evaluation;
use relais_core::questionnaire::{builtin, load, AnswerValue, Form};
use relais_core::sync::kinds::EVALUATION_FINALIZE;
use relais_core::{Author, EntryId, Role, SubjectId, Timestamp};
use relais_store::{Store, SCHEMA_VERSION};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(label: &str) -> String {
    format!("test:{label}:{}", js_sys::Math::random())
}

async fn delete(name: &str) {
    Database::delete_by_name(name).unwrap().await.unwrap();
}

fn draft(subject: &str, salt: u8, form: &Form) -> Evaluation {
    let author = Author::new("u1", "Claire Petit", Role::CoordinateurAutonomie).unwrap();
    let id = EntryId::v7(1_000 + u64::from(salt), [salt; 10]);
    Evaluation::draft(id, SubjectId::new(subject).unwrap(), author, Timestamp::from_unix_ms(1_000), form)
}

/// A questionnaire with one optional question, so a form of it can be finalised at once.
fn small_form() -> Form {
    let json = r#"{"resourceType": "Questionnaire", "url": "http://portail.example/q", "status": "active",
        "item": [{"linkId": "note", "type": "string", "text": "Note"}]}"#;
    Form::new(load(json).unwrap().questionnaire)
}

#[wasm_bindgen_test]
async fn drafts_are_saved_over_and_a_final_version_is_never_replaced() {
    let name = unique_name("evaluations");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let mut aggir = AggirForm::new();
    let first = draft("p1", 1, aggir.form());
    store.save_evaluation(&first).await.unwrap();
    aggir.set("transferts.ne-fait-pas", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    let updated = first.update(aggir.form(), Timestamp::from_unix_ms(2_000)).unwrap();
    store.save_evaluation(&updated).await.unwrap();
    store.save_evaluation(&draft("p2", 2, &Form::new(builtin::rem()))).await.unwrap();
    let p1 = store.evaluations_for(&SubjectId::new("p1").unwrap()).await.unwrap();
    assert_eq!(p1, vec![updated], "one record per version, the latest save, this person only");

    let form = small_form();
    let done = draft("p3", 3, &form).finalize(&form, Timestamp::from_unix_ms(3_000)).unwrap();
    store.save_evaluation(&done).await.unwrap();
    assert!(store.save_evaluation(&done).await.is_err(), "a final version is written once");
    let p3 = store.evaluations_for(&SubjectId::new("p3").unwrap()).await.unwrap();
    assert_eq!(p3, vec![done.clone()]);
    let queued: Vec<(String, String)> =
        store.pending_mutations().await.unwrap().into_iter().map(|m| (m.kind.0, m.target.id)).collect();
    assert_eq!(queued, [(EVALUATION_FINALIZE.to_owned(), done.id().to_string())], "drafts stay local, the final version is queued");

    let mut forged = serde_json::to_value(draft("p4", 4, &form).finalize(&form, Timestamp::from_unix_ms(4_000)).unwrap()).unwrap();
    forged["author"]["name"] = "Quelqu'un d'autre".into();
    let forged: Evaluation = serde_json::from_value(forged).unwrap();
    assert!(store.save_evaluation(&forged).await.unwrap_err().to_string().contains("empreinte"));
    assert!(store.evaluations_for(&SubjectId::new("p4").unwrap()).await.unwrap().is_empty(), "nothing stored");
    assert_eq!(store.pending_mutations().await.unwrap().len(), 1, "nothing queued");
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_database_from_before_evaluations_gains_their_store() {
    let name = unique_name("upgrade");
    let old = Store::open_at(&name, 4).await.unwrap();
    assert!(!old.store_names().contains(&"evaluations".to_owned()));
    old.close();
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    assert!(store.store_names().contains(&"evaluations".to_owned()));
    store.close();
    delete(&name).await;
}
