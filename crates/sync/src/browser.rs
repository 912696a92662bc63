//! What the browser supplies to the state machine: the moment of each input, connectivity,
//! visibility, and a single timer.

use relais_core::sync::events::Env;
use relais_core::sync::status::Instant;
use relais_core::Timestamp;
use wasm_bindgen::prelude::*;
use web_sys::{EventTarget, VisibilityState, Window};

fn window() -> Window {
    web_sys::window().expect("the sync engine runs in a window")
}

/// Monotonic time for timers, the device clock for what is shown, fresh entropy.
pub fn env() -> Env {
    let window = window();
    let now = window.performance().map(|p| p.now()).unwrap_or_else(js_sys::Date::now);
    let mut random = [0u8; 16];
    window
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut random).map(drop))
        .expect("crypto.getRandomValues is available in every supported browser");
    Env {
        now: Instant(now as u64),
        wall: Timestamp::from_unix_ms(js_sys::Date::now() as i64),
        random,
    }
}

pub fn is_online() -> bool {
    window().navigator().on_line()
}

pub fn is_visible() -> bool {
    window()
        .document()
        .is_some_and(|d| d.visibility_state() == VisibilityState::Visible)
}

/// An event listener removed when dropped, so a stopped engine hears nothing more.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn Fn()>,
}

impl Listener {
    pub fn on_window(kind: &'static str, callback: impl Fn() + 'static) -> Option<Self> {
        Self::on(window().into(), kind, callback)
    }

    pub fn on_document(kind: &'static str, callback: impl Fn() + 'static) -> Option<Self> {
        Self::on(window().document()?.into(), kind, callback)
    }

    fn on(target: EventTarget, kind: &'static str, callback: impl Fn() + 'static) -> Option<Self> {
        let callback = Closure::<dyn Fn()>::new(callback);
        target
            .add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref())
            .ok()?;
        Some(Self { target, kind, callback })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

/// The one timer the state machine asks for: arming it again replaces the previous one.
#[derive(Default)]
pub struct Timer {
    armed: Option<(i32, Closure<dyn FnMut()>)>,
}

impl Timer {
    pub fn arm(&mut self, at: Instant, now: Instant, fire: impl FnMut() + 'static) {
        self.clear();
        let delay = i32::try_from(at.0.saturating_sub(now.0)).unwrap_or(i32::MAX);
        let callback = Closure::<dyn FnMut()>::new(fire);
        if let Ok(id) =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), delay)
        {
            self.armed = Some((id, callback));
        }
    }

    pub fn clear(&mut self) {
        if let Some((id, _)) = self.armed.take() {
            window().clear_timeout_with_handle(id);
        }
    }
}
