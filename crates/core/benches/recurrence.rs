//! How long a one-month window of a 3-year plan of 14 visits a week takes to expand.
//!
//! The plan is realistic: morning help Monday to Friday, evening help every day, two visits by
//! the nurse; the widgets expand such windows on every calendar view.

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion};
use relais_core::recurrence::{Occurrence, Schedule};
use std::collections::BTreeSet;
use std::hint::black_box;

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn line(start: NaiveDateTime, minutes: u16, rule: &str) -> Schedule {
    Schedule::new(start, minutes, rule.parse().unwrap(), BTreeSet::new()).unwrap()
}

/// 5 + 7 + 2 = 14 visits a week for three years from January 2025, each line ending as told.
fn plan(ends: [&str; 3]) -> Vec<Schedule> {
    let start = at(2025, 1, 6, 0).date();
    vec![
        line(
            start.and_hms_opt(8, 0, 0).unwrap(),
            60,
            &format!("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;{}", ends[0]),
        ),
        line(
            start.and_hms_opt(18, 0, 0).unwrap(),
            30,
            &format!("FREQ=DAILY;{}", ends[1]),
        ),
        line(
            start.and_hms_opt(11, 0, 0).unwrap(),
            30,
            &format!("FREQ=WEEKLY;BYDAY=TU,SA;{}", ends[2]),
        ),
    ]
}

fn expand(plan: &[Schedule], from: NaiveDateTime, to: NaiveDateTime) -> Vec<Occurrence> {
    plan.iter()
        .flat_map(|line| line.occurrences(from, to))
        .collect()
}

fn bench(c: &mut Criterion) {
    let (from, to) = (at(2027, 6, 1, 0), at(2027, 7, 1, 0));
    let until = plan(["UNTIL=20271231T235959"; 3]);
    // June 2027: 22 weekdays, 30 evenings, 5 Tuesdays and 4 Saturdays.
    assert_eq!(expand(&until, from, to).len(), 22 + 30 + 9);
    c.bench_function("3-year plan, 14/week, one month (UNTIL)", |b| {
        b.iter(|| expand(black_box(&until), black_box(from), black_box(to)))
    });
    let counted = plan(["COUNT=780", "COUNT=1092", "COUNT=312"]);
    assert_eq!(expand(&counted, from, to), expand(&until, from, to));
    c.bench_function("3-year plan, 14/week, one month (COUNT)", |b| {
        b.iter(|| expand(black_box(&counted), black_box(from), black_box(to)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
