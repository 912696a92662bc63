//! The database schema and its additive migrations.
//!
//! Each step upgrades from the version before it; steps only add stores and indices, never
//! delete, so rows (and above all the outbox) survive every upgrade.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use wasm_bindgen::JsValue;
use web_sys::IdbTransaction;

pub const STORE_TRANSMISSIONS: &str = "transmissions";
pub const STORE_OUTBOX: &str = "outbox";
pub const STORE_META: &str = "meta";
pub const STORE_ACKNOWLEDGEMENTS: &str = "acknowledgements";
pub const STORE_EVALUATIONS: &str = "evaluations";
pub const STORE_PLANS: &str = "plans";
pub const STORE_RECEIPTS: &str = "receipts";
pub const STORE_PLAN_ITEMS: &str = "plan_items";
pub(crate) const INDEX_BY_SUBJECT: &str = "by_subject";
/// Confirmed plan items by the plan they belong to.
pub(crate) const INDEX_BY_PLAN: &str = "by_plan";
/// Transmissions by `[subject, created_at]`: a person's entries in time order, then by id, so
/// a reverse cursor reads the newest first without loading and sorting them all.
pub(crate) const INDEX_BY_SUBJECT_TIME: &str = "by_subject_time";

/// One migration: what version `n` adds to version `n - 1`. Most steps create stores on the
/// database; adding an index to a store that already exists needs the upgrade's transaction,
/// which `indexed_db_futures` does not hand to its callback.
#[derive(Clone, Copy)]
enum Step {
    Database(fn(&Database) -> indexed_db_futures::Result<()>),
    Transaction(fn(&IdbTransaction) -> Result<(), JsValue>),
}

/// `STEPS[n - 1]` upgrades to version `n`.
const STEPS: [Step; 9] = [
    Step::Database(v1_transmissions),
    Step::Database(v2_outbox_and_meta),
    Step::Database(v3_acknowledgements),
    Step::Database(v4_sync),
    Step::Database(v5_evaluations),
    Step::Transaction(v6_transmissions_by_time),
    Step::Database(v7_plans),
    Step::Database(v8_receipts),
    Step::Database(v9_plan_items),
];

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

/// Needs evaluations (drafts and finalised versions), one record per version keyed by its id.
fn v5_evaluations(db: &Database) -> indexed_db_futures::Result<()> {
    let store = db
        .create_object_store(STORE_EVALUATIONS)
        .with_key_path(KeyPath::One("id"))
        .build()?;
    store.create_index(INDEX_BY_SUBJECT, KeyPath::One("subject")).build()?;
    Ok(())
}

/// Lets the book read a person's newest page first (`pages.rs`); rows already stored are
/// indexed by the browser during the upgrade.
fn v6_transmissions_by_time(tx: &IdbTransaction) -> Result<(), JsValue> {
    let key_path = js_sys::Array::of2(&"subject".into(), &"created_at".into());
    tx.object_store(STORE_TRANSMISSIONS)?
        .create_index_with_str_sequence(INDEX_BY_SUBJECT_TIME, &key_path)?;
    Ok(())
}

/// Care plans (the plan timeline), one record per plan keyed by its id.
fn v7_plans(db: &Database) -> indexed_db_futures::Result<()> {
    let store = db.create_object_store(STORE_PLANS).with_key_path(KeyPath::One("id")).build()?;
    store.create_index(INDEX_BY_SUBJECT, KeyPath::One("subject")).build()?;
    Ok(())
}

/// Read receipts (`receipts.rs`), one record per (entry, reader), like acknowledgements.
fn v8_receipts(db: &Database) -> indexed_db_futures::Result<()> {
    let store = db.create_object_store(STORE_RECEIPTS).with_key_path(KeyPath::One("key")).build()?;
    store.create_index(INDEX_BY_SUBJECT, KeyPath::One("subject")).build()?;
    Ok(())
}

/// Plan items as the server last confirmed them, with their versions (`plan_sync.rs`): what
/// a pull rebuilds the working plan from and what a conflict is shown against.
fn v9_plan_items(db: &Database) -> indexed_db_futures::Result<()> {
    let store = db.create_object_store(STORE_PLAN_ITEMS).with_key_path(KeyPath::One("key")).build()?;
    store.create_index(INDEX_BY_PLAN, KeyPath::One("plan")).build()?;
    Ok(())
}

/// Runs every step above `old_version` up to `target`; `tx` is the upgrade's transaction.
pub(crate) fn upgrade(db: &Database, tx: &IdbTransaction, old_version: u32, target: u32) -> indexed_db_futures::Result<()> {
    STEPS
        .iter()
        .take(target as usize)
        .skip(old_version as usize)
        .try_for_each(|step| match step {
            Step::Database(step) => step(db),
            Step::Transaction(step) => step(tx).map_err(Into::into),
        })
}
