//! The state every request shares: the connection pool, the category catalogue that says
//! what is restricted, and the lock that makes pushes a single writer (see `push.rs`).

use relais_core::CategoryCatalogue;
use sqlx::SqlitePool;
use tokio::sync::Mutex;

pub struct Storage {
    pub pool: SqlitePool,
    /// Held for a push's whole transaction, so positions follow commit order.
    pub writer: Mutex<()>,
    pub catalogue: CategoryCatalogue,
}

impl Storage {
    pub fn new(pool: SqlitePool, catalogue: CategoryCatalogue) -> Self {
        Self { pool, writer: Mutex::new(()), catalogue }
    }
}
