//! Points de vigilance pinned above everything until the reader acknowledges them.
//!
//! The paper notebook's weakness is that nobody is sure the next person read the important
//! line; here each reader must press "Pris en compte", and everyone sees who has. A point
//! left too long is marked as escalated (`escalation`). Only points this reader may see are
//! pinned.

use crate::device;
use crate::escalation::Escalated;
use crate::state::Book;
use crate::texts::Texts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::{Acknowledgement, Transmission};

#[component]
pub fn VigilancePanel(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    view! {
        <Show when=move || !readable_pending(book).is_empty()>
            <section class="pinned" aria-labelledby="relais-pinned-title">
                <h2 id="relais-pinned-title">{texts.pinned}</h2>
                <ul>
                    <For each=move || readable_pending(book) key=|t| t.id let:entry>
                        <Pinned book=book entry=entry />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

fn readable_pending(book: Book) -> Vec<Transmission> {
    book.pending_vigilance().into_iter().filter(|t| book.can_read(t)).collect()
}

#[component]
fn Pinned(book: Book, entry: Transmission) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let id = entry.id;
    let mine = entry.author.id() == book.me();
    let acknowledge = move |_| acknowledge(book, id);
    let who = move || crate::entry::acknowledgements(book, id);
    let escalated = use_context::<Escalated>();
    let is_escalated = move || escalated.is_some_and(|e| e.0.with(|ids| ids.contains(&id)));
    view! {
        <li class="pinned-entry" class:escalated=is_escalated>
            <Show when=is_escalated>
                <p class="badge escalated-badge">{texts.escalated}</p>
            </Show>
            <p class="text">{entry.text.as_str().to_owned()}</p>
            <p class="meta">
                {entry.author.name().to_owned()} " — "
                {move || entry.created_at.relative_fr(book.now.get(), device::local_offset_minutes())}
            </p>
            <p class="acks">{who}</p>
            {(!mine).then(|| view! {
                <button type="button" class="acknowledge" on:click=acknowledge>
                    {texts.acknowledge}
                </button>
            })}
        </li>
    }
}

fn acknowledge(book: Book, entry: relais_core::EntryId) {
    let Some(store) = book.store.get_value() else { return };
    let (subject, by) = book.config.with_value(|c| (c.subject.clone(), c.author.clone()));
    let ack = Acknowledgement { entry, by, at: device::now() };
    spawn_local(async move {
        if let Ok(true) = store.add_acknowledgement(&subject, &ack).await {
            book.wrote();
            book.acks.update(|acks| acks.push(ack));
        }
    });
}
