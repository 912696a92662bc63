//! A questionnaire the host supplies, rendered from what the engine loaded: enableWhen,
//! radios or a select by option count, maxLength, repeating groups and the notice in place
//! of an unsupported item; and the built-in REM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use relais_needs_questionnaire::{NeedsQuestionnaire, QuestionnaireConfig};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const HOST: &str = r#"{
  "resourceType": "Questionnaire", "url": "http://portail.example/q/domicile", "status": "active",
  "title": "Visite à domicile",
  "item": [
    {"linkId": "seul", "type": "boolean", "text": "Vit seul(e)", "required": true},
    {"linkId": "voisin", "type": "string", "text": "Voisin à prévenir", "maxLength": 40,
     "enableWhen": [{"question": "seul", "operator": "=", "answerBoolean": true}]},
    {"linkId": "humeur", "type": "choice", "text": "Humeur", "answerOption": [
      {"valueCoding": {"code": "bonne", "display": "Bonne"}},
      {"valueCoding": {"code": "triste", "display": "Triste"}}]},
    {"linkId": "douleur", "type": "choice", "text": "Douleur", "answerOption": [
      {"valueInteger": 0}, {"valueInteger": 1}, {"valueInteger": 2},
      {"valueInteger": 3}, {"valueInteger": 4}, {"valueInteger": 5}]},
    {"linkId": "aidants", "type": "group", "text": "Aidant", "repeats": true, "item": [
      {"linkId": "aidant-nom", "type": "string", "text": "Nom de l'aidant"}]},
    {"linkId": "photo", "type": "attachment", "text": "Photo du logement"}
  ]
}"#;

fn mount(tenant: &str) -> (HtmlElement, impl Sized) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let config = QuestionnaireConfig::from_attributes(Some(tenant), "p1", "u1", "Nadia Roux", "gestionnaire-de-cas", None)
        .unwrap()
        .with_host_questionnaire(HOST)
        .unwrap();
    let handle = mount_to(host.clone(), move || view! { <NeedsQuestionnaire config=config /> });
    (host, handle)
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn wait_until_open(root: &HtmlElement) {
    for _ in 0..100 {
        if root.query_selector(".progress").unwrap().is_some() {
            return;
        }
        sleep(20).await;
    }
    panic!("the questionnaire did not open");
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn click(root: &HtmlElement, selector: &str) {
    root.query_selector(selector).unwrap().unwrap().unchecked_into::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn host_items_render_by_type_and_follow_enable_when() {
    let (root, _handle) = mount(&format!("t-{}", js_sys::Math::random()));
    wait_until_open(&root).await;

    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Visite à domicile");
    assert_eq!(count(&root, "[data-slot=\"voisin#0\"]"), 0, "hidden until 'seul' is yes");
    click(&root, "[data-slot=\"seul#0\"]");
    leptos::task::tick().await;
    let voisin: HtmlInputElement = root.query_selector("[data-slot=\"voisin#0\"]").unwrap().unwrap().unchecked_into();
    assert_eq!(voisin.get_attribute("maxlength").as_deref(), Some("40"));
    let label = root.query_selector(&format!("label[for=\"{}\"]", voisin.id())).unwrap().unwrap();
    assert_eq!(label.text_content().unwrap(), "Voisin à prévenir");

    let humeur = root.query_selector("[data-slot=\"humeur#0\"]").unwrap().unwrap();
    assert_eq!(humeur.get_attribute("type").as_deref(), Some("radio"), "two options: radios");
    let douleur = root.query_selector("[data-slot=\"douleur#0\"]").unwrap().unwrap();
    assert_eq!(douleur.tag_name(), "SELECT", "six options: a select");

    let notice = root.query_selector(".unsupported").unwrap().unwrap().text_content().unwrap();
    assert!(notice.contains("Photo du logement") && notice.contains("attachment"), "{notice}");
}

#[wasm_bindgen_test]
async fn a_repeating_group_adds_and_removes_instances() {
    let (root, _handle) = mount(&format!("t-{}", js_sys::Math::random()));
    wait_until_open(&root).await;
    assert_eq!(count(&root, "[data-link-id=aidants]"), 1);
    click(&root, ".repeats button.add");
    leptos::task::tick().await;
    assert_eq!(count(&root, "[data-link-id=aidants]"), 2);
    assert_eq!(count(&root, "[data-slot=\"aidant-nom#1\"]"), 1, "the new instance has its own slot");
    click(&root, ".repeats button.remove");
    leptos::task::tick().await;
    assert_eq!(count(&root, "[data-link-id=aidants]"), 1);
}

#[wasm_bindgen_test]
fn an_unreadable_host_questionnaire_is_refused_with_its_problems() {
    let config = QuestionnaireConfig::from_attributes(None, "p1", "u1", "Nadia Roux", "gestionnaire-de-cas", None).unwrap();
    let error = config.with_host_questionnaire(r#"{"resourceType": "Patient"}"#).unwrap_err();
    assert!(error.to_string().contains("questionnaire fourni invalide"), "{error}");
}

#[wasm_bindgen_test]
async fn the_rem_opens_with_its_twelve_dimensions() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let tenant = format!("t-{}", js_sys::Math::random());
    let config =
        QuestionnaireConfig::from_attributes(Some(&tenant), "p1", "u1", "Nadia Roux", "gestionnaire-de-cas", Some("rem"))
            .unwrap();
    let _handle = mount_to(host.clone(), move || view! { <NeedsQuestionnaire config=config /> });
    wait_until_open(&host).await;
    let title = host.query_selector("h1").unwrap().unwrap().text_content().unwrap();
    assert!(title.starts_with("Référentiel d'évaluation multidimensionnelle"), "{title}");
    let legends = host.query_selector_all(".items > fieldset.group > legend").unwrap();
    assert_eq!(legends.length(), 12);
    assert!(host.query_selector(".aggir-result").unwrap().is_none(), "no GIR box outside the grid");
}
