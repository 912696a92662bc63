//! The plan as files: an iCalendar (.ics) a family imports into its own calendar, and a FHIR
//! R4 Bundle (CarePlan, ServiceRequest, Goal, Encounter) for another system. Both are built
//! by core; this only hands them to the browser as downloads.

use crate::session::Session;
use leptos::prelude::*;
use relais_core::dump::Dump;
use relais_core::fhir::export_bundle;
use relais_core::plan::{to_ical, Plan};
use relais_core::CategoryCatalogue;
use wasm_bindgen::{JsCast, JsValue};

/// The FHIR Bundle of the plan, as JSON text.
pub fn fhir_json(plan: &Plan) -> Result<String, String> {
    let dump = Dump { plans: vec![plan.clone()], ..Dump::default() };
    export_bundle(&dump, &CategoryCatalogue::french_defaults()).map(|b| b.to_string()).map_err(|e| e.to_string())
}

/// A Blob behind an object URL, opened by an `<a download>` that is never attached.
fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

#[component]
pub fn ExportButtons(session: Session) -> impl IntoView {
    let texts = session.texts;
    let export = move |kind: &'static str| {
        let Some(plan) = session.plan.get_untracked() else { return };
        let subject = plan.subject().as_str().to_owned();
        let outcome = match kind {
            "ics" => download(&format!("plan-{subject}.ics"), "text/calendar", &to_ical(&plan)).map_err(|e| format!("{e:?}")),
            _ => fhir_json(&plan).and_then(|json| {
                download(&format!("plan-{subject}.fhir.json"), "application/fhir+json", &json).map_err(|e| format!("{e:?}"))
            }),
        };
        if let Err(reason) = outcome {
            session.error.set(Some(format!("{} {reason}", texts.export_failed)));
        }
    };
    view! {
        <button type="button" on:click=move |_| export("ics")>{texts.export_ics}</button>
        <button type="button" on:click=move |_| export("fhir")>{texts.export_fhir}</button>
    }
}
