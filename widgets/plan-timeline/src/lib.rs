//! The plan timeline (`<relais-plan-timeline>`) as a Leptos component: a person's care plan as
//! lanes of visits per service line, grouped by provider, over a week, a month or the whole
//! plan; the same visits as a list a screen reader reads in order; editing of lines, visits,
//! goals, reviews and hospital stays; the month's funding; exports.
//!
//! Every figure and sentence comes from core's plan module; the plan is saved through
//! `relais-store` on this device, each change queued as per-item puts that `relais-sync` sends
//! when the host gave an endpoint; the widget itself never touches the network.

mod config;
mod conflicts;
mod details;
mod device;
mod editing;
mod export;
mod family;
mod funding_table;
mod goals;
mod lanes_view;
mod line_pauses;
mod list_view;
mod passages;
mod plan_timeline;
mod realisation_table;
mod reviews;
mod session;
mod sync;
mod sync_status;
mod texts;
mod toolbar;

pub use config::{PlanConfig, PlanConfigError};
pub use export::fhir_json;
pub use funding_table::euros_fr;
pub use goals::{proposals_from_json, NeedProposal};
pub use plan_timeline::PlanTimeline;
pub use reviews::{DueReview, ReviewDue};
pub use texts::Lang;

/// The widget's stylesheet; the embedding layer adopts it into the element's Shadow DOM.
pub const STYLESHEET: &str = include_str!("plan_timeline.css");
