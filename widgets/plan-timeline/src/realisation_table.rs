//! Planned versus done for the month shown: per line, the visits that take place, those a
//! « passage » transmission of the liaison book was recorded for, and the rate. The matching
//! is core's (`plan::realisation`); the passages are read from this device's store, where the
//! liaison book writes them and sync brings the care circle's.

use crate::session::Session;
use leptos::prelude::*;
use relais_core::plan::{month_text, realisation, Done, Span};

#[component]
pub fn RealisationTable(session: Session) -> impl IntoView {
    let texts = session.texts;
    let month = move || {
        let anchor = session.anchor.get();
        session.passages.with(|passages| {
            session.plan.with(|plan| {
                let plan = plan.as_ref()?;
                let window = Span::Month.window(plan, anchor);
                let done = Done::match_passages(plan, window, passages);
                let rows: Vec<_> = plan
                    .lines()
                    .iter()
                    .map(|line| (format!("{} — {}", line.service().label(texts.lang), line.fields().provider), realisation(plan, line.id(), window, &done)))
                    .collect();
                Some((month_text(texts.lang, window.from), rows))
            })
        })
    };
    let title = move || month().map(|(name, _)| format!("{} — {name}", texts.realisation_title)).unwrap_or_default();
    let rows = move || {
        month().map(|(_, rows)| {
            rows.into_iter()
                .map(|(line, r)| {
                    let rate = r.percent().map_or_else(|| texts.none.to_owned(), |p| format!("{p} %"));
                    view! { <tr><th scope="row">{line}</th><td>{r.planned}</td><td>{r.done}</td><td>{rate}</td></tr> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="realisation" aria-labelledby="realisation-title">
            <h2 id="realisation-title">{title}</h2>
            <table>
                <thead><tr>
                    <th scope="col">{texts.service_line}</th><th scope="col">{texts.planned_visits}</th>
                    <th scope="col">{texts.done_visits}</th><th scope="col">{texts.realisation_rate}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="note">{texts.realisation_note}</p>
        </section>
    }
}
