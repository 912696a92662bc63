//! Tests of RRULE text (parsing, canonical output, errors) and of the French descriptions.

use super::*;
use chrono::{NaiveDate, NaiveTime, Weekday};
use std::collections::BTreeSet;
use std::num::{NonZeroU16, NonZeroU32};

fn rule(text: &str) -> Rule {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn error(text: &str) -> String {
    text.parse::<Rule>().unwrap_err().to_string()
}

#[test]
fn canonical_text_round_trips() {
    for text in [
        "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR;UNTIL=20271231T235959",
        "FREQ=DAILY;INTERVAL=2;COUNT=10",
        "FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO,-1FR",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=TU",
        "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=1,15,-1;UNTIL=20251231",
        "FREQ=WEEKLY;INTERVAL=2",
        "FREQ=MONTHLY;INTERVAL=1",
    ] {
        assert_eq!(rule(text).to_string(), text);
    }
}

#[test]
fn lenient_input_becomes_canonical() {
    let parsed = rule("RRULE:freq=weekly;BYDAY=FR,MO,MO;WKST=MO;");
    assert_eq!(
        parsed,
        Rule::weekly(WeekdaySet::from_days(&[Weekday::Mon, Weekday::Fri]).unwrap())
    );
    assert_eq!(parsed.to_string(), "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,FR");
    assert_eq!(
        rule("FREQ=MONTHLY;BYDAY=+2TU").to_string(),
        "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU"
    );
}

#[test]
fn constructors_match_the_text() {
    let two = NonZeroU16::new(2).unwrap();
    let count = End::Count(NonZeroU32::new(5).unwrap());
    assert_eq!(
        Rule::daily().every(two).ending(count),
        rule("FREQ=DAILY;INTERVAL=2;COUNT=5")
    );
    assert_eq!(
        Rule::monthly_on_weekday(-1, Weekday::Fri).unwrap(),
        rule("FREQ=MONTHLY;BYDAY=-1FR")
    );
    assert_eq!(
        Rule::monthly_on_days(&[-1]).unwrap(),
        rule("FREQ=MONTHLY;BYMONTHDAY=-1")
    );
    assert!(Rule::monthly_on_weekday(6, Weekday::Mon).is_err());
}

#[test]
fn unsupported_parts_are_named_in_french_then_english() {
    assert_eq!(
        error("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1"),
        "BYSETPOS n'est pas pris en charge / BYSETPOS is not supported"
    );
    assert_eq!(
        error("FREQ=DAILY;BYHOUR=8"),
        "BYHOUR n'est pas pris en charge / BYHOUR is not supported"
    );
    assert_eq!(
        error("FREQ=YEARLY"),
        "FREQ=YEARLY n'est pas pris en charge / FREQ=YEARLY is not supported"
    );
    assert!(error("FREQ=WEEKLY;WKST=SU").starts_with("WKST=SU n'est pas pris en charge"));
    assert!(error("FREQ=DAILY;BYDAY=MO").starts_with("BYDAY avec FREQ=DAILY"));
    assert!(error("FREQ=WEEKLY;BYMONTHDAY=1").starts_with("BYMONTHDAY avec FREQ=WEEKLY"));
    assert!(error("FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1").starts_with("BYDAY et BYMONTHDAY"));
    assert!(error("FREQ=DAILY;UNTIL=20251231T000000Z").starts_with("UNTIL en UTC"));
}

#[test]
fn invalid_values_are_refused_precisely() {
    let invalid = |part: &'static str, value: &str| RecurrenceError::InvalidValue {
        part,
        value: value.to_owned(),
    };
    let err = |text: &str| text.parse::<Rule>().unwrap_err();
    assert_eq!(err("FREQ=DAILY;INTERVAL=0"), invalid("INTERVAL", "0"));
    assert_eq!(err("FREQ=DAILY;COUNT=0"), invalid("COUNT", "0"));
    assert_eq!(err("FREQ=DAILY;COUNT=x"), invalid("COUNT", "x"));
    assert_eq!(err("FREQ=WEEKLY;BYDAY=1MO"), invalid("BYDAY", "1MO"));
    assert_eq!(err("FREQ=WEEKLY;BYDAY=XX"), invalid("BYDAY", "XX"));
    assert_eq!(err("FREQ=MONTHLY;BYDAY=0MO"), invalid("BYDAY", "0MO"));
    assert_eq!(err("FREQ=MONTHLY;BYDAY=6MO"), invalid("BYDAY", "6MO"));
    assert_eq!(err("FREQ=MONTHLY;BYMONTHDAY=0"), invalid("BYMONTHDAY", "0"));
    assert_eq!(
        err("FREQ=MONTHLY;BYMONTHDAY=32"),
        invalid("BYMONTHDAY", "32")
    );
    assert_eq!(
        err("FREQ=DAILY;UNTIL=20250231"),
        invalid("UNTIL", "20250231")
    );
    assert_eq!(err("FREQ=FORTNIGHTLY"), invalid("FREQ", "FORTNIGHTLY"));
    assert_eq!(
        err("FREQ=DAILY;COUNT=2;UNTIL=20250101"),
        RecurrenceError::CountAndUntil
    );
    assert_eq!(err("INTERVAL=2"), RecurrenceError::MissingFrequency);
    assert_eq!(
        err("FREQ=DAILY;FREQ=DAILY"),
        RecurrenceError::DuplicatePart("FREQ")
    );
    assert_eq!(
        err("FREQ=DAILY;COLOR=RED"),
        RecurrenceError::UnknownPart("COLOR".to_owned())
    );
    assert_eq!(
        err("FREQ=DAILY;COUNT"),
        RecurrenceError::Malformed("COUNT".to_owned())
    );
    assert_eq!(err("FREQ=WEEKLY;BYDAY=é"), invalid("BYDAY", "é"));
}

#[test]
fn schedules_are_validated_and_serialised_with_the_rule_text() {
    let at = NaiveDate::from_ymd_opt(2025, 1, 6)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let daily = Rule::daily();
    assert_eq!(
        Schedule::new(at, 0, daily, BTreeSet::new()),
        Err(RecurrenceError::InvalidDuration)
    );
    assert_eq!(
        Schedule::new(at, 1441, daily, BTreeSet::new()),
        Err(RecurrenceError::InvalidDuration)
    );
    let before = daily.ending(End::Until(Until::Date(
        NaiveDate::from_ymd_opt(2025, 1, 5).unwrap(),
    )));
    assert_eq!(
        Schedule::new(at, 60, before, BTreeSet::new()),
        Err(RecurrenceError::UntilBeforeStart)
    );

    let schedule = Schedule::weekdays_at(at.date(), at.time(), 60)
        .unwrap()
        .excluding(at);
    let json = serde_json::to_string(&schedule).unwrap();
    assert!(
        json.contains("\"rule\":\"FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR\""),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), schedule);
    let bad = json.replace("\"duration_minutes\":60", "\"duration_minutes\":0");
    assert!(serde_json::from_str::<Schedule>(&bad).is_err());
    let unsupported = json.replace("BYDAY=MO,TU,WE,TH,FR", "BYSETPOS=1");
    assert!(serde_json::from_str::<Schedule>(&unsupported)
        .unwrap_err()
        .to_string()
        .contains("BYSETPOS"));
}

#[test]
fn french_descriptions() {
    let from = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let describe = |text: &str, minutes: u16| {
        Schedule::new(from.and_time(eight), minutes, rule(text), BTreeSet::new())
            .unwrap()
            .describe_fr()
    };
    assert_eq!(
        Schedule::weekdays_at(from, eight, 60)
            .unwrap()
            .describe_fr(),
        "du lundi au vendredi à 08:00, 1 h"
    );
    assert_eq!(
        Schedule::three_times_a_week(from, eight, 90)
            .unwrap()
            .describe_fr(),
        "le lundi, le mercredi et le vendredi à 08:00, 1 h 30"
    );
    assert_eq!(
        Schedule::first_weekday_of_month(from, Weekday::Mon, eight, 45)
            .unwrap()
            .describe_fr(),
        "le 1er lundi du mois à 08:00, 45 min"
    );
    assert_eq!(describe("FREQ=DAILY", 30), "tous les jours à 08:00, 30 min");
    assert_eq!(
        describe("FREQ=DAILY;INTERVAL=3;COUNT=4", 30),
        "tous les 3 jours à 08:00, 30 min, 4 fois"
    );
    assert_eq!(
        describe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", 30),
        "tous les jours à 08:00, 30 min"
    );
    assert_eq!(
        describe("FREQ=WEEKLY;INTERVAL=2", 60),
        "le lundi, une semaine sur deux à 08:00, 1 h"
    );
    assert_eq!(
        describe("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH;UNTIL=20251231", 60),
        "le mardi et le jeudi, toutes les 3 semaines à 08:00, 1 h, jusqu'au 31/12/2025"
    );
    assert_eq!(
        describe("FREQ=MONTHLY;BYDAY=-1FR,2TU", 60),
        "le 2e mardi et le dernier vendredi du mois à 08:00, 1 h"
    );
    assert_eq!(
        describe("FREQ=MONTHLY;BYDAY=WE", 60),
        "chaque mercredi du mois à 08:00, 1 h"
    );
    assert_eq!(
        describe("FREQ=MONTHLY;BYMONTHDAY=1,15,-1", 60),
        "le 1er, le 15 et le dernier jour du mois à 08:00, 1 h"
    );
    assert_eq!(
        describe("FREQ=MONTHLY;INTERVAL=2", 60),
        "le 6 du mois, un mois sur deux à 08:00, 1 h"
    );
}
