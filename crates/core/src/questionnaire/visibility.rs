//! Which items are shown: `enableWhen` and `enableBehavior`, and a hidden parent hides its
//! children.
//!
//! After an answer changes, only the items that read it are recomputed, through the
//! questionnaire's dependency index, and the change spreads to children and further dependents
//! only when a visibility actually flips. Hidden questions count as unanswered in conditions,
//! as R4 asks, so a flip is itself a change to spread. Loops were refused at load, so spreading
//! ends.

use super::answers::Form;
use super::definition::ItemId;
use super::value::AnswerValue;
use std::ops::Range;

impl Form {
    /// Whether a slot is shown; `false` for an unknown slot.
    pub fn is_visible(&self, link_id: &str, instance: usize) -> bool {
        self.questionnaire
            .find(link_id)
            .and_then(|id| self.visible[id.index()].get(instance).copied())
            .unwrap_or(false)
    }

    pub(super) fn visible_at(&self, id: ItemId, instance: usize) -> bool {
        self.visible[id.index()][instance]
    }

    /// Answers as conditions and outputs see them: none while hidden.
    pub(super) fn visible_answers(&self, id: ItemId, instance: usize) -> &[AnswerValue] {
        if self.visible_at(id, instance) {
            &self.answers[id.index()][instance]
        } else {
            &[]
        }
    }

    /// Computes every slot, in an order where parents and condition sources come first.
    pub(super) fn refresh_all(&mut self) {
        for &id in self.questionnaire.order() {
            for instance in 0..self.slots_of(id) {
                let shown = self.compute(id, instance);
                self.visible[id.index()][instance] = shown;
            }
        }
    }

    /// Computes the slots of a new instance of `group`; nothing outside it reads them.
    pub(super) fn refresh_instance(&mut self, group: ItemId, instance: usize) {
        for &id in self.questionnaire.order() {
            if self.questionnaire.item(id).scope == Some(group) {
                let shown = self.compute(id, instance);
                self.visible[id.index()][instance] = shown;
            }
        }
    }

    /// Spreads the effect of new answers in slot (`changed`, `instance`).
    pub(super) fn refresh_after(&mut self, changed: ItemId, instance: usize) {
        let mut pending = Vec::new();
        self.push_dependents(changed, instance, &mut pending);
        while let Some((id, slot)) = pending.pop() {
            let shown = self.compute(id, slot);
            if shown != self.visible[id.index()][slot] {
                self.visible[id.index()][slot] = shown;
                self.push_children(id, slot, &mut pending);
                self.push_dependents(id, slot, &mut pending);
            }
        }
    }

    fn push_dependents(&self, id: ItemId, instance: usize, pending: &mut Vec<(ItemId, usize)>) {
        for &dependent in self.questionnaire.dependents(id) {
            pending.extend(self.targets(id, instance, dependent).map(|slot| (dependent, slot)));
        }
    }

    fn push_children(&self, id: ItemId, instance: usize, pending: &mut Vec<(ItemId, usize)>) {
        for &child in &self.questionnaire.item(id).children {
            pending.extend(self.targets(id, instance, child).map(|slot| (child, slot)));
        }
    }

    /// The slots of `to` that read slot (`from`, `instance`): the same instance inside one
    /// repeating group, every instance when `from` sits outside `to`'s group.
    fn targets(&self, from: ItemId, instance: usize, to: ItemId) -> Range<usize> {
        let to_scope = self.questionnaire.item(to).scope;
        if to_scope == self.questionnaire.item(from).scope {
            instance..instance + 1
        } else {
            0..self.slots_of(to)
        }
    }

    /// The slot of `source` that slot (`reader`, `instance`) reads: the same instance inside
    /// the same repeating group, the only slot otherwise.
    fn source_slot(&self, source: ItemId, reader: ItemId, instance: usize) -> usize {
        let same_scope = self.questionnaire.item(source).scope == self.questionnaire.item(reader).scope;
        if same_scope {
            instance
        } else {
            0
        }
    }

    fn compute(&self, id: ItemId, instance: usize) -> bool {
        let item = self.questionnaire.item(id);
        let parent_shown = item
            .parent
            .is_none_or(|parent| self.visible_at(parent, self.source_slot(parent, id, instance)));
        parent_shown
            && item.enable_when.as_ref().is_none_or(|enable_when| {
                enable_when.holds(|condition| {
                    let slot = self.source_slot(condition.question, id, instance);
                    condition.test.holds(self.visible_answers(condition.question, slot))
                })
            })
    }
}
