//! The component in a real browser: mount, type, save, list, refuse empty text.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use relais_liaison_book::{BookConfig, LiaisonBook};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

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

/// The book is open once it says it has no entries yet.
async fn wait_until_open(root: &HtmlElement) {
    wait_for("the empty book", || texts(root, ".notice").iter().any(|t| t.contains("Aucune"))).await;
}

fn mount(subject: &str, tenant: &str) -> (HtmlElement, impl Sized) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let config = BookConfig::from_attributes(Some(tenant), subject, "u1", "Aline Martin", "aide-a-domicile").unwrap();
    let handle = mount_to(host.clone(), move || view! { <LiaisonBook config=config /> });
    (host, handle)
}

fn query<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap()).collect()
}

fn type_text(root: &HtmlElement, value: &str) {
    let area: HtmlTextAreaElement = query(root, "textarea");
    area.set_value(value);
    area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn unique(label: &str) -> String {
    format!("{label}-{}", js_sys::Math::random())
}

#[wasm_bindgen_test]
async fn saving_lists_the_transmission_newest_first_with_its_details() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    let label: HtmlElement = query(&root, "label");
    assert_eq!(label.text_content().unwrap(), "Nouvelle transmission");
    let area: HtmlTextAreaElement = query(&root, "textarea");
    assert_eq!(label.get_attribute("for").unwrap(), area.id());

    type_text(&root, "Repas pris en entier");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    wait_for("the first entry", || texts(&root, ".entry .text").len() == 1).await;
    type_text(&root, "<img src=x onerror=alert(1)>");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    wait_for("the second entry", || texts(&root, ".entry .text").len() == 2).await;

    assert_eq!(texts(&root, ".entry .text"), ["<img src=x onerror=alert(1)>", "Repas pris en entier"]);
    assert!(root.query_selector(".entry img").unwrap().is_none());
    assert_eq!(texts(&root, ".entry .author")[0], "Aline Martin");
    assert_eq!(texts(&root, ".entry .role")[0], "Aide à domicile");
    assert_eq!(texts(&root, ".entry .category")[0], "Passage / tâches réalisées");
    assert_eq!(area.value(), "", "the composer is cleared after saving");
    assert!(texts(&root, ".message")[0].contains("enregistrée"));
}

#[wasm_bindgen_test]
async fn whitespace_only_text_is_refused_with_an_announced_reason() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    type_text(&root, "   \n ");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    leptos::task::tick().await;
    let message: HtmlElement = query(&root, ".message");
    assert!(message.text_content().unwrap().contains("vide"), "{:?}", message.text_content());
    assert_eq!(message.get_attribute("role").as_deref(), Some("status"));
    let button: HtmlElement = query(&root, "button[type=submit]");
    assert_eq!(button.get_attribute("aria-describedby").unwrap(), message.id());
    assert_eq!(query::<HtmlElement>(&root, "textarea").get_attribute("aria-invalid").as_deref(), Some("true"));
    sleep(50).await;
    assert!(texts(&root, ".entry").is_empty(), "nothing was written");
}

#[wasm_bindgen_test]
async fn chosen_category_and_urgency_are_saved() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    let selects = root.query_selector_all("select").unwrap();
    for (i, value) in [(0, "mobilite-chute"), (1, "alerte")] {
        let select: web_sys::HtmlSelectElement = selects.item(i).unwrap().unchecked_into();
        select.set_value(value);
        select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    }
    type_text(&root, "Chute dans la salle de bain, relevée seule");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;
    assert_eq!(texts(&root, ".entry .category")[0], "Mobilité & chute");
    assert_eq!(texts(&root, ".entry .urgency")[0], "Alerte");
}

fn click_button(root: &HtmlElement, text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap().trim() == text)
        .unwrap_or_else(|| panic!("no button {text}"));
    button.click();
}

fn select(root: &HtmlElement, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = query(root, selector);
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn a_quick_note_then_one_press_saves_it() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    click_button(&root, "Repas non pris");
    click_button(&root, "Enregistrer");
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;
    assert_eq!(texts(&root, ".entry .text"), ["Repas non pris."]);
    assert_eq!(texts(&root, ".entry .category"), ["Alimentation & hydratation"]);
    assert_eq!(texts(&root, ".entry .urgency"), ["À surveiller"]);
}

#[wasm_bindgen_test]
async fn my_vigilance_point_stays_pinned_until_someone_acknowledges_it() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    click_button(&root, "Chute");
    type_text(&root, "Chute dans la salle de bain, relevée seule");
    click_button(&root, "Enregistrer");
    wait_for("the pinned point", || texts(&root, ".pinned-entry").len() == 1).await;
    assert!(texts(&root, ".pinned-entry .acks")[0].contains("Personne"));
    assert_eq!(texts(&root, ".entry .badge.vigilance").len(), 1);
    assert!(root.query_selector(".pinned-entry .acknowledge").unwrap().is_none(), "the author does not acknowledge their own point");
}

#[wasm_bindgen_test]
async fn acknowledging_someone_elses_point_unpins_it_and_names_who_did() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    let mut draft = relais_core::TransmissionDraft::new(relais_core::CategoryId::new("mobilite-chute"), relais_core::Urgency::Alerte, "Chute hier soir");
    draft.vigilance = true;
    let nurse = relais_core::Author::new("n1", "Nadia Roux", relais_core::Role::InfirmierLiberal).unwrap();
    let written = relais_core::Transmission::create(
        &draft,
        relais_core::SubjectId::new("p1").unwrap(),
        nurse,
        &relais_core::CategoryCatalogue::french_defaults(),
        relais_core::Timestamp::from_unix_ms(js_sys::Date::now() as i64 - 60_000),
        [3; 10],
    )
    .unwrap();
    store.add_transmission(&written).await.unwrap();
    store.close();

    let (root, _handle) = mount("p1", &tenant);
    wait_for("the pinned point", || texts(&root, ".pinned-entry").len() == 1).await;
    click_button(&root, "Pris en compte");
    wait_for("the point to leave the pin", || texts(&root, ".pinned-entry").is_empty()).await;
    assert_eq!(texts(&root, ".entry .text"), ["Chute hier soir"]);
    assert_eq!(texts(&root, ".entry .acks"), ["Pris en compte par : Aline Martin"]);
}

#[wasm_bindgen_test]
async fn a_reply_points_at_its_entry_and_a_correction_marks_the_original() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    type_text(&root, "Pas de selles depuis 3 jours");
    click_button(&root, "Enregistrer");
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;

    click_button(&root, "Répondre");
    wait_for("the reply banner", || texts(&root, ".mode").len() == 1).await;
    type_text(&root, "Vu avec l'infirmière");
    click_button(&root, "Enregistrer");
    wait_for("the reply", || texts(&root, ".entry").len() == 2).await;
    assert!(texts(&root, ".entry .link")[0].contains("Pas de selles depuis 3 jours"));
    assert!(texts(&root, ".mode").is_empty(), "the composer is back to a new entry");

    let corrects = root.query_selector_all(".entry").unwrap().item(1).unwrap().unchecked_into::<HtmlElement>();
    click_button(&corrects, "Corriger");
    let area: HtmlTextAreaElement = query(&root, "textarea");
    wait_for("the pre-filled correction", || area.value() == "Pas de selles depuis 3 jours").await;
    type_text(&root, "Pas de selles depuis 2 jours");
    click_button(&root, "Enregistrer");
    wait_for("the correction", || texts(&root, ".entry").len() == 3).await;
    assert_eq!(texts(&root, ".entry.corrected .text"), ["Pas de selles depuis 3 jours"]);
    assert_eq!(texts(&root, ".badge.corrected-badge").len(), 1);
}

#[wasm_bindgen_test]
async fn search_ignores_accents_and_case_and_filters_combine() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    for text in ["Fièvre à 38,5", "Repas pris", "FIÈVRE tombée"] {
        type_text(&root, text);
        click_button(&root, "Enregistrer");
        let expected = texts(&root, ".entry").len() + 1;
        wait_for("the entry", || texts(&root, ".entry").len() == expected).await;
    }
    let search: web_sys::HtmlInputElement = query(&root, "input[type=search]");
    search.set_value("fievre");
    search.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".entry .text"), ["FIÈVRE tombée", "Fièvre à 38,5"]);
    select(&root, ".filters select", "alimentation");
    leptos::task::tick().await;
    assert!(texts(&root, ".entry").is_empty());
    assert!(texts(&root, ".notice")[0].contains("filtres"));
}

#[wasm_bindgen_test]
async fn a_draft_survives_the_widget_going_away() {
    let tenant = unique("t");
    let (root, handle) = mount("p1", &tenant);
    wait_until_open(&root).await;
    type_text(&root, "Je commence à écrire et l'onglet se ferme");
    sleep(100).await;
    drop(handle);
    let (again, _handle) = mount("p1", &tenant);
    wait_until_open(&again).await;
    let area: HtmlTextAreaElement = query(&again, "textarea");
    assert_eq!(area.value(), "Je commence à écrire et l'onglet se ferme");
}
