//! One leader per client group: only the tab holding the Web Lock pushes and pulls, so two
//! tabs never send the same seqs at once, and a closed or crashed tab hands over by itself.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/leader.js")]
extern "C" {
    /// A request for leadership; dropping it does not release the lock, `release` does.
    pub type Leadership;

    #[wasm_bindgen(js_name = requestLeadership)]
    fn request_leadership(name: &str, on_acquired: &JsValue) -> Leadership;

    #[wasm_bindgen(method)]
    pub fn release(this: &Leadership);
}

/// Asks for the lock `name`; `on_acquired` runs once this tab holds it.
pub fn request(name: &str, on_acquired: impl FnOnce() + 'static) -> Leadership {
    let callback = Closure::once_into_js(on_acquired);
    request_leadership(name, &callback)
}
