//! Which answers become proposed goals, and what the host receives for them.

use super::aggir_form_tests::{answer, filled};
use super::aggir_items::GridActivity;
use super::proposed_needs::{needs_json, proposed_needs};
use super::*;
use crate::aggir::{Code, IllustrativeVariable, Profile, Variable};
use crate::plan::NeedRef;
use serde_json::json;

fn option(form: &Form, link_id: &str, code: &str) -> AnswerValue {
    let questionnaire = form.questionnaire();
    let item = questionnaire.item(questionnaire.find(link_id).unwrap());
    item.kind.options().iter().find(|o| matches!(o, AnswerValue::Coding(c) if c.code == code)).unwrap().clone()
}

#[test]
fn aggir_variables_coded_b_or_c_become_goals_and_a_does_not() {
    // cohérence A, orientation A, toilette B, habillage B, alimentation A, élimination A,
    // transferts C, intérieur A, extérieur B, alerter C.
    let grid = filled(Profile::parse("AABBAACABC").unwrap());
    let needs = proposed_needs(grid.form());
    let keys: Vec<String> = needs.iter().map(|n| n.key()).collect();
    assert_eq!(
        keys,
        ["aggir:toilette", "aggir:habillage", "aggir:transferts", "aggir:deplacements-exterieur", "aggir:alerter"]
    );
    let toilette = &needs[0];
    assert_eq!(toilette.title, "Aide à la toilette");
    assert_eq!(toilette.reason, "Toilette : B");
    assert_eq!(toilette.domain.code, "vie-quotidienne");
    assert_eq!(toilette.service.code, "aide-a-domicile");
    assert_eq!(toilette.need, NeedRef::Aggir { variable: Variable::Toilette });
    assert_eq!(needs[4].service.code, "teleassistance", "alerter C → téléassistance");
    assert!(proposed_needs(filled(Profile::parse("AAAAAAAAAA").unwrap()).form()).is_empty());
}

#[test]
fn illustrative_variables_propose_goals_too_without_touching_the_gir() {
    let mut grid = filled(Profile::parse("AAAAAAAAAA").unwrap());
    answer(&mut grid, GridActivity::Illustrative(IllustrativeVariable::Menage), Code::C);
    let needs = proposed_needs(grid.form());
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].title, "Aide au ménage");
    assert_eq!(needs[0].reason, "Ménage : C");
    let menage = GridActivity::Illustrative(IllustrativeVariable::Menage).link_id();
    assert!(matches!(&needs[0].need, NeedRef::QuestionnaireItem { link_id, .. } if *link_id == menage));
}

#[test]
fn rem_needs_caregiver_exhaustion_and_falls_are_proposed_once_each() {
    let mut form = Form::new(builtin::rem());
    form.set("aidant-present", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    form.set("aidant-epuisement", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    form.set("actes-chute", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    let besoins = vec![option(&form, "synthese-besoins", "repas"), option(&form, "synthese-besoins", "repit-aidant")];
    form.set("synthese-besoins", 0, besoins).unwrap();
    let titles: Vec<String> = proposed_needs(&form).into_iter().map(|n| n.title).collect();
    assert_eq!(
        titles,
        ["Soutien et répit du proche aidant épuisé", "Prévenir les chutes", "Portage ou préparation des repas", "Répit du proche aidant"]
    );

    form.set("aidant-present", 0, vec![AnswerValue::Boolean(false)]).unwrap();
    let titles: Vec<String> = proposed_needs(&form).into_iter().map(|n| n.title).collect();
    assert!(!titles.iter().any(|t| t.contains("épuisé")), "a hidden answer flags nothing: {titles:?}");
}

#[test]
fn a_host_questionnaire_proposes_nothing_and_the_wire_shape_is_stable() {
    let host = load(r#"{"resourceType":"Questionnaire","status":"active","url":"http://host.example/q","item":[{"linkId":"a","type":"boolean","text":"A"}]}"#)
        .unwrap()
        .questionnaire;
    assert!(proposed_needs(&Form::new(host)).is_empty());
    let grid = filled(Profile::parse("AABAAAAAAA").unwrap());
    let json: serde_json::Value = serde_json::from_str(&needs_json(&proposed_needs(grid.form()))).unwrap();
    assert_eq!(
        json,
        json!([{
            "need": {"kind": "aggir", "variable": "toilette"},
            "title": "Aide à la toilette",
            "domain": {"code": "vie-quotidienne", "label_fr": "Actes de la vie quotidienne"},
            "service": {"code": "aide-a-domicile", "label_fr": "Aide à domicile", "tax_credit_eligible": true},
            "reason": "Toilette : B"
        }])
    );
}
