//! Reading what every Relais element is told through its attributes.

use relais_core::lang::Lang;
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
