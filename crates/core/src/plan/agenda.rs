//! The plan as sentences read in order: the accessible linear list of the timeline, and the
//! plain-language summary a family reads ("Cette semaine : 5 passages de l'aide à domicile"),
//! in French or English.
//!
//! Both are built from the same visits as the timeline's lanes, so a screen reader hears
//! exactly what a sighted user sees, moved and paused visits included, said in words.

use super::care_plan::Plan;
use super::hours::hours_fr;
use super::timeline::{visits_in_order, Visit, Window};
use crate::lang::{pick, Lang};
use crate::recurrence::{weekday_en, weekday_fr, Exception};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const MONTHS_FR: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
];

const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

fn month_name(lang: Lang, day: NaiveDate) -> &'static str {
    let index = day.month0() as usize;
    pick(lang, MONTHS_FR[index], MONTHS_EN[index])
}

/// "lundi 3" / "Monday 3": a day inside a sentence.
fn weekday_and_number(lang: Lang, day: NaiveDate) -> String {
    format!("{} {}", pick(lang, weekday_fr(day.weekday()), weekday_en(day.weekday())), day.day())
}

/// "Lundi 3 mars" / "Monday 3 March".
pub fn day_text(lang: Lang, day: NaiveDate) -> String {
    let short = weekday_and_number(lang, day);
    let mut chars = short.chars();
    let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    format!("{capitalised} {}", month_name(lang, day))
}

/// "mars 2025" / "March 2025".
pub fn month_text(lang: Lang, day: NaiveDate) -> String {
    format!("{} {}", month_name(lang, day), day.year())
}

fn clock(at: NaiveDateTime) -> String {
    format!("{}:{:02}", at.hour(), at.minute())
}

/// "8:00 Aide à domicile (Amapa), 1 h", then what is unusual about it: "suspendu (vacances)",
/// "déplacé du lundi 3 au mardi 4". One visit without its day.
pub fn visit_text(lang: Lang, plan: &Plan, visit: &Visit) -> String {
    let line = plan.line(visit.line);
    let (service, provider) =
        line.map(|line| (line.service().label(lang), line.fields().provider.as_str())).unwrap_or_default();
    let text = format!("{} {service} ({provider}), {}", clock(visit.start), hours_fr(visit.minutes()));
    match visit.exception {
        None => text,
        Some(Exception::Paused) => {
            let reason = line.and_then(|l| l.fields().schedule.pause_on(visit.start.date())).map(|p| p.reason()).unwrap_or_default();
            let word = pick(lang, "suspendu", "suspended");
            match reason.is_empty() {
                true => format!("{text} — {word}"),
                false => format!("{text} — {word} ({reason})"),
            }
        }
        Some(Exception::Moved(from)) => format!("{text} — {}", moved(lang, from, visit.start)),
    }
}

/// "déplacé du lundi 3 au mardi 4", with the times when they changed.
fn moved(lang: Lang, from: NaiveDateTime, to: NaiveDateTime) -> String {
    let (was, now) = (weekday_and_number(lang, from.date()), weekday_and_number(lang, to.date()));
    match (lang, from.time() == to.time()) {
        (Lang::Fr, true) => format!("déplacé du {was} au {now}"),
        (Lang::Fr, false) => format!("déplacé du {was} à {} au {now} à {}", clock(from), clock(to)),
        (Lang::En, true) => format!("moved from {was} to {now}"),
        (Lang::En, false) => format!("moved from {was} at {} to {now} at {}", clock(from), clock(to)),
    }
}

/// One line of the linear list: the visit and its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaLine {
    pub visit: Visit,
    pub text: String,
}

/// "Lundi 3 mars — 8:00 Aide à domicile (Amapa), 1 h", for every visit of the window in order.
pub fn agenda(lang: Lang, plan: &Plan, window: Window) -> Vec<AgendaLine> {
    visits_in_order(plan, window)
        .into_iter()
        .map(|visit| AgendaLine {
            text: format!("{} — {}", day_text(lang, visit.start.date()), visit_text(lang, plan, &visit)),
            visit,
        })
        .collect()
}

/// "Cette semaine : aide à domicile, 5 passages ; soins infirmiers, 2 passages." — services in the
/// order the plan lists them, paused visits left out, and a sentence of its own when nothing
/// takes place.
pub fn family_summary(lang: Lang, plan: &Plan, window: Window, heading: &str) -> String {
    let visits = visits_in_order(plan, window);
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for line in plan.lines() {
        let n = visits.iter().filter(|v| v.line == line.id() && v.happens()).count();
        let label = line.service().label(lang);
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, total)) => *total += n,
            None => counts.push((label, n)),
        }
    }
    let noun = pick(lang, "passage", "visit");
    let parts: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{}, {n} {noun}{}", label.to_lowercase(), if n > 1 { "s" } else { "" }))
        .collect();
    match (lang, parts.is_empty()) {
        (Lang::Fr, true) => format!("{heading} : aucun passage prévu."),
        (Lang::Fr, false) => format!("{heading} : {}.", parts.join(" ; ")),
        (Lang::En, true) => format!("{heading}: no visit planned."),
        (Lang::En, false) => format!("{heading}: {}.", parts.join("; ")),
    }
}
