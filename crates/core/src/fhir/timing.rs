//! A schedule as an R4 `Timing`: as close as `repeat` allows, for systems that read only
//! standard elements.
//!
//! `Timing` has no ordinals ("1st Monday"), no intervals of weekdays and no excluded dates, so
//! the exact RRULE travels beside it (`EXT_SCHEDULE`) and import reads that instead.

use super::extension::fhir_date;
use crate::plan::ServiceLine;
use crate::recurrence::{End, Frequency, MonthlyBy, Schedule};
use chrono::{Datelike, Weekday};
use serde_json::{json, Value};

fn day_code(day: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.num_days_from_monday() as usize]
}

/// (frequency, period, periodUnit, dayOfWeek) of the rule.
fn cycle(schedule: &Schedule) -> (u32, u16, &'static str, Vec<Weekday>) {
    let rule = schedule.rule();
    let interval = rule.interval().get();
    match rule.frequency() {
        Frequency::Daily => (1, interval, "d", Vec::new()),
        Frequency::Weekly(days) => {
            let days: Vec<Weekday> = days.map_or_else(|| vec![schedule.dtstart().weekday()], |set| set.iter().collect());
            match interval {
                1 => (1, 1, "d", days),
                _ => (days.len() as u32, interval, "wk", days),
            }
        }
        Frequency::Monthly(by) => {
            let per_month = match by {
                MonthlyBy::StartDay => 1,
                MonthlyBy::MonthDays(days) => days.days().count(),
                MonthlyBy::Weekdays(days) => days.days().count(),
            };
            (per_month as u32, interval, "mo", Vec::new())
        }
    }
}

pub fn timing(line: &ServiceLine) -> Value {
    let fields = line.fields();
    let schedule = &fields.schedule;
    let (frequency, period, unit, days) = cycle(schedule);
    let mut bounds = json!({ "start": fhir_date(fields.period_start) });
    if let Some(end) = fields.period_end {
        bounds["end"] = json!(fhir_date(end));
    }
    let mut repeat = json!({
        "boundsPeriod": bounds,
        "duration": schedule.duration_minutes(),
        "durationUnit": "min",
        "frequency": frequency,
        "period": period,
        "periodUnit": unit,
        "timeOfDay": [schedule.dtstart().time().format("%H:%M:%S").to_string()],
    });
    if !days.is_empty() {
        repeat["dayOfWeek"] = json!(days.into_iter().map(day_code).collect::<Vec<_>>());
    }
    if let End::Count(count) = schedule.rule().end() {
        repeat["count"] = json!(count.get());
    }
    json!({ "repeat": repeat })
}
