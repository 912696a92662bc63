//! Runs the fault-injection simulation over 1,000 seeds (design §3). A failing seed is listed
//! and replays exactly with `simulate(seed, &SimulationConfig::default())`.

use relais_core::sync::simulation::{simulate, SimulationConfig, Summary};
use std::time::Instant;

const SEEDS_PER_TEST: u64 = 250;

fn assert_all_clean(first: u64) {
    let started = Instant::now();
    let config = SimulationConfig::default();
    let mut summary = Summary::default();
    for seed in first..first + SEEDS_PER_TEST {
        summary.add(&simulate(seed, &config));
    }
    println!(
        "seeds {first}..: {summary}; rejected and listed: {}, conflicts listed: {}; {:?}",
        summary.rejected,
        summary.conflicts,
        started.elapsed()
    );
    assert!(summary.failing.is_empty(), "{summary}");
}

// Four tests of 250 seeds, so the harness spreads the 1,000 seeds over both cores.
#[test]
fn seeds_0_to_250_lose_and_duplicate_nothing() {
    assert_all_clean(0);
}

#[test]
fn seeds_250_to_500_lose_and_duplicate_nothing() {
    assert_all_clean(250);
}

#[test]
fn seeds_500_to_750_lose_and_duplicate_nothing() {
    assert_all_clean(500);
}

#[test]
fn seeds_750_to_1000_lose_and_duplicate_nothing() {
    assert_all_clean(750);
}

#[test]
fn a_seed_replays_exactly() {
    let config = SimulationConfig::default();
    assert_eq!(simulate(42, &config), simulate(42, &config));
}

#[test]
fn the_faults_reach_every_recovery_path() {
    let config = SimulationConfig::default();
    let reports: Vec<_> = (0..100).map(|seed| simulate(seed, &config)).collect();
    let total = |f: fn(&relais_core::sync::simulation::SimulationReport) -> usize| {
        reports.iter().map(f).sum::<usize>()
    };
    let coverage = [
        ("out-of-order commits", total(|r| r.coverage.out_of_order_commits)),
        ("resets", total(|r| r.coverage.resets)),
        ("seq gaps", total(|r| r.coverage.seq_gaps)),
        ("401s", total(|r| r.coverage.unauthorized)),
        ("tab crashes", total(|r| r.coverage.tab_crashes)),
        ("restores", total(|r| r.restores)),
        ("rejections", total(|r| r.rejected)),
        ("plan edit conflicts", total(|r| r.conflicts)),
    ];
    println!("{coverage:?}");
    for (path, count) in coverage {
        assert!(count > 0, "no run went through {path}");
    }
}
