//! Sync inside the liaison book: starts the engine when the host gave an endpoint, reads the
//! store again when another tab or a pull changed it, and shows what the user must be able to
//! trust — connected or not, what waits to be sent and since when, the last sync, and every
//! write the server refused. Without an endpoint none of this appears and the book is local.
//!
//! The status is a `role="status"` region in words: no meaning rests on colour alone.

use crate::device;
use crate::state::Book;
use crate::texts::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::sync::kinds::TRANSMISSION_CREATE;
use relais_core::EntryId;
use relais_store::{database_name, Store};
use relais_sync::{Activity, Attention, SyncConfig, SyncEngine, SyncListener, SyncStatus};
use std::rc::Rc;

/// Starts syncing `store` if the book has an endpoint; the engine lives as long as the book.
/// A book already gone (an element re-rendered while its store opened) starts nothing.
pub fn start(book: Book, store: Store) {
    let Some((Some(endpoint), database)) =
        book.config.try_with_value(|c| (c.endpoint.clone(), database_name(&c.tenant, c.author.id())))
    else {
        return;
    };
    let listener = SyncListener {
        on_status: Rc::new(move |status| {
            book.sync_status.try_set(Some(status));
            spawn_local(read_unsent(book));
        }),
        on_store_changed: Rc::new(move || spawn_local(reload(book))),
    };
    let engine = SyncEngine::start(SyncConfig {
        endpoint,
        store,
        database,
        listener,
    });
    // A book disposed meanwhile hands the engine back, and dropping it stops it.
    if book.sync.try_set_value(Some(engine)).is_none() {
        spawn_local(read_unsent(book));
    }
}

/// Entries, acknowledgements and receipts as the store now holds them (pulled, or written elsewhere).
async fn reload(book: Book) {
    let Some(Some(store)) = book.store.try_get_value() else {
        return;
    };
    let Some(subject) = book.config.try_with_value(|c| c.subject.clone()) else {
        return;
    };
    if let (Ok(entries), Ok(acks), Ok(receipts)) = (
        store.transmissions_for(&subject).await,
        store.acknowledgements_for(&subject).await,
        store.receipts_for(&subject).await,
    ) {
        book.entries.try_set(entries);
        book.acks.try_set(acks);
        book.receipts.all.try_set(receipts);
    }
    read_unsent(book).await;
}

/// Which entries still wait in the outbox.
async fn read_unsent(book: Book) {
    let Some(Some(store)) = book.store.try_get_value() else {
        return;
    };
    let Ok(outbox) = store.pending_mutations().await else {
        return;
    };
    let unsent = outbox
        .into_iter()
        .filter(|m| m.kind.0 == TRANSMISSION_CREATE)
        .map(|m| m.target.id)
        .collect();
    book.unsent.try_set(unsent);
}

struct Words {
    region: &'static str,
    online: &'static str,
    offline: &'static str,
    all_sent: &'static str,
    syncing: &'static str,
    retrying: &'static str,
    token: &'static str,
    never: &'static str,
    unsent: &'static str,
    refused_entry: &'static str,
}

const FR: Words = Words {
    region: "État de la synchronisation",
    online: "En ligne",
    offline: "Hors ligne",
    all_sent: "Tout est envoyé",
    syncing: "Synchronisation en cours…",
    retrying: "Nouvel essai bientôt",
    token: "En attente de connexion au portail",
    never: "Jamais synchronisé",
    unsent: "en attente d'envoi",
    refused_entry: "refusée par le serveur",
};

const EN: Words = Words {
    region: "Sync status",
    online: "Online",
    offline: "Offline",
    all_sent: "Everything is sent",
    syncing: "Syncing…",
    retrying: "Retrying soon",
    token: "Waiting for the portal's login",
    never: "Never synced",
    unsent: "waiting to be sent",
    refused_entry: "refused by the server",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

fn pending_line(lang: Lang, status: &SyncStatus, book: Book) -> String {
    let words = words(lang);
    let Some(oldest) = status.oldest_unsent_at.filter(|_| status.pending > 0) else {
        return words.all_sent.to_owned();
    };
    let since = oldest.relative_fr(book.now.get(), device::local_offset_minutes());
    match (lang, status.pending) {
        (Lang::Fr, 1) => format!("1 écriture en attente d'envoi (depuis : {since})"),
        (Lang::Fr, n) => format!("{n} écritures en attente d'envoi (la plus ancienne : {since})"),
        (Lang::En, n) => format!("{n} waiting to be sent (oldest: {since})"),
    }
}

fn last_sync_line(lang: Lang, status: &SyncStatus, book: Book) -> String {
    let Some(at) = status.last_sync else {
        return words(lang).never.to_owned();
    };
    let when = at.relative_fr(book.now.get(), device::local_offset_minutes());
    match lang {
        Lang::Fr => format!("Dernière synchronisation : {when}"),
        Lang::En => format!("Last sync: {when}"),
    }
}

fn activity_line(lang: Lang, status: &SyncStatus) -> Option<&'static str> {
    let words = words(lang);
    match status.activity {
        Activity::Idle => None,
        Activity::Syncing => Some(words.syncing),
        Activity::WaitingToRetry { .. } => Some(words.retrying),
        Activity::WaitingForToken => Some(words.token),
    }
}

fn problem_line(lang: Lang, problem: &Attention) -> String {
    let fr = lang == Lang::Fr;
    match problem {
        Attention::Unauthorized if fr => "Connexion au portail nécessaire : reconnectez-vous".into(),
        Attention::Unauthorized => "Portal login needed: sign in again".into(),
        Attention::Refused { status } if fr => format!("Le serveur refuse les envois (erreur {status})"),
        Attention::Refused { status } => format!("The server refuses requests (error {status})"),
        Attention::MalformedReply { .. } if fr => "Réponse du serveur illisible".into(),
        Attention::MalformedReply { .. } => "Unreadable server reply".into(),
        Attention::StoreFailed { detail } if fr => format!("Enregistrement local impossible : {detail}"),
        Attention::StoreFailed { detail } => format!("Local save failed: {detail}"),
        Attention::MutationTooLarge { .. } if fr => "Une écriture est trop volumineuse pour être envoyée".into(),
        Attention::MutationTooLarge { .. } => "One write is too large to send".into(),
    }
}

/// The compact status line, and the list of what needs the user's attention.
#[component]
pub fn SyncStatusBar(book: Book) -> impl IntoView {
    let lang = book.lang;
    let words = words(lang);
    move || {
        let status = book.sync_status.get()?;
        let connectivity = if status.online { words.online } else { words.offline };
        let needs = status.problems.iter().map(|p| problem_line(lang, p));
        let refused = status.rejected.iter().map(|r| match lang {
            Lang::Fr => format!("Écriture refusée par le serveur : {}", r.reason.message),
            Lang::En => format!("Write refused by the server: {}", r.reason.message),
        });
        let attention: Vec<String> = needs.chain(refused).collect();
        Some(view! {
            <div class="sync" role="status" aria-label=words.region>
                <p class="sync-line">
                    <span class="sync-connectivity" class:offline=!status.online>{connectivity}</span>
                    " · " <span class="sync-pending">{pending_line(lang, &status, book)}</span>
                    " · " <span class="sync-last">{last_sync_line(lang, &status, book)}</span>
                    {activity_line(lang, &status).map(|a| view! { " · " <span class="sync-activity">{a}</span> })}
                </p>
                {(!attention.is_empty()).then(|| view! {
                    <ul class="sync-attention">
                        {attention.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                })}
            </div>
        })
    }
}

/// "en attente d'envoi" on an entry the server has not confirmed, "refusée" on one it refused.
#[component]
pub fn UnsentMark(book: Book, id: EntryId) -> impl IntoView {
    let words = words(book.lang);
    let id = id.to_string();
    move || {
        let refused = book
            .sync_status
            .with(|s| s.as_ref().is_some_and(|s| s.rejected.iter().any(|r| r.target.id == id)));
        if refused {
            return Some(view! { <span class="badge refused">{words.refused_entry}</span> });
        }
        book.unsent
            .with(|u| u.contains(&id))
            .then(|| view! { <span class="badge unsent">{words.unsent}</span> })
    }
}
