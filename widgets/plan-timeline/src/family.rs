//! The week in plain words for the person and the family ("Cette semaine : aide à domicile,
//! 5 passages ; soins infirmiers, 2 passages."), above everything else, for every reader.

use crate::session::Session;
use leptos::prelude::*;
use relais_core::plan::{family_summary, Span};

#[component]
pub fn FamilySummary(session: Session) -> impl IntoView {
    let texts = session.texts;
    let summary = move || {
        let anchor = session.anchor.get();
        session.plan.with(|p| {
            p.as_ref().map(|plan| {
                let window = Span::Week.window(plan, anchor);
                let heading = if window.contains(session.today) { texts.this_week } else { texts.that_week };
                family_summary(texts.lang, plan, window, heading)
            })
        })
    };
    view! { <p class="summary">{summary}</p> }
}
