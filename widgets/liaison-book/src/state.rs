//! The state one liaison book shares between its parts: the entries, the acknowledgements,
//! what the composer is doing, the filters, and the clock relative times are measured against.
//!
//! Every field is a signal or a stored value, so the struct is `Copy` and each component takes
//! it whole instead of a growing list of props.

use crate::config::BookConfig;
use crate::events::Events;
use crate::listing::Listing;
use crate::read_receipts::Receipts;
use crate::texts::Lang;
use leptos::prelude::*;
use relais_core::search::Query;
use chrono::NaiveDate;
use relais_core::{newest_first, Acknowledgement, CategoryId, EntryId, EntryLink, Role, Timestamp, Transmission, Urgency};
use relais_store::{PageEnd, Store};
use relais_sync::{SyncEngine, SyncStatus};
use std::collections::HashSet;

/// What the composer is writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compose {
    #[default]
    New,
    Reply(EntryId),
    Correct(EntryId),
}

impl Compose {
    pub fn link(self) -> EntryLink {
        match self {
            Compose::New => EntryLink::None,
            Compose::Reply(id) => EntryLink::ReplyTo(id),
            Compose::Correct(id) => EntryLink::Corrects(id),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub query: String,
    pub category: Option<CategoryId>,
    pub urgency: Option<Urgency>,
    pub role: Option<Role>,
    /// Only the entries marked "nouveau" (see `listing::is_unread`).
    pub unread_only: bool,
    /// Inclusive bounds on the entry's local calendar day, as the reader's date inputs give them.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// What `Listing` knows of an entry beyond the entry itself, so the filters neither re-fold
/// texts nor recompute days on every keystroke.
pub struct Seen<'a> {
    /// The entry's text as `fold` leaves it.
    pub folded: &'a str,
    /// The reader's local day the entry was written on.
    pub day: NaiveDate,
    pub unread: bool,
}

impl Filters {
    pub fn keeps(&self, entry: &Transmission, seen: &Seen, query: &Query) -> bool {
        self.category.as_ref().is_none_or(|c| &entry.category == c)
            && self.urgency.is_none_or(|u| entry.urgency == u)
            && self.role.is_none_or(|r| entry.author.role() == r)
            && (!self.unread_only || seen.unread)
            && self.from.is_none_or(|from| seen.day >= from)
            && self.to.is_none_or(|to| seen.day <= to)
            && (query.is_empty() || query.matches_folded(seen.folded))
    }
}

#[derive(Clone, Copy)]
pub struct Book {
    pub config: StoredValue<BookConfig>,
    pub lang: Lang,
    pub store: StoredValue<Option<Store>, LocalStorage>,
    pub entries: RwSignal<Vec<Transmission>>,
    /// While the entries older than the first page are still being read (see `book.rs`).
    pub older_loading: RwSignal<bool>,
    pub acks: RwSignal<Vec<Acknowledgement>>,
    pub receipts: Receipts,
    pub compose: RwSignal<Compose>,
    pub filters: RwSignal<Filters>,
    pub now: RwSignal<Timestamp>,
    /// The sync engine, when the host gave an endpoint; dropping it stops it.
    pub sync: StoredValue<Option<SyncEngine>, LocalStorage>,
    pub sync_status: RwSignal<Option<SyncStatus>, LocalStorage>,
    /// Ids of entries still in the outbox, shown "en attente d'envoi".
    pub unsent: RwSignal<Vec<String>>,
    /// The previous visit to this book, for "nouveau" marks and the unread count.
    pub last_seen: RwSignal<Option<Timestamp>>,
    pub events: StoredValue<Events>,
    pub listing: Listing,
}

impl Book {
    pub fn new(config: BookConfig, lang: Lang, now: Timestamp) -> Self {
        let config = StoredValue::new(config);
        let entries = RwSignal::new(Vec::new());
        let filters = RwSignal::new(Filters::default());
        let last_seen = RwSignal::new(None);
        Self {
            config,
            lang,
            store: StoredValue::new_local(None),
            entries,
            older_loading: RwSignal::new(false),
            acks: RwSignal::new(Vec::new()),
            receipts: Receipts::new(),
            compose: RwSignal::new(Compose::New),
            filters,
            now: RwSignal::new(now),
            sync: StoredValue::new_local(None),
            sync_status: RwSignal::new_local(None),
            unsent: RwSignal::new(Vec::new()),
            last_seen,
            events: StoredValue::new(Events::default()),
            listing: Listing::new(config, entries, filters, last_seen),
        }
    }

    /// Tells the sync engine (and through it the other tabs) that the outbox grew.
    pub fn wrote(&self) {
        self.sync.try_with_value(|engine| engine.as_ref().map(SyncEngine::notify_local_write));
    }

    /// Adds the entries read after the first page, which ended at `end`. Meanwhile the list
    /// may have gained new entries (written here) or been read again whole (a sync reload), so
    /// what it already holds past `end` is kept only if the read did not return it.
    pub fn merge_older(&self, end: &PageEnd, older: Vec<Transmission>) {
        let read: HashSet<EntryId> = older.iter().map(|t| t.id).collect();
        self.entries.try_update(|list| {
            list.retain(|t| !end.precedes(t) || !read.contains(&t.id));
            list.extend(older);
            newest_first(list);
        });
    }

    pub fn me(&self) -> String {
        self.config.with_value(|c| c.author.id().to_owned())
    }

    pub fn entry(&self, id: EntryId) -> Option<Transmission> {
        self.entries.with(|list| list.iter().find(|t| t.id == id).cloned())
    }

    /// Whether a later entry corrects `id`.
    pub fn is_corrected(&self, id: EntryId) -> bool {
        self.entries.with(|list| list.iter().any(|t| t.link == EntryLink::Corrects(id)))
    }

    /// Who has acknowledged `id`, by name, in the order they did.
    pub fn acknowledged_by(&self, id: EntryId) -> Vec<String> {
        self.acks.with(|acks| {
            let mut of_entry: Vec<&Acknowledgement> = acks.iter().filter(|a| a.entry == id).collect();
            of_entry.sort_by_key(|a| a.at);
            of_entry.iter().map(|a| a.by.name().to_owned()).collect()
        })
    }

    /// Vigilance points still pinned for the current user: someone else's until the user
    /// acknowledges it; the user's own until someone else has (the author sees who has).
    /// A corrected point is replaced by its correction and leaves the pin.
    pub fn pending_vigilance(&self) -> Vec<Transmission> {
        let me = self.me();
        self.entries.with(|list| {
            self.acks.with(|acks| {
                list.iter()
                    .filter(|t| t.vigilance)
                    .filter(|t| !list.iter().any(|c| c.link == EntryLink::Corrects(t.id)))
                    .filter(|t| {
                        let mut by = acks.iter().filter(|a| a.entry == t.id).map(|a| a.by.id());
                        if t.author.id() == me {
                            by.all(|id| id == me)
                        } else {
                            !by.any(|id| id == me)
                        }
                    })
                    .cloned()
                    .collect()
            })
        })
    }
}
