//! Reading FHIR extensions and codings by URL: the small lookups every plan resource needs.

use serde_json::{json, Value};

/// Every extension of `element` with `url`.
pub fn all<'a>(element: &'a Value, url: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    element["extension"].as_array().map(Vec::as_slice).unwrap_or_default().iter().filter(move |e| e["url"] == url)
}

pub fn first<'a>(element: &'a Value, url: &str) -> Option<&'a Value> {
    element["extension"].as_array()?.iter().find(|e| e["url"] == url)
}

/// A sub-extension of a complex extension.
pub fn part<'a>(extension: &'a Value, name: &str) -> Option<&'a Value> {
    first(extension, name)
}

/// The coding from `system` in a CodeableConcept.
pub fn coding_in<'a>(concept: &'a Value, system: &str) -> Option<&'a Value> {
    concept["coding"].as_array()?.iter().find(|c| c["system"] == system)
}

pub fn concept(system: &str, code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": system, "code": code, "display": display }] })
}

/// A FHIR date, or the date part of a dateTime from another system.
pub fn date(value: &Value) -> Option<chrono::NaiveDate> {
    value.as_str()?.get(..10)?.parse().ok()
}

/// An optional date: absent is `None`, present but unreadable is an error rather than a
/// silently open period.
pub fn optional_date(value: &Value) -> Result<Option<chrono::NaiveDate>, String> {
    match value {
        Value::Null => Ok(None),
        _ => date(value).map(Some).ok_or_else(|| format!("date illisible {value} / unreadable date")),
    }
}

/// The elements of a list, none when it is absent.
pub fn list<'a>(element: &'a Value, name: &str) -> &'a [Value] {
    element[name].as_array().map(Vec::as_slice).unwrap_or_default()
}

pub fn fhir_date(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The `EntryId` in a resource's `id`.
pub fn entry_id(resource: &Value) -> Result<crate::EntryId, String> {
    serde_json::from_value(resource["id"].clone()).map_err(|_| "id absent ou invalide / missing or invalid id".to_owned())
}
