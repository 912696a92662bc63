//! The reference HTTP server for the Relais sync endpoint (docs/sync-protocol.md).
//!
//! It wraps core's sans-IO protocol (wire types, kind decoding and validation, the outcome
//! rules, cursors) in SQLite or PostgreSQL transactions, and adds what only a server with data
//! can check: bearer-token authentication (signed JWTs or configured tokens), tenant
//! isolation, care-circle membership, confidentiality of restricted categories, and an audit
//! log. Integrators read it as a worked example of the
//! contract; the demo runs against it.

pub mod access;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod db;
pub mod demo;
pub mod engine;
pub mod failure;
pub mod history;
pub mod http;
pub mod jwt;
pub mod pull;
pub mod push;
pub mod request;
pub mod resources;
pub mod rules;
pub mod serve;
pub mod site;
pub mod storage;

pub use serve::{app, Settings};
