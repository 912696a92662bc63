//! What the browser supplies to the pure core: the time, randomness and the local offset.

use relais_core::Timestamp;

pub fn now() -> Timestamp {
    Timestamp::from_unix_ms(js_sys::Date::now() as i64)
}

/// Ten bytes from the platform's cryptographic generator, for UUIDv7 ids.
pub fn random_bytes() -> [u8; 10] {
    let mut bytes = [0u8; 10];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .expect("crypto.getRandomValues is available in every supported browser");
    bytes
}

/// Minutes east of UTC, as `Timestamp::format_fr` expects (JS reports the opposite sign).
pub fn local_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}
