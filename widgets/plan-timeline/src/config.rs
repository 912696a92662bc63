//! What the plan timeline needs to know before it opens: about whom, who edits, where the data
//! lives, the person's GIR, and optionally a plan the host hands over to start from.

use relais_core::aggir::Gir;
use relais_core::identity::{endpoint, EndpointError, Identity, IdentityError};
use relais_core::plan::Plan;
use relais_core::{Author, SubjectId};

/// A validated configuration; an element with a bad attribute shows the error instead.
#[derive(Debug, Clone)]
pub struct PlanConfig {
    pub tenant: String,
    pub subject: SubjectId,
    pub author: Author,
    /// Used for the APA cap when the plan itself does not carry a GIR.
    pub gir: Option<Gir>,
    /// Stored as the person's plan when this device has none yet.
    pub seed: Option<Plan>,
    /// The host's sync endpoint; without it the plan stays on this device.
    pub endpoint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanConfigError {
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error("attribut « gir » : un nombre de 1 à 6 attendu, pas « {0} » / expected 1 to 6")]
    Gir(String),
    #[error("plan fourni invalide / invalid host plan : {0}")]
    Seed(String),
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
}

impl PlanConfig {
    pub fn from_attributes(
        tenant: Option<&str>,
        subject: &str,
        user_id: &str,
        user_name: &str,
        user_role: &str,
        gir: Option<&str>,
    ) -> Result<Self, PlanConfigError> {
        let Identity { tenant, subject, author } = Identity::from_attributes(tenant, subject, user_id, user_name, user_role)?;
        let gir = match gir.map(str::trim).filter(|g| !g.is_empty()) {
            None => None,
            Some(raw) => Some(raw.parse().ok().and_then(Gir::new).ok_or_else(|| PlanConfigError::Gir(raw.to_owned()))?),
        };
        Ok(Self { tenant, subject, author, gir, seed: None, endpoint: None })
    }

    /// Starts from the plan the host gives as JSON (core's plan form), if it is about this person.
    pub fn with_seed(mut self, json: &str) -> Result<Self, PlanConfigError> {
        let plan: Plan = serde_json::from_str(json).map_err(|e| PlanConfigError::Seed(e.to_string()))?;
        if plan.subject() != &self.subject {
            return Err(PlanConfigError::Seed(format!("« {} » n'est pas « {} »", plan.subject().as_str(), self.subject.as_str())));
        }
        self.seed = Some(plan);
        Ok(self)
    }

    /// Sends every change to the host's endpoint, per item, when the attribute names one.
    pub fn with_endpoint(mut self, raw: Option<&str>) -> Result<Self, PlanConfigError> {
        self.endpoint = endpoint(raw)?;
        Ok(self)
    }

    /// People outside the équipe de soins read the plan in plain words and do not edit it.
    pub fn is_family(&self) -> bool {
        !self.author.role().is_care_team()
    }
}
