//! The three AGGIR codes (modalités): A, B and C.
//!
//! Every activity, sub-variable and variable of the grid ends up as one of these letters, and the
//! GIR algorithm only ever reads letters, so this small type is what the rest of the module shares.

use serde::{Deserialize, Serialize};

/// How much of an activity the person does alone (CASF annexe 2-1, guide de remplissage 2008).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Code {
    /// Fait seul, spontanément, totalement, correctement et habituellement.
    A,
    /// Fait partiellement: one to three of the four adverbs answered "no".
    B,
    /// Ne fait pas, or all four adverbs answered "no".
    C,
}

impl Code {
    pub const ALL: [Code; 3] = [Code::A, Code::B, Code::C];

    pub fn letter(self) -> char {
        match self {
            Code::A => 'A',
            Code::B => 'B',
            Code::C => 'C',
        }
    }

    /// Reads one letter, in either case, because evaluators type profiles by hand.
    pub fn from_letter(letter: char) -> Option<Code> {
        match letter.to_ascii_uppercase() {
            'A' => Some(Code::A),
            'B' => Some(Code::B),
            'C' => Some(Code::C),
            _ => None,
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Code::A => "Fait seul",
            Code::B => "Fait partiellement",
            Code::C => "Ne fait pas",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Code::A => "Does it alone",
            Code::B => "Does it partly",
            Code::C => "Does not do it",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip_in_both_cases() {
        for code in Code::ALL {
            assert_eq!(Code::from_letter(code.letter()), Some(code));
            assert_eq!(Code::from_letter(code.letter().to_ascii_lowercase()), Some(code));
        }
        assert_eq!(Code::from_letter('D'), None);
        assert_eq!(Code::from_letter('é'), None);
    }

    #[test]
    fn serde_uses_the_bare_letter() {
        for code in Code::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.letter()));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        }
        assert!(serde_json::from_str::<Code>("\"D\"").is_err());
    }
}
