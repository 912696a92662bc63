//! The URIs of the code systems and extensions that carry plans, and the HL7 systems their
//! resources use.
//!
//! Kept apart from `systems.rs` so plan concerns can change without touching the transmission
//! names; `relais.example` is a reserved domain: these are names, never fetched.

pub const CS_PLAN_TYPE: &str = "http://relais.example/fhir/CodeSystem/plan-type";
pub const CS_SERVICE_TYPE: &str = "http://relais.example/fhir/CodeSystem/service-type";
pub const CS_PAYER: &str = "http://relais.example/fhir/CodeSystem/payer";
pub const CS_GOAL_DOMAIN: &str = "http://relais.example/fhir/CodeSystem/goal-domain";
pub const CS_REVIEW_REASON: &str = "http://relais.example/fhir/CodeSystem/review-reason";
pub const CS_AGGIR_VARIABLE: &str = "http://relais.example/fhir/CodeSystem/aggir-variable";
/// Complex: `due` (date), `reason` (Coding from `CS_REVIEW_REASON`), `done` (date, optional).
pub const EXT_REVIEW: &str = "http://relais.example/fhir/StructureDefinition/plan-review";
/// `valueDuration` in months, or `valueCode` `on-request` when no interval is fixed.
pub const EXT_REVIEW_CADENCE: &str = "http://relais.example/fhir/StructureDefinition/review-cadence";
pub const EXT_GIR: &str = "http://relais.example/fhir/StructureDefinition/gir";
/// Complex: `rrule`, `dtstart` (local `YYYYMMDDTHHMMSS`) and any number of `exdate`, as in
/// RFC 5545, so a schedule survives the trip that `Timing` can only approximate.
pub const EXT_SCHEDULE: &str = "http://relais.example/fhir/StructureDefinition/schedule";
/// Complex: `payer` (Coding from `CS_PAYER`) and `kind` (code).
pub const EXT_PAYER: &str = "http://relais.example/fhir/StructureDefinition/payer";
/// Complex: `per` (`hour` or `visit`) and `amount` (Money in EUR).
pub const EXT_PRICE: &str = "http://relais.example/fhir/StructureDefinition/price";
pub const EXT_TAX_CREDIT: &str = "http://relais.example/fhir/StructureDefinition/tax-credit-eligible";
/// Complex: `aggir` (Coding from `CS_AGGIR_VARIABLE`) or `questionnaire` (canonical) with
/// `linkId` (string): a need of the evaluation, which has no resource `Goal.addresses` could
/// point to.
pub const EXT_NEED: &str = "http://relais.example/fhir/StructureDefinition/goal-need";
/// `valueReference` to a `ServiceRequest` of the plan that works towards the goal.
pub const EXT_SERVED_BY: &str = "http://relais.example/fhir/StructureDefinition/goal-served-by";
pub const EXT_EXPECTED_RESULT: &str = "http://relais.example/fhir/StructureDefinition/goal-expected-result";
pub const HL7_ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
pub const HL7_GOAL_ACHIEVEMENT: &str = "http://terminology.hl7.org/CodeSystem/goal-achievement";
pub const UCUM: &str = "http://unitsofmeasure.org";
