//! `acknowledgement.add`: "pris en compte" on a point de vigilance.
//!
//! A grow-only set keyed by (entry, person): the target is the key, so two devices of the same
//! person acknowledging the same entry name the same resource and the second is a duplicate.
//! It exists only for an entry the server has, and whoever may read that entry may read it.

use super::{Access, Kind, Rule};
use crate::sync::wire::Target;
use crate::Acknowledgement;

pub const ACKNOWLEDGEMENT_ADD: &str = "acknowledgement.add";
pub const ACKNOWLEDGEMENT: &str = "acknowledgement";

impl Kind for Acknowledgement {
    const KIND: &'static str = ACKNOWLEDGEMENT_ADD;

    fn target(&self) -> Target {
        super::target(ACKNOWLEDGEMENT, format!("{}:{}", self.entry, self.by.id()))
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
