//! A form rebuilt from stored response items, to go on editing a draft or amend a version.
//!
//! Stored answers are exactly what the response held, so initial values are not re-applied
//! (a question the person cleared stays empty), every value is validated again against the
//! definition, and read-only items are restored as recorded: a calculation such as
//! `AggirForm` recomputes them anyway when it wraps the form.

use super::answers::{AnswerError, Form};
use super::definition::{ItemId, ItemKind, Questionnaire};
use super::value::{choice, AnswerValue, Choice};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// An answer the definition refuses, or an unknown linkId.
    Answer(AnswerError),
    /// An item or answer that is not FHIR the engine reads (its linkId, or `?`).
    Malformed(String),
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::Answer(error) => error.fmt(f),
            RestoreError::Malformed(link_id) => write!(
                f,
                "réponse illisible pour « {link_id} » / unreadable response item '{link_id}'"
            ),
        }
    }
}

impl std::error::Error for RestoreError {}

impl Form {
    /// A form of `questionnaire` holding the answers of `items`, a `QuestionnaireResponse.item`
    /// list as [`Form::to_response`] writes it.
    pub fn restore(questionnaire: Questionnaire, items: &[Value]) -> Result<Form, RestoreError> {
        let mut form = Form::new(questionnaire);
        for slots in &mut form.answers {
            slots.iter_mut().for_each(Vec::clear);
        }
        form.refresh_all();
        let mut occurrences = HashMap::new();
        form.restore_items(items, None, 0, &mut occurrences)?;
        Ok(form)
    }

    /// Restores `items`, children of `parent` in the definition; `occurrences` counts the
    /// instances of each repeating group met so far.
    fn restore_items(
        &mut self,
        items: &[Value],
        parent: Option<ItemId>,
        instance: usize,
        occurrences: &mut HashMap<ItemId, usize>,
    ) -> Result<(), RestoreError> {
        for item in items {
            let link_id = item["linkId"]
                .as_str()
                .ok_or_else(|| RestoreError::Malformed("?".into()))?;
            let id = self
                .questionnaire
                .find(link_id)
                .ok_or_else(|| RestoreError::Answer(AnswerError::UnknownLinkId(link_id.to_owned())))?;
            let definition = self.questionnaire.item(id);
            // Nesting must follow the definition, or an answer could land in a slot of another
            // group's instance.
            if definition.parent != parent {
                return Err(RestoreError::Malformed(link_id.to_owned()));
            }
            if definition.kind == ItemKind::Group {
                let instance = match definition.repeats {
                    true => self.next_instance(id, link_id, occurrences)?,
                    false => instance,
                };
                let children = item["item"].as_array().map_or(&[][..], Vec::as_slice);
                self.restore_items(children, Some(id), instance, occurrences)?;
            } else {
                let values = answers(item, link_id)?;
                self.slot(link_id, instance)
                    .and_then(|id| self.store(id, link_id, instance, values))
                    .map_err(RestoreError::Answer)?;
            }
        }
        Ok(())
    }

    /// The instance a repeating group's next occurrence fills, added when needed.
    fn next_instance(
        &mut self,
        id: ItemId,
        link_id: &str,
        occurrences: &mut HashMap<ItemId, usize>,
    ) -> Result<usize, RestoreError> {
        let seen = occurrences.entry(id).or_default();
        let instance = *seen;
        *seen += 1;
        if instance > 0 {
            self.add_instance(link_id).map_err(RestoreError::Answer)?;
        }
        Ok(instance)
    }
}

fn answers(item: &Value, link_id: &str) -> Result<Vec<AnswerValue>, RestoreError> {
    let malformed = || RestoreError::Malformed(link_id.to_owned());
    let list = item["answer"].as_array().ok_or_else(malformed)?;
    list.iter()
        .map(|answer| {
            let object = answer.as_object().ok_or_else(malformed)?;
            match choice(object, "value") {
                Choice::Found(value_type, json) => AnswerValue::from_fhir(value_type, json).ok_or_else(malformed),
                _ => Err(malformed()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::load;
    use serde_json::json;

    fn questionnaire() -> Questionnaire {
        let document = json!({
            "resourceType": "Questionnaire",
            "url": "http://relais.example/fhir/Questionnaire/test",
            "status": "active",
            "item": [
                {"linkId": "identite", "type": "group", "item": [
                    {"linkId": "nom", "type": "string"},
                    {"linkId": "age", "type": "integer", "initial": [{"valueInteger": 80}]}
                ]},
                {"linkId": "seul", "type": "boolean"},
                {"linkId": "avec", "type": "string",
                 "enableWhen": [{"question": "seul", "operator": "=", "answerBoolean": false}]},
                {"linkId": "aide", "type": "group", "repeats": true, "item": [
                    {"linkId": "nature", "type": "choice", "answerOption": [
                        {"valueCoding": {"system": "http://s", "code": "menage", "display": "Ménage"}},
                        {"valueCoding": {"system": "http://s", "code": "repas", "display": "Repas"}}
                    ]},
                    {"linkId": "heures", "type": "decimal"}
                ]},
                {"linkId": "score", "type": "integer", "readOnly": true}
            ]
        });
        load(&document.to_string()).unwrap().questionnaire
    }

    fn filled() -> Form {
        let mut form = Form::new(questionnaire());
        form.set_text("nom", 0, "Mme Durand").unwrap();
        form.clear("age", 0).unwrap();
        form.set_text("seul", 0, "false").unwrap();
        form.set_text("avec", 0, "sa fille").unwrap();
        form.set_text("seul", 0, "true").unwrap();
        form.set_text("nature", 0, "menage").unwrap();
        form.add_instance("aide").unwrap();
        form.set_text("nature", 1, "repas").unwrap();
        form.set_text("heures", 1, "2,5").unwrap();
        form.set_calculated("score", 0, vec![AnswerValue::Integer(7)]).unwrap();
        form
    }

    #[test]
    fn a_restored_form_gives_back_the_same_response_items() {
        let items = filled().response_item_list();
        let restored = Form::restore(questionnaire(), &items).unwrap();
        assert_eq!(restored.response_item_list(), items);
        assert_eq!(restored.instances("aide"), 2);
        assert_eq!(restored.answers("age", 0), &[], "a cleared initial value stays cleared");
        assert_eq!(restored.answers("avec", 0), &[], "hidden answers were never recorded");
        assert_eq!(restored.answers("score", 0), &[AnswerValue::Integer(7)]);
    }

    #[test]
    fn unreadable_or_misplaced_items_are_refused() {
        let restore = |items: Value| Form::restore(questionnaire(), items.as_array().unwrap()).map(|_| ());
        assert_eq!(
            restore(json!([{"linkId": "inconnu", "answer": [{"valueString": "x"}]}])),
            Err(RestoreError::Answer(AnswerError::UnknownLinkId("inconnu".into())))
        );
        assert_eq!(
            restore(json!([{"linkId": "aide", "item": [{"linkId": "nom", "answer": [{"valueString": "x"}]}]}])),
            Err(RestoreError::Malformed("nom".into()))
        );
        assert_eq!(
            restore(json!([{"linkId": "seul", "answer": [{"valueString": "oui"}]}])),
            Err(RestoreError::Answer(AnswerError::Invalid {
                link_id: "seul".into(),
                error: crate::questionnaire::ValueError::WrongType {
                    item_type: "boolean".into(),
                    found: crate::questionnaire::ValueType::String
                }
            }))
        );
        assert_eq!(
            restore(json!([{"linkId": "seul"}])),
            Err(RestoreError::Malformed("seul".into()))
        );
        assert_eq!(
            restore(json!([{"answer": []}])).unwrap_err().to_string(),
            "réponse illisible pour « ? » / unreadable response item '?'"
        );
    }
}
