//! Who may call the endpoint and on whose behalf: the development access configuration.
//!
//! A host plugs its own identity provider in through `auth::TokenVerifier`; this file is the
//! stand-in used for development, tests and the demo: a JSON document (or CLI flags) mapping
//! bearer tokens to callers, and listing care-circle memberships. Tokens never appear in a
//! `Debug` output or an error message, so they cannot leak into logs.

use relais_core::Role;
use serde::Deserialize;
use std::fmt;

/// The development configuration: `{"tokens": [...], "circles": [...]}`.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessConfig {
    #[serde(default)]
    pub tokens: Vec<TokenGrant>,
    #[serde(default)]
    pub circles: Vec<Membership>,
}

/// A bearer token and the caller it stands for.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenGrant {
    pub token: String,
    pub tenant: String,
    pub user: String,
    pub role: Role,
}

/// One line of the care-circle table: `user` may act on `subject` within `tenant`, as `role`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub tenant: String,
    pub subject: String,
    pub user: String,
    pub role: Role,
}

impl fmt::Debug for TokenGrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenGrant")
            .field("tenant", &self.tenant)
            .field("user", &self.user)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for AccessConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessConfig")
            .field("tokens", &self.tokens)
            .field("circles", &self.circles)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("configuration d'accès illisible / unreadable access configuration: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "« {0} » : attendu JETON=locataire:utilisateur:rôle / expected TOKEN=tenant:user:role"
    )]
    TokenFlag(String),
    #[error(
        "« {0} » : attendu locataire:personne:utilisateur:rôle / expected tenant:subject:user:role"
    )]
    MemberFlag(String),
    #[error("rôle inconnu « {0} » / unknown role '{0}'")]
    Role(String),
}

/// The configuration the `--demo` flag loads: the people and circles of `relais demo-data`.
pub const DEMO: &str = include_str!("../demo-auth.json");

impl AccessConfig {
    pub fn from_json(text: &str) -> Result<Self, AccessError> {
        Ok(serde_json::from_str(text)?)
    }

    /// Adds `TOKEN=tenant:user:role` flags. The error names the flag by position only, since
    /// the flag holds a token.
    pub fn add_token_flags(&mut self, flags: &[String]) -> Result<(), AccessError> {
        for (index, flag) in flags.iter().enumerate() {
            let bad = || AccessError::TokenFlag(format!("--token n°{}", index + 1));
            let (token, rest) = flag.split_once('=').ok_or_else(bad)?;
            let [tenant, user, role] = split_fields(rest).ok_or_else(bad)?;
            self.tokens.push(TokenGrant {
                token: token.to_owned(),
                tenant,
                user,
                role: parse_role(&role)?,
            });
        }
        Ok(())
    }

    /// Adds `tenant:subject:user:role` flags.
    pub fn add_member_flags(&mut self, flags: &[String]) -> Result<(), AccessError> {
        for flag in flags {
            let [tenant, subject, user, role] =
                split_fields(flag).ok_or_else(|| AccessError::MemberFlag(flag.clone()))?;
            self.circles.push(Membership { tenant, subject, user, role: parse_role(&role)? });
        }
        Ok(())
    }
}

fn split_fields<const N: usize>(text: &str) -> Option<[String; N]> {
    let fields: Vec<String> = text.split(':').map(str::to_owned).collect();
    let fields: [String; N] = fields.try_into().ok()?;
    fields.iter().all(|f| !f.is_empty()).then_some(fields)
}

fn parse_role(code: &str) -> Result<Role, AccessError> {
    Role::from_code(code).ok_or_else(|| AccessError::Role(code.to_owned()))
}
