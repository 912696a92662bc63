//! `<relais-liaison-book subject="…" user-id="…" user-name="…" user-role="…" tenant="…" endpoint="…">`.

use crate::attributes::{attribute, language};
use crate::{define_element, host_events, mounts};
use leptos::prelude::*;
use relais_liaison_book::{BookConfig, LiaisonBook, STYLESHEET};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

const TAG: &str = "relais-liaison-book";
const ATTRIBUTES: [&str; 8] = ["subject", "tenant", "user-id", "user-name", "user-role", "lang", "escalation-minutes", "endpoint"];

pub fn define() {
    let mount = Closure::<dyn Fn(HtmlElement, ShadowRoot) -> u32>::new(mount).into_js_value();
    let unmount = Closure::<dyn Fn(u32)>::new(mounts::release).into_js_value();
    let observed = ATTRIBUTES.iter().map(|a| JsValue::from_str(a)).collect();
    define_element(TAG, observed, STYLESHEET, &mount, &unmount);
}

fn mount(element: HtmlElement, root: ShadowRoot) -> u32 {
    root.set_text_content(None);
    let config = BookConfig::from_attributes(
        element.get_attribute("tenant").as_deref(),
        &attribute(&element, "subject"),
        &attribute(&element, "user-id"),
        &attribute(&element, "user-name"),
        &attribute(&element, "user-role"),
    )
    .and_then(|config| config.with_escalation_minutes(element.get_attribute("escalation-minutes").as_deref()))
    .and_then(|config| config.with_endpoint(element.get_attribute("endpoint").as_deref()));
    let lang = language(&element);
    let container: HtmlElement = element
        .owner_document()
        .and_then(|doc| doc.create_element("div").ok())
        .expect("an element in a document can create elements")
        .unchecked_into();
    root.append_child(&container).expect("a shadow root accepts children");
    match config {
        Ok(config) => {
            let (on_alert, on_escalation) = (host_events::on_alert(element.clone()), host_events::on_escalation(element));
            mounts::keep(Box::new(mount_to(container, move || {
                view! { <LiaisonBook config=config lang=lang on_alert=on_alert on_escalation=on_escalation /> }
            })))
        }
        Err(error) => {
            let message = format!("Relais : configuration invalide — {error}");
            mounts::keep(Box::new(mount_to(container, move || {
                view! { <p class="error" role="alert">{message}</p> }
            })))
        }
    }
}
