//! Links the questionnaire once every item is read: linkIds, conditions and the order in which
//! visibility can be computed.
//!
//! Conditions may point forward in the document, so they can only be checked once all items are
//! known. The same pass builds the dependency index that makes visibility updates incremental,
//! and refuses loops, which would leave visibility undefined.

use super::definition::{Comparator, Condition, ConditionTest, EnableWhen, Item, ItemId, ItemKind};
use super::problems::{ConditionProblem, Location, Problem, ProblemKind};
use super::value::AnswerValue;
use std::collections::{HashMap, VecDeque};

pub(super) enum RawOperator {
    Exists,
    Compare(Comparator),
}

pub(super) enum RawAnswer {
    Value(AnswerValue),
    /// The suffix of an `answer[x]` the engine does not handle (`Quantity`, `Reference`…).
    Unsupported(String),
}

/// One `enableWhen` as written, before its question is looked up.
pub(super) struct RawCondition {
    /// Position among the item's conditions, from 1.
    pub index: usize,
    pub question: String,
    pub operator: RawOperator,
    pub answer: RawAnswer,
}

pub(super) struct RawEnableWhen {
    pub conditions: Vec<RawCondition>,
    /// How many conditions the JSON declared, readable or not.
    pub declared: usize,
    /// `Some(true)` for `all`, `Some(false)` for `any`.
    pub all: Option<bool>,
    pub behavior_given: bool,
}

pub(super) struct Links {
    pub by_link_id: HashMap<String, ItemId>,
    pub dependents: Vec<Vec<ItemId>>,
    pub order: Vec<ItemId>,
}

pub(super) fn link(
    items: &mut [Item],
    locations: &[Location],
    raw: Vec<Option<RawEnableWhen>>,
    errors: &mut Vec<Problem>,
) -> Links {
    let by_link_id = index_link_ids(items, locations, errors);
    for (index, raw) in raw.into_iter().enumerate() {
        let Some(raw) = raw else { continue };
        let dependent = ItemId::new(index);
        items[index].enable_when = enable_when(items, &by_link_id, dependent, raw, &locations[index], errors);
    }
    let dependents = dependents(items);
    let order = order(items, &dependents, locations, errors);
    Links {
        by_link_id,
        dependents,
        order,
    }
}

fn position(location: &Location) -> String {
    match location {
        Location::Item { position, .. } => position.clone(),
        Location::Questionnaire => String::new(),
    }
}

fn index_link_ids(items: &[Item], locations: &[Location], errors: &mut Vec<Problem>) -> HashMap<String, ItemId> {
    let mut by_link_id: HashMap<String, ItemId> = HashMap::new();
    for (index, item) in items.iter().enumerate().filter(|(_, item)| !item.link_id.is_empty()) {
        if let Some(first) = by_link_id.get(&item.link_id) {
            let kind = ProblemKind::DuplicateLinkId {
                first: position(&locations[first.index()]),
            };
            errors.push(Problem {
                location: locations[index].clone(),
                kind,
            });
        } else {
            by_link_id.insert(item.link_id.clone(), ItemId::new(index));
        }
    }
    by_link_id
}

fn enable_when(
    items: &[Item],
    by_link_id: &HashMap<String, ItemId>,
    dependent: ItemId,
    raw: RawEnableWhen,
    at: &Location,
    errors: &mut Vec<Problem>,
) -> Option<EnableWhen> {
    if raw.declared > 1 && !raw.behavior_given {
        let kind = ProblemKind::EnableBehaviorMissing {
            conditions: raw.declared,
        };
        errors.push(Problem {
            location: at.clone(),
            kind,
        });
    }
    let mut resolved = Vec::new();
    for condition in raw.conditions {
        let index = condition.index;
        match resolve(items, by_link_id, dependent, condition) {
            Ok(condition) => resolved.push(condition),
            Err(problem) => {
                let kind = ProblemKind::Condition { index, problem };
                errors.push(Problem {
                    location: at.clone(),
                    kind,
                });
            }
        }
    }
    match (resolved.len(), raw.all) {
        (0, _) => None,
        (1, _) => resolved.pop().map(EnableWhen::Single),
        (_, Some(true)) => Some(EnableWhen::All(resolved)),
        (_, Some(false)) => Some(EnableWhen::Any(resolved)),
        (_, None) => None,
    }
}

fn resolve(
    items: &[Item],
    by_link_id: &HashMap<String, ItemId>,
    dependent: ItemId,
    raw: RawCondition,
) -> Result<Condition, ConditionProblem> {
    let question = *by_link_id
        .get(&raw.question)
        .ok_or_else(|| ConditionProblem::UnknownQuestion(raw.question.clone()))?;
    if question == dependent {
        return Err(ConditionProblem::OwnAnswer);
    }
    let source = &items[question.index()];
    match source.kind {
        ItemKind::Group | ItemKind::Display => return Err(ConditionProblem::NotAQuestion(raw.question)),
        ItemKind::Unsupported(_) => return Err(ConditionProblem::UnsupportedQuestion(raw.question)),
        _ => {}
    }
    if source.scope.is_some() && source.scope != items[dependent.index()].scope {
        return Err(ConditionProblem::AcrossRepeatingGroup(raw.question));
    }
    let value = match raw.answer {
        RawAnswer::Value(value) => value,
        RawAnswer::Unsupported(suffix) => return Err(ConditionProblem::UnsupportedAnswer(suffix)),
    };
    Ok(Condition {
        question,
        test: test(&source.kind, raw.operator, value)?,
    })
}

fn test(kind: &ItemKind, operator: RawOperator, value: AnswerValue) -> Result<ConditionTest, ConditionProblem> {
    let answer = value.value_type();
    match (operator, value) {
        (RawOperator::Exists, AnswerValue::Boolean(expected)) => Ok(ConditionTest::Exists(expected)),
        (RawOperator::Exists, _) => Err(ConditionProblem::ExistsNeedsBoolean),
        (RawOperator::Compare(_), _) if !kind.accepts(answer) => Err(ConditionProblem::AnswerMismatch {
            item_type: kind.type_code().to_owned(),
            answer,
        }),
        (RawOperator::Compare(comparator), _) if is_ordering(comparator) && !answer.is_ordered() => {
            Err(ConditionProblem::NotOrdered {
                operator: comparator.code(),
                answer,
            })
        }
        (RawOperator::Compare(comparator), value) => Ok(ConditionTest::Compare(comparator, value)),
    }
}

fn is_ordering(comparator: Comparator) -> bool {
    !matches!(comparator, Comparator::Equal | Comparator::NotEqual)
}

fn dependents(items: &[Item]) -> Vec<Vec<ItemId>> {
    let mut dependents: Vec<Vec<ItemId>> = vec![Vec::new(); items.len()];
    for (index, item) in items.iter().enumerate() {
        let conditions = item.enable_when.as_ref().map_or(&[][..], EnableWhen::conditions);
        for condition in conditions {
            let list = &mut dependents[condition.question.index()];
            if !list.contains(&ItemId::new(index)) {
                list.push(ItemId::new(index));
            }
        }
    }
    dependents
}

/// A topological order over "parent before child" and "question before the items it enables"
/// (Kahn's algorithm); items left over sit on or behind a loop.
fn order(items: &[Item], dependents: &[Vec<ItemId>], locations: &[Location], errors: &mut Vec<Problem>) -> Vec<ItemId> {
    let successors = |index: usize| items[index].children.iter().chain(&dependents[index]);
    let mut waiting = vec![0_usize; items.len()];
    for index in 0..items.len() {
        for next in successors(index) {
            waiting[next.index()] += 1;
        }
    }
    let mut ready: VecDeque<usize> = (0..items.len()).filter(|&i| waiting[i] == 0).collect();
    let mut order = Vec::with_capacity(items.len());
    while let Some(index) = ready.pop_front() {
        order.push(ItemId::new(index));
        for next in successors(index) {
            waiting[next.index()] -= 1;
            if waiting[next.index()] == 0 {
                ready.push_back(next.index());
            }
        }
    }
    report_loops(items, &waiting, locations, errors);
    order
}

fn report_loops(items: &[Item], waiting: &[usize], locations: &[Location], errors: &mut Vec<Problem>) {
    for (index, item) in items.iter().enumerate().filter(|(i, _)| waiting[*i] > 0) {
        let conditions = item.enable_when.as_ref().map_or(&[][..], EnableWhen::conditions);
        if conditions.iter().any(|c| waiting[c.question.index()] > 0) {
            errors.push(Problem {
                location: locations[index].clone(),
                kind: ProblemKind::CircularCondition,
            });
        }
    }
}
