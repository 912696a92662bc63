//! The push and pull rules of docs/sync-protocol.md §4–§5 through HTTP: idempotence,
//! gaps, refusals that do not block, whole-request errors, paging and the audit log.

use crate::support::{
    acknowledge, connect, create, group, on_both_engines, pull_all, push_body, statuses,
    transmission, TestServer, ALINE,
};
use axum::http::StatusCode;
use relais_server::engine::Engine;
use serde_json::json;
use sqlx::Row;

async fn count(server: &TestServer, sql: &str) -> i64 {
    let mut conn = connect(&server.url).await;
    sqlx::query(sql).fetch_one(&mut conn).await.unwrap().get(0)
}

async fn a_repeated_push_returns_the_stored_outcomes_and_keeps_one_record(engine: Engine) {
    let server = TestServer::start(engine).await;
    let body =
        push_body(group(1), &[create(1, 1, ALINE, "passage"), create(2, 2, ALINE, "passage")]);
    let (_, first) = server.push("tok-aline", &body).await;
    assert_eq!(statuses(&first), ["applied", "applied"]);
    for _ in 0..3 {
        let (status, again) = server.push("tok-aline", &body).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(statuses(&again), ["duplicate", "duplicate"]);
        assert_eq!(again["outcomes"][0]["original"], json!({"status": "applied", "version": 1}));
    }
    let under_new_group = push_body(group(2), &[create(1, 1, ALINE, "passage")]);
    let (_, repushed) = server.push("tok-aline", &under_new_group).await;
    assert_eq!(repushed["outcomes"][0]["original"]["status"], "applied");
    assert_eq!(count(&server, "SELECT COUNT(*) FROM resources").await, 2);
    assert_eq!(pull_all(&server, "tok-aline", group(1), 200).await.len(), 2);
}

async fn a_gap_is_refused_with_409_and_applies_nothing(engine: Engine) {
    let server = TestServer::start(engine).await;
    server.push("tok-aline", &push_body(group(1), &[create(1, 1, ALINE, "passage")])).await;
    let (status, problem) =
        server.push("tok-aline", &push_body(group(1), &[create(3, 3, ALINE, "passage")])).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem, json!({"error": "seq_gap", "expected_seq": 2, "last_applied_seq": 1}));
    assert_eq!(count(&server, "SELECT COUNT(*) FROM resources").await, 1);
}

async fn a_seq_reused_with_another_id_is_refused_with_409(engine: Engine) {
    let server = TestServer::start(engine).await;
    server.push("tok-aline", &push_body(group(1), &[create(1, 1, ALINE, "passage")])).await;
    let (status, problem) =
        server.push("tok-aline", &push_body(group(1), &[create(1, 9, ALINE, "passage")])).await;
    assert_eq!((status, problem), (StatusCode::CONFLICT, json!({"error": "seq_reused", "seq": 1})));
}

async fn a_refused_mutation_consumes_its_seq_and_does_not_block_the_next(engine: Engine) {
    let server = TestServer::start(engine).await;
    let mut unknown = create(2, 2, ALINE, "passage");
    unknown.kind.0 = "plan.patch".into();
    let mut stale = create(3, 3, ALINE, "passage");
    stale.payload_version = 7;
    let entry = transmission(1, ALINE, "passage").id;
    let body = push_body(
        group(1),
        &[
            create(1, 1, ALINE, "passage"),
            unknown,
            stale,
            acknowledge(4, entry, ALINE),
            create(5, 1, ALINE, "repas"),
        ],
    );
    let (status, response) = server.push("tok-aline", &body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(statuses(&response), ["applied", "rejected", "rejected", "applied", "rejected"]);
    let codes: Vec<_> = response["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["reason"]["code"].clone())
        .collect();
    assert_eq!(codes[1..3], [json!("unknown_kind"), json!("unsupported_payload_version")]);
    assert_eq!(codes[4], "target_exists");
    assert_eq!(response["last_applied_seq"], 5);
    let (_, next) =
        server.push("tok-aline", &push_body(group(1), &[create(6, 6, ALINE, "passage")])).await;
    assert_eq!(statuses(&next), ["applied"]);
}

async fn unreadable_requests_get_400_with_the_documented_body(engine: Engine) {
    let server = TestServer::start(engine).await;
    let (status, problem) = crate::support::send(
        &server.app,
        "POST",
        "/api/relais/push",
        Some("tok-aline"),
        Some("{not json".into()),
    )
    .await;
    assert_eq!((status, &problem["error"]), (StatusCode::BAD_REQUEST, &json!("bad_request")));
    assert!(problem["detail"].is_string());

    let mut future = push_body(group(1), &[create(1, 1, ALINE, "passage")]);
    future["protocol"] = json!(2);
    let (status, problem) = server.push("tok-aline", &future).await;
    assert_eq!(
        (status, problem),
        (StatusCode::BAD_REQUEST, json!({"error": "protocol_unsupported", "supported": [1]}))
    );

    let holes =
        push_body(group(1), &[create(1, 1, ALINE, "passage"), create(3, 3, ALINE, "passage")]);
    let (status, problem) = server.push("tok-aline", &holes).await;
    assert_eq!((status, &problem["error"]), (StatusCode::BAD_REQUEST, &json!("bad_request")));

    let mut huge_seq = create(1, 1, ALINE, "passage");
    huge_seq.seq = u64::MAX;
    let (status, problem) = server.push("tok-aline", &push_body(group(1), &[huge_seq])).await;
    assert_eq!((status, &problem["error"]), (StatusCode::BAD_REQUEST, &json!("bad_request")));

    for query in [
        "client_group=nope",
        "limit=5",
        "client_group=01010101-0101-4101-8101-010101010101&limit=-1",
    ] {
        let (status, problem) = server.pull("tok-aline", query).await;
        assert_eq!(
            (status, &problem["error"]),
            (StatusCode::BAD_REQUEST, &json!("bad_request")),
            "{query}"
        );
    }
    assert_eq!(count(&server, "SELECT COUNT(*) FROM audit_log").await, 0);
}

async fn pulls_page_in_commit_order_with_has_more_and_report_last_applied_at_the_page_end(
    engine: Engine,
) {
    let server = TestServer::start(engine).await;
    let mutations: Vec<_> = (1..=7).map(|n| create(n, n as u32, ALINE, "passage")).collect();
    server.push("tok-aline", &push_body(group(1), &mutations)).await;
    let (_, first) = server.pull("tok-aline", &format!("client_group={}&limit=3", group(1))).await;
    assert_eq!(first["has_more"], true);
    assert_eq!(first["last_applied_seq"], 3);
    let seqs: Vec<_> =
        first["changes"].as_array().unwrap().iter().map(|c| c["server_seq"].clone()).collect();
    assert_eq!(seqs, [json!(1), json!(2), json!(3)]);
    let cursor = first["cursor"].as_str().unwrap();
    let (_, second) = server
        .pull("tok-aline", &format!("client_group={}&limit=3&cursor={cursor}", group(1)))
        .await;
    assert_eq!(
        (second["has_more"].clone(), second["last_applied_seq"].clone()),
        (json!(true), json!(6))
    );
    let all = pull_all(&server, "tok-aline", group(1), 2).await;
    let positions: Vec<u64> = all.iter().map(|c| c["server_seq"].as_u64().unwrap()).collect();
    assert_eq!(positions, (1..=7).collect::<Vec<_>>());
    let (_, capped) =
        server.pull("tok-aline", &format!("client_group={}&limit=100000", group(1))).await;
    assert_eq!(
        (capped["changes"].as_array().unwrap().len(), capped["has_more"].clone()),
        (7, json!(false))
    );
    let (_, unreadable) =
        server.pull("tok-aline", &format!("client_group={}&cursor=garbage", group(1))).await;
    assert_eq!(
        (unreadable["reset"].clone(), unreadable["changes"].as_array().unwrap().len()),
        (json!(true), 7)
    );
}

async fn every_pushed_mutation_is_audited_with_who_what_and_when(engine: Engine) {
    let server = TestServer::start(engine).await;
    let body = push_body(
        group(1),
        &[create(1, 1, ALINE, "passage"), create(2, 2, "bruno.petit", "passage")],
    );
    server.push("tok-aline", &body).await;
    server.push("tok-aline", &body).await;
    let mut conn = connect(&server.url).await;
    let rows = sqlx::query(
        "SELECT user_id, client_group, seq, kind, target_type, status, reason_code, at_ms FROM audit_log ORDER BY id",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let seen: Vec<(String, String, i64, String, Option<String>)> =
        rows.iter().map(|r| (r.get(0), r.get(1), r.get(2), r.get(5), r.get(6))).collect();
    let g = group(1).to_string();
    let forbidden = Some("forbidden".to_owned());
    assert_eq!(
        seen,
        [
            (ALINE.into(), g.clone(), 1, "applied".into(), None),
            (ALINE.into(), g.clone(), 2, "rejected".into(), forbidden.clone()),
            (ALINE.into(), g.clone(), 1, "duplicate".into(), None),
            (ALINE.into(), g, 2, "duplicate".into(), forbidden),
        ]
    );
    assert!(rows
        .iter()
        .all(|r| r.get::<String, _>(3) == "transmission.create" && r.get::<i64, _>(7) > 0));
}

on_both_engines!(
    a_repeated_push_returns_the_stored_outcomes_and_keeps_one_record,
    a_gap_is_refused_with_409_and_applies_nothing,
    a_seq_reused_with_another_id_is_refused_with_409,
    a_refused_mutation_consumes_its_seq_and_does_not_block_the_next,
    unreadable_requests_get_400_with_the_documented_body,
    pulls_page_in_commit_order_with_has_more_and_report_last_applied_at_the_page_end,
    every_pushed_mutation_is_audited_with_who_what_and_when,
);
