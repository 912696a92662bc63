//! The state every request shares: the database, the category catalogue that says what is
//! restricted, and the lock that makes pushes a single writer (see `push.rs`).

use crate::db::Database;
use relais_core::CategoryCatalogue;
use tokio::sync::Mutex;

pub struct Storage {
    pub database: Database,
    /// Held for a push's whole transaction, so positions follow commit order.
    pub writer: Mutex<()>,
    pub catalogue: CategoryCatalogue,
}

impl Storage {
    pub fn new(database: Database, catalogue: CategoryCatalogue) -> Self {
        Self { database, writer: Mutex::new(()), catalogue }
    }
}
