//! A person's transmissions a page at a time, newest first, through the `[subject, created_at]`
//! index: the book paints the newest page at once and reads the older entries behind it,
//! instead of deserialising and sorting thousands of records before anything shows.

use crate::schema::{INDEX_BY_SUBJECT_TIME, STORE_TRANSMISSIONS};
use crate::{Store, StoreError};
use indexed_db_futures::cursor::CursorDirection;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyRange;
use relais_core::{EntryId, SubjectId, Timestamp, Transmission};
use wasm_bindgen::JsValue;

/// The oldest entry of a page, where the next page starts. Entries are ordered by
/// `created_at`, then by id, as `relais_core::newest_first` orders them and as the index keeps
/// them (an index sorts equal keys by primary key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageEnd {
    pub created_at: Timestamp,
    pub id: EntryId,
}

impl PageEnd {
    pub fn of(entry: &Transmission) -> Self {
        Self { created_at: entry.created_at, id: entry.id }
    }

    /// Whether `entry` comes after this end in newest-first order, i.e. belongs to a later page.
    pub fn precedes(&self, entry: &Transmission) -> bool {
        (entry.created_at, entry.id) < (self.created_at, self.id)
    }
}

impl Store {
    /// At most `limit` transmissions about `subject`, newest first: the newest of all, or with
    /// `after`, the newest of those that come after that page end.
    pub async fn transmissions_page(
        &self,
        subject: &SubjectId,
        after: Option<&PageEnd>,
        limit: usize,
    ) -> Result<Vec<Transmission>, StoreError> {
        let tx = self.db().transaction(STORE_TRANSMISSIONS).build()?;
        let store = tx.object_store(STORE_TRANSMISSIONS)?;
        let index = store.index(INDEX_BY_SUBJECT_TIME)?;
        let cursor = index
            .open_cursor()
            .with_query::<JsValue, _>(range(subject, after))
            .with_direction(CursorDirection::Prev)
            .primitive()?
            .await?;
        let Some(mut cursor) = cursor else {
            return Ok(Vec::new());
        };
        let mut page = Vec::with_capacity(limit);
        while page.len() < limit {
            let Some(entry) = cursor.next_record_ser::<Transmission>().await? else {
                break;
            };
            // The range includes the end's own millisecond, which may hold entries of its page.
            if after.is_none_or(|end| end.precedes(&entry)) {
                page.push(entry);
            }
        }
        Ok(page)
    }

    /// Every transmission about `subject` after `end`, newest first. One `getAll` in index
    /// order, reversed: for thousands of rows far cheaper than a cursor's round trip per row.
    pub async fn transmissions_after(&self, subject: &SubjectId, end: &PageEnd) -> Result<Vec<Transmission>, StoreError> {
        let tx = self.db().transaction(STORE_TRANSMISSIONS).build()?;
        let store = tx.object_store(STORE_TRANSMISSIONS)?;
        let index = store.index(INDEX_BY_SUBJECT_TIME)?;
        // The query is a raw key range, which the crate's serde path does not take: read the
        // records as they are and deserialise them here.
        let mut entries = index
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(range(subject, Some(end)))
            .primitive()?
            .await?
            .map(|record| Ok(serde_wasm_bindgen::from_value(record?)?))
            .collect::<Result<Vec<Transmission>, StoreError>>()?;
        entries.retain(|entry| end.precedes(entry));
        entries.reverse();
        Ok(entries)
    }
}

/// `subject`'s keys up to `after`'s millisecond included, or all of them.
fn range(subject: &SubjectId, after: Option<&PageEnd>) -> KeyRange<JsValue> {
    let upper = after.map_or(f64::INFINITY, |end| end.created_at.unix_ms() as f64);
    KeyRange::Bound(key(subject, f64::NEG_INFINITY), false, key(subject, upper), false)
}

fn key(subject: &SubjectId, created_at: f64) -> JsValue {
    js_sys::Array::of2(&subject.as_str().into(), &created_at.into()).into()
}
