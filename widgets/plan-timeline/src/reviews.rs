//! Review milestones: the next one the plan type's cadence schedules and those events
//! triggered (fall, return from hospital, caregiver exhaustion), overdue ones flagged in
//! words; recording a review held or an event. When reviews are due, the host hears it
//! (`relais:review-due`) once per change of what is due.

use crate::config::PlanConfig;
use crate::session::Session;
use chrono::NaiveDate;
use leptos::prelude::*;
use relais_core::plan::{day_text, Review, ReviewReason, TriggerEvent};

/// A review that is due today or overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReview {
    pub due: NaiveDate,
    /// `scheduled`, `sortie-hospitalisation`, `chute`…
    pub reason: &'static str,
    pub overdue: bool,
}

/// What `relais:review-due` carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDue {
    pub subject: String,
    pub plan: String,
    pub reviews: Vec<DueReview>,
}

#[component]
pub fn Reviews(session: Session, on_review_due: Option<Callback<ReviewDue>>) -> impl IntoView {
    let texts = session.texts;
    let today = session.today;
    let family = session.config.with_value(PlanConfig::is_family);
    let due = Memo::new(move |_| session.plan.with(|p| p.as_ref().map(|p| p.due_reviews()).unwrap_or_default()));
    let reaching_today = Memo::new(move |_| {
        due.get()
            .into_iter()
            .filter(|r| r.due <= today)
            .map(|r| DueReview { due: r.due, reason: r.reason.code(), overdue: r.is_overdue(today) })
            .collect::<Vec<_>>()
    });
    Effect::new(move |_| {
        let reviews = reaching_today.get();
        let (Some(callback), false) = (on_review_due, reviews.is_empty()) else { return };
        let Some((subject, plan)) = session.plan.with_untracked(|p| p.as_ref().map(|p| (p.subject().as_str().to_owned(), p.id().to_string()))) else {
            return;
        };
        callback.run(ReviewDue { subject, plan, reviews });
    });
    let held = move |review: Review| session.replace(|plan| Ok(plan.review_held(review.due, review.reason, today)));
    let event = RwSignal::new(TriggerEvent::Chute.code().to_owned());
    let trigger = move |_| {
        if let Some(ReviewReason::Event(e)) = ReviewReason::from_code(&event.get_untracked()) {
            session.replace(|plan| Ok(plan.trigger_review(e, today)));
        }
    };
    let rows = move || {
        due.get()
            .into_iter()
            .map(|review| {
                let overdue = review.is_overdue(today);
                let text = format!("{} — {}", day_text(texts.lang, review.due), review.reason.label_fr());
                view! {
                    <li class:overdue=overdue>
                        {text}
                        {overdue.then_some(view! { " " <strong class="flag">{texts.overdue}</strong> })}
                        {(!family).then(|| view! {
                            " " <button type="button" on:click=move |_| { held(review); }>{texts.review_held}</button>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="reviews" aria-labelledby="reviews-title">
            <h2 id="reviews-title">{texts.reviews}</h2>
            <ul>{rows}</ul>
            <p hidden=move || due.with(|d| !d.is_empty())>{texts.no_review}</p>
            {(!family).then(|| view! {
                <div class="trigger">
                    <label class="field"><span>{texts.trigger_event}</span>
                        <select on:change=move |ev| event.set(event_target_value(&ev))>
                            {TriggerEvent::ALL.into_iter().map(|e| view! { <option value=e.code()>{e.label_fr()}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" on:click=trigger>{texts.trigger_review}</button>
                </div>
            })}
        </section>
    }
}
