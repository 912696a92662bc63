//! The simulated network and server front: requests and replies that can be dropped,
//! duplicated or reordered, tokens that expire, and server transactions that commit in any
//! order, exactly the faults a real endpoint behind proxies shows.

use super::{Address, OpenCommit, Packet, World};
use crate::sync::events::{HttpReply, Input, Outgoing, TransportError};
use crate::sync::server::Principal;
use crate::sync::wire::Problem;
use std::time::Duration;

impl World {
    pub(super) fn send(&mut self, from: Address, body: Outgoing) {
        if !self.devices[from.device].online {
            let reply = Err(TransportError("offline".into()));
            self.packets.push(Packet::Reply { to: from, reply });
            return;
        }
        let token = self.devices[from.device].tabs[from.tab].token;
        let body_json = match &body {
            Outgoing::Push(push) => serde_json::to_string(push).unwrap_or_default(),
            Outgoing::Pull(_) => String::new(),
        };
        self.packets.push(Packet::Request { to_server_from: from, token, body, body_json });
    }

    pub(super) fn deliver_any(&mut self) {
        if !self.packets.is_empty() {
            let index = self.rng.below(self.packets.len());
            self.deliver(index);
        }
    }

    pub(super) fn deliver(&mut self, index: usize) {
        let packet = self.packets.remove(index);
        match packet {
            Packet::Notice { device, mutation } => {
                self.to_leader(device, Input::Enqueued(vec![mutation]))
            }
            Packet::Reply { to, reply } => {
                let state = &self.devices[to.device].tabs[to.tab];
                if state.alive && state.life == to.life {
                    self.handle(to.device, to.tab, Input::Replied { request: to.request, reply });
                }
            }
            Packet::Request { to_server_from, token, body, body_json } => {
                if self.fault() {
                    return;
                }
                if self.fault() {
                    let copy = Packet::Request {
                        to_server_from,
                        token,
                        body: body.clone(),
                        body_json: body_json.clone(),
                    };
                    self.packets.push(copy);
                }
                self.serve(to_server_from, token, &body, &body_json);
            }
        }
    }

    fn serve(&mut self, from: Address, token: u64, body: &Outgoing, json: &str) {
        let reply = if token < self.valid_token {
            self.coverage.unauthorized += 1;
            Ok(problem_reply(&Problem::Unauthorized, None))
        } else if self.fault() {
            Ok(problem_reply(&Problem::Unavailable, None))
        } else if self.fault() {
            let retry_after = Duration::from_secs(1 + self.rng.below(30) as u64);
            Ok(problem_reply(&Problem::RateLimited, Some(retry_after)))
        } else {
            match body {
                Outgoing::Pull(pull) => {
                    let page = self.server.pull(pull);
                    self.coverage.resets += usize::from(page.reset);
                    Ok(ok_reply(serde_json::to_string(&page).unwrap_or_default()))
                }
                Outgoing::Push(_) => {
                    let principal =
                        Principal { user_id: self.devices[from.device].user.id().to_owned() };
                    match self.server.begin_push(&principal, json) {
                        Ok(pending) => {
                            self.commits.push(OpenCommit { from, pending });
                            return;
                        }
                        Err(problem) => {
                            self.coverage.seq_gaps +=
                                usize::from(matches!(problem, Problem::SeqGap { .. }));
                            Ok(problem_reply(&problem, Some(Duration::from_secs(1))))
                        }
                    }
                }
            }
        };
        self.reply(from, reply);
    }

    /// Sends a reply back, unless the network drops it; sometimes it arrives twice.
    pub(super) fn reply(&mut self, to: Address, reply: Result<HttpReply, TransportError>) {
        if self.fault() {
            return;
        }
        if self.fault() {
            self.packets.push(Packet::Reply { to, reply: reply.clone() });
        }
        self.packets.push(Packet::Reply { to, reply });
    }

    pub(super) fn commit_any(&mut self) {
        if !self.commits.is_empty() {
            let index = self.rng.below(self.commits.len());
            self.commit(index);
        }
    }

    /// Commits one open server transaction, not necessarily the oldest: out of seq order. A
    /// fault here is a 503 from a proxy after the commit, so the client never sees the outcome.
    pub(super) fn commit(&mut self, index: usize) {
        self.coverage.out_of_order_commits += usize::from(index > 0);
        let open = self.commits.remove(index);
        let reply = match self.server.commit_push(open.pending) {
            Ok(_) if self.fault() => Ok(problem_reply(&Problem::Unavailable, None)),
            Ok(response) => Ok(ok_reply(serde_json::to_string(&response).unwrap_or_default())),
            Err(_) => Err(TransportError("connection reset".into())),
        };
        self.reply(open.from, reply);
    }
}

fn ok_reply(body: String) -> HttpReply {
    HttpReply { status: 200, retry_after: None, body }
}

fn problem_reply(problem: &Problem, retry_after: Option<Duration>) -> HttpReply {
    let body = serde_json::to_string(problem).unwrap_or_default();
    HttpReply { status: problem.status(), retry_after, body }
}
