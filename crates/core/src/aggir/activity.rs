//! Coding one activity from the 2008 guide's questions.
//!
//! The guide asks first whether the person does the activity at all; only if she does are the
//! four adverbs asked. Modelling that as an enum makes "ne fait pas" with adverbs impossible.

use serde::{Deserialize, Serialize};

use super::code::Code;

/// The four adverbs of the guide, each answered yes (`true`) or no (`false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Adverbs {
    /// Without being told, reminded, shown or stimulated.
    pub spontanement: bool,
    /// The whole activity, every part of it.
    pub totalement: bool,
    /// Where and how it should be done: quality, customs and safety.
    pub correctement: bool,
    /// Each time it is needed, over time.
    pub habituellement: bool,
}

impl Adverbs {
    fn no_count(self) -> usize {
        [self.spontanement, self.totalement, self.correctement, self.habituellement]
            .into_iter()
            .filter(|yes| !yes)
            .count()
    }

    /// All yes gives A, all no gives C, one to three no gives B.
    pub fn code(self) -> Code {
        match self.no_count() {
            0 => Code::A,
            4 => Code::C,
            _ => Code::B,
        }
    }
}

/// What the evaluator observed for one activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Activity {
    /// The person never does it alone: someone does it for her, or must be there throughout.
    NeFaitPas,
    /// The person does it, with the answers to the four adverbs.
    Fait(Adverbs),
}

impl Activity {
    pub fn code(self) -> Code {
        match self {
            Activity::NeFaitPas => Code::C,
            Activity::Fait(adverbs) => adverbs.code(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adverbs(bits: u8) -> Adverbs {
        Adverbs {
            spontanement: bits & 1 != 0,
            totalement: bits & 2 != 0,
            correctement: bits & 4 != 0,
            habituellement: bits & 8 != 0,
        }
    }

    #[test]
    fn every_adverb_combination_gives_the_guide_code() {
        for bits in 0u8..16 {
            let no = 4 - bits.count_ones();
            let expected = match no {
                0 => Code::A,
                4 => Code::C,
                _ => Code::B,
            };
            assert_eq!(Activity::Fait(adverbs(bits)).code(), expected, "bits {bits:04b}");
        }
    }

    #[test]
    fn single_no_on_each_adverb_gives_b() {
        for bits in [0b1110, 0b1101, 0b1011, 0b0111] {
            assert_eq!(adverbs(bits).code(), Code::B);
        }
    }

    #[test]
    fn ne_fait_pas_is_c() {
        assert_eq!(Activity::NeFaitPas.code(), Code::C);
    }

    #[test]
    fn serde_shape_is_stable() {
        assert_eq!(serde_json::to_string(&Activity::NeFaitPas).unwrap(), "\"ne-fait-pas\"");
        let fait = Activity::Fait(adverbs(0b0111));
        let json = serde_json::to_string(&fait).unwrap();
        assert_eq!(
            json,
            r#"{"fait":{"spontanement":true,"totalement":true,"correctement":true,"habituellement":false}}"#
        );
        assert_eq!(serde_json::from_str::<Activity>(&json).unwrap(), fait);
    }
}
