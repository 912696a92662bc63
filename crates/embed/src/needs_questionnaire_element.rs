//! `<relais-needs-questionnaire subject="…" tenant="…" user-id="…" user-name="…" user-role="…" instrument="aggir|rem">`.
//!
//! A host questionnaire (FHIR R4 JSON) comes through the element's `questionnaire` property,
//! an object or a JSON string, set before the element is inserted, or from the
//! `questionnaire-url` attribute, fetched when it opens; either replaces `instrument` (the
//! property wins over the URL). With `endpoint`, finalised versions are synced there. The needs the evaluator proposes to the plan come out as a
//! `relais:needs` event whose detail is core's JSON array of proposed needs.

use crate::attributes::{attribute, json_property, language};
use crate::{define_element, host_events, mounts};
use leptos::prelude::*;
use relais_needs_questionnaire::{
    needs_json, NeedsEvent, NeedsQuestionnaire, QuestionnaireConfig, QuestionnaireConfigError, STYLESHEET,
};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

const TAG: &str = "relais-needs-questionnaire";
const ATTRIBUTES: [&str; 9] =
    ["subject", "tenant", "user-id", "user-name", "user-role", "instrument", "questionnaire-url", "endpoint", "lang"];

pub fn define() {
    let mount = Closure::<dyn Fn(HtmlElement, ShadowRoot) -> u32>::new(mount).into_js_value();
    let unmount = Closure::<dyn Fn(u32)>::new(mounts::release).into_js_value();
    let observed = ATTRIBUTES.iter().map(|a| JsValue::from_str(a)).collect();
    define_element(TAG, observed, STYLESHEET, &mount, &unmount);
}

fn config(element: &HtmlElement) -> Result<QuestionnaireConfig, QuestionnaireConfigError> {
    let config = QuestionnaireConfig::from_attributes(
        element.get_attribute("tenant").as_deref(),
        &attribute(element, "subject"),
        &attribute(element, "user-id"),
        &attribute(element, "user-name"),
        &attribute(element, "user-role"),
        element.get_attribute("instrument").as_deref(),
    )?
    .with_endpoint(element.get_attribute("endpoint").as_deref())?;
    match json_property(element, "questionnaire") {
        Some(json) => config.with_host_questionnaire(&json),
        None => Ok(config.with_questionnaire_url(&attribute(element, "questionnaire-url"))),
    }
}

/// The callback that dispatches `relais:needs` on `host`, the detail being the JSON array.
fn on_needs(host: HtmlElement) -> Callback<NeedsEvent> {
    // The bundle runs on the page's single thread; the wrapper only satisfies `Callback`'s bounds.
    let host = SendWrapper::new(host);
    Callback::new(move |event: NeedsEvent| {
        let detail = js_sys::JSON::parse(&needs_json(&event.0)).unwrap_or_else(|_| js_sys::Array::new().into());
        host_events::dispatch(&host, "relais:needs", detail.unchecked_ref());
    })
}

fn mount(element: HtmlElement, root: ShadowRoot) -> u32 {
    root.set_text_content(None);
    let lang = language(&element);
    let container: HtmlElement = element
        .owner_document()
        .and_then(|doc| doc.create_element("div").ok())
        .expect("an element in a document can create elements")
        .unchecked_into();
    root.append_child(&container).expect("a shadow root accepts children");
    match config(&element) {
        Ok(config) => {
            let on_needs = on_needs(element);
            mounts::keep(Box::new(mount_to(container, move || {
                view! { <NeedsQuestionnaire config=config lang=lang on_needs=on_needs /> }
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
