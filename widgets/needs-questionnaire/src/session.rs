//! The state one mounted questionnaire shares between its components, and the rule that every
//! answer is saved as a draft the moment it is given.

use crate::config::QuestionnaireConfig;
use crate::device;
use crate::sheet::Sheet;
use crate::sync;
use crate::texts::{Lang, Texts};
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::questionnaire::evaluation::{Evaluation, EvaluationError};
use relais_core::questionnaire::{AnswerError, SlotRef};
use relais_core::EntryId;
use relais_store::Store;
use relais_sync::SyncEngine;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, Ordering};

/// Radio groups are named per mount, so two questionnaires in one document never share one.
static NEXT_MOUNT: AtomicU32 = AtomicU32::new(1);

#[derive(Clone, Copy)]
pub struct Session {
    pub sheet: RwSignal<Sheet>,
    pub texts: &'static Texts,
    pub lang: Lang,
    pub mount: u32,
    pub config: StoredValue<QuestionnaireConfig>,
    pub store: StoredValue<Option<Store>, LocalStorage>,
    /// The draft being filled; `None` until the first answer creates it.
    pub draft: StoredValue<Option<Evaluation>>,
    /// The version finalised in this session, after which the form is read-only.
    pub finalized: RwSignal<Option<Evaluation>>,
    /// This person's evaluations with this questionnaire, drafts and final versions, oldest
    /// first, as last written: what the history and the comparison list.
    pub versions: RwSignal<Vec<Evaluation>>,
    /// What the last finalise attempt found missing.
    pub missing: RwSignal<Vec<SlotRef>>,
    pub save_error: RwSignal<Option<String>>,
    /// Versions given to `write` and not yet stored, oldest first; empty when everything the
    /// user did is on the device (the page says so).
    pub unsaved: RwSignal<Vec<Evaluation>>,
    /// The sync engine, when the host gave an endpoint.
    pub sync: StoredValue<Option<SyncEngine>, LocalStorage>,
    /// Ids of final versions still waiting to be sent; `None` without sync.
    pub unsent: RwSignal<Option<BTreeSet<String>>>,
}

impl Session {
    pub fn new(config: QuestionnaireConfig, lang: Lang, sheet: Sheet) -> Self {
        Self {
            sheet: RwSignal::new(sheet),
            texts: Texts::for_lang(lang),
            lang,
            mount: NEXT_MOUNT.fetch_add(1, Ordering::Relaxed),
            config: StoredValue::new(config),
            store: StoredValue::new_local(None),
            draft: StoredValue::new(None),
            finalized: RwSignal::new(None),
            versions: RwSignal::new(Vec::new()),
            missing: RwSignal::new(Vec::new()),
            save_error: RwSignal::new(None),
            unsaved: RwSignal::new(Vec::new()),
            sync: StoredValue::new_local(None),
            unsent: RwSignal::new(None),
        }
    }

    /// Applies one answer change, then saves the draft; an invalid answer changes nothing
    /// and comes back to the control that gave it.
    pub fn answer(&self, change: impl FnOnce(&mut Sheet) -> Result<(), AnswerError>) -> Result<(), AnswerError> {
        let mut outcome = Ok(());
        self.sheet.update(|sheet| outcome = change(sheet));
        if outcome.is_ok() {
            self.missing.update(|missing| missing.retain(|slot| self.still_missing(slot)));
            self.save_draft();
        }
        outcome
    }

    pub fn is_locked(&self) -> bool {
        self.finalized.with(Option::is_some)
    }

    fn still_missing(&self, slot: &SlotRef) -> bool {
        self.sheet.with_untracked(|s| s.form().answers(&slot.link_id, slot.instance).is_empty())
    }

    fn save_draft(&self) {
        let now = device::now();
        let next = self.sheet.with_untracked(|sheet| match self.draft.get_value() {
            Some(draft) => draft.update(sheet.form(), now).ok(),
            None => Some(self.new_draft(sheet, now)),
        });
        let Some(next) = next else { return };
        self.draft.set_value(Some(next.clone()));
        self.write(next);
    }

    fn new_draft(&self, sheet: &Sheet, now: relais_core::Timestamp) -> Evaluation {
        let id = EntryId::v7(now.unix_ms() as u64, device::random_bytes());
        self.config
            .with_value(|c| Evaluation::draft(id, c.subject.clone(), c.author.clone(), now, sheet.form()))
    }

    /// Starts the next version of the final `previous`: a draft holding its answers, linked to
    /// it, which the form then edits.
    pub fn amend(&self, previous: &Evaluation) -> Result<(), EvaluationError> {
        let now = device::now();
        let id = EntryId::v7(now.unix_ms() as u64, device::random_bytes());
        let amendment = previous.amend(id, self.config.with_value(|c| c.author.clone()), now)?;
        let questionnaire = self.sheet.with_untracked(|s| s.form().questionnaire().clone());
        let form = amendment.form(questionnaire)?;
        self.sheet.set(Sheet::new(form));
        self.draft.set_value(Some(amendment.clone()));
        self.missing.set(Vec::new());
        self.finalized.set(None);
        self.write(amendment);
        Ok(())
    }

    /// Stores `evaluation`; a failure stays visible until a later save succeeds.
    ///
    /// Saves run one at a time and a newer version of the same evaluation replaces a queued
    /// one, so a burst of answers costs a couple of transactions, not one each: the device
    /// catches up with the user within one save, and a reload right after loses at most that.
    pub fn write(&self, evaluation: Evaluation) {
        self.versions.update(|versions| match versions.iter_mut().find(|v| v.id() == evaluation.id()) {
            Some(known) => *known = evaluation.clone(),
            None => versions.push(evaluation.clone()),
        });
        let Some(store) = self.store.get_value() else { return };
        let idle = self.unsaved.with_untracked(Vec::is_empty);
        self.unsaved.update(|queue| match queue.iter_mut().skip(1).find(|q| q.id() == evaluation.id()) {
            Some(queued) => *queued = evaluation,
            None => queue.push(evaluation),
        });
        if idle {
            spawn_local(self.drain(store));
        }
    }

    /// Stores the queue's head until the queue is empty; the head leaves the queue only once
    /// stored, so the page never says "saved" too early.
    async fn drain(self, store: Store) {
        while let Some(evaluation) = self.unsaved.try_with_untracked(|q| q.first().cloned()).flatten() {
            let outcome = store.save_evaluation(&evaluation).await;
            let saved = outcome.is_ok();
            self.save_error.try_set(outcome.err().map(|e| e.to_string()));
            self.unsaved.try_update(|q| {
                q.remove(0);
            });
            if saved && evaluation.is_final() {
                sync::sent_final(self).await;
            }
        }
    }
}
