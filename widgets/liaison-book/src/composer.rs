//! Writing a transmission: a quick note or free text, category, urgency, vigilance, one button.
//!
//! Nothing is written unless the core accepts the draft; the reason for a refusal is announced
//! to screen readers and tied to the field it concerns. What is being typed is kept in the
//! store as it is typed, so a reload or a closed tab loses nothing.

use crate::device;
use crate::reader::may_read;
use crate::state::{Book, Compose};
use crate::texts::{pick, Texts};
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::quick_note::{self, QuickNote};
use relais_core::{CategoryId, Transmission, TransmissionDraft, Urgency};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Ids are unique per page so that labels point at the right field even when a host mounts
/// several books in one document.
fn next_ids() -> [String; 5] {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    ["text", "category", "urgency", "message", "vigilance"].map(|part| format!("relais-lb{n}-{part}"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Message {
    None,
    Saved,
    Refused(String),
}

/// The composer's fields, as signals.
#[derive(Clone, Copy)]
struct Fields {
    text: RwSignal<String>,
    category: RwSignal<CategoryId>,
    urgency: RwSignal<Urgency>,
    vigilance: RwSignal<bool>,
}

impl Fields {
    fn new(book: Book, draft: Option<TransmissionDraft>) -> Self {
        let draft = draft.unwrap_or_else(|| TransmissionDraft::new(book.default_category(), Urgency::default(), ""));
        Self {
            text: RwSignal::new(draft.text),
            category: RwSignal::new(draft.category),
            urgency: RwSignal::new(draft.urgency),
            vigilance: RwSignal::new(draft.vigilance),
        }
    }

    fn draft(&self, compose: Compose) -> TransmissionDraft {
        let mut draft = TransmissionDraft::new(self.category.get_untracked(), self.urgency.get_untracked(), self.text.get_untracked());
        draft.vigilance = self.vigilance.get_untracked();
        draft.link = compose.link();
        draft
    }

    fn fill(&self, note: &QuickNote) {
        self.text.set(note.text.clone());
        self.category.set(note.category.clone());
        self.urgency.set(note.urgency);
        self.vigilance.set(note.vigilance);
    }

    fn reset(&self, book: Book) {
        self.text.set(String::new());
        self.category.set(book.default_category());
        self.urgency.set(Urgency::default());
        self.vigilance.set(false);
    }
}

fn keep_draft(book: Book, fields: Fields) {
    let Some(store) = book.store.get_value() else { return };
    let subject = book.config.with_value(|c| c.subject.clone());
    let draft = fields.draft(Compose::New);
    let keep = !draft.text.trim().is_empty();
    spawn_local(async move {
        // A failed draft write costs nothing but the draft; the transmission itself is
        // reported when it is saved.
        let _ = store.save_draft(&subject, keep.then_some(&draft)).await;
    });
}

fn save(book: Book, fields: Fields, message: RwSignal<Message>, busy: RwSignal<bool>) {
    if busy.get_untracked() {
        return;
    }
    let created = book.config.with_value(|c| {
        Transmission::create(
            &fields.draft(book.compose.get_untracked()),
            c.subject.clone(),
            c.author.clone(),
            &c.catalogue,
            device::now(),
            device::random_bytes(),
        )
    });
    let transmission = match created {
        Ok(t) => t,
        Err(error) => return message.set(Message::Refused(error.to_string())),
    };
    let Some(store) = book.store.get_value() else { return };
    let subject = transmission.subject.clone();
    busy.set(true);
    spawn_local(async move {
        let outcome = store.add_transmission(&transmission).await;
        busy.set(false);
        match outcome {
            Ok(()) => {
                book.wrote();
                book.announce_if_alert(&transmission);
                book.entries.update(|list| list.insert(0, transmission));
                fields.reset(book);
                book.compose.set(Compose::New);
                message.set(Message::Saved);
                let _ = store.save_draft(&subject, None).await;
            }
            Err(error) => message.set(Message::Refused(error.to_string())),
        }
    });
}

#[component]
pub fn Composer(book: Book, draft: Option<TransmissionDraft>) -> impl IntoView {
    let texts = Texts::for_lang(book.lang);
    let lang = book.lang;
    let [text_id, category_id, urgency_id, message_id, vigilance_id] = next_ids();
    let fields = Fields::new(book, draft);
    let message = RwSignal::new(Message::None);
    let busy = RwSignal::new(false);
    let textarea = NodeRef::<Textarea>::new();
    let care_team = book.is_care_team();
    let (catalogue, notes) = book.config.with_value(|c| {
        let readable: Vec<_> = c.catalogue.iter().filter(|cat| may_read(c, &cat.id)).cloned().collect();
        let notes = if care_team { quick_note::french_defaults() } else { quick_note::family_defaults() };
        (readable, quick_note::usable(notes, &c.catalogue))
    });

    // Starting a reply or a correction moves the focus to the text, pre-filled for a correction.
    Effect::new(move |_| {
        let compose = book.compose.get();
        if let Compose::Correct(id) = compose {
            if let Some(original) = book.entry(id) {
                fields.text.set(original.text.as_str().to_owned());
                fields.category.set(original.category.clone());
                fields.urgency.set(original.urgency);
            }
        }
        if compose != Compose::New {
            if let Some(area) = textarea.get_untracked() {
                let _ = area.focus();
            }
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        save(book, fields, message, busy);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            save(book, fields, message, busy);
        }
    };
    let refused = move || matches!(message.get(), Message::Refused(_));
    let mode_line = move || {
        let (label, target) = match book.compose.get() {
            Compose::New => return None,
            Compose::Reply(id) => (texts.replying_to, id),
            Compose::Correct(id) => (texts.correcting, id),
        };
        let quoted = book.entry(target).map(|t| t.text.as_str().to_owned()).unwrap_or_default();
        Some(view! {
            <p class="mode">
                <span>{label} " « " {quoted} " »"</span>
                <button type="button" class="link-button" on:click=move |_| { book.compose.set(Compose::New); fields.reset(book); }>
                    {texts.cancel}
                </button>
            </p>
        })
    };

    // Relatives write plain requests: urgency and vigilance are the care team's tools.
    let clinical = care_team.then(|| view! {
        <label for=urgency_id.clone()>{texts.urgency}</label>
        <select id=urgency_id on:change=move |ev| {
            if let Some(u) = Urgency::from_code(&event_target_value(&ev)) { fields.urgency.set(u) }
            keep_draft(book, fields);
        }>
            {Urgency::ALL.into_iter().map(|u| view! {
                <option value=u.code() prop:selected=move || fields.urgency.get() == u>
                    {pick(lang, u.label_fr(), u.label_en())}
                </option>
            }).collect_view()}
        </select>
        <span class="check">
            <input type="checkbox" id=vigilance_id.clone()
                prop:checked=move || fields.vigilance.get()
                on:change=move |ev| { fields.vigilance.set(event_target_checked(&ev)); keep_draft(book, fields); } />
            <label for=vigilance_id>{texts.vigilance}</label>
        </span>
    });

    view! {
        <form class="composer" aria-label=texts.composer on:submit=on_submit novalidate>
            <div class="chips" role="group" aria-label=texts.quick_notes>
                {notes.into_iter().map(|note| {
                    let label = note.label.clone();
                    view! {
                        <button type="button" class="chip" on:click=move |_| {
                            fields.fill(&note);
                            if refused() { message.set(Message::None) }
                            keep_draft(book, fields);
                        }>{label}</button>
                    }
                }).collect_view()}
            </div>
            {mode_line}
            <label for=text_id.clone()>{texts.new_transmission}</label>
            <textarea
                id=text_id
                node_ref=textarea
                rows="3"
                prop:value=move || fields.text.get()
                on:input=move |ev| {
                    fields.text.set(event_target_value(&ev));
                    if refused() { message.set(Message::None) }
                    keep_draft(book, fields);
                }
                on:keydown=on_keydown
                aria-invalid=move || refused().then_some("true")
                aria-describedby=message_id.clone()
            ></textarea>
            <div class="choices">
                <label for=category_id.clone()>{texts.category}</label>
                <select id=category_id on:change=move |ev| {
                    fields.category.set(CategoryId::new(&event_target_value(&ev)));
                    keep_draft(book, fields);
                }>
                    {catalogue.iter().map(|c| {
                        let id = c.id.clone();
                        view! {
                            <option value=c.id.to_string() prop:selected=move || fields.category.get() == id>
                                {pick(lang, &c.label_fr, &c.label_en).to_owned()}
                            </option>
                        }
                    }).collect_view()}
                </select>
                {clinical}
                <button type="submit" class="save" aria-describedby=message_id.clone() aria-busy=move || busy.get().then_some("true")>
                    {move || if busy.get() { texts.saving } else { texts.save }}
                </button>
            </div>
            <p class="hint">{texts.shortcut_hint}</p>
            <p id=message_id class="message" role="status" aria-live="polite" aria-atomic="true" class:error=refused>
                {move || match message.get() {
                    Message::None => String::new(),
                    Message::Saved => texts.saved.to_owned(),
                    Message::Refused(reason) => reason,
                }}
            </p>
        </form>
    }
}
