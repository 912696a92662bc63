//! What an engine needs: where the endpoint is, which local database it syncs, and whom to tell.

use relais_core::sync::status::SyncStatus;
use relais_store::Store;
use std::rc::Rc;

#[derive(Clone)]
pub struct SyncConfig {
    /// The host's endpoint, without `/push` or `/pull`.
    pub endpoint: String,
    pub store: Store,
    /// The local database's name: tabs of the same user in the same tenant share a leader.
    pub database: String,
    pub listener: SyncListener,
}

/// Callbacks a widget gives the engine; both run on the main thread, often.
#[derive(Clone)]
pub struct SyncListener {
    pub on_status: Rc<dyn Fn(SyncStatus)>,
    /// The store changed under the widget (a pull, or another tab's write): read it again.
    pub on_store_changed: Rc<dyn Fn()>,
}

impl SyncConfig {
    pub(crate) fn base_url(&self) -> &str {
        self.endpoint.trim_end_matches('/')
    }

    /// The name of the Web Lock and of the BroadcastChannel for this database.
    pub(crate) fn group_name(&self) -> String {
        format!("relais-sync:{}", self.database)
    }
}
