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
