//! The `relais-server` command line: where the data lives, where to listen, who may call.

use crate::access::{AccessConfig, DEMO};
use crate::jwt::JwtSecret;
use crate::serve::{run, Settings, StartError};
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the JWT secret may come from instead of a file.
pub const JWT_SECRET_VARIABLE: &str = "RELAIS_JWT_SECRET";

/// Serveur de synchronisation de référence de Relais / Relais reference sync server.
///
/// Serves `POST /api/relais/push` and `GET /api/relais/pull` (docs/sync-protocol.md) over
/// SQLite or PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "relais-server", version)]
pub struct Args {
    /// Base de données / database: sqlite:FICHIER (créé au besoin / created if missing),
    /// sqlite::memory:, ou / or postgres://utilisateur@hôte/base
    #[arg(
        long = "database",
        visible_alias = "db",
        value_name = "URL",
        default_value = "sqlite:relais.db"
    )]
    pub db: String,
    /// Adresse d'écoute / address to listen on (port 0: any free port, printed at start)
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub listen: SocketAddr,
    /// Fichier JSON des jetons et cercles de soins / JSON file of tokens and care circles
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Secret partagé des JWT HS256 signés par le portail (≥ 32 octets) ; ou la variable
    /// RELAIS_JWT_SECRET / shared secret of the HS256 JWTs the portal signs (docs/tokens.md)
    #[arg(long, value_name = "FILE")]
    pub jwt_secret_file: Option<PathBuf>,
    /// Jeton de développement / development token (repeatable)
    #[arg(long = "token", value_name = "TOKEN=TENANT:USER:ROLE")]
    pub tokens: Vec<String>,
    /// Membre d'un cercle de soins / care-circle member (repeatable)
    #[arg(long = "member", value_name = "TENANT:SUBJECT:USER:ROLE")]
    pub members: Vec<String>,
    /// Jetons et cercles de `relais demo-data` (tenant "demo", tokens "demo-aline"…), remis
    /// par `POST /api/demo/token` / tokens and circles matching `relais demo-data`, handed out
    /// by `POST /api/demo/token`
    #[arg(long)]
    pub demo: bool,
    /// Dossier servi sur la même origine, p. ex. le site de démo construit / directory served
    /// on the same origin, e.g. the built demo site (demo/dist)
    #[arg(long, value_name = "DIR")]
    pub site: Option<PathBuf>,
    /// Origine autorisée en CORS / host origin allowed by CORS (repeatable; none by default)
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub origins: Vec<String>,
    /// Nouvelle époque, une seule fois après la restauration d'une sauvegarde (tous les clients
    /// repartent de zéro) / start a new epoch, once, after restoring a backup (every client
    /// resets)
    #[arg(long)]
    pub new_epoch: bool,
}

impl Args {
    /// The server settings these flags describe, with the access configuration read.
    pub fn settings(&self) -> Result<Settings, StartError> {
        let mut access = match &self.config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| StartError::Config(path.display().to_string(), e))?;
                AccessConfig::from_json(&text)?
            }
            None => AccessConfig::default(),
        };
        if self.demo {
            let demo = AccessConfig::from_json(DEMO)?;
            access.tokens.extend(demo.tokens);
            access.circles.extend(demo.circles);
        }
        access.add_token_flags(&self.tokens)?;
        access.add_member_flags(&self.members)?;
        Ok(Settings {
            db: self.db.clone(),
            access,
            origins: self.origins.clone(),
            new_epoch: self.new_epoch,
            jwt_secret: self.jwt_secret()?,
            demo: self.demo,
            site: self.site.clone(),
        })
    }

    /// The JWT secret from `--jwt-secret-file`, else from `RELAIS_JWT_SECRET`, if either is set.
    fn jwt_secret(&self) -> Result<Option<JwtSecret>, StartError> {
        let text = match &self.jwt_secret_file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|e| StartError::Config(path.display().to_string(), e))?,
            None => match std::env::var(JWT_SECRET_VARIABLE) {
                Ok(text) => text,
                Err(_) => return Ok(None),
            },
        };
        Ok(Some(JwtSecret::new(&text)?))
    }
}

/// Runs the server `args` describe until it is stopped: the whole of `relais-server` and of
/// `relais serve`, so both commands behave the same.
pub fn serve(args: Args) -> Result<(), StartError> {
    let runtime = tokio::runtime::Runtime::new().map_err(StartError::Runtime)?;
    runtime.block_on(async { run(args.settings()?, args.listen).await })
}
