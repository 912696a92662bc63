//! Ranks (1 to 13) and GIR (1 to 6), the two numbers the algorithm produces.
//!
//! Both are small integers with a fixed range; wrapping them keeps a rank from being passed
//! where a GIR is expected, and keeps out-of-range values out of stored evaluations.

use serde::{Deserialize, Serialize};

use super::table::RANK_TO_GIR;

/// A rank of the annexe 2-2 algorithm, 1 (most dependent) to 13 (independent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rank(u8);

/// A groupe iso-ressources, 1 (most dependent) to 6 (independent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Gir(u8);

/// A number outside the range of a rank or a GIR.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    #[error("le rang {0} n'existe pas (1 à 13) / rank {0} does not exist (1 to 13)")]
    Rank(u8),
    #[error("le GIR {0} n'existe pas (1 à 6) / GIR {0} does not exist (1 to 6)")]
    Gir(u8),
}

impl Rank {
    pub const MAX: u8 = 13;

    pub const fn new(number: u8) -> Option<Rank> {
        if number >= 1 && number <= Rank::MAX {
            Some(Rank(number))
        } else {
            None
        }
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// Passage des rangs aux groupes (annexe 2-2, part 2).
    pub fn gir(self) -> Gir {
        Gir(RANK_TO_GIR[usize::from(self.0) - 1])
    }
}

impl Gir {
    pub const ALL: [Gir; 6] = [Gir(1), Gir(2), Gir(3), Gir(4), Gir(5), Gir(6)];

    /// Last GIR that opens the APA (allocation personnalisée d'autonomie).
    pub const APA_LAST: Gir = Gir(4);

    pub fn new(number: u8) -> Option<Gir> {
        Gir::ALL.into_iter().find(|gir| gir.0 == number)
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// GIR 1 to 4 open the APA; GIR 5 and 6 turn to the caisses de retraite instead.
    pub fn apa_eligible(self) -> bool {
        self <= Gir::APA_LAST
    }
}

impl TryFrom<u8> for Rank {
    type Error = RangeError;

    fn try_from(number: u8) -> Result<Rank, RangeError> {
        Rank::new(number).ok_or(RangeError::Rank(number))
    }
}

impl From<Rank> for u8 {
    fn from(rank: Rank) -> u8 {
        rank.0
    }
}

impl TryFrom<u8> for Gir {
    type Error = RangeError;

    fn try_from(number: u8) -> Result<Gir, RangeError> {
        Gir::new(number).ok_or(RangeError::Gir(number))
    }
}

impl From<Gir> for u8 {
    fn from(gir: Gir) -> u8 {
        gir.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_to_gir_follows_the_annexe() {
        // 1→1; 2 to 7→2; 8, 9→3; 10, 11→4; 12→5; 13→6.
        let expected = [(1, 1), (2, 2), (3, 2), (4, 2), (5, 2), (6, 2), (7, 2), (8, 3), (9, 3)];
        let expected = expected.into_iter().chain([(10, 4), (11, 4), (12, 5), (13, 6)]);
        let mut checked = 0;
        for (rank, gir) in expected {
            assert_eq!(Rank::new(rank).map(|r| r.gir().number()), Some(gir), "rank {rank}");
            checked += 1;
        }
        assert_eq!(checked, 13);
    }

    #[test]
    fn ranges_are_enforced() {
        assert_eq!(Rank::new(0), None);
        assert_eq!(Rank::new(14), None);
        assert_eq!(Gir::new(0), None);
        assert_eq!(Gir::new(7), None);
        assert!(serde_json::from_str::<Rank>("14").is_err());
        assert!(serde_json::from_str::<Gir>("0").is_err());
        assert_eq!(serde_json::from_str::<Gir>("4").unwrap().number(), 4);
        assert_eq!(serde_json::to_string(&Rank::new(13)).unwrap(), "13");
    }

    #[test]
    fn apa_opens_up_to_gir_4() {
        let eligible: Vec<u8> =
            Gir::ALL.into_iter().filter(|g| g.apa_eligible()).map(Gir::number).collect();
        assert_eq!(eligible, [1, 2, 3, 4]);
    }
}
