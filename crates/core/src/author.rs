//! Who writes: the people around the person and their roles (domain.md §1).
//!
//! The role decides what a reader may see (health categories stay inside the équipe de soins),
//! so it is a closed set rather than free text.

use serde::{Deserialize, Serialize};

/// Longest display name kept for an author.
pub const AUTHOR_NAME_MAX_LEN: usize = 200;

/// A role in the care circle around the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Usager,
    ProcheAidant,
    PersonneDeConfiance,
    RepresentantLegal,
    AideADomicile,
    ResponsableDeSecteur,
    AideSoignant,
    InfirmierCoordinateur,
    Infirmier,
    InfirmierLiberal,
    MedecinTraitant,
    Kinesitherapeute,
    Pharmacien,
    Ergotherapeute,
    EquipeHospitaliere,
    GestionnaireDeCas,
    CoordinateurAutonomie,
    EquipeMedicoSocialeApa,
    MandataireJudiciaire,
    AutreIntervenant,
}

impl Role {
    pub const ALL: [Role; 20] = [
        Role::Usager,
        Role::ProcheAidant,
        Role::PersonneDeConfiance,
        Role::RepresentantLegal,
        Role::AideADomicile,
        Role::ResponsableDeSecteur,
        Role::AideSoignant,
        Role::InfirmierCoordinateur,
        Role::Infirmier,
        Role::InfirmierLiberal,
        Role::MedecinTraitant,
        Role::Kinesitherapeute,
        Role::Pharmacien,
        Role::Ergotherapeute,
        Role::EquipeHospitaliere,
        Role::GestionnaireDeCas,
        Role::CoordinateurAutonomie,
        Role::EquipeMedicoSocialeApa,
        Role::MandataireJudiciaire,
        Role::AutreIntervenant,
    ];

    /// The wire and attribute name, e.g. `aide-a-domicile`.
    pub fn code(self) -> &'static str {
        self.labels().0
    }

    pub fn label_fr(self) -> &'static str {
        self.labels().1
    }

    pub fn label_en(self) -> &'static str {
        self.labels().2
    }

    /// Parses the attribute form (`aide-a-domicile`).
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code.trim())
    }

    /// Health and social professionals who share information inside the équipe de soins
    /// (décret 2016-994); everyone else needs the person's consent to see restricted entries.
    pub fn is_care_team(self) -> bool {
        !matches!(
            self,
            Role::Usager
                | Role::ProcheAidant
                | Role::PersonneDeConfiance
                | Role::RepresentantLegal
                | Role::MandataireJudiciaire
                | Role::AutreIntervenant
        )
    }

    fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Role::Usager => ("usager", "Personne accompagnée", "Person receiving care"),
            Role::ProcheAidant => ("proche-aidant", "Proche aidant", "Family caregiver"),
            Role::PersonneDeConfiance => ("personne-de-confiance", "Personne de confiance", "Trusted person"),
            Role::RepresentantLegal => ("representant-legal", "Représentant légal", "Legal representative"),
            Role::AideADomicile => ("aide-a-domicile", "Aide à domicile", "Home help"),
            Role::ResponsableDeSecteur => ("responsable-de-secteur", "Responsable de secteur", "Sector manager"),
            Role::AideSoignant => ("aide-soignant", "Aide-soignant", "Care assistant"),
            Role::InfirmierCoordinateur => ("infirmier-coordinateur", "Infirmier coordinateur (IDEC)", "Coordinating nurse"),
            Role::Infirmier => ("infirmier", "Infirmier", "Nurse"),
            Role::InfirmierLiberal => ("infirmier-liberal", "Infirmier libéral (IDEL)", "Independent nurse"),
            Role::MedecinTraitant => ("medecin-traitant", "Médecin traitant", "General practitioner"),
            Role::Kinesitherapeute => ("kinesitherapeute", "Kinésithérapeute", "Physiotherapist"),
            Role::Pharmacien => ("pharmacien", "Pharmacien", "Pharmacist"),
            Role::Ergotherapeute => ("ergotherapeute", "Ergothérapeute", "Occupational therapist"),
            Role::EquipeHospitaliere => ("equipe-hospitaliere", "Équipe hospitalière", "Hospital team"),
            Role::GestionnaireDeCas => ("gestionnaire-de-cas", "Gestionnaire de cas", "Case manager"),
            Role::CoordinateurAutonomie => ("coordinateur-autonomie", "Coordinateur autonomie (care manager)", "Care manager"),
            Role::EquipeMedicoSocialeApa => ("equipe-medico-sociale-apa", "Équipe médico-sociale APA", "APA assessment team"),
            Role::MandataireJudiciaire => ("mandataire-judiciaire", "Mandataire judiciaire", "Court-appointed guardian"),
            Role::AutreIntervenant => ("autre-intervenant", "Autre intervenant", "Other provider"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthorError {
    #[error("l'identifiant de l'auteur est vide / the author id is empty")]
    EmptyId,
    #[error("le nom de l'auteur est vide / the author name is empty")]
    EmptyName,
    #[error("le nom de l'auteur dépasse {AUTHOR_NAME_MAX_LEN} caractères / the author name is longer than {AUTHOR_NAME_MAX_LEN} characters")]
    NameTooLong,
}

/// The person who wrote a record, as the host identified them at the time of writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawAuthor")]
pub struct Author {
    id: String,
    name: String,
    role: Role,
}

#[derive(Deserialize)]
struct RawAuthor {
    id: String,
    name: String,
    role: Role,
}

impl TryFrom<RawAuthor> for Author {
    type Error = AuthorError;
    fn try_from(raw: RawAuthor) -> Result<Self, Self::Error> {
        Author::new(&raw.id, &raw.name, raw.role)
    }
}

impl Author {
    pub fn new(id: &str, name: &str, role: Role) -> Result<Self, AuthorError> {
        let (id, name) = (id.trim(), name.trim());
        if id.is_empty() {
            return Err(AuthorError::EmptyId);
        }
        if name.is_empty() {
            return Err(AuthorError::EmptyName);
        }
        if name.chars().count() > AUTHOR_NAME_MAX_LEN {
            return Err(AuthorError::NameTooLong);
        }
        Ok(Self { id: id.to_owned(), name: name.to_owned(), role })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn role(&self) -> Role {
        self.role
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip_and_are_unique() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.code()));
        }
        let mut codes: Vec<_> = Role::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Role::ALL.len());
        assert_eq!(Role::from_code("plombier"), None);
    }

    #[test]
    fn family_is_outside_the_care_team() {
        assert!(Role::AideADomicile.is_care_team());
        assert!(Role::MedecinTraitant.is_care_team());
        assert!(!Role::ProcheAidant.is_care_team());
        assert!(!Role::Usager.is_care_team());
    }

    #[test]
    fn author_is_validated_on_construction_and_deserialisation() {
        assert_eq!(Author::new(" ", "Aline", Role::AideADomicile), Err(AuthorError::EmptyId));
        assert_eq!(Author::new("u1", "  ", Role::AideADomicile), Err(AuthorError::EmptyName));
        assert_eq!(
            Author::new("u1", &"n".repeat(201), Role::Infirmier),
            Err(AuthorError::NameTooLong)
        );
        let ok = Author::new("u1", " Aline Martin ", Role::AideADomicile).unwrap();
        assert_eq!(ok.name(), "Aline Martin");
        let json = serde_json::to_string(&ok).unwrap();
        assert_eq!(serde_json::from_str::<Author>(&json).unwrap(), ok);
        let bad = r#"{"id":"u1","name":"","role":"infirmier"}"#;
        assert!(serde_json::from_str::<Author>(bad).is_err());
    }
}
