//! The FHIR R4 `QuestionnaireResponse` of a form: what a host stores or sends on.
//!
//! Items mirror the questionnaire's nesting; only visible items with answers appear (R4 leaves
//! disabled items out), and a repeating group gives one item per instance that holds answers.

use super::answers::Form;
use super::completion::SlotRef;
use super::definition::{ItemId, ItemKind};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde_json::{json, Map, Value};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseStatus {
    InProgress,
    Completed,
    Amended,
}

impl ResponseStatus {
    pub fn code(self) -> &'static str {
        match self {
            ResponseStatus::InProgress => "in-progress",
            ResponseStatus::Completed => "completed",
            ResponseStatus::Amended => "amended",
        }
    }
}

/// A FHIR `Reference` such as `Patient/123`, with an optional display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    reference: String,
    display: Option<String>,
}

impl Reference {
    /// `None` when the reference is blank.
    pub fn new(reference: &str, display: Option<&str>) -> Option<Self> {
        let reference = reference.trim();
        (!reference.is_empty()).then(|| Self {
            reference: reference.to_owned(),
            display: display.map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned),
        })
    }

    fn to_json(&self) -> Value {
        match &self.display {
            Some(display) => json!({"reference": self.reference, "display": display}),
            None => json!({"reference": self.reference}),
        }
    }
}

/// Who, about whom, when: the caller supplies the time, with the writer's offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseContext {
    pub status: ResponseStatus,
    pub subject: Reference,
    pub author: Reference,
    pub authored: DateTime<FixedOffset>,
}

/// A completed or amended response needs every visible required answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    pub missing_required: Vec<SlotRef>,
}

impl fmt::Display for Incomplete {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.missing_required.iter().map(|slot| slot.link_id.as_str()).collect();
        write!(
            f,
            "réponses obligatoires manquantes : {} / required answers missing: {}",
            ids.join(", "),
            ids.join(", ")
        )
    }
}

impl std::error::Error for Incomplete {}

impl Form {
    pub fn to_response(&self, context: &ResponseContext) -> Result<Value, Incomplete> {
        let completion = self.completion();
        if context.status != ResponseStatus::InProgress && !completion.is_complete() {
            return Err(Incomplete {
                missing_required: completion.missing_required,
            });
        }
        Ok(json!({
            "resourceType": "QuestionnaireResponse",
            "questionnaire": self.questionnaire.canonical(),
            "status": context.status.code(),
            "subject": context.subject.to_json(),
            "authored": context.authored.to_rfc3339_opts(SecondsFormat::Secs, false),
            "author": context.author.to_json(),
            "item": self.response_item_list(),
        }))
    }

    /// The `item` list of the response alone, for callers that build the resource around it.
    pub(crate) fn response_item_list(&self) -> Vec<Value> {
        self.response_items(self.questionnaire.roots(), 0)
    }

    fn response_items(&self, ids: &[ItemId], instance: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for &id in ids.iter().filter(|&&id| self.visible_at(id, instance)) {
            let item = self.questionnaire.item(id);
            match item.kind {
                ItemKind::Group if item.repeats => {
                    for member in 0..self.instances[id.index()] {
                        out.extend(self.group_item(id, member));
                    }
                }
                ItemKind::Group => out.extend(self.group_item(id, instance)),
                _ => out.extend(self.question_item(id, instance)),
            }
        }
        out
    }

    fn group_item(&self, id: ItemId, instance: usize) -> Option<Value> {
        let children = self.response_items(&self.questionnaire.item(id).children, instance);
        (!children.is_empty()).then(|| self.item_json(id, "item", children))
    }

    fn question_item(&self, id: ItemId, instance: usize) -> Option<Value> {
        let answers: Vec<Value> = self
            .visible_answers(id, instance)
            .iter()
            .map(|answer| {
                let (key, value) = answer.to_fhir("value");
                Value::Object(Map::from_iter([(key, value)]))
            })
            .collect();
        (!answers.is_empty()).then(|| self.item_json(id, "answer", answers))
    }

    fn item_json(&self, id: ItemId, member: &str, content: Vec<Value>) -> Value {
        let item = self.questionnaire.item(id);
        let mut object = Map::new();
        object.insert("linkId".into(), json!(item.link_id));
        if let Some(text) = &item.text {
            object.insert("text".into(), json!(text));
        }
        object.insert(member.into(), Value::Array(content));
        Value::Object(object)
    }
}
