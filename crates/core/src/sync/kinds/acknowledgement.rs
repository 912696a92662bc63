//! `acknowledgement.add`: "pris en compte" on a point de vigilance.
//!
//! A grow-only set keyed by (entry, person): the target is the key, so two devices of the same
//! person acknowledging the same entry name the same resource and the second is a duplicate.
//! It exists only for an entry the server has, and whoever may read that entry may read it.

use crate::Acknowledgement;

pub const ACKNOWLEDGEMENT_ADD: &str = "acknowledgement.add";
pub const ACKNOWLEDGEMENT: &str = "acknowledgement";

super::set_member_kind!(Acknowledgement, ACKNOWLEDGEMENT_ADD, ACKNOWLEDGEMENT);
