//! IndexedDB behaviour, in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use relais_core::{
    Acknowledgement, Author, CategoryCatalogue, CategoryId, Role, SubjectId, Timestamp, Transmission,
    TransmissionDraft, Urgency,
};
use relais_store::{database_name, PendingMutation, Store, SCHEMA_VERSION, STORE_TRANSMISSIONS};

fn reader(id: &str) -> Author {
    Author::new(id, "Sophie Dupont", Role::ProcheAidant).unwrap()
}
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(label: &str) -> String {
    format!("test:{label}:{}", js_sys::Math::random())
}

fn transmission(subject: &str, text: &str, ms: i64, salt: u8) -> Transmission {
    Transmission::create(
        &TransmissionDraft::new(CategoryId::new("passage"), Urgency::Information, text),
        SubjectId::new(subject).unwrap(),
        Author::new("u1", "Aline Martin", Role::AideADomicile).unwrap(),
        &CategoryCatalogue::french_defaults(),
        Timestamp::from_unix_ms(ms),
        [salt; 10],
    )
    .unwrap()
}

async fn delete(name: &str) {
    Database::delete_by_name(name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn writes_read_back_newest_first_per_subject() {
    let name = unique_name("rw");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let first = transmission("p1", "Repas pris", 1_000, 1);
    let second = transmission("p1", "<img src=x onerror=alert(1)>", 2_000, 2);
    let other = transmission("p2", "Autre personne", 3_000, 3);
    for t in [&first, &second, &other] {
        store.add_transmission(t).await.unwrap();
    }
    let p1 = store.transmissions_for(&SubjectId::new("p1").unwrap()).await.unwrap();
    assert_eq!(p1, vec![second.clone(), first.clone()]);
    let p2 = store.transmissions_for(&SubjectId::new("p2").unwrap()).await.unwrap();
    assert_eq!(p2, vec![other]);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn every_write_queues_one_mutation_with_gapless_seq() {
    let name = unique_name("outbox");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let written: Vec<_> = (0..3).map(|i| transmission("p1", "RAS", i64::from(i), i)).collect();
    for t in &written {
        store.add_transmission(t).await.unwrap();
    }
    let pending = store.pending_mutations().await.unwrap();
    let seqs: Vec<_> = pending.iter().map(PendingMutation::seq).collect();
    assert_eq!(seqs, [1, 2, 3]);
    let PendingMutation::TransmissionCreate { id, payload, .. } = &pending[2] else {
        panic!("expected a transmission, got {:?}", pending[2]);
    };
    assert_eq!((*id, payload), (written[2].id, &written[2]));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_duplicate_id_is_refused_and_leaves_no_outbox_entry() {
    let name = unique_name("dup");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let t = transmission("p1", "RAS", 5, 9);
    store.add_transmission(&t).await.unwrap();
    assert!(store.add_transmission(&t).await.is_err());
    assert_eq!(store.pending_mutations().await.unwrap().len(), 1);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn upgrading_a_version_1_database_keeps_its_rows() {
    let name = unique_name("upgrade");
    Store::open_at(&name, 1).await.unwrap().close();
    let old_row = transmission("p1", "Écrit avec la version 1", 42, 4);
    {
        let db = Database::open(&name).await.unwrap();
        let tx = db
            .transaction(STORE_TRANSMISSIONS)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        tx.object_store(STORE_TRANSMISSIONS).unwrap().add(&old_row).serde().unwrap().await.unwrap();
        tx.commit().await.unwrap();
        db.close();
    }

    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let mut names = store.store_names();
    names.sort();
    assert_eq!(names, ["acknowledgements", "meta", "outbox", "transmissions"]);
    let subject = SubjectId::new("p1").unwrap();
    assert_eq!(store.transmissions_for(&subject).await.unwrap(), vec![old_row.clone()]);
    let new_row = transmission("p1", "Après la mise à jour", 43, 5);
    store.add_transmission(&new_row).await.unwrap();
    assert_eq!(store.transmissions_for(&subject).await.unwrap(), vec![new_row, old_row]);
    assert_eq!(store.pending_mutations().await.unwrap()[0].seq(), 1);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn each_tenant_and_user_gets_its_own_database() {
    assert_eq!(database_name("saad-nord", "u1"), "relais:saad-nord:u1");
    assert_ne!(database_name("a:b", "c"), database_name("a", "b:c"));
    assert_ne!(database_name("a%3Ab", "c"), database_name("a:b", "c"));
    let (tenant, user_a, user_b) = (unique_name("tenant"), "alice", "bob");
    let alice = Store::open(&tenant, user_a).await.unwrap();
    alice.add_transmission(&transmission("p1", "Vu par Alice", 1, 1)).await.unwrap();
    let bob = Store::open(&tenant, user_b).await.unwrap();
    assert!(bob.transmissions_for(&SubjectId::new("p1").unwrap()).await.unwrap().is_empty());
    alice.close();
    bob.close();
    delete(&database_name(&tenant, user_a)).await;
    delete(&database_name(&tenant, user_b)).await;
}

#[wasm_bindgen_test]
async fn acknowledging_twice_writes_once_and_queues_once() {
    let name = unique_name("ack");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let (p1, p2) = (SubjectId::new("p1").unwrap(), SubjectId::new("p2").unwrap());
    let entry = transmission("p1", "Chute", 1, 1);
    store.add_transmission(&entry).await.unwrap();
    let ack = Acknowledgement { entry: entry.id, by: reader("sophie"), at: Timestamp::from_unix_ms(5) };
    assert!(store.add_acknowledgement(&p1, &ack).await.unwrap());
    let later = Acknowledgement { at: Timestamp::from_unix_ms(9), ..ack.clone() };
    assert!(!store.add_acknowledgement(&p1, &later).await.unwrap());
    let other = Acknowledgement { by: reader("luc"), ..ack.clone() };
    assert!(store.add_acknowledgement(&p1, &other).await.unwrap());
    assert_eq!(store.acknowledgements_for(&p1).await.unwrap().len(), 2);
    assert!(store.acknowledgements_for(&p2).await.unwrap().is_empty());
    let pending = store.pending_mutations().await.unwrap();
    assert_eq!(pending.iter().map(PendingMutation::seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(matches!(&pending[1], PendingMutation::AcknowledgementAdd { payload, .. } if payload == &ack));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_draft_is_kept_per_subject_until_cleared() {
    let name = unique_name("draft");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let (p1, p2) = (SubjectId::new("p1").unwrap(), SubjectId::new("p2").unwrap());
    let draft = TransmissionDraft::new(CategoryId::new("alimentation"), Urgency::ASurveiller, "Repas non pris, à");
    store.save_draft(&p1, Some(&draft)).await.unwrap();
    assert_eq!(store.load_draft(&p1).await.unwrap(), Some(draft));
    assert_eq!(store.load_draft(&p2).await.unwrap(), None);
    store.save_draft(&p1, None).await.unwrap();
    assert_eq!(store.load_draft(&p1).await.unwrap(), None);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn upgrading_keeps_pending_outbox_entries_pushable() {
    let name = unique_name("upgrade-outbox");
    let v2 = Store::open_at(&name, 2).await.unwrap();
    let queued = transmission("p1", "Écrit hors ligne avant la mise à jour", 7, 7);
    v2.add_transmission(&queued).await.unwrap();
    v2.close();
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let pending = store.pending_mutations().await.unwrap();
    assert_eq!(pending.len(), 1);
    assert!(matches!(&pending[0], PendingMutation::TransmissionCreate { payload, .. } if payload == &queued));
    let next = transmission("p1", "Après", 8, 8);
    store.add_transmission(&next).await.unwrap();
    assert_eq!(store.pending_mutations().await.unwrap()[1].seq(), 2, "seqs continue without a gap");
    store.close();
    delete(&name).await;
}
