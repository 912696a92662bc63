//! The whole liaison book: opens the person's local data, then shows the composer, the
//! counts, the vigilance points to acknowledge, the filters, the list, the FHIR export and the
//! weekly digest.

use crate::composer::Composer;
use crate::config::BookConfig;
use crate::counts::Counts;
use crate::device;
use crate::digest::Digest;
use crate::escalation;
use crate::export::ExportButton;
use crate::events::{AlertEvent, EscalationEvent, Events};
use crate::entry_list::EntryList;
use crate::filters::FilterBar;
use crate::state::Book;
use crate::sync_status::{self, SyncStatusBar};
use crate::texts::{Lang, Texts};
use crate::vigilance::VigilancePanel;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::{Acknowledgement, Receipt, SubjectId, Timestamp, Transmission, TransmissionDraft};
use relais_store::{PageEnd, Store, StoreError};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Opening,
    Ready,
    Failed(String),
}

/// Relative times ("il y a 5 min") stay right without re-rendering more often than this.
const CLOCK_TICK: Duration = Duration::from_secs(30);

/// How many of the newest entries the book paints with; the older ones are read behind it,
/// since reading and deserialising 10,000 of them before the first paint takes ~200 ms.
const FIRST_PAGE: usize = 200;

/// The liaison book of `config.subject`, written as `config.author`. `on_alert` and
/// `on_escalation` let the host hear about alerts written here and vigilance points left
/// unacknowledged (see `events`).
#[component]
pub fn LiaisonBook(
    config: BookConfig,
    #[prop(optional)] lang: Lang,
    #[prop(optional)] on_alert: Option<Callback<AlertEvent>>,
    #[prop(optional)] on_escalation: Option<Callback<EscalationEvent>>,
) -> impl IntoView {
    let texts = Texts::for_lang(lang);
    let phase = RwSignal::new(Phase::Opening);
    let draft = RwSignal::new(None::<TransmissionDraft>);
    let book = Book::new(config.clone(), lang, device::now());
    book.events.set_value(Events { on_alert, on_escalation });
    escalation::watch(book);

    spawn_local(async move {
        match open_and_load(&config.tenant, config.author.id(), &config.subject).await {
            Ok(loaded) => {
                book.store.set_value(Some(loaded.store.clone()));
                sync_status::start(book, loaded.store.clone());
                let page_end = loaded.entries.last().filter(|_| loaded.entries.len() == FIRST_PAGE).map(PageEnd::of);
                book.entries.set(loaded.entries);
                book.acks.set(loaded.acks);
                book.receipts.all.set(loaded.receipts);
                book.last_seen.set(loaded.last_seen);
                draft.set(loaded.draft);
                phase.set(Phase::Ready);
                if let Some(end) = page_end {
                    load_older(book, &loaded.store, &config.subject, end).await;
                }
            }
            Err(error) => phase.set(Phase::Failed(error.to_string())),
        }
    });
    if let Ok(clock) = set_interval_with_handle(move || book.now.set(device::now()), CLOCK_TICK) {
        on_cleanup(move || clock.clear());
    }

    view! {
        <section class="book" lang=lang.tag() aria-label=texts.book>
            {move || match phase.get() {
                Phase::Opening => view! { <p class="notice" role="status">{texts.loading}</p> }.into_any(),
                Phase::Failed(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                Phase::Ready => view! {
                    <SyncStatusBar book=book />
                    <Counts book=book />
                    <Composer book=book draft=draft.get_untracked() />
                    <VigilancePanel book=book />
                    <FilterBar book=book />
                    <Show when=move || book.older_loading.get()>
                        <p class="notice older" role="status">{texts.loading_older}</p>
                    </Show>
                    <EntryList book=book />
                    <ExportButton book=book />
                    <Digest book=book />
                }.into_any(),
            }}
        </section>
    }
}

struct Loaded {
    store: Store,
    entries: Vec<Transmission>,
    acks: Vec<Acknowledgement>,
    receipts: Vec<Receipt>,
    draft: Option<TransmissionDraft>,
    last_seen: Option<Timestamp>,
}

async fn open_and_load(tenant: &str, user: &str, subject: &SubjectId) -> Result<Loaded, StoreError> {
    let store = Store::open(tenant, user).await?;
    let entries = store.transmissions_page(subject, None, FIRST_PAGE).await?;
    let acks = store.acknowledgements_for(subject).await?;
    let receipts = store.receipts_for(subject).await?;
    let draft = store.load_draft(subject).await?;
    let last_seen = store.visit(subject, device::now()).await?;
    Ok(Loaded { store, entries, acks, receipts, draft, last_seen })
}

/// Reads the entries after the first page and merges them in; the book is usable meanwhile,
/// and search, counts and the list cover everything once they are in. A book removed in the
/// meantime ignores them.
async fn load_older(book: Book, store: &Store, subject: &SubjectId, end: PageEnd) {
    book.older_loading.try_set(true);
    if let Ok(older) = store.transmissions_after(subject, &end).await {
        book.merge_older(&end, older);
    }
    book.older_loading.try_set(false);
}
