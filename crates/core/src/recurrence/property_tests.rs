//! Property tests: the lazy expansion against a naive expander written independently here.
//!
//! The naive side walks day by day from DTSTART and asks of each day "does the rule select
//! it?", using only the public description of the rule, so a shared bug is unlikely.

use super::*;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::num::{NonZeroU16, NonZeroU32};

const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn days_in_month(date: NaiveDate) -> u32 {
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    let next = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    (next - TimeDelta::days(1)).day()
}

/// Weeks since a known Monday, so that two dates in the same Monday-to-Sunday week agree.
fn week_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::from_ymd_opt(2000, 1, 3).unwrap())
        .num_days()
        .div_euclid(7)
}

fn selects(schedule: &Schedule, date: NaiveDate) -> bool {
    let start = schedule.dtstart().date();
    let interval = i64::from(schedule.rule().interval().get());
    match schedule.rule().frequency() {
        Frequency::Daily => (date - start).num_days() % interval == 0,
        Frequency::Weekly(days) => {
            let on_day = days.map_or(date.weekday() == start.weekday(), |set| {
                set.contains(date.weekday())
            });
            (week_number(date) - week_number(start)) % interval == 0 && on_day
        }
        Frequency::Monthly(by) => {
            let months = i64::from(date.year() - start.year()) * 12 + i64::from(date.month())
                - i64::from(start.month());
            months % interval == 0 && selects_in_month(by, start, date)
        }
    }
}

fn selects_in_month(by: MonthlyBy, start: NaiveDate, date: NaiveDate) -> bool {
    let (d, last) = (date.day() as i32, days_in_month(date) as i32);
    match by {
        MonthlyBy::StartDay => date.day() == start.day(),
        MonthlyBy::MonthDays(set) => set
            .days()
            .any(|n| i32::from(n) == d || i32::from(n) == d - last - 1),
        MonthlyBy::Weekdays(set) => set.days().any(|(nth, weekday)| {
            weekday == date.weekday()
                && match nth {
                    Nth::Every => true,
                    Nth::First(n) => (d - 1) / 7 + 1 == i32::from(n),
                    Nth::Last(n) => (last - d) / 7 + 1 == i32::from(n),
                }
        }),
    }
}

fn within_until(schedule: &Schedule, start: NaiveDateTime) -> bool {
    match schedule.rule().end() {
        End::Until(Until::Date(date)) => start.date() <= date,
        End::Until(Until::DateTime(until)) => start <= until,
        End::Never | End::Count(_) => true,
    }
}

fn naive(schedule: &Schedule, from: NaiveDateTime, to: NaiveDateTime) -> Vec<NaiveDateTime> {
    let limit = match schedule.rule().end() {
        End::Count(count) => count.get() as usize,
        _ => usize::MAX,
    };
    let mut found = Vec::new();
    let mut counted = 0;
    let mut date = schedule.dtstart().date();
    while date.and_time(schedule.dtstart().time()) < to && counted < limit {
        let start = date.and_time(schedule.dtstart().time());
        if selects(schedule, date) && within_until(schedule, start) {
            counted += 1;
            if start >= from && !schedule.exdates().contains(&start) {
                found.push(start);
            }
        }
        date = date.succ_opt().unwrap();
    }
    found
}

fn weekday_set() -> impl Strategy<Value = WeekdaySet> {
    proptest::sample::subsequence(DAYS.to_vec(), 1..=7)
        .prop_map(|days| WeekdaySet::from_days(&days).unwrap())
}

fn month_day() -> impl Strategy<Value = i8> {
    prop_oneof![1i8..=31, -31i8..=-1]
}

fn monthly_by() -> impl Strategy<Value = MonthlyBy> {
    let weekdays = proptest::collection::vec((-5i8..=5, 0usize..7), 1..4).prop_map(|days| {
        let days: Vec<(Nth, Weekday)> = days
            .into_iter()
            .map(|(n, d)| (Nth::from_ordinal(n).unwrap(), DAYS[d]))
            .collect();
        MonthlyBy::Weekdays(MonthWeekdaySet::from_days(&days).unwrap())
    });
    let month_days = proptest::collection::vec(month_day(), 1..4)
        .prop_map(|days| MonthlyBy::MonthDays(MonthDaySet::from_days(&days).unwrap()));
    prop_oneof![Just(MonthlyBy::StartDay), month_days, weekdays]
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![
        Just(Frequency::Daily),
        proptest::option::of(weekday_set()).prop_map(Frequency::Weekly),
        monthly_by().prop_map(Frequency::Monthly),
    ]
}

/// An end relative to DTSTART, so that UNTIL is never before it.
fn end(dtstart: NaiveDateTime) -> impl Strategy<Value = End> {
    prop_oneof![
        Just(End::Never),
        (1u32..300).prop_map(|n| End::Count(NonZeroU32::new(n).unwrap())),
        (0u64..1200)
            .prop_map(move |d| End::Until(Until::Date(dtstart.date() + chrono::Days::new(d)))),
        (0i64..1200 * 24 * 4)
            .prop_map(move |q| End::Until(Until::DateTime(dtstart + TimeDelta::minutes(15 * q)))),
    ]
}

fn dtstart() -> impl Strategy<Value = NaiveDateTime> {
    (0u64..1500, 0u32..24, 0u32..4).prop_map(|(d, h, q)| {
        let date = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(d);
        date.and_time(NaiveTime::from_hms_opt(h, q * 15, 0).unwrap())
    })
}

prop_compose! {
    fn schedule()(start in dtstart())(
        start in Just(start),
        frequency in frequency(),
        interval in 1u16..5,
        end in end(start),
        excluded in proptest::collection::vec(0i64..1300, 0..6),
    ) -> Schedule {
        let rule = Rule::new(frequency, NonZeroU16::new(interval).unwrap(), end);
        let exdates: BTreeSet<_> = excluded.into_iter().map(|d| start + TimeDelta::days(d)).collect();
        Schedule::new(start, 60, rule, exdates).unwrap()
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1024,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn lazy_expansion_matches_the_naive_walk(
        schedule in schedule(),
        offset_hours in -24i64 * 90..24 * 1300,
        length_hours in 1i64..24 * 120,
    ) {
        let from = schedule.dtstart() + TimeDelta::hours(offset_hours);
        let to = from + TimeDelta::hours(length_hours);
        let lazy: Vec<_> = schedule.occurrences(from, to).map(|o| o.start).collect();
        prop_assert_eq!(lazy, naive(&schedule, from, to));
    }

    #[test]
    fn rule_text_round_trips(schedule in schedule()) {
        let rule = *schedule.rule();
        prop_assert_eq!(rule.to_string().parse::<Rule>().unwrap(), rule);
    }
}
