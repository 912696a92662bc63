//! The pure domain of Relais.
//!
//! Everything here builds and tests natively: no web-sys, no async runtime, no clock and no
//! randomness of its own. Callers pass the current time and random bytes in, so the same code
//! runs in the browser, on the reference server and inside a deterministic simulation.

pub mod acknowledgement;
pub mod aggir;
pub mod author;
pub mod category;
pub mod dump;
pub mod fhir;
pub mod id;
pub mod identity;
pub mod lang;
pub mod plan;
pub mod person;
pub mod questionnaire;
pub mod quick_note;
pub mod receipt;
pub mod recurrence;
pub mod search;
pub mod seeded;
pub mod sync;
pub mod text;
pub mod time;
pub mod transmission;
pub mod urgency;

pub use acknowledgement::Acknowledgement;
pub use author::{Author, AuthorError, Role};
pub use category::{Category, CategoryCatalogue, CategoryId};
pub use id::{EntryId, IdError, SubjectId};
pub use person::{CareCircle, CareCircleError, Member, Person};
pub use receipt::Receipt;
pub use text::{TextError, TransmissionText};
pub use time::Timestamp;
pub use transmission::{newest_first, EntryLink, Transmission, TransmissionDraft, TransmissionError};
pub use urgency::Urgency;
