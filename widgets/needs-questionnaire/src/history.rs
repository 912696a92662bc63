//! The versions of this person's evaluation, newest first: what each is (draft, final,
//! amended), when and by whom, the GIR for the grid, which version an amendment corrects and
//! the fingerprint it was signed with. The newest final version can be corrected, which
//! starts an amendment in the form above; a signed version itself never changes.

use crate::device;
use crate::session::Session;
use crate::texts::Texts;
use leptos::prelude::*;
use relais_core::questionnaire::evaluation::Evaluation;
use relais_core::questionnaire::ResponseStatus;

#[component]
pub fn History(session: Session) -> impl IntoView {
    let texts = session.texts;
    let started = RwSignal::new(false);
    let rows = move || {
        let versions = session.versions.get();
        // Every draft change is written, so re-reading `versions` is when this may change.
        let editing = session.draft.with_value(Option::is_some);
        let amendable = (!editing).then(|| newest_unamended(&versions)).flatten().map(Evaluation::id);
        versions
            .iter()
            .rev()
            .map(|e| row(session, e, &versions, amendable == Some(e.id()), started))
            .collect_view()
    };
    let title_id = format!("nq{}-history", session.mount);
    view! {
        <section class="history" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{texts.history_title}</h2>
            <p class="note" hidden=move || session.versions.with(|v| !v.is_empty())>{texts.history_empty}</p>
            <p class="note" role="status">{move || started.get().then_some(texts.amend_started)}</p>
            <ol class="versions">{rows}</ol>
        </section>
    }
}

/// The final version nothing amends yet: the only one a correction may start from.
fn newest_unamended(versions: &[Evaluation]) -> Option<&Evaluation> {
    versions
        .iter()
        .rev()
        .filter(|e| e.is_final())
        .find(|e| !versions.iter().any(|other| other.previous() == Some(e.id())))
}

fn row(session: Session, evaluation: &Evaluation, versions: &[Evaluation], amendable: bool, started: RwSignal<bool>) -> impl IntoView {
    let texts = session.texts;
    let corrects = evaluation.previous().and_then(|id| versions.iter().find(|v| v.id() == id)).map(|previous| {
        format!(" — {} {}", texts.corrects, previous.authored().format_fr(device::local_offset_minutes()))
    });
    let fingerprint = evaluation.fingerprint().map(|print| {
        view! { <br /><span class="note">{format!("{} : ", texts.fingerprint)}<code>{print.to_string()}</code></span> }
    });
    let id = evaluation.id().to_string();
    let sent = evaluation.is_final().then(|| {
        move || session.unsent.with(|unsent| unsent.as_ref().map(|u| if u.contains(&id) { texts.unsent } else { texts.sent }))
    });
    let amend = amendable.then(|| {
        let previous = evaluation.clone();
        let on_click = move |_| match session.amend(&previous) {
            Ok(()) => started.set(true),
            Err(error) => session.save_error.set(Some(error.to_string())),
        };
        view! { <button type="button" class="amend" on:click=on_click>{texts.amend}</button> }
    });
    view! {
        <li data-status=evaluation.status().code()>
            <span class="version">{version_label(evaluation, texts)}</span>
            {corrects}
            <span class="sync-state">{sent}</span>
            {fingerprint}
            {amend}
        </li>
    }
}

/// "Version finalisée — 23/11/2026 à 14:05 — Claire Petit — GIR 4".
pub fn version_label(evaluation: &Evaluation, texts: &Texts) -> String {
    let kind = match evaluation.status() {
        ResponseStatus::Completed => texts.final_version,
        ResponseStatus::Amended => texts.amended_version,
        ResponseStatus::InProgress => texts.draft_version,
    };
    let when = evaluation.authored().format_fr(device::local_offset_minutes());
    let gir = evaluation.gir().map(|g| format!(" — GIR {}", g.number())).unwrap_or_default();
    format!("{kind} — {when} — {}{gir}", evaluation.author().name())
}
