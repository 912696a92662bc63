//! What the plan timeline computes on each view of the 6,500-visit fixture (3 years, 42 visits
//! a week over six lines, as demo/plan-fixture.js): a week's lanes and linear list, a month's
//! lanes, and the whole plan counted per month. Only the window is expanded.

use chrono::{NaiveDate, NaiveTime};
use criterion::{criterion_group, criterion_main, Criterion};
use relais_core::plan::{
    agenda, lanes, month_counts, Cents, LineStatus, Payer, PayerKind, Plan, PlanDraft, PlanStatus, PlanType, Price,
    RecurrenceChoice, ServiceLine, ServiceLineDraft, ServiceType, Span,
};
use relais_core::{EntryId, SubjectId};
use std::hint::black_box;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fixture() -> Plan {
    let services = ServiceType::french_defaults();
    let lines = [(8, 60, 0, "Amapa"), (12, 45, 0, "Amapa"), (19, 45, 0, "Amapa"), (7, 30, 1, "SSIAD"), (18, 30, 1, "SSIAD"), (11, 10, 2, "Repas")]
        .into_iter()
        .enumerate()
        .map(|(n, (hour, minutes, service, provider))| {
            ServiceLine::new(ServiceLineDraft {
                id: EntryId::v7(1_000 + n as u64, [n as u8; 10]),
                service: services[service].clone(),
                provider: provider.into(),
                schedule: RecurrenceChoice::EveryDay
                    .schedule(day(2025, 1, 6), NaiveTime::from_hms_opt(hour, 0, 0).unwrap(), minutes, None)
                    .unwrap(),
                period_start: day(2025, 1, 6),
                period_end: Some(day(2027, 12, 31)),
                payer: Payer::default_of(PayerKind::Apa),
                price: Price::Hour(Cents(2_450)),
                status: LineStatus::Active,
            })
            .unwrap()
        })
        .collect();
    Plan::new(PlanDraft {
        id: EntryId::v7(1, [0; 10]),
        subject: SubjectId::new("bench").unwrap(),
        plan_type: PlanType::default_of("plan-aide-apa").unwrap(),
        title: "Fixture".into(),
        status: PlanStatus::Active,
        period_start: day(2025, 1, 6),
        period_end: Some(day(2027, 12, 31)),
        gir: None,
        lines,
        goals: vec![],
        reviews: vec![],
        hospital_episodes: vec![],
    })
    .unwrap()
}

fn views(c: &mut Criterion) {
    let plan = fixture();
    let anchor = day(2026, 6, 17);
    let week = Span::Week.window(&plan, anchor);
    let month = Span::Month.window(&plan, anchor);
    let whole = Span::Whole.window(&plan, anchor);
    c.bench_function("timeline week: lanes and linear list", |b| {
        b.iter(|| (black_box(lanes(&plan, week, week.from)).len(), black_box(agenda(relais_core::lang::Lang::Fr, &plan, week)).len()))
    });
    c.bench_function("timeline month: lanes", |b| b.iter(|| black_box(lanes(&plan, month, month.from)).len()));
    c.bench_function("timeline whole plan: visits per month per line", |b| {
        b.iter(|| plan.lines().iter().map(|l| black_box(month_counts(&plan, l.id(), whole)).len()).sum::<usize>())
    });
}

criterion_group!(benches, views);
criterion_main!(benches);
