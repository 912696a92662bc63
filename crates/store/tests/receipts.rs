//! Read receipts in a real browser: recorded once per entry and reader, queued with the write,
//! routed from a pulled page, and the v8 upgrade leaving a non-empty outbox intact.
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use relais_core::sync::events::Commit;
use relais_core::sync::kinds::{Write, RECEIPT};
use relais_core::sync::wire::{Change, ChangeOp, ClientGroupId, Cursor, ResourceType, Target, Version};
use relais_core::{
    Author, CategoryCatalogue, CategoryId, Receipt, Role, SubjectId, Timestamp, Transmission, TransmissionDraft,
    Urgency,
};
use relais_store::{Store, SCHEMA_VERSION};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(label: &str) -> String {
    format!("test:{label}:{}", js_sys::Math::random())
}

fn transmission(text: &str, ms: i64, salt: u8) -> Transmission {
    Transmission::create(
        &TransmissionDraft::new(CategoryId::new("passage"), Urgency::Information, text),
        SubjectId::new("p1").unwrap(),
        Author::new("aline", "Aline Martin", Role::AideADomicile).unwrap(),
        &CategoryCatalogue::french_defaults(),
        Timestamp::from_unix_ms(ms),
        [salt; 10],
    )
    .unwrap()
}

fn receipt(entry: &Transmission, by: &str, ms: i64) -> Receipt {
    let reader = Author::new(by, "Karim Benali", Role::Infirmier).unwrap();
    Receipt { entry: entry.id, by: reader, at: Timestamp::from_unix_ms(ms) }
}

async fn delete(name: &str) {
    Database::delete_by_name(name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_batch_of_receipts_is_recorded_and_queued_once_per_entry_and_reader() {
    let name = unique_name("receipts");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let p1 = SubjectId::new("p1").unwrap();
    let entries = [transmission("Un", 10, 1), transmission("Deux", 11, 2)];
    let batch: Vec<_> = entries.iter().map(|e| receipt(e, "karim", 20)).collect();

    assert_eq!(store.add_receipts(&p1, &batch).await.unwrap(), 2);
    let again = [receipt(&entries[0], "karim", 30), receipt(&entries[1], "nadia", 30)];
    assert_eq!(store.add_receipts(&p1, &again).await.unwrap(), 1, "karim's second view writes nothing");

    let mut stored = store.receipts_for(&p1).await.unwrap();
    stored.sort_by(|a, b| (a.entry, a.by.id()).cmp(&(b.entry, b.by.id())));
    assert_eq!(stored, vec![batch[0].clone(), batch[1].clone(), again[1].clone()]);
    let queued: Vec<_> = store.pending_mutations().await.unwrap().iter().map(|m| Write::decode(m).unwrap()).collect();
    assert_eq!(queued, [&batch[0], &batch[1], &again[1]].map(|r| Write::ReceiptAdd(r.clone())));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_pulled_receipt_is_stored_with_its_entry_and_dropped_without_one() {
    let name = unique_name("pulled-receipts");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let mine = transmission("Écrit ici", 10, 1);
    store.add_transmission(&mine).await.unwrap();
    let unreadable = transmission("Jamais reçu (catégorie restreinte)", 11, 2);
    let put = |seq, r: &Receipt| Change {
        server_seq: seq,
        target: Target { resource_type: ResourceType(RECEIPT.into()), id: format!("{}:{}", r.entry, r.by.id()) },
        version: Version(1),
        op: ChangeOp::Put { resource: serde_json::to_value(r).unwrap() },
    };
    let read = receipt(&mine, "karim", 40);
    let commit = Commit {
        reset: false,
        client_group: ClientGroupId::from_random_bytes([3; 16]),
        changes: vec![put(1, &read), put(2, &receipt(&unreadable, "karim", 41))],
        cursor: Cursor("c1".into()),
        confirmed_seq: 1,
        rejected: Vec::new(),
        synced_at: Timestamp::from_unix_ms(1_000),
    };
    store.commit(&commit).await.unwrap();
    assert_eq!(store.receipts_for(&SubjectId::new("p1").unwrap()).await.unwrap(), vec![read]);
    assert!(store.pending_mutations().await.unwrap().is_empty(), "the confirmed write left the outbox");
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn upgrading_to_receipts_keeps_a_non_empty_outbox() {
    let name = unique_name("upgrade-receipts");
    let before = Store::open_at(&name, 7).await.unwrap();
    let offline = transmission("Écrit hors ligne avant la mise à jour", 10, 1);
    before.add_transmission(&offline).await.unwrap();
    let pending = before.pending_mutations().await.unwrap();
    before.close();

    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    assert!(store.store_names().contains(&"receipts".to_owned()));
    assert_eq!(store.pending_mutations().await.unwrap(), pending);
    let p1 = SubjectId::new("p1").unwrap();
    store.add_receipts(&p1, &[receipt(&offline, "karim", 20)]).await.unwrap();
    let seqs: Vec<_> = store.pending_mutations().await.unwrap().iter().map(|m| m.seq).collect();
    assert_eq!(seqs, [1, 2], "the receipt follows the pending write without a gap");
    store.close();
    delete(&name).await;
}
