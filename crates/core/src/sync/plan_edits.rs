//! How a device turns plan edits into per-item puts, shows a plan while some of them wait, and
//! puts a conflict in front of the user (issue #7: "every change goes through sync as a
//! per-item patch, and a conflicting concurrent edit shows both values and lets the user
//! choose").
//!
//! A device keeps two things per plan: the items as the server last confirmed them (with their
//! versions) and its own working plan. A save compares the working plan before and after the
//! change, item by item ([`patches`]); a pull rebuilds the working plan from the confirmed items
//! with the still-pending puts laid over them ([`working_plan`]). A put the server answered
//! with `conflict` changed nothing there, so the working plan shows the other person's values
//! and [`Conflict`] holds the user's own, field by field, until they choose.

use super::kinds::{PlanItem, PlanItemPatch, PlanItemRef};
use super::merge::{diff, FieldChange, FieldChanges, Fields};
use super::wire::Version;
use crate::plan::Plan;
use crate::{Author, Timestamp};
use serde_json::Value;
use std::collections::BTreeMap;

/// An item as this device last pulled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmed {
    pub item: PlanItem,
    pub version: Version,
}

/// One put per item the change touched: new items are created, changed ones carry only their
/// changed fields (with the values they had before), removed ones clear every field.
/// `confirmed` gives the version each item was pulled at, `None` if it never was.
pub fn patches(
    before: Option<&Plan>,
    after: &Plan,
    confirmed: impl Fn(&PlanItemRef) -> Option<Version>,
    author: &Author,
    at: Timestamp,
) -> Vec<PlanItemPatch> {
    let old: BTreeMap<_, _> =
        before.map(PlanItem::all_of).unwrap_or_default().into_iter().map(|i| (i.item.target(), i)).collect();
    let new: BTreeMap<_, _> = PlanItem::all_of(after).into_iter().map(|i| (i.item.target(), i)).collect();
    let empty = Fields::new();
    let mut puts = Vec::new();
    for (target, item) in old.iter().chain(new.iter()) {
        if puts.iter().any(|p: &PlanItemPatch| &p.item.target() == target) {
            continue;
        }
        let was = old.get(target).map_or(&empty, |i| &i.fields);
        let is = new.get(target).map_or(&empty, |i| &i.fields);
        let changes = diff(was, is);
        if changes.is_empty() {
            continue;
        }
        let base_version = confirmed(&item.item);
        puts.push(PlanItemPatch { item: item.item.clone(), author: author.clone(), at, base_version, changes });
    }
    puts
}

/// `fields` with every change's new value, whatever they held: the device's own pending edit
/// wins in what it shows until the server has answered.
fn laid_over(mut fields: Fields, changes: &FieldChanges) -> Fields {
    for (name, change) in changes {
        match &change.value {
            Value::Null => fields.remove(name),
            value => fields.insert(name.clone(), value.clone()),
        };
    }
    fields
}

/// The plan as this device shows it: the confirmed items of one plan with the pending puts
/// (oldest first) laid over them. `Ok(None)` while the plan's own item is missing; an error
/// when the items do not make a valid plan yet (a page of a pull that ends between two related
/// items), in which case the device keeps showing what it had.
pub fn working_plan(confirmed: &[PlanItem], pending: &[PlanItemPatch]) -> Result<Option<Plan>, serde_json::Error> {
    let mut items: BTreeMap<_, PlanItem> = confirmed.iter().map(|i| (i.item.target(), i.clone())).collect();
    for put in pending {
        let fields = items.remove(&put.item.target()).map(|i| i.fields).unwrap_or_default();
        let item = PlanItem { item: put.item.clone(), fields: laid_over(fields, &put.changes) };
        items.insert(put.item.target(), item);
    }
    PlanItem::plan_of(items.values())
}

/// One field two people changed to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    pub name: String,
    /// What this user wanted.
    pub mine: Value,
    /// What the server holds now.
    pub theirs: Value,
}

/// A put the server refused as a conflict, against the item as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub item: PlanItemRef,
    pub fields: Vec<FieldConflict>,
    /// The user's whole edit, so "keep mine" also re-sends its fields that did not conflict.
    mine: FieldChanges,
}

impl Conflict {
    /// The conflict `put` still is against `current` (the item as last pulled), or `None`
    /// once nothing differs any more (someone made the same choice meanwhile).
    pub fn between(put: &PlanItemPatch, current: Option<&PlanItem>) -> Option<Self> {
        let empty = Fields::new();
        let now = current.map_or(&empty, |c| &c.fields);
        let fields: Vec<_> = put
            .changes
            .iter()
            .filter_map(|(name, change)| {
                let theirs = now.get(name).cloned().unwrap_or(Value::Null);
                (theirs != change.value).then(|| FieldConflict { name: name.clone(), mine: change.value.clone(), theirs })
            })
            .collect();
        (!fields.is_empty()).then(|| Self { item: put.item.clone(), fields, mine: put.changes.clone() })
    }

    /// The put that makes this user's values win, made from the current item so it merges.
    pub fn keep_mine(&self, current: Option<&Confirmed>, author: &Author, at: Timestamp) -> PlanItemPatch {
        let now = current.map(|c| c.item.fields.clone()).unwrap_or_default();
        let changes = self
            .mine
            .iter()
            .filter(|(name, change)| now.get(*name).unwrap_or(&Value::Null) != &change.value)
            .map(|(name, change)| {
                let base = now.get(name).cloned().unwrap_or(Value::Null);
                (name.clone(), FieldChange { base, value: change.value.clone() })
            })
            .collect();
        PlanItemPatch { item: self.item.clone(), author: author.clone(), at, base_version: current.map(|c| c.version), changes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::kinds::{PlanItemKind, PlanItemMerge};
    use crate::Role;

    fn demo_plan() -> Plan {
        serde_json::from_str(include_str!("../../../../demo/plan-demo.json")).unwrap()
    }

    fn author(id: &str) -> Author {
        Author::new(id, id, Role::GestionnaireDeCas).unwrap()
    }

    fn at() -> Timestamp {
        Timestamp::from_unix_ms(1_780_000_000_000)
    }

    fn with_provider(plan: &Plan, provider: &str) -> Plan {
        let mut draft = plan.fields().clone();
        let mut line = draft.lines[0].fields().clone();
        line.provider = provider.to_owned();
        draft.lines[0] = crate::plan::ServiceLine::new(line).unwrap();
        Plan::new(draft).unwrap()
    }

    /// What a server holds after applying `puts` in order, as versioned items.
    fn server_after(puts: &[PlanItemPatch]) -> Vec<PlanItem> {
        let mut held: BTreeMap<_, Value> = BTreeMap::new();
        for put in puts {
            let current = held.get(&put.item.target());
            if let PlanItemMerge::Put(value) = put.apply_to(current) {
                held.insert(put.item.target(), value);
            }
        }
        held.values().map(|v| serde_json::from_value(v.clone()).unwrap()).collect()
    }

    #[test]
    fn a_first_save_creates_every_item_and_they_make_the_plan_again() {
        let plan = demo_plan();
        let puts = patches(None, &plan, |_| None, &author("claire"), at());
        assert_eq!(puts.len(), PlanItem::all_of(&plan).len());
        assert!(puts.iter().all(|p| p.base_version.is_none()));
        assert_eq!(working_plan(&server_after(&puts), &[]).unwrap(), Some(plan));
    }

    #[test]
    fn one_changed_field_is_one_put_of_that_field_based_on_the_pulled_version() {
        let plan = demo_plan();
        let changed = with_provider(&plan, "ADMR du Val");
        let puts = patches(Some(&plan), &changed, |_| Some(Version(4)), &author("claire"), at());
        assert_eq!(puts.len(), 1);
        assert_eq!(puts[0].item.kind, PlanItemKind::ServiceLine);
        assert_eq!(puts[0].changes.keys().collect::<Vec<_>>(), ["provider"]);
        assert_eq!(puts[0].base_version, Some(Version(4)));
    }

    #[test]
    fn a_removed_goal_clears_its_item() {
        let plan = demo_plan();
        let mut draft = plan.fields().clone();
        draft.goals.pop();
        let fewer = Plan::new(draft).unwrap();
        let puts = patches(Some(&plan), &fewer, |_| None, &author("claire"), at());
        assert_eq!(puts.len(), 1);
        assert!(puts[0].changes.values().all(|c| c.value.is_null()));
        let first = patches(None, &plan, |_| None, &author("claire"), at());
        let all: Vec<_> = first.into_iter().chain(puts).collect();
        assert_eq!(working_plan(&server_after(&all), &[]).unwrap(), Some(fewer));
    }

    #[test]
    fn pending_puts_show_over_what_was_pulled() {
        let plan = demo_plan();
        let confirmed = server_after(&patches(None, &plan, |_| None, &author("claire"), at()));
        let mine = with_provider(&plan, "ADMR du Val");
        let pending = patches(Some(&plan), &mine, |_| Some(Version(1)), &author("claire"), at());
        assert_eq!(working_plan(&confirmed, &pending).unwrap(), Some(mine));
        let without_plan: Vec<_> = confirmed.into_iter().filter(|i| i.item.kind != PlanItemKind::Plan).collect();
        assert_eq!(working_plan(&without_plan, &[]).unwrap(), None, "not before the plan's own item");
    }

    #[test]
    fn a_conflict_shows_both_values_and_keeping_mine_merges() {
        let plan = demo_plan();
        let created = patches(None, &plan, |_| None, &author("claire"), at());
        let theirs = patches(Some(&plan), &with_provider(&plan, "Amapa Nord"), |_| Some(Version(1)), &author("nadia"), at());
        let mine = patches(Some(&plan), &with_provider(&plan, "ADMR du Val"), |_| Some(Version(1)), &author("claire"), at());
        let held = server_after(&[created.clone(), theirs.clone()].concat());
        let current = held.iter().find(|i| i.item == mine[0].item).unwrap();
        assert!(matches!(mine[0].apply_to(Some(&serde_json::to_value(current).unwrap())), PlanItemMerge::Conflict(_)));

        let conflict = Conflict::between(&mine[0], Some(current)).unwrap();
        assert_eq!(conflict.fields.len(), 1);
        assert_eq!((conflict.fields[0].mine.as_str(), conflict.fields[0].theirs.as_str()), (Some("ADMR du Val"), Some("Amapa Nord")));

        let confirmed = Confirmed { item: current.clone(), version: Version(2) };
        let keep = conflict.keep_mine(Some(&confirmed), &author("claire"), at());
        assert_eq!(keep.base_version, Some(Version(2)));
        let after = server_after(&[created, theirs, vec![keep]].concat());
        let shown = working_plan(&after, &[]).unwrap().unwrap();
        assert_eq!(shown.lines()[0].fields().provider, "ADMR du Val");
    }

    #[test]
    fn no_conflict_is_left_once_the_server_holds_my_values() {
        let plan = demo_plan();
        let mine = patches(Some(&plan), &with_provider(&plan, "ADMR du Val"), |_| None, &author("claire"), at());
        let same = server_after(&patches(None, &with_provider(&plan, "ADMR du Val"), |_| None, &author("nadia"), at()));
        let current = same.iter().find(|i| i.item == mine[0].item);
        assert_eq!(Conflict::between(&mine[0], current), None);
    }
}
