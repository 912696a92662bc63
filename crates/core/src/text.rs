//! The free text of a transmission: never empty, bounded, kept as plain text.
//!
//! The bound protects IndexedDB quota and the sync payload limit while leaving ample room: a
//! long handover note is a few thousand characters.

use serde::{Deserialize, Serialize};

/// Longest transmission text accepted, in characters.
pub const TEXT_MAX_CHARS: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("Le texte est vide : rien n'a été enregistré. / The text is empty: nothing was saved.")]
    Empty,
    #[error("Le texte dépasse {TEXT_MAX_CHARS} caractères ({0}) : raccourcissez-le. / The text is longer than {TEXT_MAX_CHARS} characters ({0}): shorten it.")]
    TooLong(usize),
}

/// Text as the author typed it, without surrounding blank space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TransmissionText(String);

impl TransmissionText {
    pub fn new(raw: &str) -> Result<Self, TextError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(TextError::Empty);
        }
        let chars = trimmed.chars().count();
        if chars > TEXT_MAX_CHARS {
            return Err(TextError::TooLong(chars));
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TransmissionText {
    type Error = TextError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::new(&raw)
    }
}

impl From<TransmissionText> for String {
    fn from(text: TransmissionText) -> Self {
        text.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_refused() {
        assert_eq!(TransmissionText::new(""), Err(TextError::Empty));
        assert_eq!(TransmissionText::new(" \n\t\u{a0} "), Err(TextError::Empty));
    }

    #[test]
    fn text_is_trimmed_but_otherwise_untouched() {
        let text = TransmissionText::new("  <img src=x onerror=alert(1)>\n").unwrap();
        assert_eq!(text.as_str(), "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn length_bound_counts_characters_on_both_sides() {
        assert!(TransmissionText::new(&"é".repeat(TEXT_MAX_CHARS)).is_ok());
        assert_eq!(
            TransmissionText::new(&"a".repeat(TEXT_MAX_CHARS + 1)),
            Err(TextError::TooLong(TEXT_MAX_CHARS + 1))
        );
    }

    #[test]
    fn deserialisation_refuses_what_construction_refuses() {
        assert!(serde_json::from_str::<TransmissionText>("\"   \"").is_err());
        assert_eq!(
            serde_json::from_str::<TransmissionText>("\"RAS\"").unwrap().as_str(),
            "RAS"
        );
    }
}
