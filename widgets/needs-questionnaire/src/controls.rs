//! The control of one question, chosen by the item's type: radios for a boolean or a short
//! choice, a select for a long one, a text field with suggestions for an open choice, typed
//! inputs for numbers, dates and times, a text area for long text.
//!
//! Every control has an accessible name: a legend for radio groups, a label otherwise. The
//! first focusable element carries `data-slot` so finalising can move focus to a missing answer.

use crate::session::Session;
use crate::values::{first_text, option_label, raw_text};
use leptos::prelude::*;
use relais_core::questionnaire::{AnswerValue, Item, ItemKind};

/// Choices with at most this many options are radios, so every option shows at once.
const RADIO_LIMIT: usize = 5;

/// One question slot: which item, which instance of its repeating group.
#[derive(Clone)]
pub struct Slot {
    pub item: Item,
    pub instance: usize,
    pub session: Session,
}

impl Slot {
    /// Unique within the mount, for `id`, `for` and radio names.
    fn dom_id(&self) -> String {
        format!("nq{}-{}-{}", self.session.mount, self.item.link_id, self.instance)
    }

    fn data_slot(&self) -> String {
        format!("{}#{}", self.item.link_id, self.instance)
    }

    fn answers(&self) -> Memo<Vec<AnswerValue>> {
        let (sheet, link_id, instance) = (self.session.sheet, self.item.link_id.clone(), self.instance);
        Memo::new(move |_| sheet.with(|s| s.form().answers(&link_id, instance).to_vec()))
    }

    fn disabled(&self) -> Signal<bool> {
        let (session, read_only) = (self.session, self.item.read_only);
        Signal::derive(move || read_only || session.is_locked())
    }

    fn text(&self) -> String {
        self.item.text.clone().unwrap_or_else(|| self.item.link_id.clone())
    }
}

/// The question with its control and, after an invalid entry, the reason.
#[component]
pub fn Question(question: Slot) -> impl IntoView {
    let slot = question;
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{}-error", slot.dom_id());
    let control = match &slot.item.kind {
        ItemKind::Boolean => radios(slot.clone(), boolean_options(&slot), error),
        ItemKind::Choice { options } if options.len() <= RADIO_LIMIT && !slot.item.repeats => {
            let options = options.iter().map(|o| (option_label(o), o.clone())).collect();
            radios(slot.clone(), options, error)
        }
        ItemKind::Choice { options } => select(slot.clone(), options.clone(), error),
        _ => text_field(slot.clone(), error, error_id.clone()),
    };
    view! {
        <div class="question">
            {control}
            <p class="field-error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </div>
    }
}

fn boolean_options(slot: &Slot) -> Vec<(String, AnswerValue)> {
    let texts = slot.session.texts;
    vec![
        (texts.yes.to_owned(), AnswerValue::Boolean(true)),
        (texts.no.to_owned(), AnswerValue::Boolean(false)),
    ]
}

fn required_mark(slot: &Slot) -> impl IntoView {
    let texts = slot.session.texts;
    slot.item.required.then(|| {
        view! {
            <span class="required" aria-hidden="true">" *"</span>
            <span class="visually-hidden">{format!(" ({})", texts.required)}</span>
        }
    })
}

/// Sets the slot to exactly `value`, or reports why it was refused.
fn choose(slot: &Slot, value: AnswerValue, error: RwSignal<Option<String>>) {
    let (link_id, instance) = (slot.item.link_id.clone(), slot.instance);
    let outcome = slot.session.answer(|sheet| sheet.set(&link_id, instance, vec![value]));
    error.set(outcome.err().map(|e| e.to_string()));
}

fn radios(slot: Slot, options: Vec<(String, AnswerValue)>, error: RwSignal<Option<String>>) -> AnyView {
    let answers = slot.answers();
    let disabled = slot.disabled();
    let name = slot.dom_id();
    let data_slot = slot.data_slot();
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(index, (label, value))| {
            let (slot, checked_value) = (slot.clone(), value.clone());
            let checked = move || answers.with(|a| a.iter().any(|v| v.matches(&checked_value)));
            view! {
                <label class="option">
                    <input type="radio" name=name.clone() required=slot.item.required
                        data-slot=(index == 0).then(|| data_slot.clone())
                        prop:checked=checked disabled=disabled
                        on:change=move |_| choose(&slot, value.clone(), error) />
                    {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice" aria-invalid=move || error.with(Option::is_some).then_some("true")>
            <legend>{slot.text()}{required_mark(&slot)}</legend>
            {buttons}
        </fieldset>
    }
    .into_any()
}

fn select(slot: Slot, options: Vec<AnswerValue>, error: RwSignal<Option<String>>) -> AnyView {
    let answers = slot.answers();
    let disabled = slot.disabled();
    let id = slot.dom_id();
    let selected = {
        let options = options.clone();
        move || {
            answers.with(|a| a.first().and_then(|v| options.iter().position(|o| o.matches(v))))
                .map_or(String::new(), |i| i.to_string())
        }
    };
    let choices = options
        .iter()
        .enumerate()
        .map(|(i, o)| view! { <option value=i.to_string()>{option_label(o)}</option> })
        .collect_view();
    let on_change = {
        let slot = slot.clone();
        move |ev| {
            let picked = event_target_value(&ev).parse::<usize>().ok().and_then(|i| options.get(i).cloned());
            match picked {
                Some(value) => choose(&slot, value, error),
                None => clear(&slot, error),
            }
        }
    };
    view! {
        <label class="field" for=id.clone()>{slot.text()}{required_mark(&slot)}</label>
        <select id=id data-slot=slot.data_slot() required=slot.item.required disabled=disabled
            prop:value=selected on:change=on_change>
            <option value="">{slot.session.texts.none_selected}</option>
            {choices}
        </select>
    }
    .into_any()
}

fn clear(slot: &Slot, error: RwSignal<Option<String>>) {
    let (link_id, instance) = (slot.item.link_id.clone(), slot.instance);
    let outcome = slot.session.answer(|sheet| sheet.set(&link_id, instance, Vec::new()));
    error.set(outcome.err().map(|e| e.to_string()));
}

/// The HTML input type and step for a typed item; everything else is free text.
fn input_type(kind: &ItemKind) -> (&'static str, Option<&'static str>) {
    match kind {
        ItemKind::Integer => ("number", Some("1")),
        ItemKind::Decimal => ("text", None),
        ItemKind::Date => ("date", None),
        ItemKind::Time => ("time", Some("1")),
        _ => ("text", None),
    }
}

fn max_length(kind: &ItemKind) -> Option<u32> {
    match kind {
        ItemKind::String { max_length } | ItemKind::Text { max_length } | ItemKind::OpenChoice { max_length, .. } => {
            *max_length
        }
        _ => None,
    }
}

fn text_field(slot: Slot, error: RwSignal<Option<String>>, error_id: String) -> AnyView {
    let answers = slot.answers();
    let id = slot.dom_id();
    let value = move || answers.with(|a| first_text(a));
    let on_change = {
        let slot = slot.clone();
        move |ev| {
            let raw = event_target_value(&ev);
            let (link_id, instance) = (slot.item.link_id.clone(), slot.instance);
            let outcome = slot.session.answer(|sheet| sheet.set_text(&link_id, instance, &raw));
            error.set(outcome.err().map(|e| e.to_string()));
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let label = view! { <label class="field" for=id.clone()>{slot.text()}{required_mark(&slot)}</label> };
    let (kind, step) = input_type(&slot.item.kind);
    let control = if matches!(slot.item.kind, ItemKind::Text { .. }) {
        view! {
            <textarea id=id data-slot=slot.data_slot() required=slot.item.required readonly=slot.disabled()
                maxlength=max_length(&slot.item.kind) aria-invalid=invalid aria-describedby=error_id
                prop:value=value on:change=on_change></textarea>
        }
        .into_any()
    } else {
        let list_id = format!("{id}-options");
        let suggestions = slot.item.kind.options().to_vec();
        let has_list = !suggestions.is_empty();
        view! {
            <input id=id type=kind step=step data-slot=slot.data_slot() required=slot.item.required
                readonly=slot.disabled() maxlength=max_length(&slot.item.kind)
                list=has_list.then(|| list_id.clone())
                placeholder=matches!(slot.item.kind, ItemKind::DateTime).then_some("2026-11-23T09:30:00+01:00")
                aria-invalid=invalid aria-describedby=error_id prop:value=value on:change=on_change />
            {has_list.then(|| view! {
                <datalist id=list_id>
                    {suggestions.iter().map(|o| view! { <option value=raw_text(o)>{option_label(o)}</option> }).collect_view()}
                </datalist>
            })}
        }
        .into_any()
    };
    view! { {label} {control} }.into_any()
}
