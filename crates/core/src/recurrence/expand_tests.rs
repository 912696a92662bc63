//! Edge cases of the lazy expansion, checked against dates worked out by hand.

use super::*;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

fn schedule(start: NaiveDateTime, text: &str) -> Schedule {
    Schedule::new(start, 60, text.parse().unwrap(), BTreeSet::new()).unwrap()
}

/// The days of the occurrences starting in `[from, to)`.
fn days(schedule: &Schedule, from: NaiveDateTime, to: NaiveDateTime) -> Vec<NaiveDate> {
    schedule
        .occurrences(from, to)
        .map(|o| o.start.date())
        .collect()
}

#[test]
fn leap_years_have_a_29th_of_february() {
    let s = schedule(at(2024, 1, 29, 9), "FREQ=MONTHLY;BYMONTHDAY=29");
    let found = days(&s, at(2024, 1, 1, 0), at(2025, 4, 1, 0));
    assert!(found.contains(&day(2024, 2, 29)));
    assert!(!found.iter().any(|d| d.year() == 2025 && d.month() == 2));
    assert_eq!(found.len(), 14);
}

#[test]
fn the_31st_only_exists_in_seven_months() {
    let s = schedule(at(2024, 1, 31, 9), "FREQ=MONTHLY");
    let found = days(&s, at(2024, 1, 1, 0), at(2025, 1, 1, 0));
    let months: Vec<u32> = found.iter().map(|d| d.month()).collect();
    assert_eq!(months, [1, 3, 5, 7, 8, 10, 12]);
}

#[test]
fn minus_one_is_the_last_day_of_each_month() {
    let s = schedule(at(2024, 1, 1, 9), "FREQ=MONTHLY;BYMONTHDAY=-1");
    let found = days(&s, at(2024, 2, 1, 0), at(2025, 3, 1, 0));
    assert_eq!(found[0], day(2024, 2, 29));
    assert_eq!(found[found.len() - 1], day(2025, 2, 28));
}

#[test]
fn last_friday_of_the_month() {
    let s = schedule(at(2024, 1, 1, 14), "FREQ=MONTHLY;BYDAY=-1FR");
    let found = days(&s, at(2024, 1, 1, 0), at(2024, 4, 1, 0));
    assert_eq!(
        found,
        [day(2024, 1, 26), day(2024, 2, 23), day(2024, 3, 29)]
    );
}

#[test]
fn every_other_week_counts_weeks_from_monday() {
    // DTSTART is Wednesday 3 January 2024; its week starts Monday 1 January (WKST=MO).
    let s = schedule(at(2024, 1, 3, 8), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE");
    let found = days(&s, at(2023, 12, 1, 0), at(2024, 2, 1, 0));
    assert_eq!(
        found,
        [
            day(2024, 1, 3),
            day(2024, 1, 15),
            day(2024, 1, 17),
            day(2024, 1, 29),
            day(2024, 1, 31)
        ]
    );
}

#[test]
fn count_is_counted_from_dtstart() {
    let s = schedule(at(2024, 1, 1, 8), "FREQ=DAILY;COUNT=10");
    assert!(days(&s, at(2024, 2, 1, 0), at(2024, 3, 1, 0)).is_empty());
    assert_eq!(days(&s, at(2024, 1, 5, 0), at(2024, 3, 1, 0)).len(), 6);
    let weekly = schedule(at(2024, 1, 3, 8), "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=7");
    let found = days(&weekly, at(2024, 1, 10, 0), at(2024, 3, 1, 0));
    assert_eq!(
        found,
        [
            day(2024, 1, 10),
            day(2024, 1, 12),
            day(2024, 1, 15),
            day(2024, 1, 17)
        ]
    );
    let monthly = schedule(at(2024, 1, 31, 8), "FREQ=MONTHLY;COUNT=3");
    assert_eq!(
        days(&monthly, at(2024, 4, 1, 0), at(2025, 1, 1, 0)),
        [day(2024, 5, 31)]
    );
}

#[test]
fn until_inside_the_window_is_inclusive() {
    let by_date = schedule(at(2024, 1, 1, 18), "FREQ=DAILY;UNTIL=20240110");
    assert_eq!(
        days(&by_date, at(2024, 1, 5, 0), at(2024, 2, 1, 0)).len(),
        6
    );
    let exact = schedule(at(2024, 1, 1, 18), "FREQ=DAILY;UNTIL=20240110T180000");
    assert_eq!(days(&exact, at(2024, 1, 5, 0), at(2024, 2, 1, 0)).len(), 6);
    let just_before = schedule(at(2024, 1, 1, 18), "FREQ=DAILY;UNTIL=20240110T175959");
    assert_eq!(
        days(&just_before, at(2024, 1, 5, 0), at(2024, 2, 1, 0)).len(),
        5
    );
}

#[test]
fn an_exdate_removes_one_occurrence() {
    let s = schedule(at(2024, 1, 1, 8), "FREQ=DAILY")
        .excluding(at(2024, 1, 3, 8))
        .excluding(at(2024, 1, 4, 9));
    let found = days(&s, at(2024, 1, 1, 0), at(2024, 1, 6, 0));
    assert_eq!(
        found,
        [
            day(2024, 1, 1),
            day(2024, 1, 2),
            day(2024, 1, 4),
            day(2024, 1, 5)
        ]
    );
}

#[test]
fn windows_before_dtstart_are_empty_and_the_window_is_half_open() {
    let s = schedule(at(2024, 6, 1, 8), "FREQ=DAILY");
    assert!(days(&s, at(2024, 1, 1, 0), at(2024, 6, 1, 8)).is_empty());
    assert_eq!(
        days(&s, at(2024, 5, 1, 0), at(2024, 6, 2, 8)),
        [day(2024, 6, 1)]
    );
    assert!(days(&s, at(2024, 7, 1, 0), at(2024, 6, 1, 0)).is_empty());
}

#[test]
fn an_unsynchronised_dtstart_is_not_an_occurrence() {
    let s = schedule(at(2024, 1, 6, 8), "FREQ=WEEKLY;BYDAY=MO");
    assert_eq!(
        days(&s, at(2024, 1, 1, 0), at(2024, 1, 9, 0)),
        [day(2024, 1, 8)]
    );
}

#[test]
fn wall_time_does_not_move_across_daylight_saving() {
    let s = schedule(at(2024, 3, 30, 8), "FREQ=DAILY");
    let found: Vec<_> = s
        .occurrences(at(2024, 3, 30, 0), at(2024, 4, 2, 0))
        .collect();
    assert!(found
        .iter()
        .all(|o| o.start.time() == at(2024, 1, 1, 8).time() && o.minutes() == 60));
    assert_eq!(found.len(), 3);
}

#[test]
fn the_iterator_stays_finished() {
    let s = schedule(at(2024, 1, 1, 8), "FREQ=DAILY;COUNT=1");
    let mut it = s.occurrences(at(2024, 1, 1, 0), at(2024, 2, 1, 0));
    assert!(it.next().is_some());
    assert!(it.next().is_none());
    assert!(it.next().is_none());
}

#[test]
fn far_windows_end_at_the_calendar_limit() {
    let s = schedule(at(2024, 1, 1, 8), "FREQ=MONTHLY;INTERVAL=1000");
    assert_eq!(
        s.occurrences(NaiveDateTime::MIN, NaiveDateTime::MAX)
            .take(3)
            .count(),
        3
    );
    assert_eq!(
        s.occurrences(NaiveDateTime::MIN, NaiveDateTime::MAX)
            .count(),
        3122
    );
}
