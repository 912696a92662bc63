//! The person receiving care (usager) and their care circle (domain.md §1).
//!
//! The circle says who may read and write the person's records, and with which role; roles
//! decide what each reader sees.

use crate::{Author, SubjectId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: SubjectId,
    pub given_name: String,
    pub family_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// The national health identifier, only when the host has a qualified identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ins: Option<String>,
}

impl Person {
    /// "Jeanne Dupont", as the widgets show it.
    pub fn display_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name).trim().to_owned()
    }
}

/// One member of a person's care circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub actor: Author,
    /// The service or practice the member works for, if any (SAAD, SSIAD, cabinet…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CareCircleError {
    #[error("« {0} » figure deux fois dans le cercle de soins / '{0}' appears twice in the care circle")]
    DuplicateMember(String),
}

/// Everyone around one person, each once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawCareCircle")]
pub struct CareCircle {
    subject: SubjectId,
    members: Vec<Member>,
}

#[derive(Deserialize)]
struct RawCareCircle {
    subject: SubjectId,
    members: Vec<Member>,
}

impl TryFrom<RawCareCircle> for CareCircle {
    type Error = CareCircleError;
    fn try_from(raw: RawCareCircle) -> Result<Self, Self::Error> {
        CareCircle::new(raw.subject, raw.members)
    }
}

impl CareCircle {
    pub fn new(subject: SubjectId, members: Vec<Member>) -> Result<Self, CareCircleError> {
        let mut seen = std::collections::BTreeSet::new();
        for member in &members {
            if !seen.insert(member.actor.id()) {
                return Err(CareCircleError::DuplicateMember(member.actor.id().to_owned()));
            }
        }
        Ok(Self { subject, members })
    }

    pub fn subject(&self) -> &SubjectId {
        &self.subject
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn member(&self, actor_id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.actor.id() == actor_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn member(id: &str, role: Role) -> Member {
        Member { actor: Author::new(id, "Nom", role).unwrap(), organisation: None }
    }

    #[test]
    fn a_member_appears_once() {
        let subject = SubjectId::new("p1").unwrap();
        let ok = CareCircle::new(
            subject.clone(),
            vec![member("a", Role::AideADomicile), member("b", Role::ProcheAidant)],
        )
        .unwrap();
        assert_eq!(ok.member("b").unwrap().actor.role(), Role::ProcheAidant);
        assert_eq!(
            CareCircle::new(subject, vec![member("a", Role::Infirmier), member("a", Role::Pharmacien)]),
            Err(CareCircleError::DuplicateMember("a".into()))
        );
        let json = serde_json::to_value(&ok).unwrap();
        assert_eq!(serde_json::from_value::<CareCircle>(json.clone()).unwrap(), ok);
        let mut twice = json;
        twice["members"][1] = twice["members"][0].clone();
        assert!(serde_json::from_value::<CareCircle>(twice).is_err());
    }

    #[test]
    fn display_name_joins_given_and_family_names() {
        let person = Person {
            id: SubjectId::new("p1").unwrap(),
            given_name: "Jeanne".into(),
            family_name: "Dupont".into(),
            birth_date: NaiveDate::from_ymd_opt(1936, 4, 2),
            ins: None,
        };
        assert_eq!(person.display_name(), "Jeanne Dupont");
    }
}
