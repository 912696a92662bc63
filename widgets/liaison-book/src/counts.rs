//! The two numbers a reader arriving at the book needs first: what is new since their last
//! visit and what still waits for them to take into account. Announced politely when they
//! change, so a screen-reader user hears them without hunting.

use crate::state::Book;
use crate::texts::Texts;
use leptos::prelude::*;

#[component]
pub fn Counts(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let unread = move || book.listing.unread.get();
    let unacknowledged = move || book.pending_vigilance().iter().filter(|t| book.can_read(t)).count();
    view! {
        <p class="counts" role="status" aria-label=texts.counts>
            <span class="count-unread" class:some={move || unread() > 0}>{unread} " " {texts.unread}</span>
            <span class="count-unacknowledged" class:some={move || unacknowledged() > 0}>
                {unacknowledged} " " {texts.unacknowledged}
            </span>
        </p>
    }
}
