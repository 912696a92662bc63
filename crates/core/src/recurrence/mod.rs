//! Recurrences of a service line (domain.md §3): an RFC 5545 RRULE subset in local wall time.
//!
//! Supported: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (weekly days; monthly days with an
//! optional ordinal such as `1MO` or `-1FR`), BYMONTHDAY (±1..31), COUNT or UNTIL, WKST=MO,
//! plus a DTSTART, a visit length and EXDATEs held by [`Schedule`]. Anything else is refused
//! with a precise error. An occurrence is a day the rule selects on or after DTSTART, at the
//! time of DTSTART; a DTSTART that the rule does not select is not itself an occurrence.

mod describe;
mod error;
mod exceptions;
mod expand;
mod format;
mod monthly;
mod parse;
mod period;
mod rule;
mod schedule;
mod weekday;

#[cfg(test)]
mod expand_tests;
#[cfg(test)]
mod property_tests;
#[cfg(test)]
mod text_tests;

pub use error::RecurrenceError;
pub use exceptions::{Exception, Moves, Pause, PAUSE_REASON_MAX_LEN};
pub use expand::Occurrences;
pub use monthly::{MonthDaySet, MonthWeekdaySet, Nth};
pub use rule::{End, Frequency, MonthlyBy, Rule, Until};
pub use schedule::{Occurrence, Schedule, MAX_DURATION_MINUTES};
pub use weekday::{code as weekday_code, name_en as weekday_en, name_fr as weekday_fr, WeekdaySet, WEEK};
