//! Questionnaire engine: FHIR R4 `Questionnaire` definitions in, `QuestionnaireResponse` out.
//!
//! Used for the REM (built in, [`builtin::rem`]) and for instruments a host supplies as JSON
//! (domain.md §4–5). [`load`] turns JSON into a [`Questionnaire`], listing every problem with
//! the item's position and linkId; [`Form`] holds answers (the slot model is on
//! [`Form`]), keeps visibility up to date incrementally, reports [`Completion`] and produces the
//! response. Core has no clock: the authored time comes from the caller.

mod answers;
pub mod builtin;
mod check;
mod completion;
mod definition;
mod load;
mod problems;
mod resolve;
mod response;
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
pub use validate::{parse_answer, validate_value, ValueError};
pub use value::{AnswerValue, Coding, ValueType};
