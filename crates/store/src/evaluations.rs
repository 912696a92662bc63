//! Needs evaluations kept on this device: every draft save and every finalised version.
//!
//! A record holds the core `Evaluation` as its JSON text, so what is stored is exactly what
//! core serialises (nested `QuestionnaireResponse` items included), next to the id and the
//! subject the store's key and index need. A finalised version is queued for sync
//! (`evaluation.finalize`) in the transaction that stores it, so it is never stored unsent nor
//! sent unstored.

use crate::schema::{INDEX_BY_SUBJECT, STORE_EVALUATIONS, STORE_META, STORE_OUTBOX};
use crate::store::queue;
use crate::{Store, StoreError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use relais_core::questionnaire::evaluation::Evaluation;
use relais_core::sync::kinds::{SignedEvaluation, Write};
use relais_core::SubjectId;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct StoredEvaluation {
    id: String,
    subject: String,
    json: String,
}

impl Store {
    /// Saves a version of an evaluation, replacing an earlier save of the same id. A finalised
    /// version is never replaced: writing over it is refused, so a signed version stays as it
    /// was signed; it is queued for sync with it, and refused if its fingerprint or GIR does
    /// not match its content.
    pub async fn save_evaluation(&self, evaluation: &Evaluation) -> Result<(), StoreError> {
        let signed = evaluation
            .is_final()
            .then(|| SignedEvaluation::new(evaluation.clone()))
            .transpose()
            .map_err(|e| StoreError::Other(e.to_string()))?;
        let tx = self
            .db()
            .transaction([STORE_EVALUATIONS, STORE_OUTBOX, STORE_META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(STORE_EVALUATIONS)?;
        let id = evaluation.id().to_string();
        let existing: Option<StoredEvaluation> = store.get(id.as_str()).serde()?.await?;
        if existing.and_then(|stored| decode(&stored)).is_some_and(|e| e.is_final()) {
            return Err(StoreError::Other(format!(
                "l'évaluation {id} est finalisée et ne change plus / evaluation {id} is final"
            )));
        }
        let stored = StoredEvaluation {
            id,
            subject: evaluation.subject().as_str().to_owned(),
            json: serde_json::to_string(evaluation).expect("an evaluation always serialises"),
        };
        store.put(&stored).serde()?.await?;
        if let Some(signed) = signed {
            queue(&tx, Write::EvaluationFinalize(signed)).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every evaluation of `subject` on this device, drafts and final versions, oldest first.
    pub async fn evaluations_for(&self, subject: &SubjectId) -> Result<Vec<Evaluation>, StoreError> {
        let tx = self.db().transaction(STORE_EVALUATIONS).build()?;
        let store = tx.object_store(STORE_EVALUATIONS)?;
        let stored = store
            .index(INDEX_BY_SUBJECT)?
            .get_all::<StoredEvaluation>()
            .with_query(subject.as_str())
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        let mut evaluations: Vec<Evaluation> = stored.iter().filter_map(decode).collect();
        evaluations.sort_by_key(|e| e.id());
        Ok(evaluations)
    }
}

/// A record another build wrote in a shape this one cannot read is skipped, not fatal.
fn decode(stored: &StoredEvaluation) -> Option<Evaluation> {
    serde_json::from_str(&stored.json).ok()
}
