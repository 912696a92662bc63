//! The person's plan (domain.md §3): its type and review cadence, service lines and what they
//! cost per payer per month, goals, reviews and hospital stays.
//!
//! Sans IO and without a clock: callers pass the day, month or week and the year's
//! `FundingRules`; amounts are integer cents and every amount comes from data.

mod agenda;
mod calendar;
mod care_plan;
mod care_plan_rules;
mod catalogue;
mod choice;
mod costs;
mod error;
mod funding;
mod goal;
mod hospital;
mod hours;
mod ical;
mod line;
mod money;
mod plan_error;
mod plan_type;
mod realisation;
mod review;
mod rules;
mod timeline;

#[cfg(test)]
mod care_plan_tests;
#[cfg(test)]
mod exception_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;

pub use agenda::{agenda, day_text, family_summary, month_text, visit_text, AgendaLine};
pub use calendar::{week_window, Month};
pub use choice::RecurrenceChoice;
pub use ical::to_ical;
pub use realisation::{realisation, Done, Passage, Realisation, PASSAGE_CATEGORY};
pub use timeline::{lanes, line_visits, month_counts, months_of, visits_in_order, Lane, ProviderGroup, Span, Visit, Window};
pub use care_plan::{Plan, PlanDraft, PlanStatus};
pub use catalogue::{Payer, PayerKind, ServiceType};
pub use costs::{month_costs, MonthCosts, PayerMonth};
pub use error::{PlanError, PROVIDER_MAX_LEN};
pub use funding::{month_funding, ApaCheck, FamilyShare, Household, MonthFunding};
pub use goal::{ExpressedBy, Goal, GoalDomain, GoalDraft, GoalStatus, NeedRef, GOAL_TEXT_MAX_LEN};
pub use hospital::{HospitalEpisode, STAY_REASON_MAX_LEN};
pub use hours::{hours_fr, week_hours, WeekHours};
pub use line::{LineStatus, LineTotals, Price, ServiceLine, ServiceLineDraft};
pub use money::Cents;
pub use plan_error::{CarePlanError, PLAN_TITLE_MAX_LEN};
pub use plan_type::{PlanType, ReviewCadence};
pub use review::{Review, ReviewReason, TriggerEvent};
pub use rules::{ApaCaps, FundingRules, TaxCreditRules};
