//! Suspending a service line for a period ("hospitalisée du 3 au 10", "en vacances chez sa
//! fille") and resuming it early: a pause on the line's schedule, so the visits stay listed,
//! in words, and leave hours, costs and counts. Shown while a line is open in the line form.

use crate::session::Session;
use chrono::NaiveDate;
use leptos::prelude::*;
use relais_core::recurrence::{Pause, PAUSE_REASON_MAX_LEN};

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[component]
pub fn LinePauses(session: Session) -> impl IntoView {
    let texts = &session.texts.exceptions;
    let (from, to, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = session.editing.get_untracked() else { return };
        let (Some(start), Some(end)) = (date(&from.get_untracked()), date(&to.get_untracked())) else {
            return session.error.set(Some(format!("{} {}", session.texts.refused, texts.bad_dates)));
        };
        let pause = match Pause::new(start, end, &reason.get_untracked()) {
            Ok(pause) => pause,
            Err(e) => return session.error.set(Some(format!("{} {e}", session.texts.refused))),
        };
        if session.change_schedule(id, |schedule| Ok(schedule.pausing(pause))) {
            from.set(String::new());
            to.set(String::new());
            reason.set(String::new());
        }
    };
    let pauses = move || {
        let id = session.editing.get()?;
        session.plan.with(|plan| Some(plan.as_ref()?.line(id)?.fields().schedule.pauses().to_vec()))
    };
    let listed = move || {
        pauses().unwrap_or_default().into_iter().map(|pause| {
            let start = pause.from();
            let resume = move |_| {
                if let Some(id) = session.editing.get_untracked() {
                    session.change_schedule(id, |schedule| Ok(schedule.resuming(start)));
                }
            };
            view! {
                <li>
                    {format!("{} {} {} {} — {}", texts.from, pause.from().format("%d/%m/%Y"), texts.to, pause.to().format("%d/%m/%Y"), pause.reason())}
                    " "
                    <button type="button" on:click=resume>{texts.resume}</button>
                </li>
            }
        }).collect_view()
    };
    view! {
        <form class="pause-form" on:submit=submit aria-labelledby="pause-form-title" hidden=move || session.editing.with(Option::is_none)>
            <h3 id="pause-form-title">{texts.pause_title}</h3>
            <ul class="pauses">{listed}</ul>
            <label class="field"><span>{texts.from}</span><input type="date" required bind:value=from /></label>
            <label class="field"><span>{texts.to_included}</span><input type="date" required bind:value=to /></label>
            <label class="field"><span>{texts.reason}</span><input type="text" maxlength=PAUSE_REASON_MAX_LEN.to_string() bind:value=reason /></label>
            <button type="submit">{texts.pause}</button>
        </form>
    }
}
