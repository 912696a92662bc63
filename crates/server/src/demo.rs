//! `POST /api/demo/token` and `GET /api/demo/users`: the demo's stand-in for a portal's sign-in,
//! routed only under `--demo`.
//!
//! A real portal gives the widgets the signed-in user's token through `getToken()`. The demo has
//! no sign-in, so its user switcher asks here for the token of the person chosen. Only the fixed
//! tokens of `demo-auth.json` are handed out, and they act on the demo tenant alone: a token
//! configured with `--token` or `--config` never leaves the server this way.

use crate::access::TokenGrant;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use relais_core::Role;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::sync::Arc;

/// `{"user": "aline.martin"}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenRequest {
    user: String,
}

/// Who a demo token stands for, and the token when it was asked for.
#[derive(Serialize)]
struct DemoUser<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    token: Option<&'a str>,
    tenant: &'a str,
    user: &'a str,
    role: Role,
}

impl<'a> DemoUser<'a> {
    fn of(grant: &'a TokenGrant, with_token: bool) -> Self {
        Self {
            token: with_token.then_some(grant.token.as_str()),
            tenant: &grant.tenant,
            user: &grant.user,
            role: grant.role,
        }
    }
}

type Grants = Arc<Vec<TokenGrant>>;

/// The demo routes over `grants`, the demo tokens.
pub fn routes(grants: Vec<TokenGrant>) -> Router {
    Router::new()
        .route("/api/demo/token", post(token))
        .route("/api/demo/users", get(users))
        .with_state(Arc::new(grants))
}

async fn users(State(grants): State<Grants>) -> Json<Value> {
    let users: Vec<DemoUser> = grants.iter().map(|g| DemoUser::of(g, false)).collect();
    Json(json!({ "users": users }))
}

async fn token(
    State(grants): State<Grants>,
    body: Result<Json<TokenRequest>, JsonRejection>,
) -> (StatusCode, Json<Value>) {
    let Ok(Json(request)) = body else {
        return refusal(StatusCode::BAD_REQUEST, "attendu / expected {\"user\": \"<id>\"}");
    };
    match grants.iter().find(|g| g.user == request.user) {
        Some(grant) => (StatusCode::OK, Json(json!(DemoUser::of(grant, true)))),
        None => refusal(
            StatusCode::NOT_FOUND,
            &format!(
                "utilisateur de démonstration inconnu « {0} » / unknown demo user '{0}'",
                request.user
            ),
        ),
    }
}

fn refusal(status: StatusCode, detail: &str) -> (StatusCode, Json<Value>) {
    (status, Json(json!({ "error": "bad_request", "detail": detail })))
}
