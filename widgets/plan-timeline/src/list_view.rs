//! The plan as an ordered list of sentences ("Lundi 3 mars — 8:00 Aide à domicile (Amapa),
//! 1 h"), which a screen reader reads in order; the same visits as the lanes, from core.

use crate::session::Session;
use crate::toolbar::current_window;
use leptos::prelude::*;
use relais_core::plan::{agenda, Span};

#[component]
pub fn ListView(session: Session) -> impl IntoView {
    let texts = session.texts;
    let lines = Memo::new(move |_| {
        let window = current_window(&session)?;
        // The whole plan as sentences would be thousands of lines: the list reads a month then.
        let window = match session.display.get().span {
            Span::Whole => session.plan.with(|p| p.as_ref().map(|p| Span::Month.window(p, session.anchor.get())))?,
            _ => window,
        };
        session.plan.with(|plan| plan.as_ref().map(|plan| agenda(texts.lang, plan, window)))
    });
    let open_visit = session.open_visit;
    view! {
        <div class="list" role="region" aria-label=texts.linear_list>
            {move || lines.get().map(|lines| if lines.is_empty() {
                view! { <p>{texts.no_visits}</p> }.into_any()
            } else {
                view! {
                    <ol class="agenda">
                        {lines.into_iter().map(|line| {
                            let visit = line.visit;
                            view! { <li><button type="button" class="link" on:click=move |_| open_visit.set(Some(visit))>{line.text}</button></li> }
                        }).collect_view()}
                    </ol>
                }.into_any()
            })}
        </div>
    }
}
