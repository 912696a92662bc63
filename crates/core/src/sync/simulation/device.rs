//! One simulated browser profile: what IndexedDB keeps across crashes, and the tabs sharing it.
//!
//! Only `Store` survives a tab crash; a tab's client, its pending effects and its token are
//! volatile, exactly as in the browser where the leader's memory dies with the tab.

use crate::sync::client::Client;
use crate::sync::events::{deletable_through, Commit, Persisted};
use crate::sync::status::{Instant, RejectedMutation};
use crate::sync::wire::{ChangeOp, ClientGroupId, Mutation, Target, Version};
use crate::Author;
use serde_json::Value;
use std::collections::BTreeMap;

/// The IndexedDB database of one client group: outbox, meta, confirmed records, refused list.
#[derive(Debug, Clone)]
pub struct Store {
    pub next_seq: u64,
    pub outbox: BTreeMap<u64, Mutation>,
    pub meta: Persisted,
    pub records: BTreeMap<Target, (Version, Value)>,
    pub rejected: Vec<RejectedMutation>,
}

impl Store {
    pub fn new(client_group: ClientGroupId) -> Self {
        Self {
            next_seq: 0,
            outbox: BTreeMap::new(),
            meta: Persisted { client_group, cursor: None, confirmed_seq: 0, last_sync: None },
            records: BTreeMap::new(),
            rejected: Vec::new(),
        }
    }

    /// Allocates the next seq and stores the entry in the same (simulated) transaction.
    pub fn enqueue(&mut self, build: impl FnOnce(u64) -> Mutation) -> Mutation {
        self.next_seq += 1;
        let mutation = build(self.next_seq);
        self.outbox.insert(mutation.seq, mutation.clone());
        mutation
    }

    /// Entries not yet confirmed; the outbox also keeps recently confirmed ones.
    pub fn unsent(&self) -> impl Iterator<Item = &Mutation> {
        self.outbox.range(self.meta.confirmed_seq + 1..).map(|(_, m)| m)
    }

    /// The all-or-nothing transaction the client asks for after a pull.
    pub fn apply(&mut self, commit: &Commit) {
        if commit.reset {
            self.records.clear();
        }
        for change in &commit.changes {
            match &change.op {
                // Commit order is not version order when transactions commit out of order
                // (the positions were reserved first): the highest version is the item.
                ChangeOp::Put { resource } => {
                    let stored = self.records.get(&change.target).map(|(version, _)| *version);
                    if stored.is_none_or(|v| v < change.version) {
                        self.records.insert(change.target.clone(), (change.version, resource.clone()));
                    }
                }
                ChangeOp::Tombstone => {
                    self.records.remove(&change.target);
                }
            }
        }
        self.meta = Persisted {
            client_group: commit.client_group,
            cursor: Some(commit.cursor.clone()),
            confirmed_seq: commit.confirmed_seq,
            last_sync: Some(commit.synced_at),
        };
        self.outbox = self.outbox.split_off(&(deletable_through(commit.confirmed_seq) + 1));
        self.rejected.extend(commit.rejected.iter().cloned());
    }
}

/// A tab: alive or not, leader when it holds a client, with the effects it has not yet run.
#[derive(Debug, Clone, Default)]
pub struct Tab {
    pub alive: bool,
    /// Bumped at each crash, so replies addressed to a dead incarnation are dropped.
    pub life: u64,
    pub token: u64,
    pub client: Option<Client>,
    pub persist: Option<Commit>,
    pub load: bool,
    pub refresh: bool,
    pub timer: Option<Instant>,
}

impl Tab {
    pub fn crash(&mut self) {
        *self = Tab { life: self.life + 1, ..Tab::default() };
    }

    pub fn has_store_work(&self) -> bool {
        self.persist.is_some() || self.load || self.refresh
    }
}

#[derive(Debug, Clone)]
pub struct Device {
    pub user: Author,
    /// How far the device clock is off: shown in records, never used by the protocol.
    pub skew_ms: i64,
    pub online: bool,
    pub fail_next_store: bool,
    pub store: Store,
    pub tabs: Vec<Tab>,
}

impl Device {
    pub fn leader(&self) -> Option<usize> {
        self.tabs.iter().position(|t| t.alive && t.client.is_some())
    }
}
