//! Service types and payers: data with French defaults that a host may replace.
//!
//! Labels and the list of funders differ between départements and services, so the logic only
//! looks at `PayerKind` and `tax_credit_eligible`, never at a code or a label.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// A kind of service in a plan, e.g. `aide-a-domicile`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceType {
    pub code: String,
    pub label_fr: String,
    /// A service à la personne whose family-paid share opens the crédit d'impôt (nursing care
    /// reimbursed by the Assurance maladie does not).
    pub tax_credit_eligible: bool,
}

const SERVICE_TYPES: [(&str, &str, bool); 8] = [
    ("aide-a-domicile", "Aide à domicile", true),
    ("soins-infirmiers", "Soins infirmiers", false),
    ("portage-de-repas", "Portage de repas", true),
    ("teleassistance", "Téléassistance", true),
    ("accueil-de-jour", "Accueil de jour", false),
    ("kinesitherapie", "Kinésithérapie", false),
    ("repit", "Répit / relais de l'aidant", true),
    ("autre", "Autre service", false),
];

/// English names of the default service types; a host's own types keep their French label.
const SERVICE_LABELS_EN: [(&str, &str); 8] = [
    ("aide-a-domicile", "Home help"),
    ("soins-infirmiers", "Nursing care"),
    ("portage-de-repas", "Meal delivery"),
    ("teleassistance", "Personal alarm"),
    ("accueil-de-jour", "Day care"),
    ("kinesitherapie", "Physiotherapy"),
    ("repit", "Respite for the carer"),
    ("autre", "Other service"),
];

impl ServiceType {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        let english = SERVICE_LABELS_EN.iter().find(|(code, _)| *code == self.code).map(|(_, label)| *label);
        match (lang, english) {
            (Lang::En, Some(label)) => label,
            _ => &self.label_fr,
        }
    }

    pub fn french_defaults() -> Vec<ServiceType> {
        SERVICE_TYPES
            .iter()
            .map(|&(code, label, eligible)| ServiceType {
                code: code.to_owned(),
                label_fr: label.to_owned(),
                tax_credit_eligible: eligible,
            })
            .collect()
    }
}

/// What a funder is, which decides the rules applied to its share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayerKind {
    /// Allocation personnalisée d'autonomie, capped monthly by GIR.
    Apa,
    /// Caisse de retraite (OSCAR) for GIR 5–6.
    CaisseDeRetraite,
    Pch,
    Mutuelle,
    AideSocialeDepartementale,
    /// Paid by the person or the family: the share the crédit d'impôt reduces.
    Famille,
    Autre,
}

/// Who pays a service line. The crédit d'impôt is not a payer: it reduces the family's share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payer {
    pub code: String,
    pub label_fr: String,
    pub kind: PayerKind,
}

const PAYERS: [(&str, &str, PayerKind); 7] = [
    ("apa", "APA (conseil départemental)", PayerKind::Apa),
    (
        "caisse-de-retraite",
        "Caisse de retraite (OSCAR)",
        PayerKind::CaisseDeRetraite,
    ),
    ("pch", "PCH", PayerKind::Pch),
    ("mutuelle", "Mutuelle", PayerKind::Mutuelle),
    (
        "aide-sociale",
        "Aide sociale départementale",
        PayerKind::AideSocialeDepartementale,
    ),
    ("famille", "Famille / personne", PayerKind::Famille),
    ("autre", "Autre financeur", PayerKind::Autre),
];

impl Payer {
    pub fn french_defaults() -> Vec<Payer> {
        PAYERS
            .iter()
            .map(|&(code, label, kind)| Payer {
                code: code.to_owned(),
                label_fr: label.to_owned(),
                kind,
            })
            .collect()
    }

    /// The default payer of that kind, for hosts that do not override the list.
    pub fn default_of(kind: PayerKind) -> Payer {
        Self::french_defaults()
            .into_iter()
            .find(|payer| payer.kind == kind)
            .expect("the defaults hold one payer of each kind")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_unique_codes_and_every_payer_kind() {
        let types = ServiceType::french_defaults();
        let payers = Payer::french_defaults();
        let mut codes: Vec<_> = types.iter().map(|t| t.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), types.len());
        assert_eq!(Payer::default_of(PayerKind::Famille).code, "famille");
        assert_eq!(payers.len(), 7);
        let json = serde_json::to_string(&payers[0]).unwrap();
        assert_eq!(
            json,
            r#"{"code":"apa","label_fr":"APA (conseil départemental)","kind":"apa"}"#
        );
        assert!(!types.iter().any(|t| t.code == "credit-impot"));
    }
}
