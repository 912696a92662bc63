//! Every non-2xx answer, as the JSON body the protocol documents (docs/sync-protocol.md §9).
//!
//! Protocol problems come from core's `Problem`, so the server and the reference logic name
//! errors identically. A storage failure is transient by nature: the client backs off and
//! pushes again, and idempotence makes that safe, so it becomes 503 `unavailable`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use relais_core::sync::wire::Problem;

/// Seconds a client waits after a storage failure before trying again.
const RETRY_AFTER_SECONDS: &str = "1";

#[derive(Debug)]
pub enum Failure {
    Problem(Problem),
    Storage(sqlx::Error),
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Self {
        Failure::Problem(problem)
    }
}

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Self {
        Failure::Storage(error)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        match self {
            Failure::Problem(problem) => problem_response(problem),
            Failure::Storage(error) => {
                eprintln!("relais-server : erreur de stockage / storage error: {error}");
                problem_response(Problem::Unavailable)
            }
        }
    }
}

/// The documented status and body for `problem`, with `Retry-After` where the client needs it.
fn problem_response(problem: Problem) -> Response {
    let status =
        StatusCode::from_u16(problem.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let retry = matches!(problem, Problem::Unavailable | Problem::RateLimited);
    let mut response = (status, Json(problem)).into_response();
    if retry {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
    }
    response
}
