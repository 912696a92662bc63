//! The controls above the timeline: week, month or whole plan; earlier, today, later; lanes or
//! the linear list; and the exports. Every state is a pressed button, never a colour alone.

use crate::export::ExportButtons;
use crate::session::{Display, Session};
use leptos::prelude::*;
use relais_core::plan::{day_text, month_text, Span, Window};

/// "Semaine du lundi 3 mars au dimanche 9 mars", "mars 2025", "Du … au …".
pub fn window_label(session: &Session, span: Span, window: Window) -> String {
    let last = window.to.pred_opt().unwrap_or(window.to);
    let lang = session.texts.lang;
    match span {
        Span::Week => format!("{} {} → {}", session.texts.week_of, day_text(lang, window.from), day_text(lang, last)),
        Span::Month => month_text(lang, window.from),
        Span::Whole => format!("{} → {} {}", day_text(lang, window.from), day_text(lang, last), chrono::Datelike::year(&last)),
    }
}

/// The window on screen, from the plan, the span and the anchor day.
pub fn current_window(session: &Session) -> Option<Window> {
    let span = session.display.get().span;
    let anchor = session.anchor.get();
    session.plan.with(|plan| plan.as_ref().map(|plan| span.window(plan, anchor)))
}

#[component]
pub fn Toolbar(session: Session) -> impl IntoView {
    let texts = session.texts;
    let span_button = move |span: Span, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (session.display.get().span == span).to_string()
                on:click=move |_| session.display.update(|d| d.span = span)>{label}</button>
        }
    };
    let step = move |forward: bool| {
        let span = session.display.get_untracked().span;
        session.anchor.update(|a| *a = span.step(*a, forward));
    };
    let whole = move || session.display.get().span == Span::Whole;
    view! {
        <div class="toolbar" role="group" aria-label=texts.view_controls>
            <span role="group" aria-label=texts.span>
                {span_button(Span::Week, texts.week)}
                {span_button(Span::Month, texts.month)}
                {span_button(Span::Whole, texts.whole)}
            </span>
            <span role="group" aria-label=texts.navigate>
                <button type="button" on:click=move |_| step(false) disabled=whole aria-label=texts.earlier>"←"</button>
                <button type="button" on:click=move |_| session.anchor.set(session.today)>{texts.today}</button>
                <button type="button" on:click=move |_| step(true) disabled=whole aria-label=texts.later>"→"</button>
            </span>
            <button type="button" aria-pressed=move || session.display.get().as_list.to_string()
                on:click=move |_| session.display.update(|d: &mut Display| d.as_list = !d.as_list)>{texts.as_list}</button>
            <ExportButtons session=session />
        </div>
        <h2 class="window" aria-live="polite">
            {move || current_window(&session).map(|w| window_label(&session, session.display.get().span, w))}
        </h2>
    }
}
