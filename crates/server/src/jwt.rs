//! Tokens a host portal signs: JWTs (RFC 7519) with HS256 and a secret the portal and this
//! server share (docs/tokens.md).
//!
//! Only `HS256` is accepted, whatever the header says, so a token cannot pick a weaker
//! algorithm (`none`) or make the secret act as another kind of key. The signature is checked
//! in constant time before anything in the payload is read. The claims name the caller
//! (`tenant`, `sub`, `role`) and must carry an `exp`; `nbf` is honoured when present.

use crate::auth::{Caller, TokenVerifier};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use relais_core::Role;
use serde::Deserialize;
use sha2::Sha256;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// The shortest secret accepted: RFC 7518 §3.2 asks for a key at least as long as the hash.
pub const MIN_SECRET_BYTES: usize = 32;
/// Clock difference tolerated between the portal that signs and this server, in seconds.
pub const LEEWAY_SECONDS: u64 = 30;

/// The shared secret; never shown in a `Debug` output.
#[derive(Clone)]
pub struct JwtSecret(Vec<u8>);

impl fmt::Debug for JwtSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JwtSecret(…)")
    }
}

impl JwtSecret {
    /// The secret as configured; surrounding whitespace (a file's final newline) is not part
    /// of it.
    pub fn new(text: &str) -> Result<Self, ShortSecret> {
        let bytes = text.trim().as_bytes();
        if bytes.len() < MIN_SECRET_BYTES {
            return Err(ShortSecret);
        }
        Ok(Self(bytes.to_vec()))
    }

    fn mac(&self) -> Hmac<Sha256> {
        Hmac::new_from_slice(&self.0).expect("HMAC takes keys of any length")
    }
}

#[derive(Debug, thiserror::Error)]
#[error(
    "secret JWT trop court : au moins {MIN_SECRET_BYTES} octets \
     / JWT secret too short: at least {MIN_SECRET_BYTES} bytes"
)]
pub struct ShortSecret;

/// Why a token was refused; kept for tests and never sent to the caller, who gets a plain 401.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    Malformed,
    Algorithm,
    Signature,
    Claims,
    Expired,
    NotYetValid,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
}

/// The claims Relais reads; others (`iat`, `iss`, `jti`…) are allowed and ignored.
#[derive(Deserialize)]
struct Claims {
    sub: String,
    tenant: String,
    role: Role,
    exp: u64,
    nbf: Option<u64>,
}

/// Verifies HS256 tokens signed with the configured secret.
pub struct JwtVerifier {
    secret: JwtSecret,
}

impl JwtVerifier {
    pub fn new(secret: JwtSecret) -> Self {
        Self { secret }
    }

    /// The caller `token` names at `now` (seconds since the Unix epoch), or why not.
    pub fn check(&self, token: &str, now: u64) -> Result<Caller, Refusal> {
        let mut parts = token.split('.');
        let (Some(header), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(Refusal::Malformed);
        };
        let header: Header = decode_json(header)?;
        if header.alg != "HS256" {
            return Err(Refusal::Algorithm);
        }
        let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| Refusal::Malformed)?;
        let mut mac = self.secret.mac();
        mac.update(&token.as_bytes()[..header_and_payload_len(token)]);
        mac.verify_slice(&signature).map_err(|_| Refusal::Signature)?;
        let claims: Claims = decode_json(payload).map_err(|_| Refusal::Claims)?;
        if claims.sub.is_empty() || claims.tenant.is_empty() {
            return Err(Refusal::Claims);
        }
        if now > claims.exp.saturating_add(LEEWAY_SECONDS) {
            return Err(Refusal::Expired);
        }
        if claims.nbf.is_some_and(|nbf| now.saturating_add(LEEWAY_SECONDS) < nbf) {
            return Err(Refusal::NotYetValid);
        }
        Ok(Caller { tenant: claims.tenant, user_id: claims.sub, role: claims.role })
    }

    /// A token for `caller` valid until `exp`, as a portal makes one (docs/tokens.md); the
    /// demo and the tests sign with it.
    pub fn sign(&self, caller: &Caller, exp: u64) -> String {
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
        let claims = serde_json::json!({
            "sub": caller.user_id,
            "tenant": caller.tenant,
            "role": caller.role,
            "exp": exp,
        });
        let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
        let mut mac = self.secret.mac();
        mac.update(format!("{header}.{payload}").as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{header}.{payload}.{signature}")
    }
}

impl TokenVerifier for JwtVerifier {
    fn verify(&self, token: &str) -> Option<Caller> {
        self.check(token, now_seconds()).ok()
    }
}

/// Seconds since the Unix epoch by the server's clock.
pub fn now_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The signed part of a three-part token: everything before the last dot.
fn header_and_payload_len(token: &str) -> usize {
    token.rfind('.').unwrap_or(0)
}

fn decode_json<T: serde::de::DeserializeOwned>(part: &str) -> Result<T, Refusal> {
    let bytes = URL_SAFE_NO_PAD.decode(part).map_err(|_| Refusal::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| Refusal::Malformed)
}
