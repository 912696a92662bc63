//! How long the GIR of all 59,049 AGGIR profiles takes, and one full explanation.
//!
//! The what-if list of every explanation recomputes up to 20 neighbours, so the plain GIR must
//! stay in the nanoseconds; this bench keeps an eye on it.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use relais_core::aggir::{Profile, PROFILE_COUNT};

fn gir_of_every_profile(c: &mut Criterion) {
    let profiles: Vec<Profile> = Profile::all().collect();
    assert_eq!(profiles.len(), PROFILE_COUNT);
    c.bench_function("gir/all-59049-profiles", |b| {
        b.iter(|| black_box(&profiles).iter().map(|p| u32::from(p.gir().number())).sum::<u32>())
    });
}

fn explain_one_profile(c: &mut Criterion) {
    let profile = Profile::parse("AAAAABBAAA").expect("a valid profile literal");
    c.bench_function("explain/one-profile", |b| b.iter(|| black_box(&profile).explain()));
}

criterion_group!(benches, gir_of_every_profile, explain_one_profile);
criterion_main!(benches);
