//! `Relais.configure({ getToken })`: what a host page tells Relais once, page-wide.
//!
//! The token callback is a function rather than an attribute so the token never sits in the
//! DOM, and so the host can hand out a fresh one (a string or a Promise of one) whenever Relais
//! asks. Relais keeps it in memory only.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Installs `globalThis.Relais.configure`, keeping whatever else a host put on `Relais`.
pub fn install() {
    let global = js_sys::global();
    let relais = Reflect::get(&global, &"Relais".into())
        .ok()
        .filter(JsValue::is_object)
        .unwrap_or_else(|| Object::new().into());
    let configure = Closure::<dyn Fn(JsValue) -> Result<(), JsValue>>::new(configure).into_js_value();
    // Both targets are plain objects: setting a property on them cannot fail.
    let _ = Reflect::set(&relais, &"configure".into(), &configure);
    let _ = Reflect::set(&global, &"Relais".into(), &relais);
}

fn configure(options: JsValue) -> Result<(), JsValue> {
    let get_token = Reflect::get(&options, &"getToken".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| {
            js_sys::TypeError::new("Relais.configure : getToken doit être une fonction / getToken must be a function")
        })?;
    relais_sync::configure_token(get_token);
    Ok(())
}
