//! What a needs questionnaire needs to know before it can open: about whom, who evaluates,
//! where the data lives and which instrument.

use relais_core::questionnaire::{builtin, load, Questionnaire};
use relais_core::identity::{Identity, IdentityError};
use relais_core::{Author, SubjectId};

/// Which questionnaire is filled: a built-in one, or a FHIR R4 Questionnaire from the host.
#[derive(Debug, Clone)]
pub enum Instrument {
    Aggir,
    Rem,
    Host(Box<Questionnaire>),
}

impl Instrument {
    pub fn questionnaire(&self) -> Questionnaire {
        match self {
            Instrument::Aggir => builtin::aggir(),
            Instrument::Rem => builtin::rem(),
            Instrument::Host(questionnaire) => (**questionnaire).clone(),
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
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuestionnaireConfigError {
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error("attribut « instrument » : « aggir » ou « rem » attendu, pas « {0} » / expected 'aggir' or 'rem'")]
    Instrument(String),
    #[error("questionnaire fourni invalide / invalid host questionnaire : {0}")]
    Questionnaire(String),
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
        })
    }

    /// Fills a questionnaire the host supplies as FHIR R4 JSON instead of a built-in one.
    /// Elements the engine does not support stay in the form as notices; a questionnaire it
    /// cannot read at all is refused with every problem listed.
    pub fn with_host_questionnaire(mut self, json: &str) -> Result<Self, QuestionnaireConfigError> {
        let loaded = load(json).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|p| format!("{} : {}", p.location, p.kind.messages().0)).collect();
            QuestionnaireConfigError::Questionnaire(lines.join(" ; "))
        })?;
        self.instrument = Instrument::Host(Box::new(loaded.questionnaire));
        Ok(self)
    }
}

fn builtin_instrument(raw: Option<&str>) -> Result<Instrument, QuestionnaireConfigError> {
    match raw.map(str::trim).unwrap_or_default() {
        "" | "aggir" => Ok(Instrument::Aggir),
        "rem" => Ok(Instrument::Rem),
        other => Err(QuestionnaireConfigError::Instrument(other.to_owned())),
    }
}
