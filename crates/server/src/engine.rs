//! The two storage engines and the little that differs between them.
//!
//! Every statement the server runs is written once, in SQL both engines accept, and runs
//! through sqlx's `Any` driver. What cannot be written once lives here: which engine a URL
//! names, how a pull opens its snapshot, and how a flag reads back ([`flag`]).

use sqlx::any::AnyRow;
use sqlx::Row;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The engine a database URL names: `sqlite:…` or `postgres://…` (`postgresql://…`).
    pub fn of_url(url: &str) -> Option<Engine> {
        let scheme = url.split_once(':')?.0;
        match scheme {
            "sqlite" => Some(Engine::Sqlite),
            "postgres" | "postgresql" => Some(Engine::Postgres),
            _ => None,
        }
    }

    /// The statement that opens a pull's read transaction. Its reads must all see one
    /// snapshot: SQLite's deferred transaction takes it at the first read; PostgreSQL's
    /// default (read committed) would take one per statement, so the pull asks for
    /// repeatable read.
    pub fn begin_snapshot(self) -> &'static str {
        match self {
            Engine::Sqlite => "BEGIN",
            Engine::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        }
    }
}

/// A `BOOLEAN` column selected as `CASE WHEN column THEN 1 ELSE 0 END`, an integer on both
/// engines: `Any` cannot read a SQLite column declared `BOOLEAN`.
pub fn flag(row: &AnyRow, index: usize) -> Result<bool, sqlx::Error> {
    Ok(row.try_get::<i64, _>(index)? != 0)
}
