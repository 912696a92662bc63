//! Relais' local storage: IndexedDB, one database per tenant and user.
//!
//! Widgets read and write through this crate only; it owns the schema and its migrations so
//! that an upgrade can never drop the outbox of mutations not yet sent.

mod commit;
mod error;
mod evaluations;
mod last_seen;
mod name;
mod outbox;
mod pages;
mod plan_sync;
mod plans;
mod receipts;
mod schema;
mod store;
mod sync_state;

pub use error::StoreError;
pub use name::database_name;
pub use outbox::PendingMutation;
pub use pages::PageEnd;
pub use plan_sync::PlanConflict;
pub use schema::{SCHEMA_VERSION, STORE_ACKNOWLEDGEMENTS, STORE_META, STORE_OUTBOX, STORE_TRANSMISSIONS};
pub use store::Store;
pub use sync_state::SyncRecord;
