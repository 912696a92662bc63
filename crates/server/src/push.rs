//! `POST /push` against storage: docs/sync-protocol.md §4.1 steps 2–7, in one transaction.
//!
//! Commit order: pushes go through a single writer (one async mutex per process, and the
//! `server_meta` row write-locked first in each transaction), and each takes its positions
//! from that row's counter inside its transaction. Positions are
//! therefore handed out in commit order, every committed position is final, and a pull that
//! reads the counter and the changes in one snapshot can page up to `counter − 1` without ever
//! skipping a late commit: the "single-row counter" approach of §5.1. That serialises pushes,
//! which SQLite does anyway and home-care volumes allow. On PostgreSQL the same row lock keeps
//! the guarantee across several processes.
//!
//! Positions are reserved as core's `CommitLog` reserves them (one per new mutation, at least
//! one per push), so on the same requests the server gives the same `server_seq`s and cursors
//! as the reference logic.

use crate::audit;
use crate::auth::Caller;
use crate::failure::Failure;
use crate::history::{self, GroupKey};
use crate::rules;
use crate::storage::Storage;
use relais_core::sync::kinds::Write;
use relais_core::sync::server::as_first;
use relais_core::sync::wire::{
    Mutation, MutationOutcome, Outcome, Problem, PushRequest, PushResponse,
};
use sqlx::{AnyConnection, Row};

/// One push, applied and recorded atomically, or a whole-request problem with nothing applied.
pub async fn push(
    storage: &Storage,
    caller: &Caller,
    request: &PushRequest,
) -> Result<PushResponse, Failure> {
    let _writer = storage.writer.lock().await;
    let mut tx = storage.database.pool.begin().await?;
    take_write_lock(&mut tx).await?;
    let key = GroupKey::new(caller, request.client_group);
    let known = history::group(&mut tx, &key).await?;
    let first_seq = request.mutations.first().map(|m| m.seq);
    let baseline =
        known.as_ref().map_or_else(|| first_seq.map_or(0, |seq| seq - 1), |g| g.last_applied);
    check_against_history(&mut tx, &key, request, baseline).await?;
    let fresh = request.mutations.iter().filter(|m| m.seq > baseline).count() as u64;
    let start = reserve(&mut tx, fresh.max(1)).await?;
    let at_ms = audit::server_time_ms();
    let mut outcomes = Vec::with_capacity(request.mutations.len());
    let mut next_position = start;
    for mutation in &request.mutations {
        let outcome = if mutation.seq <= baseline {
            repeated(&mut tx, &key, mutation).await?
        } else {
            let position = next_position;
            next_position += 1;
            let outcome = first_time(&mut tx, storage, caller, mutation, position).await?;
            history::record(
                &mut tx,
                &key,
                baseline,
                (mutation.seq, mutation.id),
                &outcome,
                position,
            )
            .await?;
            outcome
        };
        audit::record(&mut tx, at_ms, caller, request, mutation, &outcome).await?;
        outcomes.push(MutationOutcome { seq: mutation.seq, id: mutation.id, outcome });
    }
    let last_applied_seq =
        history::group(&mut tx, &key).await?.map_or(baseline, |g| g.last_applied);
    tx.commit().await?;
    Ok(PushResponse { outcomes, last_applied_seq })
}

/// §4.1 steps 4 and 5: a gap, or a processed seq arriving with another id, refuses the push.
async fn check_against_history(
    conn: &mut AnyConnection,
    key: &GroupKey<'_>,
    request: &PushRequest,
    baseline: u64,
) -> Result<(), Failure> {
    let (Some(first), Some(last)) = (request.mutations.first(), request.mutations.last()) else {
        return Ok(());
    };
    if first.seq > baseline.saturating_add(1) {
        let expected_seq = baseline.saturating_add(1);
        return Err(Problem::SeqGap { expected_seq, last_applied_seq: baseline }.into());
    }
    let recorded = history::recorded_ids(conn, key, first.seq, last.seq).await?;
    let reused = recorded.iter().find(|(seq, id)| {
        let sent = &request.mutations[(seq - first.seq) as usize];
        sent.id.to_string() != *id
    });
    match reused {
        Some((seq, _)) => Err(Problem::SeqReused { seq: *seq }.into()),
        None => Ok(()),
    }
}

/// Makes the transaction a writer before it reads anything: SQLite then never has to upgrade
/// a stale read snapshot (which fails rather than waits), and on PostgreSQL the row lock
/// serialises pushes across processes, so every read below sees the latest commit.
async fn take_write_lock(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE server_meta SET next_position = next_position WHERE id = 1")
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes `len` positions from the counter.
async fn reserve(conn: &mut AnyConnection, len: u64) -> Result<u64, sqlx::Error> {
    let row = sqlx::query(
        "UPDATE server_meta SET next_position = next_position + $1 WHERE id = 1
         RETURNING next_position - $1",
    )
    .bind(len as i64)
    .fetch_one(conn)
    .await?;
    Ok(row.get::<i64, _>(0) as u64)
}

/// A seq the group already passed: the outcome stored for it, as a duplicate.
async fn repeated(
    conn: &mut AnyConnection,
    key: &GroupKey<'_>,
    mutation: &Mutation,
) -> Result<Outcome, sqlx::Error> {
    let original = match history::recorded_outcome(&mut *conn, key, mutation.seq).await? {
        Some(Outcome::Duplicate { original }) => original,
        Some(first) => as_first(&first),
        None => history::first_outcome(conn, key.tenant, mutation.id).await?,
    };
    Ok(Outcome::Duplicate { original })
}

/// A seq seen for the first time in this group: a known mutation id is a duplicate, anything
/// else is decoded by core and applied or refused.
async fn first_time(
    conn: &mut AnyConnection,
    storage: &Storage,
    caller: &Caller,
    mutation: &Mutation,
    position: u64,
) -> Result<Outcome, sqlx::Error> {
    if let Some(original) = history::first_outcome(&mut *conn, &caller.tenant, mutation.id).await? {
        return Ok(Outcome::Duplicate { original: Some(original) });
    }
    let outcome = match Write::decode(mutation) {
        Ok(write) => rules::apply(&mut *conn, caller, &storage.catalogue, &write, position).await?,
        Err(reason) => Outcome::Rejected { reason },
    };
    if let Some(first) = as_first(&outcome) {
        history::store_first_outcome(conn, &caller.tenant, mutation.id, &first).await?;
    }
    Ok(outcome)
}
