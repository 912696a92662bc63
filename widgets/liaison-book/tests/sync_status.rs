//! The sync status and the "en attente d'envoi" marks, in a real browser, with an endpoint that
//! cannot be reached; without an endpoint, none of it appears.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use relais_liaison_book::{BookConfig, LiaisonBook};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to four seconds for `ready`: IndexedDB and the engine answer asynchronously.
async fn wait_for(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap()).collect()
}

fn mount(endpoint: Option<&str>) -> (HtmlElement, impl Sized) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let tenant = format!("sync-{}", js_sys::Math::random());
    let config = BookConfig::from_attributes(Some(&tenant), "p1", "u1", "Aline Martin", "aide-a-domicile")
        .and_then(|c| c.with_endpoint(endpoint))
        .unwrap();
    let handle = mount_to(host.clone(), move || view! { <LiaisonBook config=config /> });
    (host, handle)
}

async fn write(root: &HtmlElement, text: &str) {
    wait_for("the composer", || root.query_selector("textarea").unwrap().is_some()).await;
    let area: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().unchecked_into();
    area.set_value(text);
    area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    root.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    wait_for("the entry", || texts(root, ".entry .text").iter().any(|t| t == text)).await;
}

#[wasm_bindgen_test]
async fn an_unsent_entry_is_marked_and_counted_in_the_status() {
    let token: js_sys::Function =
        Closure::<dyn Fn() -> JsValue>::new(|| JsValue::from_str("jeton")).into_js_value().unchecked_into();
    relais_sync::configure_token(token);
    let (root, _handle) = mount(Some("http://127.0.0.1:9"));
    write(&root, "Écrit sans serveur").await;
    wait_for("the mark", || texts(&root, ".entry .badge.unsent") == ["en attente d'envoi"]).await;
    wait_for("the count", || texts(&root, "[role=status] .sync-pending")[0].starts_with("1 écriture en attente")).await;
    let region = root.query_selector(".sync").unwrap().unwrap();
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(region.get_attribute("aria-label").as_deref(), Some("État de la synchronisation"));
    assert!(texts(&root, ".sync-last")[0].contains("Jamais synchronisé"));
}

#[wasm_bindgen_test]
async fn without_an_endpoint_the_book_shows_no_sync_status() {
    let (root, _handle) = mount(None);
    write(&root, "Reste sur cet appareil").await;
    assert!(texts(&root, ".sync").is_empty());
    assert!(texts(&root, ".badge.unsent").is_empty());
}
