//! A Relais data dump: everything known locally, as one JSON document.
//!
//! The same shape comes out of the store's export, feeds the CLI's FHIR conversion and is what
//! `relais demo-data` prints, so fixtures, benchmarks and the demo share one format.

use crate::plan::Plan;
use crate::questionnaire::evaluation::Evaluation;
use crate::{Acknowledgement, CareCircle, Person, Transmission};
use serde::{Deserialize, Serialize};

/// The value of `format` in every dump.
pub const DUMP_FORMAT: &str = "relais-dump";
/// The dump version this build writes and reads.
pub const DUMP_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dump {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub care_circles: Vec<CareCircle>,
    #[serde(default)]
    pub transmissions: Vec<Transmission>,
    #[serde(default)]
    pub acknowledgements: Vec<Acknowledgement>,
    /// Added within version 1: dumps written before plans existed read as having none.
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// Added within version 1, like `plans`.
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
}

#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    #[error("JSON invalide : {0} / invalid JSON")]
    Json(#[from] serde_json::Error),
    #[error("ce n'est pas un export Relais (format « {0} ») / not a Relais dump")]
    Format(String),
    #[error("version d'export {0} non prise en charge (attendue : {DUMP_VERSION}) / unsupported dump version")]
    Version(u32),
}

impl Default for Dump {
    fn default() -> Self {
        Self {
            format: DUMP_FORMAT.to_owned(),
            version: DUMP_VERSION,
            people: Vec::new(),
            care_circles: Vec::new(),
            transmissions: Vec::new(),
            acknowledgements: Vec::new(),
            plans: Vec::new(),
            evaluations: Vec::new(),
        }
    }
}

impl Dump {
    /// Parses and checks a dump's format and version before trusting its content.
    pub fn from_json(text: &str) -> Result<Self, DumpError> {
        let dump: Dump = serde_json::from_str(text)?;
        if dump.format != DUMP_FORMAT {
            return Err(DumpError::Format(dump.format));
        }
        if dump.version != DUMP_VERSION {
            return Err(DumpError::Version(dump.version));
        }
        Ok(dump)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_version_are_checked() {
        assert!(Dump::from_json(&serde_json::to_string(&Dump::default()).unwrap()).is_ok());
        assert!(matches!(
            Dump::from_json(r#"{"format":"autre","version":1}"#),
            Err(DumpError::Format(f)) if f == "autre"
        ));
        assert!(matches!(
            Dump::from_json(r#"{"format":"relais-dump","version":9}"#),
            Err(DumpError::Version(9))
        ));
        assert!(matches!(Dump::from_json("{"), Err(DumpError::Json(_))));
    }

    #[test]
    fn dumps_written_before_plans_existed_still_read() {
        let dump = Dump::from_json(r#"{"format":"relais-dump","version":1,"people":[]}"#).unwrap();
        assert!(dump.plans.is_empty());
    }
}
