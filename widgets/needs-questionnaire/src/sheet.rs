//! The form being filled, whichever the instrument: the AGGIR grid keeps its codes and GIR
//! recalculated after every answer, any other questionnaire is a plain form.

use relais_core::questionnaire::aggir_form::AggirForm;
use relais_core::questionnaire::builtin::AGGIR_URL;
use relais_core::questionnaire::{AnswerError, AnswerValue, Form};

#[derive(Debug, Clone)]
pub enum Sheet {
    Aggir(AggirForm),
    Plain(Form),
}

impl Sheet {
    /// Wraps `form`, recognising the built-in AGGIR grid by its url.
    pub fn new(form: Form) -> Self {
        if form.questionnaire().url() == AGGIR_URL {
            if let Ok(aggir) = AggirForm::from_form(form.clone()) {
                return Sheet::Aggir(aggir);
            }
        }
        Sheet::Plain(form)
    }

    pub fn form(&self) -> &Form {
        match self {
            Sheet::Aggir(aggir) => aggir.form(),
            Sheet::Plain(form) => form,
        }
    }

    pub fn aggir(&self) -> Option<&AggirForm> {
        match self {
            Sheet::Aggir(aggir) => Some(aggir),
            Sheet::Plain(_) => None,
        }
    }

    pub fn set(&mut self, link_id: &str, instance: usize, values: Vec<AnswerValue>) -> Result<(), AnswerError> {
        match self {
            Sheet::Aggir(aggir) => aggir.set(link_id, instance, values),
            Sheet::Plain(form) => form.set(link_id, instance, values),
        }
    }

    /// Typed text: blank clears the slot, anything else is parsed for the item's type.
    pub fn set_text(&mut self, link_id: &str, instance: usize, raw: &str) -> Result<(), AnswerError> {
        match (self, raw.trim().is_empty()) {
            (Sheet::Aggir(aggir), true) => aggir.clear(link_id, instance),
            (Sheet::Aggir(aggir), false) => aggir.set_text(link_id, instance, raw),
            (Sheet::Plain(form), true) => form.clear(link_id, instance),
            (Sheet::Plain(form), false) => form.set_text(link_id, instance, raw),
        }
    }

    /// Repeating groups only exist in host questionnaires and the REM; the AGGIR grid has none.
    pub fn add_instance(&mut self, group: &str) -> Result<usize, AnswerError> {
        match self {
            Sheet::Aggir(_) => Err(AnswerError::NotARepeatingGroup(group.to_owned())),
            Sheet::Plain(form) => form.add_instance(group),
        }
    }

    pub fn remove_instance(&mut self, group: &str, instance: usize) -> Result<(), AnswerError> {
        match self {
            Sheet::Aggir(_) => Err(AnswerError::NotARepeatingGroup(group.to_owned())),
            Sheet::Plain(form) => form.remove_instance(group, instance),
        }
    }
}
