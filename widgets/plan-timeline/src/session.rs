//! The state every part of the timeline shares: the plan, where it is stored, what window is
//! shown, which visit is open, and the one way to change the plan (validate, then save).

use crate::config::PlanConfig;
use crate::device;
use crate::texts::{Lang, Texts};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::plan::{Passage, Plan, PlanDraft, ServiceLine, Span, Visit};
use relais_core::recurrence::Schedule;
use relais_core::EntryId;
use relais_store::{PlanConflict, Store};
use relais_sync::{SyncEngine, SyncStatus};

/// Week, month or whole plan, and the list instead of the lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    pub span: Span,
    pub as_list: bool,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub config: StoredValue<PlanConfig>,
    pub texts: &'static Texts,
    pub today: NaiveDate,
    pub plan: RwSignal<Option<Plan>>,
    pub store: StoredValue<Option<Store>, LocalStorage>,
    pub anchor: RwSignal<NaiveDate>,
    pub display: RwSignal<Display>,
    pub open_visit: RwSignal<Option<Visit>>,
    /// The line being edited in the form (`None`: the form adds a new line).
    pub editing: RwSignal<Option<relais_core::EntryId>>,
    /// A line to draft for an accepted need: its service code and the goal it will serve.
    pub line_draft: RwSignal<Option<(String, relais_core::EntryId)>>,
    pub error: RwSignal<Option<String>>,
    pub saved: RwSignal<u32>,
    /// The sync engine, when the host gave an endpoint.
    pub sync: StoredValue<Option<SyncEngine>, LocalStorage>,
    pub sync_status: RwSignal<Option<SyncStatus>>,
    /// Edits the server refused because someone changed the same field meanwhile.
    pub conflicts: RwSignal<Vec<PlanConflict>>,
    /// The liaison book's passage entries about this person: planned versus done.
    pub passages: RwSignal<Vec<Passage>>,
}

impl Session {
    pub fn new(config: PlanConfig, lang: Lang) -> Self {
        let today = device::today();
        Self {
            config: StoredValue::new(config),
            texts: Texts::for_lang(lang),
            today,
            plan: RwSignal::new(None),
            store: StoredValue::new_local(None),
            anchor: RwSignal::new(today),
            display: RwSignal::new(Display { span: Span::Week, as_list: false }),
            open_visit: RwSignal::new(None),
            editing: RwSignal::new(None),
            line_draft: RwSignal::new(None),
            error: RwSignal::new(None),
            saved: RwSignal::new(0),
            sync: StoredValue::new_local(None),
            sync_status: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
            passages: RwSignal::new(Vec::new()),
        }
    }

    /// Applies `change` to the plan's fields; a change core refuses is shown and nothing is
    /// lost, an accepted one is shown at once and saved on this device.
    pub fn change(&self, change: impl FnOnce(&mut PlanDraft) -> Result<(), String>) -> bool {
        let Some(mut draft) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.fields().clone())) else {
            return false;
        };
        let outcome = change(&mut draft).and_then(|()| Plan::new(draft).map_err(|e| e.to_string()));
        self.commit(outcome)
    }

    /// Changes the schedule of line `line` (cancel, move or pause visits) through core.
    pub fn change_schedule(&self, line: EntryId, change: impl FnOnce(Schedule) -> Result<Schedule, String>) -> bool {
        let unknown = self.texts.unknown_line;
        self.change(|draft| {
            let line = draft.lines.iter_mut().find(|l| l.id() == line).ok_or_else(|| unknown.to_owned())?;
            let mut fields = line.fields().clone();
            fields.schedule = change(fields.schedule)?;
            *line = ServiceLine::new(fields).map_err(|e| e.to_string())?;
            Ok(())
        })
    }

    /// Replaces the plan with one a core operation (admit, discharge…) produced.
    pub fn replace(&self, change: impl FnOnce(Plan) -> Result<Plan, String>) -> bool {
        let Some(plan) = self.plan.get_untracked() else { return false };
        self.commit(change(plan))
    }

    fn commit(&self, outcome: Result<Plan, String>) -> bool {
        match outcome {
            Ok(plan) => {
                self.error.set(None);
                self.plan.set(Some(plan.clone()));
                self.save(plan);
                true
            }
            Err(reason) => {
                self.error.set(Some(format!("{} {reason}", self.texts.refused)));
                false
            }
        }
    }

    /// Stores the plan with one queued put per changed item, then tells the engine to send.
    fn save(&self, plan: Plan) {
        let session = *self;
        spawn_local(async move {
            let Some(Some(store)) = session.store.try_get_value() else { return };
            let Some(author) = session.config.try_with_value(|c| c.author.clone()) else { return };
            match store.save_plan(&plan, &author, device::now()).await {
                Ok(_) => {
                    session.saved.try_update(|n| *n += 1);
                    session.sync.with_value(|engine| engine.as_ref().map(SyncEngine::notify_local_write));
                }
                Err(e) => {
                    session.error.try_set(Some(format!("{} {e}", session.texts.save_failed)));
                }
            }
        });
    }
}
