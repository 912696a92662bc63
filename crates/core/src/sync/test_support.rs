//! Builders shared by the client, server and fixture tests: fixed ids and times, so failures
//! read the same on every run.

use super::client::Client;
use super::commit_log::Epoch;
use super::events::{
    ClientConfig, Commit, Effect, Env, HttpReply, Input, Outgoing, Persisted, RequestId,
};
use super::kinds::{PlanItemKind, PlanItemPatch, PlanItemRef, Write};
use super::server::{Principal, Server};
use super::status::Instant;
use super::wire::{ClientGroupId, Mutation, MutationId, Version};
use serde_json::Value;
use crate::{
    Acknowledgement, Author, CategoryId, EntryId, EntryLink, Receipt, Role, SubjectId, Timestamp,
    Transmission, TransmissionText, Urgency,
};
use std::collections::BTreeMap;

pub const T0: i64 = 1_795_417_860_000;

pub fn author(id: &str) -> Author {
    Author::new(id, "Aline Martin", Role::AideADomicile).unwrap()
}

pub fn transmission(n: u8, author_id: &str) -> Transmission {
    Transmission {
        id: EntryId::v7(T0 as u64 + u64::from(n), [n; 10]),
        subject: SubjectId::new("usager-1").unwrap(),
        author: author(author_id),
        category: CategoryId::new("passage"),
        urgency: Urgency::Information,
        text: TransmissionText::new(&format!("Passage {n}")).unwrap(),
        created_at: Timestamp::from_unix_ms(T0 + i64::from(n)),
        vigilance: false,
        link: EntryLink::None,
    }
}

pub fn create(seq: u64, n: u8, author_id: &str) -> Mutation {
    mutation(seq, Write::TransmissionCreate(transmission(n, author_id)))
}

pub fn acknowledge(seq: u64, entry: EntryId, by: &str) -> Mutation {
    let ack = Acknowledgement { entry, by: author(by), at: Timestamp::from_unix_ms(T0 + 60_000) };
    mutation(seq, Write::AcknowledgementAdd(ack))
}

pub fn read_receipt(seq: u64, entry: EntryId, by: &str) -> Mutation {
    let receipt = Receipt { entry, by: author(by), at: Timestamp::from_unix_ms(T0 + 30_000) };
    mutation(seq, Write::ReceiptAdd(receipt))
}

/// The plan line every plan test edits, as a JSON object of fields.
pub fn line_ref() -> PlanItemRef {
    PlanItemRef {
        subject: SubjectId::new("usager-1").unwrap(),
        plan: EntryId::v7(T0 as u64, [7; 10]),
        kind: PlanItemKind::ServiceLine,
        id: "ligne-1".into(),
    }
}

/// `by`'s edit of the line from `before` (at `base`) to `after`.
pub fn plan_put(seq: u64, by: &str, before: Option<(&Value, Version)>, after: &Value) -> Mutation {
    let at = Timestamp::from_unix_ms(T0 + seq as i64);
    let patch = PlanItemPatch::between(line_ref(), author(by), at, before, after).unwrap();
    mutation(seq, Write::PlanItemPut(patch))
}

/// The id mixes the seq with the target, so two different writes never share an id.
pub fn mutation(seq: u64, write: Write) -> Mutation {
    let mut random = [seq as u8; 10];
    for (i, byte) in write.target().id.bytes().enumerate() {
        random[i % 10] = random[i % 10].rotate_left(3) ^ byte;
    }
    let id = MutationId::v7(T0 as u64 + seq, random);
    write.into_mutation(seq, id, Timestamp::from_unix_ms(T0 + seq as i64 * 1_000))
}

pub fn group(n: u8) -> ClientGroupId {
    ClientGroupId::from_random_bytes([n; 16])
}

pub fn push_body(group: ClientGroupId, mutations: &[Mutation]) -> String {
    let request = super::wire::PushRequest {
        protocol: super::wire::PROTOCOL_VERSION,
        client_group: group,
        schema: 1,
        mutations: mutations.to_vec(),
    };
    serde_json::to_string(&request).unwrap()
}

pub fn principal(id: &str) -> Principal {
    Principal { user_id: id.to_owned() }
}

/// A client wired to a reference server, with a store kept as the client asks.
pub struct Rig {
    pub client: Client,
    pub server: Server,
    pub now: u64,
    pub wall_offset: i64,
    pub random: u8,
    pub outbox: BTreeMap<u64, Mutation>,
    pub commits: Vec<Commit>,
    pub effects: Vec<Effect>,
}

impl Rig {
    pub fn new(outbox: Vec<Mutation>) -> Self {
        let persisted =
            Persisted { client_group: group(1), cursor: None, confirmed_seq: 0, last_sync: None };
        Self::with(persisted, outbox, Server::new(Epoch(1)))
    }

    pub fn with(persisted: Persisted, outbox: Vec<Mutation>, server: Server) -> Self {
        let env = Env { now: Instant(0), wall: Timestamp::from_unix_ms(T0), random: [0; 16] };
        let mut client = Client::new(ClientConfig::default(), persisted, outbox.clone(), &env);
        let effects = std::iter::from_fn(|| client.poll()).collect();
        Self {
            client,
            server,
            now: 0,
            wall_offset: 0,
            random: 0,
            outbox: outbox.into_iter().map(|m| (m.seq, m)).collect(),
            commits: Vec::new(),
            effects,
        }
    }

    pub fn env(&mut self) -> Env {
        self.random = self.random.wrapping_add(1);
        Env {
            now: Instant(self.now),
            wall: Timestamp::from_unix_ms(T0 + self.now as i64 + self.wall_offset),
            random: [self.random; 16],
        }
    }

    pub fn input(&mut self, input: Input) {
        let env = self.env();
        self.client.handle(&env, input);
        self.effects.extend(std::iter::from_fn(|| self.client.poll()));
    }

    /// Writes to the outbox (as a tab would) and tells the client.
    pub fn write(&mut self, mutation: Mutation) {
        self.outbox.insert(mutation.seq, mutation.clone());
        self.input(Input::Enqueued(vec![mutation]));
    }

    /// Takes the request the client last asked to send, leaving other effects in place.
    pub fn take_request(&mut self) -> Option<(RequestId, Outgoing)> {
        let index = self.effects.iter().position(|e| matches!(e, Effect::Send { .. }))?;
        match self.effects.remove(index) {
            Effect::Send { request, body } => Some((request, body)),
            _ => None,
        }
    }

    pub fn take_commit(&mut self) -> Option<Commit> {
        let index = self.effects.iter().position(|e| matches!(e, Effect::Persist(_)))?;
        match self.effects.remove(index) {
            Effect::Persist(commit) => Some(commit),
            _ => None,
        }
    }

    /// What the reference server answers to `body`, as user `u1`.
    pub fn serve(&mut self, body: &Outgoing) -> HttpReply {
        let result = match body {
            Outgoing::Push(push) => self
                .server
                .push(&principal("u1"), &serde_json::to_string(push).unwrap())
                .map(|r| serde_json::to_string(&r).unwrap()),
            Outgoing::Pull(pull) => Ok(serde_json::to_string(&self.server.pull(pull)).unwrap()),
        };
        match result {
            Ok(body) => HttpReply { status: 200, retry_after: None, body },
            Err(problem) => HttpReply {
                status: problem.status(),
                retry_after: None,
                body: serde_json::to_string(&problem).unwrap(),
            },
        }
    }

    pub fn reply(&mut self, request: RequestId, reply: HttpReply) {
        self.input(Input::Replied { request, reply: Ok(reply) });
    }

    /// Stores a commit the way IndexedDB would, and tells the client it succeeded.
    pub fn persist(&mut self, commit: Commit) {
        self.outbox = self.outbox.split_off(&(commit.confirmed_seq + 1));
        self.commits.push(commit);
        self.input(Input::Persisted(Ok(())));
    }

    /// Runs requests, outbox reads and store writes until the client asks for none of them.
    pub fn settle(&mut self) {
        for _ in 0..100 {
            if let Some(index) = self.effects.iter().position(|e| *e == Effect::LoadOutbox) {
                self.effects.remove(index);
                let outbox = self.outbox.values().cloned().collect();
                self.input(Input::OutboxLoaded(outbox));
            } else if let Some(commit) = self.take_commit() {
                self.persist(commit);
            } else if let Some((request, body)) = self.take_request() {
                let reply = self.serve(&body);
                self.reply(request, reply);
            } else {
                return;
            }
        }
        panic!("the client never settled");
    }

    /// Answers the client's pulls until it asks for something else (its first push).
    pub fn settle_pulls_only(&mut self) {
        while let Some(index) = self
            .effects
            .iter()
            .position(|e| matches!(e, Effect::Send { body: Outgoing::Pull(_), .. }))
        {
            let Effect::Send { request, body } = self.effects.remove(index) else { return };
            let reply = self.serve(&body);
            self.reply(request, reply);
            if let Some(commit) = self.take_commit() {
                self.persist(commit);
            }
        }
    }

    /// Moves the monotonic clock and delivers a tick.
    pub fn advance(&mut self, ms: u64) {
        self.now += ms;
        self.input(Input::Tick);
    }
}
