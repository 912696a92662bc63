//! Reading a person's transmissions a page at a time, and the schema step that makes it
//! possible on a database already holding rows, in a real browser (headless Chromium).
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use relais_core::{
    newest_first, Author, CategoryCatalogue, CategoryId, Role, SubjectId, Timestamp, Transmission, TransmissionDraft,
    Urgency,
};
use relais_store::{PageEnd, Store, SCHEMA_VERSION};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The version before the step that indexes transmissions by `[subject, created_at]`.
const BEFORE_TIME_INDEX: u32 = 5;

fn unique_name(label: &str) -> String {
    format!("test:{label}:{}", js_sys::Math::random())
}

fn subject(id: &str) -> SubjectId {
    SubjectId::new(id).unwrap()
}

/// `salt` feeds the id, so entries of the same millisecond are ordered by it.
fn transmission(subject: &str, ms: i64, salt: u8) -> Transmission {
    Transmission::create(
        &TransmissionDraft::new(CategoryId::new("passage"), Urgency::Information, format!("n° {ms}/{salt}")),
        SubjectId::new(subject).unwrap(),
        Author::new("u1", "Aline Martin", Role::AideADomicile).unwrap(),
        &CategoryCatalogue::french_defaults(),
        Timestamp::from_unix_ms(ms),
        [salt; 10],
    )
    .unwrap()
}

/// Seven entries for p1, three of them in the same millisecond, written out of order, and two
/// for p2 in between. Returns p1's entries newest first.
async fn fill(store: &Store) -> Vec<Transmission> {
    let p1 = [(2_000, 2), (5_000, 1), (1_000, 1), (2_000, 9), (4_000, 1), (2_000, 5), (3_000, 1)];
    let mut written = Vec::new();
    for (ms, salt) in p1 {
        let entry = transmission("p1", ms, salt);
        store.add_transmission(&entry).await.unwrap();
        written.push(entry);
    }
    for (ms, salt) in [(2_000, 7), (6_000, 1)] {
        store.add_transmission(&transmission("p2", ms, salt)).await.unwrap();
    }
    newest_first(&mut written);
    written
}

/// Every page of `limit` entries in turn, until an empty one.
async fn all_pages(store: &Store, who: &SubjectId, limit: usize) -> Vec<Vec<Transmission>> {
    let mut pages = Vec::new();
    let mut end = None;
    loop {
        let page = store.transmissions_page(who, end.as_ref(), limit).await.unwrap();
        let Some(last) = page.last() else { return pages };
        end = Some(PageEnd::of(last));
        pages.push(page);
    }
}

#[wasm_bindgen_test]
async fn pages_follow_newest_first_across_boundaries_inside_and_between_ties() {
    let name = unique_name("pages");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let expected = fill(&store).await;
    // With 2 a boundary falls between two entries of the same millisecond; with 3, on its edge.
    for limit in [1, 2, 3, 7, 50] {
        let pages = all_pages(&store, &subject("p1"), limit).await;
        assert!(pages.iter().all(|page| page.len() <= limit));
        assert_eq!(pages.len(), expected.len().div_ceil(limit), "limit {limit}");
        assert_eq!(pages.concat(), expected, "limit {limit}");
    }
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn the_rest_after_a_page_end_is_every_older_entry_newest_first() {
    let name = unique_name("rest");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let expected = fill(&store).await;
    for shown in 1..=expected.len() {
        let end = PageEnd::of(&expected[shown - 1]);
        let rest = store.transmissions_after(&subject("p1"), &end).await.unwrap();
        assert_eq!(rest, expected[shown..], "after {shown} entries");
    }
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn pages_hold_only_the_subject_asked_for() {
    let name = unique_name("isolation");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    fill(&store).await;
    let p2 = store.transmissions_page(&subject("p2"), None, 10).await.unwrap();
    assert_eq!(p2, vec![transmission("p2", 6_000, 1), transmission("p2", 2_000, 7)]);
    let end = PageEnd::of(&transmission("p1", 2_000, 9));
    let p2_rest = store.transmissions_after(&subject("p2"), &end).await.unwrap();
    assert_eq!(p2_rest, vec![transmission("p2", 2_000, 7)]);
    assert!(store.transmissions_page(&subject("p3"), None, 10).await.unwrap().is_empty());
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn upgrading_indexes_the_rows_already_stored() {
    let name = unique_name("upgrade-time-index");
    let old = Store::open_at(&name, BEFORE_TIME_INDEX).await.unwrap();
    let expected = fill(&old).await;
    old.close();

    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    assert_eq!(store.transmissions_page(&subject("p1"), None, 50).await.unwrap(), expected);
    let newer = transmission("p1", 9_000, 1);
    store.add_transmission(&newer).await.unwrap();
    let first = store.transmissions_page(&subject("p1"), None, 1).await.unwrap();
    assert_eq!(first, vec![newer]);
    let rest = store.transmissions_after(&subject("p1"), &PageEnd::of(&first[0])).await.unwrap();
    assert_eq!(rest, expected);
    assert_eq!(store.pending_mutations().await.unwrap().len(), expected.len() + 3);
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}
