//! What must hold once the system is quiet: every write on the server exactly once or visibly
//! refused, every conflict listed for its user, every outbox empty, every device holding
//! exactly the server's data.

use super::{SimulationReport, World};
use crate::sync::wire::{ChangeOp, FirstOutcome};
use std::collections::BTreeMap;

pub(super) fn check(world: &World) -> SimulationReport {
    let mut report =
        SimulationReport { writes: world.written.len(), ..SimulationReport::default() };
    count_duplicates(world, &mut report);
    account_for_writes(world, &mut report);
    compare_devices(world, &mut report);
    report
}

fn count_duplicates(world: &World, report: &mut SimulationReport) {
    let mut puts = BTreeMap::new();
    for change in world.server.changes() {
        if matches!(change.op, ChangeOp::Put { .. }) {
            *puts.entry((&change.target, change.version)).or_insert(0usize) += 1;
        }
    }
    report.duplicated = puts.values().filter(|&&count| count > 1).count();
}

fn account_for_writes(world: &World, report: &mut SimulationReport) {
    for written in &world.written {
        let store = &world.devices[written.device].store;
        let on_server = world.server.resources().contains_key(&written.target);
        let listed = store.rejected.iter().find(|r| r.id == written.id);
        let refused = listed.is_some_and(|r| !r.reason.is_conflict());
        if refused {
            report.rejected += 1;
        }
        let in_conflict =
            matches!(world.server.first_outcome(&written.id), Some(FirstOutcome::Conflict { .. }));
        if in_conflict {
            report.conflicts += 1;
            if !listed.is_some_and(|r| r.reason.is_conflict()) {
                report.violations.push(format!("conflict of {} not surfaced", written.id));
            }
        }
        if written.expect_rejection && !refused {
            report
                .violations
                .push(format!("mutation {} should have been refused and listed", written.id));
        } else if refused && !written.expect_rejection && world.restores == 0 {
            report.violations.push(format!("valid mutation {} was refused", written.id));
        } else if !on_server && !refused {
            report.lost += 1;
            report
                .violations
                .push(format!("mutation {} on device {} lost", written.id, written.device));
        }
    }
}

fn compare_devices(world: &World, report: &mut SimulationReport) {
    let server: BTreeMap<_, _> = world
        .server
        .resources()
        .iter()
        .map(|(target, stored)| (target.clone(), (stored.version, stored.value.clone())))
        .collect();
    for (index, device) in world.devices.iter().enumerate() {
        let unsent = device.store.unsent().count();
        if device.store.records != server || unsent != 0 {
            report.diverged += 1;
            report.violations.push(format!(
                "device {index} diverged: {} records vs {} on the server, {} unsent",
                device.store.records.len(),
                server.len(),
                unsent
            ));
        }
    }
}
