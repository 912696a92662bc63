//! The reference server's logic, free of HTTP, storage, clocks and randomness.
//!
//! It is what `crates/server` wraps in transactions and what the simulation runs against, so the
//! rules an integrator must follow are executable here: mutations applied in seq order once per
//! client group, the first outcome remembered for duplicates, positions reserved when a push
//! starts and published in commit order, and cursors bound to an epoch. A push is split into
//! `begin_push` and `commit_push` so a caller (or the simulation) can interleave transactions
//! and commit them out of order, which is exactly what a real database does.

use super::commit_log::{decode_cursor, encode_cursor, CommitLog, Epoch, Reservation};
use super::kinds::{Access, Verdict, Write, TRANSMISSION};
use super::wire::{
    Change, ChangeOp, ClientGroupId, FirstOutcome, Mutation, MutationId, MutationOutcome, Outcome,
    Problem, PullRequest, PullResponse, PushRequest, PushResponse, Rejection, ResourceType, Target,
    Version, MAX_MUTATIONS_PER_PUSH, MAX_PULL_LIMIT, MAX_PUSH_BYTES, PROTOCOL_VERSION,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// Who the bearer token says is calling, as the host's authentication established it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: String,
}

/// A resource as the server holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResource {
    pub version: Version,
    pub value: Value,
}

#[derive(Debug, Clone)]
struct Recorded {
    id: MutationId,
    outcome: Outcome,
    /// Where the mutation's effect sits in commit order, so a pull only confirms a seq once
    /// the page the client receives contains its effect.
    position: u64,
}

#[derive(Debug, Clone)]
struct Group {
    /// Seqs up to here were never seen by this server: a group it does not know starts where
    /// its first push starts (after a restore, or for a group created after a reset).
    baseline: u64,
    last_applied: u64,
    outcomes: BTreeMap<u64, Recorded>,
}

/// A push between its start and its commit: its positions are reserved and its client group
/// is locked, so no other push of that group interleaves.
#[derive(Debug)]
pub struct PendingPush {
    epoch: Epoch,
    txn: u64,
    principal: Principal,
    request: PushRequest,
    baseline: u64,
    reservation: Reservation,
}

#[derive(Debug, Clone)]
pub struct Server {
    epoch: Epoch,
    log: CommitLog,
    resources: BTreeMap<Target, StoredResource>,
    groups: BTreeMap<ClientGroupId, Group>,
    first_outcomes: BTreeMap<MutationId, FirstOutcome>,
    locks: BTreeMap<ClientGroupId, u64>,
    next_txn: u64,
}

impl Server {
    pub fn new(epoch: Epoch) -> Self {
        Self {
            epoch,
            log: CommitLog::default(),
            resources: BTreeMap::new(),
            groups: BTreeMap::new(),
            first_outcomes: BTreeMap::new(),
            locks: BTreeMap::new(),
            next_txn: 0,
        }
    }

    /// The server brought back from `backup` under a new epoch: every client's cursor becomes
    /// unreadable, so each resets and re-pushes its outbox.
    pub fn restored(backup: &Server, epoch: Epoch) -> Self {
        let mut server = backup.clone();
        server.epoch = epoch;
        server.locks.clear();
        server.log.close_all();
        server
    }

    pub fn epoch(&self) -> Epoch {
        self.epoch
    }

    pub fn resources(&self) -> &BTreeMap<Target, StoredResource> {
        &self.resources
    }

    /// What the first processing of mutation `id` came to, if it had an effect of its own or
    /// was refused or in conflict.
    pub fn first_outcome(&self, id: &MutationId) -> Option<&FirstOutcome> {
        self.first_outcomes.get(id)
    }

    /// Every change committed, in commit order.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.log.iter()
    }

    /// One push in a single step, for callers with no concurrency to model.
    pub fn push(&mut self, principal: &Principal, body: &str) -> Result<PushResponse, Problem> {
        let pending = self.begin_push(principal, body)?;
        self.commit_push(pending)
    }

    /// Checks a push, locks its client group and reserves positions for its new mutations.
    pub fn begin_push(
        &mut self,
        principal: &Principal,
        body: &str,
    ) -> Result<PendingPush, Problem> {
        let request = parse_push(body)?;
        let group = request.client_group;
        if self.locks.contains_key(&group) {
            return Err(Problem::Unavailable);
        }
        let baseline = self
            .groups
            .get(&group)
            .map_or_else(|| request.mutations.first().map_or(0, |m| m.seq - 1), |g| g.last_applied);
        self.check_against_history(&request, baseline)?;
        let fresh = request.mutations.iter().filter(|m| m.seq > baseline).count() as u64;
        let reservation = self.log.reserve(fresh);
        self.next_txn += 1;
        self.locks.insert(group, self.next_txn);
        Ok(PendingPush {
            epoch: self.epoch,
            txn: self.next_txn,
            principal: principal.clone(),
            request,
            baseline,
            reservation,
        })
    }

    /// Applies the push's new mutations in seq order and publishes their effects.
    pub fn commit_push(&mut self, pending: PendingPush) -> Result<PushResponse, Problem> {
        let group_id = pending.request.client_group;
        if pending.epoch != self.epoch || self.locks.get(&group_id) != Some(&pending.txn) {
            return Err(Problem::Unavailable);
        }
        self.locks.remove(&group_id);
        let mut changes = Vec::new();
        let mut outcomes = Vec::new();
        let mut fresh_index = 0;
        for mutation in &pending.request.mutations {
            let outcome = if mutation.seq <= pending.baseline {
                self.repeated(&group_id, mutation)
            } else {
                let position = pending.reservation.position(fresh_index);
                fresh_index += 1;
                let outcome = self.first_time(&pending.principal, mutation, position, &mut changes);
                self.record(group_id, pending.baseline, mutation, &outcome, position);
                outcome
            };
            outcomes.push(MutationOutcome { seq: mutation.seq, id: mutation.id, outcome });
        }
        self.log.commit(pending.reservation, changes);
        let last_applied_seq =
            self.groups.get(&group_id).map_or(pending.baseline, |g| g.last_applied);
        Ok(PushResponse { outcomes, last_applied_seq })
    }

    /// Gives up a started push: its positions are released and its group unlocked.
    pub fn abort_push(&mut self, pending: PendingPush) {
        if pending.epoch == self.epoch
            && self.locks.get(&pending.request.client_group) == Some(&pending.txn)
        {
            self.locks.remove(&pending.request.client_group);
            self.log.release(pending.reservation);
        }
    }

    /// One page of changes after the client's cursor, in commit order.
    pub fn pull(&self, request: &PullRequest) -> PullResponse {
        let limit = request.limit.clamp(1, MAX_PULL_LIMIT) as usize;
        let horizon = self.log.horizon();
        let position = request.cursor.as_ref().map(|c| decode_cursor(c, self.epoch));
        let (after, reset) = match position {
            None => (0, false),
            Some(Some(p)) if p <= horizon => (p, false),
            Some(_) => (0, true),
        };
        let page = self.log.page(after, limit);
        PullResponse {
            last_applied_seq: self.last_applied_at(&request.client_group, page.end),
            cursor: encode_cursor(self.epoch, page.end),
            has_more: page.has_more,
            changes: page.changes,
            reset,
        }
    }

    fn check_against_history(&self, request: &PushRequest, baseline: u64) -> Result<(), Problem> {
        if let Some(first) = request.mutations.first() {
            if first.seq > baseline.saturating_add(1) {
                return Err(Problem::SeqGap {
                    expected_seq: baseline.saturating_add(1),
                    last_applied_seq: baseline,
                });
            }
        }
        let Some(group) = self.groups.get(&request.client_group) else {
            return Ok(());
        };
        let reused = request
            .mutations
            .iter()
            .find(|m| group.outcomes.get(&m.seq).is_some_and(|recorded| recorded.id != m.id));
        match reused {
            Some(m) => Err(Problem::SeqReused { seq: m.seq }),
            None => Ok(()),
        }
    }

    fn repeated(&self, group: &ClientGroupId, mutation: &Mutation) -> Outcome {
        let recorded = self.groups.get(group).and_then(|g| g.outcomes.get(&mutation.seq));
        match recorded.map(|r| &r.outcome) {
            Some(Outcome::Duplicate { original }) => {
                Outcome::Duplicate { original: original.clone() }
            }
            Some(first) => Outcome::Duplicate { original: as_first(first) },
            None => Outcome::Duplicate { original: self.first_outcomes.get(&mutation.id).cloned() },
        }
    }

    fn first_time(
        &mut self,
        principal: &Principal,
        mutation: &Mutation,
        position: u64,
        changes: &mut Vec<Change>,
    ) -> Outcome {
        if let Some(original) = self.first_outcomes.get(&mutation.id) {
            return Outcome::Duplicate { original: Some(original.clone()) };
        }
        let outcome = match Write::decode(mutation) {
            Ok(write) => self.apply(principal, &write, position, changes),
            Err(reason) => Outcome::Rejected { reason },
        };
        if let Some(first) = as_first(&outcome) {
            self.first_outcomes.insert(mutation.id, first);
        }
        outcome
    }

    fn apply(
        &mut self,
        principal: &Principal,
        write: &Write,
        position: u64,
        changes: &mut Vec<Change>,
    ) -> Outcome {
        if write.author_id() != principal.user_id {
            let reason = Rejection::new(
                Rejection::FORBIDDEN,
                "vous ne pouvez écrire qu'en votre nom / you may only write as yourself",
            );
            return Outcome::Rejected { reason };
        }
        if let Access::OfEntry(entry) = write.access() {
            let entry = Target {
                resource_type: ResourceType(TRANSMISSION.to_owned()),
                id: entry.to_string(),
            };
            if !self.resources.contains_key(&entry) {
                let reason = Rejection::new(
                    Rejection::UNKNOWN_ENTRY,
                    "la transmission à prendre en compte est introuvable / unknown entry",
                );
                return Outcome::Rejected { reason };
            }
        }
        self.store(write, position, changes)
    }

    /// Stores what core's rules say the write comes to (`Write::against`), under the next
    /// version of the resource.
    fn store(&mut self, write: &Write, position: u64, changes: &mut Vec<Change>) -> Outcome {
        let target = write.target();
        let current = self.resources.get(&target);
        match write.against(current.map(|c| &c.value)) {
            Verdict::AlreadyThere => Outcome::Duplicate { original: None },
            Verdict::IdTaken => Outcome::Rejected {
                reason: Rejection::new(
                    Rejection::TARGET_EXISTS,
                    "un autre enregistrement porte déjà cet identifiant / id already used",
                ),
            },
            Verdict::Conflict => {
                let current = current.cloned().unwrap_or(StoredResource {
                    version: Version(0),
                    value: Value::Null,
                });
                Outcome::Conflict { current: current.value, version: current.version }
            }
            Verdict::Store(value) => {
                let version = Version(current.map_or(0, |c| c.version.0) + 1);
                self.resources
                    .insert(target.clone(), StoredResource { version, value: value.clone() });
                changes.push(Change {
                    server_seq: position,
                    target,
                    version,
                    op: ChangeOp::Put { resource: value },
                });
                Outcome::Applied { version }
            }
        }
    }

    fn record(
        &mut self,
        group: ClientGroupId,
        baseline: u64,
        mutation: &Mutation,
        outcome: &Outcome,
        position: u64,
    ) {
        let group = self.groups.entry(group).or_insert_with(|| Group {
            baseline,
            last_applied: baseline,
            outcomes: BTreeMap::new(),
        });
        group.last_applied = mutation.seq;
        let recorded = Recorded { id: mutation.id, outcome: outcome.clone(), position };
        group.outcomes.insert(mutation.seq, recorded);
    }

    fn last_applied_at(&self, group: &ClientGroupId, position: u64) -> u64 {
        self.groups.get(group).map_or(0, |g| {
            let visible = g.outcomes.iter().rev().find(|(_, r)| r.position <= position);
            visible.map_or(g.baseline, |(seq, _)| *seq)
        })
    }
}

/// The outcome a mutation's first processing leaves for later duplicates.
pub fn as_first(outcome: &Outcome) -> Option<FirstOutcome> {
    match outcome.clone() {
        Outcome::Applied { version } => Some(FirstOutcome::Applied { version }),
        Outcome::Rejected { reason } => Some(FirstOutcome::Rejected { reason }),
        Outcome::Conflict { current, version } => Some(FirstOutcome::Conflict { current, version }),
        Outcome::Duplicate { original } => original,
    }
}

/// A push body checked as a whole before anything is applied: readable, this protocol, within
/// the limits, consecutive seqs. Any server implementation answers these problems first.
pub fn parse_push(body: &str) -> Result<PushRequest, Problem> {
    if body.len() > MAX_PUSH_BYTES {
        return Err(Problem::BatchTooLarge {
            max_mutations: MAX_MUTATIONS_PER_PUSH,
            max_bytes: MAX_PUSH_BYTES,
        });
    }
    let request: PushRequest =
        serde_json::from_str(body).map_err(|e| Problem::BadRequest { detail: e.to_string() })?;
    if request.protocol != PROTOCOL_VERSION {
        return Err(Problem::ProtocolUnsupported { supported: vec![PROTOCOL_VERSION] });
    }
    if request.mutations.len() > MAX_MUTATIONS_PER_PUSH {
        return Err(Problem::BatchTooLarge {
            max_mutations: MAX_MUTATIONS_PER_PUSH,
            max_bytes: MAX_PUSH_BYTES,
        });
    }
    let consecutive = request.mutations.windows(2).all(|w| w[0].seq.checked_add(1) == Some(w[1].seq));
    let starts_above_zero = request.mutations.first().is_none_or(|m| m.seq >= 1);
    if !consecutive || !starts_above_zero {
        return Err(Problem::BadRequest {
            detail: "seqs must be consecutive and start at 1 or more".into(),
        });
    }
    Ok(request)
}
