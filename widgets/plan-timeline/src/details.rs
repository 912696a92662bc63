//! The open visit: what it is, which line and goals it belongs to, and cancelling or moving
//! this one visit (an EXDATE or a move on the line's schedule: the rest of the series is
//! untouched).

use crate::config::PlanConfig;
use crate::session::Session;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use relais_core::plan::{day_text, visit_text};

#[component]
pub fn Details(session: Session) -> impl IntoView {
    let texts = session.texts;
    let family = session.config.with_value(PlanConfig::is_family);
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if session.open_visit.get().is_some() {
            if let Some(button) = close_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let cancel = move |_| {
        let Some(visit) = session.open_visit.get_untracked() else { return };
        if session.change_schedule(visit.line, |schedule| Ok(schedule.excluding(visit.start))) {
            session.open_visit.set(None);
        }
    };
    let moved_to = RwSignal::new(String::new());
    let move_visit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(visit) = session.open_visit.get_untracked() else { return };
        let Ok(to) = NaiveDateTime::parse_from_str(moved_to.get_untracked().trim(), "%Y-%m-%dT%H:%M") else {
            return session.error.set(Some(format!("{} {}", texts.refused, texts.exceptions.bad_time)));
        };
        if session.change_schedule(visit.line, |schedule| schedule.moving(visit.start, to).map_err(|e| e.to_string())) {
            session.open_visit.set(None);
            moved_to.set(String::new());
        }
    };
    let body = move || {
        let visit = session.open_visit.get()?;
        session.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let line = plan.line(visit.line)?;
            let goals: Vec<String> =
                plan.goals().iter().filter(|g| g.served_by().contains(&visit.line)).map(|g| g.fields().title.clone()).collect();
            Some(view! {
                <h2 id="visit-details-title">{day_text(texts.lang, visit.start.date())}</h2>
                <p>{visit_text(texts.lang, plan, &visit)}</p>
                <dl>
                    <dt>{texts.rhythm}</dt><dd>{line.fields().schedule.describe_fr()}</dd>
                    <dt>{texts.payer}</dt><dd>{line.payer().label_fr.clone()}</dd>
                    <dt>{texts.goals}</dt><dd>{if goals.is_empty() { texts.none.to_owned() } else { goals.join(" ; ") }}</dd>
                </dl>
            })
        })
    };
    view! {
        <div class="details" role="region" aria-labelledby="visit-details-title" hidden=move || session.open_visit.with(Option::is_none)
            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { session.open_visit.set(None) }>
            {body}
            {(!family).then(|| view! {
                <button type="button" on:click=cancel>{texts.cancel_visit}</button>
                <form class="move-visit" on:submit=move_visit>
                    <label class="field"><span>{texts.exceptions.new_time}</span><input type="datetime-local" required bind:value=moved_to /></label>
                    <button type="submit">{texts.exceptions.move_visit}</button>
                </form>
            })}
            <button type="button" node_ref=close_ref on:click=move |_| session.open_visit.set(None)>{texts.close}</button>
        </div>
    }
}
