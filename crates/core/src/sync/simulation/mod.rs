//! A deterministic simulation of many devices and tabs syncing through a faulty network with a
//! faulty server, checking that nothing is lost, duplicated or left diverged (design §3).
//!
//! Everything — which tab writes, which packet arrives next, which server transaction commits
//! first, every fault — is drawn from one SplitMix64 seeded by the caller, so a failing seed is
//! replayed exactly by calling [`simulate`] with it again. Each run has a faulty phase, then a
//! quiet phase (no new faults, everyone online) that must bring every device to the server's
//! state with an empty outbox; `check` then compares what was written with what survived.

mod check;
mod device;
mod faults;
mod network;
mod writes;

use self::device::{Device, Store, Tab};
use crate::seeded::SplitMix64;
use super::client::Client;
use super::commit_log::Epoch;
use super::events::{
    ClientConfig, Effect, Env, HttpReply, Input, Outgoing, RequestId, StoreError, TransportError,
};
use super::server::{PendingPush, Server};
use super::status::Instant;
use super::wire::{ClientGroupId, Mutation, MutationId, Target};
use crate::{Author, EntryId, Role, Timestamp};
use std::time::Duration;

/// 23 Nov 2026, the simulated wall clock's origin.
const WALL_ORIGIN_MS: i64 = 1_795_417_860_000;
const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimulationConfig {
    pub devices: usize,
    pub tabs_per_device: usize,
    pub writes: usize,
    /// Steps of the faulty phase.
    pub steps: usize,
    /// Probability of each kind of fault at each opportunity, in thousandths.
    pub fault_per_mille: u64,
}

impl Default for SimulationConfig {
    fn default() -> Self {
        Self { devices: 3, tabs_per_device: 3, writes: 24, steps: 400, fault_per_mille: 60 }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimulationReport {
    pub seed: u64,
    pub writes: usize,
    /// Writes the server refused and the device lists for its user.
    pub rejected: usize,
    /// Plan edits in conflict with another's edit of the same field, listed for their user.
    pub conflicts: usize,
    /// Writes neither on the server nor listed as refused, including writes confirmed before
    /// a restore from an older backup: clients keep and re-push those, so none may be missing.
    pub lost: usize,
    /// Resources committed more than once.
    pub duplicated: usize,
    /// Devices whose confirmed data differs from the server's, or whose outbox is not empty.
    pub diverged: usize,
    pub restores: usize,
    pub faults: usize,
    /// How often the interesting paths ran, to show the faults reached them.
    pub coverage: Coverage,
    /// Whether the quiet phase settled within its budget.
    pub quiesced: bool,
    pub violations: Vec<String>,
}

impl SimulationReport {
    pub fn is_clean(&self) -> bool {
        self.lost == 0
            && self.duplicated == 0
            && self.diverged == 0
            && self.quiesced
            && self.violations.is_empty()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Server transactions committed while an older one was still open.
    pub out_of_order_commits: usize,
    pub resets: usize,
    pub seq_gaps: usize,
    pub unauthorized: usize,
    pub tab_crashes: usize,
}

/// The totals over many seeds, as `relais simulate --seeds N` prints them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub seeds: usize,
    pub lost: usize,
    pub duplicated: usize,
    pub diverged: usize,
    pub rejected: usize,
    pub conflicts: usize,
    /// Seeds to replay with [`simulate`].
    pub failing: Vec<u64>,
}

impl Summary {
    pub fn add(&mut self, report: &SimulationReport) {
        self.seeds += 1;
        self.lost += report.lost;
        self.duplicated += report.duplicated;
        self.diverged += report.diverged;
        self.rejected += report.rejected;
        self.conflicts += report.conflicts;
        if !report.is_clean() {
            self.failing.push(report.seed);
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "seeds: {}, lost: {}, duplicated: {}, diverged: {}",
            self.seeds, self.lost, self.duplicated, self.diverged
        )?;
        if !self.failing.is_empty() {
            write!(f, ", failing seeds: {:?}", self.failing)?;
        }
        Ok(())
    }
}

/// Runs one seed and reports what survived.
pub fn simulate(seed: u64, config: &SimulationConfig) -> SimulationReport {
    let mut world = World::new(seed, config.clone());
    world.run_faulty_phase();
    let quiesced = world.quiesce();
    let mut report = check::check(&world);
    report.seed = seed;
    report.quiesced = quiesced;
    report.restores = world.restores;
    report.faults = world.faults;
    report.coverage = world.coverage;
    report
}

/// Where a reply goes: one request of one incarnation of one tab.
#[derive(Debug, Clone, Copy)]
struct Address {
    device: usize,
    tab: usize,
    life: u64,
    request: RequestId,
}

#[derive(Debug, Clone)]
enum Packet {
    Request { to_server_from: Address, token: u64, body: Outgoing, body_json: String },
    Reply { to: Address, reply: Result<HttpReply, TransportError> },
    Notice { device: usize, mutation: Mutation },
}

#[derive(Debug)]
struct OpenCommit {
    from: Address,
    pending: PendingPush,
}

/// Who wrote what, to compare with what survived.
#[derive(Debug, Clone)]
struct Written {
    device: usize,
    id: MutationId,
    target: Target,
    /// The entry a valid transmission creates, so later writes can acknowledge it.
    entry: Option<EntryId>,
    /// Built to be refused (written as someone else, or acknowledging an unknown entry).
    expect_rejection: bool,
}

struct World {
    rng: SplitMix64,
    config: SimulationConfig,
    client_config: ClientConfig,
    now: u64,
    faults_on: bool,
    server: Server,
    backups: Vec<Server>,
    next_epoch: u64,
    valid_token: u64,
    devices: Vec<Device>,
    packets: Vec<Packet>,
    commits: Vec<OpenCommit>,
    written: Vec<Written>,
    restores: usize,
    faults: usize,
    coverage: Coverage,
}

impl World {
    fn new(seed: u64, config: SimulationConfig) -> Self {
        let mut rng = SplitMix64::new(seed);
        let devices = (0..config.devices)
            .map(|index| new_device(&mut rng, index, config.tabs_per_device))
            .collect();
        let client_config = ClientConfig {
            max_batch: 4,
            pull_limit: 5,
            poll_interval: Duration::from_secs(60),
            request_timeout: Duration::from_secs(30),
            confirm_delay: Duration::from_secs(1),
            ..ClientConfig::default()
        };
        Self {
            rng,
            config,
            client_config,
            now: 0,
            faults_on: true,
            server: Server::new(Epoch(1)),
            backups: Vec::new(),
            next_epoch: 2,
            valid_token: 1,
            devices,
            packets: Vec::new(),
            commits: Vec::new(),
            written: Vec::new(),
            restores: 0,
            faults: 0,
            coverage: Coverage::default(),
        }
    }

    fn run_faulty_phase(&mut self) {
        for step in 0..self.config.steps {
            self.now += self.rng.below(700) as u64;
            if step % 40 == 0 {
                self.take_backup();
            }
            self.elect_leaders();
            match self.rng.below(10) {
                0 | 1 => self.write(),
                2..=4 => self.deliver_any(),
                5 => self.commit_any(),
                6 => {
                    self.store_work_any();
                }
                7 => {
                    self.fire_earliest_timer(|_| true);
                }
                _ => self.inject_fault(),
            }
        }
    }

    /// No new faults; every device online with a live tab. Rounds of "everyone pulls" repeat
    /// until a round changes nothing on the server and every device is settled.
    fn quiesce(&mut self) -> bool {
        self.faults_on = false;
        for device in 0..self.devices.len() {
            self.devices[device].fail_next_store = false;
            if !self.devices[device].tabs.iter().any(|t| t.alive) {
                self.restart_tab(device, 0);
            }
            self.set_online(device, true);
        }
        for _ in 0..12 {
            let before = self.server.changes().count();
            self.elect_leaders();
            for device in 0..self.devices.len() {
                self.to_leader(device, Input::Visible);
            }
            if !self.run_until_quiet() {
                return false;
            }
            if self.server.changes().count() == before && self.all_settled() {
                return true;
            }
        }
        false
    }

    /// Delivers, commits and stores in order, then fires the timers of unsettled devices, until
    /// nothing is left to do; false if that takes longer than any sane run.
    fn run_until_quiet(&mut self) -> bool {
        for _ in 0..20_000 {
            self.elect_leaders();
            if !self.step_quietly() {
                return true;
            }
        }
        false
    }

    /// One unit of work in the quiet phase; false when there was none.
    fn step_quietly(&mut self) -> bool {
        if !self.packets.is_empty() {
            self.deliver(0);
            true
        } else if !self.commits.is_empty() {
            self.commit(0);
            true
        } else {
            self.store_work_any() || self.fire_earliest_timer(|device| !device_settled(device))
        }
    }

    fn all_settled(&self) -> bool {
        self.devices.iter().all(device_settled)
    }

    fn env(&mut self, device: usize) -> Env {
        let wall = WALL_ORIGIN_MS + self.now as i64 + self.devices[device].skew_ms;
        Env {
            now: Instant(self.now),
            wall: Timestamp::from_unix_ms(wall),
            random: self.rng.bytes(),
        }
    }

    fn elect_leaders(&mut self) {
        for device in 0..self.devices.len() {
            if self.devices[device].leader().is_some() {
                continue;
            }
            let Some(tab) = self.devices[device].tabs.iter().position(|t| t.alive) else {
                continue;
            };
            let env = self.env(device);
            let store = &self.devices[device].store;
            let outbox = store.outbox.values().cloned().collect();
            let client = Client::new(self.client_config.clone(), store.meta.clone(), outbox, &env);
            self.devices[device].tabs[tab].client = Some(client);
            if !self.devices[device].online {
                self.handle(device, tab, Input::Offline);
            }
            self.run_effects(device, tab);
        }
    }

    fn to_leader(&mut self, device: usize, input: Input) {
        if let Some(tab) = self.devices[device].leader() {
            self.handle(device, tab, input);
        }
    }

    fn handle(&mut self, device: usize, tab: usize, input: Input) {
        let env = self.env(device);
        if let Some(client) = self.devices[device].tabs[tab].client.as_mut() {
            client.handle(&env, input);
        }
        self.run_effects(device, tab);
    }

    fn run_effects(&mut self, device: usize, tab: usize) {
        while let Some(effect) =
            self.devices[device].tabs[tab].client.as_mut().and_then(Client::poll)
        {
            let life = self.devices[device].tabs[tab].life;
            let state = &mut self.devices[device].tabs[tab];
            match effect {
                Effect::Send { request, body } => {
                    self.send(Address { device, tab, life, request }, body)
                }
                Effect::Persist(commit) => state.persist = Some(commit),
                Effect::LoadOutbox => state.load = true,
                Effect::SetTimer(at) => state.timer = Some(at),
                Effect::RefreshToken => state.refresh = true,
            }
        }
    }

    /// Runs one pending store or token operation; false when there is none.
    fn store_work_any(&mut self) -> bool {
        let candidates: Vec<(usize, usize)> = (0..self.devices.len())
            .flat_map(|d| (0..self.devices[d].tabs.len()).map(move |t| (d, t)))
            .filter(|&(d, t)| self.devices[d].tabs[t].has_store_work())
            .collect();
        if candidates.is_empty() {
            return false;
        }
        let (device, tab) = candidates[self.rng.below(candidates.len())];
        self.do_store_work(device, tab);
        true
    }

    fn do_store_work(&mut self, device: usize, tab: usize) {
        let state = &mut self.devices[device].tabs[tab];
        if let Some(commit) = state.persist.take() {
            let dev = &mut self.devices[device];
            let result = if std::mem::take(&mut dev.fail_next_store) {
                Err(StoreError("QuotaExceededError".into()))
            } else {
                dev.store.apply(&commit);
                Ok(())
            };
            self.handle(device, tab, Input::Persisted(result));
        } else if std::mem::take(&mut state.load) {
            let outbox = self.devices[device].store.outbox.values().cloned().collect();
            self.handle(device, tab, Input::OutboxLoaded(outbox));
        } else if std::mem::take(&mut state.refresh) {
            state.token = self.valid_token;
            self.handle(device, tab, Input::TokenRefreshed);
        }
    }

    /// Advances the clock to the earliest timer of a leader on a device `eligible` accepts and
    /// ticks it; false when there is none.
    fn fire_earliest_timer(&mut self, eligible: impl Fn(&Device) -> bool) -> bool {
        let earliest = (0..self.devices.len())
            .filter(|&d| eligible(&self.devices[d]))
            .filter_map(|d| self.devices[d].leader().map(|t| (d, t)))
            .filter_map(|(d, t)| self.devices[d].tabs[t].timer.map(|at| (at, d, t)))
            .min();
        let Some((at, device, tab)) = earliest else { return false };
        self.now = self.now.max(at.0);
        self.devices[device].tabs[tab].timer = None;
        self.handle(device, tab, Input::Tick);
        true
    }
}

fn device_settled(device: &Device) -> bool {
    let leader_settled = device
        .leader()
        .is_some_and(|t| device.tabs[t].client.as_ref().is_some_and(Client::is_settled));
    leader_settled
        && device.store.unsent().next().is_none()
        && device.tabs.iter().all(|t| !t.has_store_work())
}

fn new_device(rng: &mut SplitMix64, index: usize, tabs: usize) -> Device {
    let skew_ms = rng.below(2 * DAY_MS as usize + 1) as i64 - DAY_MS;
    let mut tab_list = vec![Tab::default(); tabs.max(1)];
    for tab in &mut tab_list {
        tab.alive = true;
        tab.token = 1;
    }
    Device {
        user: author(&format!("user-{index}"), Role::AideADomicile),
        skew_ms,
        online: true,
        fail_next_store: false,
        store: Store::new(ClientGroupId::from_random_bytes(rng.bytes())),
        tabs: tab_list,
    }
}

fn author(id: &str, role: Role) -> Author {
    Author::new(id, id, role).expect("simulated authors have valid names")
}
