//! People in a bundle: the person cared for (`Patient`), professionals (`Practitioner`) and
//! everyone else around the person (`RelatedPerson`), each carrying its Relais id and role.

use super::ids::{stable_uuid, urn};
use super::systems::{CS_ROLE, SYSTEM_ACTOR, SYSTEM_SUBJECT};
use crate::{Author, Person, Role, SubjectId};
use serde_json::{json, Value};

pub fn patient_url(subject: &SubjectId) -> String {
    urn(stable_uuid(&["patient", subject.as_str()]))
}

pub fn actor_url(author: &Author, subject: &SubjectId) -> String {
    if author.role().is_care_team() {
        urn(stable_uuid(&["practitioner", author.id()]))
    } else {
        urn(stable_uuid(&["related-person", author.id(), subject.as_str()]))
    }
}

pub fn patient(subject: &SubjectId, person: Option<&Person>) -> Value {
    let mut resource = json!({
        "resourceType": "Patient",
        "identifier": [{ "system": SYSTEM_SUBJECT, "value": subject.as_str() }],
    });
    if let Some(person) = person {
        resource["name"] = json!([{ "family": person.family_name, "given": [person.given_name] }]);
        if let Some(birth) = person.birth_date {
            resource["birthDate"] = json!(birth.format("%Y-%m-%d").to_string());
        }
    }
    resource
}

fn role_coding(role: Role) -> Value {
    json!({ "coding": [{ "system": CS_ROLE, "code": role.code(), "display": role.label_fr() }] })
}

pub fn actor(author: &Author, subject: &SubjectId) -> Value {
    let identifier = json!([{ "system": SYSTEM_ACTOR, "value": author.id() }]);
    let name = json!([{ "text": author.name() }]);
    if author.role().is_care_team() {
        json!({
            "resourceType": "Practitioner",
            "identifier": identifier,
            "name": name,
            "qualification": [{ "code": role_coding(author.role()) }],
        })
    } else {
        json!({
            "resourceType": "RelatedPerson",
            "identifier": identifier,
            "patient": { "reference": patient_url(subject) },
            "relationship": [role_coding(author.role())],
            "name": name,
        })
    }
}

fn identifier_value<'a>(resource: &'a Value, system: &str) -> Option<&'a str> {
    resource["identifier"]
        .as_array()?
        .iter()
        .find(|id| id["system"] == system)
        .and_then(|id| id["value"].as_str())
}

/// The Relais author a `Practitioner` or `RelatedPerson` stands for.
pub fn read_actor(resource: &Value) -> Result<Author, String> {
    let id = identifier_value(resource, SYSTEM_ACTOR).ok_or("identifiant d'acteur absent / no actor identifier")?;
    let name = resource["name"][0]["text"].as_str().unwrap_or(id);
    let role_concept = match resource["resourceType"].as_str() {
        Some("Practitioner") => &resource["qualification"][0]["code"],
        Some("RelatedPerson") => &resource["relationship"][0],
        other => return Err(format!("un auteur ne peut pas être un {other:?} / an author cannot be {other:?}")),
    };
    let code = role_concept["coding"]
        .as_array()
        .and_then(|codings| codings.iter().find(|c| c["system"] == CS_ROLE))
        .and_then(|c| c["code"].as_str())
        .ok_or("rôle absent / no role")?;
    let role = Role::from_code(code).ok_or_else(|| format!("rôle inconnu « {code} » / unknown role"))?;
    Author::new(id, name, role).map_err(|e| e.to_string())
}

/// The subject id of a `Patient`, and the person's details when the bundle has them.
pub fn read_patient(resource: &Value) -> Result<(SubjectId, Option<Person>), String> {
    let raw = identifier_value(resource, SYSTEM_SUBJECT).ok_or("identifiant de la personne absent / no subject identifier")?;
    let id = SubjectId::new(raw).map_err(|e| e.to_string())?;
    let name = &resource["name"][0];
    let person = name["family"].as_str().map(|family| Person {
        id: id.clone(),
        given_name: name["given"][0].as_str().unwrap_or_default().to_owned(),
        family_name: family.to_owned(),
        birth_date: resource["birthDate"].as_str().and_then(|d| d.parse().ok()),
        ins: None,
    });
    Ok((id, person))
}
