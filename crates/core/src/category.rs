//! Transmission categories (domain.md §2).
//!
//! Categories are data, not code: Relais ships the French defaults and a host may replace them
//! with its own list. A category marked `restricted` holds health or maltreatment information
//! that only reaches the équipe de soins.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable id of a category, e.g. `sante-douleur`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CategoryId(String);

impl CategoryId {
    pub fn new(raw: &str) -> Self {
        Self(raw.trim().to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CategoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub label_fr: String,
    pub label_en: String,
    /// Only the équipe de soins may read entries of this category.
    #[serde(default)]
    pub restricted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error("la liste de catégories est vide / the category list is empty")]
    Empty,
    #[error("catégorie sans identifiant ou sans libellé / a category has no id or no label")]
    Blank,
    #[error("catégorie « {0} » en double / duplicate category '{0}'")]
    Duplicate(String),
}

/// The categories a liaison book offers, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Category>", into = "Vec<Category>")]
pub struct CategoryCatalogue(Vec<Category>);

const FRENCH_DEFAULTS: [(&str, &str, &str, bool); 15] = [
    ("passage", "Passage / tâches réalisées", "Visit / tasks done", false),
    ("alimentation", "Alimentation & hydratation", "Food & drink", false),
    ("hygiene", "Hygiène / toilette / élimination", "Hygiene / washing / continence", false),
    ("mobilite-chute", "Mobilité & chute", "Mobility & falls", false),
    ("sante-douleur", "Santé & douleur", "Health & pain", true),
    ("traitement", "Traitement (observation de la prise)", "Medication (intake observed)", false),
    ("moral-comportement", "Moral / comportement / cognition", "Mood / behaviour / cognition", false),
    ("vie-sociale", "Vie sociale & sorties", "Social life & outings", false),
    ("courses-logistique", "Courses / produits à racheter / logistique", "Shopping / supplies / logistics", false),
    ("domicile-securite", "Domicile & sécurité", "Home & safety", false),
    ("rendez-vous", "Rendez-vous & agenda", "Appointments & calendar", false),
    ("demande", "Demande de la personne ou de la famille", "Request from the person or family", false),
    ("changement-planning", "Changement d'intervenant / planning", "Change of carer / schedule", false),
    ("evenement-indesirable", "Événement indésirable / suspicion de maltraitance", "Adverse event / suspected abuse", true),
    ("hospitalisation", "Hospitalisation / retour à domicile", "Hospital stay / return home", false),
];

impl CategoryCatalogue {
    /// The default categories of domain.md §2.
    pub fn french_defaults() -> Self {
        Self(
            FRENCH_DEFAULTS
                .iter()
                .map(|&(id, fr, en, restricted)| Category {
                    id: CategoryId::new(id),
                    label_fr: fr.to_owned(),
                    label_en: en.to_owned(),
                    restricted,
                })
                .collect(),
        )
    }

    /// A host-supplied list, checked for blanks and duplicates.
    pub fn new(categories: Vec<Category>) -> Result<Self, CatalogueError> {
        if categories.is_empty() {
            return Err(CatalogueError::Empty);
        }
        let mut seen = std::collections::BTreeSet::new();
        for category in &categories {
            if category.id.as_str().is_empty() || category.label_fr.trim().is_empty() {
                return Err(CatalogueError::Blank);
            }
            if !seen.insert(category.id.as_str()) {
                return Err(CatalogueError::Duplicate(category.id.to_string()));
            }
        }
        Ok(Self(categories))
    }

    pub fn get(&self, id: &CategoryId) -> Option<&Category> {
        self.0.iter().find(|category| &category.id == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Category> {
        self.0.iter()
    }

    /// The category a new transmission starts with.
    pub fn first(&self) -> &Category {
        &self.0[0]
    }
}

impl TryFrom<Vec<Category>> for CategoryCatalogue {
    type Error = CatalogueError;
    fn try_from(categories: Vec<Category>) -> Result<Self, Self::Error> {
        Self::new(categories)
    }
}

impl From<CategoryCatalogue> for Vec<Category> {
    fn from(catalogue: CategoryCatalogue) -> Self {
        catalogue.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_fifteen_categories_two_restricted() {
        let defaults = CategoryCatalogue::french_defaults();
        assert_eq!(defaults.iter().count(), 15);
        let restricted: Vec<_> =
            defaults.iter().filter(|c| c.restricted).map(|c| c.id.as_str()).collect();
        assert_eq!(restricted, ["sante-douleur", "evenement-indesirable"]);
        assert_eq!(defaults.first().id.as_str(), "passage");
        assert!(CategoryCatalogue::new(defaults.clone().into()).is_ok());
    }

    #[test]
    fn host_lists_are_checked() {
        let cat = |id: &str| Category {
            id: CategoryId::new(id),
            label_fr: "Libellé".into(),
            label_en: "Label".into(),
            restricted: false,
        };
        assert_eq!(CategoryCatalogue::new(vec![]), Err(CatalogueError::Empty));
        assert_eq!(CategoryCatalogue::new(vec![cat(" ")]), Err(CatalogueError::Blank));
        assert_eq!(
            CategoryCatalogue::new(vec![cat("a"), cat("a")]),
            Err(CatalogueError::Duplicate("a".into()))
        );
        let json = r#"[{"id":"repas","label_fr":"Repas","label_en":"Meals"}]"#;
        let parsed: CategoryCatalogue = serde_json::from_str(json).unwrap();
        assert!(!parsed.first().restricted);
        assert!(serde_json::from_str::<CategoryCatalogue>("[]").is_err());
    }
}
