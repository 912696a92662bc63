//! `receipt.add`: "lu par …", an entry was displayed to a reader.
//!
//! A grow-only set keyed by (entry, reader), ruled exactly like acknowledgements: only for an
//! entry the server has, readable by whoever may read that entry, so a receipt of a restricted
//! entry is itself restricted.

use super::{Access, Kind, Rule};
use crate::sync::wire::Target;
use crate::Receipt;

pub const RECEIPT_ADD: &str = "receipt.add";
pub const RECEIPT: &str = "receipt";

impl Kind for Receipt {
    const KIND: &'static str = RECEIPT_ADD;

    fn target(&self) -> Target {
        super::target(RECEIPT, format!("{}:{}", self.entry, self.by.id()))
    }

    fn author_id(&self) -> &str {
        self.by.id()
    }

    fn rule(&self) -> Rule {
        Rule::AddToSet
    }

    fn access(&self) -> Access {
        Access::OfEntry(self.entry)
    }
}
