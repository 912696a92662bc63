//! The plan's service lines and what they cost, per payer, per month (domain.md §3).
//!
//! Sans IO and without a clock: callers pass the month or week and the year's
//! `FundingRules`; amounts are integer cents and every amount comes from data.

mod calendar;
mod catalogue;
mod costs;
mod error;
mod funding;
mod hours;
mod line;
mod money;
mod rules;

#[cfg(test)]
mod tests;

pub use calendar::{week_window, Month};
pub use catalogue::{Payer, PayerKind, ServiceType};
pub use costs::{month_costs, MonthCosts, PayerMonth};
pub use error::{PlanError, PROVIDER_MAX_LEN};
pub use funding::{month_funding, ApaCheck, FamilyShare, Household, MonthFunding};
pub use hours::{hours_fr, week_hours, WeekHours};
pub use line::{LineStatus, LineTotals, Price, ServiceLine, ServiceLineDraft};
pub use money::Cents;
pub use rules::{ApaCaps, FundingRules, TaxCreditRules};
