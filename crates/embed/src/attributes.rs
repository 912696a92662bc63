//! Reading what every Relais element is told through its attributes, and through the JSON
//! properties a host sets before inserting it.

use relais_core::lang::Lang;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// An attribute's value, empty when absent (the widget's config then says what is missing).
pub fn attribute(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

/// The language of the element, or of the nearest ancestor that declares one.
pub fn language(element: &Element) -> Lang {
    let tag = element.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang"));
    Lang::from_tag(tag.as_deref())
}

/// A property as JSON text, whether the host set a string or an object.
pub fn json_property(element: &Element, name: &str) -> Option<String> {
    let value = js_sys::Reflect::get(element, &JsValue::from_str(name)).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.as_string().or_else(|| js_sys::JSON::stringify(&value).ok().map(String::from))
}
