//! `GET /pull` against storage: one page of the caller's visible changes in commit order
//! (docs/sync-protocol.md §5), read in a single snapshot.
//!
//! The counter and the changes are read in one snapshot (`Engine::begin_snapshot`), so the
//! horizon (`next_position − 1`) and the rows agree; with pushes serialised (see `push.rs`),
//! nothing at or below the horizon can still appear. Visibility is filtered in SQL: the
//! caller's tenant, subjects whose care circle includes the caller, and restricted resources
//! (entries of restricted categories, their acknowledgements and receipts) only for the équipe
//! de soins or the entry's author. Hidden changes are passed over, never revealed:
//! the cursor moves past them like any other position.

use crate::auth::Caller;
use crate::db::Database;
use crate::history::{self, GroupKey};
use crate::resources::PUT;
use relais_core::sync::commit_log::{decode_cursor, encode_cursor, Epoch};
use relais_core::sync::wire::{
    Change, ChangeOp, PullRequest, PullResponse, ResourceType, Target, Version, MAX_PULL_LIMIT,
};
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

pub async fn pull(
    database: &Database,
    caller: &Caller,
    request: &PullRequest,
) -> Result<PullResponse, sqlx::Error> {
    let mut snapshot = database.pool.begin_with(database.engine.begin_snapshot()).await?;
    let meta = sqlx::query("SELECT epoch, next_position FROM server_meta WHERE id = 1")
        .fetch_one(&mut *snapshot)
        .await?;
    let epoch = Epoch(meta.get::<i64, _>(0) as u64);
    let horizon = (meta.get::<i64, _>(1) as u64).saturating_sub(1);
    let limit = request.limit.clamp(1, MAX_PULL_LIMIT);
    let position = request.cursor.as_ref().map(|c| decode_cursor(c, epoch));
    let (after, reset) = match position {
        None => (0, false),
        Some(Some(p)) if p <= horizon => (p, false),
        Some(_) => (0, true),
    };
    let mut changes = visible_changes(&mut snapshot, caller, after, horizon, limit).await?;
    let has_more = changes.len() > limit as usize;
    changes.truncate(limit as usize);
    let end = match (has_more, changes.last()) {
        (true, Some(last)) => last.server_seq,
        _ => horizon,
    };
    let key = GroupKey::new(caller, request.client_group);
    let last_applied_seq = history::last_applied_at(&mut snapshot, &key, end).await?;
    snapshot.commit().await?;
    Ok(PullResponse {
        changes,
        cursor: encode_cursor(epoch, end),
        has_more,
        last_applied_seq,
        reset,
    })
}

/// Up to `limit + 1` visible changes in `(after, horizon]`: the extra one tells `has_more`.
async fn visible_changes(
    conn: &mut AnyConnection,
    caller: &Caller,
    after: u64,
    horizon: u64,
    limit: u32,
) -> Result<Vec<Change>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.position, c.resource_type, c.resource_id, c.version, c.op, c.value
         FROM changes c
         JOIN care_circle m
           ON m.tenant = c.tenant AND m.subject = c.subject AND m.user_id = $2
         WHERE c.tenant = $1 AND c.position > $3 AND c.position <= $4
           AND (NOT c.restricted OR m.care_team OR c.entry_author = $2)
         ORDER BY c.position
         LIMIT $5",
    )
    .bind(&caller.tenant)
    .bind(&caller.user_id)
    .bind(after as i64)
    .bind(horizon as i64)
    .bind(i64::from(limit) + 1)
    .fetch_all(conn)
    .await?;
    rows.iter().map(change).collect()
}

fn change(row: &AnyRow) -> Result<Change, sqlx::Error> {
    let op = if row.get::<String, _>(4) == PUT {
        let text: String = row.try_get(5)?;
        let resource =
            serde_json::from_str::<Value>(&text).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        ChangeOp::Put { resource }
    } else {
        ChangeOp::Tombstone
    };
    Ok(Change {
        server_seq: row.get::<i64, _>(0) as u64,
        target: Target { resource_type: ResourceType(row.get(1)), id: row.get(2) },
        version: Version(row.get::<i64, _>(3) as u64),
        op,
    })
}
