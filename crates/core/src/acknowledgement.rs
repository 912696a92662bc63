//! "Pris en compte": someone in the care circle has seen a point de vigilance.
//!
//! Acknowledgements form a grow-only set of (entry, person): adding is the only operation, so
//! devices that acknowledge offline merge without conflict.

use crate::{Author, EntryId, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub entry: EntryId,
    pub by: Author,
    pub at: Timestamp,
}

impl Acknowledgement {
    /// The set key: one acknowledgement per entry and person, whatever the time.
    pub fn key(&self) -> (EntryId, &str) {
        (self.entry, self.by.id())
    }
}
