//! The URIs Relais uses for its own code systems, identifiers and extensions.
//!
//! `relais.example` is a reserved domain: these are names, never fetched.

pub const SYSTEM_SUBJECT: &str = "http://relais.example/fhir/NamingSystem/subject";
pub const SYSTEM_ACTOR: &str = "http://relais.example/fhir/NamingSystem/actor";
pub const SYSTEM_ENTRY: &str = "http://relais.example/fhir/NamingSystem/entry";
pub const CS_CATEGORY: &str = "http://relais.example/fhir/CodeSystem/transmission-category";
pub const CS_ROLE: &str = "http://relais.example/fhir/CodeSystem/care-role";
pub const CS_TASK: &str = "http://relais.example/fhir/CodeSystem/task";
pub const EXT_VIGILANCE: &str = "http://relais.example/fhir/StructureDefinition/vigilance";
pub const EXT_CORRECTION: &str = "http://relais.example/fhir/StructureDefinition/correction-of";
