//! What changed between two evaluations of the same person, and a French one-liner of it.
//!
//! Families and the équipe médico-sociale read "GIR 4 → 3 ; transferts B → C", not a list of
//! adverbs: for AGGIR the GIR and the variable codes come first and the calculated items are
//! not repeated as answers. Other answers are compared item by item, a repeated group's later
//! occurrences being told apart by their position (`aide[1]/nature`).

use super::aggir_items::{variable_code_link_id, GIR_LINK_ID};
use super::evaluation::{Evaluation, EvaluationError};
use crate::aggir::{Code, Gir, Variable};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The calculated GIR, `None` where a draft has none yet.
    Gir { from: Option<Gir>, to: Option<Gir> },
    /// A discriminant variable's calculated code.
    Variable {
        variable: Variable,
        from: Option<Code>,
        to: Option<Code>,
    },
    /// The answers of one item, keyed by its linkId path; empty where unanswered.
    Answer {
        path: String,
        from: Vec<Value>,
        to: Vec<Value>,
    },
}

/// Changes from `before` to `after`: GIR, then variables in profile order, then answers in
/// path order. Both must be about the same person and the same questionnaire (any version).
pub fn changes(before: &Evaluation, after: &Evaluation) -> Result<Vec<Change>, EvaluationError> {
    if before.subject() != after.subject() {
        return Err(EvaluationError::OtherSubject);
    }
    if before.questionnaire_url() != after.questionnaire_url() {
        return Err(EvaluationError::OtherQuestionnaire {
            expected: before.questionnaire().to_owned(),
            found: after.questionnaire().to_owned(),
        });
    }
    let mut list = Vec::new();
    if before.is_aggir() {
        list.extend(calculated_changes(before, after));
    }
    list.extend(answer_changes(before, after));
    Ok(list)
}

fn calculated_changes(before: &Evaluation, after: &Evaluation) -> Vec<Change> {
    let gir = (before.gir() != after.gir()).then(|| Change::Gir {
        from: before.gir(),
        to: after.gir(),
    });
    let variables = Variable::ALL.into_iter().filter_map(|variable| {
        let (from, to) = (before.variable_code(variable), after.variable_code(variable));
        (from != to).then_some(Change::Variable { variable, from, to })
    });
    gir.into_iter().chain(variables).collect()
}

fn answer_changes(before: &Evaluation, after: &Evaluation) -> Vec<Change> {
    let calculated = before.is_aggir();
    let (old, new) = (answers_by_path(before.items()), answers_by_path(after.items()));
    let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    paths
        .into_iter()
        .filter(|path| !(calculated && is_calculated(path)))
        .filter_map(|path| {
            let from = old.get(path).cloned().unwrap_or_default();
            let to = new.get(path).cloned().unwrap_or_default();
            (from != to).then(|| Change::Answer {
                path: path.clone(),
                from,
                to,
            })
        })
        .collect()
}

fn is_calculated(path: &str) -> bool {
    let link_id = path.rsplit('/').next().unwrap_or(path);
    link_id == GIR_LINK_ID || Variable::ALL.iter().any(|&v| variable_code_link_id(v) == link_id)
}

fn answers_by_path(items: &[Value]) -> BTreeMap<String, Vec<Value>> {
    let mut out = BTreeMap::new();
    collect(items, "", &mut out);
    out
}

fn collect(items: &[Value], prefix: &str, out: &mut BTreeMap<String, Vec<Value>>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        let link_id = item.get("linkId").and_then(Value::as_str).unwrap_or_default();
        let occurrence = seen.entry(link_id).or_default();
        let name = match *occurrence {
            0 => link_id.to_owned(),
            n => format!("{link_id}[{n}]"),
        };
        *occurrence += 1;
        let path = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if let Some(answers) = item.get("answer").and_then(Value::as_array) {
            out.insert(path.clone(), answers.clone());
        }
        if let Some(children) = item.get("item").and_then(Value::as_array) {
            collect(children, &path, out);
        }
    }
}

/// "GIR 4 → 3 ; transferts B → C"; without a GIR or code change, the number of answers
/// changed; "aucun changement" when nothing changed.
pub fn summary_fr(changes: &[Change]) -> String {
    let parts: Vec<String> = changes
        .iter()
        .filter_map(|change| match change {
            Change::Gir { from, to } => Some(format!(
                "GIR {} → {}",
                shown(from.map(|g| g.number().to_string())),
                shown(to.map(|g| g.number().to_string()))
            )),
            Change::Variable { variable, from, to } => Some(format!(
                "{} {} → {}",
                variable.label_fr().to_lowercase(),
                shown(from.map(|c| c.letter().to_string())),
                shown(to.map(|c| c.letter().to_string()))
            )),
            Change::Answer { .. } => None,
        })
        .collect();
    if !parts.is_empty() {
        return parts.join(" ; ");
    }
    match changes.len() {
        0 => "aucun changement".to_owned(),
        1 => "1 réponse modifiée".to_owned(),
        n => format!("{n} réponses modifiées"),
    }
}

/// An absent GIR or code, as a dash a reader takes for "not yet calculated".
fn shown(value: Option<String>) -> String {
    value.unwrap_or_else(|| "—".to_owned())
}
