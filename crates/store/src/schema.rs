//! The database schema and its additive migrations.
//!
//! Each step upgrades from the version before it; steps only add stores and indices, never
//! delete, so rows (and above all the outbox) survive every upgrade.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;

pub const STORE_TRANSMISSIONS: &str = "transmissions";
pub const STORE_OUTBOX: &str = "outbox";
pub const STORE_META: &str = "meta";
pub const STORE_ACKNOWLEDGEMENTS: &str = "acknowledgements";
pub(crate) const INDEX_BY_SUBJECT: &str = "by_subject";

/// One migration: what version `n` adds to version `n - 1`.
type Step = fn(&Database) -> indexed_db_futures::Result<()>;

/// `STEPS[n - 1]` upgrades to version `n`.
const STEPS: [Step; 4] = [v1_transmissions, v2_outbox_and_meta, v3_acknowledgements, v4_sync];

/// The version this build of Relais opens.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

fn v1_transmissions(db: &Database) -> indexed_db_futures::Result<()> {
    let store = db
        .create_object_store(STORE_TRANSMISSIONS)
        .with_key_path(KeyPath::One("id"))
        .build()?;
    store.create_index(INDEX_BY_SUBJECT, KeyPath::One("subject")).build()?;
    Ok(())
}

fn v2_outbox_and_meta(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(STORE_OUTBOX).with_key_path(KeyPath::One("seq")).build()?;
    db.create_object_store(STORE_META).build()?;
    Ok(())
}

/// One record per (entry, person): the key makes acknowledging twice a no-op.
fn v3_acknowledgements(db: &Database) -> indexed_db_futures::Result<()> {
    let store = db
        .create_object_store(STORE_ACKNOWLEDGEMENTS)
        .with_key_path(KeyPath::One("key"))
        .build()?;
    store.create_index(INDEX_BY_SUBJECT, KeyPath::One("subject")).build()?;
    Ok(())
}

/// v4 changes what rows hold, not which stores exist: outbox entries become the protocol's
/// `Mutation` (v3 entries are read as mutations where they lie, so none is rewritten or lost)
/// and `meta` gains the `sync` record. The version still moves so that an older build, which
/// cannot read the new entries, refuses to open the database instead of misreading it.
fn v4_sync(_db: &Database) -> indexed_db_futures::Result<()> {
    Ok(())
}

/// Runs every step above `old_version` up to `target`.
pub(crate) fn upgrade(db: &Database, old_version: u32, target: u32) -> indexed_db_futures::Result<()> {
    STEPS
        .iter()
        .take(target as usize)
        .skip(old_version as usize)
        .try_for_each(|step| step(db))
}
