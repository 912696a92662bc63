//! Needs → plan, at the end of the form: the goals and service lines core proposes from the
//! current answers, each with why, as checkboxes. "Proposer au plan d'aide" hands the ticked
//! ones to the host (the element turns them into a `relais:needs` event); nothing here writes
//! a plan.

use crate::session::Session;
use leptos::prelude::*;
use relais_core::questionnaire::proposed_needs::{proposed_needs, ProposedNeed};
use std::collections::BTreeSet;

/// The ticked proposals, in the order shown, handed to the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedsEvent(pub Vec<ProposedNeed>);

#[component]
pub fn ProposedNeeds(session: Session, on_needs: Option<Callback<NeedsEvent>>) -> impl IntoView {
    let texts = session.texts;
    let proposals = Memo::new(move |_| session.sheet.with(|s| proposed_needs(s.form())));
    let ticked = RwSignal::new(BTreeSet::<String>::new());
    let sent = RwSignal::new(None::<String>);
    let rows = move || {
        proposals.get().into_iter().map(|need| row(session, need, ticked)).collect_view()
    };
    let send = move |_| {
        let chosen: Vec<ProposedNeed> =
            proposals.get_untracked().into_iter().filter(|n| ticked.with_untracked(|t| t.contains(&n.key()))).collect();
        let outcome = match (chosen.len(), on_needs) {
            (0, _) => texts.needs_none_ticked.to_owned(),
            (count, Some(callback)) => {
                callback.run(NeedsEvent(chosen));
                format!("{count} {}", texts.needs_sent)
            }
            (count, None) => format!("{count} {}", texts.needs_sent),
        };
        sent.set(Some(outcome));
    };
    let title_id = format!("nq{}-needs", session.mount);
    view! {
        <section class="needs-proposals" aria-labelledby=title_id.clone() hidden=move || proposals.with(Vec::is_empty)>
            <h2 id=title_id.clone()>{texts.needs_title}</h2>
            <p class="note">{texts.needs_help}</p>
            <ul class="proposals">{rows}</ul>
            <button type="button" on:click=send>{texts.needs_send}</button>
            <p class="note" role="status">{move || sent.get()}</p>
        </section>
    }
}

fn row(session: Session, need: ProposedNeed, ticked: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let key = need.key();
    let id = format!("nq{}-need-{}", session.mount, key.replace([':', ' '], "-"));
    let checked = {
        let key = key.clone();
        move || ticked.with(|t| t.contains(&key))
    };
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        ticked.update(|t| {
            if on {
                t.insert(key.clone());
            } else {
                t.remove(&key);
            }
        });
    };
    view! {
        <li data-need=need.key()>
            <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle />
            <label for=id>
                <strong>{need.title.clone()}</strong>
                {format!(" — {} · {} ", need.domain.label_fr, need.service.label_fr)}
                <span class="note">{format!("({})", need.reason)}</span>
            </label>
        </li>
    }
}
