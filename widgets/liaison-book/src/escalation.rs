//! A vigilance point nobody took into account escalates: after the configured delay it is
//! marked in the pinned list and the host is told once, so the portal can notify the référent.
//!
//! "Nobody" is seen from the current user, as the pin is: someone else's point escalates while
//! this user has not acknowledged it, the user's own while no one else has. It is evaluated
//! against the book's clock; a timer moves the clock at the next due moment so a short delay
//! does not wait for the regular tick.

use crate::device;
use crate::events::{summary, EscalationEvent};
use crate::state::Book;
use leptos::prelude::*;
use relais_core::{EntryId, Timestamp, Transmission};
use std::collections::HashSet;
use std::time::Duration;

/// The escalated points, shared with the pinned list through context.
#[derive(Clone, Copy)]
pub struct Escalated(pub Memo<Vec<EntryId>>);

fn due(entry: &Transmission, after: Duration) -> Timestamp {
    Timestamp::from_unix_ms(entry.created_at.unix_ms() + after.as_millis() as i64)
}

/// Pending points this reader may see, with the moment each escalates.
fn pending_with_due(book: Book) -> Vec<(Transmission, Timestamp)> {
    let after = book.config.with_value(|c| c.escalation_after);
    book.pending_vigilance()
        .into_iter()
        .filter(|t| book.can_read(t))
        .map(|t| {
            let at = due(&t, after);
            (t, at)
        })
        .collect()
}

/// Starts watching; call once per book, inside its component.
pub fn watch(book: Book) {
    let escalated = Memo::new(move |_| {
        let now = book.now.get();
        pending_with_due(book).into_iter().filter(|(_, at)| *at <= now).map(|(t, _)| t.id).collect::<Vec<_>>()
    });
    announce(book, escalated);
    wake_at_next_due(book);
    provide_context(Escalated(escalated));
}

/// Calls the host once per point and mount, when it first escalates.
fn announce(book: Book, escalated: Memo<Vec<EntryId>>) {
    let told = StoredValue::new(HashSet::<EntryId>::new());
    Effect::new(move |_| {
        let Some(callback) = book.events.with_value(|e| e.on_escalation) else { return };
        let minutes = book.config.with_value(|c| c.escalation_after.as_secs_f64() / 60.0);
        for id in escalated.get() {
            if told.try_update_value(|t| t.insert(id)) == Some(true) {
                if let Some(entry) = book.entry(id) {
                    callback.run(EscalationEvent { entry: summary(&entry), minutes });
                }
            }
        }
    });
}

fn wake_at_next_due(book: Book) {
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let clear = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        clear();
        let now = book.now.get();
        let next = pending_with_due(book).into_iter().map(|(_, at)| at).filter(|at| *at > now).min();
        if let Some(at) = next {
            let wait = Duration::from_millis((at.unix_ms() - now.unix_ms()) as u64 + 20);
            let handle = set_timeout_with_handle(move || book.now.set(device::now()), wait).ok();
            timer.set_value(handle);
        }
    });
    on_cleanup(clear);
}
