//! Questionnaire engine: FHIR R4 `Questionnaire` definitions in, `QuestionnaireResponse` out.
//!
//! Used for the REM and the AGGIR grid (built in, [`builtin::rem`], [`builtin::aggir`], the GIR
//! calculated by [`aggir_form::AggirForm`]) and for instruments a host supplies as JSON
//! (domain.md §4–5). [`load`] turns JSON into a [`Questionnaire`], listing every problem with
//! the item's position and linkId; [`Form`] holds answers (the slot model is on
//! [`Form`]), keeps visibility up to date incrementally, reports [`Completion`] and produces the
//! response, kept as an [`evaluation::Evaluation`]. Core has no clock: the authored time comes
//! from the caller.

#[cfg(test)]
mod aggir_definition;
pub mod aggir_form;
#[cfg(test)]
mod aggir_form_tests;
pub mod aggir_items;
mod answers;
pub mod builtin;
mod canonical_json;
mod check;
mod completion;
mod definition;
pub mod evaluation;
mod evaluation_changes;
#[cfg(test)]
mod evaluation_tests;
mod fingerprint;
mod load;
mod problems;
pub mod proposed_needs;
#[cfg(test)]
mod proposed_needs_tests;
mod resolve;
mod response;
mod restore;
mod validate;
mod value;
mod visibility;

#[cfg(test)]
mod tests;

pub use answers::{AnswerError, Form};
pub use check::{check, CheckReport, Summary};
pub use completion::{Completion, SlotRef};
pub use definition::{
    Comparator, Condition, ConditionTest, EnableWhen, Item, ItemId, ItemKind, PublicationStatus, Questionnaire,
    Unsupported,
};
pub use load::{load, Loaded};
pub use problems::{ConditionProblem, Location, Problem, ProblemKind, Shape};
pub use response::{Incomplete, Reference, ResponseContext, ResponseStatus};
pub use restore::RestoreError;
pub use validate::{parse_answer, validate_value, ValueError};
pub use value::{AnswerValue, Coding, ValueType};
