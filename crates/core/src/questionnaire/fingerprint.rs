//! The SHA-256 of what finalising signed, kept next to a finalised evaluation.
//!
//! The fingerprint lets anyone holding an evaluation (another device, the server, an auditor)
//! check that the answers, author and time are still the ones the evaluator finalised: the
//! hash is recomputed from [`super::evaluation::Evaluation::signed_content`] and compared.
//! It travels as 64 lowercase hex digits, the form every `sha256sum` prints.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 32]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("empreinte SHA-256 invalide : 64 chiffres hexadécimaux attendus / invalid SHA-256 fingerprint: 64 hex digits expected")]
pub struct FingerprintError;

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// Reads 64 hex digits, either case.
    pub fn parse(hex: &str) -> Result<Self, FingerprintError> {
        if hex.len() != 64 || !hex.is_ascii() {
            return Err(FingerprintError);
        }
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(hex.as_bytes().chunks(2)) {
            let pair = std::str::from_utf8(pair).map_err(|_| FingerprintError)?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| FingerprintError)?;
        }
        Ok(Self(bytes))
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|byte| write!(f, "{byte:02x}"))
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Fingerprint::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_as_sha256sum_prints() {
        let empty = Fingerprint::of(b"");
        assert_eq!(empty.to_string(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        let abc = Fingerprint::of(b"abc");
        assert_eq!(abc.to_string(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn reads_back_what_it_writes_and_refuses_anything_else() {
        let print = Fingerprint::of(b"relais");
        assert_eq!(Fingerprint::parse(&print.to_string()), Ok(print));
        assert_eq!(Fingerprint::parse(&print.to_string().to_uppercase()), Ok(print));
        assert_eq!(Fingerprint::parse("abc"), Err(FingerprintError));
        assert_eq!(Fingerprint::parse(&"g".repeat(64)), Err(FingerprintError));
        assert_eq!(Fingerprint::parse(&"é".repeat(32)), Err(FingerprintError));
        let json = serde_json::to_string(&print).unwrap();
        assert_eq!(serde_json::from_str::<Fingerprint>(&json).unwrap(), print);
    }
}
