//! The few recurrence choices a coordinator picks from instead of writing an RRULE: "du
//! lundi au vendredi", "3 fois par semaine", "le 1er lundi du mois"…
//!
//! Each choice is a complete `Rule`, so the form can offer no choice core cannot expand.

use crate::recurrence::{weekday_code as day_code, weekday_fr, End, RecurrenceError, Rule, Schedule, Until, WeekdaySet, WEEK};
use chrono::{NaiveDate, NaiveTime, Weekday};
use std::collections::BTreeSet;

/// A recurrence as the editing form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecurrenceChoice {
    /// Du lundi au vendredi.
    Weekdays,
    /// Tous les jours.
    EveryDay,
    /// 3 fois par semaine: lundi, mercredi, vendredi.
    ThreeTimesAWeek,
    /// Une fois par semaine, le jour donné.
    Weekly(Weekday),
    /// Le 1er (jour) du mois.
    FirstOfMonth(Weekday),
}

impl RecurrenceChoice {
    /// The codes a form's `<select>` uses, e.g. `weekdays`, `weekly-TU`, `first-MO`.
    pub fn code(self) -> String {
        match self {
            RecurrenceChoice::Weekdays => "weekdays".to_owned(),
            RecurrenceChoice::EveryDay => "every-day".to_owned(),
            RecurrenceChoice::ThreeTimesAWeek => "three-a-week".to_owned(),
            RecurrenceChoice::Weekly(day) => format!("weekly-{}", day_code(day)),
            RecurrenceChoice::FirstOfMonth(day) => format!("first-{}", day_code(day)),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "weekdays" => Some(RecurrenceChoice::Weekdays),
            "every-day" => Some(RecurrenceChoice::EveryDay),
            "three-a-week" => Some(RecurrenceChoice::ThreeTimesAWeek),
            _ => {
                let (kind, day) = code.split_once('-')?;
                let day = WEEK.into_iter().find(|d| day_code(*d) == day)?;
                match kind {
                    "weekly" => Some(RecurrenceChoice::Weekly(day)),
                    "first" => Some(RecurrenceChoice::FirstOfMonth(day)),
                    _ => None,
                }
            }
        }
    }

    /// Every choice the form lists, in the order it lists them.
    pub fn all() -> Vec<RecurrenceChoice> {
        let fixed = [RecurrenceChoice::Weekdays, RecurrenceChoice::EveryDay, RecurrenceChoice::ThreeTimesAWeek];
        let weekly = WEEK.into_iter().map(RecurrenceChoice::Weekly);
        let monthly = WEEK.into_iter().map(RecurrenceChoice::FirstOfMonth);
        fixed.into_iter().chain(weekly).chain(monthly).collect()
    }

    /// "du lundi au vendredi", "le 1er lundi du mois": the choice as the form shows it.
    pub fn label_fr(self) -> String {
        match self {
            RecurrenceChoice::Weekdays => "du lundi au vendredi".to_owned(),
            RecurrenceChoice::EveryDay => "tous les jours".to_owned(),
            RecurrenceChoice::ThreeTimesAWeek => "3 fois par semaine (lundi, mercredi, vendredi)".to_owned(),
            RecurrenceChoice::Weekly(day) => format!("chaque {}", weekday_fr(day)),
            RecurrenceChoice::FirstOfMonth(day) => format!("le 1er {} du mois", weekday_fr(day)),
        }
    }

    fn rule(self) -> Result<Rule, RecurrenceError> {
        match self {
            RecurrenceChoice::Weekdays => Ok(Rule::weekly(WeekdaySet::MONDAY_TO_FRIDAY)),
            RecurrenceChoice::EveryDay => Ok(Rule::daily()),
            RecurrenceChoice::ThreeTimesAWeek => Ok(Rule::weekly(WeekdaySet::MONDAY_WEDNESDAY_FRIDAY)),
            RecurrenceChoice::Weekly(day) => Ok(Rule::weekly(WeekdaySet::single(day))),
            RecurrenceChoice::FirstOfMonth(day) => Rule::monthly_on_weekday(1, day),
        }
    }

    /// The schedule from `from` at `at`, `minutes` long, through `until` when given.
    pub fn schedule(
        self,
        from: NaiveDate,
        at: NaiveTime,
        minutes: u16,
        until: Option<NaiveDate>,
    ) -> Result<Schedule, RecurrenceError> {
        let end = until.map_or(End::Never, |day| End::Until(Until::Date(day)));
        Schedule::new(from.and_time(at), minutes, self.rule()?.ending(end), BTreeSet::new())
    }
}
