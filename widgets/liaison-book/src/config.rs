//! What a liaison book needs to know before it can open: whose book, who is writing, where.

use std::time::Duration;
use relais_core::identity::{endpoint, EndpointError, Identity, IdentityError};
use relais_core::{Author, CategoryCatalogue, SubjectId};

/// A validated configuration; an element with a bad attribute shows the error instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookConfig {
    pub tenant: String,
    pub subject: SubjectId,
    pub author: Author,
    pub catalogue: CategoryCatalogue,
    /// The host's sync endpoint; without it the book stays on this device.
    pub endpoint: Option<String>,
    /// How long a vigilance point may stay unacknowledged before it escalates.
    pub escalation_after: Duration,
}

/// Two hours: long enough to cover the next scheduled visit of a usual morning round.
pub const DEFAULT_ESCALATION: Duration = Duration::from_secs(120 * 60);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    #[error("attribut « escalation-minutes » : nombre de minutes positif attendu, pas « {0} »")]
    EscalationMinutes(String),
}

impl BookConfig {
    /// Builds a configuration from the raw strings a host passes as attributes.
    pub fn from_attributes(
        tenant: Option<&str>,
        subject: &str,
        user_id: &str,
        user_name: &str,
        user_role: &str,
    ) -> Result<Self, ConfigError> {
        let Identity { tenant, subject, author } =
            Identity::from_attributes(tenant, subject, user_id, user_name, user_role)?;
        Ok(Self {
            tenant,
            subject,
            author,
            catalogue: CategoryCatalogue::french_defaults(),
            endpoint: None,
            escalation_after: DEFAULT_ESCALATION,
        })
    }

    /// Sets the escalation delay from the host's attribute; absent or blank keeps the default.
    /// Fractions are accepted so a test or a demo can use seconds.
    pub fn with_escalation_minutes(mut self, raw: Option<&str>) -> Result<Self, ConfigError> {
        let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else { return Ok(self) };
        match raw.parse::<f64>() {
            Ok(minutes) if minutes.is_finite() && minutes > 0.0 => {
                self.escalation_after = Duration::from_secs_f64(minutes * 60.0);
                Ok(self)
            }
            _ => Err(ConfigError::EscalationMinutes(raw.to_owned())),
        }
    }

    /// Syncs with the host's endpoint when the attribute names an http(s) URL.
    pub fn with_endpoint(mut self, raw: Option<&str>) -> Result<Self, ConfigError> {
        self.endpoint = endpoint(raw)?;
        Ok(self)
    }
}
