//! The plan's rules: validation, hospital stays suspending lines, reviews by cadence and by
//! event, and the wire form.

use super::*;
use crate::aggir::{Gir, Variable};
use crate::id::{EntryId, SubjectId};
use crate::recurrence::Schedule;
use crate::{Author, Role};
use chrono::{NaiveDate, NaiveTime};
use std::num::NonZeroU8;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn id(n: u8) -> EntryId {
    EntryId::v7(1_790_000_000_000 + u64::from(n), [n; 10])
}

/// Aide à domicile Monday to Friday at 8:00 for an hour, from Monday 5 January 2026.
fn morning_help() -> ServiceLine {
    ServiceLine::new(ServiceLineDraft {
        id: id(1),
        service: ServiceType::french_defaults().remove(0),
        provider: "SAAD Les Tilleuls".to_owned(),
        schedule: Schedule::weekdays_at(day(2026, 1, 5), NaiveTime::from_hms_opt(8, 0, 0).unwrap(), 60).unwrap(),
        period_start: day(2026, 1, 5),
        period_end: Some(day(2026, 12, 31)),
        payer: Payer::default_of(PayerKind::Apa),
        price: Price::Hour(Cents(2_450)),
        status: LineStatus::Active,
    })
    .unwrap()
}

fn goal(served_by: Vec<EntryId>) -> GoalDraft {
    GoalDraft {
        id: id(10),
        title: "  Faire sa toilette en sécurité  ".to_owned(),
        domain: GoalDomain::default_of("vie-quotidienne").unwrap(),
        due: Some(day(2026, 6, 30)),
        status: GoalStatus::Active,
        expected_result: Some("Toilette quotidienne sans chute".to_owned()),
        needs: vec![NeedRef::Aggir { variable: Variable::Toilette }],
        served_by,
        expressed_by: ExpressedBy::Author(Author::new("claire", "Claire Petit", Role::GestionnaireDeCas).unwrap()),
    }
}

fn draft(plan_type: &str) -> PlanDraft {
    PlanDraft {
        id: id(0),
        subject: SubjectId::new("p1").unwrap(),
        plan_type: PlanType::default_of(plan_type).unwrap(),
        title: "Projet personnalisé 2026".to_owned(),
        status: PlanStatus::Active,
        period_start: day(2026, 1, 5),
        period_end: Some(day(2026, 12, 31)),
        gir: Gir::new(3),
        lines: vec![morning_help()],
        goals: vec![Goal::new(goal(vec![id(1)])).unwrap()],
        reviews: Vec::new(),
        hospital_episodes: Vec::new(),
    }
}

fn plan() -> Plan {
    Plan::new(draft("projet-personnalise")).unwrap()
}

fn stay(admitted: NaiveDate, discharged: Option<NaiveDate>) -> HospitalEpisode {
    HospitalEpisode::new(admitted, discharged, "Fracture du poignet").unwrap()
}

#[test]
fn french_plan_types_carry_their_review_cadence() {
    let cadence = |code: &str| PlanType::default_of(code).unwrap().review_cadence;
    assert_eq!(cadence("plan-aide-apa"), ReviewCadence::OnRequest);
    assert_eq!(cadence("psi"), ReviewCadence::OnRequest);
    assert_eq!(cadence("ppcs"), ReviewCadence::OnRequest);
    assert_eq!(cadence("projet-personnalise"), ReviewCadence::Months(NonZeroU8::new(3).unwrap()));
    assert_eq!(PlanType::french_defaults().len(), 4);
    assert_eq!(ReviewCadence::Months(NonZeroU8::new(3).unwrap()).next_after(day(2025, 11, 30)), Some(day(2026, 2, 28)));
    assert_eq!(ReviewCadence::OnRequest.next_after(day(2026, 1, 1)), None);
}

#[test]
fn a_goal_is_trimmed_and_its_texts_checked() {
    let goal = Goal::new(goal(vec![id(1), id(1)])).unwrap();
    assert_eq!(goal.fields().title, "Faire sa toilette en sécurité");
    assert_eq!(goal.served_by(), [id(1)], "duplicates are dropped");
    let blank = GoalDraft { title: " ".into(), ..goal.fields().clone() };
    assert_eq!(Goal::new(blank), Err(CarePlanError::BlankGoalTitle));
    let long = GoalDraft { expected_result: Some("x".repeat(GOAL_TEXT_MAX_LEN + 1)), ..goal.fields().clone() };
    assert_eq!(Goal::new(long), Err(CarePlanError::GoalTextTooLong));
    let empty_result = GoalDraft { expected_result: Some("  ".into()), ..goal.fields().clone() };
    assert_eq!(Goal::new(empty_result).unwrap().fields().expected_result, None);
    let need = NeedRef::QuestionnaireItem { questionnaire: "http://relais.example/fhir/Questionnaire/rem".into(), link_id: " ".into() };
    let blank_need = GoalDraft { needs: vec![need], ..goal.fields().clone() };
    assert_eq!(Goal::new(blank_need), Err(CarePlanError::BlankNeed));
    let no_domain = GoalDraft { domain: GoalDomain { code: "".into(), label_fr: "Santé".into() }, ..goal.fields().clone() };
    assert_eq!(Goal::new(no_domain), Err(CarePlanError::BlankGoalDomain));
}

#[test]
fn a_plan_refuses_inconsistent_content() {
    let mut unknown = draft("ppcs");
    unknown.goals = vec![Goal::new(goal(vec![id(9)])).unwrap()];
    assert_eq!(Plan::new(unknown), Err(CarePlanError::UnknownLine { goal: id(10), line: id(9) }));
    let mut twice = draft("ppcs");
    twice.lines.push(morning_help());
    assert_eq!(Plan::new(twice), Err(CarePlanError::DuplicateLine(id(1))));
    let mut goals_twice = draft("ppcs");
    goals_twice.goals.push(goals_twice.goals[0].clone());
    assert_eq!(Plan::new(goals_twice), Err(CarePlanError::DuplicateGoal(id(10))));
    let mut backwards = draft("ppcs");
    backwards.period_end = Some(day(2025, 12, 31));
    assert_eq!(Plan::new(backwards), Err(CarePlanError::PeriodEndsBeforeStart));
    let mut untitled = draft("ppcs");
    untitled.title = "   ".into();
    assert_eq!(Plan::new(untitled), Err(CarePlanError::BlankTitle));
    let mut long = draft("ppcs");
    long.title = "x".repeat(PLAN_TITLE_MAX_LEN + 1);
    assert_eq!(Plan::new(long), Err(CarePlanError::TitleTooLong));
    let mut typeless = draft("ppcs");
    typeless.plan_type.label_fr = " ".into();
    assert_eq!(Plan::new(typeless), Err(CarePlanError::BlankPlanType));
}

#[test]
fn hospital_stays_are_checked() {
    assert_eq!(
        HospitalEpisode::new(day(2026, 3, 10), Some(day(2026, 3, 9)), "Chute"),
        Err(CarePlanError::DischargeBeforeAdmission)
    );
    assert!(HospitalEpisode::new(day(2026, 3, 10), Some(day(2026, 3, 10)), "Examens").is_ok());
    assert_eq!(
        HospitalEpisode::new(day(2026, 3, 10), None, &"x".repeat(STAY_REASON_MAX_LEN + 1)),
        Err(CarePlanError::StayReasonTooLong)
    );
    let mut overlapping = draft("ppcs");
    overlapping.hospital_episodes = vec![stay(day(2026, 3, 10), None), stay(day(2026, 5, 1), Some(day(2026, 5, 3)))];
    assert_eq!(Plan::new(overlapping), Err(CarePlanError::OverlappingStays));
    let mut sharing_a_day = draft("ppcs");
    sharing_a_day.hospital_episodes =
        vec![stay(day(2026, 5, 3), Some(day(2026, 5, 6))), stay(day(2026, 3, 10), Some(day(2026, 5, 3)))];
    assert_eq!(Plan::new(sharing_a_day), Err(CarePlanError::OverlappingStays));
    let plan = plan().admit(stay(day(2026, 3, 10), Some(day(2026, 3, 12)))).unwrap();
    assert_eq!(plan.clone().admit(stay(day(2026, 3, 12), None)), Err(CarePlanError::OverlappingStays));
    assert_eq!(plan.discharge(day(2026, 4, 1)), Err(CarePlanError::NoOpenStay));
}

#[test]
fn a_stay_suspends_lines_on_every_hospital_day() {
    let line = id(1);
    let plan = plan().admit(stay(day(2026, 3, 10), None)).unwrap();
    assert_eq!(plan.line_status_on(line, day(2026, 3, 9)), Some(LineStatus::Active));
    assert_eq!(plan.line_status_on(line, day(2026, 3, 10)), Some(LineStatus::Suspended));
    assert_eq!(plan.line_status_on(line, day(2026, 8, 10)), Some(LineStatus::Suspended), "still in hospital");
    let plan = plan.discharge(day(2026, 3, 13)).unwrap();
    assert_eq!(plan.line_status_on(line, day(2026, 3, 13)), Some(LineStatus::Suspended));
    assert_eq!(plan.line_status_on(line, day(2026, 3, 14)), Some(LineStatus::Active));
    assert_eq!(plan.line_status_on(line, day(2026, 1, 1)), Some(LineStatus::Planned));
    assert_eq!(plan.line_status_on(line, day(2027, 1, 1)), Some(LineStatus::Ended));
    assert_eq!(plan.line_status_on(id(99), day(2026, 3, 14)), None);
    // Monday 9 to Sunday 15 March: Tuesday 10 to Friday 13 are hospital days.
    let (from, to) = week_window(day(2026, 3, 9));
    let visits: Vec<NaiveDate> = plan.occurrences(line, from, to).map(|o| o.start.date()).collect();
    assert_eq!(visits, [day(2026, 3, 9)]);
    assert_eq!(plan.lines()[0].occurrences(from, to).count(), 5, "the line alone knows nothing of the stay");
}

#[test]
fn a_line_that_is_not_running_keeps_its_own_status() {
    let mut paused = draft("ppcs");
    let mut line = paused.lines[0].fields().clone();
    line.status = LineStatus::Suspended;
    paused.lines = vec![ServiceLine::new(line).unwrap()];
    let plan = Plan::new(paused).unwrap();
    assert_eq!(plan.line_status_on(id(1), day(2027, 6, 1)), Some(LineStatus::Suspended));
}

#[test]
fn a_discharge_schedules_a_review_that_day() {
    let plan = plan().admit(stay(day(2026, 3, 10), None)).unwrap();
    assert!(plan.reviews().is_empty());
    let plan = plan.discharge(day(2026, 3, 13)).unwrap();
    let return_home = Review::due(day(2026, 3, 13), ReviewReason::Event(TriggerEvent::SortieHospitalisation));
    assert_eq!(plan.reviews(), [return_home]);
    let mut with_stay = draft("ppcs");
    with_stay.hospital_episodes = vec![stay(day(2026, 3, 10), Some(day(2026, 3, 13)))];
    let built = Plan::new(with_stay).unwrap();
    assert_eq!(built.reviews(), [return_home], "also for a stay given whole");
    assert_eq!(Plan::new(built.fields().clone()).unwrap(), built, "and only once");
}

#[test]
fn scheduled_reviews_follow_the_cadence_from_the_last_one_held() {
    let plan = plan();
    assert_eq!(plan.next_scheduled_review(), Some(day(2026, 4, 5)));
    let plan = plan.review_held(day(2026, 4, 5), ReviewReason::Scheduled, day(2026, 4, 20));
    assert_eq!(plan.last_review(), Some(day(2026, 4, 20)));
    assert_eq!(plan.next_scheduled_review(), Some(day(2026, 7, 20)));
    let apa = Plan::new(draft("plan-aide-apa")).unwrap();
    assert_eq!(apa.next_scheduled_review(), None, "APA plans are revised on request");
    let mut closed = draft("projet-personnalise");
    closed.status = PlanStatus::Completed;
    assert_eq!(Plan::new(closed).unwrap().next_scheduled_review(), None);
    let mut monthly = draft("plan-aide-apa");
    monthly.plan_type.review_cadence = ReviewCadence::Months(NonZeroU8::new(1).unwrap());
    assert_eq!(Plan::new(monthly).unwrap().next_scheduled_review(), Some(day(2026, 2, 5)), "hosts override the cadence");
}

#[test]
fn due_and_overdue_reviews_include_events() {
    let plan = plan().trigger_review(TriggerEvent::Chute, day(2026, 2, 2));
    let fall = Review::due(day(2026, 2, 2), ReviewReason::Event(TriggerEvent::Chute));
    let quarterly = Review::due(day(2026, 4, 5), ReviewReason::Scheduled);
    assert_eq!(plan.due_reviews(), [fall, quarterly]);
    assert_eq!(plan.overdue_reviews(day(2026, 2, 2)), [], "due today is not late");
    assert_eq!(plan.overdue_reviews(day(2026, 2, 3)), [fall]);
    assert_eq!(plan.overdue_reviews(day(2026, 4, 6)), [fall, quarterly]);
    let plan = plan.review_held(day(2026, 2, 2), ReviewReason::Event(TriggerEvent::Chute), day(2026, 2, 4));
    assert_eq!(plan.overdue_reviews(day(2026, 4, 6)), [], "the fall review restarts the cadence");
    assert_eq!(plan.next_scheduled_review(), Some(day(2026, 5, 4)));
    assert!(!Review { done: Some(day(2026, 1, 1)), ..fall }.is_overdue(day(2027, 1, 1)));
}

#[test]
fn a_recorded_scheduled_review_replaces_the_computed_one() {
    let plan = plan().trigger_review(TriggerEvent::Demande, day(2026, 3, 1));
    let mut draft = plan.fields().clone();
    draft.reviews.push(Review::due(day(2026, 4, 15), ReviewReason::Scheduled));
    let plan = Plan::new(draft).unwrap();
    let dues: Vec<NaiveDate> = plan.due_reviews().iter().map(|r| r.due).collect();
    assert_eq!(dues, [day(2026, 3, 1), day(2026, 4, 15)]);
}

#[test]
fn the_wire_form_round_trips_and_is_validated() {
    let plan = plan()
        .admit(stay(day(2026, 3, 10), Some(day(2026, 3, 13))))
        .unwrap()
        .trigger_review(TriggerEvent::EpuisementAidant, day(2026, 6, 1));
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["plan_type"]["review_cadence"], serde_json::json!({ "months": 3 }));
    assert_eq!(json["goals"][0]["needs"][0], serde_json::json!({ "kind": "aggir", "variable": "toilette" }));
    assert_eq!(json["reviews"][0]["reason"], serde_json::json!({ "event": "sortie-hospitalisation" }));
    assert_eq!(serde_json::from_value::<Plan>(json.clone()).unwrap(), plan);
    let mut dangling = json.clone();
    dangling["goals"][0]["served_by"] = serde_json::json!([id(7)]);
    assert!(serde_json::from_value::<Plan>(dangling).unwrap_err().to_string().contains("absente du plan"));
    let mut backwards = json.clone();
    backwards["hospital_episodes"][0]["discharged"] = serde_json::json!("2026-03-01");
    assert!(serde_json::from_value::<Plan>(backwards).is_err());
    let mut blank_goal = json;
    blank_goal["goals"][0]["title"] = serde_json::json!("");
    assert!(serde_json::from_value::<Plan>(blank_goal).is_err());
}

#[test]
fn review_reasons_have_one_flat_code_list() {
    let reasons = [ReviewReason::Scheduled].into_iter().chain(TriggerEvent::ALL.map(ReviewReason::Event));
    for reason in reasons {
        assert_eq!(ReviewReason::from_code(reason.code()), Some(reason));
        assert!(!reason.label_fr().is_empty());
    }
    assert_eq!(ReviewReason::from_code("autre"), None);
}
