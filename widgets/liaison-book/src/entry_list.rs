//! The transmissions of one person, newest first, with a heading at the start of each day.
//!
//! The list scrolls in its own region and renders only the rows near the visible area
//! (`virtual_window`), so a book of 10,000 entries opens and scrolls like a short one. Each
//! rendered entry carries `aria-posinset`/`aria-setsize`, so a screen reader still announces
//! "12 of 10,000"; the region is focusable, so the keyboard scrolls it, and Tab moves through
//! the rendered entries' buttons, the browser scrolling them into view as it goes.
//!
//! Every piece of user text goes through a text node: nothing here builds HTML from strings.

use crate::device;
use crate::entry::Entry;
use crate::state::Book;
use crate::texts::Texts;
use crate::read_receipts;
use crate::virtual_window::{visible, window, Heights, Row, DEFAULT_VIEWPORT_PX};
use leptos::html::{Div, Ol};
use leptos::prelude::*;

/// The shown entries as rows, each knowing whether it opens a day.
fn rows(book: Book, offset: i32) -> Vec<Row> {
    let shown = book.listing.shown.get();
    book.entries.with(|list| {
        let mut previous_day = None;
        shown
            .iter()
            .map(|&index| {
                let entry = &list[index];
                let day = entry.created_at.local_day(offset);
                let day_start = previous_day != Some(day);
                previous_day = Some(day);
                Row { index, id: entry.id, day_start, chars: entry.text.as_str().chars().count() }
            })
            .collect()
    })
}

#[component]
pub fn EntryList(book: Book) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let offset = device::local_offset_minutes();
    let rows = Memo::new(move |_| rows(book, offset));
    let heights = Heights::new();
    let offsets = Memo::new(move |_| rows.with(|r| heights.offsets(r)));
    let scroll_top = RwSignal::new(0.0);
    let viewport = RwSignal::new(DEFAULT_VIEWPORT_PX);
    let range = Memo::new(move |_| offsets.with(|o| window(o, scroll_top.get(), viewport.get())));
    let scroller = NodeRef::<Div>::new();
    let list = NodeRef::<Ol>::new();

    let rendered = move || {
        let (start, end) = range.get();
        rows.with(|r| r[start..end].iter().enumerate().map(|(i, row)| (start + i, *row)).collect::<Vec<_>>())
    };
    Effect::new(move |_| {
        let (start, end) = range.get();
        let window_rows = rows.with(|r| r[start..end].to_vec());
        // After the frame's layout, so the rows measured are the ones just rendered.
        request_animation_frame(move || {
            // The list may have gone (filters emptied it, the book was removed) by then.
            if let Some(list) = list.try_get_untracked().flatten() {
                heights.record(measure(&list, &window_rows));
            }
        });
    });
    let on_screen = Memo::new(move |_| offsets.with(|o| visible(o, scroll_top.get(), viewport.get())));
    Effect::new(move |_| {
        let (start, end) = on_screen.get();
        let indices: Vec<usize> = rows.with(|r| r[start..end].iter().map(|row| row.index).collect());
        read_receipts::displayed(book, &indices);
    });
    let on_scroll = move |_| {
        if let Some(div) = scroller.get_untracked() {
            scroll_top.set(div.scroll_top() as f64);
            viewport.set(div.client_height().max(1) as f64);
        }
    };
    let padding_top = move || format!("{}px", offsets.with(|o| o[range.get().0]));
    let padding_bottom = move || format!("{}px", offsets.with(|o| o[o.len() - 1] - o[range.get().1]));
    let set_size = move || rows.with(Vec::len);
    let empty_text = move || if book.entries.with(Vec::is_empty) { texts.empty } else { texts.no_match };
    view! {
        <Show when=move || set_size() != 0 fallback=move || view! { <p class="notice">{empty_text}</p> }>
            <div class="entries" role="region" aria-label=texts.list tabindex="0" node_ref=scroller on:scroll=on_scroll>
                <ol class="entry-rows" node_ref=list style:padding-top=padding_top style:padding-bottom=padding_bottom>
                    <For each=rendered key=|(position, row)| (*position, *row) let:item>
                        <Entry book=book entry=book.entries.with_untracked(|l| l[item.1.index].clone())
                            position=item.0 + 1 set_size=Signal::derive(set_size)
                            day_heading=item.1.day_start />
                    </For>
                </ol>
            </div>
        </Show>
    }
}

/// Heights of the rendered rows, found by the entry id each row carries.
fn measure(list: &web_sys::HtmlOListElement, rows: &[Row]) -> Vec<(Row, f64)> {
    let children = list.children();
    (0..children.length())
        .filter_map(|i| {
            let child = children.item(i)?;
            let id = child.get_attribute("data-entry")?;
            let row = rows.iter().find(|r| r.id.to_string() == id)?;
            Some((*row, child.get_bounding_client_rect().height()))
        })
        .collect()
}
