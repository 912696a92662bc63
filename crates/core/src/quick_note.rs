//! Quick notes: the transmissions written most often, one press to pre-fill, one to save.
//!
//! They are data with French defaults (domain.md §2); a host replaces them with its own list.

use crate::{CategoryCatalogue, CategoryId, Urgency};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickNote {
    /// The chip's label, e.g. "Repas pris".
    pub label: String,
    pub category: CategoryId,
    #[serde(default)]
    pub urgency: Urgency,
    /// The text the transmission starts with; the author may complete it before saving.
    pub text: String,
    /// Whether it starts as a point de vigilance.
    #[serde(default)]
    pub vigilance: bool,
}

const FRENCH_DEFAULTS: [(&str, &str, Urgency, &str, bool); 7] = [
    ("RAS", "passage", Urgency::Information, "RAS, passage effectué.", false),
    ("Repas pris", "alimentation", Urgency::Information, "Repas pris.", false),
    ("Repas non pris", "alimentation", Urgency::ASurveiller, "Repas non pris.", false),
    ("Chute", "mobilite-chute", Urgency::Alerte, "Chute : ", true),
    ("Douleur", "sante-douleur", Urgency::ASurveiller, "Douleur : ", false),
    ("Moral bas", "moral-comportement", Urgency::ASurveiller, "Moral bas.", false),
    ("Produit à racheter", "courses-logistique", Urgency::Information, "Produit à racheter : ", false),
];

/// What relatives write most: requests and practical matters, never clinical observations.
const FAMILY_DEFAULTS: [(&str, &str, Urgency, &str, bool); 4] = [
    ("Une demande", "demande", Urgency::Information, "Pourriez-vous ", false),
    ("Une question", "demande", Urgency::Information, "Question : ", false),
    ("Rendez-vous", "rendez-vous", Urgency::Information, "Rendez-vous : ", false),
    ("Produit à racheter", "courses-logistique", Urgency::Information, "Produit à racheter : ", false),
];

/// The default chips for the person and relatives, requests first.
pub fn family_defaults() -> Vec<QuickNote> {
    notes(&FAMILY_DEFAULTS)
}

fn notes(rows: &[(&str, &str, Urgency, &str, bool)]) -> Vec<QuickNote> {
    rows.iter()
        .map(|&(label, category, urgency, text, vigilance)| QuickNote {
            label: label.to_owned(),
            category: CategoryId::new(category),
            urgency,
            text: text.to_owned(),
            vigilance,
        })
        .collect()
}

/// The default chips, in the order a care worker reaches for them.
pub fn french_defaults() -> Vec<QuickNote> {
    notes(&FRENCH_DEFAULTS)
}

/// Keeps the notes whose category the catalogue offers, so a host that trims categories
/// never shows a chip that cannot be saved.
pub fn usable(notes: Vec<QuickNote>, catalogue: &CategoryCatalogue) -> Vec<QuickNote> {
    notes.into_iter().filter(|note| catalogue.get(&note.category).is_some()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Category;

    #[test]
    fn defaults_all_fit_the_default_categories() {
        let defaults = french_defaults();
        assert_eq!(defaults.len(), 7);
        assert_eq!(usable(defaults.clone(), &CategoryCatalogue::french_defaults()), defaults);
        assert_eq!(defaults[0].label, "RAS");
    }

    #[test]
    fn family_notes_are_plain_requests_in_unrestricted_categories() {
        let catalogue = CategoryCatalogue::french_defaults();
        let family = family_defaults();
        assert_eq!(usable(family.clone(), &catalogue), family);
        assert!(family.iter().all(|n| !catalogue.get(&n.category).unwrap().restricted));
        assert!(family.iter().all(|n| n.urgency == Urgency::Information && !n.vigilance));
        assert_eq!(family[0].category, CategoryId::new("demande"));
    }

    #[test]
    fn notes_outside_the_host_catalogue_are_dropped() {
        let only_meals = CategoryCatalogue::new(vec![Category {
            id: CategoryId::new("alimentation"),
            label_fr: "Repas".into(),
            label_en: "Meals".into(),
            restricted: false,
        }])
        .unwrap();
        let kept: Vec<_> = usable(french_defaults(), &only_meals).into_iter().map(|n| n.label).collect();
        assert_eq!(kept, ["Repas pris", "Repas non pris"]);
        let parsed: Vec<QuickNote> =
            serde_json::from_str(r#"[{"label":"Bain","category":"hygiene","text":"Bain fait."}]"#).unwrap();
        assert_eq!((parsed[0].urgency, parsed[0].vigilance), (Urgency::Information, false));
    }
}
