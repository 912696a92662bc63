//! Pausing a line for a period and moving one visit: what the lanes, the list, the hours and
//! the costs make of them, on the plan of `view_tests` (help on weekdays at 8:00, Amapa).

use super::*;
use crate::id::{EntryId, SubjectId};
use crate::lang::Lang;
use crate::recurrence::{Exception, Pause, RecurrenceError};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(d: NaiveDate, h: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap())
}

fn id(n: u8) -> EntryId {
    EntryId::v7(1_735_000_000_000 + u64::from(n), [n; 10])
}

fn help_line() -> ServiceLine {
    ServiceLine::new(ServiceLineDraft {
        id: id(1),
        service: ServiceType::french_defaults().into_iter().next().unwrap(),
        provider: "Amapa".into(),
        schedule: RecurrenceChoice::Weekdays.schedule(day(2025, 3, 1), NaiveTime::from_hms_opt(8, 0, 0).unwrap(), 60, None).unwrap(),
        period_start: day(2025, 3, 1),
        period_end: None,
        payer: Payer::default_of(PayerKind::Apa),
        price: Price::Hour(Cents(2_000)),
        status: LineStatus::Active,
    })
    .unwrap()
}

/// The plan with its one line's schedule changed by `change`.
fn plan_with(change: impl FnOnce(crate::recurrence::Schedule) -> crate::recurrence::Schedule) -> Plan {
    let mut fields = help_line().fields().clone();
    fields.schedule = change(fields.schedule);
    Plan::new(PlanDraft {
        id: id(100),
        subject: SubjectId::new("usager-1").unwrap(),
        plan_type: PlanType::default_of("plan-aide-apa").unwrap(),
        title: "Plan d'aide".into(),
        status: PlanStatus::Active,
        period_start: day(2025, 3, 1),
        period_end: None,
        gir: None,
        lines: vec![ServiceLine::new(fields).unwrap()],
        goals: vec![],
        reviews: vec![],
        hospital_episodes: vec![],
    })
    .unwrap()
}

fn week_of_3_march(plan: &Plan) -> Window {
    Span::Week.window(plan, day(2025, 3, 3))
}

#[test]
fn paused_visits_are_listed_as_suspended_and_count_for_nothing() {
    let pause = Pause::new(day(2025, 3, 4), day(2025, 3, 5), " Vacances de l'aidante ").unwrap();
    let plan = plan_with(|s| s.pausing(pause));
    let week = week_of_3_march(&plan);
    let list = agenda(Lang::Fr, &plan, week);
    assert_eq!(list.len(), 5, "paused visits stay in the list");
    assert_eq!(list[1].text, "Mardi 4 mars — 8:00 Aide à domicile (Amapa), 1 h — suspendu (Vacances de l'aidante)");
    assert_eq!(agenda(Lang::En, &plan, week)[2].text, "Wednesday 5 March — 8:00 Home help (Amapa), 1 h — suspended (Vacances de l'aidante)");
    assert_eq!(lanes(&plan, week, week.from)[0].lanes[0].visits.iter().filter(|v| v.exception == Some(Exception::Paused)).count(), 2);
    let line = &plan.lines()[0];
    let (from, to) = week_window(day(2025, 3, 3));
    assert_eq!(line.totals(from, to), LineTotals { visits: 3, minutes: 180, cost: Cents(6_000) });
    assert_eq!(week_hours(plan.lines(), day(2025, 3, 3)).total_minutes, 180);
    let march = Month::new(2025, 3).unwrap();
    assert_eq!(month_costs(plan.lines(), march).total.visits, 21 - 2);
    assert_eq!(month_counts(&plan, id(1), Span::Month.window(&plan, day(2025, 3, 1))), [19]);
    assert_eq!(family_summary(Lang::Fr, &plan, week, "Cette semaine"), "Cette semaine : aide à domicile, 3 passages.");
    assert_eq!(plan.line_status_on(id(1), day(2025, 3, 4)), Some(LineStatus::Suspended));
    assert_eq!(plan.line_status_on(id(1), day(2025, 3, 6)), Some(LineStatus::Active));
    let resumed = plan_with(|s| s.pausing(Pause::new(day(2025, 3, 4), day(2025, 3, 5), "").unwrap()).resuming(day(2025, 3, 4)));
    assert_eq!(agenda(Lang::Fr, &resumed, week).iter().filter(|l| !l.visit.happens()).count(), 0);
}

#[test]
fn a_pause_must_end_after_it_starts_and_keep_a_short_reason() {
    assert_eq!(Pause::new(day(2025, 3, 5), day(2025, 3, 4), ""), Err(RecurrenceError::PauseEndsBeforeStart));
    assert_eq!(Pause::new(day(2025, 3, 4), day(2025, 3, 4), &"x".repeat(501)), Err(RecurrenceError::PauseReasonTooLong));
    let json = r#"{"from":"2025-03-05","to":"2025-03-04","reason":""}"#;
    assert!(serde_json::from_str::<Pause>(json).is_err(), "the wire form is checked too");
}

#[test]
fn a_moved_visit_is_said_where_it_came_from_and_counted_where_it_is() {
    let plan = plan_with(|s| s.moving(at(day(2025, 3, 3), 8), at(day(2025, 3, 8), 8)).unwrap());
    let week = week_of_3_march(&plan);
    let list = agenda(Lang::Fr, &plan, week);
    assert_eq!(list.len(), 5);
    assert_eq!(list[0].text, "Mardi 4 mars — 8:00 Aide à domicile (Amapa), 1 h");
    assert_eq!(list[4].text, "Samedi 8 mars — 8:00 Aide à domicile (Amapa), 1 h — déplacé du lundi 3 au samedi 8");
    assert_eq!(list[4].visit.exception, Some(Exception::Moved(at(day(2025, 3, 3), 8))));
    let later = plan_with(|s| s.moving(at(day(2025, 3, 3), 8), at(day(2025, 3, 4), 14)).unwrap());
    assert_eq!(
        agenda(Lang::En, &later, week)[1].text,
        "Tuesday 4 March — 14:00 Home help (Amapa), 1 h — moved from Monday 3 at 8:00 to Tuesday 4 at 14:00"
    );
    let into_april = plan_with(|s| s.moving(at(day(2025, 3, 31), 8), at(day(2025, 4, 5), 9)).unwrap());
    assert_eq!(month_costs(into_april.lines(), Month::new(2025, 3).unwrap()).total.visits, 20);
    assert_eq!(month_costs(into_april.lines(), Month::new(2025, 4).unwrap()).total.visits, 22 + 1);
}

#[test]
fn a_moved_visit_moves_again_or_is_cancelled_at_its_origin() {
    let monday = at(day(2025, 3, 3), 8);
    let schedule = help_line().fields().schedule.clone();
    assert_eq!(schedule.clone().moving(at(day(2025, 3, 8), 8), monday), Err(RecurrenceError::NoVisitToMove), "no visit on Saturday");
    let twice = schedule.clone().moving(monday, at(day(2025, 3, 8), 8)).unwrap().moving(at(day(2025, 3, 8), 8), at(day(2025, 3, 9), 10)).unwrap();
    let plan = plan_with(|_| twice.clone());
    let visits = visits_in_order(&plan, week_of_3_march(&plan));
    assert_eq!(visits.last().unwrap().exception, Some(Exception::Moved(monday)), "still said to come from Monday");
    let back = twice.clone().moving(at(day(2025, 3, 9), 10), monday).unwrap();
    assert_eq!(back, schedule, "moved back home, no exception is left");
    let cancelled = twice.excluding(at(day(2025, 3, 9), 10));
    assert_eq!(cancelled.planned(monday, at(day(2025, 3, 10), 0)).count(), 4);
    assert!(cancelled.exdates().contains(&monday));
}

#[test]
fn exceptions_survive_the_wire() {
    let plan = plan_with(|s| {
        s.moving(at(day(2025, 3, 3), 8), at(day(2025, 3, 8), 8)).unwrap().pausing(Pause::new(day(2025, 3, 10), day(2025, 3, 14), "Vacances").unwrap())
    });
    let json = serde_json::to_string(&plan).unwrap();
    assert!(json.contains(r#""moves":[{"from":"2025-03-03T08:00:00","to":"2025-03-08T08:00:00"}]"#), "{json}");
    assert_eq!(serde_json::from_str::<Plan>(&json).unwrap(), plan);
    let plain = serde_json::to_string(&help_line()).unwrap();
    assert!(!plain.contains("moves") && !plain.contains("pauses"), "a line without exceptions keeps its old form");
}
