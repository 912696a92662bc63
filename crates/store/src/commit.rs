//! Storing one pulled page and everything it confirms, all-or-nothing (sync protocol §7.4).
//!
//! The client state machine decides what a page means; this file only writes it. Changes,
//! cursor, client group, confirmed seq, the deletion of outbox entries confirmed long enough
//! ago (recent ones are retained for a restored server, `RETAINED_CONFIRMED`) and new
//! refusals share one IndexedDB transaction, so a crash or a full disk never moves the cursor
//! without the data, nor drops an outbox entry whose effect was not stored.

use crate::outbox::read_all;
use crate::plan_sync::{self, is_plan_item};
use crate::receipts::{self, StoredReceipt};
use crate::schema::{
    STORE_ACKNOWLEDGEMENTS, STORE_META, STORE_OUTBOX, STORE_PLANS, STORE_PLAN_ITEMS, STORE_RECEIPTS, STORE_TRANSMISSIONS,
};
use crate::store::StoredAcknowledgement;
use crate::sync_state::{read, SyncRecord, SYNC_KEY};
use crate::StoreError;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::Transaction;
use relais_core::sync::events::{deletable_through, Commit};
use relais_core::sync::kinds::{ACKNOWLEDGEMENT, RECEIPT, TRANSMISSION};
use relais_core::sync::wire::{Change, ChangeOp, Mutation, Target};
use relais_core::{Acknowledgement, EntryId, Receipt, SubjectId, Transmission};
use serde_json::Value;

/// The stores one commit touches.
pub(crate) const COMMIT_STORES: [&str; 7] = [
    STORE_TRANSMISSIONS,
    STORE_ACKNOWLEDGEMENTS,
    STORE_RECEIPTS,
    STORE_PLAN_ITEMS,
    STORE_PLANS,
    STORE_OUTBOX,
    STORE_META,
];

pub(crate) async fn apply(tx: &Transaction<'_>, commit: &Commit) -> Result<(), StoreError> {
    let outbox = read_all(tx).await?;
    let was_confirmed = read(tx).await?.map_or(0, |r| r.confirmed_seq);
    if commit.reset {
        tx.object_store(STORE_TRANSMISSIONS)?.clear()?.await?;
        tx.object_store(STORE_ACKNOWLEDGEMENTS)?.clear()?.await?;
        tx.object_store(STORE_RECEIPTS)?.clear()?.await?;
        tx.object_store(STORE_PLAN_ITEMS)?.clear()?.await?;
    }
    let mut plans = Vec::new();
    for change in &commit.changes {
        if let Some(plan) = apply_change(tx, change).await? {
            plans.push(plan);
        }
    }
    if commit.reset {
        restore_overlay(tx, &outbox, commit.confirmed_seq).await?;
    }
    let store = tx.object_store(STORE_OUTBOX)?;
    let deletable = deletable_through(commit.confirmed_seq);
    for confirmed in outbox.iter().filter(|m| m.seq <= deletable) {
        // Seqs are stored as JS numbers; a u64 key would become a BigInt and match nothing.
        store.delete(confirmed.seq as f64).primitive()?.await?;
    }
    save_record(tx, commit, &outbox).await?;
    // After the new confirmed seq is saved, so puts it confirmed are no longer laid over: a
    // put refused as a conflict must stop showing the user's value even when no item came.
    plans.extend(plan_sync::plans_confirmed(&outbox, was_confirmed, commit.confirmed_seq));
    if commit.reset {
        plans.extend(plan_sync::pending_plans(tx).await?);
    }
    plans.sort();
    plans.dedup();
    for plan in plans {
        plan_sync::rebuild(tx, plan).await?;
    }
    Ok(())
}

/// Refusals stay for good; a conflict stays until a later write of the same item (in the
/// outbox now, made from the current version) resolves it.
async fn save_record(tx: &Transaction<'_>, commit: &Commit, outbox: &[Mutation]) -> Result<(), StoreError> {
    let mut rejected = read(tx).await?.map(|r| r.rejected).unwrap_or_default();
    for refusal in &commit.rejected {
        if !rejected.iter().any(|r| r.id == refusal.id) {
            rejected.push(refusal.clone());
        }
    }
    rejected.retain(|r| !r.is_resolved_by(outbox));
    let record = SyncRecord {
        client_group: commit.client_group,
        cursor: Some(commit.cursor.clone()),
        confirmed_seq: commit.confirmed_seq,
        last_sync: Some(commit.synced_at),
        rejected,
    };
    tx.object_store(STORE_META)?
        .put(&record)
        .with_key(SYNC_KEY.to_owned())
        .serde()?
        .await?;
    Ok(())
}

/// Applies one change; a plan item says which plan to rebuild once the page is in.
async fn apply_change(tx: &Transaction<'_>, change: &Change) -> Result<Option<EntryId>, StoreError> {
    match &change.op {
        ChangeOp::Put { resource } if is_plan_item(&change.target.resource_type.0) => {
            Ok(Some(plan_sync::put_confirmed(tx, parse(resource)?, change.version).await?))
        }
        ChangeOp::Put { resource } => put(tx, &change.target, resource).await.map(|()| None),
        ChangeOp::Tombstone => tombstone(tx, &change.target).await.map(|()| None),
    }
}

/// Resource types this build does not know are skipped: a newer server may send them.
async fn put(tx: &Transaction<'_>, target: &Target, resource: &Value) -> Result<(), StoreError> {
    match target.resource_type.0.as_str() {
        TRANSMISSION => {
            let transmission: Transmission = parse(resource)?;
            tx.object_store(STORE_TRANSMISSIONS)?
                .put(&transmission)
                .serde()?
                .await?;
        }
        ACKNOWLEDGEMENT => put_acknowledgement(tx, parse(resource)?).await?,
        RECEIPT => put_receipt(tx, parse(resource)?).await?,
        _ => {}
    }
    Ok(())
}

/// Acknowledgements and receipts are indexed by the person their entry is about; one whose
/// entry this user cannot read (a restricted category) has nowhere to be shown and is skipped.
async fn subject_of(tx: &Transaction<'_>, entry: EntryId) -> Result<Option<SubjectId>, StoreError> {
    let entry: Option<Transmission> = tx
        .object_store(STORE_TRANSMISSIONS)?
        .get(entry.to_string())
        .serde()?
        .await?;
    Ok(entry.map(|e| e.subject))
}

async fn put_acknowledgement(tx: &Transaction<'_>, ack: Acknowledgement) -> Result<(), StoreError> {
    let Some(subject) = subject_of(tx, ack.entry).await? else { return Ok(()) };
    let stored = StoredAcknowledgement::new(subject, ack);
    tx.object_store(STORE_ACKNOWLEDGEMENTS)?.put(&stored).serde()?.await?;
    Ok(())
}

async fn put_receipt(tx: &Transaction<'_>, receipt: Receipt) -> Result<(), StoreError> {
    let Some(subject) = subject_of(tx, receipt.entry).await? else { return Ok(()) };
    receipts::put_if_absent(tx, &subject, &receipt).await?;
    Ok(())
}

async fn tombstone(tx: &Transaction<'_>, target: &Target) -> Result<(), StoreError> {
    let (store, key) = match target.resource_type.0.as_str() {
        TRANSMISSION => (STORE_TRANSMISSIONS, target.id.clone()),
        ACKNOWLEDGEMENT => (STORE_ACKNOWLEDGEMENTS, StoredAcknowledgement::key_of_target(&target.id)),
        RECEIPT => (STORE_RECEIPTS, StoredReceipt::key_of_target(&target.id)),
        _ => return Ok(()),
    };
    tx.object_store(store)?.delete(key).primitive()?.await?;
    Ok(())
}

/// After a reset the confirmed records are the server's again; writes still in the outbox are
/// put back so the user keeps seeing them until they are confirmed.
async fn restore_overlay(tx: &Transaction<'_>, outbox: &[Mutation], confirmed_seq: u64) -> Result<(), StoreError> {
    for pending in outbox.iter().filter(|m| m.seq > confirmed_seq) {
        put(tx, &pending.target, &pending.payload).await?;
    }
    Ok(())
}

fn parse<T: serde::de::DeserializeOwned>(resource: &Value) -> Result<T, StoreError> {
    T::deserialize(resource).map_err(|error| StoreError::Corrupt(format!("pulled resource: {error}")))
}
