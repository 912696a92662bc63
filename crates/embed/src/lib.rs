//! The Relais bundle a host page loads: it defines the custom elements.
//!
//! Each element renders its widget inside an open Shadow DOM with the widget's own stylesheet,
//! so host CSS does not leak in and ours does not leak out. Configuration comes from attributes.

mod attributes;
mod host_api;
mod host_events;
mod liaison_book_element;
mod mounts;
mod needs_questionnaire_element;
mod plan_timeline_element;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/define_element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(name: &str, observed: Vec<JsValue>, css: &str, mount: &JsValue, unmount: &JsValue);
}

/// Runs once when the bundle loads.
#[wasm_bindgen(start)]
pub fn start() {
    host_api::install();
    liaison_book_element::define();
    needs_questionnaire_element::define();
    plan_timeline_element::define();
}
