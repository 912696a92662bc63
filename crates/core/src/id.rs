//! Identifiers: who a record is about, and the id of each record.
//!
//! Record ids are UUIDv7 made from a time and caller-supplied random bytes, so they sort by
//! creation time and can be created offline on any device without coordination.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Longest subject id a host may pass; longer values are almost certainly a mistake.
pub const SUBJECT_ID_MAX_LEN: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("l'identifiant de la personne est vide / the subject id is empty")]
    EmptySubject,
    #[error("l'identifiant de la personne dépasse {SUBJECT_ID_MAX_LEN} caractères / the subject id is longer than {SUBJECT_ID_MAX_LEN} characters")]
    SubjectTooLong,
    #[error("l'identifiant de la personne contient un caractère de contrôle / the subject id contains a control character")]
    SubjectControlChar,
}

/// The person (usager) a record is about, as the host portal identifies them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SubjectId(String);

impl SubjectId {
    pub fn new(raw: &str) -> Result<Self, IdError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(IdError::EmptySubject);
        }
        if trimmed.chars().count() > SUBJECT_ID_MAX_LEN {
            return Err(IdError::SubjectTooLong);
        }
        if trimmed.chars().any(char::is_control) {
            return Err(IdError::SubjectControlChar);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for SubjectId {
    type Error = IdError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::new(&raw)
    }
}

impl From<SubjectId> for String {
    fn from(id: SubjectId) -> Self {
        id.0
    }
}

impl fmt::Display for SubjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id of one record (a transmission, later a plan item or a response).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(Uuid);

impl EntryId {
    /// A UUIDv7 for `unix_ms`, with `random` filling the random bits.
    pub fn v7(unix_ms: u64, random: [u8; 10]) -> Self {
        Self(uuid::Builder::from_unix_timestamp_millis(unix_ms, &random).into_uuid())
    }

    pub fn as_uuid(&self) -> Uuid {
        self.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_is_trimmed_and_checked() {
        assert_eq!(SubjectId::new("  usager-42 ").unwrap().as_str(), "usager-42");
        assert_eq!(SubjectId::new(" \t"), Err(IdError::EmptySubject));
        assert_eq!(SubjectId::new(&"x".repeat(129)), Err(IdError::SubjectTooLong));
        assert!(SubjectId::new(&"é".repeat(128)).is_ok());
        assert_eq!(SubjectId::new("a\u{0}b"), Err(IdError::SubjectControlChar));
    }

    #[test]
    fn subject_deserialisation_validates() {
        assert!(serde_json::from_str::<SubjectId>("\"\"").is_err());
        let id: SubjectId = serde_json::from_str("\"p1\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"p1\"");
    }

    #[test]
    fn v7_ids_are_version_7_and_sort_by_time() {
        let early = EntryId::v7(1_700_000_000_000, [0xff; 10]);
        let late = EntryId::v7(1_700_000_000_001, [0; 10]);
        assert_eq!(early.as_uuid().get_version_num(), 7);
        assert!(early < late);
        assert_ne!(EntryId::v7(1, [1; 10]), EntryId::v7(1, [2; 10]));
    }
}
