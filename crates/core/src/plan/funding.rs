//! Who ends up paying what in a month: APA against its cap, then the family's share after the
//! crédit d'impôt.
//!
//! The tax credit is yearly; for a monthly view its ceiling is taken as a twelfth of the
//! household's yearly ceiling. That is exact for a plan that spends evenly over the year and
//! errs on the side of a smaller credit otherwise; `TaxCreditRules::yearly_credit` gives the
//! exact figure from a year's spend.

use super::calendar::Month;
use super::catalogue::PayerKind;
use super::costs::{costs_of, line_totals, MonthCosts};
use super::line::{LineTotals, ServiceLine};
use super::money::Cents;
use super::rules::FundingRules;
use crate::aggir::Gir;
use serde::{Deserialize, Serialize};

/// What the funding depends on besides the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Household {
    pub gir: Gir,
    /// Members that raise the tax-credit ceiling (children, members over 65…).
    pub tax_credit_members: u32,
}

/// The month's APA-funded spend against the cap of the person's GIR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApaCheck {
    pub spent: Cents,
    /// `None` for GIR 5–6, who have no APA: all of `spent` is then over the cap.
    pub cap: Option<Cents>,
    /// Left to the family.
    pub over_cap: Cents,
}

/// The family's share: family-paid lines plus what APA does not cover, less the tax credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyShare {
    pub paid: Cents,
    /// The part of `paid` spent on services à la personne.
    pub eligible: Cents,
    /// A twelfth of the household's yearly ceiling.
    pub monthly_ceiling: Cents,
    pub tax_credit: Cents,
    pub remaining: Cents,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFunding {
    pub costs: MonthCosts,
    pub apa: ApaCheck,
    pub family: FamilyShare,
}

pub fn month_funding(
    lines: &[ServiceLine],
    month: Month,
    household: Household,
    rules: &FundingRules,
) -> MonthFunding {
    let totals = line_totals(lines, month);
    let apa = spend(&totals, PayerKind::Apa);
    let cap = rules.apa_monthly_caps.for_gir(household.gir);
    let over_cap = (apa.all - cap.unwrap_or(Cents::ZERO)).max(Cents::ZERO);
    let apa_check = ApaCheck {
        spent: apa.all,
        cap,
        over_cap,
    };
    let family = family_share(
        spend(&totals, PayerKind::Famille),
        apa,
        over_cap,
        household,
        rules,
    );
    MonthFunding {
        costs: costs_of(month, &totals),
        apa: apa_check,
        family,
    }
}

/// A payer kind's spend, and the part of it on services that open the tax credit.
#[derive(Clone, Copy)]
struct Spend {
    all: Cents,
    eligible: Cents,
}

fn spend(totals: &[(&ServiceLine, LineTotals)], kind: PayerKind) -> Spend {
    let of_kind = || {
        totals
            .iter()
            .filter(move |(line, _)| line.payer().kind == kind)
    };
    Spend {
        all: of_kind().map(|(_, t)| t.cost).sum(),
        eligible: of_kind()
            .filter(|(line, _)| line.service().tax_credit_eligible)
            .map(|(_, t)| t.cost)
            .sum(),
    }
}

/// The APA overflow is spread over APA lines in proportion to their cost, so only its share
/// from eligible services opens the credit.
fn family_share(
    family: Spend,
    apa: Spend,
    over_cap: Cents,
    household: Household,
    rules: &FundingRules,
) -> FamilyShare {
    let overflow_eligible = match apa.all.0 {
        0 => Cents::ZERO,
        all => Cents(over_cap.0 * apa.eligible.0 / all),
    };
    let paid = family.all + over_cap;
    let eligible = family.eligible + overflow_eligible;
    let monthly_ceiling = Cents(rules.tax_credit.ceiling(household.tax_credit_members).0 / 12);
    let tax_credit = eligible
        .max(Cents::ZERO)
        .min(monthly_ceiling)
        .percent_bp(rules.tax_credit.rate_bp);
    FamilyShare {
        paid,
        eligible,
        monthly_ceiling,
        tax_credit,
        remaining: paid - tax_credit,
    }
}
