//! The handle widgets use to read and write local data.

use crate::outbox::PendingMutation;
use crate::schema::{self, INDEX_BY_SUBJECT, SCHEMA_VERSION, STORE_META, STORE_OUTBOX, STORE_TRANSMISSIONS};
use crate::{database_name, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use relais_core::{newest_first, SubjectId, Transmission};

/// Key in the `meta` store of the next outbox sequence number.
const NEXT_SEQ: &str = "next_seq";

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
        let meta = tx.object_store(STORE_META)?;
        let seq: u64 = meta.get(NEXT_SEQ).primitive()?.await?.unwrap_or(1);
        tx.object_store(STORE_TRANSMISSIONS)?.add(transmission).serde()?.await?;
        let mutation = PendingMutation::TransmissionCreate {
            seq,
            id: transmission.id,
            payload: transmission.clone(),
        };
        tx.object_store(STORE_OUTBOX)?.add(&mutation).serde()?.await?;
        meta.put(seq + 1).with_key(NEXT_SEQ).primitive()?.await?;
        tx.commit().await?;
        Ok(())
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
