//! The reference server's tests, in one binary so the crate is linked once: each module
//! drives the real router (or the real binary, for restarts) over a temporary SQLite file.

mod access_rules;
mod concurrency;
mod demo_mode;
mod differential;
mod fixtures;
mod limits;
mod postgres_tls;
mod protocol;
mod restart;
mod support;
mod tokens;
