//! The faults injected between steps: tab crashes and restarts, connectivity changes, token
//! expiry, store failures and a server restored from an older backup.

use super::World;
use crate::sync::commit_log::Epoch;
use crate::sync::events::{Input, TransportError};
use crate::sync::server::Server;

impl World {
    pub(super) fn fault(&mut self) -> bool {
        let hit = self.faults_on && self.rng.chance(self.config.fault_per_mille);
        self.faults += usize::from(hit);
        hit
    }

    pub(super) fn inject_fault(&mut self) {
        if !self.faults_on {
            return;
        }
        self.faults += 1;
        let device = self.rng.below(self.devices.len());
        match self.rng.below(12) {
            0..=3 => {
                let tab = self.rng.below(self.devices[device].tabs.len());
                self.devices[device].tabs[tab].crash();
                self.coverage.tab_crashes += 1;
            }
            4..=6 => {
                let tab = self.rng.below(self.devices[device].tabs.len());
                if !self.devices[device].tabs[tab].alive {
                    self.restart_tab(device, tab);
                }
            }
            7 | 8 => {
                let online = !self.devices[device].online;
                self.set_online(device, online);
            }
            9 => self.valid_token += 1,
            10 => self.devices[device].fail_next_store = true,
            _ if self.rng.chance(250) => self.restore_backup(),
            _ => self.devices[device].fail_next_store = true,
        }
    }

    pub(super) fn restart_tab(&mut self, device: usize, tab: usize) {
        let state = &mut self.devices[device].tabs[tab];
        state.alive = true;
        state.token = self.valid_token;
    }

    pub(super) fn set_online(&mut self, device: usize, online: bool) {
        self.devices[device].online = online;
        self.to_leader(device, if online { Input::Online } else { Input::Offline });
    }

    /// The server comes back from an older backup under a new epoch.
    fn restore_backup(&mut self) {
        if self.backups.is_empty() {
            return;
        }
        let backup = self.backups[self.rng.below(self.backups.len())].clone();
        self.server = Server::restored(&backup, Epoch(self.next_epoch));
        self.next_epoch += 1;
        self.restores += 1;
        for open in std::mem::take(&mut self.commits) {
            self.reply(open.from, Err(TransportError("restarted".into())));
        }
    }

    pub(super) fn take_backup(&mut self) {
        self.backups.push(self.server.clone());
        if self.backups.len() > 3 {
            self.backups.remove(0);
        }
    }
}
