//! The plan computations on a realistic plan, with amounts worked out by hand.
//!
//! March 2025 starts on a Saturday: 5 Mondays, 4 Tuesdays to Fridays, 5 Saturdays and Sundays.

use super::*;
use crate::aggir::Gir;
use crate::id::EntryId;
use crate::recurrence::Schedule;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

fn service(code: &str) -> ServiceType {
    ServiceType::french_defaults()
        .into_iter()
        .find(|s| s.code == code)
        .unwrap()
}

fn draft(
    n: u8,
    code: &str,
    start: NaiveDateTime,
    minutes: u16,
    rule: &str,
    payer: Payer,
    price: Price,
) -> ServiceLineDraft {
    ServiceLineDraft {
        id: EntryId::v7(1_735_000_000_000 + u64::from(n), [n; 10]),
        service: service(code),
        provider: "Aide & Domicile 35".to_owned(),
        schedule: Schedule::new(start, minutes, rule.parse().unwrap(), BTreeSet::new()).unwrap(),
        period_start: day(2025, 1, 6),
        period_end: Some(day(2027, 12, 31)),
        payer,
        price,
        status: LineStatus::Active,
    }
}

fn line(draft: ServiceLineDraft) -> ServiceLine {
    ServiceLine::new(draft).unwrap()
}

fn assurance_maladie() -> Payer {
    Payer {
        code: "cpam".to_owned(),
        label_fr: "Assurance maladie".to_owned(),
        kind: PayerKind::Autre,
    }
}

/// 14 visits a week (5 mornings, 7 evenings, 2 nurse visits) plus meals and téléassistance.
fn plan() -> Vec<ServiceLine> {
    let apa = || Payer::default_of(PayerKind::Apa);
    let family = || Payer::default_of(PayerKind::Famille);
    let mut morning = draft(
        1,
        "aide-a-domicile",
        at(2025, 1, 6, 8, 0),
        60,
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        apa(),
        Price::Hour(Cents(2_450)),
    );
    morning.schedule = morning.schedule.excluding(at(2025, 3, 10, 8, 0));
    let mut day_care = draft(
        6,
        "accueil-de-jour",
        at(2025, 1, 9, 9, 0),
        480,
        "FREQ=WEEKLY;BYDAY=TH",
        apa(),
        Price::Visit(Cents(4_500)),
    );
    day_care.status = LineStatus::Suspended;
    let mut physio = draft(
        7,
        "kinesitherapie",
        at(2025, 1, 6, 10, 0),
        30,
        "FREQ=WEEKLY;BYDAY=MO",
        assurance_maladie(),
        Price::Visit(Cents(1_800)),
    );
    physio.status = LineStatus::Ended;
    vec![
        line(morning),
        line(draft(
            2,
            "aide-a-domicile",
            at(2025, 1, 6, 18, 0),
            30,
            "FREQ=DAILY",
            apa(),
            Price::Hour(Cents(2_450)),
        )),
        line(draft(
            3,
            "soins-infirmiers",
            at(2025, 1, 6, 11, 0),
            30,
            "FREQ=WEEKLY;BYDAY=TU,SA",
            assurance_maladie(),
            Price::Visit(Cents(1_500)),
        )),
        line(draft(
            4,
            "portage-de-repas",
            at(2025, 1, 6, 11, 30),
            15,
            "FREQ=DAILY",
            family(),
            Price::Visit(Cents(950)),
        )),
        line(draft(
            5,
            "teleassistance",
            at(2025, 1, 6, 0, 0),
            15,
            "FREQ=MONTHLY;BYMONTHDAY=1",
            family(),
            Price::Visit(Cents(2_500)),
        )),
        line(day_care),
        line(physio),
    ]
}

fn household(gir: Gir) -> Household {
    Household {
        gir,
        tax_credit_members: 0,
    }
}

#[test]
fn weekly_hours_per_line_and_in_total() {
    let week = week_hours(&plan(), day(2025, 3, 3));
    let minutes: Vec<i64> = week.per_line.iter().map(|&(_, m)| m).collect();
    assert_eq!(minutes, [300, 210, 60, 105, 0, 0, 0]);
    assert_eq!(week.total_minutes, 675);
    assert_eq!(hours_fr(week.total_minutes), "11 h 15");
    assert_eq!(hours_fr(45), "45 min");
    assert_eq!(hours_fr(180), "3 h");
}

#[test]
fn monthly_hours_and_cost_per_payer() {
    let costs = month_costs(&plan(), Month::new(2025, 3).unwrap());
    let by_code = |code: &str| {
        costs
            .per_payer
            .iter()
            .find(|p| p.payer.code == code)
            .unwrap()
            .totals
    };
    // 20 mornings (21 weekdays, one excluded) and 31 evenings at 24,50 €/h.
    assert_eq!(
        by_code("apa"),
        LineTotals {
            visits: 51,
            minutes: 20 * 60 + 31 * 30,
            cost: Cents(49_000 + 37_975)
        }
    );
    assert_eq!(
        by_code("cpam"),
        LineTotals {
            visits: 9,
            minutes: 270,
            cost: Cents(13_500)
        }
    );
    assert_eq!(
        by_code("famille"),
        LineTotals {
            visits: 32,
            minutes: 31 * 15 + 15,
            cost: Cents(29_450 + 2_500)
        }
    );
    assert_eq!(costs.per_payer.len(), 3);
    assert_eq!(costs.total.cost, Cents(86_975 + 13_500 + 31_950));
}

#[test]
fn apa_under_the_cap_leaves_the_family_its_own_lines() {
    let funding = month_funding(
        &plan(),
        Month::new(2025, 3).unwrap(),
        household(Gir::new(3).unwrap()),
        &FundingRules::french_defaults_2024(),
    );
    assert_eq!(
        funding.apa,
        ApaCheck {
            spent: Cents(86_975),
            cap: Some(Cents(114_309)),
            over_cap: Cents::ZERO
        }
    );
    assert_eq!(funding.family.paid, Cents(31_950));
    assert_eq!(funding.family.eligible, Cents(31_950));
    assert_eq!(funding.family.monthly_ceiling, Cents(100_000));
    assert_eq!(funding.family.tax_credit, Cents(15_975));
    assert_eq!(funding.family.remaining, Cents(15_975));
}

#[test]
fn apa_over_the_cap_falls_to_the_family_then_the_tax_credit() {
    let funding = month_funding(
        &plan(),
        Month::new(2025, 3).unwrap(),
        household(Gir::new(4).unwrap()),
        &FundingRules::french_defaults_2024(),
    );
    assert_eq!(funding.apa.over_cap, Cents(86_975 - 76_287));
    assert_eq!(funding.family.paid, Cents(31_950 + 10_688));
    assert_eq!(funding.family.tax_credit, Cents(21_319));
    assert_eq!(funding.family.remaining, Cents(42_638 - 21_319));
}

#[test]
fn gir_5_has_no_apa_cap() {
    let funding = month_funding(
        &plan(),
        Month::new(2025, 3).unwrap(),
        household(Gir::new(5).unwrap()),
        &FundingRules::french_defaults_2024(),
    );
    assert_eq!(funding.apa.cap, None);
    assert_eq!(funding.apa.over_cap, Cents(86_975));
}

#[test]
fn the_tax_credit_stops_at_a_twelfth_of_the_ceiling_and_skips_nursing() {
    let family = Payer::default_of(PayerKind::Famille);
    let lines = [
        line(draft(
            1,
            "aide-a-domicile",
            at(2025, 1, 6, 8, 0),
            240,
            "FREQ=DAILY",
            family.clone(),
            Price::Hour(Cents(3_000)),
        )),
        line(draft(
            2,
            "soins-infirmiers",
            at(2025, 1, 6, 12, 0),
            60,
            "FREQ=DAILY",
            family,
            Price::Hour(Cents(1_000)),
        )),
    ];
    let rules = FundingRules::french_defaults_2024();
    let couple = Household {
        gir: Gir::new(2).unwrap(),
        tax_credit_members: 1,
    };
    let funding = month_funding(&lines, Month::new(2025, 3).unwrap(), couple, &rules);
    assert_eq!(funding.family.paid, Cents(31 * 12_000 + 31 * 1_000));
    assert_eq!(funding.family.eligible, Cents(31 * 12_000));
    assert_eq!(funding.family.monthly_ceiling, Cents(112_500));
    assert_eq!(funding.family.tax_credit, Cents(56_250));
}

#[test]
fn period_and_status_limit_the_occurrences() {
    let family = Payer::default_of(PayerKind::Famille);
    let mut meals = draft(
        4,
        "portage-de-repas",
        at(2025, 1, 6, 11, 30),
        15,
        "FREQ=DAILY",
        family,
        Price::Visit(Cents(950)),
    );
    meals.period_start = day(2025, 3, 10);
    meals.period_end = Some(day(2025, 3, 15));
    let month = Month::new(2025, 3).unwrap();
    assert_eq!(month_costs(&[line(meals.clone())], month).total.visits, 6);
    meals.status = LineStatus::Planned;
    assert_eq!(
        month_costs(&[line(meals.clone())], month).total.cost,
        Cents(6 * 950)
    );
    meals.status = LineStatus::Suspended;
    assert_eq!(
        month_costs(&[line(meals)], month).total,
        LineTotals::default()
    );
    assert_eq!(LineStatus::Suspended.label_fr(), "Suspendu");
}

#[test]
fn lines_are_validated_on_construction_and_deserialisation() {
    let family = Payer::default_of(PayerKind::Famille);
    let ok = draft(
        1,
        "aide-a-domicile",
        at(2025, 1, 6, 8, 0),
        60,
        "FREQ=DAILY",
        family,
        Price::Hour(Cents(2_450)),
    );
    let with = |change: fn(&mut ServiceLineDraft)| {
        let mut draft = ok.clone();
        change(&mut draft);
        ServiceLine::new(draft)
    };
    assert_eq!(
        with(|d| d.provider = "  ".to_owned()),
        Err(PlanError::EmptyProvider)
    );
    assert_eq!(
        with(|d| d.provider = "x".repeat(201)),
        Err(PlanError::ProviderTooLong)
    );
    assert_eq!(
        with(|d| d.service.label_fr.clear()),
        Err(PlanError::BlankServiceType)
    );
    assert_eq!(
        with(|d| d.payer.code = " ".to_owned()),
        Err(PlanError::BlankPayer)
    );
    assert_eq!(
        with(|d| d.period_end = Some(day(2025, 1, 5))),
        Err(PlanError::PeriodEndsBeforeStart)
    );
    assert_eq!(
        with(|d| d.price = Price::Visit(Cents(-1))),
        Err(PlanError::NegativePrice)
    );
    assert_eq!(
        with(|d| d.provider = " SSIAD ".to_owned())
            .unwrap()
            .fields()
            .provider,
        "SSIAD"
    );

    let line = line(ok);
    let json = serde_json::to_string(&line).unwrap();
    assert!(
        json.contains(r#""price":{"per":"hour","cents":2450}"#),
        "{json}"
    );
    assert!(json.contains(r#""status":"active""#), "{json}");
    assert_eq!(serde_json::from_str::<ServiceLine>(&json).unwrap(), line);
    let bad = json.replace(r#""cents":2450"#, r#""cents":-2450"#);
    assert!(serde_json::from_str::<ServiceLine>(&bad)
        .unwrap_err()
        .to_string()
        .contains("tarif"));
}
