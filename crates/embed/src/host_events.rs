//! The widget's callbacks as DOM events on the host element: `relais:alert` and
//! `relais:escalation`, bubbling and composed so a listener anywhere above the element (or
//! on `document`) hears them through the shadow boundary.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use relais_liaison_book::{AlertEvent, EntrySummary, EscalationEvent};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

fn detail(entry: &EntrySummary) -> js_sys::Object {
    let detail = js_sys::Object::new();
    for (key, value) in [
        ("id", entry.id.to_string()),
        ("subject", entry.subject.clone()),
        ("category", entry.category.clone()),
        ("excerpt", entry.excerpt.clone()),
        ("authorName", entry.author_name.clone()),
    ] {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &JsValue::from_str(&value));
    }
    detail
}

pub(crate) fn dispatch(host: &HtmlElement, name: &str, detail: &js_sys::Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The callback that dispatches `relais:alert` on `host`.
pub fn on_alert(host: HtmlElement) -> Callback<AlertEvent> {
    // The bundle runs on the page's single thread; the wrapper only satisfies `Callback`'s bounds.
    let host = SendWrapper::new(host);
    Callback::new(move |event: AlertEvent| dispatch(&host, "relais:alert", &detail(&event.0)))
}

/// The callback that dispatches `relais:escalation` on `host`, with the delay in minutes.
pub fn on_escalation(host: HtmlElement) -> Callback<EscalationEvent> {
    let host = SendWrapper::new(host);
    Callback::new(move |event: EscalationEvent| {
        let detail = detail(&event.entry);
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("minutes"), &JsValue::from_f64(event.minutes));
        dispatch(&host, "relais:escalation", &detail);
    })
}
