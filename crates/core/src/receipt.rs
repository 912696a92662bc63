//! "Lu par …": who in the care circle has actually had an entry in front of them.
//!
//! The paper cahier de liaison is rarely read; a receipt tells the writer that the next person
//! saw what they wrote. Receipts form a grow-only set of (entry, reader), like
//! acknowledgements, so devices that read offline merge without conflict. A receipt is not
//! "pris en compte": it says the entry was displayed, not that its author's request was handled.

use crate::{Author, EntryId, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub entry: EntryId,
    pub by: Author,
    /// When the reader's device first displayed the entry; shown, never used to order.
    pub at: Timestamp,
}

impl Receipt {
    /// The set key: one receipt per entry and reader, whatever the time.
    pub fn key(&self) -> (EntryId, &str) {
        (self.entry, self.by.id())
    }
}
