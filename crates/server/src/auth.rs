//! Bearer-token authentication: the only place a request's token is read.
//!
//! The verifier is a trait so a host can plug in its own identity provider (session lookup,
//! another signature scheme); `jwt::JwtVerifier` checks HS256 tokens a portal signs, and
//! `ConfiguredTokens` is the development implementation. The token is compared and
//! dropped here: it is never stored, logged or echoed in an error.

use crate::access::TokenGrant;
use axum::http::{header, HeaderMap};
use relais_core::Role;
use std::collections::HashMap;

/// Who is calling, as the identity provider established it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub tenant: String,
    pub user_id: String,
    pub role: Role,
}

/// Turns a bearer token into a caller, or refuses it. Synchronous on purpose: a verifier checks
/// a signature or looks up a cache it refreshes on its own schedule, never per request.
pub trait TokenVerifier: Send + Sync + 'static {
    fn verify(&self, token: &str) -> Option<Caller>;
}

/// Tokens listed in the access configuration.
pub struct ConfiguredTokens {
    callers: HashMap<String, Caller>,
}

impl ConfiguredTokens {
    pub fn new(grants: &[TokenGrant]) -> Self {
        let callers = grants
            .iter()
            .map(|g| {
                let caller =
                    Caller { tenant: g.tenant.clone(), user_id: g.user.clone(), role: g.role };
                (g.token.clone(), caller)
            })
            .collect();
        Self { callers }
    }
}

impl TokenVerifier for ConfiguredTokens {
    fn verify(&self, token: &str) -> Option<Caller> {
        self.callers.get(token).cloned()
    }
}

/// Several verifiers, tried in order: the configured development tokens, then signed JWTs.
pub struct FirstOf(pub Vec<Box<dyn TokenVerifier>>);

impl TokenVerifier for FirstOf {
    fn verify(&self, token: &str) -> Option<Caller> {
        self.0.iter().find_map(|verifier| verifier.verify(token))
    }
}

/// The caller named by the `Authorization: Bearer …` header, if any and valid.
pub fn authenticate(headers: &HeaderMap, verifier: &dyn TokenVerifier) -> Option<Caller> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let token = token.trim();
    if token.is_empty() {
        return None;
    }
    verifier.verify(token)
}
