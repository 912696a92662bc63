//! AGGIR: the national grid that rates an older person's loss of autonomy and gives the GIR
//! (groupe iso-ressources, 1 to 6) that decides APA eligibility (CASF art. R.232-3, annexes 2-1
//! and 2-2; guide de remplissage 2008).
//!
//! It lives in core because the GIR must be exactly the one the département computes: a
//! questionnaire, an export and a what-if view all call this one implementation, which is pure
//! arithmetic on a const table, tested on every rule, every threshold and every profile.
//!
//! The path: each activity ([`Activity`]) gives a [`Code`]; sub-variables combine into the ten
//! discriminant variables ([`combine`], [`Grid::profile`]); the [`Profile`] of ten codes goes
//! through groups A to H ([`GROUPS`]) to a [`Rank`] and a [`Gir`], and
//! [`Profile::explain`] says why.

mod activity;
mod code;
pub mod combine;
mod explain;
mod gir;
mod grid;
mod illustrative;
mod profile;
mod rank;
mod sub_variable;
mod table;
mod variable;

#[cfg(test)]
mod reference;

pub use activity::{Activity, Adverbs};
pub use code::Code;
pub use explain::{Contribution, Crossing, Explanation, GroupTried};
pub use grid::{Grid, Illustrative};
pub use illustrative::IllustrativeVariable;
pub use profile::{AllProfiles, Profile, ProfileError, PROFILE_COUNT, PROFILE_LEN};
pub use rank::{Gir, RangeError, Rank};
pub use sub_variable::SubVariable;
pub use table::{Group, GroupId, Threshold, Weights, FALLBACK_RANK, GROUPS};
pub use variable::Variable;
