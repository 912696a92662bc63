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
use crate::{Author, EntryId, SubjectId, Timestamp};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
