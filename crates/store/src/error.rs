//! What can go wrong with local storage, in words a user can act on.

use indexed_db_futures::error::{Error as IdbError, OpenDbError};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Stockage local indisponible (navigation privée ou stockage désactivé ?) : {0} / Local storage unavailable (private browsing or storage disabled?)")]
    Unavailable(String),
    #[error("Espace de stockage plein : rien n'a été perdu, mais libérez de la place pour enregistrer. / Storage is full: nothing was lost, but free some space to save.")]
    QuotaExceeded,
    #[error("Donnée locale illisible : {0} / Unreadable local data")]
    Corrupt(String),
    #[error("Erreur du stockage local : {0} / Local storage error")]
    Other(String),
}

impl From<OpenDbError> for StoreError {
    fn from(error: OpenDbError) -> Self {
        StoreError::Unavailable(error.to_string())
    }
}

impl From<IdbError> for StoreError {
    fn from(error: IdbError) -> Self {
        let text = error.to_string();
        match error {
            IdbError::DomException(_) if text.contains("Quota") => StoreError::QuotaExceeded,
            IdbError::Serialisation(_) | IdbError::MissingData(_) => StoreError::Corrupt(text),
            _ => StoreError::Other(text),
        }
    }
}

impl From<serde_wasm_bindgen::Error> for StoreError {
    fn from(error: serde_wasm_bindgen::Error) -> Self {
        StoreError::Corrupt(error.to_string())
    }
}
