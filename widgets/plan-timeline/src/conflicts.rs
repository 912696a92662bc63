//! Conflicting edits in front of the user: for every field someone else changed meanwhile, both
//! values side by side and a choice. Until they choose, the plan shows the other person's value
//! (what the server holds) and the conflict stays listed, across reloads, because the store
//! keeps it with the refused put.

use crate::device;
use crate::session::Session;
use crate::sync;
use crate::texts::SyncTexts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::plan::{Plan, ServiceLine};
use relais_core::recurrence::Schedule;
use relais_core::sync::kinds::{PlanItemKind, PlanItemRef};
use relais_core::sync::plan_edits::FieldConflict;
use relais_store::PlanConflict;
use relais_sync::SyncEngine;
use serde_json::Value;

#[component]
pub fn Conflicts(session: Session) -> impl IntoView {
    let texts = &session.texts.sync;
    view! {
        <section class="conflicts" aria-labelledby="plan-conflicts-title" hidden=move || session.conflicts.with(Vec::is_empty)>
            <h2 id="plan-conflicts-title">{texts.conflicts_title}</h2>
            <p>{texts.conflicts_intro}</p>
            {move || session.conflicts.get().into_iter().map(|conflict| view! { <ConflictCard session=session conflict=conflict /> }).collect_view()}
        </section>
    }
}

#[component]
fn ConflictCard(session: Session, conflict: PlanConflict) -> impl IntoView {
    let texts = &session.texts.sync;
    let title = session.plan.with_untracked(|plan| item_title(texts, plan.as_ref(), &conflict.conflict.item));
    let (heading_id, labelled_by) = (format!("plan-conflict-{}", conflict.seq), format!("plan-conflict-{}", conflict.seq));
    let rows = conflict.conflict.fields.iter().map(|field| field_row(texts, field)).collect_view();
    let (mine, theirs) = (conflict.clone(), conflict);
    view! {
        <article class="conflict" aria-labelledby=labelled_by>
            <h3 id=heading_id>{title}</h3>
            <table>
                <thead><tr><th scope="col">{texts.field_header}</th><th scope="col">{texts.mine}</th><th scope="col">{texts.theirs}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" on:click=move |_| keep_mine(session, mine.clone())>{texts.keep_mine}</button>
            <button type="button" on:click=move |_| keep_theirs(session, theirs.clone())>{texts.keep_theirs}</button>
        </article>
    }
}

fn field_row(texts: &'static SyncTexts, field: &FieldConflict) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{texts.field(&field.name)}</th>
            <td>{value_text(texts, &field.name, &field.mine)}</td>
            <td>{value_text(texts, &field.name, &field.theirs)}</td>
        </tr>
    }
}

/// Which part of the plan the conflict is about, as the people around the person name it.
fn item_title(texts: &SyncTexts, plan: Option<&Plan>, item: &PlanItemRef) -> String {
    let line = |id: &str| plan?.lines().iter().find(|l| l.id().to_string() == id).map(line_title);
    let goal = |id: &str| plan?.goals().iter().find(|g| g.id().to_string() == id).map(|g| g.fields().title.clone());
    match item.kind {
        PlanItemKind::Plan => texts.plan_fields.to_owned(),
        PlanItemKind::ServiceLine => line(&item.id).unwrap_or_else(|| item.id.clone()),
        PlanItemKind::Goal => format!("{} — {}", texts.goal, goal(&item.id).unwrap_or_else(|| item.id.clone())),
        PlanItemKind::Review => format!("{} — {}", texts.review, item.id),
        PlanItemKind::HospitalEpisode => format!("{} — {}", texts.stay, item.id),
    }
}

fn line_title(line: &ServiceLine) -> String {
    format!("{} — {}", line.service().label_fr, line.fields().provider)
}

/// A field's value in words: a rhythm as a sentence, a catalogue entry by its label; what is
/// left shows as its JSON text, never as markup.
fn value_text(texts: &SyncTexts, name: &str, value: &Value) -> String {
    match value {
        Value::Null => texts.empty.to_owned(),
        Value::String(text) => text.clone(),
        Value::Object(_) if name == "schedule" => serde_json::from_value::<Schedule>(value.clone())
            .map(|s| s.describe_fr())
            .unwrap_or_else(|_| value.to_string()),
        Value::Object(fields) => fields.get("label_fr").and_then(Value::as_str).map_or_else(|| value.to_string(), str::to_owned),
        other => other.to_string(),
    }
}

fn keep_mine(session: Session, conflict: PlanConflict) {
    spawn_local(async move {
        let Some(Some(store)) = session.store.try_get_value() else { return };
        let Some(author) = session.config.try_with_value(|c| c.author.clone()) else { return };
        match store.keep_my_plan_values(&conflict, &author, device::now()).await {
            Ok(()) => {
                session.sync.with_value(|engine| engine.as_ref().map(SyncEngine::notify_local_write));
            }
            Err(e) => {
                session.error.try_set(Some(format!("{} {e}", session.texts.save_failed)));
            }
        }
        sync::reload(session).await;
    });
}

fn keep_theirs(session: Session, conflict: PlanConflict) {
    spawn_local(async move {
        let Some(Some(store)) = session.store.try_get_value() else { return };
        if let Err(e) = store.keep_their_plan_values(&conflict).await {
            session.error.try_set(Some(format!("{} {e}", session.texts.save_failed)));
        }
        sync::reload(session).await;
    });
}
