//! The annexe 2-2 table (CASF art. R.232-3, algorithme de la grille AGGIR) as data.
//!
//! Transcribed from the annexe as published (décret 2001-1084, annexe II; CASF annexe 2-2),
//! one row per variable in `Variable::ALL` order with its C and B weights. Keeping it as a
//! const array, rather than a chain of ifs, lets the tests and the explanation read the very
//! numbers the algorithm uses.

use serde::{Deserialize, Serialize};

use super::code::Code;
use super::rank::Rank;

/// The eight groups of the algorithm, tried from A to H.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GroupId {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
}

/// What one variable adds to a group's score for each code; A always adds 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub c: i32,
    pub b: i32,
}

impl Weights {
    pub fn of(self, code: Code) -> i32 {
        match code {
            Code::A => 0,
            Code::B => self.b,
            Code::C => self.c,
        }
    }
}

/// A lower bound, inclusive: a score at or above `min` gives `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub min: i32,
    pub rank: Rank,
}

/// One group: a weight per variable and its thresholds, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub id: GroupId,
    pub weights: [Weights; 10],
    pub thresholds: &'static [Threshold],
}

/// The rank of everything group H leaves (score under 2 000): the independent person.
pub const FALLBACK_RANK: Rank = rank(13);

/// Passage des rangs aux groupes: the GIR of rank 1 to 13.
pub(crate) const RANK_TO_GIR: [u8; 13] = [1, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 5, 6];

const fn rank(number: u8) -> Rank {
    match Rank::new(number) {
        Some(rank) => rank,
        None => panic!("rank out of range in the AGGIR table"),
    }
}

const fn w(c: i32, b: i32) -> Weights {
    Weights { c, b }
}

const fn at_least(min: i32, number: u8) -> Threshold {
    Threshold { min, rank: rank(number) }
}

/// Déplacements à l'extérieur and alerter: listed in every group of the annexe, always 0.
const NONE: Weights = w(0, 0);

/// Rows: cohérence, orientation, toilette, habillage, alimentation, élimination, transferts,
/// déplacements intérieur, déplacements extérieur, alerter; each as (C weight, B weight).
/// Laid out by hand so that each group reads like its table in the annexe.
#[rustfmt::skip]
pub const GROUPS: [Group; 8] = [
    Group {
        id: GroupId::A,
        weights: [
            w(2000, 0), w(1200, 0), w(40, 16), w(40, 16), w(60, 20),
            w(100, 16), w(800, 120), w(200, 32), NONE, NONE,
        ],
        thresholds: &[at_least(4380, 1), at_least(4140, 2), at_least(3390, 3)],
    },
    Group {
        id: GroupId::B,
        weights: [
            w(1500, 320), w(1200, 120), w(40, 16), w(40, 16), w(60, 0),
            w(100, 16), w(800, 120), w(-80, -40), NONE, NONE,
        ],
        thresholds: &[at_least(2016, 4)],
    },
    Group {
        id: GroupId::C,
        weights: [
            w(0, 0), w(0, 0), w(40, 16), w(40, 16), w(60, 20),
            w(160, 20), w(1000, 200), w(400, 40), NONE, NONE,
        ],
        thresholds: &[at_least(1700, 5), at_least(1432, 6)],
    },
    Group {
        id: GroupId::D,
        weights: [
            w(0, 0), w(0, 0), w(0, 0), w(0, 0), w(2000, 200),
            w(400, 200), w(2000, 200), w(200, 0), NONE, NONE,
        ],
        thresholds: &[at_least(2400, 7)],
    },
    Group {
        id: GroupId::E,
        weights: [
            w(400, 0), w(400, 0), w(400, 100), w(400, 100), w(400, 100),
            w(800, 100), w(800, 100), w(200, 0), NONE, NONE,
        ],
        thresholds: &[at_least(1200, 8)],
    },
    Group {
        id: GroupId::F,
        weights: [
            w(200, 100), w(200, 100), w(500, 100), w(500, 100), w(500, 100),
            w(500, 100), w(500, 100), w(200, 0), NONE, NONE,
        ],
        thresholds: &[at_least(800, 9)],
    },
    Group {
        id: GroupId::G,
        weights: [
            w(150, 0), w(150, 0), w(300, 200), w(300, 200), w(500, 200),
            w(500, 200), w(400, 200), w(200, 100), NONE, NONE,
        ],
        thresholds: &[at_least(650, 10)],
    },
    Group {
        id: GroupId::H,
        weights: [
            w(0, 0), w(0, 0), w(3000, 2000), w(3000, 2000), w(3000, 2000),
            w(3000, 2000), w(1000, 2000), w(1000, 1000), NONE, NONE,
        ],
        thresholds: &[at_least(4000, 11), at_least(2000, 12)],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggir::variable::Variable;

    #[test]
    fn groups_are_in_order_a_to_h() {
        let ids: Vec<GroupId> = GROUPS.iter().map(|g| g.id).collect();
        use GroupId::*;
        assert_eq!(ids, [A, B, C, D, E, F, G, H]);
    }

    #[test]
    fn thresholds_are_tried_highest_first() {
        for group in &GROUPS {
            assert!(group.thresholds.windows(2).all(|t| t[0].min > t[1].min), "{:?}", group.id);
        }
    }

    #[test]
    fn ranks_1_to_12_each_come_from_one_threshold_and_13_is_the_fallback() {
        let ranks: Vec<u8> = GROUPS
            .iter()
            .flat_map(|g| g.thresholds.iter().map(|t| t.rank.number()))
            .chain([FALLBACK_RANK.number()])
            .collect();
        assert_eq!(ranks, (1..=13).collect::<Vec<u8>>());
    }

    #[test]
    fn outside_and_alerter_weigh_nothing_in_any_group() {
        for group in &GROUPS {
            for variable in [Variable::DeplacementsExterieur, Variable::Alerter] {
                assert_eq!(group.weights[variable.index()], NONE, "{:?}", group.id);
            }
        }
    }

    #[test]
    fn a_weighs_nothing_and_b_c_read_their_column() {
        let weights = w(1000, 2000);
        assert_eq!(weights.of(Code::A), 0);
        assert_eq!(weights.of(Code::B), 2000);
        assert_eq!(weights.of(Code::C), 1000);
    }

    /// Spot checks of the cells public implementations most often get wrong.
    #[test]
    fn known_pitfall_cells() {
        let weight = |group: usize, variable: Variable| GROUPS[group].weights[variable.index()];
        // Group B: alimentation B weighs 0 and déplacements intérieur is negative.
        assert_eq!(weight(1, Variable::Alimentation), w(60, 0));
        assert_eq!(weight(1, Variable::DeplacementsInterieur), w(-80, -40));
        // Group D: alimentation B weighs 200, not 0.
        assert_eq!(weight(3, Variable::Alimentation), w(2000, 200));
        // Group H: transferts B (2 000) weighs more than C (1 000).
        assert_eq!(weight(7, Variable::Transferts), w(1000, 2000));
    }
}
