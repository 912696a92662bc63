//! `relais questionnaire check FILE`: can the engine render this FHIR R4 Questionnaire in full?

use crate::Failure;
use relais_core::questionnaire::{check, CheckReport};
use std::path::Path;

/// Exit 0 with the one-line summary when everything is supported; otherwise every unsupported
/// or invalid element goes to stderr and the command fails, since a form with a question it
/// cannot show is not one an evaluator should start.
pub fn run(path: &Path) -> Result<(), Failure> {
    let json = std::fs::read_to_string(path).map_err(|e| Failure(format!("{} : {e}", path.display())))?;
    let report = check(&json);
    let fully_supported = matches!(&report, CheckReport::Usable { notices, .. } if notices.is_empty());
    if fully_supported {
        println!("{report}");
        return Ok(());
    }
    let mut lines = report.to_string();
    if report.is_usable() {
        lines.push_str("\nnon pris en charge : ces éléments ne seraient pas affichés / unsupported: these elements would not be shown");
    }
    Err(Failure(lines))
}
