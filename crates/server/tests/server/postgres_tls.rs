//! A PostgreSQL on another host is reached over TLS: with `sslmode=require` in the URL the
//! server's connections are encrypted.

use crate::support::{
    app_over, connect, create, fresh_database, group, postgres_configured, push_body, send,
    statuses, ALINE,
};
use relais_server::engine::Engine;
use sqlx::Row;

#[tokio::test]
async fn the_server_talks_to_postgresql_over_tls_when_the_url_requires_it() {
    if !postgres_configured() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(Engine::Postgres, dir.path()).await;
    let (without_options, _) = url.split_once('?').unwrap_or((&url, ""));
    let app = app_over(&format!("{without_options}?sslmode=require"), false).await;
    let body = push_body(group(1), &[create(1, 1, ALINE, "passage")]).to_string();
    let (_, answer) = send(&app, "POST", "/api/relais/push", Some("tok-aline"), Some(body)).await;
    assert_eq!(statuses(&answer), ["applied"]);

    let mut conn = connect(&url).await;
    let encrypted: i64 = sqlx::query(
        "SELECT COUNT(*) FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid
         WHERE a.datname = current_database() AND s.ssl AND a.pid <> pg_backend_pid()",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap()
    .get(0);
    assert!(encrypted >= 1, "the server's connections are encrypted");
}
