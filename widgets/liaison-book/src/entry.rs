//! One transmission in the list: what, how urgent, who, when, how it relates to others, and
//! the two things a reader can do with it (reply, and for its author, correct).

use crate::device;
use crate::state::{Book, Compose};
use crate::texts::{pick, Texts};
use leptos::prelude::*;
use relais_core::{EntryLink, Transmission, Urgency};

/// The first words of an entry, to name it in a link line.
fn excerpt(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

fn urgency_class(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Information => "urgency information",
        Urgency::ASurveiller => "urgency watch",
        Urgency::Alerte => "urgency alert",
    }
}

/// "Pris en compte par : …", or that nobody has yet.
pub fn acknowledgements(book: Book, id: relais_core::EntryId) -> String {
    let texts = Texts::for_lang(book.lang);
    let names = book.acknowledged_by(id);
    if names.is_empty() {
        texts.nobody_acknowledged.to_owned()
    } else {
        format!("{} {}", texts.acknowledged_by, names.join(", "))
    }
}

#[component]
pub fn Entry(book: Book, entry: Transmission) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let lang = book.lang;
    let offset = device::local_offset_minutes();
    let category = book.config.with_value(|c| {
        c.catalogue.get(&entry.category).map_or_else(
            || entry.category.to_string(),
            |cat| pick(lang, &cat.label_fr, &cat.label_en).to_owned(),
        )
    });
    let role = entry.author.role();
    let id = entry.id;
    let mine = entry.author.id() == book.me();
    let link_line = entry.link.target().map(|target| {
        let label = if matches!(entry.link, EntryLink::Corrects(_)) { texts.correction_of } else { texts.in_reply_to };
        let quoted = book.entry(target).map_or(texts.earlier_entry.to_owned(), |t| format!("« {} »", excerpt(t.text.as_str())));
        view! { <p class="link">{label} " " {quoted}</p> }
    });
    let created = entry.created_at;
    // Each "Répondre" says which entry it answers (ids are unique inside one shadow root).
    let text_id = format!("relais-entry-{id}");
    view! {
        <li class="entry" class:corrected=move || book.is_corrected(id)>
            <article>
                <header>
                    <span class="category">{category}</span>
                    <span class=urgency_class(entry.urgency)>{pick(lang, entry.urgency.label_fr(), entry.urgency.label_en())}</span>
                    {entry.vigilance.then(|| view! { <span class="badge vigilance">{texts.vigilance_badge}</span> })}
                    <Show when=move || book.is_corrected(id)>
                        <span class="badge corrected-badge">{texts.corrected}</span>
                    </Show>
                    <span class="when">
                        <time datetime=created.to_rfc3339()>{created.format_fr(offset)}</time>
                        " " <span class="ago">"(" {move || created.relative_fr(book.now.get(), offset)} ")"</span>
                    </span>
                </header>
                {link_line}
                <p class="text" id=text_id.clone()>{entry.text.as_str().to_owned()}</p>
                {entry.vigilance.then(|| view! { <p class="acks">{move || acknowledgements(book, id)}</p> })}
                <footer>
                    <span>{texts.by} " " <span class="author">{entry.author.name().to_owned()}</span>
                    " — " <span class="role">{pick(lang, role.label_fr(), role.label_en())}</span></span>
                    <span class="actions">
                        <button type="button" class="link-button" aria-describedby=text_id.clone()
                            on:click=move |_| book.compose.set(Compose::Reply(id))>
                            {texts.reply}
                        </button>
                        {mine.then(|| view! {
                            <button type="button" class="link-button" aria-describedby=text_id.clone()
                                on:click=move |_| book.compose.set(Compose::Correct(id))>
                                {texts.correct}
                            </button>
                        })}
                    </span>
                </footer>
            </article>
        </li>
    }
}
