//! Comparing two evaluations of this person: two pickers and core's one-line summary,
//! "GIR 4 → 3 ; transferts B → C", which is how families and the équipe médico-sociale read a
//! change. By default the two newest versions are compared, older first.

use crate::history::version_label;
use crate::session::Session;
use leptos::prelude::*;
use relais_core::questionnaire::evaluation::{changes, summary_fr, Evaluation};

#[component]
pub fn Compare(session: Session) -> impl IntoView {
    let texts = session.texts;
    let before = RwSignal::new(None::<String>);
    let after = RwSignal::new(None::<String>);
    let chosen = move |pick: RwSignal<Option<String>>, from_newest: usize| {
        session.versions.with(|versions| {
            let id = pick.get().or_else(|| versions.iter().rev().nth(from_newest).map(|e| e.id().to_string()));
            versions.iter().find(|e| Some(e.id().to_string()) == id).cloned()
        })
    };
    let summary = Memo::new(move |_| match (chosen(before, 1), chosen(after, 0)) {
        (Some(a), Some(b)) if a.id() == b.id() => texts.compare_same.to_owned(),
        (Some(a), Some(b)) => changes(&a, &b).map_or_else(|e| e.to_string(), |list| summary_fr(&list)),
        _ => String::new(),
    });
    let id = |side: &str| format!("nq{}-compare-{side}", session.mount);
    view! {
        <section class="compare" aria-labelledby=id("title") hidden=move || session.versions.with(|v| v.len() < 2)>
            <h2 id=id("title")>{texts.compare_title}</h2>
            <label class="field" for=id("before")>{texts.compare_before}</label>
            {picker(session, id("before"), before, move || chosen(before, 1))}
            <label class="field" for=id("after")>{texts.compare_after}</label>
            {picker(session, id("after"), after, move || chosen(after, 0))}
            <p class="comparison" role="status">{move || summary.get()}</p>
        </section>
    }
}

fn picker(
    session: Session,
    id: String,
    pick: RwSignal<Option<String>>,
    shown: impl Fn() -> Option<Evaluation> + Send + Sync + 'static,
) -> impl IntoView {
    let options = move || {
        session.versions.with(|versions| {
            versions
                .iter()
                .rev()
                .map(|e| view! { <option value=e.id().to_string()>{version_label(e, session.texts)}</option> })
                .collect_view()
        })
    };
    view! {
        <select id=id prop:value=move || shown().map(|e| e.id().to_string()).unwrap_or_default()
            on:change=move |ev| pick.set(Some(event_target_value(&ev)))>
            {options}
        </select>
    }
}
