//! Which rows of a long list are on screen. Only those (and a margin) are rendered, so 10,000
//! entries cost as much as thirty. Heights vary with the text: each row starts with an
//! estimate from its length and keeps its measured height once it has been on screen.

use leptos::prelude::*;
use relais_core::EntryId;
use std::collections::HashMap;

/// Rendered beyond the visible area on each side, so a fast scroll or a Tab press does not
/// reach an empty space.
const MARGIN_PX: f64 = 800.0;
/// Until the scroller reports its own height.
pub const DEFAULT_VIEWPORT_PX: f64 = 800.0;

const BASE_PX: f64 = 118.0;
const LINE_PX: f64 = 23.0;
const CHARS_PER_LINE: usize = 70;
const DAY_HEADING_PX: f64 = 36.0;

/// One entry's row; the first of each day also carries that day's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row {
    pub index: usize,
    pub id: EntryId,
    pub day_start: bool,
    pub chars: usize,
}

pub fn estimate(row: &Row) -> f64 {
    let lines = row.chars.div_ceil(CHARS_PER_LINE).max(1) as f64;
    BASE_PX + LINE_PX * (lines - 1.0) + if row.day_start { DAY_HEADING_PX } else { 0.0 }
}

/// Measured heights, keyed by entry and heading so a row that gains a heading is re-measured.
#[derive(Clone, Copy)]
pub struct Heights {
    known: StoredValue<HashMap<(EntryId, bool), f64>>,
    version: RwSignal<u64>,
}

impl Heights {
    pub fn new() -> Self {
        Self { known: StoredValue::new(HashMap::new()), version: RwSignal::new(0) }
    }

    pub fn of(&self, row: &Row) -> f64 {
        self.known.with_value(|k| k.get(&(row.id, row.day_start)).copied()).unwrap_or_else(|| estimate(row))
    }

    /// Records measurements; only a real change re-lays the list out, so measuring converges.
    pub fn record(&self, measured: impl IntoIterator<Item = (Row, f64)>) {
        let changed = self.known.try_update_value(|known| {
            measured.into_iter().fold(false, |changed, (row, px)| {
                let old = known.insert((row.id, row.day_start), px);
                changed || old.is_none_or(|old| (old - px).abs() > 0.5)
            })
        });
        if changed == Some(true) {
            self.version.try_update(|v| *v += 1);
        }
    }

    /// Top of every row and, last, the total height.
    pub fn offsets(&self, rows: &[Row]) -> Vec<f64> {
        self.version.track();
        let mut offsets = Vec::with_capacity(rows.len() + 1);
        let mut top = 0.0;
        offsets.push(top);
        for row in rows {
            top += self.of(row);
            offsets.push(top);
        }
        offsets
    }
}

/// The rows `[start, end)` that intersect the visible area widened by the margin.
pub fn window(offsets: &[f64], scroll_top: f64, viewport: f64) -> (usize, usize) {
    between(offsets, (scroll_top - MARGIN_PX).max(0.0), scroll_top + viewport + MARGIN_PX)
}

/// The rows `[start, end)` at least partly inside the visible area itself.
pub fn visible(offsets: &[f64], scroll_top: f64, viewport: f64) -> (usize, usize) {
    between(offsets, scroll_top.max(0.0), scroll_top + viewport)
}

fn between(offsets: &[f64], from: f64, to: f64) -> (usize, usize) {
    let rows = offsets.len().saturating_sub(1);
    let start = offsets.partition_point(|top| *top <= from).saturating_sub(1).min(rows);
    let end = offsets.partition_point(|top| *top < to).min(rows);
    (start, end.max(start))
}
