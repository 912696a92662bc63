//! How an answer reads in a control: the text an input shows and the label of an option.

use relais_core::questionnaire::AnswerValue;

/// The text an input holds for `value`, in a form `parse_answer` reads back.
pub fn raw_text(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Boolean(b) => b.to_string(),
        AnswerValue::Decimal(d) => d.to_string(),
        AnswerValue::Integer(i) => i.to_string(),
        AnswerValue::Date(d) => d.to_string(),
        AnswerValue::DateTime(dt) => dt.to_rfc3339(),
        AnswerValue::Time(t) => t.format("%H:%M:%S").to_string(),
        AnswerValue::String(s) => s.clone(),
        AnswerValue::Coding(c) => c.code.clone(),
    }
}

/// What a person reads for an option: a coding's display, else its raw text.
pub fn option_label(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Coding(c) => c.display.clone().unwrap_or_else(|| c.code.clone()),
        other => raw_text(other),
    }
}

/// The slot's single answer as input text, empty when unanswered.
pub fn first_text(answers: &[AnswerValue]) -> String {
    answers.first().map(raw_text).unwrap_or_default()
}
