//! The shared JSON fixtures (`tests/fixtures/sync/`) are the contract by example: every file
//! must read into the wire types and write back identical, and the reference server must answer
//! the fixture requests with exactly the fixture responses. The server crate's tests and the
//! browser driver's tests read the same files. The prose and OpenAPI documents must name every
//! error and rejection code the code can produce.

use super::commit_log::Epoch;
use super::server::{Principal, Server};
use super::test_support::{acknowledge, create, group, transmission};
use super::wire::{
    Problem, PullRequest, PullResponse, PushRequest, PushResponse, Rejection,
    MAX_MUTATIONS_PER_PUSH, MAX_PAYLOAD_BYTES, MAX_PULL_LIMIT, MAX_PUSH_BYTES, PROTOCOL_VERSION,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;

const ALINE: &str = "aline.martin";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sync")
}

fn read(name: &str) -> Value {
    let text = std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn round_trips<T: Serialize + DeserializeOwned>(name: &str, value: &Value) {
    let typed: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(&serde_json::to_value(typed).unwrap(), value, "{name} changed on re-serialisation");
}

fn typed<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_value(read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn as_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn every_fixture_round_trips_through_the_wire_types() {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "fixtures missing: {names:?}");
    for name in &names {
        let value = read(name);
        match name.split('.').next().unwrap() {
            "push-request" => round_trips::<PushRequest>(name, &value),
            "push-response" => round_trips::<PushResponse>(name, &value),
            "pull-request" => round_trips::<PullRequest>(name, &value),
            "pull-response" => round_trips::<PullResponse>(name, &value),
            "problem" => round_trips::<Problem>(name, &value),
            other => panic!("{name}: unknown fixture type {other}"),
        }
    }
}

#[test]
fn the_reference_server_answers_the_fixture_requests_with_the_fixture_responses() {
    let aline = Principal { user_id: ALINE.to_owned() };
    let mut server = Server::new(Epoch(1));
    let push = |server: &mut Server, name: &str| server.push(&aline, &read(name).to_string());

    let applied = push(&mut server, "push-request.two-mutations.json").unwrap();
    assert_eq!(as_value(&applied), read("push-response.two-mutations.json"));
    let backup = server.clone();
    let again = push(&mut server, "push-request.two-mutations.json").unwrap();
    assert_eq!(as_value(&again), read("push-response.duplicate.json"));
    let rejected = push(&mut server, "push-request.with-rejected.json").unwrap();
    assert_eq!(as_value(&rejected), read("push-response.with-rejected.json"));
    let gap = push(&mut server, "push-request.gap.json").unwrap_err();
    assert_eq!(gap.status(), 409);
    assert_eq!(as_value(&gap), read("problem.seq-gap.json"));

    let page = server.pull(&typed("pull-request.first-page.json"));
    assert_eq!(as_value(&page), read("pull-response.has-more.json"));
    let merged = push(&mut server, "push-request.receipt-and-plan.json").unwrap();
    assert_eq!(as_value(&merged), read("push-response.receipt-and-plan.json"));
    let restored = Server::restored(&backup, Epoch(2));
    let reset = restored.pull(&typed("pull-request.after-restore.json"));
    assert_eq!(as_value(&reset), read("pull-response.reset.json"));
}

#[test]
fn the_fixture_requests_are_what_the_client_builds() {
    let request: PushRequest = typed("push-request.two-mutations.json");
    assert_eq!(request.protocol, PROTOCOL_VERSION);
    assert_eq!(request.client_group, group(1));
    let entry = transmission(1, ALINE).id;
    assert_eq!(request.mutations, [create(1, 1, ALINE), acknowledge(2, entry, ALINE)]);
    let later: PushRequest = typed("push-request.receipt-and-plan.json");
    assert_eq!(later.mutations, receipt_and_plan_mutations());
}

#[test]
fn the_documents_name_every_error_and_rejection_code() {
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let prose = std::fs::read_to_string(docs.join("sync-protocol.md")).unwrap();
    let openapi = std::fs::read_to_string(docs.join("openapi.yaml")).unwrap();
    let problems = [
        Problem::SeqGap { expected_seq: 1, last_applied_seq: 0 },
        Problem::SeqReused { seq: 1 },
        Problem::BadRequest { detail: String::new() },
        Problem::ProtocolUnsupported { supported: Vec::new() },
        Problem::BatchTooLarge { max_mutations: 0, max_bytes: 0 },
        Problem::Unauthorized,
        Problem::RateLimited,
        Problem::Unavailable,
    ];
    let rejections = [
        Rejection::UNKNOWN_KIND,
        Rejection::UNSUPPORTED_PAYLOAD_VERSION,
        Rejection::INVALID_PAYLOAD,
        Rejection::PAYLOAD_TOO_LARGE,
        Rejection::TARGET_MISMATCH,
        Rejection::TARGET_EXISTS,
        Rejection::UNKNOWN_ENTRY,
        Rejection::FORBIDDEN,
    ];
    let errors = problems.iter().map(|p| as_value(p)["error"].as_str().unwrap().to_owned());
    for code in errors.chain(rejections.iter().map(|c| c.to_string())) {
        assert!(prose.contains(&format!("`{code}`")), "sync-protocol.md does not name {code}");
        assert!(openapi.contains(code.as_str()), "openapi.yaml does not name {code}");
    }
    for limit in ["100", "1 MiB", "64 KiB", "1000"] {
        assert!(prose.contains(limit), "sync-protocol.md does not state the limit {limit}");
    }
    assert_eq!(
        (MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BYTES, MAX_PAYLOAD_BYTES, MAX_PULL_LIMIT),
        (100, 1 << 20, 64 << 10, 1000)
    );
}

#[test]
fn the_client_sends_the_fixture_push_and_accepts_the_fixture_replies() {
    let fixture: PushRequest = typed("push-request.two-mutations.json");
    let mut rig = super::test_support::Rig::new(fixture.mutations.clone());
    rig.settle_pulls_only();
    let (request, body) = rig.take_request().unwrap();
    let super::events::Outgoing::Push(sent) = body else { panic!("expected a push") };
    assert_eq!((sent.client_group, &sent.mutations), (fixture.client_group, &fixture.mutations));
    let reply = read("push-response.duplicate.json").to_string();
    rig.reply(request, super::events::HttpReply { status: 200, retry_after: None, body: reply });
    assert!(rig.client.status().problems.is_empty(), "{:?}", rig.client.status().problems);
    let (request, _) = rig.take_request().unwrap();
    let reply = read("problem.rate-limited.json").to_string();
    rig.reply(request, super::events::HttpReply { status: 429, retry_after: None, body: reply });
    assert_eq!(rig.client.status().pending, 2);
}

/// A read receipt, then a plan line created, edited on two fields from version 1 (both merge)
/// and edited again from version 1 on a field already changed (conflict).
fn receipt_and_plan_mutations() -> Vec<super::wire::Mutation> {
    use super::test_support::{plan_put, read_receipt};
    use super::wire::Version;
    let entry = transmission(1, ALINE).id;
    let v1 = serde_json::json!({"minutes": 60, "provider": "SAAD Les Tilleuls"});
    let at_v1 = Some((&v1, Version(1)));
    vec![
        read_receipt(5, entry, ALINE),
        plan_put(6, ALINE, None, &v1),
        plan_put(7, ALINE, at_v1, &serde_json::json!({"minutes": 90, "provider": "SAAD Les Tilleuls"})),
        plan_put(8, ALINE, at_v1, &serde_json::json!({"minutes": 60, "provider": "SAAD Horizon"})),
        plan_put(9, ALINE, at_v1, &serde_json::json!({"minutes": 45, "provider": "SAAD Les Tilleuls"})),
    ]
}
