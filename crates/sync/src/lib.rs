//! The browser side of sync: runs core's sans-IO `Client` with real I/O.
//!
//! One tab per client group leads (Web Locks) and talks to the host's endpoint through
//! `fetch`; every tab writes to the outbox and hears about others' writes and pulls through a
//! BroadcastChannel. The bearer token comes from the host's callback and stays in memory.
//! This crate knows nothing of widgets: they start an engine and listen to it.

mod browser;
mod config;
mod engine;
mod http;
mod leader;
mod notices;
mod token;

pub use config::{SyncConfig, SyncListener};
pub use engine::SyncEngine;
pub use relais_core::sync::status::{Activity, Attention, RejectedMutation, SyncStatus};
pub use token::configure_token;
