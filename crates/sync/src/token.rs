//! The bearer token: asked of the host's `getToken()` callback, kept in memory only — never
//! in IndexedDB, localStorage, a URL or a log (sync protocol §3).
//!
//! The callback is page-wide, because a host configures Relais once; engines that started
//! before the host configured it wait for it.

use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[derive(Default)]
struct Tokens {
    source: Option<Function>,
    current: Option<String>,
    /// Resolvers of requests waiting for the host to configure a callback.
    waiting: Vec<Function>,
    /// Engines to tell when the host gives a new callback, so they retry at once.
    engines: Vec<Weak<dyn Fn()>>,
}

thread_local! {
    static TOKENS: RefCell<Tokens> = RefCell::new(Tokens::default());
}

/// Sets the host's `getToken`: a function returning a token, or a Promise of one.
pub fn configure_token(get_token: Function) {
    let (waiting, engines) = TOKENS.with_borrow_mut(|tokens| {
        tokens.source = Some(get_token);
        tokens.current = None;
        tokens.engines.retain(|e| e.strong_count() > 0);
        (std::mem::take(&mut tokens.waiting), tokens.engines.clone())
    });
    for resolve in waiting {
        // Resolving a pending promise cannot throw.
        let _ = resolve.call0(&JsValue::NULL);
    }
    engines.iter().filter_map(Weak::upgrade).for_each(|retry| retry());
}

/// Registers `retry` to run whenever the host configures a new callback; held weakly.
pub(crate) fn on_configured(retry: &Rc<dyn Fn()>) {
    TOKENS.with_borrow_mut(|tokens| tokens.engines.push(Rc::downgrade(retry)));
}

/// The token to send: the one in memory, or a fresh one from the host.
pub(crate) async fn bearer() -> Option<String> {
    if let Some(token) = TOKENS.with_borrow(|t| t.current.clone()) {
        return Some(token);
    }
    let token = ask_host().await;
    TOKENS.with_borrow_mut(|t| t.current.clone_from(&token));
    token
}

/// Forgets the token in memory and asks the host again (after a 401).
pub(crate) async fn refresh() -> bool {
    TOKENS.with_borrow_mut(|t| t.current = None);
    bearer().await.is_some()
}

async fn ask_host() -> Option<String> {
    let source = match TOKENS.with_borrow(|t| t.source.clone()) {
        Some(source) => source,
        None => {
            let configured = Promise::new(&mut |resolve, _| TOKENS.with_borrow_mut(|t| t.waiting.push(resolve)));
            JsFuture::from(configured).await.ok()?;
            TOKENS.with_borrow(|t| t.source.clone())?
        }
    };
    let answer = source.call0(&JsValue::NULL).ok()?;
    let token = JsFuture::from(Promise::resolve(&answer)).await.ok()?.as_string()?;
    Some(token).filter(|t| !t.trim().is_empty())
}
