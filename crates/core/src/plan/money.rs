//! Amounts of money in integer euro cents.
//!
//! Funding rules compare sums against caps to the cent; floating point would make "exactly at
//! the cap" depend on the order of additions.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

/// A signed amount in euro cents.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    /// `euros(1955, 60)` is 1 955,60 €.
    pub const fn euros(euros: i64, cents: i64) -> Self {
        Self(euros * 100 + cents)
    }

    /// `rate` in basis points (5 000 = 50 %), rounded to the nearest cent, halves away from zero.
    pub fn percent_bp(self, rate: u32) -> Cents {
        Cents(div_round(self.0 * i64::from(rate), 10_000))
    }

    /// The price of `minutes` at `self` per hour, rounded to the nearest cent.
    pub fn per_hour_for(self, minutes: i64) -> Cents {
        Cents(div_round(self.0 * minutes, 60))
    }

    pub fn max(self, other: Cents) -> Cents {
        Cents(self.0.max(other.0))
    }

    pub fn min(self, other: Cents) -> Cents {
        Cents(self.0.min(other.0))
    }
}

fn div_round(numerator: i64, denominator: i64) -> i64 {
    let half = denominator / 2;
    if numerator >= 0 {
        (numerator + half) / denominator
    } else {
        (numerator - half) / denominator
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0 + other.0)
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, other: Cents) -> Cents {
        Cents(self.0 - other.0)
    }
}

impl Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::ZERO, Add::add)
    }
}

/// French notation with no-break spaces: `1 955,60 €`.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (euros, cents) = (self.0.unsigned_abs() / 100, self.0.unsigned_abs() % 100);
        let digits = euros.to_string();
        let mut grouped = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('\u{a0}');
            }
            grouped.push(digit);
        }
        write!(f, "{sign}{grouped},{cents:02}\u{a0}€")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_display() {
        assert_eq!(Cents::euros(1955, 60).to_string(), "1\u{a0}955,60\u{a0}€");
        assert_eq!(Cents(5).to_string(), "0,05\u{a0}€");
        assert_eq!(
            Cents(-123_456_789).to_string(),
            "-1\u{a0}234\u{a0}567,89\u{a0}€"
        );
    }

    #[test]
    fn rounding_is_to_the_nearest_cent() {
        assert_eq!(Cents(2_450).per_hour_for(90), Cents(3_675));
        assert_eq!(Cents(2_399).per_hour_for(20), Cents(800));
        assert_eq!(Cents(101).percent_bp(5_000), Cents(51));
        assert_eq!(Cents(-101).percent_bp(5_000), Cents(-51));
        assert_eq!([Cents(1), Cents(2)].into_iter().sum::<Cents>(), Cents(3));
    }
}
