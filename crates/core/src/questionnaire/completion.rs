//! How far the form is filled in, and which required answers are still missing.
//!
//! Only visible questions count. The missing ones come in the order a person reads the form
//! (document order, a repeating group's instances one after the other) so that a UI can move
//! the focus to the first.

use super::answers::Form;
use super::definition::{ItemId, ItemKind};

/// One slot, by linkId and instance (0 outside repeating groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotRef {
    pub link_id: String,
    pub instance: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Visible questions with at least one answer.
    pub answered: usize,
    /// Visible questions a person can answer (read-only ones excluded).
    pub total: usize,
    /// Visible required questions without an answer, and visible required groups with no
    /// answer inside, in reading order.
    pub missing_required: Vec<SlotRef>,
}

impl Completion {
    pub fn required_remaining(&self) -> usize {
        self.missing_required.len()
    }

    /// Whether a `completed` response may be produced.
    pub fn is_complete(&self) -> bool {
        self.missing_required.is_empty()
    }
}

impl Form {
    pub fn completion(&self) -> Completion {
        let mut completion = Completion {
            answered: 0,
            total: 0,
            missing_required: Vec::new(),
        };
        self.tally(self.questionnaire.roots(), 0, &mut completion);
        completion
    }

    /// Counts the visible `ids` in one instance; returns whether any of them holds an answer.
    fn tally(&self, ids: &[ItemId], instance: usize, completion: &mut Completion) -> bool {
        let mut any_answered = false;
        for &id in ids.iter().filter(|&&id| self.visible_at(id, instance)) {
            let item = self.questionnaire.item(id);
            any_answered |= match item.kind {
                ItemKind::Group if item.repeats => (0..self.instances[id.index()])
                    .map(|member| self.tally_group(id, member, completion))
                    .fold(false, |any, answered| any | answered),
                ItemKind::Group => self.tally_group(id, instance, completion),
                _ if item.kind.is_question() => self.tally_question(id, instance, completion),
                _ => false,
            };
        }
        any_answered
    }

    fn tally_group(&self, id: ItemId, instance: usize, completion: &mut Completion) -> bool {
        let item = self.questionnaire.item(id);
        let place = completion.missing_required.len();
        let answered = self.tally(&item.children, instance, completion);
        if item.required && !answered {
            let slot = SlotRef {
                link_id: item.link_id.clone(),
                instance,
            };
            completion.missing_required.insert(place, slot);
        }
        answered
    }

    fn tally_question(&self, id: ItemId, instance: usize, completion: &mut Completion) -> bool {
        let item = self.questionnaire.item(id);
        let answered = !self.answers[id.index()][instance].is_empty();
        if item.read_only {
            return answered;
        }
        completion.total += 1;
        if answered {
            completion.answered += 1;
        } else if item.required {
            completion.missing_required.push(SlotRef {
                link_id: item.link_id.clone(),
                instance,
            });
        }
        answered
    }
}
