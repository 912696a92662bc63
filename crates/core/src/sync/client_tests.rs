//! The client state machine against the reference server, one test per failure scenario of
//! design §3 that applies to transmissions and acknowledgements (named `sN_…` after it), plus
//! the protocol's error codes.

use super::commit_log::Epoch;
use super::events::{
    ClientConfig, Effect, HttpReply, Input, Outgoing, Persisted, RequestId, StoreError,
    TransportError,
};
use super::server::Server;
use super::status::{Activity, Attention, Instant};
use super::test_support::{
    acknowledge, create, group, plan_put, principal, push_body, transmission, Rig,
};
use super::wire::{Problem, Rejection, Version};
use serde_json::json;
use std::time::Duration;

fn push_seqs(body: &Outgoing) -> Vec<u64> {
    match body {
        Outgoing::Push(push) => push.mutations.iter().map(|m| m.seq).collect(),
        Outgoing::Pull(_) => Vec::new(),
    }
}

fn problem(problem: &Problem, retry_after: Option<Duration>) -> HttpReply {
    HttpReply {
        status: problem.status(),
        retry_after,
        body: serde_json::to_string(problem).unwrap(),
    }
}

fn retry_at(rig: &Rig) -> Option<Instant> {
    match rig.client.status().activity {
        Activity::WaitingToRetry { at } => Some(at),
        _ => None,
    }
}

/// A rig that has done its first pull, so its next request is a push.
fn synced_rig() -> Rig {
    let mut rig = Rig::new(Vec::new());
    rig.settle();
    rig
}

#[test]
fn the_first_pull_comes_before_any_push() {
    let mut rig = Rig::new(vec![create(1, 1, "u1")]);
    let (_, body) = rig.take_request().unwrap();
    assert!(matches!(body, Outgoing::Pull(_)), "outcomes are only trusted once the epoch is known");
    rig.effects.push(Effect::Send { request: RequestId(1), body });
    rig.settle();
    assert!(rig.outbox.is_empty());
    assert_eq!(rig.server.resources().len(), 1);
}

#[test]
fn s1_response_lost_after_commit_is_retried_and_applied_once() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (_, body) = rig.take_request().unwrap();
    rig.serve(&body);
    rig.advance(30_000);
    assert!(retry_at(&rig).is_some(), "a silent request times out into backoff");
    rig.advance(300_000);
    rig.settle();
    assert_eq!(rig.server.changes().count(), 1);
    assert!(rig.outbox.is_empty());
    assert!(rig.client.is_settled());
}

#[test]
fn s2_a_crash_between_outbox_write_and_push_sends_everything_after_restart() {
    let mut before = synced_rig();
    before.write(create(1, 1, "u1"));
    let persisted = Persisted {
        client_group: group(1),
        cursor: before.commits.last().map(|c| c.cursor.clone()),
        confirmed_seq: 0,
        last_sync: None,
    };
    let outbox = before.outbox.values().cloned().collect();
    let mut after = Rig::with(persisted, outbox, before.server.clone());
    after.settle();
    assert_eq!(after.server.changes().count(), 1);
    assert!(after.outbox.is_empty());
}

#[test]
fn s2_a_crash_between_push_and_ack_sends_exactly_once_after_restart() {
    let mut before = synced_rig();
    before.write(create(1, 1, "u1"));
    let (_, body) = before.take_request().unwrap();
    before.serve(&body);
    let persisted = Persisted {
        client_group: group(1),
        cursor: before.commits.last().map(|c| c.cursor.clone()),
        confirmed_seq: 0,
        last_sync: None,
    };
    let outbox = before.outbox.values().cloned().collect();
    let mut after = Rig::with(persisted, outbox, before.server.clone());
    after.settle();
    assert_eq!(after.server.changes().count(), 1, "applied once, confirmed by the duplicate");
    assert!(after.outbox.is_empty());
}

#[test]
fn s2_writes_made_during_a_push_go_out_next() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, body) = rig.take_request().unwrap();
    rig.write(create(2, 2, "u1"));
    assert!(rig.take_request().is_none(), "one exchange at a time");
    let reply = rig.serve(&body);
    rig.reply(request, reply);
    let (_, next) = rig.take_request().unwrap();
    assert_eq!(push_seqs(&next), [2]);
}

#[test]
fn s3_a_rejected_mutation_is_surfaced_and_does_not_block_later_ones() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "someone-else"));
    rig.write(create(2, 2, "u1"));
    rig.settle();
    assert!(rig.outbox.is_empty());
    let stored: Vec<_> = rig.commits.iter().flat_map(|c| c.rejected.clone()).collect();
    assert_eq!(stored.len(), 1, "the refusal is written with the outbox deletion");
    assert_eq!(stored[0].reason.code, Rejection::FORBIDDEN);
    let status = rig.client.status();
    assert_eq!(status.rejected, stored);
    assert!(status.needs_attention());
    assert_eq!(rig.server.resources().len(), 1);
}

#[test]
fn s3_a_transient_failure_drains_within_the_backoff_cap_without_new_writes() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    for _ in 0..12 {
        let (request, _) = rig.take_request().unwrap();
        rig.reply(request, problem(&Problem::Unavailable, None));
        let wait = retry_at(&rig).unwrap().0 - rig.now;
        assert!(wait <= 300_000, "never more than five minutes between attempts");
        rig.advance(wait);
    }
    rig.settle();
    assert!(rig.outbox.is_empty());
}

/// Also scenario 7: a quota error is the same failed transaction, shown to the user.
#[test]
fn s4_s7_a_failed_local_apply_keeps_the_cursor_and_the_outbox() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, body) = rig.take_request().unwrap();
    let reply = rig.serve(&body);
    rig.reply(request, reply);
    let (request, body) = rig.take_request().unwrap();
    let reply = rig.serve(&body);
    rig.reply(request, reply);
    let failed = rig.take_commit().unwrap();
    rig.input(Input::Persisted(Err(StoreError("QuotaExceededError".into()))));
    assert!(rig
        .client
        .status()
        .problems
        .iter()
        .any(|p| matches!(p, Attention::StoreFailed { .. })));
    assert_eq!(rig.client.status().pending, 1, "the outbox entry stays");
    let wait = retry_at(&rig).unwrap().0 - rig.now;
    rig.advance(wait);
    let (_, again) = rig.take_request().unwrap();
    let Outgoing::Pull(pull) = &again else { panic!("expected the same pull again") };
    assert_ne!(pull.cursor, Some(failed.cursor), "the cursor stayed where the store is");
    rig.effects.push(Effect::Send { request: RequestId(99), body: again });
    rig.settle();
}

#[test]
fn s4_a_write_applied_behind_an_open_transaction_is_confirmed_once_visible() {
    let mut rig = synced_rig();
    let blocker = rig
        .server
        .begin_push(
            &super::test_support::principal("u2"),
            &super::test_support::push_body(group(9), &[create(1, 9, "u2")]),
        )
        .unwrap();
    rig.write(create(1, 1, "u1"));
    rig.settle();
    assert_eq!(rig.client.status().pending, 1, "applied but not yet visible: kept");
    rig.server.commit_push(blocker).unwrap();
    rig.advance(1_000);
    rig.settle();
    assert_eq!(rig.client.status().pending, 0);
    let pulled: usize = rig.commits.iter().map(|c| c.changes.len()).sum();
    assert_eq!(pulled, 2, "both transactions reached the client");
}

#[test]
fn s6_a_hole_in_announced_seqs_reloads_the_outbox() {
    let mut rig = synced_rig();
    rig.outbox.insert(1, create(1, 1, "u1"));
    rig.write(create(2, 2, "u1"));
    assert!(rig.take_request().is_none(), "seq 2 never goes before seq 1");
    assert!(rig.effects.contains(&Effect::LoadOutbox));
    let outbox = rig.outbox.values().cloned().collect();
    rig.input(Input::OutboxLoaded(outbox));
    let (_, body) = rig.take_request().unwrap();
    assert_eq!(push_seqs(&body), [1, 2]);
}

#[test]
fn s10_a_device_clock_off_by_a_day_changes_nothing_but_displayed_times() {
    let run = |offset: i64| {
        let mut rig = synced_rig();
        rig.wall_offset = offset;
        rig.write(create(1, 1, "u1"));
        let (request, body) = rig.take_request().unwrap();
        rig.reply(request, problem(&Problem::RateLimited, Some(Duration::from_secs(7))));
        (body, retry_at(&rig))
    };
    assert_eq!(run(-86_400_000), run(86_400_000));
}

#[test]
fn s11_an_epoch_change_resets_and_pushes_the_outbox_again_under_a_new_group() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    rig.settle();
    let backup = rig.server.clone();
    rig.write(create(2, 2, "u1"));
    let (request, body) = rig.take_request().unwrap();
    let reply = rig.serve(&body);
    rig.reply(request, reply);
    rig.server = Server::restored(&backup, Epoch(2));
    rig.settle();
    let reset = rig.commits.iter().find(|c| c.reset).expect("a reset page");
    assert_ne!(reset.client_group, group(1));
    assert!(rig.outbox.is_empty());
    assert_eq!(rig.server.resources().len(), 2, "the unconfirmed write was pushed again");
    assert_eq!(rig.client.client_group(), reset.client_group);
}

#[test]
fn s11_writes_confirmed_after_the_backup_are_pushed_again_and_not_lost() {
    let mut rig = synced_rig();
    let backup = rig.server.clone();
    rig.write(create(1, 1, "u1"));
    rig.write(create(2, 2, "u1"));
    rig.settle();
    assert_eq!(rig.client.status().pending, 0, "both confirmed and dropped from the pending list");
    rig.server = Server::restored(&backup, Epoch(2));
    rig.advance(61_000);
    rig.settle();
    let reset = rig.commits.iter().find(|c| c.reset).expect("a reset page");
    assert_eq!(reset.confirmed_seq, 0, "the retained writes are pending again");
    assert_eq!(rig.server.resources().len(), 2, "the restored server has both again");
    assert_eq!(rig.server.changes().count(), 2, "each once");
    assert_eq!(rig.client.status().pending, 0);
}

#[test]
fn s12_a_401_refreshes_the_token_once_and_resends_the_same_request() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, body) = rig.take_request().unwrap();
    rig.reply(request, problem(&Problem::Unauthorized, None));
    assert_eq!(rig.effects.iter().filter(|e| **e == Effect::RefreshToken).count(), 1);
    assert_eq!(rig.client.status().activity, Activity::WaitingForToken);
    rig.input(Input::TokenRefreshed);
    let (_, resent) = rig.take_request().unwrap();
    assert_eq!(resent, body);
    rig.effects.push(Effect::Send { request: RequestId(50), body: resent });
    rig.settle();
    assert_eq!(rig.server.changes().count(), 1);
}

#[test]
fn s12_a_second_401_after_a_refresh_is_shown_and_backs_off() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, _) = rig.take_request().unwrap();
    rig.reply(request, problem(&Problem::Unauthorized, None));
    rig.input(Input::TokenRefreshed);
    let (request, _) = rig.take_request().unwrap();
    rig.reply(request, problem(&Problem::Unauthorized, None));
    assert!(rig.client.status().problems.contains(&Attention::Unauthorized));
    assert!(retry_at(&rig).is_some());
    assert_eq!(rig.client.status().pending, 1);
}

#[test]
fn a_409_gap_pulls_from_the_start_as_a_reset_then_pushes_under_a_new_group() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, _) = rig.take_request().unwrap();
    rig.reply(request, problem(&Problem::SeqGap { expected_seq: 5, last_applied_seq: 4 }, None));
    let (request, body) = rig.take_request().unwrap();
    let Outgoing::Pull(pull) = &body else { panic!("expected a pull") };
    assert_eq!(pull.cursor, None, "after a 409 the cursor is not trusted");
    let reply = rig.serve(&body);
    rig.reply(request, reply);
    let commit = rig.take_commit().unwrap();
    assert!(commit.reset, "the page from the start replaces what the device holds");
    rig.persist(commit);
    let (_, body) = rig.take_request().unwrap();
    let Outgoing::Push(push) = &body else { panic!("expected a push") };
    assert_ne!(push.client_group, group(1));
}

#[test]
fn s11_a_restore_without_epoch_change_loses_no_confirmed_write_and_skips_no_change() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    rig.settle();
    let backup = rig.server.clone();
    rig.write(create(2, 2, "u1"));
    rig.settle();
    rig.server = Server::restored(&backup, backup.epoch());
    let elsewhere = push_body(group(9), &[create(1, 9, "u2")]);
    rig.server.push(&principal("u2"), &elsewhere).unwrap();
    assert_eq!(rig.server.changes().count(), 2, "u2's write reuses the position of write 2");
    rig.write(create(3, 3, "u1"));
    rig.settle();
    assert_eq!(rig.server.resources().len(), 4, "write 2, confirmed then lost, is pushed again");
    assert_eq!(rig.server.changes().count(), 4, "each once");
    let reset = rig.commits.iter().find(|c| c.reset).expect("a reset page");
    let u2 = transmission(9, "u2").id.to_string();
    assert!(reset.changes.iter().any(|c| c.target.id == u2), "the reused position is read");
    assert_eq!(rig.client.status().pending, 0);
    assert!(rig.outbox.is_empty());
}

#[test]
fn a_413_halves_the_batch() {
    let mut rig = synced_rig();
    rig.input(Input::Offline);
    for seq in 1..=4 {
        rig.write(create(seq, seq as u8, "u1"));
    }
    rig.input(Input::Online);
    let (request, body) = rig.take_request().unwrap();
    assert_eq!(push_seqs(&body).len(), 4);
    rig.reply(request, problem(&Problem::BatchTooLarge { max_mutations: 2, max_bytes: 10 }, None));
    let (_, body) = rig.take_request().unwrap();
    assert_eq!(push_seqs(&body), [1, 2]);
}

#[test]
fn a_malformed_reply_is_reported_and_the_outbox_is_untouched() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, _) = rig.take_request().unwrap();
    rig.reply(
        request,
        HttpReply { status: 200, retry_after: None, body: "<html>proxy</html>".into() },
    );
    assert!(matches!(rig.client.status().problems.as_slice(), [Attention::MalformedReply { .. }]));
    assert_eq!(rig.client.status().pending, 1);
    assert!(rig.take_commit().is_none());
}

#[test]
fn stale_and_duplicated_replies_are_ignored() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, body) = rig.take_request().unwrap();
    let reply = rig.serve(&body);
    rig.reply(request, reply.clone());
    let effects_before = rig.effects.len();
    rig.reply(request, reply);
    rig.input(Input::Replied { request, reply: Err(TransportError("late".into())) });
    assert_eq!(rig.effects.len(), effects_before);
    assert_eq!(retry_at(&rig), None);
}

#[test]
fn offline_sends_nothing_and_shows_the_oldest_unsent_write() {
    let mut rig = synced_rig();
    rig.input(Input::Offline);
    rig.write(create(1, 1, "u1"));
    rig.write(acknowledge(2, transmission(1, "u1").id, "u1"));
    assert!(rig.take_request().is_none());
    let status = rig.client.status();
    assert!(!status.online);
    assert_eq!(status.pending, 2);
    let written_at = create(1, 1, "u1").device_time;
    assert_eq!(status.oldest_unsent_at, Some(written_at));
    let later = crate::Timestamp::from_unix_ms(written_at.unix_ms() + 90_000);
    assert_eq!(status.oldest_unsent_age(later), Some(Duration::from_secs(90)));
    rig.input(Input::Online);
    rig.settle();
    assert_eq!(rig.server.resources().len(), 2);
}

#[test]
fn the_default_config_polls_every_15_seconds() {
    assert_eq!(ClientConfig::default().poll_interval, Duration::from_secs(15));
    let mut rig = synced_rig();
    let before = rig.commits.len();
    rig.advance(15_000);
    assert!(rig.effects.contains(&Effect::LoadOutbox), "a poll also catches lost write notices");
    rig.settle();
    assert_eq!(rig.commits.len(), before + 1);
}

#[test]
fn an_idle_poll_stores_a_page_that_changes_nothing_shown() {
    let mut rig = synced_rig();
    let before = rig.commits.last().map(|c| c.confirmed_seq);
    rig.advance(15_000);
    rig.settle();
    assert!(!rig.commits.last().unwrap().changes_what_is_shown(before), "nothing new, nothing confirmed");
    rig.write(create(1, 1, "u1"));
    rig.settle();
    assert!(rig.commits.last().unwrap().changes_what_is_shown(before), "the write is confirmed and pulled");
}

#[test]
fn s12_a_token_callback_that_never_answers_is_shown_and_backs_off() {
    let mut rig = synced_rig();
    rig.write(create(1, 1, "u1"));
    let (request, _) = rig.take_request().unwrap();
    rig.reply(request, problem(&Problem::Unauthorized, None));
    rig.advance(30_000);
    assert!(rig.client.status().problems.contains(&Attention::Unauthorized));
    assert!(retry_at(&rig).is_some());
    let wait = retry_at(&rig).unwrap().0 - rig.now;
    rig.advance(wait);
    assert!(rig.take_request().is_some(), "tries again after the backoff");
}

proptest::proptest! {
    /// A broken or hostile endpoint can only make the client report and retry: the outbox
    /// entry stays until a well-formed exchange confirms it.
    #[test]
    fn arbitrary_replies_never_panic_the_client_or_drop_the_outbox(
        status in 100u16..600,
        last_applied in proptest::prelude::any::<u64>(),
        body in ".{0,60}",
    ) {
        let mut rig = synced_rig();
        rig.write(create(1, 1, "u1"));
        let (request, _) = rig.take_request().unwrap();
        rig.reply(request, HttpReply { status, retry_after: None, body });
        let page = format!(
            r#"{{"changes":[],"cursor":"x","has_more":false,"last_applied_seq":{last_applied},"reset":false}}"#
        );
        if let Some((request, _)) = rig.take_request() {
            rig.reply(request, HttpReply { status: 200, retry_after: None, body: page });
        }
        let confirmed = rig.take_commit().map_or(0, |c| c.confirmed_seq);
        proptest::prop_assert_eq!(confirmed, 0, "no outcome known, nothing confirmed");
        proptest::prop_assert_eq!(rig.client.status().pending, 1);
    }
}

#[test]
fn a_plan_item_conflict_needs_attention_until_a_put_from_the_current_version() {
    let mut rig = synced_rig();
    let v1 = json!({"minutes": 60, "payer": "apa"});
    rig.write(plan_put(1, "u1", None, &v1));
    rig.settle();
    // Someone else changes the duration while this user, still at version 1, changes it too.
    let theirs = json!({"minutes": 90, "payer": "apa"});
    let other = plan_put(5, "u2", Some((&v1, Version(1))), &theirs);
    rig.server.push(&principal("u2"), &push_body(group(9), &[other])).unwrap();
    rig.write(plan_put(2, "u1", Some((&v1, Version(1))), &json!({"minutes": 45, "payer": "apa"})));
    rig.settle();
    let status = rig.client.status();
    assert!(status.needs_attention(), "the conflict is surfaced, not dropped");
    assert!(status.rejected[0].reason.is_conflict());
    assert!(rig.commits.iter().any(|c| c.rejected.iter().any(|r| r.reason.is_conflict())), "and stored");

    rig.write(plan_put(3, "u1", Some((&theirs, Version(2))), &json!({"minutes": 45, "payer": "apa"})));
    assert!(!rig.client.status().needs_attention(), "a put from the current version resolves it");
    rig.settle();
    assert!(!rig.client.status().needs_attention());
    let item = rig.server.resources().values().last().unwrap();
    assert_eq!(item.value["fields"], json!({"minutes": 45, "payer": "apa"}));
}
