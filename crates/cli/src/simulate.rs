//! `relais simulate`: the sync protocol's fault-injection simulation on any number of seeds.

use crate::Failure;
use relais_core::sync::simulation::{simulate, SimulationConfig, Summary};

/// Runs `seeds` seeds from `first`, or the one `seed` to replay, and fails on any failing seed.
/// The violations of the first five failing seeds go to stderr.
pub fn run(seeds: u64, first: u64, seed: Option<u64>) -> Result<(), Failure> {
    let config = SimulationConfig::default();
    let range = match seed {
        Some(seed) => seed..seed + 1,
        None => first..first.saturating_add(seeds),
    };
    let mut summary = Summary::default();
    for seed in range {
        let report = simulate(seed, &config);
        if !report.violations.is_empty() && summary.failing.len() < 5 {
            for violation in &report.violations {
                eprintln!("seed {seed}: {violation}");
            }
        }
        summary.add(&report);
    }
    println!("{summary}");
    println!(
        "rejected and listed for the user: {}, plan edits in conflict and listed: {}",
        summary.rejected, summary.conflicts
    );
    if summary.failing.is_empty() {
        Ok(())
    } else {
        Err(Failure(format!("échec de {} graine(s), rejouables avec --seed / failing seeds, replay with --seed", summary.failing.len())))
    }
}
