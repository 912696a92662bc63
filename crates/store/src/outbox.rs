//! Mutations waiting to be pushed to the host's endpoint.
//!
//! Each local write appends one entry in the same IndexedDB transaction as the write itself,
//! with a gapless `seq` from the `meta` store, so the sync engine finds every change exactly once.
//! Confirmed entries stay for a while (`sync::events::RETAINED_CONFIRMED`) in case the server
//! loses them to a restore.
//! Since schema v4 an entry is the protocol's own `Mutation`; entries written by v3 keep their
//! older shape on disk and are read as mutations, so an upgrade never strands a pending write.

use crate::schema::STORE_OUTBOX;
use crate::{Store, StoreError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::Transaction;
use relais_core::sync::kinds::{Write, EVALUATION_FINALIZE, RECEIPT_ADD};
use relais_core::sync::wire::{Mutation, MutationId};
use relais_core::{Acknowledgement, EntryId, Transmission};
use serde::{Deserialize, Serialize};

/// An outbox entry as schema v2 and v3 wrote it. Still read, never written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PendingMutation {
    TransmissionCreate {
        seq: u64,
        id: EntryId,
        payload: Transmission,
    },
    AcknowledgementAdd {
        seq: u64,
        payload: Acknowledgement,
    },
}

/// What the outbox store may hold: the current shape first, so only old rows fall through.
#[derive(Deserialize)]
#[serde(untagged)]
enum StoredEntry {
    Current(Mutation),
    Legacy(PendingMutation),
}

impl StoredEntry {
    fn into_mutation(self) -> Mutation {
        match self {
            StoredEntry::Current(mutation) => mutation,
            StoredEntry::Legacy(PendingMutation::TransmissionCreate { seq, payload, .. }) => {
                mutation(seq, Write::TransmissionCreate(payload))
            }
            StoredEntry::Legacy(PendingMutation::AcknowledgementAdd { seq, payload }) => {
                mutation(seq, Write::AcknowledgementAdd(payload))
            }
        }
    }
}

impl Store {
    /// What the sync client starts from: the pending mutations and the recently confirmed ones
    /// the outbox retains (`RETAINED_CONFIRMED`), which it pushes again if the server was
    /// restored from an older backup.
    pub async fn sync_outbox(&self) -> Result<Vec<Mutation>, StoreError> {
        let tx = self.db().transaction(STORE_OUTBOX).build()?;
        read_all(&tx).await
    }
}

/// Every outbox entry, oldest first, as the mutation it is pushed as.
pub(crate) async fn read_all(tx: &Transaction<'_>) -> Result<Vec<Mutation>, StoreError> {
    let entries = tx
        .object_store(STORE_OUTBOX)?
        .get_all::<StoredEntry>()
        .serde()?
        .await?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(entries.into_iter().map(StoredEntry::into_mutation).collect())
}

/// The outbox entry for `write` under `seq`, stamped with the write's own device time.
pub(crate) fn mutation(seq: u64, write: Write) -> Mutation {
    let (id, device_time) = match &write {
        Write::TransmissionCreate(t) => (
            derived_id(t.id, "transmission.create", t.created_at.unix_ms()),
            t.created_at,
        ),
        Write::AcknowledgementAdd(a) => (derived_id(a.entry, a.by.id(), a.at.unix_ms()), a.at),
        Write::ReceiptAdd(r) => {
            (derived_id(r.entry, &format!("{RECEIPT_ADD}:{}", r.by.id()), r.at.unix_ms()), r.at)
        }
        // The target and the changes tell two edits of one plan apart; the time, two edits
        // of the same fields to the same values.
        Write::PlanItemPut(p) => {
            let salt = format!("{}:{}", write.target().id, serde_json::to_string(&p.changes).unwrap_or_default());
            (derived_id(p.item.plan, &salt, p.at.unix_ms()), p.at)
        }
        Write::EvaluationFinalize(e) => {
            let e = e.evaluation();
            (derived_id(e.id(), EVALUATION_FINALIZE, e.authored().unix_ms()), e.authored())
        }
    };
    write.into_mutation(seq, id, device_time)
}

/// A mutation id derived from what the write is about, so reading a v3 entry twice (in two
/// tabs, or after a crash) always gives the same id and a re-push stays idempotent. The
/// entry's UUIDv7 makes it unique; mixing in `salt` keeps it distinct from the entry id and
/// gives each person's acknowledgement of one entry its own id.
fn derived_id(entry: EntryId, salt: &str, unix_ms: i64) -> MutationId {
    let mut hash = salt.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut random = [0u8; 10];
    random.copy_from_slice(&entry.as_uuid().as_bytes()[6..]);
    for byte in &mut random {
        *byte ^= hash as u8;
        hash = hash.rotate_right(8);
    }
    MutationId::v7(u64::try_from(unix_ms).unwrap_or(0), random)
}
