//! Planned hours for a week: what the person, the family and the service check first.

use super::calendar::week_window;
use super::line::ServiceLine;
use crate::id::EntryId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Planned minutes per line and in total for seven days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekHours {
    pub per_line: Vec<(EntryId, i64)>,
    pub total_minutes: i64,
}

/// The week of seven days from `from` (usually a Monday).
pub fn week_hours(lines: &[ServiceLine], from: NaiveDate) -> WeekHours {
    let (start, end) = week_window(from);
    let per_line: Vec<(EntryId, i64)> = lines
        .iter()
        .map(|line| (line.id(), line.totals(start, end).minutes))
        .collect();
    let total_minutes = per_line.iter().map(|&(_, minutes)| minutes).sum();
    WeekHours {
        per_line,
        total_minutes,
    }
}

/// `14 h 30`, `45 min`, `3 h`.
pub fn hours_fr(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}
