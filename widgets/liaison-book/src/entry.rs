//! One transmission in the list: what, how urgent, who, when, how it relates to others, and
//! the two things a reader can do with it (reply, and for its author, correct).

use crate::read_receipts::read_line;
use crate::sync_status::UnsentMark;
use crate::device;
use crate::state::{Book, Compose};
use crate::texts::{pick, Texts};
use leptos::prelude::*;
use relais_core::{EntryLink, Transmission, Urgency};

/// Enough to recognise the entry a reply or a correction points at.
const LINK_EXCERPT_CHARS: usize = 80;

/// The first `max` characters of an entry, to name it in a link line or a notification.
pub fn excerpt(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
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

/// Relatives read "Important" in plain style where professionals read a red "Alerte": the
/// same fact, without alarming someone who cannot act on it clinically.
fn urgency_badge(book: Book, urgency: Urgency) -> (&'static str, &'static str) {
    let texts = Texts::for_lang(book.lang);
    match urgency {
        Urgency::Alerte if !book.is_care_team() => ("urgency important", texts.important),
        _ => (urgency_class(urgency), pick(book.lang, urgency.label_fr(), urgency.label_en())),
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

/// One row of the list: `position` counts from 1 among `set_size` shown entries, and the
/// first entry of a day carries the day's heading.
#[component]
pub fn Entry(book: Book, entry: Transmission, position: usize, #[prop(into)] set_size: Signal<usize>, day_heading: bool) -> impl IntoView {
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
        let quoted = book
            .entry(target)
            .filter(|t| book.can_read(t))
            .map_or(texts.earlier_entry.to_owned(), |t| format!("« {} »", excerpt(t.text.as_str(), LINK_EXCERPT_CHARS)));
        view! { <p class="link">{label} " " {quoted}</p> }
    });
    let created = entry.created_at;
    let (urgency_class, urgency_label) = urgency_badge(book, entry.urgency);
    let is_new = book.is_new(&entry);
    let heading = day_heading.then(|| {
        view! { <h3 class="day-label">{move || created.day_label_fr(book.now.get(), offset)}</h3> }
    });
    // Each "Répondre" says which entry it answers (ids are unique inside one shadow root).
    let text_id = format!("relais-entry-{id}");
    view! {
        <li class="entry" class:corrected=move || book.is_corrected(id) data-entry=id.to_string()
            aria-posinset=position aria-setsize=move || set_size.get()>
            {heading}
            <article>
                <header>
                    <span class="category">{category}</span>
                    <span class=urgency_class>{urgency_label}</span>
                    {is_new.then(|| view! { <span class="badge new">{texts.new_badge}</span> })}
                    {entry.vigilance.then(|| view! { <span class="badge vigilance">{texts.vigilance_badge}</span> })}
                    <UnsentMark book=book id=id />
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
                {move || read_line(book, id).map(|line| view! { <p class="receipts">{line}</p> })}
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
