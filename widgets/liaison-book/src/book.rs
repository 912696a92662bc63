//! The whole liaison book: opens the person's local data, then shows the composer and the list.

use crate::composer::Composer;
use crate::config::BookConfig;
use crate::entry_list::EntryList;
use crate::texts::{Lang, Texts};
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::Transmission;
use relais_store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Opening,
    Ready,
    Failed(String),
}

/// The liaison book of `config.subject`, written as `config.author`.
#[component]
pub fn LiaisonBook(config: BookConfig, #[prop(optional)] lang: Lang) -> impl IntoView {
    let texts = Texts::for_lang(lang);
    let phase = RwSignal::new(Phase::Opening);
    let entries = RwSignal::new(Vec::<Transmission>::new());
    let store = StoredValue::new_local(None::<Store>);

    let opening = config.clone();
    spawn_local(async move {
        match open_and_load(&opening).await {
            Ok((opened, list)) => {
                store.set_value(Some(opened));
                entries.set(list);
                phase.set(Phase::Ready);
            }
            Err(error) => phase.set(Phase::Failed(error.to_string())),
        }
    });

    view! {
        <section class="book" lang=lang.tag() aria-label=texts.book>
            <Composer config=config.clone() lang=lang store=store entries=entries />
            {move || match phase.get() {
                Phase::Opening => view! { <p class="notice" role="status">{texts.loading}</p> }.into_any(),
                Phase::Failed(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                Phase::Ready => view! { <EntryList entries=entries catalogue=config.catalogue.clone() lang=lang /> }.into_any(),
            }}
        </section>
    }
}

async fn open_and_load(config: &BookConfig) -> Result<(Store, Vec<Transmission>), StoreError> {
    let store = Store::open(&config.tenant, config.author.id()).await?;
    let list = store.transmissions_for(&config.subject).await?;
    Ok((store, list))
}
