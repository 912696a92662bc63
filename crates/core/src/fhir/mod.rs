//! FHIR R4 export and import (domain.md §5).
//!
//! Hosts and national services speak FHIR; Relais keeps its own domain types and converts at
//! the edge. Exports are `collection` Bundles whose references all resolve inside the bundle
//! (`urn:uuid:` full URLs); imports report every resource they could not map.

mod actors;
mod bundle;
mod care_plan;
mod communication;
mod encounter;
mod extension;
mod goal;
mod ids;
mod plan_systems;
mod questionnaire_response;
mod references;
mod service_request;
mod systems;
mod task;
mod timing;
#[cfg(test)]
mod care_plan_tests;
#[cfg(test)]
mod tests;

pub use bundle::{export_bundle, import_bundle, FhirError, ImportReport};
pub use plan_systems::*;
pub use questionnaire_response::{evaluation_resource, read_evaluation};
pub use systems::*;
