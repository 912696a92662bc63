//! Fetching a host's questionnaire definition: the only request the widget makes, and only
//! when the host names a URL. Cookies go along to the same origin only, as the host's own
//! pages would send them; nothing is cached or stored.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

/// The body at `url`, or why it could not be had (network, HTTP status), in French and English.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("pas de fenêtre / no window")?;
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::SameOrigin);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| "erreur réseau ou accès refusé (CORS) / network error or access refused (CORS)".to_owned())?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("réponse HTTP {} / HTTP status {}", response.status(), response.status()));
    }
    let text = response.text().map_err(|_| "réponse illisible / unreadable response".to_owned())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|body| body.as_string())
        .ok_or_else(|| "réponse illisible / unreadable response".to_owned())
}
