//! What the user is told about sync: enough to trust it, and to act when it needs them.
//!
//! Unsent work is always visible (count and age of the oldest), and anything the engine cannot
//! resolve alone — a refused mutation, a login to renew, a broken reply — stays listed until it
//! is resolved, so no problem is ever silent.

use super::wire::{Mutation, MutationId, MutationKind, Rejection, Target};
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Milliseconds on a monotonic clock (`performance.now()` in the browser): timers and backoff
/// only, never shown and never sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Instant(pub u64);

impl Instant {
    pub fn after(self, delay: Duration) -> Instant {
        let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        Instant(self.0.saturating_add(ms))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncStatus {
    pub online: bool,
    pub activity: Activity,
    /// Local writes not yet confirmed by the server.
    pub pending: usize,
    /// Device time of the oldest of them.
    pub oldest_unsent_at: Option<Timestamp>,
    /// Device time of the last pull that reached the store.
    pub last_sync: Option<Timestamp>,
    pub problems: Vec<Attention>,
    /// Mutations the server refused during this session (the store keeps them for good).
    pub rejected: Vec<RejectedMutation>,
}

impl SyncStatus {
    /// How long the oldest unsent write has waited, on the device's own clock.
    pub fn oldest_unsent_age(&self, now: Timestamp) -> Option<Duration> {
        let since = self.oldest_unsent_at?;
        let ms = now.unix_ms().saturating_sub(since.unix_ms()).max(0);
        Some(Duration::from_millis(ms.unsigned_abs()))
    }

    pub fn needs_attention(&self) -> bool {
        !self.problems.is_empty() || !self.rejected.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Idle,
    Syncing,
    WaitingForToken,
    WaitingToRetry { at: Instant },
}

/// A problem the engine keeps retrying but the user or the host should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attention {
    /// The endpoint refused the token even after one refresh.
    Unauthorized,
    /// The endpoint answered with a status the protocol does not expect.
    Refused { status: u16 },
    /// The endpoint answered 2xx with a body that is not the contract.
    MalformedReply { detail: String },
    /// The local database refused the write of a pulled page; nothing moved.
    StoreFailed { detail: String },
    /// One mutation alone is larger than the endpoint accepts.
    MutationTooLarge { seq: u64 },
}

/// A local write the server refused for good, kept so the user can see what was not saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedMutation {
    pub seq: u64,
    pub id: MutationId,
    pub kind: MutationKind,
    pub target: Target,
    pub reason: Rejection,
}

impl RejectedMutation {
    /// A conflict stays until the user writes the same item again, from its current version;
    /// a refusal stays for good.
    pub fn is_resolved_by(&self, later: &[Mutation]) -> bool {
        self.reason.is_conflict() && later.iter().any(|m| m.seq > self.seq && m.target == self.target)
    }
}
