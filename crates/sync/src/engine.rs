//! The engine: carries out what core's `Client` asks, feeds it what happens, and tells the
//! widget about status and store changes.
//!
//! Every tab runs an engine; only the Web Lock holder runs the state machine. The others keep
//! their status from the store (pending writes, last sync, refusals) and wake the leader when
//! they write. All callbacks hold the engine weakly, so a stopped engine is freed.

use crate::browser::{self, Listener, Timer};
use crate::config::SyncConfig;
use crate::leader::{self, Leadership};
use crate::notices::{Notice, Notices};
use crate::{http, token};
use relais_core::sync::client::Client;
use relais_core::sync::events::{ClientConfig, Commit, Effect, Input, Outgoing, RequestId, StoreError};
use relais_core::sync::status::{Activity, Instant, RejectedMutation, SyncStatus};
use relais_core::sync::wire::{ClientGroupId, Mutation, MAX_PULL_LIMIT};
use relais_store::{SyncRecord, SCHEMA_VERSION};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen_futures::spawn_local;

/// A running engine; [`SyncEngine::stop`] or dropping it ends it.
pub struct SyncEngine {
    inner: Rc<Inner>,
}

struct Inner {
    config: SyncConfig,
    /// Present while this tab leads.
    client: RefCell<Option<Client>>,
    timer: RefCell<Timer>,
    notices: RefCell<Option<Notices>>,
    listeners: RefCell<Vec<Listener>>,
    leadership: RefCell<Option<Leadership>>,
    retry_on_token: RefCell<Option<Rc<dyn Fn()>>>,
    /// Refusals the store keeps from earlier sessions.
    stored_rejected: RefCell<Vec<RejectedMutation>>,
    /// The confirmed seq the store holds, to tell a page that changes nothing shown.
    stored_confirmed: Cell<Option<u64>>,
    last_status: RefCell<Option<SyncStatus>>,
    stopped: Cell<bool>,
}

impl SyncEngine {
    /// Starts syncing `config.store` with `config.endpoint`, as leader as soon as this tab can.
    pub fn start(config: SyncConfig) -> Self {
        let group_name = config.group_name();
        let inner = Rc::new(Inner {
            config,
            client: RefCell::new(None),
            timer: RefCell::new(Timer::default()),
            notices: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            leadership: RefCell::new(None),
            retry_on_token: RefCell::new(None),
            stored_rejected: RefCell::new(Vec::new()),
            stored_confirmed: Cell::new(None),
            last_status: RefCell::new(None),
            stopped: Cell::new(false),
        });
        let weak = Rc::downgrade(&inner);
        *inner.notices.borrow_mut() = Some(Notices::open(&group_name, with(&weak, Inner::on_notice)));
        *inner.listeners.borrow_mut() = listeners(&weak);
        let on_token = with(&weak, |inner, ()| inner.feed(Input::TokenRefreshed));
        let retry: Rc<dyn Fn()> = Rc::new(move || on_token(()));
        token::on_configured(&retry);
        *inner.retry_on_token.borrow_mut() = Some(retry);
        let lead = weak.clone();
        *inner.leadership.borrow_mut() = Some(leader::request(&group_name, move || {
            if let Some(inner) = lead.upgrade() {
                spawn_local(inner.lead());
            }
        }));
        spawn_local(Rc::clone(&inner).refresh_follower());
        Self { inner }
    }

    /// Call after each local write: the leader pushes it, other tabs show it.
    pub fn notify_local_write(&self) {
        self.inner.send_notice(Notice::Wrote);
        self.inner.on_local_change();
    }

    /// Stops timers, listeners and requests' effects, and hands leadership to another tab.
    pub fn stop(&self) {
        let inner = &self.inner;
        if inner.stopped.replace(true) {
            return;
        }
        inner.timer.borrow_mut().clear();
        inner.listeners.borrow_mut().clear();
        inner.retry_on_token.borrow_mut().take();
        if let Some(notices) = inner.notices.borrow_mut().take() {
            notices.close();
        }
        if let Some(leadership) = inner.leadership.borrow_mut().take() {
            leadership.release();
        }
        inner.client.borrow_mut().take();
    }
}

/// A widget that goes away drops its engine: nothing keeps syncing (or holding the lock) for
/// a view that no longer exists.
impl Drop for SyncEngine {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A callback that reaches the engine while it lives and does nothing afterwards.
fn with<A>(weak: &Weak<Inner>, act: impl Fn(&Rc<Inner>, A) + 'static) -> impl Fn(A) + 'static {
    let weak = weak.clone();
    move |argument| {
        if let Some(inner) = weak.upgrade().filter(|i| !i.stopped.get()) {
            act(&inner, argument);
        }
    }
}

fn listeners(weak: &Weak<Inner>) -> Vec<Listener> {
    let online = with(weak, |inner, ()| inner.on_connectivity(Input::Online));
    let offline = with(weak, |inner, ()| inner.on_connectivity(Input::Offline));
    let visible = with(weak, |inner, ()| {
        if browser::is_visible() {
            inner.feed(Input::Visible);
        }
    });
    [
        Listener::on_window("online", move || online(())),
        Listener::on_window("offline", move || offline(())),
        Listener::on_document("visibilitychange", move || visible(())),
    ]
    .into_iter()
    .flatten()
    .collect()
}

impl Inner {
    fn is_leader(&self) -> bool {
        self.client.borrow().is_some()
    }

    fn on_notice(self: &Rc<Self>, notice: Notice) {
        match notice {
            Notice::Wrote => self.on_local_change(),
            Notice::StoreChanged => {
                (self.config.listener.on_store_changed)();
                self.on_local_change();
            }
        }
    }

    /// The outbox grew (here or in another tab): the leader learns the new entries, every other
    /// tab re-reads its status.
    fn on_local_change(self: &Rc<Self>) {
        if self.is_leader() {
            let inner = Rc::clone(self);
            spawn_local(async move {
                if let Ok(outbox) = inner.config.store.sync_outbox().await {
                    inner.feed(Input::Enqueued(outbox));
                }
            });
        } else {
            spawn_local(Rc::clone(self).refresh_follower());
        }
    }

    fn on_connectivity(self: &Rc<Self>, input: Input) {
        if self.is_leader() {
            self.feed(input);
        } else {
            spawn_local(Rc::clone(self).refresh_follower());
        }
    }

    /// Runs once this tab holds the lock: the state machine starts from what the store holds.
    async fn lead(self: Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        let store = &self.config.store;
        let (record, outbox) = match (store.sync_record().await, store.sync_outbox().await) {
            (Ok(record), Ok(outbox)) => (record, outbox),
            _ => return,
        };
        if self.stopped.get() {
            return;
        }
        let env = browser::env();
        let persisted = SyncRecord::persisted(record.as_ref(), ClientGroupId::from_random_bytes(env.random));
        self.stored_confirmed.set(record.as_ref().map(|r| r.confirmed_seq));
        *self.stored_rejected.borrow_mut() = record.map(|r| r.rejected).unwrap_or_default();
        let config = ClientConfig {
            schema: SCHEMA_VERSION,
            // A first pull of a busy book is thousands of entries: five times fewer pages,
            // each one transaction and one re-read by the widget (10,000 entries measured by
            // scripts/bench: 55 pages in 11.4 s before, 14 pages in 5.2 s now).
            pull_limit: MAX_PULL_LIMIT,
            ..ClientConfig::default()
        };
        *self.client.borrow_mut() = Some(Client::new(config, persisted, outbox, &env));
        if !browser::is_online() {
            self.feed(Input::Offline);
        }
        self.run_effects();
    }

    fn feed(self: &Rc<Self>, input: Input) {
        if self.stopped.get() {
            return;
        }
        if let Some(client) = self.client.borrow_mut().as_mut() {
            client.handle(&browser::env(), input);
        }
        self.run_effects();
    }

    fn run_effects(self: &Rc<Self>) {
        loop {
            let effect = self.client.borrow_mut().as_mut().and_then(Client::poll);
            let Some(effect) = effect else { break };
            self.carry_out(effect);
        }
        if let Some(status) = self.client.borrow().as_ref().map(Client::status) {
            self.publish(status);
        }
    }

    fn carry_out(self: &Rc<Self>, effect: Effect) {
        match effect {
            Effect::Send { request, body } => spawn_local(Rc::clone(self).send(request, body)),
            Effect::Persist(commit) => spawn_local(Rc::clone(self).persist(commit)),
            Effect::LoadOutbox => spawn_local(Rc::clone(self).load_outbox()),
            Effect::SetTimer(at) => self.arm_timer(at),
            Effect::RefreshToken => spawn_local(Rc::clone(self).refresh_token()),
        }
    }

    async fn send(self: Rc<Self>, request: RequestId, body: Outgoing) {
        let reply = http::send(self.config.base_url(), &body).await;
        self.feed(Input::Replied { request, reply });
    }

    async fn persist(self: Rc<Self>, commit: Commit) {
        let result = self.config.store.commit(&commit).await;
        // An idle poll (every 15 s) changes nothing shown: widgets and other tabs are not
        // asked to re-read the store for it.
        let shown = commit.changes_what_is_shown(self.stored_confirmed.get());
        if result.is_ok() && !self.stopped.get() {
            self.stored_confirmed.set(Some(commit.confirmed_seq));
            merge(&mut self.stored_rejected.borrow_mut(), &commit.rejected);
            if shown {
                self.send_notice(Notice::StoreChanged);
                (self.config.listener.on_store_changed)();
            }
        }
        self.feed(Input::Persisted(result.map_err(|e| StoreError(e.to_string()))));
    }

    /// A failed read answers with nothing: the machine asks again on its next poll.
    async fn load_outbox(self: Rc<Self>) {
        let outbox = self.config.store.sync_outbox().await.unwrap_or_default();
        self.feed(Input::OutboxLoaded(outbox));
    }

    async fn refresh_token(self: Rc<Self>) {
        let input = if token::refresh().await {
            Input::TokenRefreshed
        } else {
            Input::TokenUnavailable
        };
        self.feed(input);
    }

    /// The tick is fed from a task, not from the timer's own callback, which arming the next
    /// timer would otherwise free while it runs.
    fn arm_timer(self: &Rc<Self>, at: Instant) {
        let weak = Rc::downgrade(self);
        let fire = move || {
            let weak = weak.clone();
            spawn_local(async move {
                if let Some(inner) = weak.upgrade() {
                    inner.feed(Input::Tick);
                }
            });
        };
        self.timer.borrow_mut().arm(at, browser::env().now, fire);
    }

    fn send_notice(&self, notice: Notice) {
        if let Some(notices) = self.notices.borrow().as_ref() {
            notices.send(notice);
        }
    }

    /// What a tab that does not lead can tell from the store alone.
    async fn refresh_follower(self: Rc<Self>) {
        let store = &self.config.store;
        let (Ok(record), Ok(outbox)) = (store.sync_record().await, store.pending_mutations().await) else {
            return;
        };
        if self.is_leader() || self.stopped.get() {
            return;
        }
        let record = record.as_ref();
        let status = SyncStatus {
            online: browser::is_online(),
            activity: Activity::Idle,
            pending: outbox.len(),
            oldest_unsent_at: outbox.iter().map(|m: &Mutation| m.device_time).min(),
            last_sync: record.and_then(|r| r.last_sync),
            problems: Vec::new(),
            rejected: record.map(|r| r.rejected.clone()).unwrap_or_default(),
        };
        self.publish(status);
    }

    /// Tells the widget, with refusals of earlier sessions included, only when something changed.
    fn publish(&self, mut status: SyncStatus) {
        let session = std::mem::take(&mut status.rejected);
        status.rejected = self.stored_rejected.borrow().clone();
        merge(&mut status.rejected, &session);
        if self.stopped.get() || self.last_status.borrow().as_ref() == Some(&status) {
            return;
        }
        *self.last_status.borrow_mut() = Some(status.clone());
        (self.config.listener.on_status)(status);
    }
}

fn merge(into: &mut Vec<RejectedMutation>, more: &[RejectedMutation]) {
    for refusal in more {
        if !into.iter().any(|r| r.id == refusal.id) {
            into.push(refusal.clone());
        }
    }
}
