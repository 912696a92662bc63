//! Questionnaires Relais ships: the REM, public regulation (domain.md §4).
//!
//! Licensed instruments (Zarit, MMSE, interRAI…) are never built in; hosts supply them as FHIR
//! JSON. The REM is JSON too, so it goes through the same loader as a host's definition.

use super::definition::Questionnaire;
use super::load::load;

/// Référentiel d'évaluation multidimensionnelle (arrêté du 5 décembre 2016), FHIR R4 JSON.
pub const REM_JSON: &str = include_str!("builtin/rem.json");
pub const REM_URL: &str = "http://relais.example/fhir/Questionnaire/rem";
pub const REM_VERSION: &str = "2016.1";

/// The REM, loaded. The `rem_loads_without_errors_or_notices` test guarantees it loads.
pub fn rem() -> Questionnaire {
    load(REM_JSON)
        .map(|loaded| loaded.questionnaire)
        .expect("the built-in REM loads (tested)")
}
