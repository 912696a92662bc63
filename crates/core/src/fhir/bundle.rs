//! A whole dump as a FHIR `Bundle` of type `collection`, and back.

use super::actors::{actor, actor_url, patient, patient_url, read_actor, read_patient};
use super::questionnaire_response::{evaluation_resource, read_evaluation};
use super::care_plan::{plan_authors, plan_parts, plan_resources, read_care_plan};
use super::communication::{communication, entry_url, read_communication};
use super::references::Resolve;
use super::task::{is_acknowledgement, read_task, task, task_url};
use crate::dump::Dump;
use crate::{
    Acknowledgement, Author, CareCircle, CategoryCatalogue, EntryId, Member, SubjectId, Transmission,
    TransmissionText,
};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FhirError {
    #[error("ce n'est pas un Bundle FHIR (resourceType « {0} ») / not a FHIR Bundle")]
    NotABundle(String),
    #[error("accusé de lecture d'une transmission absente de l'export ({0}) / acknowledgement of an entry missing from the dump")]
    UnknownEntry(EntryId),
}

/// What an import produced, and every resource it could not map, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub dump: Dump,
    pub not_mapped: Vec<String>,
}

/// Bundle entries in insertion order, each full URL once.
#[derive(Default)]
struct Entries {
    seen: BTreeSet<String>,
    list: Vec<Value>,
}

impl Entries {
    fn add(&mut self, url: String, resource: impl FnOnce() -> Value) {
        if self.seen.insert(url.clone()) {
            self.list.push(json!({ "fullUrl": url, "resource": resource() }));
        }
    }
}

fn subjects(dump: &Dump) -> Vec<&SubjectId> {
    let mut seen = BTreeSet::new();
    dump.people
        .iter()
        .map(|p| &p.id)
        .chain(dump.care_circles.iter().map(CareCircle::subject))
        .chain(dump.transmissions.iter().map(|t| &t.subject))
        .chain(dump.plans.iter().map(|p| p.subject()))
        .filter(|s| seen.insert(*s))
        .collect()
}

fn care_team(circle: &CareCircle) -> Value {
    let participants: Vec<Value> = circle
        .members()
        .iter()
        .map(|m| {
            let mut p = json!({ "member": { "reference": actor_url(&m.actor, circle.subject()) } });
            if let Some(org) = &m.organisation {
                p["onBehalfOf"] = json!({ "display": org });
            }
            p
        })
        .collect();
    json!({
        "resourceType": "CareTeam",
        "status": "active",
        "name": "Cercle de soins",
        "subject": { "reference": patient_url(circle.subject()) },
        "participant": participants,
    })
}

/// Exports `dump`; category labels come from `catalogue`.
pub fn export_bundle(dump: &Dump, catalogue: &CategoryCatalogue) -> Result<Value, FhirError> {
    let mut entries = Entries::default();
    for subject in subjects(dump) {
        let person = dump.people.iter().find(|p| &p.id == subject);
        entries.add(patient_url(subject), || patient(subject, person));
    }
    let add_actor = |entries: &mut Entries, author: &Author, subject: &SubjectId| {
        entries.add(actor_url(author, subject), || actor(author, subject));
    };
    for circle in &dump.care_circles {
        for member in circle.members() {
            add_actor(&mut entries, &member.actor, circle.subject());
        }
        entries.add(super::ids::urn(super::ids::stable_uuid(&["care-team", circle.subject().as_str()])), || care_team(circle));
    }
    let by_id: HashMap<EntryId, &Transmission> = dump.transmissions.iter().map(|t| (t.id, t)).collect();
    let corrected: BTreeSet<EntryId> = dump
        .transmissions
        .iter()
        .filter_map(|t| match t.link {
            crate::EntryLink::Corrects(id) => Some(id),
            _ => None,
        })
        .collect();
    for t in &dump.transmissions {
        add_actor(&mut entries, &t.author, &t.subject);
        let resource = communication(t, catalogue, corrected.contains(&t.id), |id| by_id.contains_key(&id));
        entries.add(entry_url(t.id), || resource);
    }
    for ack in &dump.acknowledgements {
        let entry = by_id.get(&ack.entry).ok_or(FhirError::UnknownEntry(ack.entry))?;
        add_actor(&mut entries, &ack.by, &entry.subject);
        entries.add(task_url(ack), || task(ack, &entry.subject));
    }
    for evaluation in &dump.evaluations {
        let subject = evaluation.subject();
        add_actor(&mut entries, evaluation.author(), subject);
        let resource = evaluation_resource(evaluation, &patient_url(subject), &actor_url(evaluation.author(), subject));
        entries.add(entry_url(evaluation.id()), || resource);
    }
    for plan in &dump.plans {
        for author in plan_authors(plan) {
            add_actor(&mut entries, author, plan.subject());
        }
        for (url, resource) in plan_resources(plan) {
            entries.add(url, || resource);
        }
    }
    Ok(json!({ "resourceType": "Bundle", "type": "collection", "entry": entries.list }))
}

/// Resolved resources of an incoming bundle, by full URL.
struct Incoming<'a> {
    subjects: HashMap<&'a str, SubjectId>,
    actors: HashMap<&'a str, Author>,
    resources: HashMap<&'a str, &'a Value>,
}

impl Resolve for Incoming<'_> {
    fn resource(&self, reference: &Value) -> Option<&Value> {
        reference["reference"].as_str().and_then(|r| self.resources.get(r)).copied()
    }

    fn subject(&self, reference: &Value) -> Result<SubjectId, String> {
        Incoming::subject(self, reference)
    }

    fn actor(&self, reference: &Value) -> Result<Author, String> {
        Incoming::actor(self, reference)
    }
}

impl Incoming<'_> {
    fn subject(&self, reference: &Value) -> Result<SubjectId, String> {
        reference["reference"]
            .as_str()
            .and_then(|r| self.subjects.get(r))
            .cloned()
            .ok_or_else(|| "référence à une personne introuvable dans le Bundle / subject reference does not resolve".to_owned())
    }

    fn actor(&self, reference: &Value) -> Result<Author, String> {
        reference["reference"]
            .as_str()
            .and_then(|r| self.actors.get(r))
            .cloned()
            .ok_or_else(|| "référence à un auteur introuvable dans le Bundle / author reference does not resolve".to_owned())
    }

    fn transmission(&self, resource: &Value) -> Result<Transmission, String> {
        let parts = read_communication(resource)?;
        Ok(Transmission {
            id: parts.id,
            subject: self.subject(&resource["subject"])?,
            author: self.actor(&resource["sender"])?,
            category: parts.category,
            urgency: parts.urgency,
            text: TransmissionText::new(&parts.text).map_err(|e| e.to_string())?,
            created_at: parts.sent,
            vigilance: parts.vigilance,
            link: parts.link,
        })
    }

    fn acknowledgement(&self, resource: &Value) -> Result<Acknowledgement, String> {
        let (entry, at) = read_task(resource)?;
        Ok(Acknowledgement { entry, by: self.actor(&resource["owner"])?, at })
    }

    fn care_circle(&self, resource: &Value) -> Result<CareCircle, String> {
        let members = resource["participant"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|p| {
                Ok(Member {
                    actor: self.actor(&p["member"])?,
                    organisation: p["onBehalfOf"]["display"].as_str().map(str::to_owned),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        CareCircle::new(self.subject(&resource["subject"])?, members).map_err(|e| e.to_string())
    }
}

fn resources(bundle: &Value) -> impl Iterator<Item = (usize, &str, &Value)> {
    bundle["entry"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, e)| (i + 1, e["fullUrl"].as_str().unwrap_or_default(), &e["resource"]))
}

/// Imports a bundle made by `export_bundle` or by another system.
pub fn import_bundle(bundle: &Value) -> Result<ImportReport, FhirError> {
    let kind = bundle["resourceType"].as_str().unwrap_or_default();
    if kind != "Bundle" {
        return Err(FhirError::NotABundle(kind.to_owned()));
    }
    let mut dump = Dump::default();
    let mut not_mapped = Vec::new();
    let mut incoming = Incoming { subjects: HashMap::new(), actors: HashMap::new(), resources: HashMap::new() };
    let mut in_plans = BTreeSet::new();
    let mut problem = |n: usize, kind: &str, why: String| not_mapped.push(format!("entrée {n} ({kind}) : {why}"));
    for (n, url, resource) in resources(bundle) {
        incoming.resources.insert(url, resource);
        match resource["resourceType"].as_str().unwrap_or_default() {
            "Patient" => match read_patient(resource) {
                Ok((id, person)) => {
                    incoming.subjects.insert(url, id);
                    dump.people.extend(person);
                }
                Err(why) => problem(n, "Patient", why),
            },
            kind @ ("Practitioner" | "RelatedPerson") => match read_actor(resource) {
                Ok(author) => {
                    incoming.actors.insert(url, author);
                }
                Err(why) => problem(n, kind, why),
            },
            "CarePlan" => in_plans.extend(plan_parts(resource)),
            _ => {}
        }
    }
    for (n, url, resource) in resources(bundle) {
        let kind = resource["resourceType"].as_str().unwrap_or("(sans type)");
        let outcome = match kind {
            "Patient" | "Practitioner" | "RelatedPerson" => Ok(()),
            "Communication" => incoming.transmission(resource).map(|t| dump.transmissions.push(t)),
            "Task" if is_acknowledgement(resource) => incoming.acknowledgement(resource).map(|a| dump.acknowledgements.push(a)),
            "CareTeam" => incoming.care_circle(resource).map(|c| dump.care_circles.push(c)),
            "CarePlan" => read_care_plan(resource, &incoming).map(|p| dump.plans.push(p)),
            "QuestionnaireResponse" => read_evaluation(
                resource,
                |r| incoming.subjects.get(r).cloned(),
                |r| incoming.actors.get(r).cloned(),
            )
            .map(|e| dump.evaluations.push(e)),
            "ServiceRequest" | "Goal" | "Encounter" if in_plans.contains(url) => Ok(()),
            "ServiceRequest" | "Goal" | "Encounter" => Err("rattaché à aucun CarePlan / not part of any CarePlan".to_owned()),
            _ => Err("type de ressource non repris par Relais / resource type not mapped".to_owned()),
        };
        if let Err(why) = outcome {
            problem(n, kind, why);
        }
    }
    Ok(ImportReport { dump, not_mapped })
}
