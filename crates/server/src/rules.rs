//! Applying one decoded write: core's rules (authorship, `unknown_entry`, and what the write
//! comes to against the stored resource, `Write::against`) plus what only the server can
//! check, because only it has the data: tenancy, care-circle membership and the
//! confidentiality of restricted categories and of evaluations (docs/sync-protocol.md §3, §6).
//!
//! The order of checks follows core's `Server::apply`, so a caller that passes the server's
//! own checks gets exactly the reference outcome.

use crate::auth::Caller;
use crate::engine::flag;
use crate::resources::{self, Current, Readers};
use relais_core::sync::kinds::{Access, Rule, Verdict, Write, EVALUATION};
use relais_core::sync::wire::{Outcome, Rejection, Version};
use relais_core::CategoryCatalogue;
use serde_json::Value;
use sqlx::AnyConnection;

/// Resources that hold health information whatever their content: a needs evaluation (AGGIR,
/// REM) records cognition, continence, health. Like the restricted categories, they reach only
/// the équipe de soins and their author: outside it, sharing needs the person's consent
/// (décret 2016-1349, ../shared/domain.md §1), which a care circle alone does not record.
const HEALTH_RECORDS: [&str; 1] = [EVALUATION];

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
            match resources::entry_readers(&mut *conn, &caller.tenant, &entry.to_string()).await? {
                Some(readers) => readers,
                None => return Ok(unknown_entry()),
            }
        }
        // Plan items and evaluations: the person's circle, except for health records; the
        // writer is recorded as the author.
        Access::Subject(subject) => Readers {
            subject: subject.as_str().to_owned(),
            restricted: HEALTH_RECORDS.contains(&write.target().resource_type.0.as_str()),
            entry_author: caller.user_id.clone(),
        },
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
    store(conn, &caller.tenant, write, &readers, position).await
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

/// Stores what core's rules say the write comes to, under the next version of the resource.
/// An edit names its person: it may not touch an item stored for another one, whose circle
/// may differ (nor learn its content through a conflict).
async fn store(
    conn: &mut AnyConnection,
    tenant: &str,
    write: &Write,
    readers: &Readers,
    position: u64,
) -> Result<Outcome, sqlx::Error> {
    let target = write.target();
    let current = resources::current(&mut *conn, tenant, &target).await?;
    if write.rule() == Rule::MergeFields
        && current.as_ref().is_some_and(|c| c.subject != readers.subject)
    {
        return Ok(rejected(
            Rejection::FORBIDDEN,
            "cet élément concerne une autre personne / this item belongs to another person",
        ));
    }
    Ok(match write.against(current.as_ref().map(|c| &c.value)) {
        Verdict::AlreadyThere => Outcome::Duplicate { original: None },
        Verdict::IdTaken => rejected(
            Rejection::TARGET_EXISTS,
            "un autre enregistrement porte déjà cet identifiant / id already used",
        ),
        Verdict::Conflict => {
            let Current { value, version, .. } = current.unwrap_or(Current {
                value: Value::Null,
                version: Version(0),
                subject: String::new(),
            });
            Outcome::Conflict { current: value, version }
        }
        Verdict::Store(value) => {
            let version = Version(current.map_or(0, |c| c.version.0) + 1);
            resources::put(conn, tenant, &target, (version, &value), readers, position).await?;
            Outcome::Applied { version }
        }
    })
}
