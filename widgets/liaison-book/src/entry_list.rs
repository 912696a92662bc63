//! The transmissions of one person, newest first, under a heading per day.
//!
//! Every piece of user text goes through a text node: nothing here builds HTML from strings.

use crate::device;
use crate::entry::Entry;
use crate::state::Book;
use crate::texts::Texts;
use chrono::NaiveDate;
use leptos::prelude::*;
use relais_core::Transmission;

/// Consecutive entries of the same local day, in the order given.
fn by_day(entries: Vec<Transmission>, offset: i32) -> Vec<(NaiveDate, Vec<Transmission>)> {
    let mut days: Vec<(NaiveDate, Vec<Transmission>)> = Vec::new();
    for entry in entries {
        let day = entry.created_at.local_day(offset);
        match days.last_mut() {
            Some((last, list)) if *last == day => list.push(entry),
            _ => days.push((day, vec![entry])),
        }
    }
    days
}

#[component]
pub fn EntryList(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let offset = device::local_offset_minutes();
    let days = move || by_day(book.visible(), offset);
    let empty_text = move || if book.entries.with(Vec::is_empty) { texts.empty } else { texts.no_match };
    view! {
        <Show when=move || !book.visible().is_empty()
            fallback=move || view! { <p class="notice">{empty_text}</p> }>
            <div class="entries" aria-label=texts.list role="region">
                <For each=days key=|(day, list)| (*day, list.iter().map(|t| t.id).collect::<Vec<_>>()) let:day>
                    <Day book=book entries=day.1 offset=offset />
                </For>
            </div>
        </Show>
    }
}

/// One day's heading and entries. The heading is relative ("Hier"), so it follows the clock.
#[component]
fn Day(book: Book, entries: Vec<Transmission>, offset: i32) -> impl IntoView {
    let first = entries[0].created_at;
    let label = move || first.day_label_fr(book.now.get(), offset);
    view! {
        <section class="day" aria-label=label>
            <h3 class="day-label">{label}</h3>
            <ol class="day-entries">
                {entries.into_iter().map(|entry| view! { <Entry book=book entry=entry /> }).collect_view()}
            </ol>
        </section>
    }
}
