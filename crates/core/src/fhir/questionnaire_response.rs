//! An evaluation as a FHIR R4 `QuestionnaireResponse`, and back (domain.md §5).
//!
//! R4 gives `QuestionnaireResponse` no `replaces`, so an amendment names the version it replaces
//! with a Relais extension holding a logical reference (by identifier): it stays valid whether
//! or not the earlier version travels in the same bundle. The caller chooses how the subject
//! and author are referenced (bundle full URLs, server ids) and resolves them back on import.

use super::systems::SYSTEM_ENTRY;
use crate::questionnaire::evaluation::{Evaluation, EvaluationParts};
use crate::questionnaire::ResponseStatus;
use crate::{Author, EntryId, SubjectId, Timestamp};
use serde_json::{json, Value};

/// Extension on an amended `QuestionnaireResponse`: the version it replaces.
pub const EXT_PREVIOUS_VERSION: &str = "http://relais.example/fhir/StructureDefinition/previous-version";

fn entry_identifier(id: EntryId) -> Value {
    json!({ "system": SYSTEM_ENTRY, "value": id.to_string() })
}

/// The evaluation as a `QuestionnaireResponse`, its subject and author pointing at
/// `patient_ref` and `author_ref`.
pub fn evaluation_resource(evaluation: &Evaluation, patient_ref: &str, author_ref: &str) -> Value {
    let mut resource = json!({
        "resourceType": "QuestionnaireResponse",
        "id": evaluation.id().to_string(),
        "identifier": entry_identifier(evaluation.id()),
        "questionnaire": evaluation.questionnaire(),
        "status": evaluation.status().code(),
        "subject": { "reference": patient_ref },
        "authored": evaluation.authored().to_fhir_instant(),
        "author": { "reference": author_ref, "display": evaluation.author().name() },
    });
    if let Some(previous) = evaluation.previous() {
        resource["extension"] = json!([{
            "url": EXT_PREVIOUS_VERSION,
            "valueReference": { "identifier": entry_identifier(previous) }
        }]);
    }
    // FHIR forbids empty arrays: an evaluation with no answer yet has no `item`.
    if !evaluation.items().is_empty() {
        resource["item"] = Value::Array(evaluation.items().to_vec());
    }
    resource
}

/// Reads back what [`evaluation_resource`] wrote; `resolve_subject` and `resolve_author` turn
/// the `subject` and `author` references into Relais values.
pub fn read_evaluation(
    resource: &Value,
    resolve_subject: impl Fn(&str) -> Option<SubjectId>,
    resolve_author: impl Fn(&str) -> Option<Author>,
) -> Result<Evaluation, String> {
    if resource["resourceType"] != "QuestionnaireResponse" {
        return Err("ce n'est pas un QuestionnaireResponse / not a QuestionnaireResponse".into());
    }
    let subject_ref = reference(resource, "subject")?;
    let author_ref = reference(resource, "author")?;
    let parts = EvaluationParts {
        id: own_id(resource)?,
        subject: resolve_subject(subject_ref)
            .ok_or_else(|| format!("personne inconnue « {subject_ref} » / unknown subject"))?,
        questionnaire: resource["questionnaire"]
            .as_str()
            .filter(|q| !q.trim().is_empty())
            .ok_or("questionnaire absent / no questionnaire")?
            .to_owned(),
        status: status(resource["status"].as_str())?,
        previous: previous(resource)?,
        author: resolve_author(author_ref)
            .ok_or_else(|| format!("auteur inconnu « {author_ref} » / unknown author"))?,
        authored: resource["authored"]
            .as_str()
            .and_then(Timestamp::parse_rfc3339)
            .ok_or("date absente ou sans fuseau / missing authored date-time or time zone")?,
        items: items(resource)?,
    };
    Evaluation::from_parts(parts).map_err(|e| e.to_string())
}

fn reference<'a>(resource: &'a Value, field: &str) -> Result<&'a str, String> {
    resource[field]["reference"]
        .as_str()
        .ok_or_else(|| format!("référence « {field} » absente / no {field} reference"))
}

fn parse_entry_id(raw: &str) -> Result<EntryId, String> {
    serde_json::from_value(json!(raw)).map_err(|_| format!("identifiant invalide « {raw} » / invalid id"))
}

/// The Relais identifier when present, so a server-assigned `id` does not replace ours.
fn own_id(resource: &Value) -> Result<EntryId, String> {
    let identifier = &resource["identifier"];
    let raw = if identifier["system"] == SYSTEM_ENTRY {
        identifier["value"].as_str()
    } else {
        resource["id"].as_str()
    };
    parse_entry_id(raw.ok_or("id absent / missing id")?)
}

fn status(code: Option<&str>) -> Result<ResponseStatus, String> {
    match code {
        Some("in-progress") => Ok(ResponseStatus::InProgress),
        Some("completed") => Ok(ResponseStatus::Completed),
        Some("amended") => Ok(ResponseStatus::Amended),
        other => Err(format!("statut non pris en charge {other:?} / unsupported status")),
    }
}

fn previous(resource: &Value) -> Result<Option<EntryId>, String> {
    let Some(extension) = resource["extension"]
        .as_array()
        .and_then(|extensions| extensions.iter().find(|e| e["url"] == EXT_PREVIOUS_VERSION))
    else {
        return Ok(None);
    };
    let raw = extension["valueReference"]["identifier"]["value"]
        .as_str()
        .ok_or("version précédente illisible / unreadable previous version")?;
    parse_entry_id(raw).map(Some)
}

fn items(resource: &Value) -> Result<Vec<Value>, String> {
    let list = match &resource["item"] {
        Value::Null => return Ok(Vec::new()),
        Value::Array(list) => list,
        _ => return Err("« item » n'est pas une liste / 'item' is not a list".into()),
    };
    if list.iter().all(well_formed_item) {
        Ok(list.clone())
    } else {
        Err("item sans linkId / item without a linkId".into())
    }
}

fn well_formed_item(item: &Value) -> bool {
    let children_ok = match &item["item"] {
        Value::Null => true,
        Value::Array(children) => children.iter().all(well_formed_item),
        _ => false,
    };
    item["linkId"].as_str().is_some_and(|id| !id.is_empty()) && children_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::aggir_form::AggirForm;
    use crate::questionnaire::{builtin, Form};
    use crate::Role;

    fn author() -> Author {
        Author::new("evaluatrice-1", "Aline Martin", Role::EquipeMedicoSocialeApa).unwrap()
    }

    fn subject() -> SubjectId {
        SubjectId::new("usager-42").unwrap()
    }

    fn at(ms: i64) -> Timestamp {
        Timestamp::from_unix_ms(ms)
    }

    /// Every discriminant activity done alone, except transferts which the person does not do.
    fn finished_grid() -> AggirForm {
        let mut grid = AggirForm::new();
        for activity in crate::questionnaire::aggir_items::GridActivity::discriminant() {
            for adverb in crate::questionnaire::aggir_items::Answer::ADVERBS {
                grid.set_text(&activity.answer_link_id(adverb), 0, "true").unwrap();
            }
        }
        grid.set_text("transferts.ne-fait-pas", 0, "true").unwrap();
        grid
    }

    fn read(resource: &Value) -> Result<Evaluation, String> {
        read_evaluation(
            resource,
            |r| (r == "Patient/42").then(subject),
            |r| (r == "Practitioner/7").then(author),
        )
    }

    #[test]
    fn a_draft_round_trips_without_items() {
        let form = Form::new(builtin::aggir());
        let draft = Evaluation::draft(
            EntryId::v7(1, [1; 10]),
            subject(),
            author(),
            at(1_763_885_460_250),
            &form,
        );
        let resource = evaluation_resource(&draft, "Patient/42", "Practitioner/7");
        assert_eq!(
            resource,
            json!({
                "resourceType": "QuestionnaireResponse",
                "id": draft.id().to_string(),
                "identifier": { "system": SYSTEM_ENTRY, "value": draft.id().to_string() },
                "questionnaire": "http://relais.example/fhir/Questionnaire/aggir|2008.1",
                "status": "in-progress",
                "subject": { "reference": "Patient/42" },
                "authored": "2025-11-23T08:11:00.250Z",
                "author": { "reference": "Practitioner/7", "display": "Aline Martin" },
            })
        );
        assert_eq!(read(&resource), Ok(draft));
    }

    #[test]
    fn completed_and_amended_versions_round_trip_with_the_gir() {
        let grid = finished_grid();
        let first = Evaluation::draft(EntryId::v7(1, [1; 10]), subject(), author(), at(1_000), grid.form())
            .finalize(grid.form(), at(2_000))
            .unwrap();
        let resource = evaluation_resource(&first, "Patient/42", "Practitioner/7");
        assert_eq!(resource["status"], "completed");
        assert!(resource.get("extension").is_none());
        let back = read(&resource).unwrap();
        assert_eq!(back, first);
        assert_eq!(back.gir(), grid.gir());
        assert_eq!(back.signed_content(), first.signed_content());

        let second = first
            .amend(EntryId::v7(3, [2; 10]), author(), at(3_000))
            .unwrap()
            .finalize(grid.form(), at(4_000))
            .unwrap();
        let resource = evaluation_resource(&second, "Patient/42", "Practitioner/7");
        assert_eq!(resource["status"], "amended");
        assert_eq!(
            resource["extension"],
            json!([{
                "url": EXT_PREVIOUS_VERSION,
                "valueReference": { "identifier": { "system": SYSTEM_ENTRY, "value": first.id().to_string() } }
            }])
        );
        assert_eq!(read(&resource), Ok(second));
    }

    #[test]
    fn inconsistent_or_unresolved_resources_are_refused() {
        let grid = finished_grid();
        let done = Evaluation::draft(EntryId::v7(1, [1; 10]), subject(), author(), at(1_000), grid.form())
            .finalize(grid.form(), at(2_000))
            .unwrap();
        let good = evaluation_resource(&done, "Patient/42", "Practitioner/7");
        let broken = |change: fn(&mut Value)| {
            let mut resource = good.clone();
            change(&mut resource);
            read(&resource)
        };
        assert!(broken(|r| r["status"] = json!("amended"))
            .unwrap_err()
            .contains("amended"));
        assert!(broken(|r| r["status"] = json!("stopped")).is_err());
        assert!(broken(|r| r["authored"] = json!("2026-11-23T08:11:00")).is_err());
        assert!(broken(|r| r["subject"]["reference"] = json!("Patient/43")).is_err());
        assert!(broken(|r| r["author"]["reference"] = json!("Practitioner/8")).is_err());
        assert!(broken(|r| r["item"][0]["item"][0]["linkId"] = json!(null)).is_err());
        assert!(broken(|r| r["resourceType"] = json!("Observation")).is_err());
        assert!(broken(|r| r["identifier"]["value"] = json!("pas-un-uuid")).is_err());
        // A server may give the resource its own id; the Relais identifier wins.
        assert_eq!(broken(|r| r["id"] = json!("server-1")), Ok(done));
    }
}
