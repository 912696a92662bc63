//! Export/import round trips and the validity rules the exported bundle must keep.

use super::*;
use crate::dump::Dump;
use crate::{
    Acknowledgement, Author, CareCircle, CategoryCatalogue, CategoryId, EntryId, EntryLink, Member, Person,
    Role, SubjectId, Timestamp, Transmission, TransmissionDraft, Urgency,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn author(id: &str, role: Role) -> Author {
    Author::new(id, &format!("Nom {id}"), role).unwrap()
}

fn entry(subject: &str, by: &Author, text: &str, ms: i64, link: EntryLink, vigilance: bool) -> Transmission {
    let mut draft = TransmissionDraft::new(CategoryId::new("sante-douleur"), Urgency::Alerte, text);
    draft.link = link;
    draft.vigilance = vigilance;
    Transmission::create(
        &draft,
        SubjectId::new(subject).unwrap(),
        by.clone(),
        &CategoryCatalogue::french_defaults(),
        Timestamp::from_unix_ms(ms),
        [ms as u8; 10],
    )
    .unwrap()
}

/// A finalised AGGIR evaluation where the person "ne fait pas" any activity (GIR 1).
fn evaluation(subject: &SubjectId, by: &Author) -> crate::questionnaire::evaluation::Evaluation {
    use crate::questionnaire::aggir_form::AggirForm;
    use crate::questionnaire::aggir_items::{Answer, GridActivity};
    use crate::questionnaire::evaluation::Evaluation;
    use crate::questionnaire::AnswerValue;
    let mut grid = AggirForm::new();
    for activity in GridActivity::discriminant() {
        grid.set(&activity.answer_link_id(Answer::NeFaitPas), 0, vec![AnswerValue::Boolean(true)]).unwrap();
    }
    let id = crate::EntryId::v7(1_700_000_300_000, [9; 10]);
    let draft = Evaluation::draft(id, subject.clone(), by.clone(), Timestamp::from_unix_ms(1_700_000_300_000), grid.form());
    draft.finalize(grid.form(), Timestamp::from_unix_ms(1_700_000_400_000)).unwrap()
}

fn sample() -> Dump {
    let aide = author("aline", Role::AideADomicile);
    let fille = author("sophie", Role::ProcheAidant);
    let first = entry("p1", &aide, "Douleur au genou", 1_700_000_000_123, EntryLink::None, true);
    let reply = entry("p1", &fille, "Merci, j'appelle le médecin", 1_700_000_100_000, EntryLink::ReplyTo(first.id), false);
    let fix = entry("p1", &aide, "Douleur au genou gauche", 1_700_000_200_000, EntryLink::Corrects(first.id), false);
    let subject = SubjectId::new("p1").unwrap();
    Dump {
        people: vec![Person {
            id: subject.clone(),
            given_name: "Jeanne".into(),
            family_name: "Dupont".into(),
            birth_date: chrono::NaiveDate::from_ymd_opt(1936, 4, 2),
            ins: None,
        }],
        plans: vec![super::care_plan_tests::sample_plan(&subject)],
        evaluations: vec![evaluation(&subject, &author("claire", Role::GestionnaireDeCas))],
        care_circles: vec![CareCircle::new(
            subject,
            vec![
                Member { actor: aide.clone(), organisation: Some("SAAD Les Tilleuls".into()) },
                Member { actor: fille.clone(), organisation: None },
            ],
        )
        .unwrap()],
        acknowledgements: vec![Acknowledgement { entry: first.id, by: fille, at: Timestamp::from_unix_ms(1_700_000_050_000) }],
        transmissions: vec![first, reply, fix],
        ..Dump::default()
    }
}

fn export(dump: &Dump) -> Value {
    export_bundle(dump, &CategoryCatalogue::french_defaults()).unwrap()
}

#[test]
fn export_then_import_gives_back_equal_values() {
    let dump = sample();
    let report = import_bundle(&export(&dump)).unwrap();
    assert_eq!(report.not_mapped, Vec::<String>::new());
    assert_eq!(report.dump, dump);
    assert_eq!(report.dump.evaluations[0].gir().map(|g| g.number()), Some(1));
}

#[test]
fn every_literal_reference_resolves_inside_the_bundle() {
    let bundle = export(&sample());
    let urls: BTreeSet<&str> = bundle["entry"].as_array().unwrap().iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
    fn references(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("reference") {
                    out.push(r.clone());
                }
                map.values().for_each(|v| references(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| references(v, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    references(&bundle, &mut found);
    assert!(found.len() > 10);
    for reference in found {
        assert!(urls.contains(reference.as_str()), "{reference} does not resolve");
    }
}

#[test]
fn resources_carry_the_r4_required_elements() {
    let bundle = export(&sample());
    assert_eq!((bundle["resourceType"].as_str(), bundle["type"].as_str()), (Some("Bundle"), Some("collection")));
    for e in bundle["entry"].as_array().unwrap() {
        let r = &e["resource"];
        match r["resourceType"].as_str().unwrap() {
            "Communication" => {
                assert!(["completed", "entered-in-error"].contains(&r["status"].as_str().unwrap()));
                assert!(r["sent"].as_str().unwrap().ends_with('Z'));
            }
            "Task" => {
                assert_eq!((r["status"].as_str(), r["intent"].as_str()), (Some("completed"), Some("order")));
            }
            "RelatedPerson" => assert!(r["patient"]["reference"].is_string()),
            "CarePlan" => {
                assert!(["draft", "active", "on-hold", "revoked", "completed"].contains(&r["status"].as_str().unwrap()));
                assert_eq!(r["intent"], "plan");
                assert!(r["subject"]["reference"].is_string());
            }
            "ServiceRequest" => {
                assert!(["draft", "active", "on-hold", "revoked", "completed"].contains(&r["status"].as_str().unwrap()));
                assert_eq!(r["intent"], "order");
                assert!(r["subject"]["reference"].is_string());
            }
            "Goal" => {
                let lifecycle = ["proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "rejected"];
                assert!(lifecycle.contains(&r["lifecycleStatus"].as_str().unwrap()));
                assert!(r["description"]["text"].is_string() && r["subject"]["reference"].is_string());
            }
            "Encounter" => {
                assert!(["in-progress", "finished"].contains(&r["status"].as_str().unwrap()));
                assert_eq!((r["class"]["system"].as_str(), r["class"]["code"].as_str()), (Some(HL7_ACT_CODE), Some("IMP")));
            }
            "QuestionnaireResponse" => {
                assert_eq!(r["status"], "completed");
                assert!(r["authored"].as_str().unwrap().ends_with('Z'));
                assert!(r["questionnaire"].as_str().unwrap().contains("aggir|"));
            }
            "CareTeam" | "Patient" | "Practitioner" => {}
            other => panic!("unexpected {other}"),
        }
    }
}

#[test]
fn corrections_mark_the_original_and_replies_point_at_it() {
    let dump = sample();
    let bundle = export(&dump);
    let communication = |id: EntryId| {
        bundle["entry"].as_array().unwrap().iter().find(|e| e["resource"]["id"] == id.to_string()).unwrap()["resource"].clone()
    };
    let original = communication(dump.transmissions[0].id);
    assert_eq!(original["status"], "entered-in-error");
    assert_eq!(original["priority"], "asap");
    assert_eq!(original["extension"][0], json!({ "url": EXT_VIGILANCE, "valueBoolean": true }));
    let reply = communication(dump.transmissions[1].id);
    assert_eq!(reply["status"], "completed");
    assert_eq!(reply["inResponseTo"][0]["reference"], format!("urn:uuid:{}", dump.transmissions[0].id));
    let fix = communication(dump.transmissions[2].id);
    assert_eq!(fix["extension"][0]["url"], EXT_CORRECTION);
}

#[test]
fn a_link_to_an_entry_outside_the_dump_is_a_logical_reference() {
    let mut dump = sample();
    dump.transmissions.remove(0);
    dump.acknowledgements.clear();
    let bundle = export(&dump);
    let reply = &bundle["entry"].as_array().unwrap().iter().find(|e| e["resource"]["resourceType"] == "Communication").unwrap()["resource"];
    assert_eq!(reply["inResponseTo"][0]["identifier"]["system"], SYSTEM_ENTRY);
    assert_eq!(import_bundle(&bundle).unwrap().dump, dump);
}

#[test]
fn acknowledging_an_entry_missing_from_the_dump_is_an_error() {
    let mut dump = sample();
    let acked = dump.transmissions.remove(0).id;
    assert_eq!(export_bundle(&dump, &CategoryCatalogue::french_defaults()), Err(FhirError::UnknownEntry(acked)));
}

#[test]
fn import_reports_what_it_cannot_map_and_keeps_the_rest() {
    let mut bundle = export(&sample());
    let entries = bundle["entry"].as_array_mut().unwrap();
    entries.push(json!({ "fullUrl": "urn:uuid:0", "resource": { "resourceType": "Observation", "status": "final" } }));
    let broken = entries.iter_mut().find(|e| e["resource"]["resourceType"] == "Communication").unwrap();
    broken["resource"]["sent"] = json!("2026-11-23T07:11:00");
    let report = import_bundle(&bundle).unwrap();
    assert_eq!(report.dump.transmissions.len(), 2);
    assert_eq!(report.not_mapped.len(), 2, "{:?}", report.not_mapped);
    assert!(report.not_mapped.iter().any(|n| n.contains("Communication") && n.contains("fuseau")));
    assert!(report.not_mapped.iter().any(|n| n.contains("Observation")));
    assert_eq!(import_bundle(&json!({ "resourceType": "Patient" })), Err(FhirError::NotABundle("Patient".into())));
}
