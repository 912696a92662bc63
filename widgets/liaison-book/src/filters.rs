//! Finding an entry again: search that ignores accents and case, category, urgency, the
//! author's role, unread entries only, and a range of days.
//! A reader outside the équipe de soins is not offered the categories they cannot see, nor the
//! roles of authors who wrote only such entries.

use crate::state::Book;
use crate::texts::{pick, Texts};
use chrono::NaiveDate;
use leptos::prelude::*;
use relais_core::{CategoryId, Role, Urgency};

/// The roles of the authors of entries this reader may see, in `Role::ALL` order so the list
/// does not reshuffle as entries arrive.
fn roles_present(book: Book) -> Vec<Role> {
    book.entries.with(|list| {
        Role::ALL
            .into_iter()
            .filter(|role| list.iter().any(|t| t.author.role() == *role && book.can_read(t)))
            .collect()
    })
}

/// A date input's value (`YYYY-MM-DD`, or empty when cleared) as a day.
fn day(value: &str) -> Option<NaiveDate> {
    value.parse().ok()
}

#[component]
pub fn FilterBar(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let lang = book.lang;
    let categories = book.config.with_value(|c| {
        c.catalogue.iter().filter(|cat| crate::reader::may_read(c, &cat.id)).cloned().collect::<Vec<_>>()
    });
    let roles = Memo::new(move |_| roles_present(book));
    let set_query = move |ev| book.filters.update(|f| f.query = event_target_value(&ev));
    let set_category = move |ev| {
        let value = event_target_value(&ev);
        book.filters.update(|f| f.category = (!value.is_empty()).then(|| CategoryId::new(&value)));
    };
    let set_urgency = move |ev| book.filters.update(|f| f.urgency = Urgency::from_code(&event_target_value(&ev)));
    let set_role = move |ev| book.filters.update(|f| f.role = Role::from_code(&event_target_value(&ev)));
    let set_unread = move |ev| book.filters.update(|f| f.unread_only = event_target_checked(&ev));
    let set_from = move |ev| book.filters.update(|f| f.from = day(&event_target_value(&ev)));
    let set_to = move |ev| book.filters.update(|f| f.to = day(&event_target_value(&ev)));
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
            <select class="role-filter" aria-label=texts.author_role on:change=set_role>
                <option value="">{texts.all_roles}</option>
                <For each=move || roles.get() key=|role| *role let:role>
                    <option value=role.code()>{pick(lang, role.label_fr(), role.label_en())}</option>
                </For>
            </select>
            <label class="filter-check">
                <input type="checkbox" class="unread-filter" on:change=set_unread />
                {texts.unread_only}
            </label>
            <label class="filter-day">
                {texts.date_from} " " <input type="date" class="from-filter" on:input=set_from />
            </label>
            <label class="filter-day">
                {texts.date_to} " " <input type="date" class="to-filter" on:input=set_to />
            </label>
            <p class="count" aria-live="polite">{count}</p>
        </div>
    }
}
