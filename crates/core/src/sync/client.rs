//! The client side of sync as a state machine: events in, effects out.
//!
//! The leader tab's driver feeds it local writes, replies, store results, timer ticks and
//! connectivity, each with the current time and fresh random bytes, and carries out what it asks
//! in order: send a request, persist a pulled page atomically, reload the outbox, arm a timer,
//! refresh the token. It does one exchange at a time, so every reply is matched to the single
//! request it answers and stale or duplicated replies are ignored.
//!
//! The outbox is the source of truth. An entry leaves it only in the transaction that stores a
//! pull whose `last_applied_seq` covers it *and* after this session learned its outcome from a
//! push reply, so a refused mutation is always recorded before its entry is dropped.

use super::backoff::Backoff;
use super::events::{
    deletable_through, ClientConfig, Commit, Effect, Env, HttpReply, Input, Outgoing, Persisted,
    RequestId, StoreError, TransportError,
};
use super::status::{Activity, Attention, Instant, RejectedMutation, SyncStatus};
use super::wire::{
    ClientGroupId, Cursor, Mutation, Outcome, PullRequest, PullResponse, PushRequest, PushResponse,
    MAX_MUTATIONS_PER_PUSH, PROTOCOL_VERSION,
};
use crate::Timestamp;
use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Idle,
    Awaiting { request: RequestId, body: Outgoing, deadline: Instant },
    RefreshingToken { body: Outgoing, deadline: Instant },
    Persisting { commit: Commit, has_more: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Retry {
    at: Instant,
    /// A network failure: coming back online retries at once.
    network: bool,
}

#[derive(Debug, Clone)]
pub struct Client {
    config: ClientConfig,
    group: ClientGroupId,
    cursor: Option<Cursor>,
    confirmed_seq: u64,
    last_sync: Option<Timestamp>,
    pending: BTreeMap<u64, Mutation>,
    /// Confirmed writes still in the outbox (`RETAINED_CONFIRMED`), pushed again after a reset.
    retained: BTreeMap<u64, Mutation>,
    /// Outcomes learned from push replies for seqs still in the outbox.
    outcomes: BTreeMap<u64, Outcome>,
    phase: Phase,
    online: bool,
    backoff: Backoff,
    retry: Option<Retry>,
    poll_at: Option<Instant>,
    pull_wanted: bool,
    /// Consecutive pulls that found pushed writes applied but not yet visible.
    confirm_waits: u32,
    loading_outbox: bool,
    /// Set by a 409 until a page from the start of the log is stored as a reset.
    starting_over: bool,
    refreshed_after_401: bool,
    batch_limit: usize,
    next_request: u64,
    timer: Option<Instant>,
    problems: Vec<Attention>,
    rejected: Vec<RejectedMutation>,
    effects: VecDeque<Effect>,
}

impl Client {
    /// A leader starting from what the store holds. It assumes it is online and starts with a
    /// pull; a driver that knows otherwise sends [`Input::Offline`] right away.
    pub fn new(
        config: ClientConfig,
        persisted: Persisted,
        outbox: Vec<Mutation>,
        env: &Env,
    ) -> Self {
        let batch_limit = config.max_batch.clamp(1, MAX_MUTATIONS_PER_PUSH);
        let mut client = Self {
            config,
            group: persisted.client_group,
            cursor: persisted.cursor,
            confirmed_seq: persisted.confirmed_seq,
            last_sync: persisted.last_sync,
            pending: BTreeMap::new(),
            retained: BTreeMap::new(),
            outcomes: BTreeMap::new(),
            phase: Phase::Idle,
            online: true,
            backoff: Backoff::default(),
            retry: None,
            poll_at: None,
            pull_wanted: true,
            confirm_waits: 0,
            loading_outbox: false,
            starting_over: false,
            refreshed_after_401: false,
            batch_limit,
            next_request: 0,
            timer: None,
            problems: Vec::new(),
            rejected: Vec::new(),
            effects: VecDeque::new(),
        };
        client.learn(outbox);
        client.drive(env);
        client
    }

    pub fn handle(&mut self, env: &Env, input: Input) {
        match input {
            Input::Enqueued(entries) => self.learn(entries),
            Input::OutboxLoaded(entries) => {
                self.loading_outbox = false;
                self.learn(entries);
            }
            Input::Replied { request, reply } => self.on_reply(env, request, reply),
            Input::Persisted(result) => self.on_persisted(env, result),
            Input::Tick => self.on_tick(env),
            Input::Online => self.on_online(),
            Input::Offline => self.online = false,
            Input::Visible => self.pull_wanted = true,
            Input::TokenRefreshed => self.on_token(env),
            Input::TokenUnavailable => self.on_token_unavailable(env),
        }
        self.drive(env);
    }

    /// The next thing the driver must do, in order.
    pub fn poll(&mut self) -> Option<Effect> {
        self.effects.pop_front()
    }

    pub fn client_group(&self) -> ClientGroupId {
        self.group
    }

    /// Nothing to send, nothing in flight, nothing to retry: the state a quiet system reaches.
    pub fn is_settled(&self) -> bool {
        self.phase == Phase::Idle
            && self.retry.is_none()
            && self.pending.is_empty()
            && !self.pull_wanted
            && !self.loading_outbox
    }

    pub fn status(&self) -> SyncStatus {
        let activity = match (&self.phase, self.retry) {
            (Phase::Awaiting { .. } | Phase::Persisting { .. }, _) => Activity::Syncing,
            (Phase::RefreshingToken { .. }, _) => Activity::WaitingForToken,
            (Phase::Idle, Some(retry)) => Activity::WaitingToRetry { at: retry.at },
            (Phase::Idle, None) => Activity::Idle,
        };
        SyncStatus {
            online: self.online,
            activity,
            pending: self.pending.len(),
            oldest_unsent_at: self.pending.values().map(|m| m.device_time).next(),
            last_sync: self.last_sync,
            problems: self.problems.clone(),
            rejected: self.rejected.clone(),
        }
    }

    fn learn(&mut self, entries: Vec<Mutation>) {
        self.rejected.retain(|r| !r.is_resolved_by(&entries));
        let oldest_kept = deletable_through(self.confirmed_seq);
        for entry in entries.into_iter().filter(|m| m.seq > oldest_kept) {
            let list = if entry.seq > self.confirmed_seq { &mut self.pending } else { &mut self.retained };
            list.entry(entry.seq).or_insert(entry);
        }
    }

    fn on_online(&mut self) {
        self.online = true;
        self.pull_wanted = true;
        if self.retry.is_some_and(|r| r.network) {
            self.retry = None;
        }
    }

    fn on_tick(&mut self, env: &Env) {
        if self.phase_deadline().is_some_and(|deadline| deadline <= env.now) {
            self.on_phase_timeout(env);
        }
        if self.retry.is_some_and(|r| r.at <= env.now) {
            self.retry = None;
        }
        if self.poll_at.is_some_and(|at| at <= env.now) {
            self.poll_at = None;
            self.pull_wanted = true;
            self.load_outbox();
        }
    }

    /// No answer in time: the network (or the host's token callback) is treated as failed.
    fn on_phase_timeout(&mut self, env: &Env) {
        match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::Awaiting { body, .. } => {
                self.pull_wanted |= matches!(body, Outgoing::Pull(_));
                self.fail(env, None, true);
            }
            refreshing @ Phase::RefreshingToken { .. } => {
                self.phase = refreshing;
                self.on_token_unavailable(env);
            }
            other => self.phase = other,
        }
    }

    fn on_reply(
        &mut self,
        env: &Env,
        request: RequestId,
        reply: Result<HttpReply, TransportError>,
    ) {
        let body = match &self.phase {
            Phase::Awaiting { request: awaited, body, .. } if *awaited == request => body.clone(),
            _ => return,
        };
        self.phase = Phase::Idle;
        if matches!(body, Outgoing::Pull(_)) {
            self.pull_wanted = true;
        }
        let Ok(reply) = reply else {
            return self.fail(env, None, true);
        };
        match (reply.status, body) {
            (200..=299, Outgoing::Push(sent)) => self.on_pushed(env, &sent, &reply.body),
            (200..=299, Outgoing::Pull(_)) => self.on_pulled(env, &reply.body),
            (401, body) => self.on_unauthorized(env, body),
            (409, Outgoing::Push(_)) => self.start_over(),
            (413, Outgoing::Push(sent)) => self.on_too_large(env, &sent),
            (429 | 500..=599, _) => self.fail(env, reply.retry_after, false),
            (status, _) => {
                self.raise(Attention::Refused { status });
                self.fail(env, reply.retry_after, false);
            }
        }
    }

    fn on_pushed(&mut self, env: &Env, sent: &PushRequest, body: &str) {
        let response = match serde_json::from_str::<PushResponse>(body) {
            Ok(response) if answers(&response, sent) => response,
            Ok(_) => return self.malformed(env, "outcomes do not match the mutations sent".into()),
            Err(error) => return self.malformed(env, error.to_string()),
        };
        self.succeeded();
        for answer in response.outcomes {
            self.note_rejection(answer.seq, &answer.outcome);
            self.outcomes.insert(answer.seq, answer.outcome);
        }
        self.pull_wanted = true;
    }

    fn on_pulled(&mut self, env: &Env, body: &str) {
        let page = match serde_json::from_str::<PullResponse>(body) {
            Ok(page) => page,
            Err(error) => return self.malformed(env, error.to_string()),
        };
        self.succeeded();
        if !page.reset && !self.starting_over && page.last_applied_seq < self.confirmed_seq {
            // Confirmed writes the server no longer has: restored in place, like a 409.
            return self.start_over();
        }
        let commit = if page.reset || self.starting_over {
            // The server may have lost what it confirmed: the retained writes go out again.
            let before_retained = self.retained.keys().next().map_or(self.confirmed_seq, |seq| seq - 1);
            Commit {
                reset: true,
                client_group: ClientGroupId::from_random_bytes(env.random),
                changes: page.changes,
                cursor: page.cursor,
                confirmed_seq: before_retained,
                rejected: Vec::new(),
                synced_at: env.wall,
            }
        } else {
            let confirmed_seq = self.confirmable(page.last_applied_seq);
            Commit {
                reset: false,
                client_group: self.group,
                changes: page.changes,
                cursor: page.cursor,
                rejected: self.rejections_through(confirmed_seq),
                confirmed_seq,
                synced_at: env.wall,
            }
        };
        self.effects.push_back(Effect::Persist(commit.clone()));
        self.phase = Phase::Persisting { commit, has_more: page.has_more };
    }

    fn on_persisted(&mut self, env: &Env, result: Result<(), StoreError>) {
        let Phase::Persisting { commit, has_more } =
            std::mem::replace(&mut self.phase, Phase::Idle)
        else {
            return;
        };
        if let Err(StoreError(detail)) = result {
            self.raise(Attention::StoreFailed { detail });
            self.pull_wanted = true;
            return self.fail(env, None, false);
        }
        self.problems.retain(|p| !matches!(p, Attention::StoreFailed { .. }));
        if commit.reset {
            self.starting_over = false;
            self.outcomes.clear();
            self.pending.append(&mut self.retained);
        }
        self.group = commit.client_group;
        self.cursor = Some(commit.cursor);
        self.confirmed_seq = commit.confirmed_seq;
        self.last_sync = Some(commit.synced_at);
        let mut confirmed = std::mem::replace(&mut self.pending, BTreeMap::new());
        self.pending = confirmed.split_off(&(self.confirmed_seq + 1));
        self.retained.append(&mut confirmed);
        self.retained = self.retained.split_off(&(deletable_through(self.confirmed_seq) + 1));
        self.outcomes = self.outcomes.split_off(&(self.confirmed_seq + 1));
        self.after_page(env, has_more);
    }

    /// Keeps pulling while pages remain; if pushed writes are applied but not yet visible
    /// (another transaction still open before them), looks again soon, less often each time.
    fn after_page(&mut self, env: &Env, has_more: bool) {
        self.pull_wanted = has_more;
        if has_more {
            return;
        }
        let wait = if self.outcomes.is_empty() {
            self.confirm_waits = 0;
            self.config.poll_interval
        } else {
            let doubling = 1u32.checked_shl(self.confirm_waits).unwrap_or(u32::MAX);
            self.confirm_waits = self.confirm_waits.saturating_add(1);
            self.config.confirm_delay.saturating_mul(doubling).min(self.config.poll_interval)
        };
        self.poll_at = Some(env.now.after(wait));
    }

    fn on_unauthorized(&mut self, env: &Env, body: Outgoing) {
        if self.refreshed_after_401 {
            self.refreshed_after_401 = false;
            self.raise(Attention::Unauthorized);
            return self.fail(env, None, false);
        }
        self.refreshed_after_401 = true;
        let deadline = env.now.after(self.config.request_timeout);
        self.phase = Phase::RefreshingToken { body, deadline };
        self.effects.push_back(Effect::RefreshToken);
    }

    fn on_token(&mut self, env: &Env) {
        match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::RefreshingToken { body, .. } => self.send(env, body),
            other => {
                self.phase = other;
                if self.problems.contains(&Attention::Unauthorized) {
                    self.problems.retain(|p| *p != Attention::Unauthorized);
                    self.retry = None;
                }
            }
        }
    }

    fn on_token_unavailable(&mut self, env: &Env) {
        if matches!(self.phase, Phase::RefreshingToken { .. }) {
            self.phase = Phase::Idle;
            self.refreshed_after_401 = false;
            self.raise(Attention::Unauthorized);
            self.fail(env, None, false);
        }
    }

    /// The server does not know this group's history as the client does: restored in place
    /// from an older backup (same epoch), or its database lost. What it confirmed since may be
    /// gone and the log positions after the backup reused, so neither the confirmations nor
    /// the cursor can be trusted: pull from the start of the log and store that page as a
    /// reset, which re-pushes the retained confirmed writes with the pending ones under a
    /// fresh group. Mutation ids and create-if-absent keep the re-push idempotent. Nothing is
    /// stored before that page: a crash in between only costs another 409.
    fn start_over(&mut self) {
        self.cursor = None;
        self.starting_over = true;
        self.outcomes.clear();
        self.pull_wanted = true;
    }

    fn on_too_large(&mut self, env: &Env, sent: &PushRequest) {
        match sent.mutations.as_slice() {
            [only] => {
                self.raise(Attention::MutationTooLarge { seq: only.seq });
                self.fail(env, None, false);
            }
            many => self.batch_limit = (many.len() / 2).max(1),
        }
    }

    fn malformed(&mut self, env: &Env, detail: String) {
        self.raise(Attention::MalformedReply { detail });
        self.fail(env, None, false);
    }

    fn succeeded(&mut self) {
        self.backoff.reset();
        self.refreshed_after_401 = false;
        self.problems.retain(|p| {
            !matches!(
                p,
                Attention::Unauthorized
                    | Attention::Refused { .. }
                    | Attention::MalformedReply { .. }
            )
        });
    }

    fn fail(&mut self, env: &Env, retry_after: Option<Duration>, network: bool) {
        let delay = self.backoff.next_delay(retry_after, env.random_u64());
        self.retry =
            Some(Retry { at: env.now.after(delay), network: network && retry_after.is_none() });
    }

    fn raise(&mut self, problem: Attention) {
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }

    fn note_rejection(&mut self, seq: u64, outcome: &Outcome) {
        let Some(rejected) = self.rejected_mutation(seq, outcome) else { return };
        if !self.rejected.iter().any(|r| r.id == rejected.id) {
            self.rejected.push(rejected);
        }
    }

    fn rejected_mutation(&self, seq: u64, outcome: &Outcome) -> Option<RejectedMutation> {
        let reason = outcome.needs_attention()?;
        let mutation = self.pending.get(&seq)?;
        Some(RejectedMutation {
            seq,
            id: mutation.id,
            kind: mutation.kind.clone(),
            target: mutation.target.clone(),
            reason,
        })
    }

    fn rejections_through(&self, confirmed_seq: u64) -> Vec<RejectedMutation> {
        self.outcomes
            .range(..=confirmed_seq)
            .filter_map(|(&seq, outcome)| self.rejected_mutation(seq, outcome))
            .collect()
    }

    /// The highest seq whose outcome this session knows, with every seq before it known too.
    fn known_through(&self) -> u64 {
        let mut seq = self.confirmed_seq;
        while self.outcomes.contains_key(&(seq + 1)) {
            seq += 1;
        }
        seq
    }

    /// What a pull reporting `last_applied_seq` lets the client drop from its outbox.
    fn confirmable(&self, last_applied_seq: u64) -> u64 {
        last_applied_seq.min(self.known_through()).max(self.confirmed_seq)
    }

    fn next_batch(&self) -> Vec<Mutation> {
        let first = self.known_through() + 1;
        (first..).map_while(|seq| self.pending.get(&seq).cloned()).take(self.batch_limit).collect()
    }

    /// A later entry is known but not the next one: a notice was lost or reordered.
    fn has_hole(&self) -> bool {
        let first = self.known_through() + 1;
        !self.pending.contains_key(&first) && self.pending.range(first..).next().is_some()
    }

    fn load_outbox(&mut self) {
        if !self.loading_outbox {
            self.loading_outbox = true;
            self.effects.push_back(Effect::LoadOutbox);
        }
    }

    fn drive(&mut self, env: &Env) {
        if self.has_hole() {
            self.load_outbox();
        }
        if self.phase == Phase::Idle && self.online && self.retry.is_none() {
            self.start_exchange(env);
        }
        if self.phase == Phase::Idle && self.poll_at.is_none() {
            self.poll_at = Some(env.now.after(self.config.poll_interval));
        }
        self.arm_timer();
    }

    /// Pulls first while there is no cursor: outcomes are only trusted once the client knows
    /// which server epoch it talks to, so a restore is always seen as a reset that clears them.
    fn start_exchange(&mut self, env: &Env) {
        let batch = if self.cursor.is_some() { self.next_batch() } else { Vec::new() };
        if !batch.is_empty() {
            let push = PushRequest {
                protocol: PROTOCOL_VERSION,
                client_group: self.group,
                schema: self.config.schema,
                mutations: batch,
            };
            self.send(env, Outgoing::Push(push));
        } else if self.pull_wanted || self.cursor.is_none() {
            let pull = PullRequest {
                client_group: self.group,
                cursor: self.cursor.clone(),
                limit: self.config.pull_limit,
            };
            self.send(env, Outgoing::Pull(pull));
        }
    }

    fn send(&mut self, env: &Env, body: Outgoing) {
        self.next_request += 1;
        let request = RequestId(self.next_request);
        let deadline = env.now.after(self.config.request_timeout);
        self.effects.push_back(Effect::Send { request, body: body.clone() });
        self.phase = Phase::Awaiting { request, body, deadline };
    }

    fn phase_deadline(&self) -> Option<Instant> {
        match &self.phase {
            Phase::Awaiting { deadline, .. } | Phase::RefreshingToken { deadline, .. } => {
                Some(*deadline)
            }
            Phase::Idle | Phase::Persisting { .. } => None,
        }
    }

    fn arm_timer(&mut self) {
        let next = [self.phase_deadline(), self.retry.map(|r| r.at), self.poll_at]
            .into_iter()
            .flatten()
            .min();
        if next != self.timer {
            self.timer = next;
            self.effects.extend(next.map(Effect::SetTimer));
        }
    }
}

/// A push reply must answer each mutation sent, in order, by seq and id.
fn answers(response: &PushResponse, sent: &PushRequest) -> bool {
    response.outcomes.len() == sent.mutations.len()
        && response
            .outcomes
            .iter()
            .zip(&sent.mutations)
            .all(|(o, m)| o.seq == m.seq && o.id == m.id)
}
