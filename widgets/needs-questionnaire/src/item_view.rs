//! One item of the questionnaire and, for a group, its children: the tree the engine loaded,
//! shown only where the engine says it is visible.
//!
//! Visibility is a memo per slot, so an answer re-renders only the items whose enableWhen
//! outcome changed; every other control keeps its DOM node and its focus.

use crate::aggir_panel::ActivityCode;
use crate::controls::{Question, Slot};
use crate::session::Session;
use leptos::prelude::*;
use relais_core::questionnaire::{Item, ItemId, ItemKind};

#[component]
pub fn Items(session: Session, ids: Vec<ItemId>, instance: usize) -> impl IntoView {
    ids.into_iter()
        .map(|id| view! { <ItemView session=session id=id instance=instance /> })
        .collect_view()
}

#[component]
pub fn ItemView(session: Session, id: ItemId, instance: usize) -> impl IntoView {
    let item = session.sheet.with_untracked(|s| s.form().questionnaire().item(id).clone());
    let link_id = item.link_id.clone();
    let visible = Memo::new(move |_| session.sheet.with(|s| s.form().is_visible(&link_id, instance)));
    let body = move || match &item.kind {
        ItemKind::Group if item.repeats => view! { <RepeatingGroup session=session item=item.clone() /> }.into_any(),
        ItemKind::Group => group(session, item.clone(), instance, None),
        ItemKind::Display => view! { <p class="display">{item.text.clone()}</p> }.into_any(),
        ItemKind::Unsupported(_) => unsupported(session, &item),
        _ => view! { <Question question=Slot { item: item.clone(), instance, session } /> }.into_any(),
    };
    view! { <Show when=move || visible.get()>{body.clone()}</Show> }
}

/// A fieldset named by its legend; an AGGIR activity or variable shows its live code there.
fn group(session: Session, item: Item, instance: usize, remove: Option<AnyView>) -> AnyView {
    let legend = item.text.clone().unwrap_or_else(|| item.link_id.clone());
    view! {
        <fieldset class="group" data-link-id=item.link_id.clone()>
            <legend>{legend}<ActivityCode session=session link_id=item.link_id.clone() /></legend>
            <Items session=session ids=item.children.clone() instance=instance />
            {remove}
        </fieldset>
    }
    .into_any()
}

fn unsupported(session: Session, item: &Item) -> AnyView {
    let what = item.text.clone().unwrap_or_else(|| item.link_id.clone());
    view! {
        <p class="unsupported" role="note">
            {format!("{} : « {} » (type {}).", session.texts.unsupported, what, item.kind.type_code())}
        </p>
    }
    .into_any()
}

/// A group the person can repeat: one fieldset per instance, each removable while more than
/// one remains, and a button to add one.
#[component]
fn RepeatingGroup(session: Session, item: Item) -> impl IntoView {
    let link_id = item.link_id.clone();
    let count = Memo::new(move |_| session.sheet.with(|s| s.form().instances(&link_id)));
    let add = {
        let link_id = item.link_id.clone();
        // Adding to a repeating group cannot fail: the engine only refuses other kinds of item.
        move |_| {
            let _ = session.answer(|sheet| sheet.add_instance(&link_id).map(|_| ()));
        }
    };
    let label = item.text.clone().unwrap_or_else(|| item.link_id.clone());
    let add_label = format!("{} : {}", session.texts.add_instance, label);
    let instances = {
        let item = item.clone();
        move || {
            (0..count.get())
                .map(|instance| group(session, item.clone(), instance, Some(remove_button(session, &item, instance, count))))
                .collect_view()
        }
    };
    view! {
        <div class="repeats">
            {instances}
            <button type="button" class="add" disabled=move || session.is_locked() on:click=add>{add_label}</button>
        </div>
    }
}

fn remove_button(session: Session, item: &Item, instance: usize, count: Memo<usize>) -> AnyView {
    let link_id = item.link_id.clone();
    let label = format!(
        "{} : {} {}",
        session.texts.remove_instance,
        item.text.clone().unwrap_or_else(|| item.link_id.clone()),
        instance + 1
    );
    // The only refusal, removing the last instance, is what the disabled button prevents.
    let remove = move |_| {
        let _ = session.answer(|sheet| sheet.remove_instance(&link_id, instance));
    };
    view! {
        <button type="button" class="remove" disabled=move || session.is_locked() || count.get() < 2 on:click=remove>
            {label}
        </button>
    }
    .into_any()
}
