//! Notices between tabs of one client group, over a BroadcastChannel: "I wrote to the outbox"
//! (the leader reads it again) and "the store changed" (every tab re-reads what it shows).
//! They carry no data: the store is the truth, a notice only says when to look.

use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Wrote,
    StoreChanged,
}

impl Notice {
    fn word(self) -> &'static str {
        match self {
            Notice::Wrote => "wrote",
            Notice::StoreChanged => "store-changed",
        }
    }

    fn from_word(word: &str) -> Option<Self> {
        [Notice::Wrote, Notice::StoreChanged]
            .into_iter()
            .find(|n| n.word() == word)
    }
}

pub struct Notices {
    channel: Option<BroadcastChannel>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
}

impl Notices {
    /// Listens on `name`. Without BroadcastChannel the tab still works alone.
    pub fn open(name: &str, on_notice: impl Fn(Notice) + 'static) -> Self {
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(notice) = event.data().as_string().as_deref().and_then(Notice::from_word) {
                on_notice(notice);
            }
        });
        let channel = BroadcastChannel::new(name).ok();
        if let Some(channel) = &channel {
            channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
        Self {
            channel,
            _on_message: on_message,
        }
    }

    /// Tells the other tabs; a channel never delivers to its own sender.
    pub fn send(&self, notice: Notice) {
        if let Some(channel) = &self.channel {
            // A closed channel only means the tab is going away.
            let _ = channel.post_message(&JsValue::from_str(notice.word()));
        }
    }

    pub fn close(&self) {
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
    }
}
