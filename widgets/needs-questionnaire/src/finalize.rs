//! Progress, and finalising: a finalised version is stored once and never changes; finalising
//! with answers missing lists each missing required answer and moves focus to the first.

use crate::device;
use crate::session::Session;
use leptos::prelude::*;
use relais_core::questionnaire::evaluation::{Evaluation, EvaluationError};
use relais_core::questionnaire::{Form, SlotRef};
use relais_core::EntryId;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// "Avancement — réponses données : 12 · réponses obligatoires restantes : 5", live.
#[component]
pub fn Progress(session: Session) -> impl IntoView {
    let texts = session.texts;
    let completion = Memo::new(move |_| {
        session.sheet.with(|s| {
            let c = s.form().completion();
            (c.answered, c.required_remaining())
        })
    });
    view! {
        <p class="progress">
            <span class="label">{format!("{} — ", texts.progress)}</span>
            <span class="answered">{move || format!("{} : {}", texts.answered, completion.get().0)}</span>
            " · "
            <span class="remaining">{move || format!("{} : {}", texts.required_remaining, completion.get().1)}</span>
        </p>
    }
}

/// The finalise button, the list of what is missing, and once done, who finalised and when.
#[component]
pub fn Finalize(session: Session) -> impl IntoView {
    let texts = session.texts;
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Err(missing) = finalize(session) {
            let root = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|b| b.closest(".needs").ok().flatten());
            session.missing.set(missing.clone());
            if let (Some(root), Some(first)) = (root, missing.first()) {
                focus_slot(&root, first);
            }
        }
    };
    let missing_list = move || {
        session.sheet.with_untracked(|s| {
            session
                .missing
                .get()
                .iter()
                .map(|slot| view! { <li>{slot_label(s.form(), slot)}</li> })
                .collect_view()
        })
    };
    view! {
        <div class="finalize">
            <div class="missing" role="alert" hidden=move || session.missing.with(Vec::is_empty)>
                <p>{texts.missing_title}</p>
                <ul>{missing_list}</ul>
            </div>
            {move || match session.finalized.get() {
                Some(done) => finalized_note(session, &done).into_any(),
                None => view! { <button type="button" class="primary" on:click=on_click>{texts.finalize}</button> }.into_any(),
            }}
        </div>
    }
}

/// Finalises the current draft (creating it if nothing was answered yet) and stores it;
/// returns the missing required answers when it cannot.
fn finalize(session: Session) -> Result<(), Vec<SlotRef>> {
    let now = device::now();
    let outcome = session.sheet.with_untracked(|sheet| {
        let draft = session.draft.get_value().unwrap_or_else(|| {
            let id = EntryId::v7(now.unix_ms() as u64, device::random_bytes());
            session.config.with_value(|c| Evaluation::draft(id, c.subject.clone(), c.author.clone(), now, sheet.form()))
        });
        draft.finalize(sheet.form(), now)
    });
    match outcome {
        Ok(done) => {
            session.missing.set(Vec::new());
            session.draft.set_value(None);
            session.write(done.clone());
            session.finalized.set(Some(done));
            Ok(())
        }
        Err(EvaluationError::Incomplete(incomplete)) => Err(incomplete.missing_required),
        Err(other) => {
            session.save_error.set(Some(other.to_string()));
            Ok(())
        }
    }
}

fn finalized_note(session: Session, done: &Evaluation) -> impl IntoView {
    let texts = session.texts;
    let when = done.authored().format_fr(device::local_offset_minutes());
    view! {
        <p class="finalized" role="status">
            {format!("{} {} {} ({}), {when}.", texts.finalized, texts.by, done.author().name(), done.author().role().code())}
        </p>
        <p class="note fingerprint">{format!("{} : ", texts.fingerprint)}<code>{done.fingerprint().map(|f| f.to_string())}</code></p>
    }
}

/// "Communication — Spontanément": the question with the groups above it, so a bare adverb
/// still says which activity it belongs to.
fn slot_label(form: &Form, slot: &SlotRef) -> String {
    let questionnaire = form.questionnaire();
    let Some(mut id) = questionnaire.find(&slot.link_id) else { return slot.link_id.clone() };
    let mut parts = Vec::new();
    loop {
        let item = questionnaire.item(id);
        parts.push(item.text.clone().unwrap_or_else(|| item.link_id.clone()));
        match item.parent {
            Some(parent) if parts.len() < 2 => id = parent,
            _ => break,
        }
    }
    parts.reverse();
    parts.join(" — ")
}

fn focus_slot(root: &Element, slot: &SlotRef) {
    let wanted = format!("{}#{}", slot.link_id, slot.instance);
    let Ok(nodes) = root.query_selector_all("[data-slot]") else { return };
    let found = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|e| e.get_attribute("data-slot").as_deref() == Some(wanted.as_str()));
    if let Some(element) = found {
        let _ = element.focus();
    }
}
