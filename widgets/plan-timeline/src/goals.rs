//! Goals beside the lines that serve them, each with its due date and status; adding a goal;
//! and the needs the questionnaire proposed (`relais:needs`), each turned into a goal only
//! when the user accepts it, with the line form then prepared for the service that answers it.

use crate::config::PlanConfig;
use crate::device;
use crate::session::Session;
use chrono::NaiveDate;
use leptos::prelude::*;
use relais_core::aggir::Variable;
use relais_core::plan::{day_text, ExpressedBy, Goal, GoalDomain, GoalDraft, GoalStatus, NeedRef, ServiceType};
use serde::Deserialize;

/// One need proposed by the questionnaire: `{label, domain?, variable?}`, or core's
/// `ProposedNeed` (`{title, domain: {code}, need, service}`) as `relais:needs` carries it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NeedProposal {
    #[serde(alias = "title")]
    pub label: String,
    #[serde(default)]
    pub domain: Option<DomainField>,
    /// An AGGIR variable code such as `transferts`.
    #[serde(default)]
    pub variable: Option<String>,
    #[serde(default)]
    pub need: Option<NeedRef>,
    /// The kind of service that usually answers the need: the draft line's service.
    #[serde(default)]
    pub service: Option<ServiceType>,
}

/// A goal domain as a code or as core's `{code, label_fr}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum DomainField {
    Code(String),
    Domain(GoalDomain),
}

impl DomainField {
    fn domain(&self) -> Option<GoalDomain> {
        match self {
            DomainField::Code(code) => GoalDomain::default_of(code),
            DomainField::Domain(domain) => Some(domain.clone()),
        }
    }
}

/// Proposals from JSON text (an array); entries without a label are left out, not fatal.
pub fn proposals_from_json(json: &str) -> Result<Vec<NeedProposal>, String> {
    let values: Vec<serde_json::Value> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(values.into_iter().filter_map(|v| serde_json::from_value::<NeedProposal>(v).ok()).filter(|p| !p.label.trim().is_empty()).collect())
}

fn goal_from(session: &Session, proposal: &NeedProposal, due: Option<NaiveDate>) -> Result<Goal, String> {
    let domain = proposal
        .domain
        .as_ref()
        .and_then(DomainField::domain)
        .or_else(|| GoalDomain::default_of("vie-quotidienne"))
        .ok_or("domaine")?;
    let variable: Option<Variable> = proposal.variable.as_ref().and_then(|v| serde_json::from_value(serde_json::Value::String(v.clone())).ok());
    let need = proposal.need.clone().or_else(|| variable.map(|variable| NeedRef::Aggir { variable }));
    Goal::new(GoalDraft {
        id: device::new_id(),
        title: proposal.label.clone(),
        domain,
        due,
        status: GoalStatus::Active,
        expected_result: None,
        needs: need.into_iter().collect(),
        served_by: vec![],
        expressed_by: ExpressedBy::Author(session.config.with_value(|c| c.author.clone())),
    })
    .map_err(|e| e.to_string())
}

/// Adds the goal; its id when the plan took it.
fn add_goal(session: &Session, goal: Result<Goal, String>) -> Option<relais_core::EntryId> {
    let goal = goal.map_err(|reason| session.error.set(Some(format!("{} {reason}", session.texts.refused)))).ok()?;
    let id = goal.id();
    session
        .change(|draft| {
            draft.goals.push(goal);
            Ok(())
        })
        .then_some(id)
}

#[component]
pub fn Goals(session: Session, needs: Signal<Vec<NeedProposal>>) -> impl IntoView {
    let texts = session.texts;
    let family = session.config.with_value(PlanConfig::is_family);
    let title = RwSignal::new(String::new());
    let domain = RwSignal::new("vie-quotidienne".to_owned());
    let due = RwSignal::new(String::new());
    let accepted = RwSignal::new(Vec::<String>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let proposal = NeedProposal {
            label: title.get_untracked(),
            domain: Some(DomainField::Code(domain.get_untracked())),
            variable: None,
            need: None,
            service: None,
        };
        let due = NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d").ok();
        if add_goal(&session, goal_from(&session, &proposal, due)).is_some() {
            title.set(String::new());
        }
    };
    let list = move || {
        session.plan.with(|p| {
            let Some(plan) = p else { return Vec::new() };
            plan.goals()
                .iter()
                .map(|goal| {
                    let f = goal.fields();
                    let lines: Vec<String> = goal
                        .served_by()
                        .iter()
                        .filter_map(|id| plan.line(*id))
                        .map(|l| format!("{} ({})", l.service().label_fr, l.fields().provider))
                        .collect();
                    let due = f.due.map(|d| format!("{} {}", texts.due, day_text(texts.lang, d))).unwrap_or_default();
                    (f.title.clone(), f.status.label_fr(), due, lines.join(", "))
                })
                .collect()
        })
        .into_iter()
        .map(|(title, status, due, lines)| {
            view! {
                <li>
                    <strong>{title}</strong> " — " <span class="status">{status}</span> " " {due}
                    <br /><span class="served">{texts.served_by} " " {if lines.is_empty() { texts.none.to_owned() } else { lines }}</span>
                </li>
            }
        })
        .collect_view()
    };
    let proposals = move || {
        needs.get().into_iter().filter(|p| !accepted.with(|a| a.contains(&p.label))).map(|proposal| {
            let label = proposal.label.clone();
            let accept = move |_| {
                if let Some(goal) = add_goal(&session, goal_from(&session, &proposal, None)) {
                    accepted.update(|a| a.push(proposal.label.clone()));
                    let service = proposal.service.as_ref().map(|s| s.code.clone()).unwrap_or_else(|| "aide-a-domicile".to_owned());
                    session.line_draft.set(Some((service, goal)));
                }
            };
            view! {
                <li>{label.clone()} " "
                    <button type="button" on:click=accept aria-label=format!("{} : {label}", texts.accept_need)>{texts.accept_need}</button>
                </li>
            }
        }).collect_view()
    };
    let domains = GoalDomain::french_defaults();
    view! {
        <section class="goals" aria-labelledby="goals-title">
            <h2 id="goals-title">{texts.goals}</h2>
            <ul>{list}</ul>
            {(!family).then(|| view! {
                <div class="proposals" hidden=move || needs.with(Vec::is_empty)>
                    <h3>{texts.proposed_needs}</h3>
                    <ul>{proposals}</ul>
                </div>
                <form on:submit=submit>
                    <label class="field"><span>{texts.goal_title}</span><input type="text" required bind:value=title /></label>
                    <label class="field"><span>{texts.goal_domain}</span>
                        <select on:change=move |ev| domain.set(event_target_value(&ev))>
                            {domains.into_iter().map(|d| view! { <option value=d.code>{d.label_fr}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field"><span>{texts.goal_due}</span><input type="date" bind:value=due /></label>
                    <button type="submit">{texts.add_goal}</button>
                </form>
            })}
        </section>
    }
}
