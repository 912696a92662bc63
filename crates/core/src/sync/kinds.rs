//! What each mutation kind means: how a domain write becomes a mutation, and how a server turns
//! a mutation back into a validated domain value.
//!
//! Both sides go through the same functions, so a payload the client builds is by construction
//! one the server accepts, and the target of a write is derived from its content, never trusted.

use super::wire::{
    Mutation, MutationId, MutationKind, Rejection, ResourceType, Target, MAX_PAYLOAD_BYTES,
};
use crate::{Acknowledgement, Timestamp, Transmission};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

pub const TRANSMISSION_CREATE: &str = "transmission.create";
pub const ACKNOWLEDGEMENT_ADD: &str = "acknowledgement.add";
pub const TRANSMISSION: &str = "transmission";
pub const ACKNOWLEDGEMENT: &str = "acknowledgement";
/// The payload version this build writes. Servers accept it and the one before (design §3.9);
/// version 1 is the first, so there is no older one yet.
pub const PAYLOAD_VERSION: u32 = 1;
const OLDEST_ACCEPTED_PAYLOAD_VERSION: u32 = 1;

/// A write of one of the kinds this build knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Create-if-absent on the client-made id: immutable, so never in conflict.
    TransmissionCreate(Transmission),
    /// Add to the grow-only set keyed by (entry, person).
    AcknowledgementAdd(Acknowledgement),
}

impl Write {
    pub fn kind(&self) -> MutationKind {
        let name = match self {
            Write::TransmissionCreate(_) => TRANSMISSION_CREATE,
            Write::AcknowledgementAdd(_) => ACKNOWLEDGEMENT_ADD,
        };
        MutationKind(name.to_owned())
    }

    /// The resource written; for an acknowledgement the set key, so two devices of the same
    /// person acknowledging the same entry name the same resource.
    pub fn target(&self) -> Target {
        match self {
            Write::TransmissionCreate(t) => target(TRANSMISSION, t.id.to_string()),
            Write::AcknowledgementAdd(a) => {
                target(ACKNOWLEDGEMENT, format!("{}:{}", a.entry, a.by.id()))
            }
        }
    }

    /// The user the write speaks for; the server checks it against the token's user.
    pub fn author_id(&self) -> &str {
        match self {
            Write::TransmissionCreate(t) => t.author.id(),
            Write::AcknowledgementAdd(a) => a.by.id(),
        }
    }

    /// The resource as stored and pulled.
    pub fn resource(&self) -> Value {
        match self {
            Write::TransmissionCreate(t) => to_value(t),
            Write::AcknowledgementAdd(a) => to_value(a),
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
            base_version: None,
            device_time,
        }
    }

    /// Reads a pushed mutation back into a validated write, or says why it cannot be applied.
    pub fn decode(mutation: &Mutation) -> Result<Write, Rejection> {
        check_payload_version(mutation.payload_version)?;
        check_payload_size(&mutation.payload)?;
        let write = match mutation.kind.0.as_str() {
            TRANSMISSION_CREATE => Write::TransmissionCreate(parse(&mutation.payload)?),
            ACKNOWLEDGEMENT_ADD => Write::AcknowledgementAdd(parse(&mutation.payload)?),
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

fn target(resource_type: &str, id: String) -> Target {
    Target { resource_type: ResourceType(resource_type.to_owned()), id }
}

fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("domain records have string keys and always serialise")
}

fn parse<T: DeserializeOwned>(payload: &Value) -> Result<T, Rejection> {
    T::deserialize(payload).map_err(|error| {
        Rejection::new(
            Rejection::INVALID_PAYLOAD,
            format!("contenu invalide / invalid payload: {error}"),
        )
    })
}

fn check_payload_version(version: u32) -> Result<(), Rejection> {
    if (OLDEST_ACCEPTED_PAYLOAD_VERSION..=PAYLOAD_VERSION).contains(&version) {
        return Ok(());
    }
    Err(Rejection::new(
        Rejection::UNSUPPORTED_PAYLOAD_VERSION,
        format!("version de contenu {version} non prise en charge / unsupported payload version"),
    ))
}

fn check_payload_size(payload: &Value) -> Result<(), Rejection> {
    if payload.to_string().len() <= MAX_PAYLOAD_BYTES {
        return Ok(());
    }
    Err(Rejection::new(
        Rejection::PAYLOAD_TOO_LARGE,
        format!("contenu trop volumineux (max {MAX_PAYLOAD_BYTES} octets) / payload too large"),
    ))
}
