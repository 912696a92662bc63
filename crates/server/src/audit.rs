//! The audit log: who (user, role, client group) pushed what (mutation id, kind, target) with
//! which outcome, and when by the server's clock (design §4).
//!
//! Rows are written in the push's own transaction, so the log and the data never disagree:
//! an effect without its audit row, or an audit row for a rolled-back effect, cannot exist.

use crate::auth::Caller;
use relais_core::sync::wire::{Mutation, Outcome, PushRequest};
use sqlx::AnyConnection;
use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch by the server's clock: recorded, never used to order.
pub fn server_time_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

fn status(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Applied { .. } => "applied",
        Outcome::Duplicate { .. } => "duplicate",
        Outcome::Rejected { .. } => "rejected",
        Outcome::Conflict { .. } => "conflict",
    }
}

pub async fn record(
    conn: &mut AnyConnection,
    at_ms: i64,
    caller: &Caller,
    request: &PushRequest,
    mutation: &Mutation,
    outcome: &Outcome,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at_ms, tenant, user_id, role, client_group, client_schema, seq,
                                mutation_id, kind, target_type, target_id, status, reason_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(at_ms)
    .bind(&caller.tenant)
    .bind(&caller.user_id)
    .bind(caller.role.code())
    .bind(request.client_group.to_string())
    .bind(i64::from(request.schema))
    .bind(mutation.seq as i64)
    .bind(mutation.id.to_string())
    .bind(&mutation.kind.0)
    .bind(&mutation.target.resource_type.0)
    .bind(&mutation.target.id)
    .bind(status(outcome))
    .bind(outcome.rejection().map(|r| r.code.clone()))
    .execute(conn)
    .await?;
    Ok(())
}
