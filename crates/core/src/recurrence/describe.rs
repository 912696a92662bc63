//! A schedule in plain French for the person, the family and the coordinator.
//!
//! Plans are read by people who never see RRULE text: "du lundi au vendredi à 08:00, 1 h".

use super::monthly::Nth;
use super::rule::{End, Frequency, MonthlyBy, Until};
use super::schedule::Schedule;
use super::weekday::{self, WeekdaySet};
use chrono::{Datelike, Timelike};

impl Schedule {
    /// E.g. "du lundi au vendredi à 08:00, 1 h" or "le 1er lundi du mois à 14:00, 1 h 30".
    pub fn describe_fr(&self) -> String {
        let at = self.dtstart().time();
        let mut text = format!(
            "{} à {:02}:{:02}, {}",
            self.days_fr(),
            at.hour(),
            at.minute(),
            duration_fr(self.duration_minutes())
        );
        match self.rule().end() {
            End::Never => {}
            End::Count(count) => text.push_str(&format!(", {count} fois")),
            End::Until(Until::Date(date)) => {
                text.push_str(&format!(", jusqu'au {}", date.format("%d/%m/%Y")))
            }
            End::Until(Until::DateTime(at)) => {
                text.push_str(&format!(", jusqu'au {}", at.format("%d/%m/%Y")))
            }
        }
        text
    }

    fn days_fr(&self) -> String {
        let interval = self.rule().interval().get();
        match self.rule().frequency() {
            Frequency::Daily if interval == 1 => "tous les jours".to_owned(),
            Frequency::Daily => format!("tous les {interval} jours"),
            Frequency::Weekly(days) => {
                let days = days.unwrap_or_else(|| WeekdaySet::single(self.dtstart().weekday()));
                with_interval(
                    week_days_fr(days),
                    interval,
                    "une semaine sur deux",
                    "toutes les",
                    "semaines",
                )
            }
            Frequency::Monthly(by) => with_interval(
                self.month_days_fr(by),
                interval,
                "un mois sur deux",
                "tous les",
                "mois",
            ),
        }
    }

    fn month_days_fr(&self, by: MonthlyBy) -> String {
        match by {
            MonthlyBy::StartDay => format!("{} du mois", month_day_fr(self.dtstart().day() as i8)),
            MonthlyBy::MonthDays(days) => {
                let days: Vec<String> = days.days().map(month_day_fr).collect();
                format!("{} du mois", join_fr(&days))
            }
            MonthlyBy::Weekdays(days) => {
                let days: Vec<String> = days
                    .days()
                    .map(|(nth, day)| nth_weekday_fr(nth, weekday::name_fr(day)))
                    .collect();
                format!("{} du mois", join_fr(&days))
            }
        }
    }
}

/// `every` carries the gender: "toutes les 3 semaines" but "tous les 3 mois".
fn with_interval(
    days: String,
    interval: u16,
    every_other: &str,
    every: &str,
    unit: &str,
) -> String {
    match interval {
        1 => days,
        2 => format!("{days}, {every_other}"),
        n => format!("{days}, {every} {n} {unit}"),
    }
}

/// A run of three days or more reads as "du lundi au vendredi".
fn week_days_fr(days: WeekdaySet) -> String {
    if days == WeekdaySet::EVERY_DAY {
        return "tous les jours".to_owned();
    }
    let mask = days.mask();
    let first = mask.trailing_zeros();
    let is_run = (mask >> first) & ((mask >> first) + 1) == 0;
    let names: Vec<&str> = days.iter().map(weekday::name_fr).collect();
    if is_run && names.len() >= 3 {
        return format!("du {} au {}", names[0], names[names.len() - 1]);
    }
    let names: Vec<String> = names.into_iter().map(|name| format!("le {name}")).collect();
    join_fr(&names)
}

fn nth_weekday_fr(nth: Nth, day: &str) -> String {
    match nth {
        Nth::Every => format!("chaque {day}"),
        Nth::First(1) => format!("le 1er {day}"),
        Nth::First(n) => format!("le {n}e {day}"),
        Nth::Last(1) => format!("le dernier {day}"),
        Nth::Last(2) => format!("l'avant-dernier {day}"),
        Nth::Last(n) => format!("le {n}e {day} avant la fin"),
    }
}

fn month_day_fr(day: i8) -> String {
    match day {
        1 => "le 1er".to_owned(),
        -1 => "le dernier jour".to_owned(),
        -2 => "l'avant-dernier jour".to_owned(),
        n if n < 0 => format!("le {}e jour avant la fin", -n),
        n => format!("le {n}"),
    }
}

fn join_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

fn duration_fr(minutes: u16) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}
