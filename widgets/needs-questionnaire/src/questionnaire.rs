//! The whole needs questionnaire: opens the local store, resumes this person's draft of the
//! same questionnaire if there is one, then shows progress, the AGGIR result when the
//! instrument is the grid, the items and the finalise button.

use crate::aggir_panel::AggirPanel;
use crate::compare::Compare;
use crate::history::History;
use crate::config::QuestionnaireConfig;
use crate::finalize::{Finalize, Progress};
use crate::item_view::Items;
use crate::needs::{NeedsEvent, ProposedNeeds};
use crate::session::Session;
use crate::sheet::Sheet;
use crate::sync;
use crate::texts::{Lang, Texts};
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::questionnaire::evaluation::Evaluation;
use relais_core::questionnaire::{Form, Questionnaire};
use relais_store::Store;

#[derive(Clone)]
enum Phase {
    Opening,
    Ready(Session),
    Failed(String),
}

#[component]
pub fn NeedsQuestionnaire(
    config: QuestionnaireConfig,
    #[prop(optional)] lang: Lang,
    /// Called with the proposals the evaluator ticks and sends to the plan.
    #[prop(optional)]
    on_needs: Option<Callback<NeedsEvent>>,
) -> impl IntoView {
    let texts = Texts::for_lang(lang);
    let phase = RwSignal::new(Phase::Opening);
    // The session's signals belong to this component, though made once the definition is in.
    let owner = Owner::current().expect("a component runs under an owner");
    spawn_local(async move {
        let opened = match config.instrument.questionnaire().await {
            Ok(questionnaire) => open(&config, questionnaire).await,
            Err(error) => Err(error.to_string()),
        };
        phase.set(match opened {
            Ok(opened) => Phase::Ready(owner.with(|| session(config, lang, opened))),
            Err(error) => Phase::Failed(error),
        });
    });
    view! {
        <section class="needs" lang=lang.tag() aria-label=texts.widget>
            {move || match phase.get() {
                Phase::Opening => view! { <h1>{texts.widget}</h1><p class="notice" role="status">{texts.loading}</p> }.into_any(),
                Phase::Failed(message) => view! { <h1>{texts.widget}</h1><p class="error" role="alert">{message}</p> }.into_any(),
                Phase::Ready(session) => ready(session, on_needs).into_any(),
            }}
        </section>
    }
}

/// The session over what opening found: the resumed draft's answers, or a blank form.
fn session(config: QuestionnaireConfig, lang: Lang, opened: Opened) -> Session {
    let Opened { store, versions, questionnaire, draft } = opened;
    let (draft, form) = draft.map_or((None, Form::new(questionnaire)), |(draft, form)| (Some(draft), form));
    let session = Session::new(config, lang, Sheet::new(form));
    session.draft.set_value(draft);
    session.versions.set(versions);
    session.store.set_value(Some(store.clone()));
    sync::start(session, store);
    session
}

fn ready(session: Session, on_needs: Option<Callback<NeedsEvent>>) -> impl IntoView {
    let roots = session.sheet.with_untracked(|s| s.form().questionnaire().roots().to_vec());
    let is_aggir = session.sheet.with_untracked(|s| s.aggir().is_some());
    let title = session.sheet.with_untracked(|s| s.form().questionnaire().title().map(str::to_owned));
    view! {
        <h1>{title.unwrap_or_else(|| session.texts.widget.to_owned())}</h1>
        <Progress session=session />
        <p class="note save-state">
            {move || if session.unsaved.with(Vec::is_empty) { session.texts.draft_saved } else { session.texts.draft_saving }}
        </p>
        <p class="error" role="alert" hidden=move || session.save_error.with(Option::is_none)>
            {move || session.save_error.get()}
        </p>
        {is_aggir.then(|| view! { <AggirPanel session=session /> })}
        <fieldset class="items" disabled=move || session.is_locked()>
            <legend class="visually-hidden">{session.texts.widget}</legend>
            <Items session=session ids=roots instance=0 />
        </fieldset>
        <ProposedNeeds session=session on_needs=on_needs />
        <Finalize session=session />
        <History session=session />
        <Compare session=session />
    }
}

/// What opening finds on this device.
struct Opened {
    store: Store,
    questionnaire: Questionnaire,
    /// Every evaluation of this person with this questionnaire (any version of it).
    versions: Vec<Evaluation>,
    /// The newest draft of exactly this questionnaire, with its form.
    draft: Option<(Evaluation, Form)>,
}

async fn open(config: &QuestionnaireConfig, questionnaire: Questionnaire) -> Result<Opened, String> {
    let store = Store::open(&config.tenant, config.author.id()).await.map_err(|e| e.to_string())?;
    let mut versions = store.evaluations_for(&config.subject).await.map_err(|e| e.to_string())?;
    versions.retain(|e| e.questionnaire_url() == questionnaire.url());
    let canonical = questionnaire.canonical();
    let draft = versions
        .iter()
        .rev()
        .filter(|e| !e.is_final() && e.questionnaire() == canonical)
        .find_map(|e| e.form(questionnaire.clone()).ok().map(|form| (e.clone(), form)));
    Ok(Opened { store, questionnaire, versions, draft })
}
