//! One status line in words when the plan syncs: connected or not, what still waits to be sent,
//! and how many changes the server refused for good. Absent without an endpoint.

use crate::session::Session;
use leptos::prelude::*;
use relais_sync::{Activity, SyncStatus};

#[component]
pub fn SyncLine(session: Session) -> impl IntoView {
    let texts = &session.texts.sync;
    let line = move || {
        session.sync_status.with(|status| {
            status.as_ref().map(|status: &SyncStatus| {
                let mut parts = vec![match (status.online, status.activity) {
                    (false, _) => texts.offline.to_owned(),
                    (true, Activity::Syncing) => texts.syncing.to_owned(),
                    (true, _) => texts.online.to_owned(),
                }];
                parts.push(if status.pending == 0 {
                    texts.all_sent.to_owned()
                } else {
                    format!("{} {}", texts.pending, status.pending)
                });
                // Conflicts have their own panel; this counts the refusals for good.
                let refused = status.rejected.iter().filter(|r| !r.reason.is_conflict()).count();
                if refused > 0 {
                    parts.push(format!("{} {refused}", texts.refused));
                }
                parts.join(" — ")
            })
        })
    };
    view! { <p class="sync-status" role="status" hidden=move || session.sync_status.with(Option::is_none)>{line}</p> }
}
