//! Care plans kept on this device: the working copy of each plan, one record per plan.
//!
//! A record holds core's `Plan` as JSON text next to the id and subject the key and index need:
//! what is stored is exactly what core validates when it reads it back. Saving goes through
//! `plan_sync.rs`, which queues the per-item puts in the same transaction.

use crate::plan_sync::StoredPlan;
use crate::schema::{INDEX_BY_SUBJECT, STORE_PLANS};
use crate::{Store, StoreError};
use indexed_db_futures::prelude::*;
use relais_core::plan::Plan;
use relais_core::SubjectId;

impl Store {
    /// Every plan of `subject` on this device, oldest first. A record this build cannot read
    /// (written by a newer one) is an error, not silently dropped: saving over it would lose it.
    pub async fn plans_for(&self, subject: &SubjectId) -> Result<Vec<Plan>, StoreError> {
        let tx = self.db().transaction(STORE_PLANS).build()?;
        let stored = tx
            .object_store(STORE_PLANS)?
            .index(INDEX_BY_SUBJECT)?
            .get_all::<StoredPlan>()
            .with_query(subject.as_str())
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        let mut plans = stored.iter().map(StoredPlan::plan).collect::<Result<Vec<_>, _>>()?;
        plans.sort_by_key(Plan::id);
        Ok(plans)
    }
}
