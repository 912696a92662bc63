//! The yearly amounts of French home-care funding, as data (domain.md §3).
//!
//! APA caps are indexed every 1 January and the tax-credit ceilings change by finance law, so
//! hosts pass the year's `FundingRules`; the logic never holds an amount of its own.

use super::money::Cents;
use crate::aggir::Gir;
use serde::{Deserialize, Serialize};

/// Monthly APA à domicile caps for GIR 1 to 4; GIR 5 and 6 have no APA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApaCaps {
    pub gir1: Cents,
    pub gir2: Cents,
    pub gir3: Cents,
    pub gir4: Cents,
}

impl ApaCaps {
    pub fn for_gir(&self, gir: Gir) -> Option<Cents> {
        match gir.number() {
            1 => Some(self.gir1),
            2 => Some(self.gir2),
            3 => Some(self.gir3),
            4 => Some(self.gir4),
            _ => None,
        }
    }
}

/// Crédit d'impôt for services à la personne (CGI art. 199 sexdecies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxCreditRules {
    /// In basis points: 5 000 is 50 %.
    pub rate_bp: u32,
    pub yearly_ceiling: Cents,
    /// Added per qualifying household member (child, member over 65…).
    pub increase_per_member: Cents,
    pub max_yearly_ceiling: Cents,
}

impl TaxCreditRules {
    /// The household's yearly ceiling of eligible spend.
    pub fn ceiling(&self, qualifying_members: u32) -> Cents {
        let raised =
            self.yearly_ceiling + Cents(self.increase_per_member.0 * i64::from(qualifying_members));
        raised.min(self.max_yearly_ceiling)
    }

    /// The credit on a year's eligible spend (after aids such as APA are deducted).
    pub fn yearly_credit(&self, eligible_spend: Cents, qualifying_members: u32) -> Cents {
        eligible_spend
            .max(Cents::ZERO)
            .min(self.ceiling(qualifying_members))
            .percent_bp(self.rate_bp)
    }
}

/// Everything the funding computations need for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingRules {
    pub apa_monthly_caps: ApaCaps,
    pub tax_credit: TaxCreditRules,
}

impl FundingRules {
    /// Amounts in force on 1 January 2024.
    pub fn french_defaults_2024() -> Self {
        Self {
            apa_monthly_caps: ApaCaps {
                gir1: Cents::euros(1955, 60),
                gir2: Cents::euros(1581, 44),
                gir3: Cents::euros(1143, 9),
                gir4: Cents::euros(762, 87),
            },
            tax_credit: TaxCreditRules {
                rate_bp: 5_000,
                yearly_ceiling: Cents::euros(12_000, 0),
                increase_per_member: Cents::euros(1_500, 0),
                max_yearly_ceiling: Cents::euros(15_000, 0),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_by_gir() {
        let caps = FundingRules::french_defaults_2024().apa_monthly_caps;
        assert_eq!(caps.for_gir(Gir::new(1).unwrap()), Some(Cents(195_560)));
        assert_eq!(caps.for_gir(Gir::new(3).unwrap()), Some(Cents(114_309)));
        assert_eq!(caps.for_gir(Gir::new(4).unwrap()), Some(Cents(76_287)));
        assert_eq!(caps.for_gir(Gir::new(5).unwrap()), None);
    }

    #[test]
    fn tax_credit_ceiling_grows_per_member_up_to_the_maximum() {
        let credit = FundingRules::french_defaults_2024().tax_credit;
        assert_eq!(credit.ceiling(0), Cents::euros(12_000, 0));
        assert_eq!(credit.ceiling(1), Cents::euros(13_500, 0));
        assert_eq!(credit.ceiling(5), Cents::euros(15_000, 0));
        assert_eq!(
            credit.yearly_credit(Cents::euros(8_000, 0), 0),
            Cents::euros(4_000, 0)
        );
        assert_eq!(
            credit.yearly_credit(Cents::euros(20_000, 0), 0),
            Cents::euros(6_000, 0)
        );
        assert_eq!(credit.yearly_credit(Cents(-5), 0), Cents::ZERO);
    }

    #[test]
    fn funding_rules_round_trip_through_json() {
        let rules = FundingRules::french_defaults_2024();
        let json = serde_json::to_string(&rules).unwrap();
        assert_eq!(serde_json::from_str::<FundingRules>(&json).unwrap(), rules);
    }
}
