//! Applying one decoded write: core's rules (authorship, `unknown_entry`, create-if-absent)
//! plus what only the server can check, because only it has the data: tenancy, care-circle
//! membership and the confidentiality of restricted categories (docs/sync-protocol.md §3, §6).
//!
//! The order of checks follows core's `Server::apply`, so a caller that passes the server's
//! own checks gets exactly the reference outcome.

use crate::auth::Caller;
use relais_core::sync::kinds::{Write, TRANSMISSION};
use relais_core::sync::wire::{Outcome, Rejection, Version};
use relais_core::CategoryCatalogue;
use serde_json::Value;
use sqlx::{Row, SqliteConnection};

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
    conn: &mut SqliteConnection,
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
    let readers = match write {
        Write::TransmissionCreate(t) => Readers {
            subject: t.subject.as_str().to_owned(),
            // A category the catalogue does not know is treated as restricted: fail closed.
            restricted: catalogue.get(&t.category).is_none_or(|c| c.restricted),
            entry_author: t.author.id().to_owned(),
        },
        Write::AcknowledgementAdd(a) => {
            match entry_readers(&mut *conn, &caller.tenant, &a.entry.to_string()).await? {
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
    if matches!(write, Write::AcknowledgementAdd(_)) && !may_read {
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
    conn: &mut SqliteConnection,
    caller: &Caller,
    subject: &str,
) -> Result<Option<bool>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT care_team FROM care_circle WHERE tenant = $1 AND subject = $2 AND user_id = $3",
    )
    .bind(&caller.tenant)
    .bind(subject)
    .bind(&caller.user_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| r.get::<bool, _>(0)))
}

/// The readers of an existing transmission of the tenant; an acknowledgement inherits them.
async fn entry_readers(
    conn: &mut SqliteConnection,
    tenant: &str,
    entry: &str,
) -> Result<Option<Readers>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT subject, restricted, entry_author FROM resources
         WHERE tenant = $1 AND resource_type = $2 AND resource_id = $3",
    )
    .bind(tenant)
    .bind(TRANSMISSION)
    .bind(entry)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| Readers { subject: r.get(0), restricted: r.get(1), entry_author: r.get(2) }))
}

/// Both kinds of this version are create-if-absent: an equal resource is the same write seen
/// again (any acknowledgement of the same key is), a different one is refused, never
/// overwritten.
async fn create_if_absent(
    conn: &mut SqliteConnection,
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
        if same || matches!(write, Write::AcknowledgementAdd(_)) {
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
