//! The liaison book's « passage » entries about this person, read from the store the plan
//! shares with the book on this device: what planned versus done is drawn from.

use crate::device;
use crate::session::Session;
use leptos::prelude::*;
use relais_core::plan::Passage;

/// Reads the passages again (at opening, and whenever sync or another tab changed the store).
pub async fn read(session: Session) {
    let Some(Some(store)) = session.store.try_get_value() else { return };
    let Some(subject) = session.config.try_with_value(|c| c.subject.clone()) else { return };
    if let Ok(entries) = store.transmissions_for(&subject).await {
        let passages: Vec<Passage> =
            entries.iter().filter_map(|entry| Passage::of(entry, device::offset_minutes_at(entry.created_at))).collect();
        session.passages.try_set(passages);
    }
}
