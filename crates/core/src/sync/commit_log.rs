//! The server's changes in commit order, and the cursor that walks them without skipping.
//!
//! A server numbers changes when a transaction writes them, but transactions commit in any
//! order: if seq 11 commits before seq 10, a reader that saw 11 and moved its cursor past it
//! would never see 10 (design §3.4). So positions are reserved when a transaction starts, and a
//! pull only reads up to the *horizon*: the last position below every still-open reservation.
//! Everything at or before the horizon is final, so a cursor there can never skip a change.
//! The cursor carries the server epoch, so a restored backup is detected rather than trusted.

use super::wire::{Change, Cursor};
use std::collections::{BTreeMap, BTreeSet};

/// Identifies one life of the server's data; a restore from backup must start a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Epoch(pub u64);

/// Positions set aside for one open transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reservation {
    start: u64,
}

impl Reservation {
    /// The `index`-th position of the reservation.
    pub fn position(&self, index: u64) -> u64 {
        self.start + index
    }
}

#[derive(Debug, Clone, Default)]
pub struct CommitLog {
    next_position: u64,
    changes: BTreeMap<u64, Change>,
    open: BTreeSet<u64>,
}

/// One page read from the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub changes: Vec<Change>,
    /// The position the returned cursor stands at.
    pub end: u64,
    pub has_more: bool,
}

impl CommitLog {
    /// Sets aside `len` positions, at least one so every open transaction holds the horizon.
    pub fn reserve(&mut self, len: u64) -> Reservation {
        let start = self.next_position.max(1);
        self.next_position = start + len.max(1);
        self.open.insert(start);
        Reservation { start }
    }

    /// Makes the changes of a reservation visible (once the horizon reaches them) and releases
    /// the positions it did not use.
    pub fn commit(&mut self, reservation: Reservation, changes: Vec<Change>) {
        for change in changes {
            self.changes.insert(change.server_seq, change);
        }
        self.release(reservation);
    }

    pub fn release(&mut self, reservation: Reservation) {
        self.open.remove(&reservation.start);
    }

    /// Forgets every open reservation: a restored backup has no transaction in flight.
    pub fn close_all(&mut self) {
        self.open.clear();
    }

    /// The last position before which every transaction has committed or aborted.
    pub fn horizon(&self) -> u64 {
        match self.open.first() {
            Some(&oldest_open) => oldest_open - 1,
            None => self.next_position.saturating_sub(1),
        }
    }

    /// Up to `limit` changes after `after`, never past the horizon.
    pub fn page(&self, after: u64, limit: usize) -> Page {
        let horizon = self.horizon();
        if horizon <= after {
            return Page { changes: Vec::new(), end: after, has_more: false };
        }
        let mut visible = self.changes.range(after + 1..=horizon);
        let changes: Vec<Change> = visible.by_ref().take(limit).map(|(_, c)| c.clone()).collect();
        let has_more = visible.next().is_some();
        let end = match (has_more, changes.last()) {
            (true, Some(last)) => last.server_seq,
            _ => horizon,
        };
        Page { changes, end, has_more }
    }

    /// Every change ever committed, for checks and audits.
    pub fn iter(&self) -> impl Iterator<Item = &Change> {
        self.changes.values()
    }
}

/// The cursor for `position` in `epoch`.
pub fn encode_cursor(epoch: Epoch, position: u64) -> Cursor {
    Cursor(format!("r1.{:x}.{:x}", epoch.0, position))
}

/// The position a cursor stands at, if it was made by this server in `epoch`.
pub fn decode_cursor(cursor: &Cursor, epoch: Epoch) -> Option<u64> {
    let (cursor_epoch, position) = read_cursor(cursor)?;
    (cursor_epoch == epoch).then_some(position)
}

/// The epoch and position a cursor names, if it is one this code made.
pub fn read_cursor(cursor: &Cursor) -> Option<(Epoch, u64)> {
    let mut parts = cursor.0.split('.');
    let (Some("r1"), Some(epoch), Some(position), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let epoch = u64::from_str_radix(epoch, 16).ok()?;
    Some((Epoch(epoch), u64::from_str_radix(position, 16).ok()?))
}
