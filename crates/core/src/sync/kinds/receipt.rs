//! `receipt.add`: "lu par …", an entry was displayed to a reader.
//!
//! A grow-only set keyed by (entry, reader), ruled exactly like acknowledgements: only for an
//! entry the server has, readable by whoever may read that entry, so a receipt of a restricted
//! entry is itself restricted.

use crate::Receipt;

pub const RECEIPT_ADD: &str = "receipt.add";
pub const RECEIPT: &str = "receipt";

super::set_member_kind!(Receipt, RECEIPT_ADD, RECEIPT);
