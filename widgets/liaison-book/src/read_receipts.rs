//! "Lu par …": who in the care circle has had each entry in front of them, and recording that
//! this reader has.
//!
//! A receipt is recorded only for entries the list actually showed in its visible area (not
//! the rendered margin around it), never for the reader's own entries, and at most once per
//! entry and reader. Displayed entries are gathered for a moment and written in one store
//! transaction, so scrolling through a long book costs a few transactions, and opening a book
//! of 10,000 entries records only the handful on screen.

use crate::device;
use crate::state::Book;
use crate::texts::Texts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::{EntryId, Receipt};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// How long displayed entries are gathered before one transaction records them.
const BATCH_DELAY: Duration = Duration::from_millis(800);

#[derive(Clone, Copy)]
pub struct Receipts {
    /// Every receipt of this person's entries, as the store holds them.
    pub all: RwSignal<Vec<Receipt>>,
    /// Reader names per entry, in the order they read it.
    readers: Memo<HashMap<EntryId, Vec<String>>>,
    /// Entries displayed and not yet recorded, so a scroll back and forth queues each once.
    waiting: StoredValue<HashSet<EntryId>>,
}

impl Receipts {
    pub fn new() -> Self {
        let all = RwSignal::new(Vec::<Receipt>::new());
        let readers = Memo::new(move |_| {
            all.with(|receipts| {
                let mut sorted: Vec<&Receipt> = receipts.iter().collect();
                sorted.sort_by_key(|r| r.at);
                let mut readers: HashMap<EntryId, Vec<String>> = HashMap::new();
                for receipt in sorted {
                    readers.entry(receipt.entry).or_default().push(receipt.by.name().to_owned());
                }
                readers
            })
        });
        Self { all, readers, waiting: StoredValue::new(HashSet::new()) }
    }

    fn has_read(&self, entry: EntryId, me: &str) -> bool {
        self.all.with_untracked(|all| all.iter().any(|r| r.entry == entry && r.by.id() == me))
    }
}

/// "Lu par Karim Benali, Dr Petit", or nothing while nobody else has read the entry.
pub fn read_line(book: Book, entry: EntryId) -> Option<String> {
    let texts = Texts::for_lang(book.lang);
    book.receipts.readers.with(|readers| {
        readers.get(&entry).map(|names| format!("{} {}", texts.read_by, names.join(", ")))
    })
}

/// The list showed the entries at `indices` of `book.entries`; records receipts for those
/// that are someone else's and not yet read by this reader, after a short gathering delay.
pub fn displayed(book: Book, indices: &[usize]) {
    let me = book.me();
    let fresh: Vec<EntryId> = book.entries.with_untracked(|list| {
        indices
            .iter()
            .filter_map(|&i| list.get(i))
            .filter(|t| t.author.id() != me && !book.receipts.has_read(t.id, &me))
            .map(|t| t.id)
            .collect()
    });
    let Some(was_idle) = book.receipts.waiting.try_update_value(|waiting| {
        let was_idle = waiting.is_empty();
        waiting.extend(fresh);
        was_idle && !waiting.is_empty()
    }) else {
        return;
    };
    if was_idle {
        set_timeout(move || spawn_local(record(book)), BATCH_DELAY);
    }
}

/// Writes the gathered receipts in one transaction and shows them; the sync engine pushes them.
async fn record(book: Book) {
    let Some(waiting) = book.receipts.waiting.try_update_value(std::mem::take) else {
        return;
    };
    let (Some(Some(store)), Some((subject, reader))) = (
        book.store.try_get_value(),
        book.config.try_with_value(|c| (c.subject.clone(), c.author.clone())),
    ) else {
        return;
    };
    let at = device::now();
    let batch: Vec<Receipt> =
        waiting.into_iter().map(|entry| Receipt { entry, by: reader.clone(), at }).collect();
    if let Ok(added) = store.add_receipts(&subject, &batch).await {
        book.receipts.all.try_update(|all| {
            let fresh: Vec<Receipt> =
                batch.into_iter().filter(|r| !all.iter().any(|a| a.key() == r.key())).collect();
            all.extend(fresh);
        });
        if added > 0 {
            book.wrote();
        }
    }
}
