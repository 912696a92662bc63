//! What the element hands the widget: attributes checked once (GIR 1–6), a host plan about
//! this person only, needs proposals in both shapes, and amounts written the French way.
#![cfg(target_arch = "wasm32")]

use relais_plan_timeline::{euros_fr, proposals_from_json, PlanConfig, PlanConfigError};
use relais_core::plan::Cents;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn config(gir: Option<&str>) -> Result<PlanConfig, PlanConfigError> {
    PlanConfig::from_attributes(Some("demo"), "usager-1", "u1", "Claire Petit", "gestionnaire-de-cas", gir)
}

#[wasm_bindgen_test]
fn the_gir_is_one_to_six_and_a_relative_reads_only() {
    assert_eq!(config(Some("3")).unwrap().gir.map(|g| g.number()), Some(3));
    assert_eq!(config(Some(" ")).unwrap().gir, None);
    assert!(matches!(config(Some("7")), Err(PlanConfigError::Gir(_))));
    assert!(!config(None).unwrap().is_family());
    let relative = PlanConfig::from_attributes(None, "usager-1", "m1", "Marc", "proche-aidant", None).unwrap();
    assert!(relative.is_family());
}

#[wasm_bindgen_test]
fn a_host_plan_must_be_about_this_person() {
    let json = include_str!("../../../demo/plan-demo.json");
    let other = PlanConfig::from_attributes(None, "usager-jeanne-dupont", "u1", "Claire", "gestionnaire-de-cas", None).unwrap();
    assert!(other.with_seed(json).unwrap().seed.is_some());
    assert!(matches!(config(None).unwrap().with_seed(json), Err(PlanConfigError::Seed(_))));
    assert!(matches!(config(None).unwrap().with_seed("{}"), Err(PlanConfigError::Seed(_))));
}

#[wasm_bindgen_test]
fn the_endpoint_is_an_http_address_or_the_plan_stays_here() {
    assert_eq!(config(None).unwrap().endpoint, None);
    let synced = config(None).unwrap().with_endpoint(Some("https://portail.example/api/relais")).unwrap();
    assert_eq!(synced.endpoint.as_deref(), Some("https://portail.example/api/relais"));
    assert!(matches!(config(None).unwrap().with_endpoint(Some("javascript:alert(1)")), Err(PlanConfigError::Endpoint(_))));
}

#[wasm_bindgen_test]
fn needs_come_as_labels_or_as_core_proposals() {
    let simple = r#"[{"label": "Aide au lever", "domain": "vie-quotidienne", "variable": "transferts"}, {"label": " "}, 3]"#;
    let proposals = proposals_from_json(simple).unwrap();
    assert_eq!(proposals.len(), 1, "a blank label and a non-object are left out");
    let core = r#"[{"need": {"kind": "aggir", "variable": "toilette"}, "title": "Aide à la toilette",
        "domain": {"code": "vie-quotidienne", "label_fr": "Actes de la vie quotidienne"},
        "service": {"code": "aide-a-domicile", "label_fr": "Aide à domicile", "tax_credit_eligible": true}, "reason": "Toilette : C"}]"#;
    let proposals = proposals_from_json(core).unwrap();
    assert_eq!(proposals[0].label, "Aide à la toilette");
    assert_eq!(proposals[0].service.as_ref().map(|s| s.code.as_str()), Some("aide-a-domicile"));
    assert!(proposals_from_json("{").is_err());
}

#[wasm_bindgen_test]
fn amounts_read_in_french() {
    assert_eq!(euros_fr(Cents(114_309)), "1\u{202f}143,09 €");
    assert_eq!(euros_fr(Cents(-550)), "-5,50 €");
    assert_eq!(euros_fr(Cents(0)), "0,00 €");
}
