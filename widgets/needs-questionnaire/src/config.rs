//! What a needs questionnaire needs to know before it can open: about whom, who evaluates,
//! where the data lives and which instrument.

use crate::host_fetch::fetch_text;
use relais_core::questionnaire::{builtin, load, Questionnaire};
use relais_core::identity::{endpoint, EndpointError, Identity, IdentityError};
use relais_core::{Author, SubjectId};

/// Which questionnaire is filled: a built-in one, or a FHIR R4 Questionnaire from the host,
/// given as JSON or at a URL the element fetches when it opens.
#[derive(Debug, Clone)]
pub enum Instrument {
    Aggir,
    Rem,
    Host(Box<Questionnaire>),
    Url(String),
}

impl Instrument {
    /// The definition to fill; only a URL can fail, with a message the form shows.
    pub async fn questionnaire(&self) -> Result<Questionnaire, QuestionnaireConfigError> {
        match self {
            Instrument::Aggir => Ok(builtin::aggir()),
            Instrument::Rem => Ok(builtin::rem()),
            Instrument::Host(questionnaire) => Ok((**questionnaire).clone()),
            Instrument::Url(url) => {
                let json = fetch_text(url)
                    .await
                    .map_err(|reason| QuestionnaireConfigError::Unreachable { url: url.clone(), reason })?;
                load_host(&json)
            }
        }
    }
}

/// A validated configuration; an element with a bad attribute shows the error instead.
#[derive(Debug, Clone)]
pub struct QuestionnaireConfig {
    pub tenant: String,
    pub subject: SubjectId,
    pub author: Author,
    pub instrument: Instrument,
    /// The host's sync endpoint; without it evaluations stay on this device.
    pub endpoint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuestionnaireConfigError {
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error("attribut « instrument » : « aggir » ou « rem » attendu, pas « {0} » / expected 'aggir' or 'rem'")]
    Instrument(String),
    #[error("questionnaire fourni invalide / invalid host questionnaire : {0}")]
    Questionnaire(String),
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    #[error("questionnaire introuvable à « {url} » / could not load the questionnaire : {reason}")]
    Unreachable { url: String, reason: String },
}

impl QuestionnaireConfig {
    /// Builds a configuration from the raw strings a host passes as attributes; a blank
    /// `instrument` means the AGGIR grid.
    pub fn from_attributes(
        tenant: Option<&str>,
        subject: &str,
        user_id: &str,
        user_name: &str,
        user_role: &str,
        instrument: Option<&str>,
    ) -> Result<Self, QuestionnaireConfigError> {
        let Identity { tenant, subject, author } =
            Identity::from_attributes(tenant, subject, user_id, user_name, user_role)?;
        Ok(Self {
            tenant,
            subject,
            author,
            instrument: builtin_instrument(instrument)?,
            endpoint: None,
        })
    }

    /// Sends finalised versions to the host's endpoint when the attribute names an http(s) URL.
    pub fn with_endpoint(mut self, raw: Option<&str>) -> Result<Self, QuestionnaireConfigError> {
        self.endpoint = endpoint(raw)?;
        Ok(self)
    }

    /// Fills a questionnaire the host supplies as FHIR R4 JSON instead of a built-in one.
    /// Elements the engine does not support stay in the form as notices; a questionnaire it
    /// cannot read at all is refused with every problem listed.
    pub fn with_host_questionnaire(mut self, json: &str) -> Result<Self, QuestionnaireConfigError> {
        self.instrument = Instrument::Host(Box::new(load_host(json)?));
        Ok(self)
    }

    /// Fills the FHIR R4 Questionnaire the host serves at `url` (fetched when the element
    /// opens, same origin or CORS), instead of a built-in one; blank keeps the instrument.
    pub fn with_questionnaire_url(mut self, url: &str) -> Self {
        if !url.trim().is_empty() {
            self.instrument = Instrument::Url(url.trim().to_owned());
        }
        self
    }
}

/// A host's JSON read by core's engine: refused with every problem listed when it cannot be
/// read at all; elements it does not support stay in the form as notices.
fn load_host(json: &str) -> Result<Questionnaire, QuestionnaireConfigError> {
    let loaded = load(json).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{} : {}", p.location, p.kind.messages().0)).collect();
        QuestionnaireConfigError::Questionnaire(lines.join(" ; "))
    })?;
    Ok(loaded.questionnaire)
}

fn builtin_instrument(raw: Option<&str>) -> Result<Instrument, QuestionnaireConfigError> {
    match raw.map(str::trim).unwrap_or_default() {
        "" | "aggir" => Ok(Instrument::Aggir),
        "rem" => Ok(Instrument::Rem),
        other => Err(QuestionnaireConfigError::Instrument(other.to_owned())),
    }
}
