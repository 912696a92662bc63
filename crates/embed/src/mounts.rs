//! Mounted widgets, by the handle number their element keeps.
//!
//! Dropping a Leptos mount handle unmounts the view and disposes its reactive owner, so an
//! element removed from the page leaves nothing running behind it.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static MOUNTS: RefCell<(u32, HashMap<u32, Box<dyn Any>>)> = RefCell::new((0, HashMap::new()));
}

/// Keeps `handle` alive until `release` is called with the returned number.
pub fn keep(handle: Box<dyn Any>) -> u32 {
    MOUNTS.with_borrow_mut(|(next, mounts)| {
        *next += 1;
        mounts.insert(*next, handle);
        *next
    })
}

/// Drops the handle kept under `id`, unmounting its view.
pub fn release(id: u32) {
    let handle = MOUNTS.with_borrow_mut(|(_, mounts)| mounts.remove(&id));
    drop(handle);
}
