//! A hospital stay as a FHIR `Encounter` of class IMP (inpatient), finished once the person
//! is back home.

use super::actors::patient_url;
use super::extension::{date, fhir_date, optional_date};
use super::ids::{stable_uuid, urn};
use super::plan_systems::HL7_ACT_CODE;
use crate::plan::HospitalEpisode;
use crate::{EntryId, SubjectId};
use serde_json::{json, Value};

pub fn encounter_url(plan: EntryId, stay: &HospitalEpisode) -> String {
    urn(stable_uuid(&["encounter", &plan.to_string(), &fhir_date(stay.admitted())]))
}

pub fn encounter(stay: &HospitalEpisode, subject: &SubjectId) -> Value {
    let mut period = json!({ "start": fhir_date(stay.admitted()) });
    if let Some(out) = stay.discharged() {
        period["end"] = json!(fhir_date(out));
    }
    let mut resource = json!({
        "resourceType": "Encounter",
        "status": if stay.discharged().is_some() { "finished" } else { "in-progress" },
        "class": { "system": HL7_ACT_CODE, "code": "IMP", "display": "inpatient encounter" },
        "subject": { "reference": patient_url(subject) },
        "period": period,
    });
    if !stay.reason().is_empty() {
        resource["reasonCode"] = json!([{ "text": stay.reason() }]);
    }
    resource
}

pub fn read_encounter(resource: &Value) -> Result<HospitalEpisode, String> {
    if resource["resourceType"] != "Encounter" || resource["class"]["code"] != "IMP" {
        return Err("une information du plan n'est pas une hospitalisation (Encounter IMP) / supporting info is not an inpatient Encounter".to_owned());
    }
    let admitted = date(&resource["period"]["start"]).ok_or("date d'admission absente / no admission date")?;
    let reason = resource["reasonCode"][0]["text"].as_str().unwrap_or_default();
    HospitalEpisode::new(admitted, optional_date(&resource["period"]["end"])?, reason).map_err(|e| e.to_string())
}
