//! Field-level three-way merge of versioned items (plan items, design §3 per-kind rules).
//!
//! An edit carries, for each field it changed, the value it started from (`base`) and the value
//! it wants. Applied to what the server holds now: a field still at its base takes the new
//! value; a field already at the new value is left alone; a field someone else changed to
//! something else is a conflict. Edits of different fields therefore merge in any order, and
//! no edit silently overwrites another: a conflicting edit changes nothing and is answered with
//! what the server holds, for the user to decide.
//!
//! Fields are an item's top-level JSON properties; an absent field and `null` are the same, so
//! optional fields that serialise to nothing compare equal to their `null` base.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One field's change: from `base` (what the editor saw) to `value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub base: Value,
    pub value: Value,
}

/// The changed fields of one edit, by name.
pub type FieldChanges = BTreeMap<String, FieldChange>;

/// An item's fields as stored.
pub type Fields = Map<String, Value>;

/// What an edit does to the current fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merged {
    /// The fields after the edit; at least one changed.
    Changed(Fields),
    /// Every field already holds the edit's value: the same edit seen again, or made twice.
    Unchanged,
    /// These fields were changed by someone else to another value; nothing was applied.
    Conflict(Vec<String>),
}

fn field<'a>(fields: &'a Fields, name: &str) -> &'a Value {
    fields.get(name).unwrap_or(&Value::Null)
}

/// The changes that turn `before` into `after`, field by field.
pub fn diff(before: &Fields, after: &Fields) -> FieldChanges {
    before
        .keys()
        .chain(after.keys())
        .filter(|name| field(before, name) != field(after, name))
        .map(|name| {
            let change = FieldChange { base: field(before, name).clone(), value: field(after, name).clone() };
            (name.clone(), change)
        })
        .collect()
}

/// Applies `changes` to `current`, or says which fields conflict.
pub fn merge(current: &Fields, changes: &FieldChanges) -> Merged {
    let conflicts: Vec<String> = changes
        .iter()
        .filter(|(name, change)| {
            let now = field(current, name);
            now != &change.base && now != &change.value
        })
        .map(|(name, _)| name.clone())
        .collect();
    if !conflicts.is_empty() {
        return Merged::Conflict(conflicts);
    }
    let mut merged = current.clone();
    let mut changed = false;
    for (name, change) in changes {
        if field(current, name) == &change.value {
            continue;
        }
        changed = true;
        match &change.value {
            Value::Null => merged.remove(name),
            value => merged.insert(name.clone(), value.clone()),
        };
    }
    if changed {
        Merged::Changed(merged)
    } else {
        Merged::Unchanged
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn fields(value: Value) -> Fields {
        value.as_object().cloned().unwrap()
    }

    fn apply(current: &Fields, changes: &FieldChanges) -> Fields {
        match merge(current, changes) {
            Merged::Changed(fields) => fields,
            Merged::Unchanged => current.clone(),
            Merged::Conflict(names) => panic!("unexpected conflict on {names:?}"),
        }
    }

    #[test]
    fn edits_of_different_fields_both_land() {
        let base = fields(json!({"provider": "SAAD Les Tilleuls", "minutes": 60, "payer": "apa"}));
        let mut by_nurse = base.clone();
        by_nurse.insert("minutes".into(), json!(90));
        let mut by_manager = base.clone();
        by_manager.insert("provider".into(), json!("SAAD Horizon"));
        let after_nurse = apply(&base, &diff(&base, &by_nurse));
        let merged = apply(&after_nurse, &diff(&base, &by_manager));
        assert_eq!(merged, fields(json!({"provider": "SAAD Horizon", "minutes": 90, "payer": "apa"})));
    }

    #[test]
    fn the_same_field_changed_to_another_value_conflicts_and_changes_nothing() {
        let base = fields(json!({"minutes": 60, "payer": "apa"}));
        let theirs = apply(&base, &diff(&base, &fields(json!({"minutes": 90, "payer": "apa"}))));
        let mine = diff(&base, &fields(json!({"minutes": 45, "payer": "caisse"})));
        assert_eq!(merge(&theirs, &mine), Merged::Conflict(vec!["minutes".into()]));
    }

    #[test]
    fn the_same_change_made_twice_is_unchanged_not_a_conflict() {
        let base = fields(json!({"minutes": 60}));
        let edit = diff(&base, &fields(json!({"minutes": 90})));
        let once = apply(&base, &edit);
        assert_eq!(merge(&once, &edit), Merged::Unchanged);
    }

    #[test]
    fn a_field_set_to_null_is_removed_and_an_absent_base_is_null() {
        let base = fields(json!({"period_end": "2027-01-31"}));
        let cleared = apply(&base, &diff(&base, &fields(json!({}))));
        assert_eq!(cleared, fields(json!({})));
        let created = apply(&Fields::new(), &diff(&Fields::new(), &fields(json!({"title": "Sortir"}))));
        assert_eq!(created, fields(json!({"title": "Sortir"})));
    }

    fn small_fields() -> impl Strategy<Value = Fields> {
        prop::collection::btree_map("[a-e]", 0i64..4, 0..5)
            .prop_map(|m| m.into_iter().map(|(k, v)| (k, json!(v))).collect())
    }

    /// Two edits of `base` touching disjoint fields: each keeps only the fields it owns.
    fn disjoint_edits() -> impl Strategy<Value = (Fields, Fields, Fields)> {
        (small_fields(), small_fields(), small_fields(), prop::collection::btree_set("[a-e]", 0..5)).prop_map(
            |(base, a, b, owned_by_a)| {
                let pick = |edit: &Fields, keep: &dyn Fn(&str) -> bool| {
                    let mut out = base.clone();
                    for name in ["a", "b", "c", "d", "e"].into_iter().filter(|n| keep(n)) {
                        match edit.get(name) {
                            Some(v) => out.insert(name.into(), v.clone()),
                            None => out.remove(name),
                        };
                    }
                    out
                };
                let left = pick(&a, &|n| owned_by_a.contains(n));
                let right = pick(&b, &|n| !owned_by_a.contains(n));
                (base, left, right)
            },
        )
    }

    proptest! {
        #[test]
        fn disjoint_edits_commute_and_lose_nothing((base, left, right) in disjoint_edits()) {
            let (l, r) = (diff(&base, &left), diff(&base, &right));
            let left_first = apply(&apply(&base, &l), &r);
            let right_first = apply(&apply(&base, &r), &l);
            prop_assert_eq!(&left_first, &right_first);
            for (name, change) in l.iter().chain(&r) {
                prop_assert_eq!(field(&left_first, name), &change.value, "{} lost", name);
            }
        }

        #[test]
        fn an_edit_applies_exactly_on_its_base_and_then_is_unchanged(base in small_fields(), after in small_fields()) {
            let edit = diff(&base, &after);
            let once = apply(&base, &edit);
            prop_assert_eq!(&once, &after);
            prop_assert_eq!(merge(&once, &edit), Merged::Unchanged);
        }

        #[test]
        fn a_conflict_names_only_fields_changed_differently(base in small_fields(), a in small_fields(), b in small_fields()) {
            let theirs = apply(&base, &diff(&base, &a));
            if let Merged::Conflict(names) = merge(&theirs, &diff(&base, &b)) {
                for name in names {
                    prop_assert!(field(&a, &name) != field(&base, &name));
                    prop_assert!(field(&a, &name) != field(&b, &name));
                }
            }
        }
    }
}
