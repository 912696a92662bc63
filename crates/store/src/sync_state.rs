//! What the sync engine keeps between sessions, in the `meta` store under one key.
//!
//! The bearer token is deliberately absent: it lives in memory only (sync protocol §3).

use crate::schema::STORE_META;
use crate::StoreError;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::Transaction;
use relais_core::sync::events::Persisted;
use relais_core::sync::status::RejectedMutation;
use relais_core::sync::wire::{ClientGroupId, Cursor};
use relais_core::Timestamp;
use serde::{Deserialize, Serialize};

/// Key of the record in the `meta` store.
pub(crate) const SYNC_KEY: &str = "sync";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRecord {
    pub client_group: ClientGroupId,
    pub cursor: Option<Cursor>,
    /// Every seq up to here has left the outbox.
    pub confirmed_seq: u64,
    pub last_sync: Option<Timestamp>,
    /// Every local write the server refused for good, oldest first, kept until the user has seen
    /// it (refusals are rare and small, so they are never pruned).
    pub rejected: Vec<RejectedMutation>,
}

impl SyncRecord {
    /// Where a new leader starts: a database that never synced gets the fresh `client_group`.
    pub fn persisted(record: Option<&SyncRecord>, fresh: ClientGroupId) -> Persisted {
        match record {
            Some(r) => Persisted {
                client_group: r.client_group,
                cursor: r.cursor.clone(),
                confirmed_seq: r.confirmed_seq,
                last_sync: r.last_sync,
            },
            None => Persisted {
                client_group: fresh,
                cursor: None,
                confirmed_seq: 0,
                last_sync: None,
            },
        }
    }
}

/// The record as the last commit left it, inside the caller's transaction.
pub(crate) async fn read(tx: &Transaction<'_>) -> Result<Option<SyncRecord>, StoreError> {
    Ok(tx.object_store(STORE_META)?.get(SYNC_KEY).serde()?.await?)
}
