//! The liaison book (cahier de liaison) as a Leptos component.
//!
//! It reads and writes through `relais-store` only and never touches the network: the sync
//! engine moves what it writes. User text is only ever rendered as text nodes.

mod book;
mod composer;
mod config;
mod counts;
mod device;
mod digest;
mod entry;
mod entry_list;
mod escalation;
mod events;
mod export;
mod filters;
mod listing;
mod read_receipts;
mod reader;
mod state;
mod sync_status;
mod texts;
mod vigilance;
mod virtual_window;

pub use book::LiaisonBook;
pub use config::{BookConfig, ConfigError, DEFAULT_ESCALATION};
pub use events::{AlertEvent, EntrySummary, EscalationEvent};
pub use export::fhir_bundle_json;
pub use texts::Lang;

/// The widget's stylesheet; the embedding layer adopts it into the element's Shadow DOM.
pub const STYLESHEET: &str = include_str!("liaison_book.css");
