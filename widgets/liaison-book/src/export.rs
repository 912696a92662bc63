//! The book as a FHIR Bundle file, for a professional who must hand the transmissions to
//! another system (a hospital admission, a coordination tool) that reads FHIR, not Relais.
//!
//! What goes in is what this reader may see: a relative's export never carries a restricted
//! category, since a file, once downloaded, leaves the widget's control. Building the JSON is
//! separate from the download so it can be tested without a file appearing.

use crate::config::BookConfig;
use crate::reader::may_read;
use crate::state::Book;
use crate::texts::Texts;
use leptos::prelude::*;
use relais_core::dump::Dump;
use relais_core::fhir::{export_bundle, FhirError};
use relais_core::{Acknowledgement, Transmission};
use std::collections::HashSet;
use wasm_bindgen::{JsCast, JsValue};

/// The Bundle, as JSON text, of the entries of `entries` that the reader of `config` may see
/// and of their acknowledgements; acknowledgements of entries left out are left out too.
pub fn fhir_bundle_json(config: &BookConfig, entries: &[Transmission], acks: &[Acknowledgement]) -> Result<String, FhirError> {
    let transmissions: Vec<Transmission> = entries.iter().filter(|t| may_read(config, &t.category)).cloned().collect();
    let kept: HashSet<_> = transmissions.iter().map(|t| t.id).collect();
    let acknowledgements = acks.iter().filter(|a| kept.contains(&a.entry)).cloned().collect();
    let dump = Dump { transmissions, acknowledgements, ..Dump::default() };
    Ok(export_bundle(&dump, &config.catalogue)?.to_string())
}

/// The name the downloaded file gets.
pub fn file_name(config: &BookConfig) -> String {
    format!("transmissions-{}.fhir.json", config.subject.as_str())
}

/// Hands `json` to the browser as a file download: a Blob behind an object URL, opened by an
/// `<a download>` that is never attached to the page.
fn download(name: &str, json: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/fhir+json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(json)), &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has already handed the blob to the download; the URL would otherwise keep it
    // in memory until the page closes.
    web_sys::Url::revoke_object_url(&url)
}

#[component]
pub fn ExportButton(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let failure = RwSignal::new(None::<String>);
    let export = move |_| {
        let built = book.config.with_value(|config| {
            book.entries.with_untracked(|entries| {
                book.acks.with_untracked(|acks| fhir_bundle_json(config, entries, acks).map(|json| (file_name(config), json)))
            })
        });
        let outcome = built
            .map_err(|e| e.to_string())
            .and_then(|(name, json)| download(&name, &json).map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}"))));
        failure.set(outcome.err());
    };
    view! {
        // Until the older entries are read, an export would silently miss them.
        <button type="button" class="export-fhir" on:click=export disabled=move || book.older_loading.get()>
            {texts.export_fhir}
        </button>
        {move || failure.get().map(|reason| view! { <p class="error" role="alert">{texts.export_failed} " " {reason}</p> })}
    }
}
