//! The engine in a real browser (headless Chromium), against an endpoint that cannot be
//! reached: what must hold when the network is down is that writes wait, visibly, and that
//! exactly one tab per database leads.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Promise};
use relais_core::{
    Author, CategoryCatalogue, CategoryId, Role, SubjectId, Timestamp, Transmission, TransmissionDraft, Urgency,
};
use relais_store::Store;
use relais_sync::{configure_token, Activity, SyncConfig, SyncEngine, SyncListener, SyncStatus};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Nothing listens on the discard port: every request fails as a network error.
const UNREACHABLE: &str = "http://127.0.0.1:9";

fn transmission(text: &str) -> Transmission {
    Transmission::create(
        &TransmissionDraft::new(CategoryId::new("passage"), Urgency::Information, text),
        SubjectId::new("p1").unwrap(),
        Author::new("u1", "Aline Martin", Role::AideADomicile).unwrap(),
        &CategoryCatalogue::french_defaults(),
        Timestamp::from_unix_ms(1_000),
        [7; 10],
    )
    .unwrap()
}

async fn next_tick() {
    let later = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    JsFuture::from(later).await.unwrap();
}

struct Started {
    engine: SyncEngine,
    statuses: Rc<RefCell<Vec<SyncStatus>>>,
}

fn start(store: &Store, database: &str) -> Started {
    let statuses = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::clone(&statuses);
    let listener = SyncListener {
        on_status: Rc::new(move |status| seen.borrow_mut().push(status)),
        on_store_changed: Rc::new(|| {}),
    };
    let config = SyncConfig {
        endpoint: UNREACHABLE.into(),
        store: store.clone(),
        database: database.into(),
        listener,
    };
    Started {
        engine: SyncEngine::start(config),
        statuses,
    }
}

/// Waits until `started` reports a status that `wanted` accepts (the test runner's own
/// timeout ends a wait that never succeeds).
async fn until(started: &Started, wanted: impl Fn(&SyncStatus) -> bool) {
    while !started.statuses.borrow().iter().any(&wanted) {
        next_tick().await;
    }
}

fn retrying_with(pending: usize) -> impl Fn(&SyncStatus) -> bool {
    move |s| s.pending == pending && matches!(s.activity, Activity::WaitingToRetry { .. })
}

fn token_source() -> Function {
    Closure::<dyn Fn() -> JsValue>::new(|| JsValue::from_str("jeton-de-test"))
        .into_js_value()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_write_waits_in_the_outbox_while_the_endpoint_is_unreachable() {
    configure_token(token_source());
    let database = format!("test:sync:{}", js_sys::Math::random());
    let store = Store::open_at(&database, relais_store::SCHEMA_VERSION).await.unwrap();
    let leader = start(&store, &database);
    until(&leader, retrying_with(0)).await;

    store
        .add_transmission(&transmission("Écrit sans serveur"))
        .await
        .unwrap();
    leader.engine.notify_local_write();
    until(&leader, retrying_with(1)).await;
    let last = leader.statuses.borrow().last().cloned().unwrap();
    assert_eq!(last.oldest_unsent_at, Some(Timestamp::from_unix_ms(1_000)));
    assert_eq!(
        store.pending_mutations().await.unwrap().len(),
        1,
        "nothing left the outbox"
    );
    leader.engine.stop();
    store.close();
}

#[wasm_bindgen_test]
async fn one_engine_leads_per_database_and_hands_over_when_stopped() {
    configure_token(token_source());
    let database = format!("test:sync-lead:{}", js_sys::Math::random());
    let store = Store::open_at(&database, relais_store::SCHEMA_VERSION).await.unwrap();
    let first = start(&store, &database);
    until(&first, retrying_with(0)).await;
    let second = start(&store, &database);
    until(&second, |s| s.pending == 0).await;
    assert!(
        second.statuses.borrow().iter().all(|s| s.activity == Activity::Idle),
        "a follower never sends"
    );

    first.engine.stop();
    until(&second, retrying_with(0)).await;
    second.engine.stop();
    store.close();
}
