//! A plan's objective as a FHIR `Goal`: title as the description, domain as the category, due
//! date as the target, who expressed it, and the evaluation needs and service lines it is
//! linked to in extensions (`Goal.addresses` only takes resources Relais does not produce).

use super::actors::{actor_url, patient_url};
use super::extension::{all, coding_in, concept, entry_id, first, fhir_date, optional_date, part};
use super::plan_systems::{CS_AGGIR_VARIABLE, CS_GOAL_DOMAIN, EXT_EXPECTED_RESULT, EXT_NEED, EXT_SERVED_BY, HL7_GOAL_ACHIEVEMENT};
use super::references::Resolve;
use super::service_request::line_url;
use super::systems::SYSTEM_ENTRY;
use crate::aggir::Variable;
use crate::plan::{ExpressedBy, Goal, GoalDomain, GoalDraft, GoalStatus, NeedRef};
use crate::{EntryId, SubjectId};
use serde_json::{json, Value};

pub fn goal_url(goal: &Goal) -> String {
    format!("urn:uuid:{}", goal.id())
}

/// `lifecycleStatus` and, for finished goals, `achievementStatus`.
fn statuses(status: GoalStatus) -> (&'static str, Option<(&'static str, &'static str)>) {
    match status {
        GoalStatus::Proposed => ("proposed", None),
        GoalStatus::Active => ("active", None),
        GoalStatus::OnHold => ("on-hold", None),
        GoalStatus::Achieved => ("completed", Some(("achieved", "Achieved"))),
        GoalStatus::NotAchieved => ("completed", Some(("not-achieved", "Not Achieved"))),
        GoalStatus::Abandoned => ("cancelled", None),
    }
}

fn goal_status(resource: &Value) -> Result<GoalStatus, String> {
    let achievement = coding_in(&resource["achievementStatus"], HL7_GOAL_ACHIEVEMENT).and_then(|c| c["code"].as_str());
    match (resource["lifecycleStatus"].as_str(), achievement) {
        (Some("proposed" | "planned"), _) => Ok(GoalStatus::Proposed),
        (Some("accepted" | "active"), _) => Ok(GoalStatus::Active),
        (Some("on-hold"), _) => Ok(GoalStatus::OnHold),
        (Some("completed"), Some("not-achieved")) => Ok(GoalStatus::NotAchieved),
        (Some("completed"), _) => Ok(GoalStatus::Achieved),
        (Some("cancelled" | "rejected"), _) => Ok(GoalStatus::Abandoned),
        (other, _) => Err(format!("statut d'objectif non repris « {other:?} » / goal status not mapped")),
    }
}

fn need_extension(need: &NeedRef) -> Value {
    let parts = match need {
        NeedRef::Aggir { variable } => json!([{ "url": "aggir", "valueCoding": { "system": CS_AGGIR_VARIABLE, "code": variable.id(), "display": variable.label_fr() } }]),
        NeedRef::QuestionnaireItem { questionnaire, link_id } => json!([
            { "url": "questionnaire", "valueCanonical": questionnaire },
            { "url": "linkId", "valueString": link_id },
        ]),
    };
    json!({ "url": EXT_NEED, "extension": parts })
}

fn read_need(extension: &Value) -> Result<NeedRef, String> {
    if let Some(aggir) = part(extension, "aggir") {
        let id = aggir["valueCoding"]["code"].as_str().unwrap_or_default();
        let variable = Variable::from_id(id).ok_or_else(|| format!("variable AGGIR inconnue « {id} » / unknown AGGIR variable"))?;
        return Ok(NeedRef::Aggir { variable });
    }
    let questionnaire = part(extension, "questionnaire").and_then(|q| q["valueCanonical"].as_str());
    let link_id = part(extension, "linkId").and_then(|l| l["valueString"].as_str());
    match (questionnaire, link_id) {
        (Some(questionnaire), Some(link_id)) => Ok(NeedRef::QuestionnaireItem { questionnaire: questionnaire.to_owned(), link_id: link_id.to_owned() }),
        _ => Err("besoin illisible / unreadable need".to_owned()),
    }
}

fn extensions(fields: &GoalDraft) -> Vec<Value> {
    let mut extensions: Vec<Value> = fields.needs.iter().map(need_extension).collect();
    extensions.extend(fields.served_by.iter().map(|&line| json!({ "url": EXT_SERVED_BY, "valueReference": { "reference": line_url(line) } })));
    if let Some(result) = &fields.expected_result {
        extensions.push(json!({ "url": EXT_EXPECTED_RESULT, "valueString": result }));
    }
    extensions
}

pub fn goal(goal: &Goal, subject: &SubjectId) -> Value {
    let fields = goal.fields();
    let (lifecycle, achievement) = statuses(fields.status);
    let expressed_by = match &fields.expressed_by {
        ExpressedBy::Person => patient_url(subject),
        ExpressedBy::Author(author) => actor_url(author, subject),
    };
    let mut resource = json!({
        "resourceType": "Goal",
        "id": fields.id.to_string(),
        "identifier": [{ "system": SYSTEM_ENTRY, "value": fields.id.to_string() }],
        "lifecycleStatus": lifecycle,
        "category": [concept(CS_GOAL_DOMAIN, &fields.domain.code, &fields.domain.label_fr)],
        "description": { "text": fields.title },
        "subject": { "reference": patient_url(subject) },
        "expressedBy": { "reference": expressed_by },
    });
    if let Some((code, display)) = achievement {
        resource["achievementStatus"] = concept(HL7_GOAL_ACHIEVEMENT, code, display);
    }
    if let Some(due) = fields.due {
        resource["target"] = json!([{ "dueDate": fhir_date(due) }]);
    }
    let extensions = extensions(fields);
    if !extensions.is_empty() {
        resource["extension"] = Value::Array(extensions);
    }
    resource
}

fn expressed_by(resource: &Value, resolve: &dyn Resolve) -> Result<ExpressedBy, String> {
    let reference = &resource["expressedBy"];
    match resolve.subject(reference) {
        Ok(_) => Ok(ExpressedBy::Person),
        Err(_) => resolve.actor(reference).map(ExpressedBy::Author),
    }
}

fn domain(resource: &Value) -> Result<GoalDomain, String> {
    let coding = resource["category"]
        .as_array()
        .and_then(|concepts| concepts.iter().find_map(|c| coding_in(c, CS_GOAL_DOMAIN)))
        .ok_or("domaine de l'objectif absent / no goal domain")?;
    Ok(GoalDomain {
        code: coding["code"].as_str().unwrap_or_default().to_owned(),
        label_fr: coding["display"].as_str().unwrap_or_default().to_owned(),
    })
}

/// The id of the line a `goal-served-by` extension points to, read from the resource itself so
/// foreign full URLs work too.
fn served_line(extension: &Value, resolve: &dyn Resolve) -> Result<EntryId, String> {
    let request = resolve.resource(&extension["valueReference"]).ok_or("ligne de service introuvable / service line reference does not resolve")?;
    entry_id(request)
}

pub fn read_goal(resource: &Value, resolve: &dyn Resolve) -> Result<Goal, String> {
    if resource["resourceType"] != "Goal" {
        return Err("un objectif du plan n'est pas un Goal / a plan goal is not a Goal".to_owned());
    }
    let draft = GoalDraft {
        id: entry_id(resource)?,
        title: resource["description"]["text"].as_str().ok_or("description de l'objectif absente / no goal description")?.to_owned(),
        domain: domain(resource)?,
        due: optional_date(&resource["target"][0]["dueDate"])?,
        status: goal_status(resource)?,
        expected_result: first(resource, EXT_EXPECTED_RESULT).and_then(|e| e["valueString"].as_str()).map(str::to_owned),
        needs: all(resource, EXT_NEED).map(read_need).collect::<Result<_, _>>()?,
        served_by: all(resource, EXT_SERVED_BY).map(|e| served_line(e, resolve)).collect::<Result<_, _>>()?,
        expressed_by: expressed_by(resource, resolve)?,
    };
    Goal::new(draft).map_err(|e| e.to_string())
}
