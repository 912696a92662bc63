//! The seven illustrative variables: domestic and social autonomy.
//!
//! They are part of the national grid and feed the plan d'aide, but the annexe 2-2 algorithm
//! never reads them; keeping them in their own type makes that impossible to get wrong.

use serde::{Deserialize, Serialize};

/// An illustrative variable, with a stable kebab-case id for JSON and URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IllustrativeVariable {
    Gestion,
    Cuisine,
    Menage,
    Transports,
    Achats,
    SuiviDuTraitement,
    ActivitesDeTempsLibre,
}

impl IllustrativeVariable {
    pub const ALL: [IllustrativeVariable; 7] = [
        IllustrativeVariable::Gestion,
        IllustrativeVariable::Cuisine,
        IllustrativeVariable::Menage,
        IllustrativeVariable::Transports,
        IllustrativeVariable::Achats,
        IllustrativeVariable::SuiviDuTraitement,
        IllustrativeVariable::ActivitesDeTempsLibre,
    ];

    pub fn id(self) -> &'static str {
        match self {
            IllustrativeVariable::Gestion => "gestion",
            IllustrativeVariable::Cuisine => "cuisine",
            IllustrativeVariable::Menage => "menage",
            IllustrativeVariable::Transports => "transports",
            IllustrativeVariable::Achats => "achats",
            IllustrativeVariable::SuiviDuTraitement => "suivi-du-traitement",
            IllustrativeVariable::ActivitesDeTempsLibre => "activites-de-temps-libre",
        }
    }

    pub fn from_id(id: &str) -> Option<IllustrativeVariable> {
        IllustrativeVariable::ALL.into_iter().find(|v| v.id() == id)
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            IllustrativeVariable::Gestion => "Gestion",
            IllustrativeVariable::Cuisine => "Cuisine",
            IllustrativeVariable::Menage => "Ménage",
            IllustrativeVariable::Transports => "Transports",
            IllustrativeVariable::Achats => "Achats",
            IllustrativeVariable::SuiviDuTraitement => "Suivi du traitement",
            IllustrativeVariable::ActivitesDeTempsLibre => "Activités de temps libre",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            IllustrativeVariable::Gestion => "Managing one's affairs",
            IllustrativeVariable::Cuisine => "Cooking",
            IllustrativeVariable::Menage => "Housework",
            IllustrativeVariable::Transports => "Transport",
            IllustrativeVariable::Achats => "Shopping",
            IllustrativeVariable::SuiviDuTraitement => "Following the treatment",
            IllustrativeVariable::ActivitesDeTempsLibre => "Leisure activities",
        }
    }

    /// The grid's one-line definition (CASF annexe 2-1).
    pub fn help_fr(self) -> &'static str {
        match self {
            IllustrativeVariable::Gestion => "Gérer ses propres affaires, son budget, ses biens.",
            IllustrativeVariable::Cuisine => {
                "Préparer ses repas et les conditionner pour être servis."
            }
            IllustrativeVariable::Menage => "Effectuer l'ensemble des travaux ménagers.",
            IllustrativeVariable::Transports => "Prendre et/ou commander un moyen de transport.",
            IllustrativeVariable::Achats => "Faire ses achats, directement ou par correspondance.",
            IllustrativeVariable::SuiviDuTraitement => "Se conformer à l'ordonnance du médecin.",
            IllustrativeVariable::ActivitesDeTempsLibre => {
                "Avoir des activités sportives, culturelles, sociales, de loisir ou de passe-temps."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_labels_and_serde_are_stable() {
        for variable in IllustrativeVariable::ALL {
            assert_eq!(IllustrativeVariable::from_id(variable.id()), Some(variable));
            assert_eq!(serde_json::to_string(&variable).unwrap(), format!("\"{}\"", variable.id()));
            assert!(!variable.label_fr().is_empty() && !variable.label_en().is_empty());
            assert!(variable.help_fr().ends_with('.'));
        }
        assert_eq!(IllustrativeVariable::SuiviDuTraitement.id(), "suivi-du-traitement");
    }
}
