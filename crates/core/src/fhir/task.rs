//! An acknowledgement ("Pris en compte") as a completed FHIR `Task` focused on the vigilance
//! point's `Communication` and owned by the person who acknowledged it.

use super::actors::{actor_url, patient_url};
use super::communication::entry_url;
use super::ids::{stable_uuid, urn};
use super::systems::CS_TASK;
use crate::{Acknowledgement, EntryId, SubjectId, Timestamp};
use serde_json::{json, Value};

const ACKNOWLEDGE: &str = "acknowledge";

pub fn task_url(ack: &Acknowledgement) -> String {
    urn(stable_uuid(&["ack", &ack.entry.to_string(), ack.by.id()]))
}

pub fn task(ack: &Acknowledgement, subject: &SubjectId) -> Value {
    let at = ack.at.to_fhir_instant();
    json!({
        "resourceType": "Task",
        "status": "completed",
        "intent": "order",
        "code": { "coding": [{ "system": CS_TASK, "code": ACKNOWLEDGE, "display": "Pris en compte" }] },
        "focus": { "reference": entry_url(ack.entry) },
        "for": { "reference": patient_url(subject) },
        "authoredOn": at,
        "lastModified": at,
        "owner": { "reference": actor_url(&ack.by, subject) },
        "executionPeriod": { "end": at },
    })
}

pub fn is_acknowledgement(resource: &Value) -> bool {
    resource["code"]["coding"]
        .as_array()
        .is_some_and(|codings| codings.iter().any(|c| c["system"] == CS_TASK && c["code"] == ACKNOWLEDGE))
}

/// The acknowledged entry and the time; the caller resolves the owner.
pub fn read_task(resource: &Value) -> Result<(EntryId, Timestamp), String> {
    let entry = resource["focus"]["reference"]
        .as_str()
        .and_then(|r| r.strip_prefix("urn:uuid:"))
        .and_then(|raw| serde_json::from_value(json!(raw)).ok())
        .ok_or("Task sans transmission visée / Task without a focus entry")?;
    let at = resource["executionPeriod"]["end"]
        .as_str()
        .or(resource["authoredOn"].as_str())
        .and_then(Timestamp::parse_rfc3339)
        .ok_or("Task sans date / Task without a date-time")?;
    Ok((entry, at))
}
