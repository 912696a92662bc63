//! The shared fixtures (`tests/fixtures/sync/`), replayed in the order docs/sync-protocol.md
//! §13 gives, must come back exactly as documented: the same check core runs against its
//! reference logic, here through HTTP and each storage engine.

use crate::support::{
    app_over, connect, fixture, fresh_database, on_both_engines, send, TestServer,
};
use axum::http::StatusCode;
use relais_server::engine::Engine;
use serde_json::{json, Value};
use std::io::Write as _;
use std::process::{Command, Stdio};

async fn the_server_answers_the_fixture_requests_with_the_fixture_responses(engine: Engine) {
    let server = TestServer::start(engine).await;
    let (status, applied) =
        server.push("tok-aline", &fixture("push-request.two-mutations.json")).await;
    assert_eq!((status, applied), (StatusCode::OK, fixture("push-response.two-mutations.json")));
    let backup = backup(&server).await;

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
    let (status, merged) =
        server.push("tok-aline", &fixture("push-request.receipt-and-plan.json")).await;
    assert_eq!((status, merged), (StatusCode::OK, fixture("push-response.receipt-and-plan.json")));

    let restored = app_over(&backup, true).await;
    let uri = format!("/api/relais/pull?{}", query(&fixture("pull-request.after-restore.json")));
    let (status, reset) = send(&restored, "GET", &uri, Some("tok-aline"), None).await;
    assert_eq!((status, reset), (StatusCode::OK, fixture("pull-response.reset.json")));
}

async fn requests_without_a_valid_token_get_the_unauthorized_fixture(engine: Engine) {
    let server = TestServer::start(engine).await;
    let body = fixture("push-request.two-mutations.json").to_string();
    for token in [None, Some("not-a-token")] {
        let (status, problem) = send(&server.app, "POST", "/api/relais/push", token, Some(body.clone())).await;
        assert_eq!(
            (status, problem),
            (StatusCode::UNAUTHORIZED, fixture("problem.unauthorized.json"))
        );
    }
    let group = "01010101-0101-4101-8101-010101010101";
    let (status, problem) =
        send(&server.app, "GET", &format!("/api/relais/pull?client_group={group}"), None, None).await;
    assert_eq!((status, problem), (StatusCode::UNAUTHORIZED, fixture("problem.unauthorized.json")));
}

async fn too_many_mutations_or_bytes_get_the_batch_too_large_fixture(engine: Engine) {
    let server = TestServer::start(engine).await;
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

/// What an operator's backup is: a consistent copy of the database, as a new database.
async fn backup(server: &TestServer) -> String {
    let copy = fresh_database(server.engine, server.dir.path()).await;
    match server.engine {
        Engine::Sqlite => {
            let path = copy.trim_start_matches("sqlite://");
            let mut conn = connect(&server.url).await;
            sqlx::query("VACUUM INTO $1").bind(path).execute(&mut conn).await.unwrap();
        }
        Engine::Postgres => {
            let dump =
                Command::new("pg_dump").args(["--no-owner", "--dbname", &server.url]).output();
            let dump = dump.expect("pg_dump, from PostgreSQL's client tools");
            assert!(dump.status.success(), "{}", String::from_utf8_lossy(&dump.stderr));
            let mut restore = Command::new("psql")
                .args(["--quiet", "--set", "ON_ERROR_STOP=1", "--dbname", &copy])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .unwrap();
            restore.stdin.take().unwrap().write_all(&dump.stdout).unwrap();
            assert!(restore.wait().unwrap().success());
        }
    }
    copy
}

on_both_engines!(
    the_server_answers_the_fixture_requests_with_the_fixture_responses,
    requests_without_a_valid_token_get_the_unauthorized_fixture,
    too_many_mutations_or_bytes_get_the_batch_too_large_fixture,
);
