//! Read receipts ("lu par …"): one record per (entry, reader), indexed by the person cared for.
//!
//! The book records receipts for the entries it has just displayed, a batch at a time, so a
//! scroll through many entries costs one transaction per batch and only displayed entries get
//! one. A receipt already there (from this device or pulled from another) writes nothing, so
//! each reader queues at most one mutation per entry.

use crate::schema::{INDEX_BY_SUBJECT, STORE_META, STORE_OUTBOX, STORE_RECEIPTS};
use crate::store::queue;
use crate::{Store, StoreError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use relais_core::sync::kinds::Write;
use relais_core::{Receipt, SubjectId};
use serde::{Deserialize, Serialize};

/// A receipt as stored: keyed by (entry, reader), indexed by the person the entry is about.
#[derive(Serialize, Deserialize)]
pub(crate) struct StoredReceipt {
    key: String,
    subject: SubjectId,
    receipt: Receipt,
}

impl StoredReceipt {
    pub(crate) fn new(subject: SubjectId, receipt: Receipt) -> Self {
        let (entry, by) = receipt.key();
        Self { key: format!("{entry}|{by}"), subject, receipt }
    }

    /// The store key of the receipt a sync target `entry:reader` names.
    pub(crate) fn key_of_target(target_id: &str) -> String {
        target_id.replacen(':', "|", 1)
    }
}

/// Stores `receipt` unless that reader already has one for that entry; says whether it did.
pub(crate) async fn put_if_absent(
    tx: &Transaction<'_>,
    subject: &SubjectId,
    receipt: &Receipt,
) -> Result<bool, StoreError> {
    let store = tx.object_store(STORE_RECEIPTS)?;
    let stored = StoredReceipt::new(subject.clone(), receipt.clone());
    if store.get::<StoredReceipt, _, _>(stored.key.as_str()).serde()?.await?.is_some() {
        return Ok(false);
    }
    store.put(&stored).serde()?.await?;
    Ok(true)
}

impl Store {
    /// Records that entries about `subject` were displayed to their reader and queues the new
    /// ones for sync, all in one transaction. Returns how many were new.
    pub async fn add_receipts(&self, subject: &SubjectId, receipts: &[Receipt]) -> Result<usize, StoreError> {
        let tx = self
            .db()
            .transaction([STORE_RECEIPTS, STORE_OUTBOX, STORE_META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let mut added = 0;
        for receipt in receipts {
            if put_if_absent(&tx, subject, receipt).await? {
                queue(&tx, Write::ReceiptAdd(receipt.clone())).await?;
                added += 1;
            }
        }
        tx.commit().await?;
        Ok(added)
    }

    /// Every receipt of entries about `subject`.
    pub async fn receipts_for(&self, subject: &SubjectId) -> Result<Vec<Receipt>, StoreError> {
        let tx = self.db().transaction(STORE_RECEIPTS).build()?;
        let stored = tx
            .object_store(STORE_RECEIPTS)?
            .index(INDEX_BY_SUBJECT)?
            .get_all::<StoredReceipt>()
            .with_query(subject.as_str())
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(stored.into_iter().map(|s| s.receipt).collect())
    }
}
