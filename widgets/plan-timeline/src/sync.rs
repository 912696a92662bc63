//! Sync inside the plan timeline: with an endpoint, the engine runs for this user's database,
//! every save is sent as per-item puts (the store queues them), and a pull or another tab's
//! write shows the plan as the store now holds it, with the conflicts still to settle.
//! Without an endpoint none of this runs and the plan stays on this device.

use crate::session::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_store::{database_name, Store};
use relais_sync::{SyncConfig, SyncEngine, SyncListener, SyncStatus};
use std::rc::Rc;

/// Starts syncing `store` if the host gave an endpoint; the engine lives as long as the widget.
pub fn start(session: Session, store: Store) {
    let Some((Some(endpoint), database)) =
        session.config.try_with_value(|c| (c.endpoint.clone(), database_name(&c.tenant, c.author.id())))
    else {
        return;
    };
    let listener = SyncListener {
        on_status: Rc::new(move |status: SyncStatus| {
            // A refusal (a conflict above all) may come with no pulled change: read it now.
            let refused = |s: &Option<SyncStatus>| s.as_ref().map_or(0, |s| s.rejected.len());
            let newly_refused = session.sync_status.try_with_untracked(refused) != Some(status.rejected.len());
            session.sync_status.try_set(Some(status));
            if newly_refused {
                spawn_local(reload(session));
            }
        }),
        on_store_changed: Rc::new(move || spawn_local(reload(session))),
    };
    let engine = SyncEngine::start(SyncConfig { endpoint, store, database, listener });
    // A widget disposed meanwhile hands the engine back, and dropping it stops it.
    if session.sync.try_set_value(Some(engine)).is_none() {
        spawn_local(reload(session));
    }
}

/// The person's newest plan, its open conflicts and the passages, as the store now holds them.
pub async fn reload(session: Session) {
    crate::passages::read(session).await;
    let Some(Some(store)) = session.store.try_get_value() else { return };
    let Some(subject) = session.config.try_with_value(|c| c.subject.clone()) else { return };
    if let Ok(mut plans) = store.plans_for(&subject).await {
        if let Some(plan) = plans.pop() {
            if session.plan.try_with_untracked(|p| p.as_ref() != Some(&plan)) == Some(true) {
                session.plan.try_set(Some(plan));
            }
        }
    }
    if let Ok(conflicts) = store.plan_conflicts(&subject).await {
        session.conflicts.try_set(conflicts);
    }
}
