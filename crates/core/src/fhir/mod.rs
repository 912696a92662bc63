//! FHIR R4 export and import (domain.md §5).
//!
//! Hosts and national services speak FHIR; Relais keeps its own domain types and converts at
//! the edge. Exports are `collection` Bundles whose references all resolve inside the bundle
//! (`urn:uuid:` full URLs); imports report every resource they could not map.

mod actors;
mod bundle;
mod communication;
mod ids;
mod systems;
mod task;
#[cfg(test)]
mod tests;

pub use bundle::{export_bundle, import_bundle, FhirError, ImportReport};
pub use systems::*;
