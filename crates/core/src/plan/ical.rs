//! The plan as an iCalendar file (RFC 5545) a family imports into its own calendar: one
//! recurring event per service line, hospital stays as all-day events.
//!
//! Times are floating local times, as the plan's are: a visit at 8:00 stays at 8:00 whatever
//! the calendar's zone. Lines are folded at 75 octets and text escaped as the RFC requires.

use super::care_plan::Plan;
use super::line::ServiceLine;
use crate::recurrence::Schedule;
use chrono::{Days, NaiveDateTime, NaiveTime};

/// The whole `.ics` text, CRLF line ends included.
pub fn to_ical(plan: &Plan) -> String {
    let mut lines = vec!["BEGIN:VCALENDAR".to_owned(), "VERSION:2.0".to_owned(), "PRODID:-//Relais//Plan//FR".to_owned()];
    for line in plan.lines().iter().filter(|line| line.fields().status.counts()) {
        lines.extend(line_event(line));
    }
    for (n, stay) in plan.hospital_episodes().iter().enumerate() {
        let end = stay.discharged().unwrap_or(stay.admitted()) + Days::new(1);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}-sejour-{n}@relais", plan.id()),
            format!("DTSTAMP:{}Z", stamp(stay.admitted().and_time(NaiveTime::MIN))),
            format!("DTSTART;VALUE=DATE:{}", stay.admitted().format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
            format!("SUMMARY:{}", escape(format!("Hospitalisation {}", stay.reason()).trim_end())),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

/// DTSTART is the first visit, not the rule's anchor: iCalendar counts DTSTART as a visit
/// even where the rule does not select it, Relais does not. A line without visits in its
/// first year (one that ends before it starts) has no event.
fn line_event(line: &ServiceLine) -> Vec<String> {
    let fields = line.fields();
    let schedule: &Schedule = &fields.schedule;
    let from = schedule.dtstart().max(fields.period_start.and_time(NaiveTime::MIN));
    let Some(start) = line.occurrences(from, from + Days::new(400)).next().map(|visit| visit.start) else {
        return Vec::new();
    };
    let mut rule = schedule.rule().to_string();
    if let Some(end) = fields.period_end.filter(|_| !rule.contains("UNTIL") && !rule.contains("COUNT")) {
        rule.push_str(&format!(";UNTIL={}", end.format("%Y%m%dT235959")));
    }
    let mut event = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@relais", line.id()),
        format!("DTSTAMP:{}Z", stamp(start)),
        format!("DTSTART:{}", stamp(start)),
        format!("DURATION:PT{}M", schedule.duration_minutes()),
        format!("RRULE:{rule}"),
    ];
    event.extend(schedule.exdates().iter().map(|day| format!("EXDATE:{}", stamp(*day))));
    event.extend([
        format!("SUMMARY:{}", escape(&format!("{} ({})", line.service().label_fr, fields.provider))),
        format!("DESCRIPTION:{}", escape(&schedule.describe_fr())),
        "END:VEVENT".to_owned(),
    ]);
    event
}

fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// Backslash, semicolon, comma and newline are escaped in TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// Splits a content line into 75-octet pieces, continuation lines starting with a space,
/// never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}
