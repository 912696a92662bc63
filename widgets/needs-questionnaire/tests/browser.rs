//! The needs questionnaire in a real browser: the AGGIR grid coded through its adverbs gives
//! the expected codes and GIR, "ne fait pas" hides the adverbs, a draft survives a remount,
//! and finalising refuses while required answers are missing.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use relais_core::questionnaire::aggir_items::{Answer, GridActivity};
use relais_core::aggir::Variable;
use relais_core::SubjectId;
use relais_needs_questionnaire::{NeedsQuestionnaire, QuestionnaireConfig};
use relais_store::Store;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to two seconds for `ready`, since IndexedDB answers asynchronously.
async fn wait_for(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn unique(label: &str) -> String {
    format!("{label}-{}", js_sys::Math::random())
}

fn mount(subject: &str, tenant: &str) -> (HtmlElement, impl Sized) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let config =
        QuestionnaireConfig::from_attributes(Some(tenant), subject, "u1", "Nadia Roux", "coordinateur-autonomie", Some("aggir"))
            .unwrap();
    let handle = mount_to(host.clone(), move || view! { <NeedsQuestionnaire config=config /> });
    (host, handle)
}

async fn mount_open(subject: &str, tenant: &str) -> (HtmlElement, impl Sized) {
    let (root, handle) = mount(subject, tenant);
    wait_for("the open questionnaire", || root.query_selector(".progress").unwrap().is_some()).await;
    (root, handle)
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap()
}

/// The "Oui" (first) or "Non" (second) radio of a boolean question, if it is shown.
fn radio(root: &HtmlElement, link_id: &str, yes: bool) -> Option<HtmlInputElement> {
    let first = root.query_selector(&format!("[data-slot=\"{link_id}#0\"]")).unwrap()?;
    let group = first.closest("fieldset").unwrap().unwrap();
    let radios = group.query_selector_all("input[type=radio]").unwrap();
    Some(radios.item(if yes { 0 } else { 1 }).unwrap().unchecked_into())
}

async fn answer(root: &HtmlElement, link_id: &str, yes: bool) {
    radio(root, link_id, yes).unwrap_or_else(|| panic!("{link_id} is not shown")).click();
    leptos::task::tick().await;
}

/// Codes one activity the way the guide teaches: "ne fait pas", or the four adverbs.
async fn code(root: &HtmlElement, activity: GridActivity, adverbs: Option<[bool; 4]>) {
    answer(root, &activity.answer_link_id(Answer::NeFaitPas), adverbs.is_none()).await;
    for (adverb, yes) in Answer::ADVERBS.into_iter().zip(adverbs.unwrap_or_default()) {
        if adverbs.is_some() {
            answer(root, &activity.answer_link_id(adverb), yes).await;
        }
    }
}

/// Profile AAAAAACBAA: transferts not done at all (C), moving indoors not habitually (B).
async fn fill_known_profile(root: &HtmlElement) {
    for activity in GridActivity::discriminant().chain(GridActivity::illustrative()) {
        let adverbs = match activity {
            GridActivity::Variable(Variable::Transferts) => None,
            GridActivity::Variable(Variable::DeplacementsInterieur) => Some([true, true, true, false]),
            _ => Some([true; 4]),
        };
        code(root, activity, adverbs).await;
    }
}

#[wasm_bindgen_test]
async fn a_grid_coded_through_the_adverbs_shows_its_codes_and_gir() {
    let (root, _handle) = mount_open("p1", &unique("t")).await;
    assert!(text(&root, ".gir").contains("pas encore complète"));
    fill_known_profile(&root).await;

    assert_eq!(text(&root, ".gir"), "GIR 5");
    assert!(text(&root, ".explanation").contains("groupe H"), "{}", text(&root, ".explanation"));
    assert!(text(&root, ".explanation").contains("2000 ≥ seuil 2000"));
    let code_of = |variable: &str| text(&root, &format!("[data-variable={variable}]"));
    assert!(code_of("transferts").ends_with(": C"));
    assert!(code_of("deplacements-interieur").ends_with(": B"));
    assert!(code_of("coherence").ends_with(": A"));
    let legend_code = root.query_selector("[data-link-id=transferts] > legend .code").unwrap().unwrap();
    assert_eq!(legend_code.get_attribute("data-code").as_deref(), Some("C"));
    assert!(text(&root, ".apa-warning").contains("GIR 4/5"), "GIR 5 sits next to the APA line");
    assert!(text(&root, ".aggir-result").contains("ne changent pas le GIR"));
}

#[wasm_bindgen_test]
async fn ne_fait_pas_hides_the_adverbs() {
    let (root, _handle) = mount_open("p1", &unique("t")).await;
    let activity = GridActivity::Variable(Variable::Transferts);
    let adverb = activity.answer_link_id(Answer::Spontanement);
    assert!(radio(&root, &adverb, true).is_some());
    answer(&root, &activity.answer_link_id(Answer::NeFaitPas), true).await;
    assert!(radio(&root, &adverb, true).is_none(), "the adverbs are not rendered");
    answer(&root, &activity.answer_link_id(Answer::NeFaitPas), false).await;
    assert!(radio(&root, &adverb, true).is_some());
}

#[wasm_bindgen_test]
async fn a_draft_survives_a_remount_with_its_progress() {
    let tenant = unique("t");
    let (root, handle) = mount_open("p2", &tenant).await;
    let link_id = GridActivity::Variable(Variable::Alerter).answer_link_id(Answer::NeFaitPas);
    answer(&root, &link_id, true).await;
    let progress = text(&root, ".progress");
    let store = Store::open(&tenant, "u1").await.unwrap();
    let subject = SubjectId::new("p2").unwrap();
    for _ in 0..100 {
        if !store.evaluations_for(&subject).await.unwrap().is_empty() {
            break;
        }
        sleep(20).await;
    }
    drop(handle);
    root.remove();

    let (root, _handle) = mount_open("p2", &tenant).await;
    assert!(radio(&root, &link_id, true).unwrap().checked(), "the answer is back");
    assert_eq!(text(&root, ".progress"), progress);
    assert!(progress.contains("réponses données : 1 "), "{progress}");
}

#[wasm_bindgen_test]
async fn finalising_refuses_missing_answers_and_focuses_the_first() {
    let tenant = unique("t");
    let (root, _handle) = mount_open("p3", &tenant).await;
    root.query_selector("button.primary").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    leptos::task::tick().await;

    let missing = root.query_selector_all(".missing li").unwrap();
    assert!(missing.length() > 17, "every missing required answer is listed");
    assert!(text(&root, ".missing li").starts_with("Communication — Spontanément"), "{}", text(&root, ".missing li"));
    let focused = document().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-slot").as_deref(),
        Some("coherence.communication.spontanement#0")
    );

    fill_known_profile(&root).await;
    root.query_selector("button.primary").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    leptos::task::tick().await;
    assert!(text(&root, ".finalized").contains("Nadia Roux"));
    let store = Store::open(&tenant, "u1").await.unwrap();
    let subject = SubjectId::new("p3").unwrap();
    wait_for_final(&store, &subject).await;
}

async fn wait_for_final(store: &Store, subject: &SubjectId) {
    for _ in 0..100 {
        let stored = store.evaluations_for(subject).await.unwrap();
        if let Some(done) = stored.iter().find(|e| e.is_final()) {
            assert_eq!(done.gir().map(|g| g.number()), Some(5));
            assert_eq!(done.author().name(), "Nadia Roux");
            return;
        }
        sleep(20).await;
    }
    panic!("no final version stored");
}
