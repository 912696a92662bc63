//! Finding an entry again: search that ignores accents and case, category and urgency.
//! A reader outside the équipe de soins is not offered the categories they cannot see.

use crate::state::Book;
use crate::texts::{pick, Texts};
use leptos::prelude::*;
use relais_core::{CategoryId, Urgency};

#[component]
pub fn FilterBar(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let lang = book.lang;
    let categories = book.config.with_value(|c| {
        c.catalogue.iter().filter(|cat| crate::reader::may_read(c, &cat.id)).cloned().collect::<Vec<_>>()
    });
    let set_query = move |ev| book.filters.update(|f| f.query = event_target_value(&ev));
    let set_category = move |ev| {
        let value = event_target_value(&ev);
        book.filters.update(|f| f.category = (!value.is_empty()).then(|| CategoryId::new(&value)));
    };
    let set_urgency = move |ev| book.filters.update(|f| f.urgency = Urgency::from_code(&event_target_value(&ev)));
    let count = move || format!("{} {}", book.listing.shown.with(Vec::len), texts.shown);
    view! {
        <div class="filters" role="search" aria-label=texts.filters>
            <input type="search" aria-label=texts.search placeholder=texts.search
                prop:value=move || book.filters.with(|f| f.query.clone()) on:input=set_query />
            <select aria-label=texts.category on:change=set_category>
                <option value="">{texts.all_categories}</option>
                {categories.iter().map(|c| view! {
                    <option value=c.id.to_string()>{pick(lang, &c.label_fr, &c.label_en).to_owned()}</option>
                }).collect_view()}
            </select>
            <select aria-label=texts.urgency on:change=set_urgency>
                <option value="">{texts.all_urgencies}</option>
                {Urgency::ALL.into_iter().map(|u| view! {
                    <option value=u.code()>{pick(lang, u.label_fr(), u.label_en())}</option>
                }).collect_view()}
            </select>
            <p class="count" aria-live="polite">{count}</p>
        </div>
    }
}
