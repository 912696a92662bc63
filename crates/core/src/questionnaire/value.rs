//! Answer values: the typed `value[x]` of FHIR answers, answer options, initial values and the
//! `answer[x]` of conditions.
//!
//! One type serves all four places so that a condition, an option and an answer are compared
//! with the same rules, and so that every value reaching the engine has already been parsed.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, SecondsFormat};
use serde_json::{json, Map, Value};
use std::cmp::Ordering;

/// A code from a code system, as FHIR `Coding`; the code is what identifies the concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    pub system: Option<String>,
    pub code: String,
    pub display: Option<String>,
}

impl Coding {
    pub fn new(system: Option<&str>, code: &str, display: Option<&str>) -> Self {
        Self {
            system: system.map(str::to_owned),
            code: code.to_owned(),
            display: display.map(str::to_owned),
        }
    }

    /// The display is only a label: two codings name the same concept when system and code agree.
    pub fn same_concept(&self, other: &Coding) -> bool {
        self.system == other.system && self.code == other.code
    }
}

/// A typed answer. Dates and times are complete (no partial `2026-11` dates) and a date-time
/// carries its offset, so comparisons are never ambiguous.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    Boolean(bool),
    Decimal(f64),
    /// FHIR `integer` is a signed 32-bit number.
    Integer(i32),
    Date(NaiveDate),
    DateTime(DateTime<FixedOffset>),
    Time(NaiveTime),
    String(String),
    Coding(Coding),
}

/// The `[x]` of a supported `value[x]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueType {
    Boolean,
    Decimal,
    Integer,
    Date,
    DateTime,
    Time,
    String,
    Coding,
}

impl ValueType {
    pub const ALL: [ValueType; 8] = [
        ValueType::Boolean,
        ValueType::Decimal,
        ValueType::Integer,
        ValueType::Date,
        ValueType::DateTime,
        ValueType::Time,
        ValueType::String,
        ValueType::Coding,
    ];

    /// The suffix FHIR appends, e.g. `Coding` in `valueCoding`.
    pub fn suffix(self) -> &'static str {
        match self {
            ValueType::Boolean => "Boolean",
            ValueType::Decimal => "Decimal",
            ValueType::Integer => "Integer",
            ValueType::Date => "Date",
            ValueType::DateTime => "DateTime",
            ValueType::Time => "Time",
            ValueType::String => "String",
            ValueType::Coding => "Coding",
        }
    }

    pub fn from_suffix(suffix: &str) -> Option<ValueType> {
        ValueType::ALL.into_iter().find(|t| t.suffix() == suffix)
    }

    /// Only these types give a meaning to `>`, `<`, `>=` and `<=`.
    pub fn is_ordered(self) -> bool {
        matches!(
            self,
            ValueType::Decimal | ValueType::Integer | ValueType::Date | ValueType::DateTime | ValueType::Time
        )
    }

    /// What a valid value looks like, in French and English, for error messages.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            ValueType::Boolean => ("un booléen (true ou false)", "a boolean (true or false)"),
            ValueType::Decimal => ("un nombre", "a number"),
            ValueType::Integer => ("un entier (32 bits)", "a (32-bit) integer"),
            ValueType::Date => ("une date complète AAAA-MM-JJ", "a full date YYYY-MM-DD"),
            ValueType::DateTime => (
                "une date-heure avec fuseau (AAAA-MM-JJThh:mm:ss+01:00)",
                "a date-time with a time zone (YYYY-MM-DDThh:mm:ss+01:00)",
            ),
            ValueType::Time => ("une heure hh:mm:ss", "a time hh:mm:ss"),
            ValueType::String => ("un texte non vide", "a non-empty string"),
            ValueType::Coding => ("un Coding avec un « code »", "a Coding with a 'code'"),
        }
    }
}

impl AnswerValue {
    pub fn value_type(&self) -> ValueType {
        match self {
            AnswerValue::Boolean(_) => ValueType::Boolean,
            AnswerValue::Decimal(_) => ValueType::Decimal,
            AnswerValue::Integer(_) => ValueType::Integer,
            AnswerValue::Date(_) => ValueType::Date,
            AnswerValue::DateTime(_) => ValueType::DateTime,
            AnswerValue::Time(_) => ValueType::Time,
            AnswerValue::String(_) => ValueType::String,
            AnswerValue::Coding(_) => ValueType::Coding,
        }
    }

    /// Equality as `enableWhen` and option lists mean it: codings by concept, date-times by instant.
    pub fn matches(&self, other: &AnswerValue) -> bool {
        match (self, other) {
            (AnswerValue::Coding(a), AnswerValue::Coding(b)) => a.same_concept(b),
            _ => self.compare(other) == Some(Ordering::Equal),
        }
    }

    /// Order between two values of the same type; `None` across types and for unordered ones
    /// other than equality.
    pub fn compare(&self, other: &AnswerValue) -> Option<Ordering> {
        use AnswerValue as V;
        match (self, other) {
            (V::Boolean(a), V::Boolean(b)) => (a == b).then_some(Ordering::Equal),
            (V::String(a), V::String(b)) => (a == b).then_some(Ordering::Equal),
            (V::Coding(a), V::Coding(b)) => a.same_concept(b).then_some(Ordering::Equal),
            (V::Decimal(a), V::Decimal(b)) => a.partial_cmp(b),
            (V::Integer(a), V::Integer(b)) => Some(a.cmp(b)),
            (V::Date(a), V::Date(b)) => Some(a.cmp(b)),
            (V::DateTime(a), V::DateTime(b)) => Some(a.cmp(b)),
            (V::Time(a), V::Time(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// The FHIR JSON member, e.g. `("valueCoding", {...})` for `prefix` = `value`.
    pub(crate) fn to_fhir(&self, prefix: &str) -> (String, Value) {
        let key = format!("{prefix}{}", self.value_type().suffix());
        let value = match self {
            AnswerValue::Boolean(b) => json!(b),
            AnswerValue::Decimal(d) => json!(d),
            AnswerValue::Integer(i) => json!(i),
            AnswerValue::Date(d) => json!(d.format("%Y-%m-%d").to_string()),
            AnswerValue::DateTime(dt) => json!(dt.to_rfc3339_opts(SecondsFormat::AutoSi, false)),
            AnswerValue::Time(t) => json!(t.format("%H:%M:%S").to_string()),
            AnswerValue::String(s) => json!(s),
            AnswerValue::Coding(c) => coding_json(c),
        };
        (key, value)
    }

    /// Reads the JSON of a `value[x]` whose type the key announced; `None` when it does not fit.
    pub(crate) fn from_fhir(value_type: ValueType, json: &Value) -> Option<AnswerValue> {
        match value_type {
            ValueType::Boolean => json.as_bool().map(AnswerValue::Boolean),
            ValueType::Decimal => json.as_f64().filter(|d| d.is_finite()).map(AnswerValue::Decimal),
            ValueType::Integer => json
                .as_i64()
                .and_then(|i| i32::try_from(i).ok())
                .map(AnswerValue::Integer),
            ValueType::Date => json.as_str().and_then(parse_date).map(AnswerValue::Date),
            ValueType::DateTime => json
                .as_str()
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .map(AnswerValue::DateTime),
            ValueType::Time => json.as_str().and_then(parse_time).map(AnswerValue::Time),
            ValueType::String => json
                .as_str()
                .filter(|s| !s.trim().is_empty())
                .map(|s| AnswerValue::String(s.to_owned())),
            ValueType::Coding => json.as_object().and_then(coding_from_json).map(AnswerValue::Coding),
        }
    }
}

fn coding_json(coding: &Coding) -> Value {
    let mut object = Map::new();
    if let Some(system) = &coding.system {
        object.insert("system".into(), json!(system));
    }
    object.insert("code".into(), json!(coding.code));
    if let Some(display) = &coding.display {
        object.insert("display".into(), json!(display));
    }
    Value::Object(object)
}

fn coding_from_json(object: &Map<String, Value>) -> Option<Coding> {
    let optional = |key: &str| match object.get(key) {
        None => Some(None),
        Some(v) => v.as_str().map(|s| Some(s.to_owned())),
    };
    let code = object.get("code")?.as_str().filter(|c| !c.trim().is_empty())?;
    Some(Coding {
        system: optional("system")?,
        code: code.to_owned(),
        display: optional("display")?,
    })
}

/// FHIR `date` in its complete form.
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|_| raw.len() == 10)
}

/// FHIR `time` (`hh:mm:ss`, optional fraction).
pub(crate) fn parse_time(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw, "%H:%M:%S%.f").ok()
}

/// Which `prefix[x]` member an object carries.
pub(crate) enum Choice<'a> {
    Absent,
    Found(ValueType, &'a Value),
    /// A FHIR type the engine does not handle (Quantity, Reference, Attachment, Uri…).
    Unsupported(String),
    Several(Vec<String>),
}

/// Finds the `prefix[x]` member of `object`; `_prefix…` members are primitive extensions, not values.
pub(crate) fn choice<'a>(object: &'a Map<String, Value>, prefix: &str) -> Choice<'a> {
    let found: Vec<(&str, &Value)> = object
        .iter()
        .filter_map(|(key, value)| {
            let suffix = key.strip_prefix(prefix)?;
            suffix
                .starts_with(|c: char| c.is_ascii_uppercase())
                .then_some((suffix, value))
        })
        .collect();
    match found.as_slice() {
        [] => Choice::Absent,
        [(suffix, value)] => match ValueType::from_suffix(suffix) {
            Some(value_type) => Choice::Found(value_type, value),
            None => Choice::Unsupported((*suffix).to_owned()),
        },
        several => Choice::Several(several.iter().map(|(s, _)| format!("{prefix}{s}")).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_fhir_json() {
        let values = [
            AnswerValue::Boolean(true),
            AnswerValue::Decimal(1.5),
            AnswerValue::Integer(-3),
            AnswerValue::Date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            AnswerValue::DateTime(DateTime::parse_from_rfc3339("2026-11-23T08:11:00+01:00").unwrap()),
            AnswerValue::Time(NaiveTime::from_hms_opt(8, 30, 0).unwrap()),
            AnswerValue::String("oui".into()),
            AnswerValue::Coding(Coding::new(Some("http://s"), "a", Some("A"))),
        ];
        for value in values {
            let (key, json) = value.to_fhir("value");
            assert_eq!(key, format!("value{}", value.value_type().suffix()));
            assert_eq!(AnswerValue::from_fhir(value.value_type(), &json), Some(value));
        }
    }

    #[test]
    fn partial_dates_and_out_of_range_integers_are_refused() {
        assert_eq!(AnswerValue::from_fhir(ValueType::Date, &json!("2026-11")), None);
        assert_eq!(
            AnswerValue::from_fhir(ValueType::Integer, &json!(3_000_000_000_i64)),
            None
        );
        assert_eq!(AnswerValue::from_fhir(ValueType::Integer, &json!(1.5)), None);
        assert_eq!(
            AnswerValue::from_fhir(ValueType::DateTime, &json!("2026-11-23T08:00:00")),
            None
        );
        assert_eq!(AnswerValue::from_fhir(ValueType::Coding, &json!({"system": "s"})), None);
        assert_eq!(AnswerValue::from_fhir(ValueType::String, &json!("  ")), None);
    }

    #[test]
    fn codings_match_by_concept_and_date_times_by_instant() {
        let a = AnswerValue::Coding(Coding::new(Some("s"), "x", Some("X")));
        let b = AnswerValue::Coding(Coding::new(Some("s"), "x", None));
        let c = AnswerValue::Coding(Coding::new(Some("t"), "x", None));
        assert!(a.matches(&b));
        assert!(!a.matches(&c));
        let paris = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
        let utc = DateTime::parse_from_rfc3339("2026-11-23T08:00:00Z").unwrap();
        assert!(AnswerValue::DateTime(paris).matches(&AnswerValue::DateTime(utc)));
    }

    #[test]
    fn choice_finds_one_member_and_reports_others() {
        let object = json!({"valueString": "a", "_valueString": {}});
        assert!(matches!(
            choice(object.as_object().unwrap(), "value"),
            Choice::Found(ValueType::String, _)
        ));
        let object = json!({"valueQuantity": {}});
        assert!(matches!(choice(object.as_object().unwrap(), "value"), Choice::Unsupported(s) if s == "Quantity"));
        let object = json!({"valueString": "a", "valueInteger": 1});
        assert!(matches!(
            choice(object.as_object().unwrap(), "value"),
            Choice::Several(_)
        ));
        let object = json!({"initialSelected": true});
        assert!(matches!(choice(object.as_object().unwrap(), "value"), Choice::Absent));
    }
}
