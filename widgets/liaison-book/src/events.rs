//! What the book tells its host about: an alert written here, a vigilance point left
//! unacknowledged too long. The widget only calls callbacks; turning them into DOM events is
//! the embedding layer's job, so this crate stays free of event plumbing.

use crate::state::Book;
use leptos::prelude::*;
use crate::entry::excerpt;
use relais_core::{EntryId, Transmission};

/// The facts about an entry a host needs to notify someone, without the whole record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySummary {
    pub id: EntryId,
    pub subject: String,
    pub category: String,
    pub excerpt: String,
    pub author_name: String,
}

/// An alert-level entry was just written in this book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertEvent(pub EntrySummary);

/// A vigilance point stayed unacknowledged beyond the configured delay.
#[derive(Debug, Clone, PartialEq)]
pub struct EscalationEvent {
    pub entry: EntrySummary,
    pub minutes: f64,
}

/// The host's callbacks, if it gave any.
#[derive(Clone, Copy, Default)]
pub struct Events {
    pub on_alert: Option<Callback<AlertEvent>>,
    pub on_escalation: Option<Callback<EscalationEvent>>,
}

/// Long enough to recognise the entry in a notification, short enough for one line.
const EXCERPT_CHARS: usize = 140;

pub fn summary(entry: &Transmission) -> EntrySummary {
    EntrySummary {
        id: entry.id,
        subject: entry.subject.to_string(),
        category: entry.category.to_string(),
        excerpt: excerpt(entry.text.as_str(), EXCERPT_CHARS),
        author_name: entry.author.name().to_owned(),
    }
}

impl Book {
    /// Tells the host about `entry` if it is an alert; called once, when it is written here.
    pub fn announce_if_alert(&self, entry: &Transmission) {
        if entry.urgency == relais_core::Urgency::Alerte {
            if let Some(callback) = self.events.with_value(|e| e.on_alert) {
                callback.run(AlertEvent(summary(entry)));
            }
        }
    }
}
