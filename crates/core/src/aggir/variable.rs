//! The ten discriminant variables, the only ones the GIR algorithm reads.
//!
//! Their order is the order of the annexe 2-2 table and of a profile string, so `ALL` and
//! `index` are the single source of that order for parsing, display and the weight table.

use serde::{Deserialize, Serialize};

use super::sub_variable::SubVariable;

/// A discriminant variable, with a stable kebab-case id for JSON and URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variable {
    Coherence,
    Orientation,
    Toilette,
    Habillage,
    Alimentation,
    Elimination,
    Transferts,
    DeplacementsInterieur,
    DeplacementsExterieur,
    Alerter,
}

impl Variable {
    /// In the order of a profile string and of the annexe 2-2 table.
    pub const ALL: [Variable; 10] = [
        Variable::Coherence,
        Variable::Orientation,
        Variable::Toilette,
        Variable::Habillage,
        Variable::Alimentation,
        Variable::Elimination,
        Variable::Transferts,
        Variable::DeplacementsInterieur,
        Variable::DeplacementsExterieur,
        Variable::Alerter,
    ];

    /// Position in a profile, 0 for cohérence to 9 for alerter.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn id(self) -> &'static str {
        match self {
            Variable::Coherence => "coherence",
            Variable::Orientation => "orientation",
            Variable::Toilette => "toilette",
            Variable::Habillage => "habillage",
            Variable::Alimentation => "alimentation",
            Variable::Elimination => "elimination",
            Variable::Transferts => "transferts",
            Variable::DeplacementsInterieur => "deplacements-interieur",
            Variable::DeplacementsExterieur => "deplacements-exterieur",
            Variable::Alerter => "alerter",
        }
    }

    pub fn from_id(id: &str) -> Option<Variable> {
        Variable::ALL.into_iter().find(|v| v.id() == id)
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Variable::Coherence => "Cohérence",
            Variable::Orientation => "Orientation",
            Variable::Toilette => "Toilette",
            Variable::Habillage => "Habillage",
            Variable::Alimentation => "Alimentation",
            Variable::Elimination => "Élimination",
            Variable::Transferts => "Transferts",
            Variable::DeplacementsInterieur => "Déplacements à l'intérieur",
            Variable::DeplacementsExterieur => "Déplacements à l'extérieur",
            Variable::Alerter => "Alerter",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Variable::Coherence => "Coherence",
            Variable::Orientation => "Orientation",
            Variable::Toilette => "Washing",
            Variable::Habillage => "Dressing",
            Variable::Alimentation => "Eating",
            Variable::Elimination => "Toilet hygiene",
            Variable::Transferts => "Transfers",
            Variable::DeplacementsInterieur => "Moving around indoors",
            Variable::DeplacementsExterieur => "Moving around outdoors",
            Variable::Alerter => "Calling for help",
        }
    }

    /// The guide's one-sentence definition, shown next to the question.
    pub fn help_fr(self) -> &'static str {
        match self {
            Variable::Coherence => "Converser et/ou se comporter de façon logique et sensée.",
            Variable::Orientation => {
                "Se repérer dans le temps, les moments de la journée et dans les lieux."
            }
            Variable::Toilette => "Assurer son hygiène corporelle, du haut et du bas du corps.",
            Variable::Habillage => "S'habiller, se déshabiller, se présenter.",
            Variable::Alimentation => "Se servir et manger les aliments préparés.",
            Variable::Elimination => "Assurer l'hygiène de l'élimination urinaire et fécale.",
            Variable::Transferts => {
                "Se lever, se coucher, s'asseoir, passer de l'une de ces trois positions à une autre."
            }
            Variable::DeplacementsInterieur => {
                "Se déplacer dans le lieu de vie, éventuellement avec canne, déambulateur ou fauteuil roulant."
            }
            Variable::DeplacementsExterieur => {
                "Se déplacer à partir de la porte d'entrée, sans moyen de transport."
            }
            Variable::Alerter => {
                "Utiliser un moyen de communication à distance (téléphone, alarme, sonnette) pour alerter en cas de besoin."
            }
        }
    }

    /// The sub-variables the guide asks about instead of the variable itself; empty when the
    /// variable is answered directly.
    pub fn sub_variables(self) -> &'static [SubVariable] {
        SubVariable::of(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_matches_the_annexe_and_indexes() {
        for (i, variable) in Variable::ALL.into_iter().enumerate() {
            assert_eq!(variable.index(), i);
        }
        assert_eq!(Variable::ALL[0], Variable::Coherence);
        assert_eq!(Variable::ALL[9], Variable::Alerter);
    }

    #[test]
    fn ids_are_stable_kebab_case_and_match_serde() {
        for variable in Variable::ALL {
            assert_eq!(Variable::from_id(variable.id()), Some(variable));
            let json = serde_json::to_string(&variable).unwrap();
            assert_eq!(json, format!("\"{}\"", variable.id()));
            assert_eq!(serde_json::from_str::<Variable>(&json).unwrap(), variable);
        }
        assert_eq!(Variable::DeplacementsInterieur.id(), "deplacements-interieur");
        assert_eq!(Variable::from_id("Coherence"), None);
    }

    #[test]
    fn every_variable_has_labels_and_one_sentence_of_help() {
        for variable in Variable::ALL {
            assert!(!variable.label_fr().is_empty() && !variable.label_en().is_empty());
            let help = variable.help_fr();
            assert!(help.ends_with('.') && help.matches(". ").count() == 0, "{help}");
        }
    }

    #[test]
    fn composite_variables_list_their_sub_variables() {
        let counts: Vec<usize> = Variable::ALL.iter().map(|v| v.sub_variables().len()).collect();
        assert_eq!(counts, [2, 2, 2, 3, 2, 2, 0, 0, 0, 0]);
    }
}
