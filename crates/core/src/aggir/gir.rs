//! The annexe 2-2 algorithm: groups A to H in turn, first threshold reached gives the rank.
//!
//! It is pure arithmetic on the table (at most 8 groups × 10 weights): cheap enough to run
//! again for each "what if" change an explanation lists, and for all 59,049 profiles at once.

use super::profile::Profile;
use super::rank::{Gir, Rank};
use super::table::{Group, FALLBACK_RANK, GROUPS};

/// How the algorithm reached its rank: the deciding group and what it scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decision {
    /// Index in `GROUPS`; groups before it were tried and scored under all their thresholds.
    pub group: usize,
    pub score: i32,
    /// The threshold reached; `None` when group H left the profile to the fallback rank.
    pub threshold: Option<i32>,
    pub rank: Rank,
}

/// The group's score: the sum of each variable's weight for its code.
pub(crate) fn score(group: &Group, profile: &Profile) -> i32 {
    group.weights.iter().zip(profile.codes()).map(|(weights, code)| weights.of(code)).sum()
}

pub(crate) fn decide(profile: &Profile) -> Decision {
    let mut last_score = 0;
    for (index, group) in GROUPS.iter().enumerate() {
        let score = score(group, profile);
        if let Some(threshold) = group.thresholds.iter().find(|t| score >= t.min) {
            return Decision {
                group: index,
                score,
                threshold: Some(threshold.min),
                rank: threshold.rank,
            };
        }
        last_score = score;
    }
    Decision { group: GROUPS.len() - 1, score: last_score, threshold: None, rank: FALLBACK_RANK }
}

impl Profile {
    pub fn rank(&self) -> Rank {
        decide(self).rank
    }

    /// The GIR alone, for bulk use; [`Profile::explain`] says why.
    pub fn gir(&self) -> Gir {
        self.rank().gir()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggir::code::Code;
    use crate::aggir::table::GroupId;
    use crate::aggir::variable::Variable;

    fn profile(text: &str) -> Profile {
        Profile::parse(text).unwrap()
    }

    /// (deciding group, its score, rank) for a profile.
    fn decided(text: &str) -> (GroupId, i32, u8) {
        let decision = decide(&profile(text));
        (GROUPS[decision.group].id, decision.score, decision.rank.number())
    }

    /// Both sides of every threshold. Profiles list cohérence, orientation, toilette,
    /// habillage, alimentation, élimination, transferts, déplacements intérieur, then
    /// déplacements extérieur and alerter (varied to show they never matter). "Below" is the
    /// highest score the group can reach under the threshold among profiles that get that far
    /// (found by enumerating them), so a `>` instead of `>=` or a shifted cell fails here.
    #[test]
    fn both_sides_of_every_threshold() {
        use GroupId::*;
        let cases: [(&str, GroupId, i32, u8); 24] = [
            // A ≥ 4380 → 1: CCCC A CCC = 2000+1200+40+40+0+100+800+200.
            ("CCCCACCCAA", A, 4380, 1),
            // Below: 2000+1200+0+16+60+100+800+200 = 4376 → rank 2.
            ("CCABCCCCCC", A, 4376, 2),
            // A ≥ 4140 → 2: 2000+1200+0+40+0+100+800+0.
            ("CCACACCAAB", A, 4140, 2),
            // Below: 2000+1200+0+16+20+100+800+0 = 4136 → rank 3.
            ("CCABBCCABA", A, 4136, 3),
            // A ≥ 3390 → 3: unreachable, every group A weight is a multiple of 4 and 3390 is
            // not. Nearest above: 2000+1200+60+100+32 = 3392 → rank 3.
            ("CCAACCABCC", A, 3392, 3),
            // Nearest below, 2000+1200+20+16+120+32 = 3388, falls to group B:
            // 1500+1200+0+16+120−40 = 2796 ≥ 2016 → rank 4.
            ("CCAABBBBAA", B, 2796, 4),
            // B ≥ 2016 → 4: orientation C 1200 + élimination B 16 + transferts C 800.
            ("ACAAABCAAA", B, 2016, 4),
            // Below: 1200+16+60+16+800−80 = 2012; group C: 16+60+20+1000+400 = 1496 → rank 6.
            ("ACABCBCCAA", C, 1496, 6),
            // C ≥ 1700 → 5: 40+40+60+160+1000+400.
            ("AACCCCCCAA", C, 1700, 5),
            // Below: toilette B = 1700 − 40 + 16 = 1676 → rank 6.
            ("AABCCCCCAA", C, 1676, 6),
            // C ≥ 1432 → 6: 16+16+1000+400.
            ("AABBAACCAA", C, 1432, 6),
            // Below: élimination B 20 + 1000 + 400 = 1420; group D: 200+2000+200 = 2400 → 7.
            ("AAAAABCCCA", D, 2400, 7),
            // D ≥ 2400 → 7 exactly, through alimentation B (200, a cell often set to 0):
            // 200+2000+200.
            ("AAAABACCAA", D, 2400, 7),
            // Below: 2000+200 = 2200 → E 1000, F 700, G 600 → H: 1000+1000 = 2000 → rank 12.
            ("AAAAAACCAA", H, 2000, 12),
            // E ≥ 1200 → 8: 100+800+100+200.
            ("AAAABCBCAA", E, 1200, 8),
            // Below: 800+100+200 = 1100; group F: 500+100+200 = 800 → rank 9.
            ("AAAAACBCAA", F, 800, 9),
            // F ≥ 800 → 9, another way: 100+100+100+500 (transferts B, déplacements A).
            ("AAABBCBAAA", F, 800, 9),
            // Below: 500+200 = 700; group G: 500+200 = 700 ≥ 650 → rank 10.
            ("AAAAACACAA", G, 700, 10),
            // G ≥ 650 → 10: orientation C 150 + 200+200+100.
            ("ACAAABBBAA", G, 650, 10),
            // Below: 200+200+200 = 600; group H: 2000+2000+1000 = 5000 → rank 11.
            ("AAAAABBCAA", H, 5000, 11),
            // H ≥ 4000 → 11: élimination B 2000 + transferts B 2000.
            ("AAAAABBACC", H, 4000, 11),
            // Below: 2000+1000 = 3000 → rank 12.
            ("AAAAAABBAA", H, 3000, 12),
            // H ≥ 2000 → 12: transferts B.
            ("AAAAAABAAA", H, 2000, 12),
            // Below: déplacements intérieur B 1000 → rank 13.
            ("AAAAAAABAA", H, 1000, 13),
        ];
        for (text, group, score, rank) in cases {
            assert_eq!(decided(text), (group, score, rank), "{text}");
        }
    }

    #[test]
    fn threshold_is_reported_only_when_reached() {
        let exact = decide(&profile("AAAAAABAAA"));
        assert_eq!(exact.threshold, Some(2000));
        let fallback = decide(&profile("AAAAAAABAA"));
        assert_eq!(fallback.threshold, None);
        assert_eq!(fallback.rank, FALLBACK_RANK);
    }

    #[test]
    fn extremes() {
        assert_eq!(decided("AAAAAAAAAA"), (GroupId::H, 0, 13));
        assert_eq!(profile("AAAAAAAAAA").gir().number(), 6);
        assert_eq!(decided("CCCCCCCCCC"), (GroupId::A, 4440, 1));
        assert_eq!(profile("CCCCCCCCCC").gir().number(), 1);
    }

    #[test]
    fn outside_and_alerter_never_change_the_gir() {
        for base in Profile::all().step_by(9) {
            let rank = base.rank();
            for code in Code::ALL {
                for variable in [Variable::DeplacementsExterieur, Variable::Alerter] {
                    assert_eq!(base.with(variable, code).rank(), rank, "{base}");
                }
            }
        }
    }

    #[test]
    fn every_gir_is_reached_and_rank_matches_gir() {
        let mut seen = [0usize; 13];
        for profile in Profile::all() {
            let rank = profile.rank();
            seen[usize::from(rank.number()) - 1] += 1;
            assert_eq!(profile.gir(), rank.gir());
        }
        assert!(seen.iter().all(|&count| count > 0), "{seen:?}");
    }

    /// Cases from published material. None of the pages found states a worked profile with
    /// its GIR, so the expected values are computed by hand from the annexe and the steps are
    /// written out.
    #[test]
    fn published_cases() {
        // The example profile of "Grille Aggir", LWH-21 (2021-11-06),
        // https://lwh-21.github.io/Pampa/social/2021/11/06/Grille_Aggir: A B C A B C A A A B.
        // A: 40+20+100 = 160; B: 120+40+0+100 = 260; C: 40+20+160 = 220; D: 200+400 = 600;
        // E: 400+100+800 = 1300 ≥ 1200 → rank 8 → GIR 3.
        assert_eq!(decided("ABCABCAAAB"), (GroupId::E, 1300, 8));
        assert_eq!(profile("ABCABCAAAB").gir().number(), 3);

        // https://github.com/LWH-21/Aggir calcul_gir.js tests group H with `groupe > 4000` and
        // gives rank 12 (GIR 5, no APA) at exactly 4000; the annexe says "supérieure ou égale".
        assert_eq!(profile("AAAAABBAAA").gir().number(), 4);

        // The same file weighs alimentation B at 0 in group D; the annexe says 200, which
        // brings this profile to exactly 2400 → rank 7 → GIR 2 (with 0: 2200, then E 1100,
        // F 800 → rank 9, GIR 3).
        assert_eq!(decided("AAAABACCAA"), (GroupId::D, 2400, 7));
    }
}
