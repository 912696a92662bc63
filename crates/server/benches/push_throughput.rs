//! Mutations the server applies per second, on SQLite and on PostgreSQL (when
//! `RELAIS_TEST_POSTGRES` names a cluster): one client pushing batches of 100 new
//! transmissions through the real router, each push one transaction. `cargo bench -p
//! relais-server` measures 5,000 mutations; under `cargo test` it pushes two batches, as a
//! smoke test.

#[path = "../tests/server/support.rs"]
#[allow(dead_code, unused_imports, unused_macros)]
mod support;

use relais_core::sync::wire::MAX_MUTATIONS_PER_PUSH;
use relais_server::engine::Engine;
use std::time::Instant;
use support::{create, group, push_body, statuses, TestServer, ALINE};

fn main() {
    let measuring = std::env::args().any(|arg| arg == "--bench");
    let batches = if measuring { 50 } else { 2 };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        measure(Engine::Sqlite, batches).await;
        if support::postgres_configured() {
            measure(Engine::Postgres, batches).await;
        }
    });
}

async fn measure(engine: Engine, batches: usize) {
    let server = TestServer::start(engine).await;
    let started = Instant::now();
    for batch in 0..batches {
        let first = (batch * MAX_MUTATIONS_PER_PUSH) as u64 + 1;
        let mutations: Vec<_> = (first..first + MAX_MUTATIONS_PER_PUSH as u64)
            .map(|seq| create(seq, seq as u32, ALINE, "passage"))
            .collect();
        let (_, answer) = server.push("tok-aline", &push_body(group(1), &mutations)).await;
        assert!(statuses(&answer).iter().all(|s| s == "applied"), "{answer}");
    }
    let seconds = started.elapsed().as_secs_f64();
    let applied = batches * MAX_MUTATIONS_PER_PUSH;
    println!(
        "relais-server push, {engine:?}: {:.0} mutations/s ({applied} in {seconds:.2} s, batches of {MAX_MUTATIONS_PER_PUSH})",
        applied as f64 / seconds
    );
}
