//! A profile: the ten discriminant codes, written as ten letters such as `ABCCBBAACC`.
//!
//! This compact form is what evaluators quote, what `--profile` takes and what the algorithm
//! reads; parsing it strictly (ten letters, nothing else) keeps a typo from silently becoming a
//! different GIR.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::code::Code;
use super::variable::Variable;

/// Number of discriminant variables, hence of letters in a profile.
pub const PROFILE_LEN: usize = 10;

/// Number of distinct profiles: 3^10.
pub const PROFILE_COUNT: usize = 59_049;

/// The codes of the ten discriminant variables, in `Variable::ALL` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Profile([Code; PROFILE_LEN]);

/// Why a profile string was refused, in French first then English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "le profil doit compter 10 lettres, il en compte {0} / the profile must have 10 letters, it has {0}"
    )]
    WrongLength(usize),
    #[error("lettre {position} : « {found} » n'est pas A, B ou C / letter {position}: '{found}' is not A, B or C")]
    NotACode { position: usize, found: char },
}

impl Profile {
    pub const fn new(codes: [Code; PROFILE_LEN]) -> Profile {
        Profile(codes)
    }

    /// Reads exactly ten letters A, B or C, in either case.
    pub fn parse(text: &str) -> Result<Profile, ProfileError> {
        let length = text.chars().count();
        if length != PROFILE_LEN {
            return Err(ProfileError::WrongLength(length));
        }
        let mut codes = [Code::A; PROFILE_LEN];
        for (i, letter) in text.chars().enumerate() {
            codes[i] = Code::from_letter(letter)
                .ok_or(ProfileError::NotACode { position: i + 1, found: letter })?;
        }
        Ok(Profile(codes))
    }

    pub fn codes(&self) -> [Code; PROFILE_LEN] {
        self.0
    }

    pub fn code(&self, variable: Variable) -> Code {
        self.0[variable.index()]
    }

    /// The same profile with one variable recoded, to ask "what if".
    pub fn with(mut self, variable: Variable, code: Code) -> Profile {
        self.0[variable.index()] = code;
        self
    }

    /// Every possible profile, from `AAAAAAAAAA` to `CCCCCCCCCC` in alphabetical order.
    pub fn all() -> AllProfiles {
        AllProfiles { next: 0 }
    }

    fn from_number(mut number: usize) -> Profile {
        let mut codes = [Code::A; PROFILE_LEN];
        for slot in codes.iter_mut().rev() {
            *slot = Code::ALL[number % 3];
            number /= 3;
        }
        Profile(codes)
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|code| write!(f, "{}", code.letter()))
    }
}

impl FromStr for Profile {
    type Err = ProfileError;

    fn from_str(text: &str) -> Result<Profile, ProfileError> {
        Profile::parse(text)
    }
}

impl TryFrom<String> for Profile {
    type Error = ProfileError;

    fn try_from(text: String) -> Result<Profile, ProfileError> {
        Profile::parse(&text)
    }
}

impl From<Profile> for String {
    fn from(profile: Profile) -> String {
        profile.to_string()
    }
}

/// Iterator over the 59,049 profiles, returned by [`Profile::all`].
#[derive(Debug, Clone)]
pub struct AllProfiles {
    next: usize,
}

impl Iterator for AllProfiles {
    type Item = Profile;

    fn next(&mut self) -> Option<Profile> {
        if self.next >= PROFILE_COUNT {
            return None;
        }
        let profile = Profile::from_number(self.next);
        self.next += 1;
        Some(profile)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = PROFILE_COUNT - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for AllProfiles {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn parses_and_displays_ten_letters() {
        let profile = Profile::parse("ABCCBBAACC").unwrap();
        assert_eq!(profile.code(Variable::Coherence), Code::A);
        assert_eq!(profile.code(Variable::Orientation), Code::B);
        assert_eq!(profile.code(Variable::Alerter), Code::C);
        assert_eq!(profile.to_string(), "ABCCBBAACC");
        assert_eq!("abccbbaacc".parse::<Profile>().unwrap(), profile);
    }

    #[test]
    fn wrong_lengths_are_refused_with_the_count() {
        for (text, length) in [("", 0), ("ABC", 3), ("ABCCBBAAC", 9), ("ABCCBBAACCA", 11)] {
            assert_eq!(Profile::parse(text), Err(ProfileError::WrongLength(length)));
        }
        // Characters are counted, not bytes: ten letters with an accent are still ten.
        assert_eq!(
            Profile::parse("ABéCBBAACC"),
            Err(ProfileError::NotACode { position: 3, found: 'é' })
        );
        assert_eq!(Profile::parse(" ABCCBBAACC"), Err(ProfileError::WrongLength(11)));
    }

    #[test]
    fn bad_letters_are_named_with_their_position() {
        let error = Profile::parse("ABXCBBAACC").unwrap_err();
        assert_eq!(error, ProfileError::NotACode { position: 3, found: 'X' });
        assert_eq!(
            error.to_string(),
            "lettre 3 : « X » n'est pas A, B ou C / letter 3: 'X' is not A, B or C"
        );
        assert_eq!(
            Profile::parse("ABCCBBAAC1"),
            Err(ProfileError::NotACode { position: 10, found: '1' })
        );
        assert_eq!(
            Profile::parse("ABC").unwrap_err().to_string(),
            "le profil doit compter 10 lettres, il en compte 3 / the profile must have 10 letters, it has 3"
        );
    }

    #[test]
    fn serde_uses_the_letter_string_and_validates() {
        let profile = Profile::parse("ABCCBBAACC").unwrap();
        assert_eq!(serde_json::to_string(&profile).unwrap(), "\"ABCCBBAACC\"");
        assert_eq!(serde_json::from_str::<Profile>("\"ABCCBBAACC\"").unwrap(), profile);
        assert!(serde_json::from_str::<Profile>("\"ABCCBBAACD\"").is_err());
    }

    #[test]
    fn with_changes_one_variable_only() {
        let profile = Profile::parse("AAAAAAAAAA").unwrap().with(Variable::Transferts, Code::C);
        assert_eq!(profile.to_string(), "AAAAAACAAA");
    }

    #[test]
    fn all_lists_every_profile_once_in_order() {
        let all: Vec<Profile> = Profile::all().collect();
        assert_eq!(Profile::all().len(), PROFILE_COUNT);
        assert_eq!(all.len(), PROFILE_COUNT);
        assert_eq!(all[0].to_string(), "AAAAAAAAAA");
        assert_eq!(all[1].to_string(), "AAAAAAAAAB");
        assert_eq!(all[3].to_string(), "AAAAAAAABA");
        assert_eq!(all[PROFILE_COUNT - 1].to_string(), "CCCCCCCCCC");
        let distinct: HashSet<Profile> = all.iter().copied().collect();
        assert_eq!(distinct.len(), PROFILE_COUNT);
        assert!(all.windows(2).all(|w| w[0].to_string() < w[1].to_string()));
    }
}
