//! What the list shows and what the header counts, derived once per change rather than on
//! every read: with 10,000 entries, a keystroke in the search box must cost one pass over
//! pre-folded texts, never a re-fold or a clone of every entry.

use crate::config::BookConfig;
use crate::device;
use crate::reader::may_read;
use crate::state::{Filters, Seen};
use chrono::NaiveDate;
use leptos::prelude::*;
use relais_core::search::{fold, Query};
use relais_core::{EntryId, Timestamp, Transmission};
use std::collections::HashMap;

/// Per entry, computed on first sight: entries never change, so neither does this.
#[derive(Clone)]
struct Prepared {
    folded: String,
    day: NaiveDate,
    readable: bool,
}

#[derive(Clone, Copy)]
pub struct Listing {
    /// Indices into the entries (newest first) that this reader may see and the filters keep.
    pub shown: Memo<Vec<usize>>,
    /// Entries by others written since the previous visit, among those the reader may see.
    pub unread: Memo<usize>,
}

/// Written by someone other than `me` since the previous visit `since`: what "nouveau"
/// marks, the unread count counts and "Non lus seulement" keeps.
pub fn is_unread(entry: &Transmission, since: Option<Timestamp>, me: &str) -> bool {
    since.is_some_and(|since| entry.created_at > since) && entry.author.id() != me
}

impl Listing {
    pub fn new(
        config: StoredValue<BookConfig>,
        entries: RwSignal<Vec<Transmission>>,
        filters: RwSignal<Filters>,
        last_seen: RwSignal<Option<Timestamp>>,
    ) -> Self {
        let cache = StoredValue::new(HashMap::<EntryId, Prepared>::new());
        let me = config.with_value(|c| c.author.id().to_owned());
        let offset = device::local_offset_minutes();
        let shown = Memo::new({
            let me = me.clone();
            move |_| {
                let filters = filters.get();
                let since = last_seen.get();
                let query = Query::new(&filters.query);
                entries.with(|list| {
                    cache.try_update_value(|cache| {
                        list.iter()
                            .enumerate()
                            .filter(|(_, t)| {
                                let prepared = cache.entry(t.id).or_insert_with(|| prepare(config, t, offset));
                                let seen = Seen { folded: &prepared.folded, day: prepared.day, unread: is_unread(t, since, &me) };
                                prepared.readable && filters.keeps(t, &seen, &query)
                            })
                            .map(|(i, _)| i)
                            .collect()
                    })
                })
                .unwrap_or_default()
            }
        });
        let unread = Memo::new(move |_| {
            let Some(since) = last_seen.get() else { return 0 };
            entries.with(|list| {
                list.iter()
                    .take_while(|t| t.created_at > since)
                    .filter(|t| is_unread(t, Some(since), &me) && config.with_value(|c| may_read(c, &t.category)))
                    .count()
            })
        });
        Self { shown, unread }
    }
}

fn prepare(config: StoredValue<BookConfig>, entry: &Transmission, offset: i32) -> Prepared {
    Prepared {
        folded: fold(entry.text.as_str()),
        day: entry.created_at.local_day(offset),
        readable: config.with_value(|c| may_read(c, &entry.category)),
    }
}

impl crate::state::Book {
    /// Written by someone else since this user's previous visit.
    pub fn is_new(&self, entry: &Transmission) -> bool {
        is_unread(entry, self.last_seen.get_untracked(), &self.me())
    }
}
