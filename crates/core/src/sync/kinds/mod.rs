//! What each mutation kind means: how a domain write becomes a mutation, and how a server turns
//! a mutation back into a validated domain value.
//!
//! Both sides go through the same functions, so a payload the client builds is by construction
//! one the server accepts, and the target of a write is derived from its content, never trusted.
//!
//! Each kind's rules live in its own file as an implementation of [`Kind`]; [`Write`] is the one
//! place that lists the kinds. Adding a kind is: a file implementing `Kind`, a `Write` variant,
//! its line in `each_kind!` and its line in `Write::decode`.

/// The rules of a grow-only set of `{entry, by, at}` members keyed by (entry, person), for a
/// type with those fields: written by `by`, only for an entry the server has, read by whoever
/// may read that entry. Declared before the kinds that use it.
macro_rules! set_member_kind {
    ($member:ty, $kind:expr, $resource:expr) => {
        impl super::Kind for $member {
            const KIND: &'static str = $kind;

            fn target(&self) -> crate::sync::wire::Target {
                super::target($resource, format!("{}:{}", self.entry, self.by.id()))
            }

            fn author_id(&self) -> &str {
                self.by.id()
            }

            fn rule(&self) -> super::Rule {
                super::Rule::AddToSet
            }

            fn access(&self) -> super::Access {
                super::Access::OfEntry(self.entry)
            }
        }
    };
}
use set_member_kind;

mod acknowledgement;
mod envelope;
mod evaluation;
mod plan_item;
mod receipt;
mod transmission;

pub use acknowledgement::{ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_ADD};
pub use envelope::PAYLOAD_VERSION;
pub use evaluation::{SignedEvaluation, EVALUATION, EVALUATION_FINALIZE};
pub use plan_item::{
    PlanItem, PlanItemError, PlanItemKind, PlanItemMerge, PlanItemPatch, PlanItemRef, PLAN_ITEM,
    PLAN_ITEM_PUT,
};
pub use receipt::{RECEIPT, RECEIPT_ADD};
pub use transmission::{TRANSMISSION, TRANSMISSION_CREATE};

use super::wire::{Mutation, MutationId, MutationKind, Rejection, ResourceType, Target, Version};
use crate::{Acknowledgement, CategoryId, EntryId, Receipt, SubjectId, Timestamp, Transmission};
use envelope::{check_payload_size, check_payload_version, parse, to_value};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A write of one of the kinds this build knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Create-if-absent on the client-made id: immutable, so never in conflict.
    TransmissionCreate(Transmission),
    /// Add to the grow-only set keyed by (entry, person).
    AcknowledgementAdd(Acknowledgement),
    /// Add to the grow-only set keyed by (entry, reader): "lu par …".
    ReceiptAdd(Receipt),
    /// Merge changed fields into one plan item, or conflict.
    PlanItemPut(PlanItemPatch),
    /// Create-if-absent: a signed, final needs evaluation.
    EvaluationFinalize(SignedEvaluation),
}

/// How a server applies a kind to what it already holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Stored if absent; the same value again is a duplicate, another value under the same id
    /// is refused (`target_exists`), never overwritten.
    CreateOnce,
    /// A member of a grow-only set: any value already under the key is a duplicate. Requires
    /// the entry of [`Access::OfEntry`] to exist (`unknown_entry`).
    AddToSet,
    /// A versioned item merged field by field (`merge`): disjoint edits both land, the same
    /// field changed to another value is a `conflict` answered with the current item.
    MergeFields,
}

/// What applying a write to the resource a server holds comes to; every server (the model
/// below, `crates/server`, a host's own) decides through [`Write::against`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Store this resource under the next version (1 for a new one).
    Store(Value),
    /// The effect is already there: `duplicate` without an original.
    AlreadyThere,
    /// Another value holds this id: `rejected`, `target_exists`.
    IdTaken,
    /// An edit conflicts with what is there: `conflict` with the current resource.
    Conflict,
}

/// Who may read what a write stores; the server checks the writer against it and filters pulls
/// by it (docs/sync-protocol.md §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// A liaison-book entry: the subject's care circle, and if the category is restricted only
    /// the équipe de soins and the entry's author.
    Entry { subject: SubjectId, category: CategoryId, author: String },
    /// Whoever may read that entry; an entry the writer may not read is reported as unknown.
    OfEntry(EntryId),
    /// The subject's whole care circle (plan items: not restricted).
    Subject(SubjectId),
}

/// One kind's rules, implemented by its domain type in the kind's own file.
pub trait Kind: Serialize + DeserializeOwned {
    /// The mutation kind on the wire, e.g. `transmission.create`.
    const KIND: &'static str;
    /// The resource written, derived from the content.
    fn target(&self) -> Target;
    /// The user the write speaks for; the server checks it against the token's user.
    fn author_id(&self) -> &str;
    fn rule(&self) -> Rule;
    fn access(&self) -> Access;
    /// The payload; for creates and set members also the resource as stored and pulled.
    fn resource(&self) -> Value {
        to_value(self)
    }
    /// The version an edit starts from; creates and set additions have none.
    fn base_version(&self) -> Option<Version> {
        None
    }
}

/// Runs `$body` with `$kind` bound to the write's value, whatever its kind.
macro_rules! each_kind {
    ($write:expr, $kind:ident => $body:expr) => {
        match $write {
            Write::TransmissionCreate($kind) => $body,
            Write::AcknowledgementAdd($kind) => $body,
            Write::ReceiptAdd($kind) => $body,
            Write::PlanItemPut($kind) => $body,
            Write::EvaluationFinalize($kind) => $body,
        }
    };
}

impl Write {
    pub fn kind(&self) -> MutationKind {
        MutationKind(each_kind!(self, k => kind_name(k)).to_owned())
    }

    /// The resource written; for a set member the set key, so two devices of the same person
    /// adding the same member name the same resource.
    pub fn target(&self) -> Target {
        each_kind!(self, k => k.target())
    }

    /// The user the write speaks for; the server checks it against the token's user.
    pub fn author_id(&self) -> &str {
        each_kind!(self, k => k.author_id())
    }

    pub fn rule(&self) -> Rule {
        each_kind!(self, k => k.rule())
    }

    pub fn access(&self) -> Access {
        each_kind!(self, k => k.access())
    }

    /// The payload; for creates and set members also the resource as stored and pulled.
    pub fn resource(&self) -> Value {
        each_kind!(self, k => k.resource())
    }

    /// What this write does to `current`, the resource the server holds at its target.
    pub fn against(&self, current: Option<&Value>) -> Verdict {
        match (self, self.rule(), current) {
            (Write::PlanItemPut(patch), _, current) => match patch.apply_to(current) {
                PlanItemMerge::Put(value) => Verdict::Store(value),
                PlanItemMerge::Unchanged => Verdict::AlreadyThere,
                PlanItemMerge::Conflict(_) => Verdict::Conflict,
            },
            (_, _, None) => Verdict::Store(self.resource()),
            (_, Rule::AddToSet, Some(_)) => Verdict::AlreadyThere,
            (_, _, Some(existing)) if *existing == self.resource() => Verdict::AlreadyThere,
            (_, _, Some(_)) => Verdict::IdTaken,
        }
    }

    /// The outbox entry for this write, given its seq, id and the device's clock.
    pub fn into_mutation(self, seq: u64, id: MutationId, device_time: Timestamp) -> Mutation {
        Mutation {
            seq,
            id,
            kind: self.kind(),
            target: self.target(),
            payload_version: PAYLOAD_VERSION,
            payload: self.resource(),
            base_version: each_kind!(&self, k => k.base_version()),
            device_time,
        }
    }

    /// Reads a pushed mutation back into a validated write, or says why it cannot be applied.
    pub fn decode(mutation: &Mutation) -> Result<Write, Rejection> {
        check_payload_version(mutation.payload_version)?;
        check_payload_size(&mutation.payload)?;
        let payload = &mutation.payload;
        let write = match mutation.kind.0.as_str() {
            TRANSMISSION_CREATE => Write::TransmissionCreate(parse(payload)?),
            ACKNOWLEDGEMENT_ADD => Write::AcknowledgementAdd(parse(payload)?),
            RECEIPT_ADD => Write::ReceiptAdd(parse(payload)?),
            PLAN_ITEM_PUT => Write::PlanItemPut(plan_item::parse_patch(payload, mutation.base_version)?),
            EVALUATION_FINALIZE => Write::EvaluationFinalize(parse(payload)?),
            other => {
                return Err(Rejection::new(
                    Rejection::UNKNOWN_KIND,
                    format!("type de modification inconnu « {other} » / unknown mutation kind"),
                ))
            }
        };
        if write.target() != mutation.target {
            return Err(Rejection::new(
                Rejection::TARGET_MISMATCH,
                "la cible ne correspond pas au contenu / target does not match the payload",
            ));
        }
        Ok(write)
    }
}

fn kind_name<K: Kind>(_: &K) -> &'static str {
    K::KIND
}

fn target(resource_type: &str, id: String) -> Target {
    Target { resource_type: ResourceType(resource_type.to_owned()), id }
}
