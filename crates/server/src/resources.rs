//! The `resources` and `changes` tables: what a target holds now, and storing its next version
//! with the change that pulls will page through in commit order.

use crate::engine::flag;
use relais_core::sync::kinds::TRANSMISSION;
use relais_core::sync::wire::{Target, Version};
use serde_json::Value;
use sqlx::{AnyConnection, Row};

/// How `changes.op` spells a put, as the wire does.
pub const PUT: &str = "put";

/// Who may read a resource: members of the subject's circle, and for a restricted one only
/// the équipe de soins and the author of the entry concerned.
pub struct Readers {
    pub subject: String,
    pub restricted: bool,
    pub entry_author: String,
}

/// A stored resource.
pub struct Current {
    pub value: Value,
    pub version: Version,
    pub subject: String,
}

/// What the tenant holds at `target`, if anything.
pub async fn current(
    conn: &mut AnyConnection,
    tenant: &str,
    target: &Target,
) -> Result<Option<Current>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT value, version, subject FROM resources
         WHERE tenant = $1 AND resource_type = $2 AND resource_id = $3",
    )
    .bind(tenant)
    .bind(&target.resource_type.0)
    .bind(&target.id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let value = serde_json::from_str(&row.get::<String, _>(0))
        .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Some(Current { value, version: Version(row.get::<i64, _>(1) as u64), subject: row.get(2) }))
}

/// The readers of an existing transmission of the tenant; an acknowledgement or a read receipt
/// of it inherits them.
pub async fn entry_readers(
    conn: &mut AnyConnection,
    tenant: &str,
    entry: &str,
) -> Result<Option<Readers>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT subject, CASE WHEN restricted THEN 1 ELSE 0 END, entry_author FROM resources
         WHERE tenant = $1 AND resource_type = $2 AND resource_id = $3",
    )
    .bind(tenant)
    .bind(TRANSMISSION)
    .bind(entry)
    .fetch_optional(conn)
    .await?;
    row.map(|r| Ok(Readers { subject: r.get(0), restricted: flag(&r, 1)?, entry_author: r.get(2) }))
        .transpose()
}

/// Stores `value` as `version` of `target`, and its change at `position`.
pub async fn put(
    conn: &mut AnyConnection,
    tenant: &str,
    target: &Target,
    (version, value): (Version, &Value),
    readers: &Readers,
    position: u64,
) -> Result<(), sqlx::Error> {
    let text = value.to_string();
    sqlx::query(
        "INSERT INTO resources
         (tenant, resource_type, resource_id, version, value, subject, restricted, entry_author)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant, resource_type, resource_id) DO UPDATE
         SET version = excluded.version, value = excluded.value, subject = excluded.subject,
             restricted = excluded.restricted, entry_author = excluded.entry_author",
    )
    .bind(tenant)
    .bind(&target.resource_type.0)
    .bind(&target.id)
    .bind(version.0 as i64)
    .bind(&text)
    .bind(&readers.subject)
    .bind(readers.restricted)
    .bind(&readers.entry_author)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO changes (position, tenant, resource_type, resource_id, version, op, value,
                              subject, restricted, entry_author)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(position as i64)
    .bind(tenant)
    .bind(&target.resource_type.0)
    .bind(&target.id)
    .bind(version.0 as i64)
    .bind(PUT)
    .bind(&text)
    .bind(&readers.subject)
    .bind(readers.restricted)
    .bind(&readers.entry_author)
    .execute(conn)
    .await?;
    Ok(())
}
