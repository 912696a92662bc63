//! Care plans kept on this device, one record per plan, rewritten whole on every change.
//!
//! Like evaluations, a record holds core's `Plan` as JSON text next to the id and subject the
//! key and index need: what is stored is exactly what core validates when it reads it back.

use crate::schema::{INDEX_BY_SUBJECT, STORE_PLANS};
use crate::{Store, StoreError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use relais_core::plan::Plan;
use relais_core::SubjectId;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct StoredPlan {
    id: String,
    subject: String,
    json: String,
}

impl Store {
    /// Saves the plan, replacing the earlier version of the same id.
    pub async fn save_plan(&self, plan: &Plan) -> Result<(), StoreError> {
        let tx = self.db().transaction(STORE_PLANS).with_mode(TransactionMode::Readwrite).build()?;
        let stored = StoredPlan {
            id: plan.id().to_string(),
            subject: plan.subject().as_str().to_owned(),
            json: serde_json::to_string(plan).expect("a plan always serialises"),
        };
        tx.object_store(STORE_PLANS)?.put(&stored).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

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
        let mut plans = stored
            .iter()
            .map(|s| serde_json::from_str::<Plan>(&s.json).map_err(|e| StoreError::Other(format!("plan {} : {e}", s.id))))
            .collect::<Result<Vec<_>, _>>()?;
        plans.sort_by_key(Plan::id);
        Ok(plans)
    }
}
