//! Mutations waiting to be pushed to the host's endpoint.
//!
//! Each local write appends one entry in the same IndexedDB transaction as the write itself,
//! with a gapless `seq` from the `meta` store, so the sync engine finds every change exactly once.

use relais_core::{Acknowledgement, EntryId, Transmission};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PendingMutation {
    TransmissionCreate { seq: u64, id: EntryId, payload: Transmission },
    AcknowledgementAdd { seq: u64, payload: Acknowledgement },
}

impl PendingMutation {
    pub fn seq(&self) -> u64 {
        match self {
            PendingMutation::TransmissionCreate { seq, .. } | PendingMutation::AcknowledgementAdd { seq, .. } => *seq,
        }
    }
}
