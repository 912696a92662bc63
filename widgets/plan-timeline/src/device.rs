//! What the browser supplies to the pure core: the clock, today's local date and randomness for ids.

use chrono::NaiveDate;
use relais_core::{EntryId, Timestamp};

/// The device's offset from UTC at `at`, in minutes (summer and winter time differ), which
/// turns a transmission's instant into the person's local time.
pub fn offset_minutes_at(at: Timestamp) -> i32 {
    -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.unix_ms() as f64)).get_timezone_offset() as i32)
}

/// Now on the device's clock: when an edit was made, shown and audited, never used to merge.
pub fn now() -> Timestamp {
    Timestamp::from_unix_ms(js_sys::Date::now() as i64)
}

/// The local calendar day, from the browser's clock and zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// A fresh UUIDv7 from the clock and the platform's cryptographic generator.
pub fn new_id() -> EntryId {
    let mut bytes = [0u8; 10];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .expect("crypto.getRandomValues is available in every supported browser");
    EntryId::v7(js_sys::Date::now() as u64, bytes)
}
