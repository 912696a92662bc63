//! What the server adds to core's rules: tenant isolation, care-circle membership, the
//! confidentiality of restricted categories and evaluations, and CORS for the host origin only.

use crate::support::{
    acknowledge, create, db_url, evaluation, group, on_both_engines, plan_edit, pull_all,
    push_body, receipt, send, statuses, transmission, TestServer, ALINE, KARIM, NADIA, SOPHIE,
};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use relais_server::engine::Engine;
use relais_server::Settings;
use serde_json::{json, Value};
use tower::ServiceExt;

fn texts(changes: &[Value]) -> Vec<String> {
    changes.iter().filter_map(|c| c["resource"]["text"].as_str().map(str::to_owned)).collect()
}

async fn a_tenant_never_sees_or_touches_another_tenants_data(engine: Engine) {
    let server = TestServer::start(engine).await;
    server.push("tok-aline", &push_body(group(1), &[create(1, 1, ALINE, "passage")])).await;
    assert!(pull_all(&server, "tok-t2-aline", group(1), 200).await.is_empty());
    let (_, page) = server.pull("tok-t2-aline", &format!("client_group={}", group(1))).await;
    assert_eq!(page["last_applied_seq"], 0, "the same group id in another tenant is another group");

    let entry = transmission(1, ALINE, "passage").id;
    let (_, ack) =
        server.push("tok-t2-aline", &push_body(group(1), &[acknowledge(1, entry, ALINE)])).await;
    assert_eq!(ack["outcomes"][0]["reason"]["code"], "unknown_entry");
    let (_, same_id) =
        server.push("tok-t2-aline", &push_body(group(1), &[create(2, 1, ALINE, "passage")])).await;
    assert_eq!(statuses(&same_id), ["applied"], "tenant t2 has its own id space");
    assert_eq!(pull_all(&server, "tok-aline", group(1), 200).await.len(), 1);
}

async fn only_members_of_the_care_circle_may_write_about_the_person(engine: Engine) {
    let server = TestServer::start(engine).await;
    let (_, outsider) = server
        .push("tok-bruno", &push_body(group(1), &[create(1, 1, "bruno.petit", "passage")]))
        .await;
    assert_eq!(outsider["outcomes"][0]["reason"]["code"], "forbidden");
    assert!(pull_all(&server, "tok-bruno", group(1), 200).await.is_empty());
    server.push("tok-aline", &push_body(group(1), &[create(1, 2, ALINE, "passage")])).await;
    assert!(pull_all(&server, "tok-bruno", group(1), 200).await.is_empty());
    let entry = transmission(2, ALINE, "passage").id;
    let (_, ack) = server
        .push("tok-bruno", &push_body(group(1), &[acknowledge(2, entry, "bruno.petit")]))
        .await;
    assert_eq!(ack["outcomes"][0]["reason"]["code"], "unknown_entry", "not revealed to outsiders");
}

async fn restricted_categories_reach_the_care_team_and_their_author_only(engine: Engine) {
    let server = TestServer::start(engine).await;
    let pain = transmission(2, ALINE, "sante-douleur").id;
    let incident = transmission(3, ALINE, "evenement-indesirable").id;
    let body = push_body(
        group(1),
        &[
            create(1, 1, ALINE, "passage"),
            create(2, 2, ALINE, "sante-douleur"),
            create(3, 3, ALINE, "evenement-indesirable"),
            acknowledge(4, pain, ALINE),
            create(5, 5, ALINE, "categorie-inconnue"),
        ],
    );
    let (_, pushed) = server.push("tok-aline", &body).await;
    assert_eq!(statuses(&pushed), ["applied"; 5]);
    let (_, own) = server
        .push("tok-sophie", &push_body(group(2), &[create(1, 6, SOPHIE, "sante-douleur")]))
        .await;
    assert_eq!(statuses(&own), ["applied"], "a family caregiver may report pain");

    let family = pull_all(&server, "tok-sophie", group(2), 1).await;
    assert_eq!(texts(&family), ["Transmission 1", "Transmission 6"]);
    assert!(family.iter().all(|c| c["target"]["type"] == "transmission"));
    let (_, page) = server.pull("tok-sophie", &format!("client_group={}", group(2))).await;
    assert_eq!(page["last_applied_seq"], 1);

    let nurse = pull_all(&server, "tok-nadia", group(3), 2).await;
    assert_eq!(nurse.len(), 6);
    let (_, ack) =
        server.push("tok-sophie", &push_body(group(2), &[acknowledge(2, incident, SOPHIE)])).await;
    assert_eq!(
        ack["outcomes"][0]["reason"]["code"], "unknown_entry",
        "a hidden entry is not confirmed"
    );
    let (_, ack) =
        server.push("tok-nadia", &push_body(group(3), &[acknowledge(1, incident, NADIA)])).await;
    assert_eq!(statuses(&ack), ["applied"]);
}

async fn read_receipts_are_readable_by_whoever_may_read_their_entry(engine: Engine) {
    let server = TestServer::start(engine).await;
    let visit = transmission(1, ALINE, "passage").id;
    let pain = transmission(2, ALINE, "sante-douleur").id;
    let body = push_body(
        group(1),
        &[create(1, 1, ALINE, "passage"), create(2, 2, ALINE, "sante-douleur")],
    );
    server.push("tok-aline", &body).await;
    // Seqs differ between callers: the builders derive mutation ids from them.
    let (_, nurse) = server
        .push(
            "tok-nadia",
            &push_body(group(3), &[receipt(1, visit, NADIA), receipt(2, pain, NADIA)]),
        )
        .await;
    assert_eq!(statuses(&nurse), ["applied", "applied"]);
    let (_, family) = server
        .push(
            "tok-sophie",
            &push_body(group(2), &[receipt(11, visit, SOPHIE), receipt(12, pain, SOPHIE)]),
        )
        .await;
    assert_eq!(statuses(&family), ["applied", "rejected"]);
    assert_eq!(family["outcomes"][1]["reason"]["code"], "unknown_entry", "not revealed");
    let (_, outsider) =
        server.push("tok-bruno", &push_body(group(4), &[receipt(21, visit, "bruno.petit")])).await;
    assert_eq!(outsider["outcomes"][0]["reason"]["code"], "unknown_entry");
    let (_, forged) =
        server.push("tok-sophie", &push_body(group(2), &[receipt(13, pain, NADIA)])).await;
    assert_eq!(forged["outcomes"][0]["reason"]["code"], "forbidden", "only in one's own name");

    let receipts = |changes: Vec<Value>| -> Vec<String> {
        changes
            .iter()
            .filter(|c| c["target"]["type"] == "receipt")
            .map(|c| c["target"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let seen_by_family = receipts(pull_all(&server, "tok-sophie", group(2), 10).await);
    assert_eq!(seen_by_family, [format!("{visit}:{NADIA}"), format!("{visit}:{SOPHIE}")]);
    let seen_by_author = receipts(pull_all(&server, "tok-aline", group(1), 10).await);
    assert_eq!(seen_by_author.len(), 3, "the author sees who read the restricted entry");
}

async fn plan_items_are_shared_by_the_circle_and_never_crossed_to_another_person(engine: Engine) {
    let server = TestServer::start(engine).await;
    let (_, created) = server
        .push("tok-aline", &push_body(group(1), &[plan_edit(1, ALINE, "l1", (None, 2))]))
        .await;
    assert_eq!(
        created["outcomes"][0],
        json!({"seq": 1, "id": created["outcomes"][0]["id"], "status": "applied", "version": 1})
    );
    let (_, family) = server
        .push("tok-sophie", &push_body(group(2), &[plan_edit(11, SOPHIE, "l1", (Some((2, 1)), 3))]))
        .await;
    assert_eq!(family["outcomes"][0]["version"], 2, "the family edits the plan too");
    let (_, late) = server
        .push("tok-nadia", &push_body(group(3), &[plan_edit(21, NADIA, "l1", (Some((2, 1)), 4))]))
        .await;
    assert_eq!(late["outcomes"][0]["status"], "conflict");
    assert_eq!(
        (&late["outcomes"][0]["version"], &late["outcomes"][0]["current"]["fields"]),
        (&json!(2), &json!({"hours": 3}))
    );

    let (_, outsider) = server
        .push("tok-bruno", &push_body(group(4), &[plan_edit(31, "bruno.petit", "l2", (None, 1))]))
        .await;
    assert_eq!(outsider["outcomes"][0]["reason"]["code"], "forbidden");
    let crossing = |seq| {
        let mut edit = plan_edit(seq, KARIM, "l1", (Some((2, 1)), 5));
        edit.payload["subject"] = json!("usager-2");
        edit
    };
    let (_, mismatch) = server.push("tok-karim", &push_body(group(5), &[crossing(41)])).await;
    assert_eq!(
        mismatch["outcomes"][0]["reason"]["code"], "target_mismatch",
        "the target names usager-1, the payload usager-2"
    );
    let mut crossed = crossing(42);
    crossed.target.id = crossed.target.id.replacen("usager-1:", "usager-2:", 1);
    let (_, crossed) = server.push("tok-karim", &push_body(group(5), &[crossed])).await;
    assert_eq!(crossed["outcomes"][0]["status"], "conflict", "usager-2 has no such line yet");
    assert!(crossed["outcomes"][0]["current"].is_null(), "nothing of usager-1's line is shown");

    let versions = |changes: Vec<Value>| -> Vec<(Value, Value)> {
        changes
            .iter()
            .map(|c| (c["version"].clone(), c["resource"]["fields"]["hours"].clone()))
            .collect()
    };
    let expected = vec![(json!(1), json!(2)), (json!(2), json!(3))];
    assert_eq!(versions(pull_all(&server, "tok-sophie", group(2), 1).await), expected);
    assert!(pull_all(&server, "tok-karim", group(5), 10).await.is_empty());
}

async fn evaluations_reach_the_care_team_and_their_author_only(engine: Engine) {
    let server = TestServer::start(engine).await;
    let (_, nurse) =
        server.push("tok-nadia", &push_body(group(3), &[evaluation(1, 1, NADIA)])).await;
    assert_eq!(statuses(&nurse), ["applied"]);
    let (_, family) =
        server.push("tok-sophie", &push_body(group(2), &[evaluation(11, 2, SOPHIE)])).await;
    assert_eq!(statuses(&family), ["applied"], "a family caregiver may record one");
    let (_, outsider) =
        server.push("tok-bruno", &push_body(group(4), &[evaluation(21, 3, "bruno.petit")])).await;
    assert_eq!(outsider["outcomes"][0]["reason"]["code"], "forbidden");

    let authors = |changes: Vec<Value>| -> Vec<String> {
        changes.iter().map(|c| c["resource"]["author"]["id"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(authors(pull_all(&server, "tok-aline", group(1), 10).await), [NADIA, SOPHIE]);
    assert_eq!(authors(pull_all(&server, "tok-sophie", group(2), 10).await), [SOPHIE]);
}

#[tokio::test]
async fn cors_allows_the_configured_host_origin_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        db: db_url(&dir.path().join("relais.db")),
        origins: vec!["https://portail.example.fr".into()],
        ..crate::support::settings()
    };
    let app = relais_server::app(&settings).await.unwrap();
    let allowed = preflight(&app, "https://portail.example.fr").await;
    assert_eq!(allowed.as_deref(), Some("https://portail.example.fr"));
    assert_eq!(preflight(&app, "https://ailleurs.example.com").await, None);

    let default = TestServer::start(Engine::Sqlite).await;
    assert_eq!(preflight(&default.app, "https://portail.example.fr").await, None);
    for wildcard in ["*", "https://*.example.fr"] {
        let settings = Settings { origins: vec![wildcard.into()], ..settings.clone() };
        assert!(relais_server::app(&settings).await.is_err(), "{wildcard}");
    }
    let (status, _) = send(&app, "GET", "/api/relais/pull?client_group=x", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// The `Access-Control-Allow-Origin` a browser would get before a cross-origin push.
async fn preflight(app: &axum::Router, origin: &str) -> Option<String> {
    let request = Request::builder()
        .method("OPTIONS")
        .uri("/api/relais/push")
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "authorization, content-type")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let header = response.headers().get("access-control-allow-origin");
    header.map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn the_token_is_read_from_a_bearer_header_only() {
    let server = TestServer::start(Engine::Sqlite).await;
    let group = group(1);
    for value in ["tok-aline", "Basic tok-aline", "Bearer ", "Bearer tok-unknown"] {
        let request = Request::builder()
            .uri(format!("/api/relais/pull?client_group={group}"))
            .header("authorization", value)
            .body(Body::empty())
            .unwrap();
        let response = server.app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{value}");
    }
    let (status, body) = server.pull("tok-aline", &format!("client_group={group}")).await;
    assert_eq!((status, body["changes"].clone()), (StatusCode::OK, json!([])));
}

#[tokio::test]
async fn demo_tokens_act_on_the_people_of_relais_demo_data() {
    use clap::Parser;
    let dir = tempfile::tempdir().unwrap();
    let db = db_url(&dir.path().join("demo.db"));
    let args =
        relais_server::cli::Args::try_parse_from(["relais-server", "--demo", "--db", &db]).unwrap();
    let app = relais_server::app(&args.settings().unwrap()).await.unwrap();
    let about = |subject: &str, seq: u64| {
        let mut m = create(seq, seq as u32, "famille-usager-1-dupont", "passage");
        m.payload["subject"] = json!(subject);
        m
    };
    let body = push_body(group(1), &[about("usager-1-dupont", 1), about("usager-2-durand", 2)]);
    let (_, answer) =
        send(&app, "POST", "/api/relais/push", Some("demo-famille-1"), Some(body.to_string())).await;
    assert_eq!(statuses(&answer), ["applied", "rejected"]);
    assert_eq!(answer["outcomes"][1]["reason"]["code"], "forbidden");
    let uri = format!("/api/relais/pull?client_group={}", group(2));
    let (_, nurse) = send(&app, "GET", &uri, Some("demo-nadia"), None).await;
    assert_eq!(nurse["changes"].as_array().unwrap().len(), 1);
}

on_both_engines!(
    a_tenant_never_sees_or_touches_another_tenants_data,
    only_members_of_the_care_circle_may_write_about_the_person,
    restricted_categories_reach_the_care_team_and_their_author_only,
    read_receipts_are_readable_by_whoever_may_read_their_entry,
    plan_items_are_shared_by_the_circle_and_never_crossed_to_another_person,
    evaluations_reach_the_care_team_and_their_author_only,
);
