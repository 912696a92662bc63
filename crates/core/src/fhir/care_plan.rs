//! A plan as a FHIR `CarePlan` with its `ServiceRequest`s (activities), `Goal`s and hospital
//! stays (`Encounter`s in `supportingInfo`), and back.
//!
//! Reviews have no R4 element: an activity with a `detail` cannot also carry a `reference`, and
//! an `Appointment` would claim a booked slot. Each review is therefore a `plan-review`
//! extension (due date, reason, date held); the type's cadence and the GIR are extensions too.

use super::actors::patient_url;
use super::encounter::{encounter, encounter_url, read_encounter};
use super::extension::{all, coding_in, concept, date, entry_id, first, fhir_date, list, optional_date, part};
use super::goal::{goal, goal_url, read_goal};
use super::plan_systems::{CS_PLAN_TYPE, CS_REVIEW_REASON, EXT_GIR, EXT_REVIEW, EXT_REVIEW_CADENCE, UCUM};
use super::references::Resolve;
use super::service_request::{line_url, read_service_request, service_request};
use super::systems::SYSTEM_ENTRY;
use crate::aggir::Gir;
use crate::plan::{ExpressedBy, Plan, PlanDraft, PlanStatus, PlanType, Review, ReviewCadence, ReviewReason};
use crate::Author;
use serde_json::{json, Value};
use std::num::NonZeroU8;

pub fn plan_url(plan: &Plan) -> String {
    format!("urn:uuid:{}", plan.id())
}

fn status(status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Draft => "draft",
        PlanStatus::Active => "active",
        PlanStatus::Suspended => "on-hold",
        PlanStatus::Completed => "completed",
        PlanStatus::Cancelled => "revoked",
    }
}

fn plan_status(code: Option<&str>) -> Result<PlanStatus, String> {
    match code {
        Some("draft") => Ok(PlanStatus::Draft),
        Some("active") => Ok(PlanStatus::Active),
        Some("on-hold") => Ok(PlanStatus::Suspended),
        Some("completed") => Ok(PlanStatus::Completed),
        Some("revoked") => Ok(PlanStatus::Cancelled),
        other => Err(format!("statut de CarePlan non repris « {other:?} » / CarePlan status not mapped")),
    }
}

fn cadence_extension(cadence: ReviewCadence) -> Value {
    match cadence {
        ReviewCadence::OnRequest => json!({ "url": EXT_REVIEW_CADENCE, "valueCode": "on-request" }),
        ReviewCadence::Months(months) => json!({ "url": EXT_REVIEW_CADENCE,
            "valueDuration": { "value": months.get(), "unit": "mois", "system": UCUM, "code": "mo" } }),
    }
}

fn review_extension(review: &Review) -> Value {
    let mut parts = vec![
        json!({ "url": "due", "valueDate": fhir_date(review.due) }),
        json!({ "url": "reason", "valueCoding": { "system": CS_REVIEW_REASON, "code": review.reason.code(), "display": review.reason.label_fr() } }),
    ];
    parts.extend(review.done.map(|done| json!({ "url": "done", "valueDate": fhir_date(done) })));
    json!({ "url": EXT_REVIEW, "extension": parts })
}

fn references(urls: impl Iterator<Item = String>) -> Vec<Value> {
    urls.map(|url| json!({ "reference": url })).collect()
}

fn care_plan(plan: &Plan) -> Value {
    let fields = plan.fields();
    let mut extensions = vec![cadence_extension(fields.plan_type.review_cadence)];
    extensions.extend(fields.gir.map(|gir| json!({ "url": EXT_GIR, "valueInteger": gir.number() })));
    extensions.extend(fields.reviews.iter().map(review_extension));
    let mut period = json!({ "start": fhir_date(fields.period_start) });
    if let Some(end) = fields.period_end {
        period["end"] = json!(fhir_date(end));
    }
    let activities: Vec<Value> = fields.lines.iter().map(|line| json!({ "reference": { "reference": line_url(line.id()) } })).collect();
    let mut resource = json!({
        "resourceType": "CarePlan",
        "id": fields.id.to_string(),
        "identifier": [{ "system": SYSTEM_ENTRY, "value": fields.id.to_string() }],
        "extension": extensions,
        "status": status(fields.status),
        "intent": "plan",
        "category": [concept(CS_PLAN_TYPE, &fields.plan_type.code, &fields.plan_type.label_fr)],
        "title": fields.title,
        "subject": { "reference": patient_url(&fields.subject) },
        "period": period,
    });
    let lists = [
        ("supportingInfo", references(fields.hospital_episodes.iter().map(|stay| encounter_url(fields.id, stay)))),
        ("goal", references(fields.goals.iter().map(goal_url))),
        ("activity", activities),
    ];
    for (name, list) in lists.into_iter().filter(|(_, list)| !list.is_empty()) {
        resource[name] = Value::Array(list);
    }
    resource
}

/// The plan's resources with their full URLs: the `CarePlan` first, then what it references.
pub fn plan_resources(plan: &Plan) -> Vec<(String, Value)> {
    let subject = plan.subject();
    let mut resources = vec![(plan_url(plan), care_plan(plan))];
    resources.extend(plan.lines().iter().map(|line| (line_url(line.id()), service_request(line, subject))));
    resources.extend(plan.goals().iter().map(|g| (goal_url(g), goal(g, subject))));
    resources.extend(plan.hospital_episodes().iter().map(|stay| (encounter_url(plan.id(), stay), encounter(stay, subject))));
    resources
}

/// Who expressed the plan's goals, when it was not the person: they must be in the bundle.
pub fn plan_authors(plan: &Plan) -> impl Iterator<Item = &Author> {
    plan.goals().iter().filter_map(|g| match &g.fields().expressed_by {
        ExpressedBy::Author(author) => Some(author),
        ExpressedBy::Person => None,
    })
}

/// The full URLs a `CarePlan` references for its lines, goals and stays.
pub fn plan_parts(resource: &Value) -> impl Iterator<Item = &str> {
    let activities = list(resource, "activity").iter().map(|a| &a["reference"]);
    list(resource, "supportingInfo").iter().chain(list(resource, "goal")).chain(activities).filter_map(|r| r["reference"].as_str())
}

fn plan_type(resource: &Value) -> Result<PlanType, String> {
    let coding = resource["category"]
        .as_array()
        .and_then(|concepts| concepts.iter().find_map(|c| coding_in(c, CS_PLAN_TYPE)))
        .ok_or("type de plan Relais absent / no Relais plan type")?;
    let code = coding["code"].as_str().unwrap_or_default();
    let cadence = match first(resource, EXT_REVIEW_CADENCE) {
        Some(ext) => cadence(ext)?,
        None => PlanType::default_of(code).map_or(ReviewCadence::OnRequest, |t| t.review_cadence),
    };
    Ok(PlanType { code: code.to_owned(), label_fr: coding["display"].as_str().unwrap_or_default().to_owned(), review_cadence: cadence })
}

fn cadence(extension: &Value) -> Result<ReviewCadence, String> {
    if extension["valueCode"] == "on-request" {
        return Ok(ReviewCadence::OnRequest);
    }
    let duration = &extension["valueDuration"];
    match (duration["code"].as_str(), duration["value"].as_u64().and_then(|v| u8::try_from(v).ok()).and_then(NonZeroU8::new)) {
        (Some("mo"), Some(months)) => Ok(ReviewCadence::Months(months)),
        _ => Err("rythme de révision illisible / unreadable review cadence".to_owned()),
    }
}

fn read_review(extension: &Value) -> Result<Review, String> {
    let field = |name: &str| part(extension, name);
    let due = field("due").and_then(|d| date(&d["valueDate"])).ok_or("révision sans échéance / review without a due date")?;
    let code = field("reason").and_then(|r| r["valueCoding"]["code"].as_str()).unwrap_or_default();
    let reason = ReviewReason::from_code(code).ok_or_else(|| format!("motif de révision inconnu « {code} » / unknown review reason"))?;
    let done = field("done").map_or(Ok(None), |d| optional_date(&d["valueDate"]))?;
    Ok(Review { due, reason, done })
}

fn gir(resource: &Value) -> Result<Option<Gir>, String> {
    first(resource, EXT_GIR)
        .map(|ext| ext["valueInteger"].as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Gir::new).ok_or("GIR invalide / invalid GIR".to_owned()))
        .transpose()
}

/// Each referenced resource read by `read`, in the order of the references.
fn each<'a, T>(
    references: impl Iterator<Item = &'a Value>,
    resolve: &dyn Resolve,
    read: impl Fn(&Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    references
        .map(|reference| resolve.resource(reference).ok_or("référence introuvable dans le Bundle / reference does not resolve".to_owned()).and_then(&read))
        .collect()
}

pub fn read_care_plan(resource: &Value, resolve: &dyn Resolve) -> Result<Plan, String> {
    let draft = PlanDraft {
        id: entry_id(resource)?,
        subject: resolve.subject(&resource["subject"])?,
        plan_type: plan_type(resource)?,
        title: resource["title"].as_str().ok_or("titre du plan absent / no plan title")?.to_owned(),
        status: plan_status(resource["status"].as_str())?,
        period_start: date(&resource["period"]["start"]).ok_or("début du plan absent / no plan start")?,
        period_end: optional_date(&resource["period"]["end"])?,
        gir: gir(resource)?,
        lines: each(list(resource, "activity").iter().map(|a| &a["reference"]), resolve, read_service_request)?,
        goals: each(list(resource, "goal").iter(), resolve, |r| read_goal(r, resolve))?,
        reviews: all(resource, EXT_REVIEW).map(read_review).collect::<Result<_, _>>()?,
        hospital_episodes: each(list(resource, "supportingInfo").iter(), resolve, read_encounter)?,
    };
    Plan::new(draft).map_err(|e| e.to_string())
}
