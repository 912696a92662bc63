//! The whole needs questionnaire: opens the local store, resumes this person's draft of the
//! same questionnaire if there is one, then shows progress, the AGGIR result when the
//! instrument is the grid, the items and the finalise button.

use crate::aggir_panel::AggirPanel;
use crate::config::QuestionnaireConfig;
use crate::finalize::{Finalize, Progress};
use crate::item_view::Items;
use crate::session::Session;
use crate::sheet::Sheet;
use crate::texts::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::questionnaire::evaluation::Evaluation;
use relais_core::questionnaire::{Form, Questionnaire};
use relais_store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Opening,
    Ready,
    Failed(String),
}

#[component]
pub fn NeedsQuestionnaire(config: QuestionnaireConfig, #[prop(optional)] lang: Lang) -> impl IntoView {
    let questionnaire = config.instrument.questionnaire();
    let session = Session::new(config.clone(), lang, Sheet::new(Form::new(questionnaire.clone())));
    let phase = RwSignal::new(Phase::Opening);
    spawn_local(async move {
        match open(&config, &questionnaire).await {
            Ok((store, draft)) => {
                if let Some((draft, form)) = draft {
                    session.sheet.set(Sheet::new(form));
                    session.draft.set_value(Some(draft));
                }
                session.store.set_value(Some(store));
                phase.set(Phase::Ready);
            }
            Err(error) => phase.set(Phase::Failed(error)),
        }
    });
    let texts = session.texts;
    let title = session.sheet.with_untracked(|s| s.form().questionnaire().title().map(str::to_owned));
    view! {
        <section class="needs" lang=lang.tag() aria-label=texts.widget>
            <h1>{title.unwrap_or_else(|| texts.widget.to_owned())}</h1>
            {move || match phase.get() {
                Phase::Opening => view! { <p class="notice" role="status">{texts.loading}</p> }.into_any(),
                Phase::Failed(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                Phase::Ready => ready(session).into_any(),
            }}
        </section>
    }
}

fn ready(session: Session) -> impl IntoView {
    let roots = session.sheet.with_untracked(|s| s.form().questionnaire().roots().to_vec());
    let is_aggir = session.sheet.with_untracked(|s| s.aggir().is_some());
    view! {
        <Progress session=session />
        <p class="note">{session.texts.draft_saved}</p>
        <p class="error" role="alert" hidden=move || session.save_error.with(Option::is_none)>
            {move || session.save_error.get()}
        </p>
        {is_aggir.then(|| view! { <AggirPanel session=session /> })}
        <fieldset class="items" disabled=move || session.is_locked()>
            <legend class="visually-hidden">{session.texts.widget}</legend>
            <Items session=session ids=roots instance=0 />
        </fieldset>
        <Finalize session=session />
    }
}

/// The store, and the newest draft of this questionnaire for this person with its form.
async fn open(
    config: &QuestionnaireConfig,
    questionnaire: &Questionnaire,
) -> Result<(Store, Option<(Evaluation, Form)>), String> {
    let store = Store::open(&config.tenant, config.author.id()).await.map_err(|e| e.to_string())?;
    let evaluations = store.evaluations_for(&config.subject).await.map_err(|e| e.to_string())?;
    let canonical = questionnaire.canonical();
    let draft = evaluations
        .into_iter()
        .rev()
        .filter(|e| !e.is_final() && e.questionnaire() == canonical)
        .find_map(|e| e.form(questionnaire.clone()).ok().map(|form| (e, form)));
    Ok((store, draft))
}
