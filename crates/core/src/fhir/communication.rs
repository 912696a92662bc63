//! A transmission as a FHIR `Communication`: category and priority as codes, the text as the
//! payload, replies and corrections through `inResponseTo`, the vigilance flag as an extension.

use super::actors::{actor_url, patient_url};
use super::systems::{CS_CATEGORY, EXT_CORRECTION, EXT_VIGILANCE, SYSTEM_ENTRY};
use crate::{CategoryCatalogue, CategoryId, EntryId, EntryLink, Timestamp, Transmission, Urgency};
use serde_json::{json, Value};

pub fn entry_url(id: EntryId) -> String {
    format!("urn:uuid:{id}")
}

fn priority(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Information => "routine",
        Urgency::ASurveiller => "urgent",
        Urgency::Alerte => "asap",
    }
}

fn urgency(priority: Option<&str>) -> Result<Urgency, String> {
    match priority {
        None | Some("routine") => Ok(Urgency::Information),
        Some("urgent") => Ok(Urgency::ASurveiller),
        Some("asap" | "stat") => Ok(Urgency::Alerte),
        Some(other) => Err(format!("priorité inconnue « {other} » / unknown priority")),
    }
}

/// A reference to an earlier entry: literal when it is in the bundle, logical otherwise, so
/// every literal reference resolves.
fn entry_reference(id: EntryId, in_bundle: bool) -> Value {
    if in_bundle {
        json!({ "reference": entry_url(id) })
    } else {
        json!({ "identifier": { "system": SYSTEM_ENTRY, "value": id.to_string() } })
    }
}

pub fn communication(
    t: &Transmission,
    catalogue: &CategoryCatalogue,
    corrected: bool,
    in_bundle: impl Fn(EntryId) -> bool,
) -> Value {
    let display = catalogue.get(&t.category).map_or(t.category.as_str(), |c| c.label_fr.as_str());
    let mut resource = json!({
        "resourceType": "Communication",
        "id": t.id.to_string(),
        "identifier": [{ "system": SYSTEM_ENTRY, "value": t.id.to_string() }],
        "status": if corrected { "entered-in-error" } else { "completed" },
        "category": [{ "coding": [{ "system": CS_CATEGORY, "code": t.category.as_str(), "display": display }] }],
        "priority": priority(t.urgency),
        "subject": { "reference": patient_url(&t.subject) },
        "sender": { "reference": actor_url(&t.author, &t.subject) },
        "sent": t.created_at.to_fhir_instant(),
        "payload": [{ "contentString": t.text.as_str() }],
    });
    let mut extensions = Vec::new();
    if t.vigilance {
        extensions.push(json!({ "url": EXT_VIGILANCE, "valueBoolean": true }));
    }
    if let Some(target) = t.link.target() {
        let reference = entry_reference(target, in_bundle(target));
        if matches!(t.link, EntryLink::Corrects(_)) {
            extensions.push(json!({ "url": EXT_CORRECTION, "valueReference": reference }));
        }
        resource["inResponseTo"] = json!([reference]);
    }
    if !extensions.is_empty() {
        resource["extension"] = Value::Array(extensions);
    }
    resource
}

fn referenced_entry(reference: &Value) -> Result<EntryId, String> {
    let raw = reference["reference"]
        .as_str()
        .and_then(|r| r.strip_prefix("urn:uuid:"))
        .or_else(|| reference["identifier"]["value"].as_str())
        .ok_or("référence d'entrée illisible / unreadable entry reference")?;
    serde_json::from_value(json!(raw)).map_err(|e| format!("identifiant d'entrée invalide : {e} / invalid entry id"))
}

fn link(resource: &Value) -> Result<EntryLink, String> {
    let correction = resource["extension"]
        .as_array()
        .and_then(|exts| exts.iter().find(|e| e["url"] == EXT_CORRECTION));
    if let Some(ext) = correction {
        return Ok(EntryLink::Corrects(referenced_entry(&ext["valueReference"])?));
    }
    match resource["inResponseTo"].get(0) {
        Some(reference) => Ok(EntryLink::ReplyTo(referenced_entry(reference)?)),
        None => Ok(EntryLink::None),
    }
}

/// The parts of a transmission a `Communication` carries itself; the caller resolves the
/// subject and sender references.
pub struct CommunicationParts {
    pub id: EntryId,
    pub category: CategoryId,
    pub urgency: Urgency,
    pub text: String,
    pub sent: Timestamp,
    pub vigilance: bool,
    pub link: EntryLink,
}

pub fn read_communication(resource: &Value) -> Result<CommunicationParts, String> {
    let id = serde_json::from_value(resource["id"].clone()).map_err(|_| "id absent ou invalide / missing or invalid id")?;
    let category = resource["category"][0]["coding"]
        .as_array()
        .and_then(|codings| codings.iter().find(|c| c["system"] == CS_CATEGORY))
        .and_then(|c| c["code"].as_str())
        .ok_or("catégorie Relais absente / no Relais category")?;
    let sent = resource["sent"]
        .as_str()
        .and_then(Timestamp::parse_rfc3339)
        .ok_or("date d'envoi absente ou sans fuseau / missing sent date-time or time zone")?;
    let text = resource["payload"][0]["contentString"].as_str().ok_or("texte absent / no text payload")?;
    let vigilance = resource["extension"]
        .as_array()
        .is_some_and(|exts| exts.iter().any(|e| e["url"] == EXT_VIGILANCE && e["valueBoolean"] == true));
    Ok(CommunicationParts {
        id,
        category: CategoryId::new(category),
        urgency: urgency(resource["priority"].as_str())?,
        text: text.to_owned(),
        sent,
        vigilance,
        link: link(resource)?,
    })
}
