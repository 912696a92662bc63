//! Points de vigilance pinned above everything until the reader acknowledges them.
//!
//! The paper notebook's weakness is that nobody is sure the next person read the important
//! line; here each reader must press "Pris en compte", and everyone sees who has.

use crate::device;
use crate::state::Book;
use crate::texts::Texts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::{Acknowledgement, Transmission};

#[component]
pub fn VigilancePanel(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    view! {
        <Show when=move || !book.pending_vigilance().is_empty()>
            <section class="pinned" aria-labelledby="relais-pinned-title">
                <h2 id="relais-pinned-title">{texts.pinned}</h2>
                <ul>
                    <For each=move || book.pending_vigilance() key=|t| t.id let:entry>
                        <Pinned book=book entry=entry />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn Pinned(book: Book, entry: Transmission) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let id = entry.id;
    let mine = entry.author.id() == book.me();
    let acknowledge = move |_| acknowledge(book, id);
    let who = move || crate::entry::acknowledgements(book, id);
    view! {
        <li class="pinned-entry">
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
            book.acks.update(|acks| acks.push(ack));
        }
    });
}
