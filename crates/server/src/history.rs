//! What the server remembers of each client group and each mutation id: the rows that make
//! pushes idempotent (docs/sync-protocol.md §4.1 steps 3–6).
//!
//! Groups are keyed by (tenant, user, client group): a caller can neither read nor advance
//! another caller's numbering, even by reusing a group id.

use crate::auth::Caller;
use relais_core::sync::wire::{ClientGroupId, FirstOutcome, MutationId, Outcome};
use sqlx::{AnyConnection, Row};

/// One caller's client group.
pub struct GroupKey<'a> {
    pub tenant: &'a str,
    pub user_id: &'a str,
    pub client_group: String,
}

impl<'a> GroupKey<'a> {
    pub fn new(caller: &'a Caller, group: ClientGroupId) -> Self {
        Self { tenant: &caller.tenant, user_id: &caller.user_id, client_group: group.to_string() }
    }
}

/// A known group: seqs up to `baseline` were never seen here; `last_applied` is the highest seq
/// processed.
pub struct GroupState {
    pub baseline: u64,
    pub last_applied: u64,
}

pub async fn group(
    conn: &mut AnyConnection,
    key: &GroupKey<'_>,
) -> Result<Option<GroupState>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT baseline, last_applied_seq FROM client_groups
         WHERE tenant = $1 AND user_id = $2 AND client_group = $3",
    )
    .bind(key.tenant)
    .bind(key.user_id)
    .bind(&key.client_group)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| GroupState {
        baseline: r.get::<i64, _>(0) as u64,
        last_applied: r.get::<i64, _>(1) as u64,
    }))
}

/// The mutation ids recorded for seqs `first..=last` of the group, in seq order.
pub async fn recorded_ids(
    conn: &mut AnyConnection,
    key: &GroupKey<'_>,
    first: u64,
    last: u64,
) -> Result<Vec<(u64, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT seq, mutation_id FROM outcomes
         WHERE tenant = $1 AND user_id = $2 AND client_group = $3 AND seq BETWEEN $4 AND $5
         ORDER BY seq",
    )
    .bind(key.tenant)
    .bind(key.user_id)
    .bind(&key.client_group)
    .bind(first as i64)
    .bind(last as i64)
    .fetch_all(conn)
    .await?;
    Ok(rows.iter().map(|r| (r.get::<i64, _>(0) as u64, r.get(1))).collect())
}

/// The outcome stored for one seq of the group.
pub async fn recorded_outcome(
    conn: &mut AnyConnection,
    key: &GroupKey<'_>,
    seq: u64,
) -> Result<Option<Outcome>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT outcome FROM outcomes
         WHERE tenant = $1 AND user_id = $2 AND client_group = $3 AND seq = $4",
    )
    .bind(key.tenant)
    .bind(key.user_id)
    .bind(&key.client_group)
    .bind(seq as i64)
    .fetch_optional(conn)
    .await?;
    row.map(|r| decode(&r.get::<String, _>(0))).transpose()
}

/// Records a processed seq: its outcome and position, and the group's new `last_applied_seq`.
pub async fn record(
    conn: &mut AnyConnection,
    key: &GroupKey<'_>,
    baseline: u64,
    seq_and_id: (u64, MutationId),
    outcome: &Outcome,
    position: u64,
) -> Result<(), sqlx::Error> {
    let (seq, id) = seq_and_id;
    sqlx::query(
        "INSERT INTO client_groups (tenant, user_id, client_group, baseline, last_applied_seq)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant, user_id, client_group)
         DO UPDATE SET last_applied_seq = excluded.last_applied_seq",
    )
    .bind(key.tenant)
    .bind(key.user_id)
    .bind(&key.client_group)
    .bind(baseline as i64)
    .bind(seq as i64)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO outcomes (tenant, user_id, client_group, seq, mutation_id, outcome, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(key.tenant)
    .bind(key.user_id)
    .bind(&key.client_group)
    .bind(seq as i64)
    .bind(id.to_string())
    .bind(encode(outcome))
    .bind(position as i64)
    .execute(conn)
    .await?;
    Ok(())
}

/// The highest seq of the group whose effect lies at or before `position` (§5.2).
pub async fn last_applied_at(
    conn: &mut AnyConnection,
    key: &GroupKey<'_>,
    position: u64,
) -> Result<u64, sqlx::Error> {
    let Some(state) = group(&mut *conn, key).await? else {
        return Ok(0);
    };
    let row = sqlx::query(
        "SELECT MAX(seq) FROM outcomes
         WHERE tenant = $1 AND user_id = $2 AND client_group = $3 AND position <= $4",
    )
    .bind(key.tenant)
    .bind(key.user_id)
    .bind(&key.client_group)
    .bind(position as i64)
    .fetch_one(conn)
    .await?;
    Ok(row.get::<Option<i64>, _>(0).map_or(state.baseline, |seq| seq as u64))
}

/// The first outcome of a mutation id within the tenant, if it was ever processed.
pub async fn first_outcome(
    conn: &mut AnyConnection,
    tenant: &str,
    id: MutationId,
) -> Result<Option<FirstOutcome>, sqlx::Error> {
    let row =
        sqlx::query("SELECT outcome FROM first_outcomes WHERE tenant = $1 AND mutation_id = $2")
            .bind(tenant)
            .bind(id.to_string())
            .fetch_optional(conn)
            .await?;
    row.map(|r| decode(&r.get::<String, _>(0))).transpose()
}

pub async fn store_first_outcome(
    conn: &mut AnyConnection,
    tenant: &str,
    id: MutationId,
    first: &FirstOutcome,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO first_outcomes (tenant, mutation_id, outcome) VALUES ($1, $2, $3)")
        .bind(tenant)
        .bind(id.to_string())
        .bind(encode(first))
        .execute(conn)
        .await?;
    Ok(())
}

fn encode(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Stored outcomes were written by `encode`; one that no longer reads is a corrupt row, which
/// is reported as a storage failure rather than answered wrongly.
fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}
