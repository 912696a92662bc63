//! The handle widgets use to read and write local data.

use crate::commit::{self, COMMIT_STORES};
use crate::outbox::{self, mutation};
use crate::schema::{
    self, INDEX_BY_SUBJECT, SCHEMA_VERSION, STORE_ACKNOWLEDGEMENTS, STORE_META, STORE_OUTBOX, STORE_TRANSMISSIONS,
};
use crate::sync_state::{self, SyncRecord};
use crate::{database_name, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::transaction::Transaction;
use relais_core::sync::events::Commit;
use relais_core::sync::kinds::Write;
use relais_core::sync::wire::Mutation;
use relais_core::{newest_first, Acknowledgement, SubjectId, Transmission, TransmissionDraft};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::IdbOpenDbRequest;

/// Key in the `meta` store of the next outbox sequence number.
const NEXT_SEQ: &str = "next_seq";

/// An acknowledgement as stored: keyed by (entry, person), indexed by the person cared for.
#[derive(Serialize, Deserialize)]
pub(crate) struct StoredAcknowledgement {
    key: String,
    subject: SubjectId,
    ack: Acknowledgement,
}

impl StoredAcknowledgement {
    pub(crate) fn new(subject: SubjectId, ack: Acknowledgement) -> Self {
        let (entry, by) = ack.key();
        Self { key: format!("{entry}|{by}"), subject, ack }
    }

    /// The store key of the acknowledgement a sync target `entry:person` names.
    pub(crate) fn key_of_target(target_id: &str) -> String {
        target_id.replacen(':', "|", 1)
    }
}

fn draft_key(subject: &SubjectId) -> String {
    format!("draft:{subject}")
}

/// Appends the mutation for `write` with the next gapless seq, inside the caller's
/// transaction, so the write and its outbox entry commit or fail together.
pub(crate) async fn queue(tx: &Transaction<'_>, write: Write) -> Result<(), StoreError> {
    let meta = tx.object_store(STORE_META)?;
    let seq: u64 = meta.get(NEXT_SEQ).primitive()?.await?.unwrap_or(1);
    tx.object_store(STORE_OUTBOX)?.add(&mutation(seq, write)).serde()?.await?;
    meta.put(seq + 1).with_key(NEXT_SEQ).primitive()?.await?;
    Ok(())
}

/// An open database. Cheap to clone: clones share one connection.
#[derive(Debug, Clone)]
pub struct Store {
    db: Rc<Database>,
}

impl Store {
    /// Opens (creating or upgrading) the database of `user_id` in `tenant`.
    pub async fn open(tenant: &str, user_id: &str) -> Result<Self, StoreError> {
        Self::open_at(&database_name(tenant, user_id), SCHEMA_VERSION).await
    }

    /// Opens `name` at an explicit schema `version`; tests use it to build the databases that
    /// earlier releases left behind.
    #[doc(hidden)]
    pub async fn open_at(name: &str, version: u32) -> Result<Self, StoreError> {
        // The browser fires `upgradeneeded` only after `build` returns, so the request the
        // callback takes the upgrade transaction from is in place by then.
        let request_slot = Rc::new(RefCell::new(None::<IdbOpenDbRequest>));
        let slot = Rc::clone(&request_slot);
        let request = Database::open(name)
            .with_version(version)
            .with_on_upgrade_needed(move |event, db| {
                let tx = slot
                    .borrow()
                    .as_ref()
                    .and_then(|request| request.transaction())
                    .ok_or_else(|| JsValue::from_str("upgrade without a versionchange transaction"))?;
                schema::upgrade(&db, &tx, event.old_version() as u32, version)
            })
            .build()?;
        request_slot.replace(Some(request.as_sys().clone()));
        let db = request.await?;
        Ok(Self { db: Rc::new(db) })
    }

    pub(crate) fn db(&self) -> &Database {
        &self.db
    }

    /// The names of the object stores, for checks after an upgrade.
    pub fn store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    /// Saves a transmission and queues it for sync, atomically.
    pub async fn add_transmission(&self, transmission: &Transmission) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction([STORE_TRANSMISSIONS, STORE_OUTBOX, STORE_META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(STORE_TRANSMISSIONS)?.add(transmission).serde()?.await?;
        queue(&tx, Write::TransmissionCreate(transmission.clone())).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that `ack.by` has seen a vigilance point and queues it for sync. Returns
    /// `false`, writing nothing, when that person had already acknowledged it.
    pub async fn add_acknowledgement(&self, subject: &SubjectId, ack: &Acknowledgement) -> Result<bool, StoreError> {
        let tx = self
            .db
            .transaction([STORE_ACKNOWLEDGEMENTS, STORE_OUTBOX, STORE_META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let acks = tx.object_store(STORE_ACKNOWLEDGEMENTS)?;
        let stored = StoredAcknowledgement::new(subject.clone(), ack.clone());
        if acks.get::<StoredAcknowledgement, _, _>(stored.key.as_str()).serde()?.await?.is_some() {
            return Ok(false);
        }
        acks.add(&stored).serde()?.await?;
        queue(&tx, Write::AcknowledgementAdd(ack.clone())).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every acknowledgement of entries about `subject`.
    pub async fn acknowledgements_for(&self, subject: &SubjectId) -> Result<Vec<Acknowledgement>, StoreError> {
        let tx = self.db.transaction(STORE_ACKNOWLEDGEMENTS).build()?;
        let store = tx.object_store(STORE_ACKNOWLEDGEMENTS)?;
        let index = store.index(INDEX_BY_SUBJECT)?;
        let stored = index
            .get_all::<StoredAcknowledgement>()
            .with_query(subject.as_str())
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(stored.into_iter().map(|s| s.ack).collect())
    }

    /// Keeps the composer's content for `subject`, or forgets it with `None`.
    pub async fn save_draft(&self, subject: &SubjectId, draft: Option<&TransmissionDraft>) -> Result<(), StoreError> {
        let tx = self.db.transaction(STORE_META).with_mode(TransactionMode::Readwrite).build()?;
        let meta = tx.object_store(STORE_META)?;
        match draft {
            Some(draft) => {
                meta.put(draft).with_key(draft_key(subject)).serde()?.await?;
            }
            None => meta.delete(draft_key(subject)).await?,
        }
        tx.commit().await?;
        Ok(())
    }

    /// The composer's content as it was left for `subject`.
    pub async fn load_draft(&self, subject: &SubjectId) -> Result<Option<TransmissionDraft>, StoreError> {
        let tx = self.db.transaction(STORE_META).build()?;
        let draft = tx.object_store(STORE_META)?.get(draft_key(subject)).serde()?.await?;
        Ok(draft)
    }

    /// Every transmission about `subject`, newest first.
    pub async fn transmissions_for(&self, subject: &SubjectId) -> Result<Vec<Transmission>, StoreError> {
        let tx = self.db.transaction(STORE_TRANSMISSIONS).build()?;
        let store = tx.object_store(STORE_TRANSMISSIONS)?;
        let index = store.index(INDEX_BY_SUBJECT)?;
        let mut entries = index
            .get_all::<Transmission>()
            .with_query(subject.as_str())
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        newest_first(&mut entries);
        Ok(entries)
    }

    /// Mutations waiting to be pushed, oldest first, entries left by schema v3 included (not
    /// the confirmed ones the outbox retains, see `outbox::sync_outbox`).
    pub async fn pending_mutations(&self) -> Result<Vec<Mutation>, StoreError> {
        let tx = self.db.transaction([STORE_OUTBOX, STORE_META]).build()?;
        let confirmed = sync_state::read(&tx).await?.map_or(0, |r| r.confirmed_seq);
        Ok(outbox::read_all(&tx).await?.into_iter().filter(|m| m.seq > confirmed).collect())
    }

    /// What the sync engine stored last, or `None` on a database that never synced.
    pub async fn sync_record(&self) -> Result<Option<SyncRecord>, StoreError> {
        let tx = self.db.transaction(STORE_META).build()?;
        sync_state::read(&tx).await
    }

    /// Stores a pulled page and what it confirms in one transaction: all of it, or nothing.
    pub async fn commit(&self, page: &Commit) -> Result<(), StoreError> {
        let tx = self.db.transaction(COMMIT_STORES).with_mode(TransactionMode::Readwrite).build()?;
        commit::apply(&tx, page).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the connection; later calls on clones fail.
    pub fn close(self) {
        if let Ok(db) = Rc::try_unwrap(self.db) {
            db.close();
        }
    }
}
