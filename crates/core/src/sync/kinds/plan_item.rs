//! `plan_item.put`: one item of a care plan (the plan's own fields, a service line, a goal, a
//! review, a hospital stay), versioned per item and merged field by field.
//!
//! Several people edit a plan, often offline: the care manager moves a visit while the nurse
//! changes its duration. Each edit carries only the fields it changed, with the values it
//! started from and the version it was based on; the server merges it into the item with
//! `merge` and answers `conflict` (with the item as it is) when someone else changed one of
//! those fields to another value. The client keeps such a conflict in front of the user until
//! a new put, made from the current item, resolves it.
//!
//! Entry point for widgets: [`PlanItemPatch::between`] with the item before and after the
//! user's change, then `Write::PlanItemPut(patch)` through the store like any other write.

use super::envelope::parse;
use super::{Access, Kind, Rule};
use crate::sync::merge::{diff, merge, FieldChanges, Fields, Merged};
use crate::sync::wire::{Rejection, Target, Version};
use crate::plan::Plan;
use crate::{Author, EntryId, SubjectId, Timestamp};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub const PLAN_ITEM_PUT: &str = "plan_item.put";
pub const PLAN_ITEM: &str = "plan_item";

/// Which part of a plan an item is; each is versioned on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanItemKind {
    /// The plan's own fields (title, status, period…), not its lists.
    Plan,
    ServiceLine,
    Goal,
    Review,
    HospitalEpisode,
}

impl PlanItemKind {
    fn code(self) -> &'static str {
        match self {
            PlanItemKind::Plan => "plan",
            PlanItemKind::ServiceLine => "service_line",
            PlanItemKind::Goal => "goal",
            PlanItemKind::Review => "review",
            PlanItemKind::HospitalEpisode => "hospital_episode",
        }
    }
}

/// Where an item lives: the person, the plan, the kind of item and its id within the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItemRef {
    pub subject: SubjectId,
    pub plan: EntryId,
    pub kind: PlanItemKind,
    /// The item's id (a line's or goal's `EntryId`, the plan's own id for `Plan`).
    pub id: String,
}

impl PlanItemRef {
    /// The resource every edit of this item writes: `{subject}:{plan}:{kind}:{id}`. The
    /// subject is part of it so that an item of one person is never the stored item of
    /// another, whatever ids the plans use; its `%` and `:` are escaped, so the plan id is
    /// always the second part.
    pub fn target(&self) -> Target {
        let subject = self.subject.as_str().replace('%', "%25").replace(':', "%3A");
        super::target(PLAN_ITEM, format!("{subject}:{}:{}:{}", self.plan, self.kind.code(), self.id))
    }
}

/// An item as the server stores it and pulls send it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    #[serde(flatten)]
    pub item: PlanItemRef,
    pub fields: Fields,
}

impl PlanItem {
    /// The item as the plan type it was written from (e.g. `ServiceLineDraft`).
    pub fn to<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(Value::Object(self.fields.clone()))
    }
}

/// One edit of one plan item: the changed fields with their base values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItemPatch {
    #[serde(flatten)]
    pub item: PlanItemRef,
    pub author: Author,
    /// When the author's device made the edit: shown and audited, never used to merge.
    pub at: Timestamp,
    /// The item's version the edit was made from; `None` creates the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_version: Option<Version>,
    pub changes: FieldChanges,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanItemError {
    #[error("un élément de plan doit être un objet JSON / a plan item must be a JSON object")]
    NotAnObject,
    #[error("rien n'a changé / nothing changed")]
    NoChange,
}

/// What a put does to the item the server holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanItemMerge {
    /// Store this resource under the next version.
    Put(Value),
    /// Every changed field already holds its new value.
    Unchanged,
    /// Someone else changed one of these fields to another value; nothing applied.
    Conflict(Vec<String>),
}

fn fields_of(item: &impl Serialize) -> Result<Fields, PlanItemError> {
    match serde_json::to_value(item) {
        Ok(Value::Object(fields)) => Ok(fields),
        _ => Err(PlanItemError::NotAnObject),
    }
}

impl PlanItemPatch {
    /// The edit that turns `before` (as pulled at its version; `None` for a new item) into
    /// `after`, written by `author` at `at`. Only changed fields are sent, so edits of other
    /// fields by other people merge.
    pub fn between<T: Serialize>(
        item: PlanItemRef,
        author: Author,
        at: Timestamp,
        before: Option<(&T, Version)>,
        after: &T,
    ) -> Result<Self, PlanItemError> {
        let base = match before {
            Some((item, _)) => fields_of(item)?,
            None => Fields::new(),
        };
        let changes = diff(&base, &fields_of(after)?);
        if changes.is_empty() {
            return Err(PlanItemError::NoChange);
        }
        Ok(Self { item, author, at, base_version: before.map(|(_, v)| v), changes })
    }

    /// Merges this edit into `current`, the stored resource if any.
    pub fn apply_to(&self, current: Option<&Value>) -> PlanItemMerge {
        let fields = current
            .and_then(|value| PlanItem::deserialize(value).ok())
            .map(|item| item.fields)
            .unwrap_or_default();
        match merge(&fields, &self.changes) {
            Merged::Changed(fields) => {
                let item = PlanItem { item: self.item.clone(), fields };
                PlanItemMerge::Put(super::to_value(&item))
            }
            Merged::Unchanged => PlanItemMerge::Unchanged,
            Merged::Conflict(names) => PlanItemMerge::Conflict(names),
        }
    }
}

impl Kind for PlanItemPatch {
    const KIND: &'static str = PLAN_ITEM_PUT;

    fn target(&self) -> Target {
        self.item.target()
    }

    fn author_id(&self) -> &str {
        self.author.id()
    }

    fn rule(&self) -> Rule {
        Rule::MergeFields
    }

    fn access(&self) -> Access {
        Access::Subject(self.item.subject.clone())
    }

    fn base_version(&self) -> Option<Version> {
        self.base_version
    }
}

/// The lists a plan's own item leaves out: each of their elements is an item of its own.
const PLAN_LISTS: [(&str, PlanItemKind); 4] = [
    ("lines", PlanItemKind::ServiceLine),
    ("goals", PlanItemKind::Goal),
    ("reviews", PlanItemKind::Review),
    ("hospital_episodes", PlanItemKind::HospitalEpisode),
];

/// A list element's id within its plan: lines and goals have one; a review is its due date and
/// reason, a stay its admission day (two stays never start on the same day).
fn element_id(kind: PlanItemKind, element: &Fields) -> String {
    let text = |name: &str| element.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
    match kind {
        PlanItemKind::Review => format!("{}:{}", text("due"), text("reason")),
        PlanItemKind::HospitalEpisode => text("admitted"),
        _ => text("id"),
    }
}

impl PlanItem {
    /// The plan as the items sync versions one by one: its own fields, then every element of its
    /// lists. Items are compared with [`PlanItemPatch::between`], so one changed line is one put.
    pub fn all_of(plan: &Plan) -> Vec<PlanItem> {
        let Value::Object(mut header) = super::to_value(plan) else { unreachable!("a plan is an object") };
        let item = |kind, id| PlanItemRef { subject: plan.subject().clone(), plan: plan.id(), kind, id };
        let mut items = Vec::new();
        for (list, kind) in PLAN_LISTS {
            let elements = match header.remove(list) {
                Some(Value::Array(elements)) => elements,
                _ => Vec::new(),
            };
            for element in elements {
                let Value::Object(fields) = element else { continue };
                items.push(PlanItem { item: item(kind, element_id(kind, &fields)), fields });
            }
        }
        items.insert(0, PlanItem { item: item(PlanItemKind::Plan, plan.id().to_string()), fields: header });
        items
    }

    /// The plan the items make, once its own item has arrived (`Ok(None)` before). An item with
    /// no field left was removed. Core validates the result as it validates any plan it reads.
    pub fn plan_of<'a>(items: impl IntoIterator<Item = &'a PlanItem>) -> Result<Option<Plan>, serde_json::Error> {
        let mut header = None;
        let mut lists: BTreeMap<&str, BTreeMap<&str, Value>> = BTreeMap::new();
        for item in items.into_iter().filter(|item| !item.fields.is_empty()) {
            match PLAN_LISTS.iter().find(|(_, kind)| *kind == item.item.kind) {
                Some((list, _)) => {
                    lists.entry(list).or_default().insert(&item.item.id, Value::Object(item.fields.clone()));
                }
                None => header = Some(item.fields.clone()),
            }
        }
        let Some(mut plan) = header else { return Ok(None) };
        // Ids are UUIDv7, so lines and goals come back in creation order; core orders the rest.
        for (list, _) in PLAN_LISTS {
            let elements = lists.remove(list).unwrap_or_default().into_values().collect();
            plan.insert(list.to_owned(), Value::Array(elements));
        }
        Plan::deserialize(Value::Object(plan)).map(Some)
    }
}

/// Reads a pushed patch: not empty, and based on the version its envelope names.
pub(super) fn parse_patch(payload: &Value, base_version: Option<Version>) -> Result<PlanItemPatch, Rejection> {
    let patch: PlanItemPatch = parse(payload)?;
    if patch.changes.is_empty() {
        return Err(Rejection::new(Rejection::INVALID_PAYLOAD, PlanItemError::NoChange.to_string()));
    }
    if patch.base_version != base_version {
        return Err(Rejection::new(
            Rejection::INVALID_PAYLOAD,
            "base_version diffère entre l'enveloppe et le contenu / base_version differs between envelope and payload",
        ));
    }
    Ok(patch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(subject: &str, id: &str) -> PlanItemRef {
        PlanItemRef {
            subject: SubjectId::new(subject).unwrap(),
            plan: EntryId::v7(1, [7; 10]),
            kind: PlanItemKind::ServiceLine,
            id: id.to_owned(),
        }
    }

    /// The demo's plan: five lines, four goals, three reviews, a hospital stay.
    fn demo_plan() -> Plan {
        serde_json::from_str(include_str!("../../../../../demo/plan-demo.json")).unwrap()
    }

    #[test]
    fn a_plan_is_its_items_and_comes_back_from_them() {
        let plan = demo_plan();
        let items = PlanItem::all_of(&plan);
        assert_eq!(items.len(), 1 + 5 + 4 + 3 + 1);
        let targets: std::collections::BTreeSet<_> = items.iter().map(|i| i.item.target()).collect();
        assert_eq!(targets.len(), items.len(), "every item is its own resource");
        assert_eq!(PlanItem::plan_of(items.iter().rev()).unwrap(), Some(plan));
        assert_eq!(PlanItem::plan_of(&items[1..]).unwrap(), None, "not before its own item");
    }

    #[test]
    fn a_removed_item_is_one_with_no_fields() {
        let plan = demo_plan();
        let mut items = PlanItem::all_of(&plan);
        let goal = items.iter().position(|i| i.item.kind == PlanItemKind::Goal).unwrap();
        let removed = items[goal].item.id.clone();
        items[goal].fields.clear();
        let rebuilt = PlanItem::plan_of(&items).unwrap().unwrap();
        assert_eq!(rebuilt.goals().len(), plan.goals().len() - 1);
        assert!(rebuilt.goals().iter().all(|g| g.id().to_string() != removed));
    }

    #[test]
    fn items_that_make_an_inconsistent_plan_are_an_error_not_a_plan() {
        let mut items = PlanItem::all_of(&demo_plan());
        let line = items.iter().position(|i| i.item.kind == PlanItemKind::ServiceLine).unwrap();
        items[line].fields.clear();
        assert!(PlanItem::plan_of(&items).is_err(), "a goal would serve a line that is gone");
    }

    #[test]
    fn the_same_item_of_two_people_is_two_resources() {
        let (a, b) = (line_of("usager-1", "ligne-1"), line_of("usager-2", "ligne-1"));
        assert_ne!(a.target(), b.target());
        assert!(a.target().id.starts_with("usager-1:"));
    }

    #[test]
    fn a_colon_in_the_subject_cannot_pose_as_another_plan() {
        let escaped = line_of("a:b%c", "x").target().id;
        let plan = EntryId::v7(1, [7; 10]);
        assert_eq!(escaped, format!("a%3Ab%25c:{plan}:service_line:x"));
    }
}
