//! The transmissions of one person, newest first.
//!
//! Every piece of user text goes through a text node: Leptos escapes nothing because it never
//! builds HTML strings from it.

use crate::device;
use crate::texts::{pick, Lang, Texts};
use leptos::prelude::*;
use relais_core::{CategoryCatalogue, Transmission, Urgency};

#[component]
pub fn EntryList(entries: RwSignal<Vec<Transmission>>, catalogue: CategoryCatalogue, lang: Lang) -> impl IntoView {
    let texts = Texts::for_lang(lang);
    let offset = device::local_offset_minutes();
    let catalogue = StoredValue::new(catalogue);
    view! {
        <Show when=move || entries.with(|list| !list.is_empty())
            fallback=move || view! { <p class="notice">{texts.empty}</p> }>
            <ol class="entries" aria-label=texts.list>
                <For each=move || entries.get() key=|t| t.id let:entry>
                    <Entry entry=entry catalogue=catalogue.get_value() lang=lang offset=offset />
                </For>
            </ol>
        </Show>
    }
}

#[component]
fn Entry(entry: Transmission, catalogue: CategoryCatalogue, lang: Lang, offset: i32) -> impl IntoView {
    let texts = Texts::for_lang(lang);
    let category = catalogue
        .get(&entry.category)
        .map(|c| pick(lang, &c.label_fr, &c.label_en).to_owned())
        .unwrap_or_else(|| entry.category.to_string());
    let role = entry.author.role();
    let urgency_class = match entry.urgency {
        Urgency::Information => "urgency information",
        Urgency::ASurveiller => "urgency watch",
        Urgency::Alerte => "urgency alert",
    };
    view! {
        <li class="entry">
            <article>
                <header>
                    <span class="category">{category}</span>
                    <span class=urgency_class>{pick(lang, entry.urgency.label_fr(), entry.urgency.label_en())}</span>
                    <time datetime=entry.created_at.to_rfc3339()>{entry.created_at.format_fr(offset)}</time>
                </header>
                <p class="text">{entry.text.as_str().to_owned()}</p>
                <footer>
                    {texts.by} " " <span class="author">{entry.author.name().to_owned()}</span>
                    " — " <span class="role">{pick(lang, role.label_fr(), role.label_en())}</span>
                </footer>
            </article>
        </li>
    }
}
