//! `<relais-plan-timeline subject="…" tenant="…" user-id="…" user-name="…" user-role="…" gir="3" endpoint="…">`.
//!
//! With `endpoint`, every change is sent there as per-item puts and edits by others arrive.
//! Two properties, set before the element is inserted: `plan`, a plan (core's JSON form, an
//! object or a string) stored as the person's plan when this device has none; and `needs`,
//! proposed needs to accept as goals. Needs also arrive as the `relais:needs` event any
//! questionnaire on the page dispatches. When reviews are due the element dispatches
//! `relais:review-due` (bubbling, composed).

use crate::attributes::{attribute, json_property, language};
use crate::host_events::dispatch;
use crate::{define_element, mounts};
use leptos::prelude::*;
use relais_plan_timeline::{proposals_from_json, NeedProposal, PlanConfig, PlanConfigError, PlanTimeline, ReviewDue, STYLESHEET};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

const TAG: &str = "relais-plan-timeline";
const ATTRIBUTES: [&str; 8] = ["subject", "tenant", "user-id", "user-name", "user-role", "gir", "lang", "endpoint"];

pub fn define() {
    let mount = Closure::<dyn Fn(HtmlElement, ShadowRoot) -> u32>::new(mount).into_js_value();
    let unmount = Closure::<dyn Fn(u32)>::new(mounts::release).into_js_value();
    let observed = ATTRIBUTES.iter().map(|a| JsValue::from_str(a)).collect();
    define_element(TAG, observed, STYLESHEET, &mount, &unmount);
}

fn config(element: &HtmlElement) -> Result<PlanConfig, PlanConfigError> {
    let config = PlanConfig::from_attributes(
        element.get_attribute("tenant").as_deref(),
        &attribute(element, "subject"),
        &attribute(element, "user-id"),
        &attribute(element, "user-name"),
        &attribute(element, "user-role"),
        element.get_attribute("gir").as_deref(),
    )?
    .with_endpoint(element.get_attribute("endpoint").as_deref())?;
    match json_property(element, "plan") {
        Some(json) => config.with_seed(&json),
        None => Ok(config),
    }
}

/// `relais:review-due` with `{subject, plan, reviews: [{due, reason, overdue}]}`.
fn on_review_due(host: HtmlElement) -> Callback<ReviewDue> {
    // The bundle runs on the page's single thread; the wrapper only satisfies `Callback`'s bounds.
    let host = SendWrapper::new(host);
    Callback::new(move |event: ReviewDue| {
        let set = |object: &js_sys::Object, key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
        };
        let reviews: js_sys::Array = event
            .reviews
            .iter()
            .map(|review| {
                let item = js_sys::Object::new();
                set(&item, "due", JsValue::from_str(&review.due.to_string()));
                set(&item, "reason", JsValue::from_str(review.reason));
                set(&item, "overdue", JsValue::from_bool(review.overdue));
                JsValue::from(item)
            })
            .collect();
        let detail = js_sys::Object::new();
        set(&detail, "subject", JsValue::from_str(&event.subject));
        set(&detail, "plan", JsValue::from_str(&event.plan));
        set(&detail, "reviews", reviews.into());
        dispatch(&host, "relais:review-due", &detail);
    })
}

/// The needs of the `needs` property, then of every `relais:needs` event until unmounted.
fn needs(element: &HtmlElement) -> Signal<Vec<NeedProposal>> {
    let initial = json_property(element, "needs").and_then(|json| proposals_from_json(&json).ok()).unwrap_or_default();
    let needs = RwSignal::new(initial);
    let handle = window_event_listener_untyped("relais:needs", move |event| {
        let detail = event.dyn_ref::<web_sys::CustomEvent>().map(|e| e.detail());
        let json = detail.and_then(|d| d.as_string().or_else(|| js_sys::JSON::stringify(&d).ok().map(String::from)));
        if let Some(proposals) = json.and_then(|json| proposals_from_json(&json).ok()) {
            needs.set(proposals);
        }
    });
    on_cleanup(move || handle.remove());
    needs.into()
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
        Ok(config) => mounts::keep(Box::new(mount_to(container, move || {
            let needs = needs(&element);
            let on_review_due = on_review_due(element.clone());
            view! { <PlanTimeline config=config lang=lang needs=needs on_review_due=on_review_due /> }
        }))),
        Err(error) => {
            let message = format!("Relais : configuration invalide — {error}");
            mounts::keep(Box::new(mount_to(container, move || {
                view! { <p class="error" role="alert">{message}</p> }
            })))
        }
    }
}
