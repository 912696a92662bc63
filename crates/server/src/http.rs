//! The HTTP surface: routes, authentication, body limits and CORS around `push` and `pull`.
//!
//! Every refusal is a documented `Problem` body (docs/sync-protocol.md §9), including the ones
//! axum's extractors would otherwise answer in plain text (oversized or unreadable bodies, bad
//! query strings). Authentication comes first, so an anonymous caller learns nothing else.

use crate::auth::{authenticate, Caller, TokenVerifier};
use crate::failure::Failure;
use crate::pull::pull;
use crate::push::push;
use crate::request::{parse_push, PullQuery};
use crate::storage::Storage;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use relais_core::sync::wire::{
    Problem, PullResponse, PushResponse, MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BYTES,
};
use std::sync::Arc;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    storage: Arc<Storage>,
    verifier: Arc<dyn TokenVerifier>,
}

impl AppState {
    pub fn new(storage: Storage, verifier: Arc<dyn TokenVerifier>) -> Self {
        Self { storage: Arc::new(storage), verifier }
    }
}

/// Where the endpoint lives on this server: a host page gives `{origin}/api/relais` to the
/// widgets as their `endpoint`, and they add `/push` and `/pull`.
pub const API_BASE: &str = "/api/relais";

/// The endpoint's routes, `POST {API_BASE}/push` and `GET {API_BASE}/pull`.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(&format!("{API_BASE}/push"), post(push_handler))
        .route(&format!("{API_BASE}/pull"), get(pull_handler))
        .layer(DefaultBodyLimit::max(MAX_PUSH_BYTES))
        .with_state(state)
}

/// `router` callable by the host pages of `origins`; with none, no CORS header is sent and
/// only same-origin pages can call.
pub fn with_cors(router: Router, origins: Vec<HeaderValue>) -> Router {
    if origins.is_empty() {
        return router;
    }
    router.layer(cors(origins))
}

fn cors(origins: Vec<HeaderValue>) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        // The client honours Retry-After, so a cross-origin page must be allowed to read it.
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

fn caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, Problem> {
    authenticate(headers, state.verifier.as_ref()).ok_or(Problem::Unauthorized)
}

/// axum refuses an oversized body before the handler runs; the client must still get the
/// documented 413 body so it halves its batch.
fn body_problem(rejection: BytesRejection) -> Problem {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return Problem::BatchTooLarge {
            max_mutations: MAX_MUTATIONS_PER_PUSH,
            max_bytes: MAX_PUSH_BYTES,
        };
    }
    Problem::BadRequest { detail: rejection.body_text() }
}

async fn push_handler(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<PushResponse>, Failure> {
    let caller = caller(&state, &headers)?;
    let body = body.map_err(body_problem)?;
    let request = parse_push(&body)?;
    Ok(Json(push(&state.storage, &caller, &request).await?))
}

async fn pull_handler(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<PullQuery>, QueryRejection>,
) -> Result<Json<PullResponse>, Failure> {
    let caller = caller(&state, &headers)?;
    let Query(query) = query.map_err(|r| Problem::BadRequest { detail: r.body_text() })?;
    Ok(Json(pull(&state.storage.database, &caller, &query.into_request()).await?))
}
