//! IndexedDB behaviour, in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use relais_core::{
    Acknowledgement, Author, CategoryCatalogue, CategoryId, Role, SubjectId, Timestamp, Transmission,
    TransmissionDraft, Urgency,
};
use relais_core::sync::events::Commit;
use relais_core::sync::kinds::Write;
use relais_core::sync::status::RejectedMutation;
use relais_core::sync::wire::{
    Change, ChangeOp, ClientGroupId, Cursor, Mutation, Rejection, ResourceType, Target, Version,
};
use relais_store::{
    database_name, PendingMutation, Store, SCHEMA_VERSION, STORE_META, STORE_OUTBOX, STORE_TRANSMISSIONS,
};

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
    let seqs: Vec<_> = pending.iter().map(|m| m.seq).collect();
    assert_eq!(seqs, [1, 2, 3]);
    assert_eq!(write_of(&pending[2]), Write::TransmissionCreate(written[2].clone()));
    assert_eq!(pending[2].device_time, written[2].created_at);
    assert_ne!(pending[2].id.to_string(), written[2].id.to_string(), "the mutation has its own id");
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
    assert_eq!(names, ["acknowledgements", "evaluations", "meta", "outbox", "plan_items", "plans", "receipts", "transmissions"]);
    let subject = SubjectId::new("p1").unwrap();
    assert_eq!(store.transmissions_for(&subject).await.unwrap(), vec![old_row.clone()]);
    let new_row = transmission("p1", "Après la mise à jour", 43, 5);
    store.add_transmission(&new_row).await.unwrap();
    assert_eq!(store.transmissions_for(&subject).await.unwrap(), vec![new_row, old_row]);
    assert_eq!(store.pending_mutations().await.unwrap()[0].seq, 1);
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
    assert_eq!(pending.iter().map(|m| m.seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(write_of(&pending[1]), Write::AcknowledgementAdd(ack.clone()));
    assert_ne!(pending[1].id, pending[2].id, "each person's acknowledgement is its own mutation");
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

fn write_of(mutation: &Mutation) -> Write {
    Write::decode(mutation).unwrap()
}

/// Writes outbox rows exactly as schema v3 did, bypassing today's code.
async fn write_v3_outbox(name: &str, rows: &[PendingMutation]) {
    let db = Database::open(name).await.unwrap();
    let tx = db.transaction([STORE_OUTBOX, STORE_META]).with_mode(TransactionMode::Readwrite).build().unwrap();
    for row in rows {
        tx.object_store(STORE_OUTBOX).unwrap().add(row).serde().unwrap().await.unwrap();
    }
    let next = rows.len() as u64 + 1;
    tx.object_store(STORE_META).unwrap().put(next).with_key("next_seq").primitive().unwrap().await.unwrap();
    tx.commit().await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn upgrading_a_v3_outbox_keeps_its_entries_pushable_with_stable_ids() {
    let name = unique_name("upgrade-outbox");
    Store::open_at(&name, 3).await.unwrap().close();
    let queued = transmission("p1", "Écrit hors ligne avant la mise à jour", 7, 7);
    let ack = Acknowledgement { entry: queued.id, by: reader("sophie"), at: Timestamp::from_unix_ms(8) };
    write_v3_outbox(
        &name,
        &[
            PendingMutation::TransmissionCreate { seq: 1, id: queued.id, payload: queued.clone() },
            PendingMutation::AcknowledgementAdd { seq: 2, payload: ack.clone() },
        ],
    )
    .await;

    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let pending = store.pending_mutations().await.unwrap();
    assert_eq!(pending.iter().map(|m| m.seq).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(write_of(&pending[0]), Write::TransmissionCreate(queued.clone()));
    assert_eq!(write_of(&pending[1]), Write::AcknowledgementAdd(ack));
    assert_eq!(pending[0].device_time, queued.created_at);
    assert_eq!(store.pending_mutations().await.unwrap(), pending, "a re-read gives the same mutation ids");
    let next = transmission("p1", "Après", 9, 9);
    store.add_transmission(&next).await.unwrap();
    assert_eq!(store.pending_mutations().await.unwrap()[2].seq, 3, "seqs continue without a gap");
    store.close();
    delete(&name).await;
}

fn put_change(server_seq: u64, resource_type: &str, id: String, resource: serde_json::Value) -> Change {
    Change {
        server_seq,
        target: Target { resource_type: ResourceType(resource_type.into()), id },
        version: Version(1),
        op: ChangeOp::Put { resource },
    }
}

fn page(reset: bool, changes: Vec<Change>, confirmed_seq: u64, rejected: Vec<RejectedMutation>) -> Commit {
    Commit {
        reset,
        client_group: ClientGroupId::from_random_bytes([3; 16]),
        changes,
        cursor: Cursor(format!("c{confirmed_seq}")),
        confirmed_seq,
        rejected,
        synced_at: Timestamp::from_unix_ms(1_000),
    }
}

#[wasm_bindgen_test]
async fn a_commit_stores_pulled_changes_and_drops_confirmed_entries_together() {
    let name = unique_name("commit");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let p1 = SubjectId::new("p1").unwrap();
    let mine = [transmission("p1", "Le mien", 10, 1), transmission("p1", "Encore le mien", 11, 2)];
    for t in &mine {
        store.add_transmission(t).await.unwrap();
    }
    let pending = store.pending_mutations().await.unwrap();
    let theirs = transmission("p1", "Écrit ailleurs", 12, 3);
    let their_ack = Acknowledgement { entry: theirs.id, by: reader("sophie"), at: Timestamp::from_unix_ms(13) };
    let refusal = RejectedMutation {
        seq: 1,
        id: pending[0].id,
        kind: pending[0].kind.clone(),
        target: pending[0].target.clone(),
        reason: Rejection::new(Rejection::FORBIDDEN, "refusé / refused"),
    };
    let changes = vec![
        put_change(1, "transmission", theirs.id.to_string(), serde_json::to_value(&theirs).unwrap()),
        put_change(2, "acknowledgement", format!("{}:sophie", theirs.id), serde_json::to_value(&their_ack).unwrap()),
        put_change(3, "questionnaire", "q1".into(), serde_json::json!({"unknown": true})),
    ];
    let commit = page(false, changes, 1, vec![refusal.clone()]);
    store.commit(&commit).await.unwrap();

    assert_eq!(store.pending_mutations().await.unwrap(), pending[1..].to_vec());
    let texts: Vec<_> = store.transmissions_for(&p1).await.unwrap().into_iter().map(|t| t.id).collect();
    assert_eq!(texts, [theirs.id, mine[1].id, mine[0].id]);
    assert_eq!(store.acknowledgements_for(&p1).await.unwrap(), vec![their_ack]);
    let record = store.sync_record().await.unwrap().unwrap();
    assert_eq!((record.client_group, record.cursor, record.confirmed_seq), (commit.client_group, Some(commit.cursor), 1));
    assert_eq!(record.last_sync, Some(commit.synced_at));
    assert_eq!(record.rejected, vec![refusal]);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_reset_replaces_confirmed_records_but_keeps_the_outbox_and_its_entries() {
    let name = unique_name("reset");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let p1 = SubjectId::new("p1").unwrap();
    let confirmed = transmission("p1", "Confirmé puis perdu par le serveur", 20, 1);
    store.add_transmission(&confirmed).await.unwrap();
    store.commit(&page(false, Vec::new(), 1, Vec::new())).await.unwrap();
    let waiting = transmission("p1", "En attente d'envoi", 21, 2);
    store.add_transmission(&waiting).await.unwrap();
    let from_server = transmission("p1", "Du serveur restauré", 22, 3);
    let changes = vec![put_change(1, "transmission", from_server.id.to_string(), serde_json::to_value(&from_server).unwrap())];
    store.commit(&page(true, changes, 1, Vec::new())).await.unwrap();

    let ids: Vec<_> = store.transmissions_for(&p1).await.unwrap().into_iter().map(|t| t.id).collect();
    assert_eq!(ids, [from_server.id, waiting.id]);
    assert_eq!(store.pending_mutations().await.unwrap().len(), 1);
    store.close();
    delete(&name).await;
}
