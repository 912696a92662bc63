//! Sending finalised versions to the host's endpoint: when the element has one, the sync engine
//! runs for this user's database, and each final version in the history says whether it still
//! waits to be sent. Drafts never leave the device; what is pushed is the outbox entry the store
//! wrote with the version (`evaluation.finalize`).

use crate::session::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::sync::kinds::EVALUATION_FINALIZE;
use relais_store::{database_name, Store};
use relais_sync::{SyncConfig, SyncEngine, SyncListener};
use std::rc::Rc;

/// Starts the engine if the host gave an endpoint; it lives as long as the questionnaire.
pub fn start(session: Session, store: Store) {
    let Some(endpoint) = session.config.with_value(|c| c.endpoint.clone()) else { return };
    let database = session.config.with_value(|c| database_name(&c.tenant, c.author.id()));
    let refresh = Rc::new(move || spawn_local(read_unsent(session)));
    let on_status = {
        let refresh = refresh.clone();
        Rc::new(move |_| refresh())
    };
    let listener = SyncListener { on_status, on_store_changed: refresh };
    session.sync.set_value(Some(SyncEngine::start(SyncConfig { endpoint, store, database, listener })));
    spawn_local(read_unsent(session));
}

/// A final version was just stored with its outbox entry: send it now rather than at the
/// engine's next turn.
pub async fn sent_final(session: Session) {
    session.sync.with_value(|engine| engine.as_ref().map(SyncEngine::notify_local_write));
    read_unsent(session).await;
}

/// Which final versions the outbox still holds.
async fn read_unsent(session: Session) {
    let Some(Some(store)) = session.store.try_get_value() else { return };
    if session.sync.with_value(Option::is_none) {
        return;
    }
    let Ok(pending) = store.pending_mutations().await else { return };
    let unsent = pending.into_iter().filter(|m| m.kind.0 == EVALUATION_FINALIZE).map(|m| m.target.id).collect();
    session.unsent.try_set(Some(unsent));
}
