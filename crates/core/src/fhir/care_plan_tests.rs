//! Plans through FHIR: the R4 shape of each resource, the exact schedule beside `Timing`, and
//! imports that refuse what they cannot read back.

use super::*;
use crate::aggir::{Gir, Variable};
use crate::dump::Dump;
use crate::plan::*;
use crate::recurrence::{End, Schedule};
use crate::{Author, CategoryCatalogue, EntryId, Role, SubjectId};
use chrono::{NaiveDate, NaiveTime};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::num::NonZeroU32;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn id(n: u8) -> EntryId {
    EntryId::v7(1_790_000_000_000 + u64::from(n), [n; 10])
}

fn service(code: &str) -> ServiceType {
    ServiceType::french_defaults().into_iter().find(|s| s.code == code).unwrap()
}

fn line(n: u8, code: &str, schedule: Schedule, price: Price, status: LineStatus) -> ServiceLine {
    ServiceLine::new(ServiceLineDraft {
        id: id(n),
        service: service(code),
        provider: format!("Prestataire {n}"),
        period_start: schedule.dtstart().date(),
        schedule,
        period_end: (n % 2 == 0).then(|| day(2027, 6, 30)),
        payer: Payer::default_of(if n == 3 { PayerKind::Famille } else { PayerKind::Apa }),
        price,
        status,
    })
    .unwrap()
}

fn at(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, 0, 0).unwrap()
}

fn lines() -> Vec<ServiceLine> {
    let start = day(2026, 1, 5);
    let help = Schedule::weekdays_at(start, at(8), 60).unwrap().excluding(day(2026, 1, 6).and_time(at(8)));
    let nursing = Schedule::three_times_a_week(start, at(11), 30).unwrap();
    let rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=12".parse().unwrap();
    let day_care = Schedule::new(start.and_time(at(9)), 420, rule, BTreeSet::new()).unwrap();
    let alarm = Schedule::first_weekday_of_month(start, chrono::Weekday::Mon, at(10), 15).unwrap();
    vec![
        line(1, "aide-a-domicile", help, Price::Hour(Cents(2_450)), LineStatus::Active),
        line(2, "soins-infirmiers", nursing, Price::Visit(Cents(1_590)), LineStatus::Planned),
        line(3, "accueil-de-jour", day_care, Price::Visit(Cents(4_505)), LineStatus::Suspended),
        line(4, "teleassistance", alarm, Price::Visit(Cents(2_990)), LineStatus::Ended),
    ]
}

fn goals(by: &Author) -> Vec<Goal> {
    let toilette = GoalDraft {
        id: id(10),
        title: "Faire sa toilette en sécurité".into(),
        domain: GoalDomain::default_of("vie-quotidienne").unwrap(),
        due: Some(day(2026, 6, 30)),
        status: GoalStatus::Active,
        expected_result: Some("Toilette quotidienne sans chute".into()),
        needs: vec![
            NeedRef::Aggir { variable: Variable::Toilette },
            NeedRef::QuestionnaireItem { questionnaire: "http://relais.example/fhir/Questionnaire/rem".into(), link_id: "avq-toilette".into() },
        ],
        served_by: vec![id(1), id(2)],
        expressed_by: ExpressedBy::Author(by.clone()),
    };
    let outing = GoalDraft {
        id: id(11),
        title: "Rester chez moi et voir du monde".into(),
        domain: GoalDomain::default_of("vie-sociale").unwrap(),
        due: None,
        status: GoalStatus::Achieved,
        expected_result: None,
        needs: Vec::new(),
        served_by: vec![id(3)],
        expressed_by: ExpressedBy::Person,
    };
    let stopped = GoalDraft { id: id(12), status: GoalStatus::NotAchieved, served_by: Vec::new(), ..outing.clone() };
    [toilette, outing, stopped].into_iter().map(|g| Goal::new(g).unwrap()).collect()
}

/// A quarterly projet personnalisé with every kind of line, goal, review and stay.
pub(super) fn sample_plan(subject: &SubjectId) -> Plan {
    let by = Author::new("claire.petit", "Claire Petit", Role::GestionnaireDeCas).unwrap();
    let draft = PlanDraft {
        id: id(0),
        subject: subject.clone(),
        plan_type: PlanType::default_of("projet-personnalise").unwrap(),
        title: "Projet personnalisé 2026".into(),
        status: PlanStatus::Active,
        period_start: day(2026, 1, 5),
        period_end: Some(day(2026, 12, 31)),
        gir: Gir::new(3),
        lines: lines(),
        goals: goals(&by),
        reviews: vec![Review { due: day(2026, 4, 5), reason: ReviewReason::Scheduled, done: Some(day(2026, 4, 9)) }],
        hospital_episodes: vec![
            HospitalEpisode::new(day(2026, 2, 10), Some(day(2026, 2, 17)), "Fracture du poignet").unwrap(),
            HospitalEpisode::new(day(2026, 11, 2), None, "").unwrap(),
        ],
    };
    Plan::new(draft).unwrap().trigger_review(TriggerEvent::Chute, day(2026, 5, 12))
}

fn dump() -> Dump {
    let subject = SubjectId::new("p1").unwrap();
    Dump { plans: vec![sample_plan(&subject)], ..Dump::default() }
}

fn export(dump: &Dump) -> Value {
    export_bundle(dump, &CategoryCatalogue::french_defaults()).unwrap()
}

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == kind).collect()
}

#[test]
fn a_plan_alone_round_trips_with_its_patient_and_authors() {
    let dump = dump();
    let bundle = export(&dump);
    let kinds: Vec<&str> = bundle["entry"].as_array().unwrap().iter().map(|e| e["resource"]["resourceType"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "ServiceRequest").count(), 4);
    assert_eq!(kinds.iter().filter(|k| **k == "Goal").count(), 3);
    assert_eq!(kinds.iter().filter(|k| **k == "Encounter").count(), 2);
    assert!(kinds.contains(&"Patient") && kinds.contains(&"Practitioner"));
    let report = import_bundle(&bundle).unwrap();
    assert_eq!(report.not_mapped, Vec::<String>::new());
    assert_eq!(report.dump, dump);
}

#[test]
fn the_care_plan_uses_r4_codes_and_references_its_parts() {
    let bundle = export(&dump());
    let plan = resources(&bundle, "CarePlan")[0];
    assert_eq!((plan["status"].as_str(), plan["intent"].as_str()), (Some("active"), Some("plan")));
    assert_eq!(plan["category"][0]["coding"][0], json!({ "system": CS_PLAN_TYPE, "code": "projet-personnalise", "display": "Projet personnalisé (SAAD / ESSMS)" }));
    assert_eq!(plan["period"], json!({ "start": "2026-01-05", "end": "2026-12-31" }));
    assert_eq!(plan["activity"].as_array().unwrap().len(), 4);
    assert!(plan["activity"][0]["detail"].is_null(), "an activity has a reference or a detail, never both");
    assert_eq!(plan["goal"].as_array().unwrap().len(), 3);
    assert_eq!(plan["supportingInfo"].as_array().unwrap().len(), 2);
    let extensions = plan["extension"].as_array().unwrap();
    assert_eq!(extensions[0]["valueDuration"], json!({ "value": 3, "unit": "mois", "system": UCUM, "code": "mo" }));
    assert_eq!(extensions[1], json!({ "url": EXT_GIR, "valueInteger": 3 }));
    let reviews: Vec<&Value> = extensions.iter().filter(|e| e["url"] == EXT_REVIEW).collect();
    assert_eq!(reviews.len(), 3, "discharge, scheduled and fall reviews");
    assert_eq!(reviews[0]["extension"][0], json!({ "url": "due", "valueDate": "2026-02-17" }));
    assert_eq!(reviews[0]["extension"][1]["valueCoding"]["code"], "sortie-hospitalisation");
    assert_eq!(reviews[1]["extension"][2], json!({ "url": "done", "valueDate": "2026-04-09" }));
}

#[test]
fn service_requests_carry_status_timing_and_the_exact_rule() {
    let bundle = export(&dump());
    let requests = resources(&bundle, "ServiceRequest");
    let statuses: Vec<&str> = requests.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["active", "draft", "on-hold", "completed"]);
    let help = requests[0];
    assert_eq!(help["intent"], "order");
    assert_eq!(help["code"]["coding"][0]["code"], "aide-a-domicile");
    assert_eq!(help["performer"], json!([{ "display": "Prestataire 1" }]));
    assert_eq!(
        help["occurrenceTiming"]["repeat"],
        json!({ "boundsPeriod": { "start": "2026-01-05" }, "duration": 60, "durationUnit": "min", "frequency": 1, "period": 1,
                "periodUnit": "d", "dayOfWeek": ["mon", "tue", "wed", "thu", "fri"], "timeOfDay": ["08:00:00"] })
    );
    assert_eq!(
        help["extension"][0]["extension"],
        json!([{ "url": "rrule", "valueString": "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR" },
               { "url": "dtstart", "valueString": "20260105T080000" }, { "url": "exdate", "valueString": "20260106T080000" }])
    );
    assert_eq!(help["extension"][2]["extension"][1]["valueMoney"], json!({ "value": 24.5, "currency": "EUR" }));
    let day_care = &requests[2]["occurrenceTiming"]["repeat"];
    assert_eq!((day_care["frequency"].as_u64(), day_care["period"].as_u64(), day_care["periodUnit"].as_str()), (Some(2), Some(2), Some("wk")));
    assert_eq!(day_care["count"], 12);
    let alarm = &requests[3]["occurrenceTiming"]["repeat"];
    assert_eq!((alarm["frequency"].as_u64(), alarm["periodUnit"].as_str()), (Some(1), Some("mo")));
    assert!(alarm["dayOfWeek"].is_null(), "R4 has no ordinal weekday; the RRULE keeps it");
    assert_eq!(alarm["boundsPeriod"]["end"], "2027-06-30");
    assert_eq!(End::Count(NonZeroU32::new(12).unwrap()), dump().plans[0].lines()[2].fields().schedule.rule().end());
}

#[test]
fn goals_and_stays_use_required_codes_and_resolvable_references() {
    let bundle = export(&dump());
    let goals = resources(&bundle, "Goal");
    let lifecycle: Vec<&str> = goals.iter().map(|g| g["lifecycleStatus"].as_str().unwrap()).collect();
    assert_eq!(lifecycle, ["active", "completed", "completed"]);
    assert_eq!(goals[1]["achievementStatus"]["coding"][0]["code"], "achieved");
    assert_eq!(goals[2]["achievementStatus"]["coding"][0]["code"], "not-achieved");
    assert_eq!(goals[0]["description"], json!({ "text": "Faire sa toilette en sécurité" }));
    assert_eq!(goals[0]["target"], json!([{ "dueDate": "2026-06-30" }]));
    assert!(goals.iter().all(|g| g["addresses"].is_null()));
    assert_eq!(goals[0]["extension"][0]["extension"][0]["valueCoding"]["code"], "toilette");
    assert_eq!(goals[1]["expressedBy"], goals[1]["subject"], "expressed by the person");
    let stays = resources(&bundle, "Encounter");
    assert_eq!((stays[0]["status"].as_str(), stays[1]["status"].as_str()), (Some("finished"), Some("in-progress")));
    assert_eq!(stays[0]["class"], json!({ "system": HL7_ACT_CODE, "code": "IMP", "display": "inpatient encounter" }));
    assert_eq!(stays[0]["period"], json!({ "start": "2026-02-10", "end": "2026-02-17" }));
    assert!(stays[1]["reasonCode"].is_null());
    let urls: BTreeSet<&str> = bundle["entry"].as_array().unwrap().iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
    let text = bundle.to_string();
    for reference in text.split("\"reference\":\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]) {
        assert!(urls.contains(reference), "{reference} does not resolve");
    }
}

fn edited(edit: impl FnOnce(&mut Vec<Value>)) -> Vec<String> {
    let mut bundle = export(&dump());
    edit(bundle["entry"].as_array_mut().unwrap());
    import_bundle(&bundle).unwrap().not_mapped
}

fn resource_mut<'a>(entries: &'a mut [Value], kind: &str) -> &'a mut Value {
    &mut entries.iter_mut().find(|e| e["resource"]["resourceType"] == kind).unwrap()["resource"]
}

#[test]
fn imports_refuse_what_they_cannot_read_back() {
    let not_mapped = edited(|entries| resource_mut(entries, "CarePlan")["status"] = json!("unknown"));
    assert!(not_mapped.len() == 1 && not_mapped[0].contains("CarePlan") && not_mapped[0].contains("statut"), "{not_mapped:?}");
    let not_mapped = edited(|entries| {
        let request = resource_mut(entries, "ServiceRequest");
        request["extension"][0]["extension"][0]["valueString"] = json!("FREQ=HOURLY");
    });
    assert!(not_mapped[0].contains("HOURLY"), "{not_mapped:?}");
    let not_mapped = edited(|entries| resource_mut(entries, "Encounter")["period"]["end"] = json!("2026-01-01"));
    assert!(not_mapped[0].contains("sortie"), "{not_mapped:?}");
    let not_mapped = edited(|entries| resource_mut(entries, "CarePlan")["goal"] = json!([]));
    assert!(not_mapped.iter().all(|n| n.contains("Goal") && n.contains("aucun CarePlan")) && not_mapped.len() == 3, "{not_mapped:?}");
    let not_mapped = edited(|entries| resource_mut(entries, "CarePlan")["activity"][0]["reference"]["reference"] = json!("urn:uuid:x"));
    assert!(not_mapped.iter().any(|n| n.contains("CarePlan") && n.contains("introuvable")), "{not_mapped:?}");
    let not_mapped = edited(|entries| resource_mut(entries, "Goal")["target"][0]["dueDate"] = json!("bientôt"));
    assert!(not_mapped[0].contains("date illisible"), "a bad date is not an open one: {not_mapped:?}");
}

#[test]
fn a_foreign_plan_without_relais_extensions_gets_the_default_cadence() {
    let mut bundle = export(&dump());
    let plan = resource_mut(bundle["entry"].as_array_mut().unwrap(), "CarePlan");
    plan["extension"] = json!([]);
    let imported = &import_bundle(&bundle).unwrap().dump.plans[0];
    assert_eq!(imported.fields().plan_type.review_cadence, PlanType::default_of("projet-personnalise").unwrap().review_cadence);
    assert_eq!(imported.fields().gir, None);
    assert_eq!(imported.reviews().len(), 1, "only the discharge review, which a stay always brings");
}
