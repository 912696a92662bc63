//! Checks every mutation passes before its kind is even looked at: a payload version this build
//! reads and a payload within the size limit. Shared by all kinds, so no kind can forget them.

use crate::sync::wire::{Rejection, MAX_PAYLOAD_BYTES};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// The payload version this build writes. Servers accept it and the one before (design §3.9);
/// version 1 is the first, so there is no older one yet.
pub const PAYLOAD_VERSION: u32 = 1;
const OLDEST_ACCEPTED_PAYLOAD_VERSION: u32 = 1;

pub(super) fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("domain records have string keys and always serialise")
}

pub(super) fn parse<T: DeserializeOwned>(payload: &Value) -> Result<T, Rejection> {
    T::deserialize(payload).map_err(|error| {
        Rejection::new(
            Rejection::INVALID_PAYLOAD,
            format!("contenu invalide / invalid payload: {error}"),
        )
    })
}

pub(super) fn check_payload_version(version: u32) -> Result<(), Rejection> {
    if (OLDEST_ACCEPTED_PAYLOAD_VERSION..=PAYLOAD_VERSION).contains(&version) {
        return Ok(());
    }
    Err(Rejection::new(
        Rejection::UNSUPPORTED_PAYLOAD_VERSION,
        format!("version de contenu {version} non prise en charge / unsupported payload version"),
    ))
}

pub(super) fn check_payload_size(payload: &Value) -> Result<(), Rejection> {
    if payload.to_string().len() <= MAX_PAYLOAD_BYTES {
        return Ok(());
    }
    Err(Rejection::new(
        Rejection::PAYLOAD_TOO_LARGE,
        format!("contenu trop volumineux (max {MAX_PAYLOAD_BYTES} octets) / payload too large"),
    ))
}
