//! A second, deliberately naive implementation of annexe 2-2, compared with the main one on
//! all 59,049 profiles.
//!
//! It is typed again straight from the annexe in the annexe's own layout (a C column and a B
//! column per group, thresholds as written), shares no table or code with `table.rs` and
//! `gir.rs`, and so catches a transcription slip or a logic error in either.

use super::profile::Profile;

/// One group as printed: C values, B values (cohérence … déplacement intérieur; déplacement
/// extérieur and communication are 0 in every group and left out), then (minimum, rank) pairs.
struct Printed {
    c: [i32; 8],
    b: [i32; 8],
    ranks: &'static [(i32, u8)],
}

const ANNEXE: [Printed; 8] = [
    Printed {
        c: [2000, 1200, 40, 40, 60, 100, 800, 200],
        b: [0, 0, 16, 16, 20, 16, 120, 32],
        ranks: &[(4380, 1), (4140, 2), (3390, 3)],
    },
    Printed {
        c: [1500, 1200, 40, 40, 60, 100, 800, -80],
        b: [320, 120, 16, 16, 0, 16, 120, -40],
        ranks: &[(2016, 4)],
    },
    Printed {
        c: [0, 0, 40, 40, 60, 160, 1000, 400],
        b: [0, 0, 16, 16, 20, 20, 200, 40],
        ranks: &[(1700, 5), (1432, 6)],
    },
    Printed {
        c: [0, 0, 0, 0, 2000, 400, 2000, 200],
        b: [0, 0, 0, 0, 200, 200, 200, 0],
        ranks: &[(2400, 7)],
    },
    Printed {
        c: [400, 400, 400, 400, 400, 800, 800, 200],
        b: [0, 0, 100, 100, 100, 100, 100, 0],
        ranks: &[(1200, 8)],
    },
    Printed {
        c: [200, 200, 500, 500, 500, 500, 500, 200],
        b: [100, 100, 100, 100, 100, 100, 100, 0],
        ranks: &[(800, 9)],
    },
    Printed {
        c: [150, 150, 300, 300, 500, 500, 400, 200],
        b: [0, 0, 200, 200, 200, 200, 200, 100],
        ranks: &[(650, 10)],
    },
    Printed {
        c: [0, 0, 3000, 3000, 3000, 3000, 1000, 1000],
        b: [0, 0, 2000, 2000, 2000, 2000, 2000, 1000],
        ranks: &[(4000, 11), (2000, 12)],
    },
];

/// Straight from the text: sum the C values, add the B values, test from the top down.
fn reference_rank(letters: &str) -> u8 {
    let letters: Vec<char> = letters.chars().collect();
    for group in &ANNEXE {
        let mut total = 0;
        for i in 0..8 {
            if letters[i] == 'C' {
                total += group.c[i];
            }
            if letters[i] == 'B' {
                total += group.b[i];
            }
        }
        for &(minimum, rank) in group.ranks {
            if total >= minimum {
                return rank;
            }
        }
    }
    13
}

fn reference_gir(rank: u8) -> u8 {
    match rank {
        1 => 1,
        2..=7 => 2,
        8 | 9 => 3,
        10 | 11 => 4,
        12 => 5,
        _ => 6,
    }
}

#[test]
fn main_implementation_agrees_with_the_reference_on_every_profile() {
    let mut compared = 0;
    for profile in Profile::all() {
        let rank = reference_rank(&profile.to_string());
        assert_eq!(profile.rank().number(), rank, "{profile}");
        assert_eq!(profile.gir().number(), reference_gir(rank), "{profile}");
        compared += 1;
    }
    assert_eq!(compared, 59_049);
}
