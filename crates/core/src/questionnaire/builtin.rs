//! Questionnaires Relais ships: the REM and the AGGIR grid, public regulation (domain.md §4).
//!
//! Licensed instruments (Zarit, MMSE, interRAI…) are never built in; hosts supply them as FHIR
//! JSON. The built-in ones are JSON too, so they go through the same loader as a host's
//! definition. `aggir.json` is generated from the `aggir` module's ids, labels and help texts
//! (see `aggir_definition.rs`), and a test keeps the checked-in file equal to what Rust generates.

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

/// Grille AGGIR (CASF annexes 2-1 et 2-2, guide de remplissage 2008), FHIR R4 JSON.
pub const AGGIR_JSON: &str = include_str!("builtin/aggir.json");
pub const AGGIR_URL: &str = "http://relais.example/fhir/Questionnaire/aggir";
pub const AGGIR_VERSION: &str = "2008.1";

/// The AGGIR grid, loaded. The `aggir_loads_without_errors_or_notices` test guarantees it loads.
pub fn aggir() -> Questionnaire {
    load(AGGIR_JSON)
        .map(|loaded| loaded.questionnaire)
        .expect("the built-in AGGIR grid loads (tested)")
}
