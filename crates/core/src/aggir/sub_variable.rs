//! The thirteen sub-variables that six discriminant variables are split into (2008 guide).
//!
//! Evaluators answer the sub-variables; the variable code is then derived by the combination
//! rules in `combine.rs`, so each sub-variable needs its own id, labels and help text.

use serde::{Deserialize, Serialize};

use super::variable::Variable;

/// A sub-variable, with a stable kebab-case id for JSON and URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubVariable {
    Communication,
    Comportement,
    OrientationTemps,
    OrientationEspace,
    ToiletteHaut,
    ToiletteBas,
    HabillageHaut,
    HabillageMoyen,
    HabillageBas,
    SeServir,
    Manger,
    EliminationUrinaire,
    EliminationFecale,
}

impl SubVariable {
    pub const ALL: [SubVariable; 13] = [
        SubVariable::Communication,
        SubVariable::Comportement,
        SubVariable::OrientationTemps,
        SubVariable::OrientationEspace,
        SubVariable::ToiletteHaut,
        SubVariable::ToiletteBas,
        SubVariable::HabillageHaut,
        SubVariable::HabillageMoyen,
        SubVariable::HabillageBas,
        SubVariable::SeServir,
        SubVariable::Manger,
        SubVariable::EliminationUrinaire,
        SubVariable::EliminationFecale,
    ];

    pub(crate) fn of(variable: Variable) -> &'static [SubVariable] {
        let all = &SubVariable::ALL;
        match variable {
            Variable::Coherence => &all[0..2],
            Variable::Orientation => &all[2..4],
            Variable::Toilette => &all[4..6],
            Variable::Habillage => &all[6..9],
            Variable::Alimentation => &all[9..11],
            Variable::Elimination => &all[11..13],
            _ => &[],
        }
    }

    pub fn parent(self) -> Variable {
        match self {
            SubVariable::Communication | SubVariable::Comportement => Variable::Coherence,
            SubVariable::OrientationTemps | SubVariable::OrientationEspace => Variable::Orientation,
            SubVariable::ToiletteHaut | SubVariable::ToiletteBas => Variable::Toilette,
            SubVariable::HabillageHaut
            | SubVariable::HabillageMoyen
            | SubVariable::HabillageBas => Variable::Habillage,
            SubVariable::SeServir | SubVariable::Manger => Variable::Alimentation,
            SubVariable::EliminationUrinaire | SubVariable::EliminationFecale => {
                Variable::Elimination
            }
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            SubVariable::Communication => "communication",
            SubVariable::Comportement => "comportement",
            SubVariable::OrientationTemps => "orientation-temps",
            SubVariable::OrientationEspace => "orientation-espace",
            SubVariable::ToiletteHaut => "toilette-haut",
            SubVariable::ToiletteBas => "toilette-bas",
            SubVariable::HabillageHaut => "habillage-haut",
            SubVariable::HabillageMoyen => "habillage-moyen",
            SubVariable::HabillageBas => "habillage-bas",
            SubVariable::SeServir => "se-servir",
            SubVariable::Manger => "manger",
            SubVariable::EliminationUrinaire => "elimination-urinaire",
            SubVariable::EliminationFecale => "elimination-fecale",
        }
    }

    pub fn from_id(id: &str) -> Option<SubVariable> {
        SubVariable::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            SubVariable::Communication => "Communication",
            SubVariable::Comportement => "Comportement",
            SubVariable::OrientationTemps => "Orientation dans le temps",
            SubVariable::OrientationEspace => "Orientation dans l'espace",
            SubVariable::ToiletteHaut => "Toilette du haut",
            SubVariable::ToiletteBas => "Toilette du bas",
            SubVariable::HabillageHaut => "Habillage du haut",
            SubVariable::HabillageMoyen => "Habillage moyen",
            SubVariable::HabillageBas => "Habillage du bas",
            SubVariable::SeServir => "Se servir",
            SubVariable::Manger => "Manger",
            SubVariable::EliminationUrinaire => "Élimination urinaire",
            SubVariable::EliminationFecale => "Élimination fécale",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            SubVariable::Communication => "Communication",
            SubVariable::Comportement => "Behaviour",
            SubVariable::OrientationTemps => "Orientation in time",
            SubVariable::OrientationEspace => "Orientation in space",
            SubVariable::ToiletteHaut => "Washing the upper body",
            SubVariable::ToiletteBas => "Washing the lower body",
            SubVariable::HabillageHaut => "Dressing the upper body",
            SubVariable::HabillageMoyen => "Fastening clothes",
            SubVariable::HabillageBas => "Dressing the lower body",
            SubVariable::SeServir => "Preparing food on the plate",
            SubVariable::Manger => "Eating and drinking",
            SubVariable::EliminationUrinaire => "Urinary hygiene",
            SubVariable::EliminationFecale => "Bowel hygiene",
        }
    }

    /// The guide's one-sentence definition, shown next to the question.
    pub fn help_fr(self) -> &'static str {
        match self {
            SubVariable::Communication => {
                "Communiquer, verbalement ou non, de façon logique et sensée avec son entourage."
            }
            SubVariable::Comportement => {
                "Se comporter de façon logique et sensée par rapport aux normes admises par la société."
            }
            SubVariable::OrientationTemps => {
                "Se repérer dans le temps : moments de la journée, jour et nuit, saisons, année."
            }
            SubVariable::OrientationEspace => {
                "Se repérer dans les lieux habituels : logement, chambre, quartier."
            }
            SubVariable::ToiletteHaut => {
                "Se laver le visage, le tronc, les membres supérieurs et les mains."
            }
            SubVariable::ToiletteBas => {
                "Se laver les régions intimes, les membres inférieurs et les pieds."
            }
            SubVariable::HabillageHaut => "Enfiler les vêtements par la tête ou par les bras.",
            SubVariable::HabillageMoyen => {
                "Fermer ses vêtements : boutons, fermeture éclair, ceinture, bretelles."
            }
            SubVariable::HabillageBas => {
                "Enfiler les vêtements par le bas du corps, y compris chaussettes et chaussures."
            }
            SubVariable::SeServir => {
                "Couper la viande, ouvrir un pot de yaourt, peler un fruit, remplir son verre."
            }
            SubVariable::Manger => "Porter les aliments et les boissons à la bouche et les avaler.",
            SubVariable::EliminationUrinaire => {
                "Éliminer les urines dans un lieu ou un ustensile approprié et assurer sa propreté."
            }
            SubVariable::EliminationFecale => {
                "Éliminer les selles dans un lieu ou un ustensile approprié et assurer sa propreté."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_and_sub_variable_lists_agree() {
        for sub in SubVariable::ALL {
            assert!(sub.parent().sub_variables().contains(&sub), "{sub:?}");
        }
        let listed: usize = Variable::ALL.iter().map(|v| v.sub_variables().len()).sum();
        assert_eq!(listed, SubVariable::ALL.len());
    }

    #[test]
    fn ids_are_stable_kebab_case_and_match_serde() {
        for sub in SubVariable::ALL {
            assert_eq!(SubVariable::from_id(sub.id()), Some(sub));
            assert_eq!(serde_json::to_string(&sub).unwrap(), format!("\"{}\"", sub.id()));
        }
        assert_eq!(SubVariable::SeServir.id(), "se-servir");
        assert_eq!(SubVariable::from_id("toilette"), None);
    }

    #[test]
    fn every_sub_variable_has_labels_and_one_sentence_of_help() {
        for sub in SubVariable::ALL {
            assert!(!sub.label_fr().is_empty() && !sub.label_en().is_empty());
            let help = sub.help_fr();
            assert!(help.ends_with('.') && help.matches(". ").count() == 0, "{help}");
        }
    }
}
