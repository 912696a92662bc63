//! What the list shows and what the header counts, derived once per change rather than on
//! every read: with 10,000 entries, a keystroke in the search box must cost one pass over
//! pre-folded texts, never a re-fold or a clone of every entry.

use crate::config::BookConfig;
use crate::reader::may_read;
use crate::state::Filters;
use leptos::prelude::*;
use relais_core::search::{fold, Query};
use relais_core::{EntryId, Timestamp, Transmission};
use std::collections::HashMap;

/// Per entry, computed on first sight: entries never change, so neither does this.
#[derive(Clone)]
struct Prepared {
    folded: String,
    readable: bool,
}

#[derive(Clone, Copy)]
pub struct Listing {
    /// Indices into the entries (newest first) that this reader may see and the filters keep.
    pub shown: Memo<Vec<usize>>,
    /// Entries by others written since the previous visit, among those the reader may see.
    pub unread: Memo<usize>,
}

impl Listing {
    pub fn new(
        config: StoredValue<BookConfig>,
        entries: RwSignal<Vec<Transmission>>,
        filters: RwSignal<Filters>,
        last_seen: RwSignal<Option<Timestamp>>,
    ) -> Self {
        let cache = StoredValue::new(HashMap::<EntryId, Prepared>::new());
        let shown = Memo::new(move |_| {
            let filters = filters.get();
            let query = Query::new(&filters.query);
            entries.with(|list| {
                cache.try_update_value(|cache| {
                    list.iter()
                        .enumerate()
                        .filter(|(_, t)| {
                            let prepared = cache.entry(t.id).or_insert_with(|| prepare(config, t));
                            prepared.readable && filters.keeps(t, &prepared.folded, &query)
                        })
                        .map(|(i, _)| i)
                        .collect()
                })
            })
            .unwrap_or_default()
        });
        let me = config.with_value(|c| c.author.id().to_owned());
        let unread = Memo::new(move |_| {
            let Some(since) = last_seen.get() else { return 0 };
            entries.with(|list| {
                list.iter()
                    .take_while(|t| t.created_at > since)
                    .filter(|t| t.author.id() != me && config.with_value(|c| may_read(c, &t.category)))
                    .count()
            })
        });
        Self { shown, unread }
    }
}

fn prepare(config: StoredValue<BookConfig>, entry: &Transmission) -> Prepared {
    Prepared {
        folded: fold(entry.text.as_str()),
        readable: config.with_value(|c| may_read(c, &entry.category)),
    }
}

impl crate::state::Book {
    /// Written by someone else since this user's previous visit.
    pub fn is_new(&self, entry: &Transmission) -> bool {
        self.last_seen.get_untracked().is_some_and(|since| entry.created_at > since) && entry.author.id() != self.me()
    }
}
