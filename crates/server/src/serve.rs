//! Starting the server: open storage, load access rules, build the router, listen.
//!
//! Split from `main.rs` so tests build exactly the application the binary runs.

use crate::access::{AccessConfig, AccessError};
use crate::auth::{ConfiguredTokens, FirstOf, TokenVerifier};
use crate::db;
use crate::access::DEMO;
use crate::http::{router, with_cors, AppState};
use crate::{demo, site};
use crate::jwt::{JwtSecret, JwtVerifier, ShortSecret};
use crate::storage::Storage;
use axum::http::HeaderValue;
use axum::Router;
use relais_core::CategoryCatalogue;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything the server needs to start, whatever it was read from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub db: String,
    pub access: AccessConfig,
    pub origins: Vec<String>,
    pub new_epoch: bool,
    /// The secret portals sign JWTs with; none: only configured tokens are accepted.
    pub jwt_secret: Option<JwtSecret>,
    /// Whether `POST /api/demo/token` hands out the demo tokens (`--demo`).
    pub demo: bool,
    /// A directory served on the same origin (`--site`), the built demo for `scripts/demo`.
    pub site: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}: {1}")]
    Config(String, std::io::Error),
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error(transparent)]
    JwtSecret(#[from] ShortSecret),
    #[error("base de données / database: {0}")]
    Storage(#[from] sqlx::Error),
    #[error("origine CORS invalide « {0} » (une origine précise, pas « * ») / invalid CORS origin (an exact origin, not '*')")]
    Origin(String),
    #[error("« {0} » n'est pas un dossier (construire la démo d'abord ?) / is not a directory (build the demo first?)")]
    Site(String),
    #[error("écoute impossible / cannot listen: {0}")]
    Listen(std::io::Error),
    #[error("démarrage impossible / cannot start: {0}")]
    Runtime(std::io::Error),
}

/// The application the binary serves, over the database of `settings`.
pub async fn app(settings: &Settings) -> Result<Router, StartError> {
    let origins = settings.origins.iter().map(|o| origin(o)).collect::<Result<_, _>>()?;
    let database = db::open(&settings.db).await?;
    if settings.new_epoch {
        db::start_new_epoch(&database.pool).await?;
    }
    db::load_circles(&database.pool, &settings.access.circles).await?;
    let storage = Storage::new(database, CategoryCatalogue::french_defaults());
    let mut app = router(AppState::new(storage, verifier(settings)));
    if settings.demo {
        app = app.merge(demo::routes(AccessConfig::from_json(DEMO)?.tokens));
    }
    let app = with_cors(app, origins);
    Ok(match &settings.site {
        Some(dir) if dir.is_dir() => site::with_site(app, dir),
        Some(dir) => return Err(StartError::Site(dir.display().to_string())),
        None => app,
    })
}

fn verifier(settings: &Settings) -> Arc<dyn TokenVerifier> {
    let mut verifiers: Vec<Box<dyn TokenVerifier>> =
        vec![Box::new(ConfiguredTokens::new(&settings.access.tokens))];
    if let Some(secret) = &settings.jwt_secret {
        verifiers.push(Box::new(JwtVerifier::new(secret.clone())));
    }
    Arc::new(FirstOf(verifiers))
}

/// An exact origin such as `https://portail.example.fr`: a wildcard would let any site call
/// the endpoint with a user's token.
fn origin(text: &str) -> Result<HeaderValue, StartError> {
    let exact = text.contains("://") && !text.contains('*') && !text.ends_with('/');
    match HeaderValue::from_str(text) {
        Ok(value) if exact => Ok(value),
        _ => Err(StartError::Origin(text.to_owned())),
    }
}

/// Serves until Ctrl-C, after printing the address actually bound (useful with port 0).
pub async fn run(settings: Settings, listen: SocketAddr) -> Result<(), StartError> {
    let app = app(&settings).await?;
    let listener = tokio::net::TcpListener::bind(listen).await.map_err(StartError::Listen)?;
    let address = listener.local_addr().map_err(StartError::Listen)?;
    if settings.access.tokens.is_empty() && settings.jwt_secret.is_none() {
        eprintln!(
            "relais-server : aucun jeton configuré, toute requête recevra 401 \
             / no token configured, every request will get 401"
        );
    }
    println!("relais-server : écoute sur http://{address} / listening on http://{address}");
    if settings.site.is_some() {
        println!("relais-server : démo / demo: http://{address}/");
    }
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(StartError::Listen)
}
