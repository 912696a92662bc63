//! Reading requests into core's wire types, with the whole-request checks of §4.1 step 1 done
//! by core itself, so this server and the reference logic cannot disagree on them.

use relais_core::sync::server;
use relais_core::sync::wire::{
    ClientGroupId, Cursor, Problem, PullRequest, PushRequest, DEFAULT_PULL_LIMIT,
};
use serde::Deserialize;

/// The largest seq a signed 64-bit column holds.
const MAX_STORED_SEQ: u64 = i64::MAX as u64;

/// A push body, checked as core checks it, plus the storage bound on seqs.
pub fn parse_push(body: &[u8]) -> Result<PushRequest, Problem> {
    let text =
        std::str::from_utf8(body).map_err(|e| Problem::BadRequest { detail: e.to_string() })?;
    let request = server::parse_push(text)?;
    // Storage keeps seqs in signed 64-bit columns (SQLite and PostgreSQL alike).
    if request.mutations.last().is_some_and(|m| m.seq > MAX_STORED_SEQ) {
        return Err(Problem::BadRequest {
            detail: format!("seqs must not exceed {MAX_STORED_SEQ}"),
        });
    }
    Ok(request)
}

/// The pull query string as sent: `limit` is optional on the wire, unlike in `PullRequest`.
#[derive(Debug, Deserialize)]
pub struct PullQuery {
    client_group: ClientGroupId,
    cursor: Option<String>,
    limit: Option<u32>,
}

impl PullQuery {
    pub fn into_request(self) -> PullRequest {
        PullRequest {
            client_group: self.client_group,
            cursor: self.cursor.map(Cursor),
            limit: self.limit.unwrap_or(DEFAULT_PULL_LIMIT),
        }
    }
}
