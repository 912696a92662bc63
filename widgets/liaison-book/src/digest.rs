//! The week on paper: some people cared for, and some relatives, have no screen. A button
//! renders the last seven days in large print, oldest first as one reads a notebook, and opens
//! the browser's print dialog. Restricted categories never go on paper, whoever prints: a
//! sheet left on a table is read by anyone.

use crate::device;
use crate::state::Book;
use crate::texts::{pick, Texts};
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::{Timestamp, Transmission};

const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

fn week(book: Book) -> Vec<Transmission> {
    let since = Timestamp::from_unix_ms(book.now.get_untracked().unix_ms() - WEEK_MS);
    let catalogue = book.config.with_value(|c| c.catalogue.clone());
    let mut entries: Vec<Transmission> = book.entries.with_untracked(|list| {
        list.iter()
            .take_while(|t| t.created_at >= since)
            .filter(|t| catalogue.get(&t.category).is_some_and(|c| !c.restricted))
            .cloned()
            .collect()
    });
    entries.reverse();
    entries
}

#[component]
pub fn Digest(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let shown = RwSignal::new(None::<Vec<Transmission>>);
    let print = move |_| {
        book.now.set(device::now());
        shown.set(Some(week(book)));
        // The dialog blocks; let the section render first so it is what gets printed.
        spawn_local(async move {
            leptos::task::tick().await;
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        });
    };
    view! {
        <button type="button" class="print-digest" on:click=print>{texts.print_digest}</button>
        {move || shown.get().map(|entries| view! { <DigestSheet book=book entries=entries /> })}
    }
}

#[component]
fn DigestSheet(book: Book, entries: Vec<Transmission>) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let lang = book.lang;
    let offset = device::local_offset_minutes();
    let label = move |t: &Transmission| {
        book.config.with_value(|c| c.catalogue.get(&t.category).map(|cat| pick(lang, &cat.label_fr, &cat.label_en).to_owned()))
    };
    let empty = entries.is_empty().then_some(texts.digest_empty);
    view! {
        <section class="digest" aria-label=texts.digest_title>
            <h2>{texts.digest_title}</h2>
            <p>{texts.digest_period}</p>
            {empty.map(|text| view! { <p>{text}</p> })}
            <ol>
                {entries.iter().map(|t| view! {
                    <li>
                        <p class="digest-meta">{t.created_at.format_fr(offset)} " — " {label(t)} " — " {t.author.name().to_owned()}</p>
                        <p class="digest-text">{t.text.as_str().to_owned()}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
