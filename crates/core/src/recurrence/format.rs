//! Writing RRULE text, and (de)serialising a rule as that text.
//!
//! The output is canonical (INTERVAL always written, days in week order) so that parsing it
//! gives back the same `Rule` and two equal rules print the same.

use super::monthly::Nth;
use super::rule::{End, Frequency, MonthlyBy, Rule, Until};
use super::weekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let freq = match self.frequency() {
            Frequency::Daily => "DAILY",
            Frequency::Weekly(_) => "WEEKLY",
            Frequency::Monthly(_) => "MONTHLY",
        };
        write!(f, "FREQ={freq};INTERVAL={}", self.interval())?;
        write_by_parts(f, self.frequency())?;
        match self.end() {
            End::Never => Ok(()),
            End::Count(count) => write!(f, ";COUNT={count}"),
            End::Until(Until::Date(date)) => write!(f, ";UNTIL={}", date.format("%Y%m%d")),
            End::Until(Until::DateTime(at)) => write!(f, ";UNTIL={}", at.format("%Y%m%dT%H%M%S")),
        }
    }
}

fn write_by_parts(f: &mut fmt::Formatter<'_>, frequency: Frequency) -> fmt::Result {
    let items: Vec<String> = match frequency {
        Frequency::Daily | Frequency::Weekly(None) | Frequency::Monthly(MonthlyBy::StartDay) => {
            return Ok(())
        }
        Frequency::Weekly(Some(days)) => days
            .iter()
            .map(|day| weekday::code(day).to_owned())
            .collect(),
        Frequency::Monthly(MonthlyBy::Weekdays(days)) => days
            .days()
            .map(|(nth, day)| match nth {
                Nth::Every => weekday::code(day).to_owned(),
                _ => format!("{}{}", nth.ordinal(), weekday::code(day)),
            })
            .collect(),
        Frequency::Monthly(MonthlyBy::MonthDays(days)) => {
            return write!(
                f,
                ";BYMONTHDAY={}",
                days.days()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            )
        }
    };
    write!(f, ";BYDAY={}", items.join(","))
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
