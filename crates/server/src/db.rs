//! Opening the database: connection options, embedded migrations, the epoch and the
//! care-circle table.
//!
//! Migrations are plain SQL files compiled into the binary and applied in order at start, each
//! in its own transaction and recorded in `schema_migrations`, so a server never runs against a
//! schema it does not know. The SQL is kept portable (`$n` parameters, `RETURNING`,
//! `ON CONFLICT`; only the audit log's rowid key is SQLite's), so a PostgreSQL pool can later
//! run the same statements.

use crate::access::Membership;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::Row;
use std::str::FromStr;
use std::time::Duration;

/// The migrations, in order; a file once released is never edited, only followed.
const MIGRATIONS: [(i64, &str); 1] = [(1, include_str!("../migrations/0001_sync.sql"))];

/// Opens (creating if missing) the SQLite database at `url`, e.g. `sqlite://relais.db`, and
/// brings its schema up to date.
pub async fn open(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true);
    let pool = pool_options(url).connect_with(options).await?;
    migrate(&pool).await?;
    Ok(pool)
}

/// An in-memory database lives as long as its one connection, so it gets exactly one, kept
/// forever; a file database gets a few, for pulls to read while a push writes.
fn pool_options(url: &str) -> SqlitePoolOptions {
    if url.contains(":memory:") || url.contains("mode=memory") {
        return SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
    }
    SqlitePoolOptions::new().max_connections(4)
}

async fn migrate(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    sqlx::raw_sql("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)")
        .execute(pool)
        .await?;
    for (version, sql) in MIGRATIONS {
        let mut tx = pool.begin().await?;
        let done = sqlx::query("SELECT 1 FROM schema_migrations WHERE version = $1")
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?;
        if done.is_none() {
            sqlx::raw_sql(sql).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO schema_migrations (version) VALUES ($1)")
                .bind(version)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Starts a new epoch, as an operator must after restoring a backup: every cursor handed out
/// before becomes unreadable, so every client resets and pushes its outbox again.
pub async fn start_new_epoch(pool: &SqlitePool) -> Result<u64, sqlx::Error> {
    let row = sqlx::query("UPDATE server_meta SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch")
        .fetch_one(pool)
        .await?;
    Ok(row.get::<i64, _>(0) as u64)
}

/// Replaces the care-circle table with the configured memberships, in one transaction so no
/// request ever sees a half-loaded table.
pub async fn load_circles(pool: &SqlitePool, members: &[Membership]) -> Result<(), sqlx::Error> {
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
