//! The sync protocol as sans-IO state machines (design §2).
//!
//! Nothing here performs I/O, reads a clock or draws randomness: the browser driver (`sync`
//! crate), the reference server (`server` crate) and the deterministic simulation all feed the
//! same code with events, times and random values, and carry out the effects it asks for.
//! Like quinn-proto, the protocol is therefore testable step by step without a network.

pub mod backoff;
pub mod client;
pub mod commit_log;
pub mod events;
pub mod kinds;
pub mod merge;
pub mod plan_edits;
pub mod server;
pub mod simulation;
pub mod status;
pub mod wire;

#[cfg(test)]
mod client_tests;
#[cfg(test)]
mod fixture_tests;
#[cfg(test)]
mod server_tests;
#[cfg(test)]
mod test_support;
