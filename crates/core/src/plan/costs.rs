//! Monthly hours and cost per payer, from the month's actual occurrences.
//!
//! Months differ (four or five Tuesdays, 28 to 31 days), so amounts come from expanding the
//! month rather than from "weekly hours × 4.33".

use super::calendar::Month;
use super::catalogue::Payer;
use super::line::{LineTotals, ServiceLine};
use super::money::Cents;
use serde::{Deserialize, Serialize};

/// What one payer funds in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayerMonth {
    pub payer: Payer,
    pub totals: LineTotals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCosts {
    pub month: Month,
    /// One entry per payer code, in order of first appearance in the plan.
    pub per_payer: Vec<PayerMonth>,
    pub total: LineTotals,
}

/// Each line with its totals for the month.
pub(super) fn line_totals(lines: &[ServiceLine], month: Month) -> Vec<(&ServiceLine, LineTotals)> {
    let (from, to) = month.window();
    lines
        .iter()
        .map(|line| (line, line.totals(from, to)))
        .collect()
}

pub fn month_costs(lines: &[ServiceLine], month: Month) -> MonthCosts {
    costs_of(month, &line_totals(lines, month))
}

pub(super) fn costs_of(month: Month, totals: &[(&ServiceLine, LineTotals)]) -> MonthCosts {
    let mut per_payer: Vec<PayerMonth> = Vec::new();
    for (line, line_totals) in totals {
        match per_payer
            .iter_mut()
            .find(|p| p.payer.code == line.payer().code)
        {
            Some(entry) => entry.totals = add(entry.totals, *line_totals),
            None => per_payer.push(PayerMonth {
                payer: line.payer().clone(),
                totals: *line_totals,
            }),
        }
    }
    let total = totals
        .iter()
        .fold(LineTotals::default(), |sum, (_, t)| add(sum, *t));
    MonthCosts {
        month,
        per_payer,
        total,
    }
}

fn add(a: LineTotals, b: LineTotals) -> LineTotals {
    LineTotals {
        visits: a.visits + b.visits,
        minutes: a.minutes + b.minutes,
        cost: Cents(a.cost.0 + b.cost.0),
    }
}
