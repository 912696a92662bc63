//! The vocabulary between a sync driver and the client state machine: what goes in (inputs,
//! with the time and entropy of their moment), what comes out (effects to carry out), and the
//! configuration and persisted state a leader starts from.
//!
//! Kept apart from the state machine so a driver (browser, simulation, tests) depends on these
//! plain types only, and so the machine's own state stays private.

use super::status::{Instant, RejectedMutation};
use super::wire::{
    Change, ClientGroupId, Cursor, Mutation, PullRequest, PushRequest, DEFAULT_PULL_LIMIT,
    MAX_MUTATIONS_PER_PUSH,
};
use crate::Timestamp;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// The local database schema, reported in pushes.
    pub schema: u32,
    pub max_batch: usize,
    pub pull_limit: u32,
    /// Pull this often when nothing else triggers a sync. Two people looking at the same
    /// person's book or plan see each other's writes within this delay; an idle pull is one
    /// small request, so 15 s costs little.
    pub poll_interval: Duration,
    /// A request with no answer by then is treated as a network failure.
    pub request_timeout: Duration,
    /// Pull again this soon when the server applied a push whose effect is not yet visible.
    pub confirm_delay: Duration,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            schema: 1,
            max_batch: MAX_MUTATIONS_PER_PUSH,
            pull_limit: DEFAULT_PULL_LIMIT,
            poll_interval: Duration::from_secs(15),
            request_timeout: Duration::from_secs(30),
            confirm_delay: Duration::from_secs(1),
        }
    }
}

/// What the store keeps between sessions (the `meta` store), read when a tab becomes leader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Persisted {
    pub client_group: ClientGroupId,
    pub cursor: Option<Cursor>,
    /// Every seq up to here has left the outbox.
    pub confirmed_seq: u64,
    pub last_sync: Option<Timestamp>,
}

/// The moment an input happens, with entropy for jitter and new ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Env {
    pub now: Instant,
    /// The device clock: only for what is shown (last sync time).
    pub wall: Timestamp,
    /// Fresh bytes from `crypto.getRandomValues` for every input: backoff jitter and new client
    /// group ids are drawn from them.
    pub random: [u8; 16],
}

impl Env {
    pub(super) fn random_u64(&self) -> u64 {
        let [a, b, c, d, e, f, g, h, ..] = self.random;
        u64::from_le_bytes([a, b, c, d, e, f, g, h])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(pub u64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Writes already committed to the outbox (by this tab or announced by another).
    Enqueued(Vec<Mutation>),
    /// The outbox as read after an [`Effect::LoadOutbox`].
    OutboxLoaded(Vec<Mutation>),
    Replied {
        request: RequestId,
        reply: Result<HttpReply, TransportError>,
    },
    /// The result of the last [`Effect::Persist`].
    Persisted(Result<(), StoreError>),
    Tick,
    Online,
    Offline,
    /// The page became visible again: a good moment to pull.
    Visible,
    /// The host's `getToken()` gave a token (after [`Effect::RefreshToken`] or on its own).
    TokenRefreshed,
    TokenUnavailable,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpReply {
    pub status: u16,
    pub retry_after: Option<Duration>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError(pub String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Send with the current bearer token; answer with [`Input::Replied`].
    Send { request: RequestId, body: Outgoing },
    /// Write in one IndexedDB transaction; answer with [`Input::Persisted`].
    Persist(Commit),
    /// Read every outbox entry; answer with [`Input::OutboxLoaded`].
    LoadOutbox,
    /// Deliver [`Input::Tick`] at that time; replaces any earlier timer.
    SetTimer(Instant),
    /// Call the host's `getToken()` again; answer with a token input (no answer within the
    /// request timeout counts as [`Input::TokenUnavailable`]).
    RefreshToken,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outgoing {
    Push(PushRequest),
    Pull(PullRequest),
}

/// How many confirmed writes a client keeps after their confirmation, to push again if the
/// server turns out to have been restored from a backup that predates them (design §3 #11).
/// A restore older than this many of the client's writes can still lose the oldest ones.
pub const RETAINED_CONFIRMED: u64 = 2_000;

/// The highest outbox seq a store may delete once `confirmed_seq` is confirmed: confirmed
/// entries stay for the [`RETAINED_CONFIRMED`] most recent seqs.
pub fn deletable_through(confirmed_seq: u64) -> u64 {
    confirmed_seq.saturating_sub(RETAINED_CONFIRMED)
}

/// One pulled page and everything it confirms, to store all-or-nothing: if `reset`, delete the
/// confirmed records first (never the outbox); put or tombstone `changes`; save `cursor`,
/// `client_group`, `confirmed_seq` and `synced_at`; delete outbox entries up to
/// [`deletable_through`]`(confirmed_seq)`; append `rejected` to the list the user sees.
///
/// After a reset `confirmed_seq` goes *back* to before the retained entries, so they are
/// pending again, shown again and re-pushed; their ids make the re-push idempotent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub reset: bool,
    pub client_group: ClientGroupId,
    pub changes: Vec<Change>,
    pub cursor: Cursor,
    pub confirmed_seq: u64,
    pub rejected: Vec<RejectedMutation>,
    pub synced_at: Timestamp,
}

impl Commit {
    /// Whether storing this page changes what a widget shows, given the confirmed seq stored
    /// before it: records pulled, a reset, a refusal, or writes newly confirmed (their marks
    /// clear, a confirmed plan put no longer overlays the plan). An idle poll is none of these,
    /// so widgets need not re-read the store every poll interval.
    pub fn changes_what_is_shown(&self, confirmed_before: Option<u64>) -> bool {
        self.reset || !self.changes.is_empty() || !self.rejected.is_empty() || confirmed_before != Some(self.confirmed_seq)
    }
}
