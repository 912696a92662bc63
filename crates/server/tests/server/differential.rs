//! The server and core's reference logic must agree: seeded random sessions (new writes,
//! refusals of every kind, repeated and re-grouped pushes, gaps, pulls from any cursor) are
//! sent to both, and every status and body must be identical. The callers are care-team
//! members of the circle, so the server's extra rules allow everything core allows.
//! Bounded: a fixed number of seeds and steps, on the in-process router only.

use crate::support::{
    acknowledge, create, evaluation, group, on_both_engines, plan_edit, push_body, receipt,
    transmission, TestServer, ALINE,
};
use relais_core::seeded::SplitMix64;
use relais_core::sync::commit_log::Epoch;
use relais_core::sync::server::{Principal, Server};
use relais_core::sync::wire::{ClientGroupId, Cursor, Mutation, PullRequest};
use relais_server::engine::Engine;
use serde_json::Value;
use std::collections::BTreeSet;

const SEEDS: u64 = 12;
const STEPS: usize = 40;

struct Session {
    rng: SplitMix64,
    reference: Server,
    server: TestServer,
    next_seq: u64,
    next_entry: u32,
    sent: Vec<Value>,
    cursors: Vec<String>,
    groups: u8,
    /// Every outcome status, rejection code, problem and page kind met, to prove coverage.
    seen: BTreeSet<String>,
}

impl Session {
    fn group(&self) -> ClientGroupId {
        group(self.groups)
    }

    /// A new write, or one the server must refuse, chosen at random.
    fn mutation(&mut self, seq: u64) -> Mutation {
        let known = self.next_entry.max(1);
        let existing = 1 + self.rng.below(known as usize) as u32;
        match self.rng.below(13) {
            0 => acknowledge(seq, transmission(existing, ALINE, "passage").id, ALINE),
            1 => acknowledge(seq, transmission(existing + 1000, ALINE, "passage").id, ALINE),
            8 => receipt(seq, transmission(existing, ALINE, "passage").id, ALINE),
            9 => receipt(seq, transmission(existing + 1000, ALINE, "passage").id, ALINE),
            10 => plan_edit(seq, ALINE, self.plan_line(), (None, self.rng.below(3) as u32)),
            11 => {
                let (base, version) = (self.rng.below(3) as u32, 1 + self.rng.below(3) as u64);
                let after = (base + 1 + self.rng.below(2) as u32) % 3;
                plan_edit(seq, ALINE, self.plan_line(), (Some((base, version)), after))
            }
            12 => evaluation(seq, self.rng.below(4) as u8, ALINE),
            2 => create(seq, existing, ALINE, "alimentation"),
            3 => create(seq, self.take_entry(), "bruno.petit", "passage"),
            4 => {
                let mut m = create(seq, self.take_entry(), ALINE, "passage");
                m.payload_version = 2;
                m
            }
            _ => create(seq, self.take_entry(), ALINE, "passage"),
        }
    }

    /// One of a few service lines, so edits meet: merges, duplicates and conflicts.
    fn plan_line(&mut self) -> &'static str {
        ["l1", "l2", "l3"][self.rng.below(3)]
    }

    fn take_entry(&mut self) -> u32 {
        self.next_entry += 1;
        self.next_entry
    }

    async fn push(&mut self, body: Value) {
        let principal = Principal { user_id: ALINE.to_owned() };
        let expected = match self.reference.push(&principal, &body.to_string()) {
            Ok(response) => (200, serde_json::to_value(response).unwrap()),
            Err(problem) => (problem.status(), serde_json::to_value(problem).unwrap()),
        };
        let (status, actual) = self.server.push("tok-aline", &body).await;
        self.note_push(&actual);
        assert_eq!((status.as_u16(), actual), expected, "push {body}");
    }

    async fn step(&mut self) {
        match self.rng.below(13) {
            0..=3 => {
                let len = 1 + self.rng.below(4) as u64;
                let start = self.next_seq;
                let mutations: Vec<_> =
                    (start..start + len).map(|seq| self.mutation(seq)).collect();
                self.next_seq += len;
                let body = push_body(self.group(), &mutations);
                self.sent.push(body.clone());
                self.push(body).await;
            }
            4 if !self.sent.is_empty() => {
                let again = self.sent[self.rng.below(self.sent.len())].clone();
                self.push(again).await;
            }
            5 if !self.sent.is_empty() => {
                self.groups += 1;
                let mut regrouped = self.sent[self.rng.below(self.sent.len())].clone();
                regrouped["client_group"] = Value::String(self.group().to_string());
                let last =
                    regrouped["mutations"].as_array().unwrap().last().unwrap()["seq"].as_u64();
                self.next_seq = last.unwrap() + 1;
                self.push(regrouped).await;
            }
            6 => {
                let skipped = self.next_seq + 1 + self.rng.below(3) as u64;
                let body = push_body(self.group(), &[create(skipped, 5000, ALINE, "passage")]);
                self.push(body).await;
            }
            _ => self.pull().await,
        }
    }

    async fn pull(&mut self) {
        let limit = 1 + self.rng.below(5) as u32;
        let cursor = match self.rng.below(self.cursors.len() + 1) {
            0 => None,
            i => Some(self.cursors[i - 1].clone()),
        };
        let client_group = group(1 + self.rng.below(self.groups as usize) as u8);
        let request = PullRequest { client_group, cursor: cursor.clone().map(Cursor), limit };
        let expected = serde_json::to_value(self.reference.pull(&request)).unwrap();
        let mut query = format!("client_group={client_group}&limit={limit}");
        if let Some(c) = &cursor {
            query.push_str(&format!("&cursor={c}"));
        }
        let (status, actual) = self.server.pull("tok-aline", &query).await;
        assert_eq!((status.as_u16(), &actual), (200, &expected), "pull {query}");
        if actual["has_more"] == true {
            self.seen.insert("has_more".into());
        }
        self.cursors.push(actual["cursor"].as_str().unwrap().to_owned());
    }

    fn note_push(&mut self, answer: &Value) {
        let outcomes = answer["outcomes"].as_array().into_iter().flatten();
        for outcome in outcomes {
            self.seen.extend(outcome["status"].as_str().map(str::to_owned));
            self.seen.extend(outcome["reason"]["code"].as_str().map(str::to_owned));
            self.seen
                .extend(outcome["original"]["status"].as_str().map(|s| format!("original:{s}")));
        }
        self.seen.extend(answer["error"].as_str().map(str::to_owned));
    }
}

async fn the_server_answers_exactly_as_cores_reference_logic(engine: Engine) {
    let mut seen = BTreeSet::new();
    for seed in 0..SEEDS {
        let mut session = Session {
            rng: SplitMix64::new(seed),
            reference: Server::new(Epoch(1)),
            server: TestServer::start(engine).await,
            next_seq: 1,
            next_entry: 0,
            sent: Vec::new(),
            cursors: Vec::new(),
            groups: 1,
            seen: BTreeSet::new(),
        };
        for _ in 0..STEPS {
            session.step().await;
        }
        seen.append(&mut session.seen);
    }
    let wanted = [
        "applied",
        "duplicate",
        "rejected",
        "original:applied",
        "original:rejected",
        "forbidden",
        "unknown_entry",
        "target_exists",
        "conflict",
        "unsupported_payload_version",
        "seq_gap",
        "has_more",
    ];
    let missing: Vec<_> = wanted.iter().filter(|w| !seen.contains(**w)).collect();
    assert!(missing.is_empty(), "the sessions never produced {missing:?}; seen {seen:?}");
}

on_both_engines!(the_server_answers_exactly_as_cores_reference_logic);
