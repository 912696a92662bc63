//! The timeline's windows and lanes, the linear list, the family summary, the recurrence
//! choices, planned-vs-done and the iCalendar export, on a small plan worked out by hand.
//!
//! March 2025 starts on a Saturday; Monday 3 March is the first full week.

use super::*;
use crate::id::{EntryId, SubjectId};
use crate::lang::Lang;
use crate::Role;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(d: NaiveDate, h: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap())
}

fn id(n: u8) -> EntryId {
    EntryId::v7(1_735_000_000_000 + u64::from(n), [n; 10])
}

fn line(n: u8, service: &str, provider: &str, choice: RecurrenceChoice, hour: u32, minutes: u16) -> ServiceLine {
    ServiceLine::new(ServiceLineDraft {
        id: id(n),
        service: ServiceType::french_defaults().into_iter().find(|s| s.code == service).unwrap(),
        provider: provider.to_owned(),
        schedule: choice.schedule(day(2025, 3, 1), NaiveTime::from_hms_opt(hour, 0, 0).unwrap(), minutes, None).unwrap(),
        period_start: day(2025, 3, 1),
        period_end: Some(day(2027, 2, 28)),
        payer: Payer::default_of(PayerKind::Apa),
        price: Price::Hour(Cents(2_450)),
        status: LineStatus::Active,
    })
    .unwrap()
}

/// Help at home on weekdays at 8:00 (Amapa), nursing three times a week at 7:00 (SSIAD),
/// and a second Amapa line on Saturdays.
fn plan() -> Plan {
    Plan::new(PlanDraft {
        id: id(100),
        subject: SubjectId::new("usager-1").unwrap(),
        plan_type: PlanType::default_of("plan-aide-apa").unwrap(),
        title: "Plan d'aide".into(),
        status: PlanStatus::Active,
        period_start: day(2025, 3, 1),
        period_end: None,
        gir: None,
        lines: vec![
            line(1, "aide-a-domicile", "Amapa", RecurrenceChoice::Weekdays, 8, 60),
            line(2, "soins-infirmiers", "SSIAD du Pays", RecurrenceChoice::ThreeTimesAWeek, 7, 30),
            line(3, "aide-a-domicile", "Amapa", RecurrenceChoice::Weekly(Weekday::Sat), 10, 90),
        ],
        goals: vec![],
        reviews: vec![],
        hospital_episodes: vec![],
    })
    .unwrap()
}

#[test]
fn windows_cover_the_week_the_month_and_the_whole_plan() {
    let plan = plan();
    let wednesday = day(2025, 3, 5);
    assert_eq!(Span::Week.window(&plan, wednesday), Window { from: day(2025, 3, 3), to: day(2025, 3, 10) });
    assert_eq!(Span::Month.window(&plan, wednesday), Window { from: day(2025, 3, 1), to: day(2025, 4, 1) });
    assert_eq!(Span::Whole.window(&plan, wednesday), Window { from: day(2025, 3, 1), to: day(2027, 3, 1) });
    assert_eq!(Span::Week.step(wednesday, true), day(2025, 3, 12));
    assert_eq!(Span::Month.step(day(2025, 3, 31), false), day(2025, 2, 28));
    assert_eq!(Span::Whole.step(wednesday, true), wednesday);
    assert_eq!(Span::Week.window(&plan, wednesday).days().count(), 7);
}

#[test]
fn lanes_are_grouped_by_provider_and_hold_only_the_window() {
    let plan = plan();
    let week = Span::Week.window(&plan, day(2025, 3, 3));
    let groups = lanes(&plan, week, week.from);
    let providers: Vec<&str> = groups.iter().map(|g| g.provider).collect();
    assert_eq!(providers, ["Amapa", "SSIAD du Pays"]);
    let counts: Vec<usize> = groups[0].lanes.iter().map(|l| l.visits.len()).collect();
    assert_eq!(counts, [5, 1], "weekdays, then the Saturday line");
    assert_eq!(groups[1].lanes[0].visits.len(), 3);
    assert!(groups.iter().flat_map(|g| &g.lanes).flat_map(|l| &l.visits).all(|v| week.contains(v.start.date())));
}

#[test]
fn a_lane_reads_its_status_on_today_when_the_window_holds_it() {
    let plan = plan();
    let week = Span::Week.window(&plan, day(2025, 2, 28));
    assert_eq!(week.from, day(2025, 2, 24), "the week before the plan's lines start on Saturday 1 March");
    let status = |on: NaiveDate| lanes(&plan, week, on)[0].lanes[0].status;
    assert_eq!(week.focus(day(2025, 3, 1)), day(2025, 3, 1));
    assert_eq!(status(week.focus(day(2025, 3, 1))), LineStatus::Active, "running from today, seen this week");
    assert_eq!(week.focus(day(2025, 4, 1)), week.from, "a week away from today is read on its Monday");
    assert_eq!(status(week.focus(day(2025, 4, 1))), LineStatus::Planned);
}

#[test]
fn month_counts_cover_the_whole_plan_in_one_pass() {
    let plan = plan();
    let whole = Span::Whole.window(&plan, day(2025, 3, 1));
    assert_eq!(months_of(whole).count(), 24);
    let counts = month_counts(&plan, id(1), whole);
    assert_eq!(counts.len(), 24);
    assert_eq!(counts[0], 21, "March 2025 has 21 weekdays");
    assert_eq!(counts.iter().sum::<usize>(), line_visits(&plan, id(1), whole).len());
    let partial = Window { from: day(2025, 3, 15), to: day(2025, 4, 2) };
    assert_eq!(month_counts(&plan, id(1), partial), [11, 1], "17–21, 24–28 and 31 March; 1 April");
}

#[test]
fn a_hospital_stay_empties_its_days_and_suspends_the_lanes() {
    let stay = HospitalEpisode::new(day(2025, 3, 4), Some(day(2025, 3, 6)), "Chute").unwrap();
    let plan = plan().admit(stay).unwrap();
    let week = Span::Week.window(&plan, day(2025, 3, 3));
    assert_eq!(visits_in_order(&plan, week).len(), 5 + 1 + 3 - 3 - 1, "Tue–Thu help and Wed nursing go");
    let from_tuesday = Window { from: day(2025, 3, 4), to: day(2025, 3, 5) };
    assert!(lanes(&plan, from_tuesday, from_tuesday.from).iter().flat_map(|g| &g.lanes).all(|l| l.status == LineStatus::Suspended));
}

#[test]
fn the_linear_list_reads_the_same_visits_in_order() {
    let plan = plan();
    let week = Span::Week.window(&plan, day(2025, 3, 3));
    let list = agenda(Lang::Fr, &plan, week);
    assert_eq!(list.len(), 9);
    assert_eq!(list[0].text, "Lundi 3 mars — 7:00 Soins infirmiers (SSIAD du Pays), 30 min");
    assert_eq!(list[1].text, "Lundi 3 mars — 8:00 Aide à domicile (Amapa), 1 h");
    assert_eq!(list[8].text, "Samedi 8 mars — 10:00 Aide à domicile (Amapa), 1 h 30");
    let mut from_lanes: Vec<Visit> =
        lanes(&plan, week, week.from).into_iter().flat_map(|g| g.lanes).flat_map(|l| l.visits).collect();
    from_lanes.sort();
    assert_eq!(list.iter().map(|l| l.visit).collect::<Vec<_>>(), from_lanes);
    assert_eq!(month_text(Lang::Fr, day(2025, 8, 14)), "août 2025");
    assert_eq!(month_text(Lang::En, day(2025, 8, 14)), "August 2025");
}

#[test]
fn the_family_summary_counts_visits_per_service_in_plain_words() {
    let plan = plan();
    let week = Span::Week.window(&plan, day(2025, 3, 3));
    assert_eq!(
        family_summary(Lang::Fr, &plan, week, "Cette semaine"),
        "Cette semaine : aide à domicile, 6 passages ; soins infirmiers, 3 passages."
    );
    let before = Window { from: day(2025, 1, 6), to: day(2025, 1, 13) };
    assert_eq!(family_summary(Lang::Fr, &plan, before, "Cette semaine"), "Cette semaine : aucun passage prévu.");
    assert_eq!(family_summary(Lang::En, &plan, week, "This week"), "This week: home help, 6 visits; nursing care, 3 visits.");
    assert_eq!(family_summary(Lang::En, &plan, before, "This week"), "This week: no visit planned.");
}

#[test]
fn recurrence_choices_make_the_rules_they_name() {
    let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let rule = |choice: RecurrenceChoice| choice.schedule(day(2025, 3, 1), eight, 60, None).unwrap().rule().to_string();
    assert_eq!(rule(RecurrenceChoice::Weekdays), "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR");
    assert_eq!(rule(RecurrenceChoice::ThreeTimesAWeek), "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR");
    assert_eq!(rule(RecurrenceChoice::FirstOfMonth(Weekday::Mon)), "FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO");
    assert_eq!(rule(RecurrenceChoice::EveryDay), "FREQ=DAILY;INTERVAL=1");
    let until = RecurrenceChoice::Weekly(Weekday::Tue).schedule(day(2025, 3, 1), eight, 60, Some(day(2025, 6, 30))).unwrap();
    assert_eq!(until.rule().to_string(), "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20250630");
    assert_eq!(until.describe_fr(), "le mardi à 08:00, 1 h, jusqu'au 30/06/2025");
    for choice in RecurrenceChoice::all() {
        assert_eq!(RecurrenceChoice::from_code(&choice.code()), Some(choice));
    }
    assert_eq!(RecurrenceChoice::all().len(), 17);
    assert_eq!(RecurrenceChoice::FirstOfMonth(Weekday::Mon).label_fr(), "le 1er lundi du mois");
    assert_eq!(RecurrenceChoice::from_code("weekly-XX"), None);
    assert!(RecurrenceChoice::Weekdays.schedule(day(2025, 3, 1), eight, 0, None).is_err(), "no zero-minute visit");
}

#[test]
fn realisation_matches_one_passage_per_planned_visit_of_a_line_the_role_does() {
    let plan = plan();
    let march = Span::Month.window(&plan, day(2025, 3, 1));
    let help = |d: NaiveDate, h: u32| Passage { at: at(d, h), role: Role::AideADomicile };
    let passages = [
        help(day(2025, 3, 3), 8),
        help(day(2025, 3, 3), 9),
        help(day(2025, 3, 4), 8),
        help(day(2025, 3, 8), 11),
        help(day(2025, 4, 1), 8),
        Passage { at: at(day(2025, 3, 5), 8), role: Role::Infirmier },
        Passage { at: at(day(2025, 3, 6), 8), role: Role::ProcheAidant },
    ];
    let done = Done::match_passages(&plan, march, &passages);
    let rate = realisation(&plan, id(1), march, &done);
    assert_eq!(rate, Realisation { planned: 21, done: 2 }, "a second note, a nurse's, a relative's or an April passage do not count");
    assert_eq!(rate.percent(), Some(9));
    assert_eq!(realisation(&plan, id(3), march, &done), Realisation { planned: 5, done: 1 }, "the Saturday passage is the Saturday line's");
    assert_eq!(realisation(&plan, id(2), march, &done).done, 1, "the nurse's Wednesday passage is nursing");
    assert_eq!(Realisation::default().percent(), None);
}

#[test]
fn the_ical_export_has_one_recurring_event_per_line() {
    let stay = HospitalEpisode::new(day(2025, 3, 4), Some(day(2025, 3, 6)), "Chute; fracture, poignet").unwrap();
    let plan = plan().admit(stay).unwrap();
    let ics = to_ical(&plan);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4);
    assert!(ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR;UNTIL=20270228T235959\r\n"));
    assert!(ics.contains("DTSTART:20250303T080000\r\n"), "the first visit, not the period's first day");
    assert!(ics.contains("DURATION:PT60M\r\n"));
    assert!(ics.contains("SUMMARY:Hospitalisation Chute\\; fracture\\, poignet\r\n"));
    assert!(ics.contains("DTEND;VALUE=DATE:20250307\r\n"));
    assert!(ics.split("\r\n").all(|line| line.len() <= 75));
}
