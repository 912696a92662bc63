//! The reference server's rules, one behaviour per test.

use super::commit_log::Epoch;
use serde_json::json;
use super::server::Server;
use super::test_support::{
    acknowledge, create, group, plan_put, principal, push_body, read_receipt, transmission,
};
use super::wire::{
    ChangeOp, FirstOutcome, Mutation, MutationKind, Outcome, Problem, PullRequest, PullResponse,
    PushResponse, Rejection, Version, MAX_MUTATIONS_PER_PUSH,
};

fn push(server: &mut Server, mutations: &[Mutation]) -> Result<PushResponse, Problem> {
    server.push(&principal("u1"), &push_body(group(1), mutations))
}

fn pull(server: &Server, cursor: Option<super::wire::Cursor>, limit: u32) -> PullResponse {
    server.pull(&PullRequest { client_group: group(1), cursor, limit })
}

fn statuses(response: &PushResponse) -> Vec<&Outcome> {
    response.outcomes.iter().map(|o| &o.outcome).collect()
}

fn rejection_code(outcome: &Outcome) -> Option<&str> {
    outcome.rejection().map(|r| r.code.as_str())
}

#[test]
fn mutations_are_applied_in_seq_order_and_pulled_back() {
    let mut server = Server::new(Epoch(1));
    let t = transmission(1, "u1");
    let response = push(&mut server, &[create(1, 1, "u1"), acknowledge(2, t.id, "u1")]).unwrap();
    assert_eq!(statuses(&response), [&Outcome::Applied { version: Version(1) }; 2]);
    assert_eq!(response.last_applied_seq, 2);
    let page = pull(&server, None, 10);
    assert_eq!(page.changes.len(), 2);
    assert_eq!((page.last_applied_seq, page.has_more, page.reset), (2, false, false));
}

#[test]
fn a_repeated_push_answers_duplicate_with_the_stored_outcome() {
    let mut server = Server::new(Epoch(1));
    let batch = [create(1, 1, "u1"), create(2, 2, "u2")];
    let first = push(&mut server, &batch).unwrap();
    let again = push(&mut server, &batch).unwrap();
    assert_eq!(
        again.outcomes[0].outcome,
        Outcome::Duplicate { original: Some(FirstOutcome::Applied { version: Version(1) }) }
    );
    assert_eq!(again.outcomes[1].outcome.rejection(), first.outcomes[1].outcome.rejection());
    assert_eq!(server.changes().count(), 1, "nothing applied twice");
}

#[test]
fn a_gap_in_seqs_is_refused_with_409_and_the_expected_seq() {
    let mut server = Server::new(Epoch(1));
    push(&mut server, &[create(1, 1, "u1")]).unwrap();
    let problem = push(&mut server, &[create(3, 3, "u1")]).unwrap_err();
    assert_eq!(problem, Problem::SeqGap { expected_seq: 2, last_applied_seq: 1 });
    assert_eq!(problem.status(), 409);
}

#[test]
fn a_rejected_mutation_consumes_its_seq_and_does_not_block_later_ones() {
    let mut server = Server::new(Epoch(1));
    let mut poison = create(2, 2, "u1");
    poison.payload["text"] = "   ".into();
    let response = push(&mut server, &[create(1, 1, "u1"), poison, create(3, 3, "u1")]).unwrap();
    let codes: Vec<_> = response.outcomes.iter().map(|o| rejection_code(&o.outcome)).collect();
    assert_eq!(codes, [None, Some(Rejection::INVALID_PAYLOAD), None]);
    assert_eq!(response.last_applied_seq, 3);
    assert_eq!(push(&mut server, &[create(4, 4, "u1")]).unwrap().last_applied_seq, 4);
}

#[test]
fn each_refusal_names_its_reason() {
    let mut server = Server::new(Epoch(1));
    let mut unknown_kind = create(3, 3, "u1");
    unknown_kind.kind = MutationKind("plan.patch".into());
    let mut future_version = create(4, 4, "u1");
    future_version.payload_version = 9;
    let mut wrong_target = create(5, 5, "u1");
    wrong_target.target.id = "autre".into();
    let batch = [
        create(1, 1, "someone-else"),
        acknowledge(2, transmission(99, "u1").id, "u1"),
        unknown_kind,
        future_version,
        wrong_target,
    ];
    let response = push(&mut server, &batch).unwrap();
    let codes: Vec<_> = response.outcomes.iter().map(|o| rejection_code(&o.outcome)).collect();
    assert_eq!(
        codes,
        [
            Some(Rejection::FORBIDDEN),
            Some(Rejection::UNKNOWN_ENTRY),
            Some(Rejection::UNKNOWN_KIND),
            Some(Rejection::UNSUPPORTED_PAYLOAD_VERSION),
            Some(Rejection::TARGET_MISMATCH),
        ]
    );
}

#[test]
fn acknowledgements_are_a_grow_only_set_per_entry_and_person() {
    let mut server = Server::new(Epoch(1));
    let entry = transmission(1, "u1").id;
    push(&mut server, &[create(1, 1, "u1"), acknowledge(2, entry, "u1")]).unwrap();
    let other_device = server
        .push(&principal("u1"), &push_body(group(2), &[acknowledge(1, entry, "u1")]))
        .unwrap();
    assert_eq!(other_device.outcomes[0].outcome, Outcome::Duplicate { original: None });
    assert_eq!(server.resources().len(), 2, "one transmission, one acknowledgement");
}

#[test]
fn receipts_are_a_grow_only_set_per_entry_and_reader_of_known_entries() {
    let mut server = Server::new(Epoch(1));
    let entry = transmission(1, "u1").id;
    push(&mut server, &[create(1, 1, "u1")]).unwrap();
    let first = server
        .push(&principal("u2"), &push_body(group(2), &[read_receipt(1, entry, "u2")]))
        .unwrap();
    assert_eq!(first.outcomes[0].outcome, Outcome::Applied { version: Version(1) });
    let again = server
        .push(&principal("u2"), &push_body(group(3), &[read_receipt(5, entry, "u2")]))
        .unwrap();
    assert_eq!(again.outcomes[0].outcome, Outcome::Duplicate { original: None });
    let unknown = transmission(9, "u1").id;
    let refused = server
        .push(&principal("u2"), &push_body(group(2), &[read_receipt(2, unknown, "u2")]))
        .unwrap();
    assert_eq!(refused.outcomes[0].outcome.rejection().unwrap().code, Rejection::UNKNOWN_ENTRY);
    assert_eq!(server.resources().len(), 2, "one transmission, one receipt");
}

#[test]
fn plan_item_edits_of_different_fields_merge_and_the_same_field_conflicts() {
    let mut server = Server::new(Epoch(1));
    let v1 = json!({"provider": "SAAD Les Tilleuls", "minutes": 60});
    push(&mut server, &[plan_put(1, "u1", None, &v1)]).unwrap();
    let nurse = json!({"provider": "SAAD Les Tilleuls", "minutes": 90});
    let manager = json!({"provider": "SAAD Horizon", "minutes": 60});
    let clash = json!({"provider": "SAAD Les Tilleuls", "minutes": 45});
    let nurse_said = server
        .push(&principal("u2"), &push_body(group(2), &[plan_put(11, "u2", Some((&v1, Version(1))), &nurse)]))
        .unwrap();
    assert_eq!(nurse_said.outcomes[0].outcome, Outcome::Applied { version: Version(2) });
    let manager_said = push(&mut server, &[plan_put(2, "u1", Some((&v1, Version(1))), &manager)]).unwrap();
    assert_eq!(manager_said.outcomes[0].outcome, Outcome::Applied { version: Version(3) });
    let merged = json!({"provider": "SAAD Horizon", "minutes": 90});
    let item = server.resources().values().last().unwrap();
    assert_eq!(item.value["fields"], merged, "both edits landed");

    let clash_said = push(&mut server, &[plan_put(3, "u1", Some((&v1, Version(1))), &clash)]).unwrap();
    let Outcome::Conflict { current, version } = &clash_said.outcomes[0].outcome else {
        panic!("expected a conflict, got {:?}", clash_said.outcomes[0].outcome);
    };
    assert_eq!((&current["fields"], *version), (&merged, Version(3)), "the server's item, unchanged");
    let resolved = push(&mut server, &[plan_put(4, "u1", Some((&merged, Version(3))), &json!({"provider": "SAAD Horizon", "minutes": 45}))]).unwrap();
    assert_eq!(resolved.outcomes[0].outcome, Outcome::Applied { version: Version(4) });
}

#[test]
fn a_mutation_pushed_again_under_a_new_group_is_a_duplicate() {
    let mut server = Server::new(Epoch(1));
    let m = create(1, 1, "u1");
    push(&mut server, &[m.clone()]).unwrap();
    let renumbered = Mutation { seq: 7, ..m };
    let response = server.push(&principal("u1"), &push_body(group(2), &[renumbered])).unwrap();
    assert_eq!(
        response.outcomes[0].outcome,
        Outcome::Duplicate { original: Some(FirstOutcome::Applied { version: Version(1) }) }
    );
    assert_eq!(response.last_applied_seq, 7, "a new group starts where its first push starts");
}

#[test]
fn a_seq_reused_with_another_mutation_is_refused() {
    let mut server = Server::new(Epoch(1));
    push(&mut server, &[create(1, 1, "u1")]).unwrap();
    let mut other = create(1, 2, "u1");
    other.id = create(9, 9, "u1").id;
    assert_eq!(push(&mut server, &[other]).unwrap_err(), Problem::SeqReused { seq: 1 });
}

#[test]
fn malformed_or_oversized_pushes_are_refused_whole() {
    let mut server = Server::new(Epoch(1));
    assert!(matches!(server.push(&principal("u1"), "{"), Err(Problem::BadRequest { .. })));
    let gap_inside = push(&mut server, &[create(1, 1, "u1"), create(3, 3, "u1")]);
    assert!(matches!(gap_inside, Err(Problem::BadRequest { .. })));
    let too_many: Vec<_> =
        (1..=MAX_MUTATIONS_PER_PUSH as u64 + 1).map(|s| create(s, s as u8, "u1")).collect();
    assert_eq!(push(&mut server, &too_many).unwrap_err().status(), 413);
    let old_protocol = push_body(group(1), &[]).replace("\"protocol\":1", "\"protocol\":0");
    assert!(matches!(
        server.push(&principal("u1"), &old_protocol),
        Err(Problem::ProtocolUnsupported { .. })
    ));
}

#[test]
fn pull_pages_follow_commit_order_until_has_more_is_false() {
    let mut server = Server::new(Epoch(1));
    let batch: Vec<_> = (1..=5).map(|s| create(s, s as u8, "u1")).collect();
    push(&mut server, &batch).unwrap();
    let first = pull(&server, None, 2);
    assert!(first.has_more);
    assert_eq!(first.last_applied_seq, 2, "only what this page contains is confirmed");
    let second = pull(&server, Some(first.cursor), 2);
    let third = pull(&server, Some(second.cursor), 2);
    assert!(!third.has_more);
    let seqs: Vec<u64> = [first.changes, second.changes, third.changes]
        .concat()
        .iter()
        .map(|c| c.server_seq)
        .collect();
    assert_eq!(seqs, [1, 2, 3, 4, 5]);
    assert_eq!(third.last_applied_seq, 5);
}

#[test]
fn a_transaction_committing_after_a_later_one_is_not_skipped() {
    let mut server = Server::new(Epoch(1));
    let slow =
        server.begin_push(&principal("u1"), &push_body(group(1), &[create(1, 1, "u1")])).unwrap();
    let fast =
        server.begin_push(&principal("u2"), &push_body(group(2), &[create(1, 2, "u2")])).unwrap();
    server.commit_push(fast).unwrap();
    let early = pull(&server, None, 10);
    assert!(early.changes.is_empty(), "the later position waits behind the open transaction");
    server.commit_push(slow).unwrap();
    let late = pull(&server, Some(early.cursor), 10);
    assert_eq!(late.changes.len(), 2);
    assert_eq!(late.last_applied_seq, 1);
}

#[test]
fn a_group_with_a_push_in_flight_answers_503() {
    let mut server = Server::new(Epoch(1));
    let body = push_body(group(1), &[create(1, 1, "u1")]);
    let open = server.begin_push(&principal("u1"), &body).unwrap();
    assert_eq!(server.begin_push(&principal("u1"), &body).unwrap_err(), Problem::Unavailable);
    server.abort_push(open);
    assert!(server.push(&principal("u1"), &body).is_ok());
}

#[test]
fn a_restore_changes_the_epoch_and_resets_every_cursor() {
    let mut server = Server::new(Epoch(1));
    push(&mut server, &[create(1, 1, "u1")]).unwrap();
    let backup = server.clone();
    push(&mut server, &[create(2, 2, "u1")]).unwrap();
    let cursor = pull(&server, None, 10).cursor;
    let restored = Server::restored(&backup, Epoch(2));
    let page = pull(&restored, Some(cursor), 10);
    assert!(page.reset);
    assert_eq!(page.changes.len(), 1, "a full resync from the start of the restored log");
    assert!(matches!(page.changes[0].op, ChangeOp::Put { .. }));
    let unreadable = pull(&restored, Some(super::wire::Cursor("n'importe quoi".into())), 10);
    assert!(unreadable.reset);
}

proptest::proptest! {
    /// Whatever a client sends, the server answers: no panic, no partial state.
    #[test]
    fn arbitrary_seqs_versions_and_texts_never_panic_the_server(
        first_seq in proptest::prelude::any::<u64>(),
        second_seq in proptest::prelude::any::<u64>(),
        version in proptest::prelude::any::<u32>(),
        text in ".{0,40}",
    ) {
        let mut server = Server::new(Epoch(1));
        let mut batch = [create(1, 1, "u1"), create(2, 2, "u1")];
        batch[0].seq = first_seq;
        batch[1].seq = second_seq;
        batch[1].payload_version = version;
        batch[1].payload["text"] = text.into();
        let _ = push(&mut server, &batch);
        let _ = push(&mut server, &batch);
        let page = pull(&server, None, 10);
        proptest::prop_assert!(page.changes.len() <= 2);
    }
}
