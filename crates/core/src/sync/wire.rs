//! The JSON contract between the sync engine and the host's endpoint (docs/sync-protocol.md).
//!
//! These types are the only shapes that cross the network. The envelope is generic (kind,
//! target, payload version, opaque payload, optional base version) so new kinds such as plan
//! patches or questionnaire finalisation slot in without a protocol change; `kinds` gives the
//! payloads their meaning. Open-ended names (kinds, resource types, rejection codes) are strings
//! so an older peer still parses a newer peer's message and answers per mutation.

use crate::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use uuid::Uuid;

/// The protocol version this build speaks; sent in every push.
pub const PROTOCOL_VERSION: u32 = 1;
/// Most mutations the server accepts in one push; the client never sends more.
pub const MAX_MUTATIONS_PER_PUSH: usize = 100;
/// Largest push body the server accepts; beyond it, 413.
pub const MAX_PUSH_BYTES: usize = 1_048_576;
/// Largest serialised payload of one mutation; beyond it, that mutation alone is rejected.
pub const MAX_PAYLOAD_BYTES: usize = 65_536;
/// Page size a client asks for when it has no reason to choose.
pub const DEFAULT_PULL_LIMIT: u32 = 200;
/// Largest page the server returns, whatever the client asks.
pub const MAX_PULL_LIMIT: u32 = 1_000;

/// One browser profile of one user: the unit that numbers its mutations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClientGroupId(Uuid);

impl ClientGroupId {
    /// A fresh random (v4) id from caller-supplied random bytes.
    pub fn from_random_bytes(random: [u8; 16]) -> Self {
        Self(uuid::Builder::from_random_bytes(random).into_uuid())
    }

    pub fn as_uuid(&self) -> Uuid {
        self.0
    }
}

impl fmt::Display for ClientGroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The id of one mutation, unique across all clients (UUIDv7), so a server can recognise a
/// mutation re-pushed under another client group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MutationId(Uuid);

impl MutationId {
    pub fn v7(unix_ms: u64, random: [u8; 10]) -> Self {
        Self(uuid::Builder::from_unix_timestamp_millis(unix_ms, &random).into_uuid())
    }
}

impl fmt::Display for MutationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What a mutation does, e.g. `transmission.create`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MutationKind(pub String);

/// A collection of server resources, e.g. `transmission`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ResourceType(pub String);

/// The resource a mutation writes and a change describes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Target {
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    pub id: String,
}

/// A resource's version on the server; edits name the version they started from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Version(pub u64);

/// Where a client stands in the server's commit order. Opaque to clients: only the server reads
/// it, and a cursor it cannot read means "start again" (reset).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cursor(pub String);

/// One local write, as stored in the outbox and pushed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mutation {
    /// Gapless per client group, allocated in the transaction that stored the write.
    pub seq: u64,
    pub id: MutationId,
    pub kind: MutationKind,
    pub target: Target,
    pub payload_version: u32,
    pub payload: Value,
    /// For edits: the version the change was made against. Creates and set additions omit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_version: Option<Version>,
    /// The author's device clock: shown and audited, never used to order or resolve.
    pub device_time: Timestamp,
}

/// `POST {endpoint}/push`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushRequest {
    pub protocol: u32,
    pub client_group: ClientGroupId,
    /// The client's local database schema, for the audit log and diagnostics.
    pub schema: u32,
    pub mutations: Vec<Mutation>,
}

/// The 200 answer to a push: one outcome per mutation sent, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    pub outcomes: Vec<MutationOutcome>,
    pub last_applied_seq: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MutationOutcome {
    pub seq: u64,
    pub id: MutationId,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// What happened to one mutation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    Applied {
        version: Version,
    },
    /// Seen before. `original` is the outcome recorded the first time, when the server still
    /// has it; absent when the effect was already there (a set member, an existing create).
    Duplicate {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        original: Option<FirstOutcome>,
    },
    /// Permanent: the seq is consumed and the user is told why.
    Rejected {
        reason: Rejection,
    },
    /// An edit whose base is stale on a field someone else changed; `current` is the server's.
    Conflict {
        current: Value,
        version: Version,
    },
}

/// The outcome of a mutation's first processing: never itself a duplicate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FirstOutcome {
    Applied { version: Version },
    Rejected { reason: Rejection },
    Conflict { current: Value, version: Version },
}

impl From<FirstOutcome> for Outcome {
    fn from(first: FirstOutcome) -> Self {
        match first {
            FirstOutcome::Applied { version } => Outcome::Applied { version },
            FirstOutcome::Rejected { reason } => Outcome::Rejected { reason },
            FirstOutcome::Conflict { current, version } => Outcome::Conflict { current, version },
        }
    }
}

impl Outcome {
    /// What the user must look at: a refusal, or a conflict (under the code `conflict`) until
    /// a newer edit of the same item resolves it.
    pub fn needs_attention(&self) -> Option<Rejection> {
        match self {
            Outcome::Conflict { .. }
            | Outcome::Duplicate { original: Some(FirstOutcome::Conflict { .. }) } => {
                Some(Rejection::new(
                    Rejection::CONFLICT,
                    "modifié entre-temps par quelqu'un d'autre : à revoir \
                     / changed meanwhile by someone else: please review",
                ))
            }
            other => other.rejection().cloned(),
        }
    }

    /// Why the mutation was refused, the first time or now.
    pub fn rejection(&self) -> Option<&Rejection> {
        match self {
            Outcome::Rejected { reason }
            | Outcome::Duplicate { original: Some(FirstOutcome::Rejected { reason }) } => {
                Some(reason)
            }
            _ => None,
        }
    }
}

/// Why a mutation was refused: a stable machine code and a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub code: String,
    pub message: String,
}

impl Rejection {
    pub const UNKNOWN_KIND: &'static str = "unknown_kind";
    pub const UNSUPPORTED_PAYLOAD_VERSION: &'static str = "unsupported_payload_version";
    pub const INVALID_PAYLOAD: &'static str = "invalid_payload";
    pub const PAYLOAD_TOO_LARGE: &'static str = "payload_too_large";
    pub const TARGET_MISMATCH: &'static str = "target_mismatch";
    pub const TARGET_EXISTS: &'static str = "target_exists";
    pub const UNKNOWN_ENTRY: &'static str = "unknown_entry";
    pub const FORBIDDEN: &'static str = "forbidden";
    /// Not a refusal on the wire but the `conflict` outcome, as the client lists it for the
    /// user next to refusals.
    pub const CONFLICT: &'static str = "conflict";

    /// A conflict that a newer write of `target` (made from the current item) resolves.
    pub fn is_conflict(&self) -> bool {
        self.code == Self::CONFLICT
    }

    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self { code: code.to_owned(), message: message.into() }
    }
}

/// `GET {endpoint}/pull?client_group=…&cursor=…&limit=…`, as its query parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullRequest {
    pub client_group: ClientGroupId,
    /// Absent on the first pull of a fresh local database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<Cursor>,
    pub limit: u32,
}

/// One page of changes in commit order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullResponse {
    pub changes: Vec<Change>,
    pub cursor: Cursor,
    pub has_more: bool,
    /// The client group's last applied seq whose effects are inside this page or before it.
    pub last_applied_seq: u64,
    /// The cursor belongs to another server epoch: drop confirmed data (keep the outbox) and
    /// rebuild from these changes.
    pub reset: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Position in commit order; informative, the cursor is what the client keeps.
    pub server_seq: u64,
    pub target: Target,
    pub version: Version,
    #[serde(flatten)]
    pub op: ChangeOp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum ChangeOp {
    Put { resource: Value },
    Tombstone,
}

/// The body of every non-2xx answer, told apart by `error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum Problem {
    /// 409: the first seq pushed is past `last_applied_seq + 1`; the server lost or never had
    /// the mutations in between.
    SeqGap { expected_seq: u64, last_applied_seq: u64 },
    /// 409: a seq the server already applied arrives with another mutation id.
    SeqReused { seq: u64 },
    /// 400: the body is not a valid request (including seqs not consecutive).
    BadRequest { detail: String },
    /// 400: the server does not speak this protocol version.
    ProtocolUnsupported { supported: Vec<u32> },
    /// 413: too many mutations or bytes; the client halves its batch.
    BatchTooLarge { max_mutations: usize, max_bytes: usize },
    /// 401: missing, expired or invalid bearer token.
    Unauthorized,
    /// 429, with `Retry-After`.
    RateLimited,
    /// 503, with `Retry-After` when known.
    Unavailable,
}

impl Problem {
    /// The HTTP status that carries this body.
    pub fn status(&self) -> u16 {
        match self {
            Problem::SeqGap { .. } | Problem::SeqReused { .. } => 409,
            Problem::BadRequest { .. } | Problem::ProtocolUnsupported { .. } => 400,
            Problem::BatchTooLarge { .. } => 413,
            Problem::Unauthorized => 401,
            Problem::RateLimited => 429,
            Problem::Unavailable => 503,
        }
    }
}
