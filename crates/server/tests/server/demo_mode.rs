//! `--demo` and `--site`: the demo's token route exists only in demo mode and hands out demo
//! tokens only; the site is served same-origin under the strict policy, beside the endpoint.

use crate::support::{db_url, send};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use clap::Parser;
use serde_json::json;
use tower::ServiceExt;

async fn app(flags: &[&str], dir: &std::path::Path) -> axum::Router {
    let db = db_url(&dir.join("demo.db"));
    let mut args = vec!["relais-server", "--db", &db];
    args.extend_from_slice(flags);
    let args = relais_server::cli::Args::try_parse_from(args).unwrap();
    relais_server::app(&args.settings().unwrap()).await.unwrap()
}

#[tokio::test]
async fn a_demo_token_is_handed_out_in_demo_mode_only_and_acts_as_its_user() {
    let dir = tempfile::tempdir().unwrap();
    let demo = app(&["--demo", "--token", "secret-tok=t1:someone:aide-a-domicile"], dir.path()).await;
    let ask = |user: &str| json!({ "user": user }).to_string();
    let (status, answer) = send(&demo, "POST", "/api/demo/token", None, Some(ask("nadia.roux"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["role"], "infirmier-liberal");
    let token = answer["token"].as_str().unwrap().to_owned();
    let (status, _) = send(&demo, "GET", "/api/relais/pull?client_group=0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e", Some(&token), None).await;
    assert_eq!(status, StatusCode::OK, "the handed-out token is accepted");

    let (status, _) = send(&demo, "POST", "/api/demo/token", None, Some(ask("someone"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a token configured by flag is never handed out");
    let (status, _) = send(&demo, "POST", "/api/demo/token", None, Some("{\"who\":1}".into())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, users) = send(&demo, "GET", "/api/demo/users", None, None).await;
    let users = users["users"].as_array().unwrap();
    assert!(users.iter().any(|u| u["user"] == "famille-usager-1-dupont" && u["role"] == "proche-aidant"));
    assert!(users.iter().all(|u| u.get("token").is_none()), "the list names people, not tokens");

    let plain = app(&["--token", "tok=t1:someone:aide-a-domicile"], &dir.path().join("..")).await;
    let (status, _) = send(&plain, "POST", "/api/demo/token", None, Some(ask("nadia.roux"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "without --demo the route does not exist");
}

#[tokio::test]
async fn the_site_is_served_beside_the_endpoint_under_a_strict_policy() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("dist");
    std::fs::create_dir(&site).unwrap();
    std::fs::write(site.join("index.html"), "<!doctype html><title>Relais</title>").unwrap();
    std::fs::write(site.join("relais_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let app = app(&["--demo", "--site", site.to_str().unwrap()], dir.path()).await;

    let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
    let page = app.clone().oneshot(get("/")).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("require-trusted-types-for 'script'") && csp.contains("script-src 'self' 'wasm-unsafe-eval'"));
    let wasm = app.clone().oneshot(get("/relais_bg.wasm")).await.unwrap();
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(app.clone().oneshot(get("/absent.html")).await.unwrap().status(), StatusCode::NOT_FOUND);
    let (status, _) = send(&app, "GET", "/api/relais/pull?client_group=0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the endpoint still answers, not the files");

    let missing = relais_server::cli::Args::try_parse_from(["relais-server", "--db", "sqlite::memory:", "--site", "/nonexistent"]).unwrap();
    assert!(relais_server::app(&missing.settings().unwrap()).await.is_err());
}
