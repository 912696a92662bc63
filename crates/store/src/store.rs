//! The handle widgets use to read and write local data.

use crate::outbox::PendingMutation;
use crate::schema::{
    self, INDEX_BY_SUBJECT, SCHEMA_VERSION, STORE_ACKNOWLEDGEMENTS, STORE_META, STORE_OUTBOX, STORE_TRANSMISSIONS,
};
use crate::{database_name, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::transaction::Transaction;
use relais_core::{newest_first, Acknowledgement, SubjectId, Transmission, TransmissionDraft};
use serde::{Deserialize, Serialize};

/// Key in the `meta` store of the next outbox sequence number.
const NEXT_SEQ: &str = "next_seq";

/// An acknowledgement as stored: keyed by (entry, person), indexed by the person cared for.
#[derive(Serialize, Deserialize)]
struct StoredAcknowledgement {
    key: String,
    subject: SubjectId,
    ack: Acknowledgement,
}

fn draft_key(subject: &SubjectId) -> String {
    format!("draft:{subject}")
}

/// Appends the mutation `make` builds with the next gapless seq, inside the caller's
/// transaction, so the write and its outbox entry commit or fail together.
async fn queue(tx: &Transaction<'_>, make: impl FnOnce(u64) -> PendingMutation) -> Result<(), StoreError> {
    let meta = tx.object_store(STORE_META)?;
    let seq: u64 = meta.get(NEXT_SEQ).primitive()?.await?.unwrap_or(1);
    tx.object_store(STORE_OUTBOX)?.add(&make(seq)).serde()?.await?;
    meta.put(seq + 1).with_key(NEXT_SEQ).primitive()?.await?;
    Ok(())
}

/// An open database. Cheap to clone: clones share one connection.
#[derive(Debug, Clone)]
pub struct Store {
    db: std::rc::Rc<Database>,
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
        let db = Database::open(name)
            .with_version(version)
            .with_on_upgrade_needed(move |event, db| {
                schema::upgrade(&db, event.old_version() as u32, version)
            })
            .await?;
        Ok(Self { db: std::rc::Rc::new(db) })
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
        queue(&tx, |seq| PendingMutation::TransmissionCreate {
            seq,
            id: transmission.id,
            payload: transmission.clone(),
        })
        .await?;
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
        let (entry, by) = ack.key();
        let key = format!("{entry}|{by}");
        if acks.get::<StoredAcknowledgement, _, _>(key.as_str()).serde()?.await?.is_some() {
            return Ok(false);
        }
        let stored = StoredAcknowledgement { key, subject: subject.clone(), ack: ack.clone() };
        acks.add(&stored).serde()?.await?;
        queue(&tx, |seq| PendingMutation::AcknowledgementAdd { seq, payload: ack.clone() }).await?;
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

    /// Mutations waiting to be pushed, oldest first.
    pub async fn pending_mutations(&self) -> Result<Vec<PendingMutation>, StoreError> {
        let tx = self.db.transaction(STORE_OUTBOX).build()?;
        let entries = tx
            .object_store(STORE_OUTBOX)?
            .get_all::<PendingMutation>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(entries)
    }

    /// Closes the connection; later calls on clones fail.
    pub fn close(self) {
        if let Ok(db) = std::rc::Rc::try_unwrap(self.db) {
            db.close();
        }
    }
}
