//! Applying one decoded write: core's rules (authorship, `unknown_entry`, create-if-absent)
//! plus what only the server can check, because only it has the data: tenancy, care-circle
//! membership and the confidentiality of restricted categories (docs/sync-protocol.md §3, §6).
//!
//! The order of checks follows core's `Server::apply`, so a caller that passes the server's
//! own checks gets exactly the reference outcome.

use crate::auth::Caller;
use crate::engine::flag;
use relais_core::sync::kinds::{Access, Rule, Write, TRANSMISSION};
use relais_core::sync::wire::{Outcome, Rejection, Version};
use relais_core::CategoryCatalogue;
use serde_json::Value;
use sqlx::{AnyConnection, Row};

/// Who may read a resource: members of the subject's circle, and for a restricted one only
/// the équipe de soins and the author of the entry concerned.
struct Readers {
    subject: String,
    restricted: bool,
    entry_author: String,
}

/// How `changes.op` spells a creation, as the wire does.
pub const PUT: &str = "put";

fn rejected(code: &str, message: &str) -> Outcome {
    Outcome::Rejected { reason: Rejection::new(code, message) }
}

fn unknown_entry() -> Outcome {
    rejected(
        Rejection::UNKNOWN_ENTRY,
        "la transmission à prendre en compte est introuvable / unknown entry",
    )
}

/// Applies `write` for `caller` at `position`, or says why not.
pub async fn apply(
    conn: &mut AnyConnection,
    caller: &Caller,
    catalogue: &CategoryCatalogue,
    write: &Write,
    position: u64,
) -> Result<Outcome, sqlx::Error> {
    if write.author_id() != caller.user_id {
        return Ok(rejected(
            Rejection::FORBIDDEN,
            "vous ne pouvez écrire qu'en votre nom / you may only write as yourself",
        ));
    }
    let access = write.access();
    let readers = match &access {
        Access::Entry { subject, category, author } => Readers {
            subject: subject.as_str().to_owned(),
            // A category the catalogue does not know is treated as restricted: fail closed.
            restricted: catalogue.get(category).is_none_or(|c| c.restricted),
            entry_author: author.clone(),
        },
        Access::OfEntry(entry) => {
            match entry_readers(&mut *conn, &caller.tenant, &entry.to_string()).await? {
                Some(readers) => readers,
                None => return Ok(unknown_entry()),
            }
        }
    };
    let care_team = membership(&mut *conn, caller, &readers.subject).await?;
    let may_read = care_team.is_some_and(|care_team| {
        !readers.restricted || care_team || readers.entry_author == caller.user_id
    });
    // An entry the caller may not read is reported as absent, so its existence is not revealed.
    if matches!(access, Access::OfEntry(_)) && !may_read {
        return Ok(unknown_entry());
    }
    if care_team.is_none() {
        return Ok(rejected(
            Rejection::FORBIDDEN,
            "vous ne faites pas partie du cercle de soins de cette personne \
             / you are not in this person's care circle",
        ));
    }
    create_if_absent(conn, &caller.tenant, write, &readers, position).await
}

/// Whether the caller is in the subject's care circle, and if so whether as équipe de soins.
async fn membership(
    conn: &mut AnyConnection,
    caller: &Caller,
    subject: &str,
) -> Result<Option<bool>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT CASE WHEN care_team THEN 1 ELSE 0 END FROM care_circle
         WHERE tenant = $1 AND subject = $2 AND user_id = $3",
    )
    .bind(&caller.tenant)
    .bind(subject)
    .bind(&caller.user_id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| flag(&r, 0)).transpose()
}

/// The readers of an existing transmission of the tenant; an acknowledgement or a read receipt
/// of it inherits them.
async fn entry_readers(
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

/// Creates and set additions: an equal resource is the same write seen again (any set member
/// under the same key is), a different one under the same id is refused, never overwritten.
async fn create_if_absent(
    conn: &mut AnyConnection,
    tenant: &str,
    write: &Write,
    readers: &Readers,
    position: u64,
) -> Result<Outcome, sqlx::Error> {
    let target = write.target();
    let value = write.resource();
    let existing = sqlx::query(
        "SELECT value FROM resources WHERE tenant = $1 AND resource_type = $2 AND resource_id = $3",
    )
    .bind(tenant)
    .bind(&target.resource_type.0)
    .bind(&target.id)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(row) = existing {
        let same =
            serde_json::from_str::<Value>(&row.get::<String, _>(0)).is_ok_and(|v| v == value);
        if same || write.rule() == Rule::AddToSet {
            return Ok(Outcome::Duplicate { original: None });
        }
        return Ok(rejected(
            Rejection::TARGET_EXISTS,
            "un autre enregistrement porte déjà cet identifiant / id already used",
        ));
    }
    let version = Version(1);
    let text = value.to_string();
    sqlx::query(
        "INSERT INTO resources
         (tenant, resource_type, resource_id, version, value, subject, restricted, entry_author)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
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
    Ok(Outcome::Applied { version })
}
