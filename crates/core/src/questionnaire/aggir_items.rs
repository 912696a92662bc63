//! The linkIds of the built-in AGGIR questionnaire, derived from the ids of the `aggir` module.
//!
//! The definition (`builtin/aggir.json`), the calculation (`aggir_form.rs`) and stored
//! evaluations all name items through these functions, so a linkId is spelled in one place and
//! stays stable as long as the aggir ids do.

use crate::aggir::{IllustrativeVariable, SubVariable, Variable};

/// linkId of the calculated GIR.
pub const GIR_LINK_ID: &str = "gir";

/// linkId of the group holding the seven illustrative activities.
pub const ILLUSTRATIVES_LINK_ID: &str = "illustratives";

/// One activity the evaluator codes with "ne fait pas" and the four adverbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GridActivity {
    /// A discriminant variable answered directly (transferts, déplacements, alerter).
    Variable(Variable),
    /// A sub-variable of a composite discriminant variable.
    Sub(SubVariable),
    /// One of the seven illustrative variables, recorded but never read by the GIR.
    Illustrative(IllustrativeVariable),
}

/// The five boolean questions of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    NeFaitPas,
    Spontanement,
    Totalement,
    Correctement,
    Habituellement,
}

impl Answer {
    pub const ADVERBS: [Answer; 4] = [
        Answer::Spontanement,
        Answer::Totalement,
        Answer::Correctement,
        Answer::Habituellement,
    ];

    pub const ALL: [Answer; 5] = [
        Answer::NeFaitPas,
        Answer::Spontanement,
        Answer::Totalement,
        Answer::Correctement,
        Answer::Habituellement,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Answer::NeFaitPas => "ne-fait-pas",
            Answer::Spontanement => "spontanement",
            Answer::Totalement => "totalement",
            Answer::Correctement => "correctement",
            Answer::Habituellement => "habituellement",
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Answer::NeFaitPas => "Ne fait pas",
            Answer::Spontanement => "Spontanément",
            Answer::Totalement => "Totalement",
            Answer::Correctement => "Correctement",
            Answer::Habituellement => "Habituellement",
        }
    }
}

impl GridActivity {
    /// The seventeen activities whose codes make the profile, in the annexe's order.
    pub fn discriminant() -> impl Iterator<Item = GridActivity> {
        Variable::ALL.into_iter().flat_map(Self::of_variable)
    }

    /// The activities asked for one discriminant variable: its sub-variables, or itself.
    pub fn of_variable(variable: Variable) -> Vec<GridActivity> {
        match variable.sub_variables() {
            [] => vec![GridActivity::Variable(variable)],
            subs => subs.iter().copied().map(GridActivity::Sub).collect(),
        }
    }

    pub fn illustrative() -> impl Iterator<Item = GridActivity> {
        IllustrativeVariable::ALL.into_iter().map(GridActivity::Illustrative)
    }

    /// `transferts`, `toilette.haut`, `alimentation.se-servir`, `illustratives.gestion`.
    pub fn link_id(self) -> String {
        match self {
            GridActivity::Variable(variable) => variable.id().to_owned(),
            GridActivity::Sub(sub) => {
                let parent = sub.parent().id();
                let own = sub
                    .id()
                    .strip_prefix(parent)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .unwrap_or(sub.id());
                format!("{parent}.{own}")
            }
            GridActivity::Illustrative(variable) => format!("{ILLUSTRATIVES_LINK_ID}.{}", variable.id()),
        }
    }

    /// `toilette.haut.spontanement`, `transferts.ne-fait-pas`.
    pub fn answer_link_id(self, answer: Answer) -> String {
        format!("{}.{}", self.link_id(), answer.id())
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            GridActivity::Variable(variable) => variable.label_fr(),
            GridActivity::Sub(sub) => sub.label_fr(),
            GridActivity::Illustrative(variable) => variable.label_fr(),
        }
    }

    pub fn help_fr(self) -> &'static str {
        match self {
            GridActivity::Variable(variable) => variable.help_fr(),
            GridActivity::Sub(sub) => sub.help_fr(),
            GridActivity::Illustrative(variable) => variable.help_fr(),
        }
    }
}

/// linkId of a discriminant variable's group: its id, e.g. `deplacements-interieur`.
pub fn variable_group_link_id(variable: Variable) -> &'static str {
    variable.id()
}

/// linkId of a variable's calculated code, e.g. `variable.toilette`.
pub fn variable_code_link_id(variable: Variable) -> String {
    format!("variable.{}", variable.id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn link_ids_follow_the_aggir_ids() {
        let sub = GridActivity::Sub(SubVariable::ToiletteHaut);
        assert_eq!(sub.answer_link_id(Answer::Spontanement), "toilette.haut.spontanement");
        assert_eq!(sub.answer_link_id(Answer::NeFaitPas), "toilette.haut.ne-fait-pas");
        assert_eq!(
            GridActivity::Sub(SubVariable::SeServir).link_id(),
            "alimentation.se-servir"
        );
        assert_eq!(
            GridActivity::Sub(SubVariable::Communication).link_id(),
            "coherence.communication"
        );
        assert_eq!(
            GridActivity::Sub(SubVariable::OrientationTemps).link_id(),
            "orientation.temps"
        );
        assert_eq!(
            GridActivity::Variable(Variable::DeplacementsInterieur).link_id(),
            "deplacements-interieur"
        );
        assert_eq!(
            GridActivity::Illustrative(IllustrativeVariable::SuiviDuTraitement).link_id(),
            "illustratives.suivi-du-traitement"
        );
        assert_eq!(variable_code_link_id(Variable::Toilette), "variable.toilette");
    }

    #[test]
    fn every_link_id_is_unique() {
        let activities: Vec<GridActivity> = GridActivity::discriminant()
            .chain(GridActivity::illustrative())
            .collect();
        assert_eq!(activities.len(), 17 + 7);
        let mut ids: Vec<String> = activities
            .iter()
            .flat_map(|a| std::iter::once(a.link_id()).chain(Answer::ALL.map(|answer| a.answer_link_id(answer))))
            .collect();
        ids.extend(Variable::ALL.map(|v| variable_code_link_id(v)));
        ids.extend(Variable::ALL.map(|v| variable_group_link_id(v).to_owned()));
        ids.push(GIR_LINK_ID.to_owned());
        let distinct: HashSet<&String> = ids.iter().collect();
        // Simple variables are their own activity group, hence counted twice above.
        assert_eq!(distinct.len(), ids.len() - 4);
    }
}
