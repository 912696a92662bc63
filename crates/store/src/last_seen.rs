//! When the user last opened a person's book, so the widget can tell what is new since then.
//!
//! Kept in `meta` under a per-subject key: an additive record, no schema step needed. It is
//! local to this browser and user on purpose; it is not synced.

use crate::schema::STORE_META;
use crate::{Store, StoreError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use relais_core::{SubjectId, Timestamp};

fn last_seen_key(subject: &SubjectId) -> String {
    format!("last_seen:{subject}")
}

impl Store {
    /// Records a visit to `subject`'s book at `now` and returns when the previous one was,
    /// if any, in one transaction so two tabs cannot both miss what is new.
    pub async fn visit(&self, subject: &SubjectId, now: Timestamp) -> Result<Option<Timestamp>, StoreError> {
        let tx = self.db().transaction(STORE_META).with_mode(TransactionMode::Readwrite).build()?;
        let meta = tx.object_store(STORE_META)?;
        let key = last_seen_key(subject);
        let previous: Option<i64> = meta.get(key.as_str()).primitive()?.await?;
        meta.put(now.unix_ms()).with_key(key).primitive()?.await?;
        tx.commit().await?;
        Ok(previous.map(Timestamp::from_unix_ms))
    }
}
