//! The needs questionnaire (évaluation multidimensionnelle) as a Leptos component.
//!
//! Everything it shows is driven by core's questionnaire engine: which items exist, which are
//! visible, which are required, and for the AGGIR grid the codes and the GIR. It saves every
//! answer through `relais-store` and never touches the network.

mod aggir_panel;
mod compare;
mod config;
mod controls;
mod device;
mod finalize;
mod history;
mod host_fetch;
mod item_view;
mod needs;
mod questionnaire;
mod session;
mod sheet;
mod sync;
mod texts;
mod values;

pub use config::{Instrument, QuestionnaireConfig, QuestionnaireConfigError};
pub use needs::NeedsEvent;
pub use questionnaire::NeedsQuestionnaire;
pub use relais_core::questionnaire::proposed_needs::needs_json;
pub use texts::Lang;

/// The widget's stylesheet; the embedding layer adopts it into the element's Shadow DOM.
pub const STYLESHEET: &str = include_str!("needs_questionnaire.css");
