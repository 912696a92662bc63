//! The response being filled in: answers per slot, kept valid and with visibility up to date.
//!
//! The model: every question has one *slot* per instance of the nearest repeating group above it
//! (one slot when there is none; repeating groups cannot nest). A slot is addressed by linkId and
//! instance index (0 outside repeating groups) and holds a list of answers: at most one, or
//! several when the question itself repeats. A repeating group starts with one instance.
//! Answers of hidden items stay in memory, so showing an item again restores what was typed, but
//! they count nowhere: not in conditions, completion or the `QuestionnaireResponse`.

use super::definition::{ItemId, Questionnaire};
use super::validate::{parse_answer, validate_value, ValueError};
use super::value::AnswerValue;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownLinkId(String),
    NoSuchInstance {
        link_id: String,
        instance: usize,
        instances: usize,
    },
    SeveralAnswers(String),
    NotARepeatingGroup(String),
    LastInstance(String),
    /// A person tried to answer a read-only (calculated) item.
    ReadOnly(String),
    /// A calculation tried to write an item a person answers.
    NotCalculated(String),
    Invalid {
        link_id: String,
        error: ValueError,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownLinkId(link_id) => {
                write!(f, "aucun item « {link_id} » / no item '{link_id}'")
            }
            AnswerError::NoSuchInstance {
                link_id,
                instance,
                instances,
            } => write!(
                f,
                "« {link_id} » : occurrence {instance} inexistante ({instances} occurrence(s)) / \
                 '{link_id}': no instance {instance} ({instances} instance(s))"
            ),
            AnswerError::SeveralAnswers(link_id) => write!(
                f,
                "« {link_id} » n'accepte qu'une réponse / '{link_id}' takes a single answer"
            ),
            AnswerError::NotARepeatingGroup(link_id) => write!(
                f,
                "« {link_id} » n'est pas un groupe répétable / '{link_id}' is not a repeating group"
            ),
            AnswerError::LastInstance(link_id) => write!(
                f,
                "« {link_id} » garde au moins une occurrence / '{link_id}' keeps at least one instance"
            ),
            AnswerError::ReadOnly(link_id) => write!(
                f,
                "« {link_id} » est calculé et ne se saisit pas / '{link_id}' is calculated, not entered"
            ),
            AnswerError::NotCalculated(link_id) => write!(
                f,
                "« {link_id} » se saisit et n'est pas calculé / '{link_id}' is entered, not calculated"
            ),
            AnswerError::Invalid { link_id, error } => {
                let (fr, en) = error.messages();
                write!(f, "« {link_id} » : {fr} / '{link_id}': {en}")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// A questionnaire being answered.
///
/// Slots: a question has one slot per instance of the nearest repeating group above it (a single
/// slot, instance 0, outside repeating groups); a slot holds a list of answers, at most one unless
/// the question repeats. Answers of hidden items are kept but count nowhere.
#[derive(Debug, Clone)]
pub struct Form {
    pub(super) questionnaire: Questionnaire,
    /// `answers[item][instance]`.
    pub(super) answers: Vec<Vec<Vec<AnswerValue>>>,
    /// `visible[item][instance]`.
    pub(super) visible: Vec<Vec<bool>>,
    /// For a repeating group, its number of instances; 1 for every other item.
    pub(super) instances: Vec<usize>,
}

impl Form {
    /// A fresh form holding the questionnaire's initial values.
    pub fn new(questionnaire: Questionnaire) -> Self {
        let answers = questionnaire
            .items()
            .map(|(_, item)| vec![item.initial.clone()])
            .collect();
        let size = questionnaire.len();
        let mut form = Self {
            questionnaire,
            answers,
            visible: vec![vec![false]; size],
            instances: vec![1; size],
        };
        form.refresh_all();
        form
    }

    pub fn questionnaire(&self) -> &Questionnaire {
        &self.questionnaire
    }

    /// The answers in a slot, hidden or not; empty for an unknown slot.
    pub fn answers(&self, link_id: &str, instance: usize) -> &[AnswerValue] {
        self.questionnaire
            .find(link_id)
            .and_then(|id| self.answers[id.index()].get(instance))
            .map_or(&[], Vec::as_slice)
    }

    /// Replaces the answers in a slot; an empty list clears it. Read-only items are refused:
    /// only a calculation in core writes them. Nothing changes on error.
    pub fn set(&mut self, link_id: &str, instance: usize, values: Vec<AnswerValue>) -> Result<(), AnswerError> {
        let id = self.slot(link_id, instance)?;
        if self.questionnaire.item(id).read_only {
            return Err(AnswerError::ReadOnly(link_id.to_owned()));
        }
        self.store(id, link_id, instance, values)
    }

    /// Writes a calculated (read-only) item. Crate-private so that a widget can only show what
    /// core calculated; it refuses items a person answers, so a calculation cannot overwrite them.
    pub(crate) fn set_calculated(
        &mut self,
        link_id: &str,
        instance: usize,
        values: Vec<AnswerValue>,
    ) -> Result<(), AnswerError> {
        let id = self.slot(link_id, instance)?;
        if !self.questionnaire.item(id).read_only {
            return Err(AnswerError::NotCalculated(link_id.to_owned()));
        }
        self.store(id, link_id, instance, values)
    }

    pub(super) fn store(
        &mut self,
        id: ItemId,
        link_id: &str,
        instance: usize,
        values: Vec<AnswerValue>,
    ) -> Result<(), AnswerError> {
        let item = self.questionnaire.item(id);
        if values.len() > 1 && !item.repeats {
            return Err(AnswerError::SeveralAnswers(link_id.to_owned()));
        }
        let valid = values
            .into_iter()
            .map(|value| validate_value(&item.kind, value))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| AnswerError::Invalid {
                link_id: link_id.to_owned(),
                error,
            })?;
        self.answers[id.index()][instance] = valid;
        self.refresh_after(id, instance);
        Ok(())
    }

    /// Sets a single answer from what the person typed (see [`parse_answer`]).
    pub fn set_text(&mut self, link_id: &str, instance: usize, raw: &str) -> Result<(), AnswerError> {
        let id = self.slot(link_id, instance)?;
        let value = parse_answer(&self.questionnaire.item(id).kind, raw).map_err(|error| AnswerError::Invalid {
            link_id: link_id.to_owned(),
            error,
        })?;
        self.set(link_id, instance, vec![value])
    }

    pub fn clear(&mut self, link_id: &str, instance: usize) -> Result<(), AnswerError> {
        self.set(link_id, instance, Vec::new())
    }

    /// How many instances a repeating group has (1 for any other item).
    pub fn instances(&self, link_id: &str) -> usize {
        self.questionnaire
            .find(link_id)
            .map_or(0, |id| self.instances[id.index()])
    }

    /// Adds an instance at the end of a repeating group, with initial values; returns its index.
    pub fn add_instance(&mut self, group: &str) -> Result<usize, AnswerError> {
        let group_id = self.repeating_group(group)?;
        let instance = self.instances[group_id.index()];
        self.instances[group_id.index()] += 1;
        for (id, item) in self
            .questionnaire
            .items()
            .filter(|(_, item)| item.scope == Some(group_id))
        {
            self.answers[id.index()].push(item.initial.clone());
            self.visible[id.index()].push(false);
        }
        self.refresh_instance(group_id, instance);
        Ok(instance)
    }

    /// Removes an instance of a repeating group; later instances move down by one.
    pub fn remove_instance(&mut self, group: &str, instance: usize) -> Result<(), AnswerError> {
        let group_id = self.repeating_group(group)?;
        let instances = self.instances[group_id.index()];
        if instance >= instances {
            return Err(AnswerError::NoSuchInstance {
                link_id: group.to_owned(),
                instance,
                instances,
            });
        }
        if instances == 1 {
            return Err(AnswerError::LastInstance(group.to_owned()));
        }
        self.instances[group_id.index()] -= 1;
        let members: Vec<ItemId> = self.members(group_id).collect();
        for id in members {
            self.answers[id.index()].remove(instance);
            self.visible[id.index()].remove(instance);
        }
        Ok(())
    }

    fn members(&self, group: ItemId) -> impl Iterator<Item = ItemId> + '_ {
        self.questionnaire
            .items()
            .filter(move |(_, item)| item.scope == Some(group))
            .map(|(id, _)| id)
    }

    fn repeating_group(&self, link_id: &str) -> Result<ItemId, AnswerError> {
        let id = self
            .questionnaire
            .find(link_id)
            .ok_or_else(|| AnswerError::UnknownLinkId(link_id.to_owned()))?;
        if !self.questionnaire.item(id).is_repeating_group() {
            return Err(AnswerError::NotARepeatingGroup(link_id.to_owned()));
        }
        Ok(id)
    }

    /// The item of an existing slot of a question.
    pub(super) fn slot(&self, link_id: &str, instance: usize) -> Result<ItemId, AnswerError> {
        let id = self
            .questionnaire
            .find(link_id)
            .ok_or_else(|| AnswerError::UnknownLinkId(link_id.to_owned()))?;
        if !self.questionnaire.item(id).kind.is_question() {
            return Err(AnswerError::Invalid {
                link_id: link_id.to_owned(),
                error: ValueError::NotAnswerable,
            });
        }
        let instances = self.answers[id.index()].len();
        if instance >= instances {
            return Err(AnswerError::NoSuchInstance {
                link_id: link_id.to_owned(),
                instance,
                instances,
            });
        }
        Ok(id)
    }

    /// Number of instances of the group that scopes `id` (1 outside repeating groups).
    pub(super) fn slots_of(&self, id: ItemId) -> usize {
        self.questionnaire
            .item(id)
            .scope
            .map_or(1, |group| self.instances[group.index()])
    }
}
