//! Checks one value against the item it answers, and turns what a person typed into a value.
//!
//! The response state only ever holds values that passed [`validate_value`], so type,
//! `maxLength` and option membership are checked once, when the answer is given, and the UI can
//! show the message next to the field. `required` depends on the whole form: see
//! [`super::Completion`].

use super::definition::ItemKind;
use super::value::{parse_date, parse_time, AnswerValue, ValueType};
use chrono::{DateTime, NaiveDate, NaiveTime};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    NotAnswerable,
    Blank,
    WrongType { item_type: String, found: ValueType },
    Unparsable { expected: ValueType, input: String },
    TooLong { max: u32, found: usize },
    NotAnOption,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (fr, en) = self.messages();
        write!(f, "{fr} / {en}")
    }
}

impl std::error::Error for ValueError {}

impl ValueError {
    pub fn messages(&self) -> (String, String) {
        match self {
            ValueError::NotAnswerable => (
                "cet item n'attend pas de réponse".into(),
                "this item takes no answer".into(),
            ),
            ValueError::Blank => ("la réponse est vide".into(), "the answer is empty".into()),
            ValueError::WrongType { item_type, found } => (
                format!("une question « {item_type} » n'accepte pas un {}", found.suffix()),
                format!("a '{item_type}' question does not accept a {}", found.suffix()),
            ),
            ValueError::Unparsable { expected, input } => {
                let (fr, en) = expected.describe();
                (format!("« {input} » n'est pas {fr}"), format!("'{input}' is not {en}"))
            }
            ValueError::TooLong { max, found } => (
                format!("{found} caractères pour {max} au plus"),
                format!("{found} characters, at most {max} allowed"),
            ),
            ValueError::NotAnOption => (
                "cette réponse ne fait pas partie des choix proposés".into(),
                "this answer is not one of the options".into(),
            ),
        }
    }
}

/// Checks `value` for an item of `kind`. For a choice, returns the option itself, so the stored
/// coding keeps the definition's system and display whatever the caller passed.
pub fn validate_value(kind: &ItemKind, value: AnswerValue) -> Result<AnswerValue, ValueError> {
    if !kind.is_question() {
        return Err(ValueError::NotAnswerable);
    }
    if !kind.accepts(value.value_type()) {
        return Err(ValueError::WrongType {
            item_type: kind.type_code().to_owned(),
            found: value.value_type(),
        });
    }
    if let AnswerValue::String(text) = &value {
        if text.trim().is_empty() {
            return Err(ValueError::Blank);
        }
    }
    if let AnswerValue::Decimal(d) = value {
        if !d.is_finite() {
            return Err(ValueError::Unparsable {
                expected: ValueType::Decimal,
                input: d.to_string(),
            });
        }
    }
    match kind {
        ItemKind::Choice { options } => option(options, &value).ok_or(ValueError::NotAnOption),
        ItemKind::OpenChoice { options, max_length } => match option(options, &value) {
            Some(chosen) => Ok(chosen),
            None if value.value_type() == ValueType::String => within(*max_length, value),
            None => Err(ValueError::NotAnOption),
        },
        ItemKind::String { max_length } | ItemKind::Text { max_length } => within(*max_length, value),
        _ => Ok(value),
    }
}

fn option(options: &[AnswerValue], value: &AnswerValue) -> Option<AnswerValue> {
    options.iter().find(|o| o.matches(value)).cloned()
}

fn within(max_length: Option<u32>, value: AnswerValue) -> Result<AnswerValue, ValueError> {
    let (Some(max), AnswerValue::String(text)) = (max_length, &value) else {
        return Ok(value);
    };
    let found = text.chars().count();
    if found > max as usize {
        return Err(ValueError::TooLong { max, found });
    }
    Ok(value)
}

/// Parses text typed for an item of `kind`, then validates it. Decimals take a French comma,
/// dates also `JJ/MM/AAAA`, times also `hh:mm`; a choice is given by its code (or its text,
/// number or date for non-coded options).
pub fn parse_answer(kind: &ItemKind, raw: &str) -> Result<AnswerValue, ValueError> {
    let input = raw.trim();
    if input.is_empty() {
        return Err(ValueError::Blank);
    }
    let value = match kind {
        ItemKind::Boolean => parse_boolean(input)?,
        ItemKind::Decimal => parse_decimal(input)?,
        ItemKind::Integer => parse_with(input, ValueType::Integer, |s| s.parse().ok().map(AnswerValue::Integer))?,
        ItemKind::Date => parse_with(input, ValueType::Date, |s| {
            parse_date(s)
                .or_else(|| NaiveDate::parse_from_str(s, "%d/%m/%Y").ok())
                .map(AnswerValue::Date)
        })?,
        ItemKind::DateTime => parse_with(input, ValueType::DateTime, |s| {
            DateTime::parse_from_rfc3339(s).ok().map(AnswerValue::DateTime)
        })?,
        ItemKind::Time => parse_with(input, ValueType::Time, |s| {
            parse_time(s)
                .or_else(|| NaiveTime::parse_from_str(s, "%H:%M").ok())
                .map(AnswerValue::Time)
        })?,
        ItemKind::String { .. } | ItemKind::Text { .. } => AnswerValue::String(input.to_owned()),
        ItemKind::Choice { options } => option_by_text(options, input).ok_or(ValueError::NotAnOption)?,
        ItemKind::OpenChoice { options, .. } => {
            option_by_text(options, input).unwrap_or_else(|| AnswerValue::String(input.to_owned()))
        }
        ItemKind::Group | ItemKind::Display | ItemKind::Unsupported(_) => return Err(ValueError::NotAnswerable),
    };
    validate_value(kind, value)
}

fn parse_with(
    input: &str,
    expected: ValueType,
    parse: impl FnOnce(&str) -> Option<AnswerValue>,
) -> Result<AnswerValue, ValueError> {
    parse(input).ok_or_else(|| ValueError::Unparsable {
        expected,
        input: input.to_owned(),
    })
}

fn parse_boolean(input: &str) -> Result<AnswerValue, ValueError> {
    parse_with(input, ValueType::Boolean, |s| match s {
        "true" | "oui" => Some(AnswerValue::Boolean(true)),
        "false" | "non" => Some(AnswerValue::Boolean(false)),
        _ => None,
    })
}

/// Accepts `1,5` as well as `1.5`, but refuses `inf` and `NaN`, which Rust would parse.
fn parse_decimal(input: &str) -> Result<AnswerValue, ValueError> {
    parse_with(input, ValueType::Decimal, |s| {
        let plain = s.replace(',', ".");
        let digits_only = plain
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
        let number: f64 = plain.parse().ok().filter(|_| digits_only)?;
        number.is_finite().then_some(AnswerValue::Decimal(number))
    })
}

fn option_by_text(options: &[AnswerValue], input: &str) -> Option<AnswerValue> {
    options
        .iter()
        .find(|option| match option {
            AnswerValue::Coding(coding) => coding.code == input,
            AnswerValue::String(text) => text == input,
            AnswerValue::Integer(i) => i.to_string() == input,
            AnswerValue::Date(d) => d.format("%Y-%m-%d").to_string() == input,
            AnswerValue::Time(t) => t.format("%H:%M:%S").to_string() == input || t.format("%H:%M").to_string() == input,
            _ => false,
        })
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::value::Coding;

    fn coded(code: &str) -> AnswerValue {
        AnswerValue::Coding(Coding::new(Some("http://s"), code, Some(&code.to_uppercase())))
    }

    #[test]
    fn type_is_checked_against_the_item() {
        assert_eq!(
            validate_value(&ItemKind::Integer, AnswerValue::Boolean(true)),
            Err(ValueError::WrongType {
                item_type: "integer".into(),
                found: ValueType::Boolean
            })
        );
        assert_eq!(
            validate_value(&ItemKind::Group, AnswerValue::Boolean(true)),
            Err(ValueError::NotAnswerable)
        );
        assert_eq!(
            validate_value(&ItemKind::Boolean, AnswerValue::Boolean(true)),
            Ok(AnswerValue::Boolean(true))
        );
    }

    #[test]
    fn max_length_counts_characters_on_both_sides() {
        let kind = ItemKind::String { max_length: Some(3) };
        assert!(validate_value(&kind, AnswerValue::String("été".into())).is_ok());
        assert_eq!(
            validate_value(&kind, AnswerValue::String("étés".into())),
            Err(ValueError::TooLong { max: 3, found: 4 })
        );
        let open = ItemKind::OpenChoice {
            options: vec![coded("a")],
            max_length: Some(2),
        };
        assert_eq!(
            validate_value(&open, AnswerValue::String("abc".into())),
            Err(ValueError::TooLong { max: 2, found: 3 })
        );
        assert!(validate_value(
            &ItemKind::Text { max_length: None },
            AnswerValue::String("x".repeat(9000))
        )
        .is_ok());
    }

    #[test]
    fn choices_must_be_options_and_come_back_canonical() {
        let kind = ItemKind::Choice {
            options: vec![coded("a"), coded("b")],
        };
        let bare = AnswerValue::Coding(Coding::new(Some("http://s"), "b", None));
        assert_eq!(validate_value(&kind, bare), Ok(coded("b")));
        let other = AnswerValue::Coding(Coding::new(Some("http://s"), "z", None));
        assert_eq!(validate_value(&kind, other), Err(ValueError::NotAnOption));
        let open = ItemKind::OpenChoice {
            options: vec![coded("a")],
            max_length: None,
        };
        assert_eq!(parse_answer(&open, "a"), Ok(coded("a")));
        assert_eq!(parse_answer(&open, "autre"), Ok(AnswerValue::String("autre".into())));
        assert_eq!(parse_answer(&kind, "z"), Err(ValueError::NotAnOption));
    }

    #[test]
    fn numbers_parse_with_french_comma_and_refuse_junk() {
        assert_eq!(parse_answer(&ItemKind::Decimal, " 1,5 "), Ok(AnswerValue::Decimal(1.5)));
        assert_eq!(
            parse_answer(&ItemKind::Decimal, "-2.25"),
            Ok(AnswerValue::Decimal(-2.25))
        );
        for junk in ["inf", "NaN", "1,5kg", "1e999"] {
            assert!(
                matches!(
                    parse_answer(&ItemKind::Decimal, junk),
                    Err(ValueError::Unparsable { .. })
                ),
                "{junk}"
            );
        }
        assert_eq!(parse_answer(&ItemKind::Integer, "42"), Ok(AnswerValue::Integer(42)));
        assert_eq!(
            parse_answer(&ItemKind::Integer, "4,2"),
            Err(ValueError::Unparsable {
                expected: ValueType::Integer,
                input: "4,2".into()
            })
        );
        assert!(parse_answer(&ItemKind::Integer, "3000000000").is_err());
        assert_eq!(parse_answer(&ItemKind::Integer, "  "), Err(ValueError::Blank));
    }

    #[test]
    fn dates_and_times_accept_iso_and_french_forms() {
        let day = AnswerValue::Date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert_eq!(parse_answer(&ItemKind::Date, "2026-11-23"), Ok(day.clone()));
        assert_eq!(parse_answer(&ItemKind::Date, "23/11/2026"), Ok(day));
        assert!(parse_answer(&ItemKind::Date, "31/02/2026").is_err());
        let time = AnswerValue::Time(NaiveTime::from_hms_opt(8, 30, 0).unwrap());
        assert_eq!(parse_answer(&ItemKind::Time, "08:30"), Ok(time.clone()));
        assert_eq!(parse_answer(&ItemKind::Time, "08:30:00"), Ok(time));
        assert!(parse_answer(&ItemKind::DateTime, "2026-11-23T08:30:00").is_err());
        assert!(parse_answer(&ItemKind::DateTime, "2026-11-23T08:30:00+01:00").is_ok());
        assert_eq!(parse_answer(&ItemKind::Boolean, "oui"), Ok(AnswerValue::Boolean(true)));
        assert!(parse_answer(&ItemKind::Boolean, "peut-être").is_err());
    }
}
