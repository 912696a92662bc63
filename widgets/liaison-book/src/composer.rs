//! Writing a transmission: text, category, urgency, one button.
//!
//! Nothing is written unless the core accepts the draft; the reason for a refusal is announced
//! to screen readers and tied to the field it concerns.

use crate::config::BookConfig;
use crate::device;
use crate::texts::{pick, Lang, Texts};
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::{CategoryId, Transmission, TransmissionDraft, Urgency};
use relais_store::Store;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Ids are unique per page so that labels point at the right field even when a host mounts
/// several books in one document.
fn next_ids() -> (String, String, String, String) {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let id = |part: &str| format!("relais-lb{n}-{part}");
    (id("text"), id("category"), id("urgency"), id("message"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Message {
    None,
    Saved,
    Refused(String),
}

#[component]
pub fn Composer(
    config: BookConfig,
    lang: Lang,
    store: StoredValue<Option<Store>, LocalStorage>,
    entries: RwSignal<Vec<Transmission>>,
) -> impl IntoView {
    let texts = Texts::for_lang(lang);
    let (text_id, category_id, urgency_id, message_id) = next_ids();
    let text = RwSignal::new(String::new());
    let category = RwSignal::new(config.catalogue.first().id.clone());
    let urgency = RwSignal::new(Urgency::default());
    let message = RwSignal::new(Message::None);
    let busy = RwSignal::new(false);

    let save = {
        let config = config.clone();
        move || {
            if busy.get_untracked() {
                return;
            }
            let draft = TransmissionDraft::new(
                category.get_untracked(),
                urgency.get_untracked(),
                text.get_untracked(),
            );
            let created = Transmission::create(
                &draft,
                config.subject.clone(),
                config.author.clone(),
                &config.catalogue,
                device::now(),
                device::random_bytes(),
            );
            let transmission = match created {
                Ok(t) => t,
                Err(error) => return message.set(Message::Refused(error.to_string())),
            };
            let Some(open) = store.get_value() else {
                return message.set(Message::Refused(texts.loading.to_owned()));
            };
            busy.set(true);
            spawn_local(async move {
                match open.add_transmission(&transmission).await {
                    Ok(()) => {
                        entries.update(|list| list.insert(0, transmission));
                        text.set(String::new());
                        message.set(Message::Saved);
                    }
                    Err(error) => message.set(Message::Refused(error.to_string())),
                }
                busy.set(false);
            });
        }
    };
    let on_submit = {
        let save = save.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            save();
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            save();
        }
    };
    let refused = move || matches!(message.get(), Message::Refused(_));
    let categories = config.catalogue.clone();

    view! {
        <form class="composer" aria-label=texts.composer on:submit=on_submit novalidate>
            <label for=text_id.clone()>{texts.new_transmission}</label>
            <textarea
                id=text_id
                rows="3"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    if refused() { message.set(Message::None) }
                }
                on:keydown=on_keydown
                aria-invalid=move || refused().then_some("true")
                aria-describedby=message_id.clone()
            ></textarea>
            <div class="choices">
                <label for=category_id.clone()>{texts.category}</label>
                <select
                    id=category_id
                    on:change=move |ev| category.set(CategoryId::new(&event_target_value(&ev)))
                >
                    {categories
                        .iter()
                        .map(|c| {
                            let id = c.id.clone();
                            view! {
                                <option value=c.id.to_string() selected=move || category.get() == id>
                                    {pick(lang, &c.label_fr, &c.label_en).to_owned()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <label for=urgency_id.clone()>{texts.urgency}</label>
                <select
                    id=urgency_id
                    on:change=move |ev| {
                        if let Some(u) = Urgency::from_code(&event_target_value(&ev)) { urgency.set(u) }
                    }
                >
                    {Urgency::ALL
                        .into_iter()
                        .map(|u| view! {
                            <option value=u.code() selected=move || urgency.get() == u>
                                {pick(lang, u.label_fr(), u.label_en())}
                            </option>
                        })
                        .collect_view()}
                </select>
                <button type="submit" aria-describedby=message_id.clone() aria-busy=move || busy.get().then_some("true")>
                    {move || if busy.get() { texts.saving } else { texts.save }}
                </button>
            </div>
            <p class="hint">{texts.shortcut_hint}</p>
            <p id=message_id class="message" role="status" aria-live="polite" aria-atomic="true"
                class:error=refused>
                {move || match message.get() {
                    Message::None => String::new(),
                    Message::Saved => texts.saved.to_owned(),
                    Message::Refused(reason) => reason,
                }}
            </p>
        </form>
    }
}
