//! The plan as sentences read in order: the accessible linear list of the timeline, and the
//! plain-language summary a family reads ("Cette semaine : 5 passages de l'aide à domicile").
//!
//! Both are built from the same visits as the timeline's lanes, so a screen reader hears
//! exactly what a sighted user sees.

use super::care_plan::Plan;
use super::hours::hours_fr;
use super::timeline::{visits_in_order, Visit, Window};
use crate::recurrence::weekday_fr;
use chrono::{Datelike, NaiveDate, Timelike};

const MONTHS_FR: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
];

/// "Lundi 3 mars".
pub fn day_fr(day: NaiveDate) -> String {
    let weekday = weekday_fr(day.weekday());
    let mut chars = weekday.chars();
    let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    format!("{capitalised} {} {}", day.day(), MONTHS_FR[day.month0() as usize])
}

/// "mars 2025".
pub fn month_fr(day: NaiveDate) -> String {
    format!("{} {}", MONTHS_FR[day.month0() as usize], day.year())
}

/// "8:00 Aide à domicile (Amapa), 1 h": one visit without its day.
pub fn visit_fr(plan: &Plan, visit: &Visit) -> String {
    let (service, provider) = plan
        .line(visit.line)
        .map(|line| (line.service().label_fr.as_str(), line.fields().provider.as_str()))
        .unwrap_or_default();
    format!(
        "{}:{:02} {service} ({provider}), {}",
        visit.start.hour(),
        visit.start.minute(),
        hours_fr(visit.minutes())
    )
}

/// One line of the linear list: the visit and its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaLine {
    pub visit: Visit,
    pub text: String,
}

/// "Lundi 3 mars — 8:00 Aide à domicile (Amapa), 1 h", for every visit of the window in order.
pub fn agenda(plan: &Plan, window: Window) -> Vec<AgendaLine> {
    visits_in_order(plan, window)
        .into_iter()
        .map(|visit| AgendaLine { text: format!("{} — {}", day_fr(visit.start.date()), visit_fr(plan, &visit)), visit })
        .collect()
}

/// "Cette semaine : aide à domicile, 5 passages ; soins infirmiers, 2 passages." — services in the
/// order the plan lists them, and a sentence of its own when nothing is planned.
pub fn family_summary(plan: &Plan, window: Window, heading: &str) -> String {
    let visits = visits_in_order(plan, window);
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for line in plan.lines() {
        let n = visits.iter().filter(|v| v.line == line.id()).count();
        let label = line.service().label_fr.as_str();
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, total)) => *total += n,
            None => counts.push((label, n)),
        }
    }
    let parts: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{}, {n} passage{}", label.to_lowercase(), if n > 1 { "s" } else { "" }))
        .collect();
    match parts.is_empty() {
        true => format!("{heading} : aucun passage prévu."),
        false => format!("{heading} : {}.", parts.join(" ; ")),
    }
}
