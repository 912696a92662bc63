//! `relais questionnaire check FILE`: a one-line summary of a definition, or every problem.
//!
//! Kept apart from loading so that a command line, a host's admin page and tests share the
//! exact wording.

use super::definition::{ItemKind, Questionnaire};
use super::load::load;
use super::problems::Problem;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Every item, groups and display texts included.
    pub items: usize,
    pub groups: usize,
    pub questions: usize,
    /// `enableWhen` entries, summed over items.
    pub conditions: usize,
}

impl Questionnaire {
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            items: 0,
            groups: 0,
            questions: 0,
            conditions: 0,
        };
        for (_, item) in self.items() {
            summary.items += 1;
            summary.groups += usize::from(item.kind == ItemKind::Group);
            summary.questions += usize::from(item.kind.is_question());
            summary.conditions += item.enable_when.as_ref().map_or(0, |e| e.conditions().len());
        }
        summary
    }
}

#[derive(Debug, Clone)]
pub enum CheckReport {
    Usable {
        canonical: String,
        summary: Summary,
        notices: Vec<Problem>,
    },
    Refused {
        errors: Vec<Problem>,
    },
}

impl CheckReport {
    /// Whether the definition loads (a command line exits with 0).
    pub fn is_usable(&self) -> bool {
        matches!(self, CheckReport::Usable { .. })
    }
}

/// Loads `json` and reports on it.
pub fn check(json: &str) -> CheckReport {
    match load(json) {
        Ok(loaded) => CheckReport::Usable {
            canonical: loaded.questionnaire.canonical(),
            summary: loaded.questionnaire.summary(),
            notices: loaded.notices,
        },
        Err(errors) => CheckReport::Refused { errors },
    }
}

/// The summary line (then one line per notice), or one line per error.
impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckReport::Usable {
                canonical,
                summary: s,
                notices,
            } => {
                let n = notices.len();
                write!(
                    f,
                    "{canonical} : {} items ({} groupes, {} questions), {} conditions, {n} avertissement(s) / \
                     {} items ({} groups, {} questions), {} conditions, {n} notice(s)",
                    s.items, s.groups, s.questions, s.conditions, s.items, s.groups, s.questions, s.conditions
                )?;
                notices.iter().try_for_each(|notice| write!(f, "\n{notice}"))
            }
            CheckReport::Refused { errors } => {
                let lines: Vec<String> = errors.iter().map(Problem::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
        }
    }
}
