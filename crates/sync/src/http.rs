//! Carrying one request of the protocol over `fetch`, and its answer back, as plain data.
//!
//! Timeouts are the state machine's business (it ignores late replies), so nothing here aborts.

use crate::token;
use relais_core::sync::events::{HttpReply, Outgoing, TransportError};
use relais_core::sync::wire::PullRequest;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

/// Sends `body` to `base` with the current bearer token. A missing token is sent as no
/// `Authorization` header: the endpoint answers 401 and the state machine asks for a new one.
pub async fn send(base: &str, body: &Outgoing) -> Result<HttpReply, TransportError> {
    let token = token::bearer().await;
    let request = request(base, body, token.as_deref()).map_err(transport)?;
    let window = web_sys::window().ok_or_else(|| TransportError("no window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(transport)?
        .unchecked_into();
    let text = JsFuture::from(response.text().map_err(transport)?)
        .await
        .map_err(transport)?;
    Ok(HttpReply {
        status: response.status(),
        retry_after: retry_after(&response.headers()),
        body: text.as_string().unwrap_or_default(),
    })
}

fn request(base: &str, body: &Outgoing, token: Option<&str>) -> Result<Request, JsValue> {
    let headers = Headers::new()?;
    if let Some(token) = token {
        headers.set("Authorization", &format!("Bearer {token}"))?;
    }
    let init = RequestInit::new();
    init.set_headers(&headers);
    let url = match body {
        Outgoing::Push(push) => {
            headers.set("Content-Type", "application/json")?;
            init.set_method("POST");
            let json = serde_json::to_string(push).map_err(|e| JsValue::from_str(&e.to_string()))?;
            init.set_body(&JsValue::from_str(&json));
            format!("{base}/push")
        }
        Outgoing::Pull(pull) => {
            init.set_method("GET");
            pull_url(base, pull)
        }
    };
    Request::new_with_str_and_init(&url, &init)
}

fn pull_url(base: &str, pull: &PullRequest) -> String {
    let mut url = format!("{base}/pull?client_group={}&limit={}", pull.client_group, pull.limit);
    if let Some(cursor) = &pull.cursor {
        url.push_str("&cursor=");
        url.push_str(&String::from(js_sys::encode_uri_component(&cursor.0)));
    }
    url
}

/// `Retry-After` in seconds; the HTTP-date form is rare for APIs and treated as absent.
fn retry_after(headers: &Headers) -> Option<Duration> {
    let value = headers.get("Retry-After").ok()??;
    value.trim().parse().ok().map(Duration::from_secs)
}

/// Network failures and refused requests (CORS, offline) carry no detail worth more than text.
fn transport(error: JsValue) -> TransportError {
    TransportError(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}
