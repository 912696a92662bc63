//! Limits and strict reading (docs/sync-protocol.md §9, §10): a batch of at most 100 mutations
//! and 1 MiB, a payload of at most 64 KiB, and a body that does not read as a push request
//! gets a 400 with a `detail`, never a panic and never a partial write.

use crate::support::{
    connect, create, group, on_both_engines, push_body, send, statuses, TestServer, ALINE,
};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use relais_core::sync::wire::{MAX_MUTATIONS_PER_PUSH, MAX_PAYLOAD_BYTES, MAX_PUSH_BYTES};
use relais_server::engine::Engine;
use serde_json::{json, Value};
use sqlx::Row;
use tower::ServiceExt;

async fn stored(server: &TestServer) -> (i64, i64) {
    let mut conn = connect(&server.url).await;
    let row =
        sqlx::query("SELECT (SELECT COUNT(*) FROM resources), (SELECT COUNT(*) FROM audit_log)")
            .fetch_one(&mut conn)
            .await
            .unwrap();
    (row.get(0), row.get(1))
}

async fn a_full_batch_is_applied_and_one_more_mutation_or_byte_is_413(engine: Engine) {
    let server = TestServer::start(engine).await;
    let max = MAX_MUTATIONS_PER_PUSH as u64;
    let full: Vec<_> = (1..=max).map(|n| create(n, n as u32, ALINE, "passage")).collect();
    let (status, applied) = server.push("tok-aline", &push_body(group(1), &full)).await;
    assert_eq!((status, statuses(&applied).len()), (StatusCode::OK, MAX_MUTATIONS_PER_PUSH));

    let over: Vec<_> =
        (max + 1..=2 * max + 1).map(|n| create(n, n as u32, ALINE, "passage")).collect();
    let (status, problem) = server.push("tok-aline", &push_body(group(1), &over)).await;
    assert_eq!(
        (status, problem),
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            json!({"error": "batch_too_large", "max_mutations": 100, "max_bytes": MAX_PUSH_BYTES})
        )
    );
    let mut heavy = push_body(group(1), &[create(max + 1, 1_000, ALINE, "passage")]);
    let padding = MAX_PUSH_BYTES + 1 - heavy.to_string().len() - r#","padding":"""#.len();
    heavy["padding"] = json!("x".repeat(padding));
    assert_eq!(heavy.to_string().len(), MAX_PUSH_BYTES + 1);
    let (status, problem) = server.push("tok-aline", &heavy).await;
    assert_eq!(
        (status, &problem["error"]),
        (StatusCode::PAYLOAD_TOO_LARGE, &json!("batch_too_large"))
    );
    assert_eq!(stored(&server).await, (max as i64, max as i64), "nothing of a refused batch");
}

async fn an_oversized_or_invalid_payload_is_rejected_with_a_reason_and_never_stored(
    engine: Engine,
) {
    let server = TestServer::start(engine).await;
    let mut huge = create(1, 1, ALINE, "passage");
    huge.payload["text"] = json!("é".repeat(MAX_PAYLOAD_BYTES / 2 + 1));
    let mut wrong_type = create(2, 2, ALINE, "passage");
    wrong_type.payload["urgency"] = json!(42);
    let mut missing = create(3, 3, ALINE, "passage");
    missing.payload.as_object_mut().unwrap().remove("subject");
    let body = push_body(group(1), &[huge, wrong_type, missing, create(4, 4, ALINE, "passage")]);
    let (status, answer) = server.push("tok-aline", &body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(statuses(&answer), ["rejected", "rejected", "rejected", "applied"]);
    let codes: Vec<&Value> = (0..3).map(|i| &answer["outcomes"][i]["reason"]["code"]).collect();
    assert_eq!(
        codes,
        [&json!("payload_too_large"), &json!("invalid_payload"), &json!("invalid_payload")]
    );
    assert!(answer["outcomes"][1]["reason"]["message"]
        .as_str()
        .unwrap()
        .contains("invalid payload"));
    assert_eq!(stored(&server).await, (1, 4), "refusals are audited, never stored");
}

async fn a_body_that_is_not_a_push_request_gets_400_with_a_detail(engine: Engine) {
    let server = TestServer::start(engine).await;
    let valid = push_body(group(1), &[create(1, 1, ALINE, "passage")]);
    let with = |field: &str, value: Value| {
        let mut body = valid.clone();
        body[field] = value;
        body.to_string()
    };
    let mut negative_seq = valid.clone();
    negative_seq["mutations"][0]["seq"] = json!(-1);
    let mut bad_id = valid.clone();
    bad_id["mutations"][0]["id"] = json!("pas-un-uuid");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let bodies = [
        String::new(),
        "null".into(),
        "[]".into(),
        "{}".into(),
        deep,
        with("mutations", json!("texte")),
        with("client_group", json!("pas-un-uuid")),
        with("schema", json!(1e300)),
        negative_seq.to_string(),
        bad_id.to_string(),
        r#"{"protocol": 1, "protocol": 1}"#.into(),
    ];
    for body in bodies {
        let (status, problem) =
            send(&server.app, "POST", "/api/relais/push", Some("tok-aline"), Some(body.clone())).await;
        let shown: String = body.chars().take(60).collect();
        assert_eq!(status, StatusCode::BAD_REQUEST, "{shown}");
        assert_eq!(problem["error"], "bad_request", "{shown}");
        assert!(!problem["detail"].as_str().unwrap().is_empty(), "{shown}");
    }
    let request = Request::post("/api/relais/push")
        .header("authorization", "Bearer tok-aline")
        .body(Body::from(vec![0xff, 0xfe, b'{']))
        .unwrap();
    let response = server.app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "a body that is not UTF-8");

    assert_eq!(stored(&server).await, (0, 0));
    let (status, answer) = server.push("tok-aline", &valid).await;
    assert_eq!((status, statuses(&answer)), (StatusCode::OK, vec!["applied".to_owned()]));
}

on_both_engines!(
    a_full_batch_is_applied_and_one_more_mutation_or_byte_is_413,
    an_oversized_or_invalid_payload_is_rejected_with_a_reason_and_never_stored,
    a_body_that_is_not_a_push_request_gets_400_with_a_detail,
);
