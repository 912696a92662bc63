//! `transmission.create`: a liaison-book entry, immutable once written.
//!
//! Create-if-absent on the client-made id, so a re-push is a duplicate and two different entries
//! can never share an id. Who may read it follows its subject and category.

use super::{Access, Kind, Rule};
use crate::sync::wire::Target;
use crate::Transmission;

pub const TRANSMISSION_CREATE: &str = "transmission.create";
pub const TRANSMISSION: &str = "transmission";

impl Kind for Transmission {
    const KIND: &'static str = TRANSMISSION_CREATE;

    fn target(&self) -> Target {
        super::target(TRANSMISSION, self.id.to_string())
    }

    fn author_id(&self) -> &str {
        self.author.id()
    }

    fn rule(&self) -> Rule {
        Rule::CreateOnce
    }

    fn access(&self) -> Access {
        Access::Entry {
            subject: self.subject.clone(),
            category: self.category.clone(),
            author: self.author.id().to_owned(),
        }
    }
}
