//! The whole widget: opens the store, loads the person's plan (or the host's seed, or offers
//! to start one), then shows the toolbar, the lanes or the list, and the panels around them.

use crate::config::PlanConfig;
use crate::conflicts::Conflicts;
use crate::details::Details;
use crate::device;
use crate::editing::{HospitalForm, LineForm};
use crate::family::FamilySummary;
use crate::funding_table::FundingTable;
use crate::goals::{Goals, NeedProposal};
use crate::lanes_view::LanesView;
use crate::list_view::ListView;
use crate::reviews::{ReviewDue, Reviews};
use crate::realisation_table::RealisationTable;
use crate::session::Session;
use crate::sync;
use crate::sync_status::SyncLine;
use crate::texts::Lang;
use crate::toolbar::Toolbar;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_core::plan::{Plan, PlanDraft, PlanStatus, PlanType};
use relais_store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Opening,
    Ready,
    Failed(String),
}

#[component]
pub fn PlanTimeline(
    config: PlanConfig,
    #[prop(optional)] lang: Lang,
    /// Needs the questionnaire proposed, to be accepted as goals.
    #[prop(optional, into)]
    needs: Signal<Vec<NeedProposal>>,
    #[prop(optional, into)] on_review_due: Option<Callback<ReviewDue>>,
) -> impl IntoView {
    let session = Session::new(config.clone(), lang);
    let phase = RwSignal::new(Phase::Opening);
    spawn_local(async move {
        match open(&config).await {
            Ok((store, plan)) => {
                session.store.set_value(Some(store.clone()));
                if let Some(plan) = plan {
                    session.anchor.set(session.today.max(plan.fields().period_start));
                    session.plan.set(Some(plan));
                }
                phase.set(Phase::Ready);
                crate::passages::read(session).await;
                sync::start(session, store);
            }
            Err(error) => phase.set(Phase::Failed(error)),
        }
    });
    let texts = session.texts;
    // Only whether there is a plan picks the view: a change of the plan (a save, a pull) must
    // not rebuild the panels, which would drop what the user is typing in a form.
    let has_plan = Memo::new(move |_| session.plan.with(Option::is_some));
    view! {
        <section class="plan" lang=lang.tag() aria-label=texts.widget>
            <h1>{move || session.plan.with(|p| p.as_ref().map(|p| p.fields().title.clone())).unwrap_or_else(|| texts.widget.to_owned())}</h1>
            {move || match phase.get() {
                Phase::Opening => view! { <p class="notice" role="status">{texts.loading}</p> }.into_any(),
                Phase::Failed(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                Phase::Ready if !has_plan.get() => start(session).into_any(),
                Phase::Ready => ready(session, needs, on_review_due).into_any(),
            }}
        </section>
    }
}

/// The store, and the person's newest plan; the host's seed is stored (and, with sync, sent)
/// when there is none.
async fn open(config: &PlanConfig) -> Result<(Store, Option<Plan>), String> {
    let store = Store::open(&config.tenant, config.author.id()).await.map_err(|e| e.to_string())?;
    let mut plans = store.plans_for(&config.subject).await.map_err(|e| e.to_string())?;
    if plans.is_empty() {
        if let Some(seed) = &config.seed {
            store.save_plan(seed, &config.author, device::now()).await.map_err(|e| e.to_string())?;
            plans.push(seed.clone());
        }
    }
    Ok((store, plans.pop()))
}

/// No plan yet: a professional starts one, a relative is told there is none.
fn start(session: Session) -> impl IntoView {
    let texts = session.texts;
    let create = move |_| {
        let config = session.config.get_value();
        let draft = PlanDraft {
            id: device::new_id(),
            subject: config.subject.clone(),
            plan_type: PlanType::default_of("plan-aide-apa").expect("a default plan type"),
            title: texts.new_plan_title.to_owned(),
            status: PlanStatus::Active,
            period_start: session.today,
            period_end: None,
            gir: config.gir,
            lines: vec![],
            goals: vec![],
            reviews: vec![],
            hospital_episodes: vec![],
        };
        match Plan::new(draft) {
            Ok(plan) => {
                session.plan.set(Some(plan));
                session.replace(Ok);
            }
            Err(e) => session.error.set(Some(e.to_string())),
        }
    };
    let family = session.config.with_value(PlanConfig::is_family);
    view! {
        <p>{texts.no_plan}</p>
        {(!family).then(|| view! { <button type="button" class="primary" on:click=create>{texts.create_plan}</button> })}
    }
}

fn ready(session: Session, needs: Signal<Vec<NeedProposal>>, on_review_due: Option<Callback<ReviewDue>>) -> impl IntoView {
    let texts = session.texts;
    let family = session.config.with_value(PlanConfig::is_family);
    view! {
        <p class="error" role="alert">{move || session.error.get()}</p>
        <SyncLine session=session />
        <Conflicts session=session />
        <FamilySummary session=session />
        <Toolbar session=session />
        {move || if session.display.get().as_list {
            view! { <ListView session=session /> }.into_any()
        } else {
            view! { <LanesView session=session /> }.into_any()
        }}
        <Details session=session />
        <Reviews session=session on_review_due=on_review_due />
        <Goals session=session needs=needs />
        {(!family).then(|| view! {
            <LineForm session=session />
            <HospitalForm session=session />
        })}
        <FundingTable session=session />
        <RealisationTable session=session />
        <p class="note" role="status">{move || (session.saved.get() > 0).then_some(texts.saved_locally)}</p>
    }
}
