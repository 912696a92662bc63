//! How sub-variable codes combine into a variable code (guide de remplissage 2008).
//!
//! The rules differ from one variable to the next (alimentation is the odd one: A with C gives
//! B, while B with C gives C), and copying one rule to all variables is a classic mistake; each
//! rule is therefore spelled out once here and tested on every combination.

use super::code::Code;

/// AA gives A, CC gives C, anything else B.
pub fn toilette(haut: Code, bas: Code) -> Code {
    all_a_all_c_else_b(&[haut, bas])
}

/// AAA gives A, CCC gives C, anything else B.
pub fn habillage(haut: Code, moyen: Code, bas: Code) -> Code {
    all_a_all_c_else_b(&[haut, moyen, bas])
}

/// AA gives A, any C gives C, anything else B.
pub fn elimination(urinaire: Code, fecale: Code) -> Code {
    any_c_gives_c(urinaire, fecale)
}

/// AA gives A; CC, BC and CB give C; anything else (AB, BA, BB, AC, CA) B.
pub fn alimentation(se_servir: Code, manger: Code) -> Code {
    match (se_servir, manger) {
        (Code::A, Code::A) => Code::A,
        (Code::C, Code::C) | (Code::B, Code::C) | (Code::C, Code::B) => Code::C,
        _ => Code::B,
    }
}

/// AA gives A, any C gives C, anything else B.
pub fn coherence(communication: Code, comportement: Code) -> Code {
    any_c_gives_c(communication, comportement)
}

/// AA gives A, any C gives C, anything else B.
pub fn orientation(temps: Code, espace: Code) -> Code {
    any_c_gives_c(temps, espace)
}

fn all_a_all_c_else_b(codes: &[Code]) -> Code {
    if codes.iter().all(|&c| c == Code::A) {
        Code::A
    } else if codes.iter().all(|&c| c == Code::C) {
        Code::C
    } else {
        Code::B
    }
}

fn any_c_gives_c(first: Code, second: Code) -> Code {
    match (first, second) {
        (Code::A, Code::A) => Code::A,
        (Code::C, _) | (_, Code::C) => Code::C,
        _ => Code::B,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Code::{A, B, C};

    /// Every pair in `Code::ALL` × `Code::ALL` order, with the expected result written out.
    fn check_pairs(rule: fn(Code, Code) -> Code, expected: [Code; 9], name: &str) {
        let mut i = 0;
        for first in Code::ALL {
            for second in Code::ALL {
                assert_eq!(rule(first, second), expected[i], "{name}({first:?}, {second:?})");
                i += 1;
            }
        }
    }

    #[test]
    fn toilette_aa_a_cc_c_else_b() {
        //                 AA AB AC BA BB BC CA CB CC
        check_pairs(toilette, [A, B, B, B, B, B, B, B, C], "toilette");
    }

    #[test]
    fn elimination_aa_a_any_c_c_else_b() {
        //                    AA AB AC BA BB BC CA CB CC
        check_pairs(elimination, [A, B, C, B, B, C, C, C, C], "elimination");
    }

    #[test]
    fn alimentation_ac_and_ca_give_b_but_bc_and_cb_give_c() {
        //                     AA AB AC BA BB BC CA CB CC
        check_pairs(alimentation, [A, B, B, B, B, C, B, C, C], "alimentation");
    }

    #[test]
    fn coherence_aa_a_any_c_c_else_b() {
        //                  AA AB AC BA BB BC CA CB CC
        check_pairs(coherence, [A, B, C, B, B, C, C, C, C], "coherence");
    }

    #[test]
    fn orientation_aa_a_any_c_c_else_b() {
        //                    AA AB AC BA BB BC CA CB CC
        check_pairs(orientation, [A, B, C, B, B, C, C, C, C], "orientation");
    }

    #[test]
    fn habillage_aaa_a_ccc_c_else_b_on_all_27_triples() {
        let mut seen = 0;
        for haut in Code::ALL {
            for moyen in Code::ALL {
                for bas in Code::ALL {
                    let expected = match (haut, moyen, bas) {
                        (A, A, A) => A,
                        (C, C, C) => C,
                        _ => B,
                    };
                    assert_eq!(habillage(haut, moyen, bas), expected, "{haut:?}{moyen:?}{bas:?}");
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 27);
        // A C in every position but not all three is still B, unlike élimination.
        assert_eq!(habillage(C, C, B), B);
        assert_eq!(habillage(A, C, C), B);
    }
}
