//! Opening the database: the engine the URL names, connection settings, embedded migrations,
//! the epoch and the care-circle table.
//!
//! Migrations are plain SQL files compiled into the binary and applied in order at start, each
//! in its own transaction and recorded in `schema_migrations`, so a server never runs against a
//! schema it does not know. The SQL is portable (`$n` parameters, `RETURNING`, `ON CONFLICT`);
//! the one thing SQLite and PostgreSQL spell differently, the audit log's generated key, is a
//! step of its own that only PostgreSQL runs (every engine still records it, so version
//! numbers stay one sequence).

use crate::access::Membership;
use crate::engine::Engine;
use sqlx::any::AnyPoolOptions;
use sqlx::Row;
use sqlx::{AnyConnection, AnyPool, Connection};

/// One migration step, and the engine it is for when only one needs it.
struct Migration {
    version: i64,
    only_on: Option<Engine>,
    sql: &'static str,
}

/// The migrations, in order; a file once released is never edited, only followed.
const MIGRATIONS: [Migration; 2] = [
    Migration { version: 1, only_on: None, sql: include_str!("../migrations/0001_sync.sql") },
    Migration {
        version: 2,
        only_on: Some(Engine::Postgres),
        sql: include_str!("../migrations/0002_postgres_audit_key.sql"),
    },
];

/// The storage the server runs on: its pool and which engine serves it.
pub struct Database {
    pub pool: AnyPool,
    pub engine: Engine,
}

/// Opens the database at `url` (`sqlite:relais.db`, `sqlite::memory:`,
/// `postgres://user@host/db`), creating a SQLite file if missing, and brings its schema up to
/// date.
pub async fn open(url: &str) -> Result<Database, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let engine = Engine::of_url(url).ok_or_else(|| unknown_scheme(url))?;
    let pool = match engine {
        Engine::Sqlite => open_sqlite(url).await?,
        Engine::Postgres => {
            // One connection first: its error says why (refused, authentication…) where the
            // pool would only report a timeout.
            AnyConnection::connect(url).await?.close().await?;
            AnyPoolOptions::new().max_connections(8).connect(url).await?
        }
    };
    migrate(&pool, engine).await?;
    Ok(Database { pool, engine })
}

/// The error for a URL of no known engine. It names the scheme only: the rest of a URL may
/// hold a password.
fn unknown_scheme(url: &str) -> sqlx::Error {
    let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
    sqlx::Error::Configuration(
        format!(
            "« {scheme} » : attendu sqlite:FICHIER ou postgres://… \
             / expected sqlite:FILE or postgres://…"
        )
        .into(),
    )
}

/// An in-memory database lives as long as its one connection, so it gets exactly one, kept
/// forever; a file database is created if missing, in WAL mode so pulls read while a push
/// writes, and gets a few connections.
async fn open_sqlite(url: &str) -> Result<AnyPool, sqlx::Error> {
    if url.contains(":memory:") || url.contains("mode=memory") {
        return AnyPoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect(url)
            .await;
    }
    let create = if url.contains("mode=") {
        url.to_owned()
    } else {
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}mode=rwc")
    };
    let pool = AnyPoolOptions::new().max_connections(4).connect(&create).await?;
    sqlx::raw_sql("PRAGMA journal_mode = WAL").execute(&pool).await?;
    Ok(pool)
}

async fn migrate(pool: &AnyPool, engine: Engine) -> Result<(), sqlx::Error> {
    sqlx::raw_sql("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)")
        .execute(pool)
        .await?;
    for migration in MIGRATIONS {
        let mut tx = pool.begin().await?;
        let done = sqlx::query("SELECT 1 FROM schema_migrations WHERE version = $1")
            .bind(migration.version)
            .fetch_optional(&mut *tx)
            .await?;
        if done.is_none() {
            if migration.only_on.is_none_or(|only| only == engine) {
                sqlx::raw_sql(migration.sql).execute(&mut *tx).await?;
            }
            sqlx::query("INSERT INTO schema_migrations (version) VALUES ($1)")
                .bind(migration.version)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Starts a new epoch, as an operator must after restoring a backup: every cursor handed out
/// before becomes unreadable, so every client resets and pushes its outbox again.
pub async fn start_new_epoch(pool: &AnyPool) -> Result<u64, sqlx::Error> {
    let row = sqlx::query("UPDATE server_meta SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch")
        .fetch_one(pool)
        .await?;
    Ok(row.get::<i64, _>(0) as u64)
}

/// Replaces the care-circle table with the configured memberships, in one transaction so no
/// request ever sees a half-loaded table.
pub async fn load_circles(pool: &AnyPool, members: &[Membership]) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM care_circle").execute(&mut *tx).await?;
    for m in members {
        sqlx::query(
            "INSERT INTO care_circle (tenant, subject, user_id, role, care_team)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant, subject, user_id) DO UPDATE
             SET role = excluded.role, care_team = excluded.care_team",
        )
        .bind(&m.tenant)
        .bind(&m.subject)
        .bind(&m.user)
        .bind(m.role.code())
        .bind(m.role.is_care_team())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
