//! The shared fixtures (`tests/fixtures/sync/`), replayed in the order docs/sync-protocol.md
//! §13 gives, must come back exactly as documented: the same check core runs against its
//! reference logic, here through HTTP and SQLite.

use crate::support::{app_over, fixture, send, TestServer};
use axum::http::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_server_answers_the_fixture_requests_with_the_fixture_responses() {
    let server = TestServer::start().await;
    let (status, applied) =
        server.push("tok-aline", &fixture("push-request.two-mutations.json")).await;
    assert_eq!((status, applied), (StatusCode::OK, fixture("push-response.two-mutations.json")));
    let backup = server.dir.path().join("backup.db");
    backup_to(&server, &backup).await;

    let (status, again) =
        server.push("tok-aline", &fixture("push-request.two-mutations.json")).await;
    assert_eq!((status, again), (StatusCode::OK, fixture("push-response.duplicate.json")));
    let (status, rejected) =
        server.push("tok-aline", &fixture("push-request.with-rejected.json")).await;
    assert_eq!((status, rejected), (StatusCode::OK, fixture("push-response.with-rejected.json")));
    let (status, gap) = server.push("tok-aline", &fixture("push-request.gap.json")).await;
    assert_eq!((status, gap), (StatusCode::CONFLICT, fixture("problem.seq-gap.json")));

    let (status, page) =
        server.pull("tok-aline", &query(&fixture("pull-request.first-page.json"))).await;
    assert_eq!((status, page), (StatusCode::OK, fixture("pull-response.has-more.json")));

    let restored = app_over(&backup, true).await;
    let uri = format!("/pull?{}", query(&fixture("pull-request.after-restore.json")));
    let (status, reset) = send(&restored, "GET", &uri, Some("tok-aline"), None).await;
    assert_eq!((status, reset), (StatusCode::OK, fixture("pull-response.reset.json")));
}

#[tokio::test]
async fn requests_without_a_valid_token_get_the_unauthorized_fixture() {
    let server = TestServer::start().await;
    let body = fixture("push-request.two-mutations.json").to_string();
    for token in [None, Some("not-a-token")] {
        let (status, problem) = send(&server.app, "POST", "/push", token, Some(body.clone())).await;
        assert_eq!(
            (status, problem),
            (StatusCode::UNAUTHORIZED, fixture("problem.unauthorized.json"))
        );
    }
    let group = "01010101-0101-4101-8101-010101010101";
    let (status, problem) =
        send(&server.app, "GET", &format!("/pull?client_group={group}"), None, None).await;
    assert_eq!((status, problem), (StatusCode::UNAUTHORIZED, fixture("problem.unauthorized.json")));
}

#[tokio::test]
async fn too_many_mutations_or_bytes_get_the_batch_too_large_fixture() {
    let server = TestServer::start().await;
    let mut request = fixture("push-request.two-mutations.json");
    let template = request["mutations"][0].clone();
    let many: Vec<Value> = (1..=101)
        .map(|seq| {
            let mut m = template.clone();
            m["seq"] = json!(seq);
            m
        })
        .collect();
    request["mutations"] = json!(many);
    let (status, problem) = server.push("tok-aline", &request).await;
    assert_eq!(
        (status, problem),
        (StatusCode::PAYLOAD_TOO_LARGE, fixture("problem.batch-too-large.json"))
    );

    let mut huge = fixture("push-request.two-mutations.json");
    huge["padding"] = json!("x".repeat(1 << 20));
    let (status, problem) = server.push("tok-aline", &huge).await;
    assert_eq!(
        (status, problem),
        (StatusCode::PAYLOAD_TOO_LARGE, fixture("problem.batch-too-large.json"))
    );
}

/// A pull request fixture as the query string a client sends.
fn query(request: &Value) -> String {
    let mut query = format!(
        "client_group={}&limit={}",
        request["client_group"].as_str().unwrap(),
        request["limit"]
    );
    if let Some(cursor) = request["cursor"].as_str() {
        query.push_str(&format!("&cursor={cursor}"));
    }
    query
}

/// What an operator's backup is: a consistent copy of the database file.
async fn backup_to(server: &TestServer, path: &std::path::Path) {
    use sqlx::ConnectOptions;
    let url = crate::support::db_url(&server.db_path());
    let mut conn =
        url.parse::<sqlx::sqlite::SqliteConnectOptions>().unwrap().connect().await.unwrap();
    sqlx::query("VACUUM INTO $1")
        .bind(path.display().to_string())
        .execute(&mut conn)
        .await
        .unwrap();
}
