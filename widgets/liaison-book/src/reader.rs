//! Who reads the book decides what it shows. The équipe de soins sees every category its
//! role allows; anyone else (the person, relatives, a guardian) gets the reassuring view:
//! restricted categories never appear, even if the store holds them, and the wording is plain.
//!
//! The server enforces the same rule; this is the widget's own guarantee, so a stale cache or
//! a misconfigured endpoint still cannot show a relative a health or maltreatment entry.

use crate::config::BookConfig;
use crate::state::Book;
use leptos::prelude::*;
use relais_core::{CategoryId, Transmission};

/// The category a relative's message most often is.
const FAMILY_CATEGORY: &str = "demande";

pub fn is_care_team(config: &BookConfig) -> bool {
    config.author.role().is_care_team()
}

/// Whether this reader may see entries of `category`. Outside the équipe de soins an unknown
/// category is treated as restricted: when in doubt, hide.
pub fn may_read(config: &BookConfig, category: &CategoryId) -> bool {
    is_care_team(config) || config.catalogue.get(category).is_some_and(|c| !c.restricted)
}

impl Book {
    pub fn is_care_team(&self) -> bool {
        self.config.with_value(is_care_team)
    }

    pub fn can_read(&self, entry: &Transmission) -> bool {
        self.config.with_value(|c| may_read(c, &entry.category))
    }

    /// The category a new transmission starts with: a request for relatives, otherwise the
    /// catalogue's first.
    pub fn default_category(&self) -> CategoryId {
        self.config.with_value(|c| {
            let family = CategoryId::new(FAMILY_CATEGORY);
            if !is_care_team(c) && c.catalogue.get(&family).is_some() {
                family
            } else {
                c.catalogue.iter().find(|cat| may_read(c, &cat.id)).unwrap_or(c.catalogue.first()).id.clone()
            }
        })
    }
}
