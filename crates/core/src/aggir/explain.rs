//! Why a profile gets its GIR, in a shape meant for people and for `--explain` JSON.
//!
//! An evaluator must be able to check a GIR by hand and a family must understand it: the
//! explanation carries the deciding group, its score and threshold, the variables that made the
//! score, the groups that did not match, and the single changes that would move the person
//! across the GIR 4/5 line, where the APA starts or stops.

use serde::Serialize;

use super::code::Code;
use super::gir::{decide, score, Decision};
use super::profile::Profile;
use super::rank::{Gir, Rank};
use super::table::{GroupId, GROUPS};
use super::variable::Variable;

/// The result of the algorithm with its reasons; field names are a stable JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub profile: Profile,
    pub gir: Gir,
    pub rank: Rank,
    pub apa_eligible: bool,
    /// The group whose score reached a threshold (H also for the fallback rank 13).
    pub group: GroupId,
    pub score: i32,
    /// The threshold reached; `None` for rank 13, which group H gives to every lower score.
    pub threshold: Option<i32>,
    /// The variables with a non-zero weight in `group`, in profile order.
    pub contributions: Vec<Contribution>,
    /// The groups tried before `group`, each under all its thresholds.
    pub groups_tried: Vec<GroupTried>,
    /// Every change of one variable to another code that would cross the GIR 4/5 line.
    pub apa_crossings: Vec<Crossing>,
}

/// What one variable added to the deciding group's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Contribution {
    pub variable: Variable,
    pub code: Code,
    pub weight: i32,
}

/// A group that did not match: its score stayed under `lowest_threshold`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GroupTried {
    pub group: GroupId,
    pub score: i32,
    pub lowest_threshold: i32,
}

/// Recoding `variable` from `from` to `to` would give `gir`, on the other side of the APA line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Crossing {
    pub variable: Variable,
    pub from: Code,
    pub to: Code,
    pub gir: Gir,
}

impl Profile {
    pub fn explain(&self) -> Explanation {
        let decision = decide(self);
        let gir = decision.rank.gir();
        Explanation {
            profile: *self,
            gir,
            rank: decision.rank,
            apa_eligible: gir.apa_eligible(),
            group: GROUPS[decision.group].id,
            score: decision.score,
            threshold: decision.threshold,
            contributions: contributions(self, &decision),
            groups_tried: groups_tried(self, &decision),
            apa_crossings: apa_crossings(self, gir),
        }
    }
}

fn contributions(profile: &Profile, decision: &Decision) -> Vec<Contribution> {
    let weights = &GROUPS[decision.group].weights;
    Variable::ALL
        .into_iter()
        .map(|variable| {
            let code = profile.code(variable);
            Contribution { variable, code, weight: weights[variable.index()].of(code) }
        })
        .filter(|contribution| contribution.weight != 0)
        .collect()
}

fn groups_tried(profile: &Profile, decision: &Decision) -> Vec<GroupTried> {
    GROUPS[..decision.group]
        .iter()
        .map(|group| GroupTried {
            group: group.id,
            score: score(group, profile),
            lowest_threshold: group.thresholds.iter().map(|t| t.min).min().unwrap_or(i32::MAX),
        })
        .collect()
}

fn apa_crossings(profile: &Profile, gir: Gir) -> Vec<Crossing> {
    let eligible = gir.apa_eligible();
    Variable::ALL
        .into_iter()
        .flat_map(|variable| Code::ALL.into_iter().map(move |to| (variable, to)))
        .filter(|&(variable, to)| profile.code(variable) != to)
        .map(|(variable, to)| Crossing {
            variable,
            from: profile.code(variable),
            to,
            gir: profile.with(variable, to).gir(),
        })
        .filter(|crossing| crossing.gir.apa_eligible() != eligible)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Code::{A, B, C};
    use Variable::*;

    fn explain(text: &str) -> Explanation {
        Profile::parse(text).unwrap().explain()
    }

    fn crossings(text: &str) -> Vec<(Variable, Code, Code, u8)> {
        let explanation = explain(text);
        explanation
            .apa_crossings
            .iter()
            .map(|c| (c.variable, c.from, c.to, c.gir.number()))
            .collect()
    }

    #[test]
    fn explains_the_deciding_group() {
        // Orientation C, élimination B, transferts C: A scores 2016 < 3390, B scores 2016.
        let explanation = explain("ACAAABCAAA");
        assert_eq!((explanation.gir.number(), explanation.rank.number()), (2, 4));
        assert!(explanation.apa_eligible);
        assert_eq!((explanation.group, explanation.score), (GroupId::B, 2016));
        assert_eq!(explanation.threshold, Some(2016));
        let contributions: Vec<(Variable, Code, i32)> =
            explanation.contributions.iter().map(|c| (c.variable, c.code, c.weight)).collect();
        assert_eq!(
            contributions,
            [(Orientation, C, 1200), (Elimination, B, 16), (Transferts, C, 800)]
        );
        assert_eq!(
            explanation.groups_tried,
            [GroupTried { group: GroupId::A, score: 2016, lowest_threshold: 3390 }]
        );
    }

    #[test]
    fn rank_13_has_no_threshold_and_lists_all_groups_tried() {
        let explanation = explain("AAAAAAABAA");
        assert_eq!(
            (explanation.group, explanation.score, explanation.threshold),
            (GroupId::H, 1000, None)
        );
        assert_eq!(explanation.gir.number(), 6);
        assert!(!explanation.apa_eligible);
        let tried: Vec<(GroupId, i32, i32)> = explanation
            .groups_tried
            .iter()
            .map(|g| (g.group, g.score, g.lowest_threshold))
            .collect();
        use GroupId as G;
        assert_eq!(
            tried,
            [
                (G::A, 32, 3390),
                (G::B, -40, 2016),
                (G::C, 40, 1432),
                (G::D, 0, 2400),
                (G::E, 0, 1200),
                (G::F, 0, 800),
                (G::G, 100, 650)
            ]
        );
        assert_eq!(explanation.contributions.len(), 1);
    }

    #[test]
    fn no_single_change_crosses_the_line_from_all_a_or_all_c() {
        // From all A, the worst single change (toilette, habillage, alimentation, élimination
        // or transferts B) reaches group H's 2000 or 3000: rank 12, GIR 5, still no APA.
        assert_eq!(crossings("AAAAAAAAAA"), []);
        assert_eq!(crossings("CCCCCCCCCC"), []);
    }

    #[test]
    fn gir_5_crossings_into_apa() {
        // Transferts B alone: group H 2000 → rank 12, GIR 5. Any toilette, habillage,
        // alimentation or élimination B or C adds at least 2000 in H, or reaches G's 650 first:
        // GIR 4. Cohérence, orientation and déplacements changes stay in GIR 5 or 6.
        let expected = [
            (Toilette, A, B, 4),
            (Toilette, A, C, 4),
            (Habillage, A, B, 4),
            (Habillage, A, C, 4),
            (Alimentation, A, B, 4),
            (Alimentation, A, C, 4),
            (Elimination, A, B, 4),
            (Elimination, A, C, 4),
        ];
        assert_eq!(crossings("AAAAAABAAA"), expected);
    }

    #[test]
    fn gir_4_crossings_out_of_apa() {
        // Élimination B + transferts B: group H exactly 4000 → rank 11, GIR 4. Dropping either
        // leaves 2000 (GIR 5); transferts C gives D 2200, E 900, F 600, G 600, H 3000 (GIR 5).
        let expected = [(Elimination, B, A, 5), (Transferts, B, A, 5), (Transferts, B, C, 5)];
        assert_eq!(crossings("AAAAABBAAA"), expected);
    }

    #[test]
    fn crossings_agree_with_recomputing_every_neighbour() {
        for profile in Profile::all().step_by(97) {
            let explanation = profile.explain();
            for variable in Variable::ALL {
                for to in Code::ALL {
                    let gir = profile.with(variable, to).gir();
                    let listed = explanation
                        .apa_crossings
                        .iter()
                        .any(|c| c.variable == variable && c.to == to && c.gir == gir);
                    assert_eq!(listed, gir.apa_eligible() != explanation.apa_eligible, "{profile}");
                }
            }
        }
    }

    #[test]
    fn json_field_names_are_stable() {
        let json = serde_json::to_value(explain("AAAAABBAAA")).unwrap();
        let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut expected = [
            "profile",
            "gir",
            "rank",
            "apa_eligible",
            "group",
            "score",
            "threshold",
            "contributions",
            "groups_tried",
            "apa_crossings",
        ];
        expected.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(json["profile"], "AAAAABBAAA");
        assert_eq!(json["gir"], 4);
        assert_eq!(json["group"], "H");
        assert_eq!(
            json["contributions"][0],
            serde_json::json!({"variable": "elimination", "code": "B", "weight": 2000})
        );
        assert_eq!(
            json["groups_tried"][0],
            serde_json::json!({"group": "A", "score": 136, "lowest_threshold": 3390})
        );
        assert_eq!(
            json["apa_crossings"][2],
            serde_json::json!({"variable": "transferts", "from": "B", "to": "C", "gir": 5})
        );
    }
}
