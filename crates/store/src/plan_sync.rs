//! Plans as sync sees them: items as the server last confirmed them, the working plan rebuilt
//! from those and the pending puts, and the conflicts the user still has to settle.
//!
//! Core decides (`relais_core::sync::plan_edits`); this file only reads and writes the rows,
//! inside the transaction of the save or of the pulled page, so the working plan, the confirmed
//! items and the outbox never disagree after a crash.

use crate::outbox::read_all;
use crate::schema::{INDEX_BY_PLAN, STORE_META, STORE_OUTBOX, STORE_PLANS, STORE_PLAN_ITEMS};
use crate::store::queue;
use crate::sync_state::{read, SYNC_KEY};
use crate::{Store, StoreError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use relais_core::plan::Plan;
use relais_core::sync::kinds::{PlanItem, PlanItemPatch, Write, PLAN_ITEM, PLAN_ITEM_PUT};
use relais_core::sync::plan_edits::{working_plan, Confirmed, Conflict};
use relais_core::sync::wire::{Mutation, Version};
use relais_core::{Author, EntryId, SubjectId, Timestamp};
use serde::{Deserialize, Serialize};

/// A confirmed item as stored: keyed by its sync target, indexed by its plan.
#[derive(Serialize, Deserialize)]
struct StoredItem {
    key: String,
    plan: String,
    version: u64,
    item: PlanItem,
}

/// A working plan as stored (`plans.rs` reads the same rows).
#[derive(Serialize, Deserialize)]
pub(crate) struct StoredPlan {
    pub(crate) id: String,
    pub(crate) subject: String,
    pub(crate) json: String,
}

impl StoredPlan {
    pub(crate) fn of(plan: &Plan) -> Self {
        Self {
            id: plan.id().to_string(),
            subject: plan.subject().as_str().to_owned(),
            json: serde_json::to_string(plan).expect("a plan always serialises"),
        }
    }

    pub(crate) fn plan(&self) -> Result<Plan, StoreError> {
        serde_json::from_str(&self.json).map_err(|e| StoreError::Corrupt(format!("plan {} : {e}", self.id)))
    }
}

/// A conflict the user has not settled yet, with the outbox seq of the put it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanConflict {
    pub seq: u64,
    pub conflict: Conflict,
}

async fn confirmed_of(tx: &Transaction<'_>, plan: EntryId) -> Result<Vec<Confirmed>, StoreError> {
    let stored = tx
        .object_store(STORE_PLAN_ITEMS)?
        .index(INDEX_BY_PLAN)?
        .get_all::<StoredItem>()
        .with_query(plan.to_string())
        .serde()?
        .await?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(stored.into_iter().map(|s| Confirmed { item: s.item, version: Version(s.version) }).collect())
}

fn plan_put(mutation: &Mutation) -> Option<PlanItemPatch> {
    (mutation.kind.0 == PLAN_ITEM_PUT).then(|| serde_json::from_value(mutation.payload.clone()).ok()).flatten()
}

/// Puts still waiting for the server, oldest first.
async fn pending_puts(tx: &Transaction<'_>) -> Result<Vec<PlanItemPatch>, StoreError> {
    let confirmed = read(tx).await?.map_or(0, |r| r.confirmed_seq);
    let outbox = read_all(tx).await?;
    Ok(outbox.iter().filter(|m| m.seq > confirmed).filter_map(plan_put).collect())
}

/// Stores a pulled item and says which plan it is of. An item with no field left is a removed
/// one: it stays stored, with its version, and rebuilding leaves it out of the plan.
pub(crate) async fn put_confirmed(tx: &Transaction<'_>, item: PlanItem, version: Version) -> Result<EntryId, StoreError> {
    let plan = item.item.plan;
    let stored = StoredItem { key: item.item.target().id, plan: plan.to_string(), version: version.0, item };
    tx.object_store(STORE_PLAN_ITEMS)?.put(&stored).serde()?.await?;
    Ok(plan)
}

/// Rebuilds `plan`'s working copy from its confirmed items and the pending puts. Items that do
/// not make a valid plan yet (a pull page ending between two related items) leave the working
/// copy as it was: the next page completes them.
pub(crate) async fn rebuild(tx: &Transaction<'_>, plan: EntryId) -> Result<(), StoreError> {
    let confirmed: Vec<PlanItem> = confirmed_of(tx, plan).await?.into_iter().map(|c| c.item).collect();
    let pending: Vec<_> = pending_puts(tx).await?.into_iter().filter(|p| p.item.plan == plan).collect();
    if let Ok(Some(working)) = working_plan(&confirmed, &pending) {
        tx.object_store(STORE_PLANS)?.put(&StoredPlan::of(&working)).serde()?.await?;
    }
    Ok(())
}

/// Every plan the pending puts are about, so a reset shows them again over what was pulled.
pub(crate) async fn pending_plans(tx: &Transaction<'_>) -> Result<Vec<EntryId>, StoreError> {
    let mut plans: Vec<EntryId> = pending_puts(tx).await?.into_iter().map(|p| p.item.plan).collect();
    plans.sort();
    plans.dedup();
    Ok(plans)
}

/// The plans of the puts confirmed (applied or refused) after seq `after` through `through`.
pub(crate) fn plans_confirmed(outbox: &[Mutation], after: u64, through: u64) -> Vec<EntryId> {
    outbox.iter().filter(|m| m.seq > after && m.seq <= through).filter_map(plan_put).map(|p| p.item.plan).collect()
}

pub(crate) fn is_plan_item(target_type: &str) -> bool {
    target_type == PLAN_ITEM
}

impl Store {
    /// Saves the working plan and queues one `plan_item.put` per item the change touched, all
    /// in one transaction; returns how many puts were queued.
    pub async fn save_plan(&self, plan: &Plan, author: &Author, at: Timestamp) -> Result<usize, StoreError> {
        let tx = self
            .db()
            .transaction([STORE_PLANS, STORE_PLAN_ITEMS, STORE_OUTBOX, STORE_META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let plans = tx.object_store(STORE_PLANS)?;
        let confirmed = confirmed_of(&tx, plan.id()).await?;
        // A plan stored before plans synced (v8 and older) was never sent: its first save
        // creates every item, not only the changed ones.
        let known = !confirmed.is_empty() || pending_puts(&tx).await?.iter().any(|p| p.item.plan == plan.id());
        let before = match plans.get::<StoredPlan, _, _>(plan.id().to_string()).serde()?.await? {
            Some(stored) if known => Some(stored.plan()?),
            _ => None,
        };
        let version_of = |item: &relais_core::sync::kinds::PlanItemRef| {
            confirmed.iter().find(|c| &c.item.item == item).map(|c| c.version)
        };
        let puts = relais_core::sync::plan_edits::patches(before.as_ref(), plan, version_of, author, at);
        plans.put(&StoredPlan::of(plan)).serde()?.await?;
        let count = puts.len();
        for put in puts {
            queue(&tx, Write::PlanItemPut(put)).await?;
        }
        tx.commit().await?;
        Ok(count)
    }

    /// The conflicts on `subject`'s plans that no later put has settled, oldest first, each
    /// against the item as last pulled.
    pub async fn plan_conflicts(&self, subject: &SubjectId) -> Result<Vec<PlanConflict>, StoreError> {
        let tx = self.db().transaction([STORE_PLAN_ITEMS, STORE_OUTBOX, STORE_META]).build()?;
        let Some(record) = read(&tx).await? else { return Ok(Vec::new()) };
        let outbox = read_all(&tx).await?;
        let mut conflicts = Vec::new();
        for refused in record.rejected.iter().filter(|r| r.reason.is_conflict() && !r.is_resolved_by(&outbox)) {
            let Some(put) = outbox.iter().find(|m| m.seq == refused.seq).and_then(plan_put) else { continue };
            if &put.item.subject != subject {
                continue;
            }
            let current = confirmed_of(&tx, put.item.plan).await?.into_iter().find(|c| c.item.item == put.item);
            if let Some(conflict) = Conflict::between(&put, current.as_ref().map(|c| &c.item)) {
                conflicts.push(PlanConflict { seq: refused.seq, conflict });
            }
        }
        Ok(conflicts)
    }

    /// Settles a conflict for the user's own values: a new put made from the current item,
    /// queued with the working plan it gives.
    pub async fn keep_my_plan_values(&self, conflict: &PlanConflict, author: &Author, at: Timestamp) -> Result<(), StoreError> {
        let tx = self
            .db()
            .transaction([STORE_PLANS, STORE_PLAN_ITEMS, STORE_OUTBOX, STORE_META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let plan = conflict.conflict.item.plan;
        let current = confirmed_of(&tx, plan).await?.into_iter().find(|c| c.item.item == conflict.conflict.item);
        let put = conflict.conflict.keep_mine(current.as_ref(), author, at);
        if !put.changes.is_empty() {
            queue(&tx, Write::PlanItemPut(put)).await?;
        }
        rebuild(&tx, plan).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Settles a conflict for the other person's values, which the plan already shows: the
    /// conflict is no longer listed.
    pub async fn keep_their_plan_values(&self, conflict: &PlanConflict) -> Result<(), StoreError> {
        let tx = self.db().transaction(STORE_META).with_mode(TransactionMode::Readwrite).build()?;
        if let Some(mut record) = read(&tx).await? {
            record.rejected.retain(|r| r.seq != conflict.seq);
            tx.object_store(STORE_META)?.put(&record).with_key(SYNC_KEY.to_owned()).serde()?.await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
