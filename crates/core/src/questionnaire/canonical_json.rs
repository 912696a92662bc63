//! Canonical JSON bytes: the exact text a signature or a hash is computed over.
//!
//! Two devices must produce the same bytes for the same content whatever order their maps keep
//! keys in (serde_json's `preserve_order` feature changes it), so keys are sorted here by their
//! UTF-8 bytes, with no whitespace; strings and numbers are written as serde_json writes them.

use serde_json::Value;

pub(crate) fn canonical_bytes(value: &Value) -> Vec<u8> {
    let mut out = String::new();
    write(value, &mut out);
    out.into_bytes()
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Array(values) => {
            out.push('[');
            for (i, value) in values.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(value, out);
            }
            out.push(']');
        }
        Value::Object(object) => {
            let mut entries: Vec<(&String, &Value)> = object.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, value)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write(value, out);
            }
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_are_sorted_at_every_depth_without_whitespace() {
        let value = json!({"b": [{"z": 1, "a": "é\"x"}], "a": null, "B": true, "c": 1.5});
        assert_eq!(
            String::from_utf8(canonical_bytes(&value)).unwrap(),
            r#"{"B":true,"a":null,"b":[{"a":"é\"x","z":1}],"c":1.5}"#
        );
    }
}
