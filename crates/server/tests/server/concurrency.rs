//! Pushes from several clients at once while another client walks the cursor: the walk must
//! deliver every applied write exactly once, in increasing commit position, skipping none
//! (docs/sync-protocol.md §5.1). The writers go through two servers over the same database,
//! as two processes would, so only the database's own locking keeps positions in commit order.
//! Bounded: four writers, ten pushes each.

use crate::support::{
    app_over, create, group, on_both_engines, pull_all, push_body, send, statuses, TestServer,
    ALINE,
};
use relais_server::engine::Engine;
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const WRITERS: u32 = 4;
const PUSHES: u32 = 10;
const PER_PUSH: u32 = 3;

async fn a_cursor_walk_during_concurrent_pushes_skips_and_repeats_nothing(engine: Engine) {
    let server = Arc::new(TestServer::start(engine).await);
    let other_process = app_over(&server.url, false).await;
    let done = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let app = if w % 2 == 0 { server.app.clone() } else { other_process.clone() };
            tokio::spawn(async move {
                for p in 0..PUSHES {
                    let first = u64::from(p * PER_PUSH + 1);
                    let mutations: Vec<_> = (0..PER_PUSH)
                        .map(|i| {
                            create(
                                first + u64::from(i),
                                1 + w * 1000 + p * PER_PUSH + i,
                                ALINE,
                                "passage",
                            )
                        })
                        .collect();
                    let body = push_body(group(10 + w as u8), &mutations).to_string();
                    let (_, answer) =
                        send(&app, "POST", "/api/relais/push", Some("tok-aline"), Some(body)).await;
                    assert_eq!(statuses(&answer), ["applied"; PER_PUSH as usize]);
                }
            })
        })
        .collect();
    let reader = {
        let (server, done) = (Arc::clone(&server), Arc::clone(&done));
        tokio::spawn(async move { walk_until(&server, &done).await })
    };
    for writer in writers {
        writer.await.unwrap();
    }
    done.store(true, Ordering::SeqCst);
    let walked = reader.await.unwrap();
    let positions: Vec<u64> = walked.iter().map(|c| c["server_seq"].as_u64().unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    let ids: BTreeSet<&str> = walked.iter().map(|c| c["target"]["id"].as_str().unwrap()).collect();
    assert_eq!((walked.len(), ids.len()), ((WRITERS * PUSHES * PER_PUSH) as usize, walked.len()));
    assert_eq!(pull_all(&server, "tok-aline", group(1), 1000).await, walked);
}

/// Follows the cursor with small pages until the writers are done, then drains.
async fn walk_until(server: &TestServer, done: &AtomicBool) -> Vec<Value> {
    let mut changes = Vec::new();
    let mut query = format!("client_group={}&limit=4", group(1));
    loop {
        let writers_done = done.load(Ordering::SeqCst);
        let (_, page) = server.pull("tok-aline", &query).await;
        changes.extend(page["changes"].as_array().unwrap().iter().cloned());
        query = format!(
            "client_group={}&limit=4&cursor={}",
            group(1),
            page["cursor"].as_str().unwrap()
        );
        if writers_done && page["has_more"] == false {
            return changes;
        }
        tokio::task::yield_now().await;
    }
}

on_both_engines!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    a_cursor_walk_during_concurrent_pushes_skips_and_repeats_nothing
);
