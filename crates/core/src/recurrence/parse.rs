//! Reading RRULE text (`FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20271231T235959`).
//!
//! Everything outside the supported subset is refused by name rather than ignored: ignoring
//! BYHOUR or BYSETPOS would silently plan visits on the wrong days.

use super::monthly::{MonthDaySet, MonthWeekdaySet, Nth};
use super::rule::{End, Frequency, MonthlyBy, Rule, Until};
use super::weekday::{self, WeekdaySet};
use super::RecurrenceError;
use chrono::{NaiveDate, NaiveDateTime, Weekday};
use std::num::{NonZeroU16, NonZeroU32};
use std::str::FromStr;

/// RFC 5545 parts that exist but are outside the subset Relais plans with.
const UNSUPPORTED_PARTS: [&str; 9] = [
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTH",
    "BYSETPOS",
    "RSCALE",
    "SKIP",
];

/// The raw values of each known part, before they are checked against each other.
#[derive(Default)]
struct Parts<'a> {
    freq: Option<&'a str>,
    interval: Option<&'a str>,
    byday: Option<&'a str>,
    bymonthday: Option<&'a str>,
    count: Option<&'a str>,
    until: Option<&'a str>,
    wkst: Option<&'a str>,
}

impl FromStr for Rule {
    type Err = RecurrenceError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let text = text.strip_prefix("RRULE:").unwrap_or(text);
        let parts = split(text)?;
        check_week_start(parts.wkst)?;
        let frequency = frequency(&parts)?;
        let interval = parts
            .interval
            .map(interval)
            .transpose()?
            .unwrap_or(NonZeroU16::MIN);
        Ok(Rule::new(frequency, interval, end(&parts)?))
    }
}

fn split(text: &str) -> Result<Parts<'_>, RecurrenceError> {
    let mut parts = Parts::default();
    for part in text.split(';').filter(|part| !part.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| RecurrenceError::Malformed(part.to_owned()))?;
        let slot = match key.trim().to_ascii_uppercase().as_str() {
            "FREQ" => (&mut parts.freq, "FREQ"),
            "INTERVAL" => (&mut parts.interval, "INTERVAL"),
            "BYDAY" => (&mut parts.byday, "BYDAY"),
            "BYMONTHDAY" => (&mut parts.bymonthday, "BYMONTHDAY"),
            "COUNT" => (&mut parts.count, "COUNT"),
            "UNTIL" => (&mut parts.until, "UNTIL"),
            "WKST" => (&mut parts.wkst, "WKST"),
            known if UNSUPPORTED_PARTS.contains(&known) => {
                return Err(RecurrenceError::Unsupported(known.to_owned()))
            }
            unknown => return Err(RecurrenceError::UnknownPart(unknown.to_owned())),
        };
        if slot.0.replace(value.trim()).is_some() {
            return Err(RecurrenceError::DuplicatePart(slot.1));
        }
    }
    Ok(parts)
}

/// Relais weeks start on Monday (French usage and ISO 8601), so only WKST=MO is meaningful.
fn check_week_start(wkst: Option<&str>) -> Result<(), RecurrenceError> {
    match wkst.map(str::to_ascii_uppercase).as_deref() {
        None | Some("MO") => Ok(()),
        Some(other) if weekday::from_code(other).is_some() => {
            Err(RecurrenceError::Unsupported(format!("WKST={other}")))
        }
        Some(other) => Err(invalid("WKST", other)),
    }
}

fn frequency(parts: &Parts) -> Result<Frequency, RecurrenceError> {
    let freq = parts
        .freq
        .ok_or(RecurrenceError::MissingFrequency)?
        .to_ascii_uppercase();
    match freq.as_str() {
        "DAILY" => daily(parts),
        "WEEKLY" => weekly(parts),
        "MONTHLY" => monthly(parts),
        "SECONDLY" | "MINUTELY" | "HOURLY" | "YEARLY" => {
            Err(RecurrenceError::Unsupported(format!("FREQ={freq}")))
        }
        _ => Err(invalid("FREQ", &freq)),
    }
}

fn daily(parts: &Parts) -> Result<Frequency, RecurrenceError> {
    if parts.byday.is_some() {
        return Err(RecurrenceError::Unsupported(
            "BYDAY avec FREQ=DAILY / BYDAY with FREQ=DAILY".to_owned(),
        ));
    }
    refuse_month_days_outside_monthly(parts, "DAILY")?;
    Ok(Frequency::Daily)
}

fn weekly(parts: &Parts) -> Result<Frequency, RecurrenceError> {
    refuse_month_days_outside_monthly(parts, "WEEKLY")?;
    let Some(list) = parts.byday else {
        return Ok(Frequency::Weekly(None));
    };
    let days = list
        .split(',')
        .map(|item| match by_day(item)? {
            (Nth::Every, day) => Ok(day),
            _ => Err(invalid("BYDAY", item)),
        })
        .collect::<Result<Vec<Weekday>, _>>()?;
    Ok(Frequency::Weekly(Some(WeekdaySet::from_days(&days)?)))
}

fn refuse_month_days_outside_monthly(parts: &Parts, freq: &str) -> Result<(), RecurrenceError> {
    match parts.bymonthday {
        Some(_) => Err(RecurrenceError::Unsupported(format!(
            "BYMONTHDAY avec FREQ={freq} / BYMONTHDAY with FREQ={freq}"
        ))),
        None => Ok(()),
    }
}

fn monthly(parts: &Parts) -> Result<Frequency, RecurrenceError> {
    let by = match (parts.byday, parts.bymonthday) {
        (Some(_), Some(_)) => {
            return Err(RecurrenceError::Unsupported(
                "BYDAY et BYMONTHDAY ensemble / BYDAY with BYMONTHDAY".to_owned(),
            ))
        }
        (Some(list), None) => {
            let days = list.split(',').map(by_day).collect::<Result<Vec<_>, _>>()?;
            MonthlyBy::Weekdays(MonthWeekdaySet::from_days(&days)?)
        }
        (None, Some(list)) => {
            let days = list
                .split(',')
                .map(month_day)
                .collect::<Result<Vec<_>, _>>()?;
            MonthlyBy::MonthDays(MonthDaySet::from_days(&days)?)
        }
        (None, None) => MonthlyBy::StartDay,
    };
    Ok(Frequency::Monthly(by))
}

/// `MO`, `1MO`, `+2TU`, `-1FR`.
fn by_day(item: &str) -> Result<(Nth, Weekday), RecurrenceError> {
    let item = item.trim();
    let split = item
        .len()
        .checked_sub(2)
        .filter(|&at| item.is_char_boundary(at))
        .ok_or_else(|| invalid("BYDAY", item))?;
    let (ordinal, code) = item.split_at(split);
    let day =
        weekday::from_code(&code.to_ascii_uppercase()).ok_or_else(|| invalid("BYDAY", item))?;
    let nth = match ordinal {
        "" => Nth::Every,
        _ => {
            let n: i8 = ordinal.parse().map_err(|_| invalid("BYDAY", item))?;
            if n == 0 {
                return Err(invalid("BYDAY", item));
            }
            Nth::from_ordinal(n).map_err(|_| invalid("BYDAY", item))?
        }
    };
    Ok((nth, day))
}

fn month_day(item: &str) -> Result<i8, RecurrenceError> {
    item.trim().parse().map_err(|_| invalid("BYMONTHDAY", item))
}

fn interval(value: &str) -> Result<NonZeroU16, RecurrenceError> {
    value.parse().map_err(|_| invalid("INTERVAL", value))
}

fn end(parts: &Parts) -> Result<End, RecurrenceError> {
    match (parts.count, parts.until) {
        (Some(_), Some(_)) => Err(RecurrenceError::CountAndUntil),
        (Some(count), None) => count
            .parse::<NonZeroU32>()
            .map(End::Count)
            .map_err(|_| invalid("COUNT", count)),
        (None, Some(until)) => parse_until(until).map(End::Until),
        (None, None) => Ok(End::Never),
    }
}

/// UNTIL in local wall time; a UTC value (`Z`) would need a time zone Relais does not have.
fn parse_until(value: &str) -> Result<Until, RecurrenceError> {
    if value.ends_with(['Z', 'z']) {
        return Err(RecurrenceError::Unsupported(format!(
            "UNTIL en UTC ({value}) / UNTIL in UTC ({value})"
        )));
    }
    if value.len() == 8 {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .map(Until::Date)
            .map_err(|_| invalid("UNTIL", value));
    }
    parse_local_date_time(value)
        .map(Until::DateTime)
        .ok_or_else(|| invalid("UNTIL", value))
}

/// `20271231T235959`, the RFC 5545 local "floating" form.
pub(super) fn parse_local_date_time(value: &str) -> Option<NaiveDateTime> {
    (value.len() == 15)
        .then(|| NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok())
        .flatten()
}

fn invalid(part: &'static str, value: &str) -> RecurrenceError {
    RecurrenceError::InvalidValue {
        part,
        value: value.to_owned(),
    }
}
