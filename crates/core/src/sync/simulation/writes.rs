//! What the simulated users write: mostly valid transmissions, acknowledgements and read
//! receipts, concurrent edits of one shared plan item (which merge or conflict), from any tab,
//! and a few writes built to be refused so the check can see them surfaced.

use super::{author, Packet, World, Written};
use crate::sync::events::Input;
use crate::sync::kinds::{PlanItem, PlanItemKind, PlanItemPatch, PlanItemRef, Write};
use crate::sync::wire::MutationId;
use crate::{
    Acknowledgement, Author, CategoryId, EntryId, EntryLink, Receipt, Role, SubjectId, Timestamp,
    Transmission, TransmissionText, Urgency,
};
use serde::Deserialize;
use serde_json::json;

/// The one plan line every simulated user edits.
fn shared_plan_line() -> PlanItemRef {
    PlanItemRef {
        subject: SubjectId::new("usager-1").expect("constant subject"),
        plan: EntryId::v7(1, [9; 10]),
        kind: PlanItemKind::ServiceLine,
        id: "ligne-aide-au-lever".into(),
    }
}

impl World {
    pub(super) fn write(&mut self) {
        let device = self.rng.below(self.devices.len());
        let alive: Vec<usize> = (0..self.devices[device].tabs.len())
            .filter(|&t| self.devices[device].tabs[t].alive)
            .collect();
        if alive.is_empty() || self.written.len() >= self.config.writes {
            return;
        }
        let tab = alive[self.rng.below(alive.len())];
        let env = self.env(device);
        let (write, expect_rejection) = self.invent_write(device, env.wall);
        let entry = match &write {
            Write::TransmissionCreate(t) if !expect_rejection => Some(t.id),
            _ => None,
        };
        let id = MutationId::v7(env.wall.unix_ms().max(0) as u64, self.rng.bytes());
        let mutation =
            self.devices[device].store.enqueue(|seq| write.into_mutation(seq, id, env.wall));
        self.written.push(Written {
            device,
            id,
            target: mutation.target.clone(),
            entry,
            expect_rejection,
        });
        if self.devices[device].leader() == Some(tab) {
            self.handle(device, tab, Input::Enqueued(vec![mutation]));
        } else if self.faults_on && self.rng.chance(self.config.fault_per_mille) {
            self.faults += 1;
            self.coverage.tab_crashes += 1;
            self.devices[device].tabs[tab].crash();
        } else {
            self.packets.push(Packet::Notice { device, mutation });
        }
    }

    /// Mostly valid transmissions, acknowledgements, receipts and plan edits; a few built to
    /// be refused.
    fn invent_write(&mut self, device: usize, wall: Timestamp) -> (Write, bool) {
        let me = self.devices[device].user.clone();
        let roll = self.rng.below(20);
        let known = self.known_entries(device);
        if roll < 3 && !known.is_empty() {
            let entry = known[self.rng.below(known.len())];
            return (Write::AcknowledgementAdd(Acknowledgement { entry, by: me, at: wall }), false);
        }
        if roll == 3 {
            let entry = EntryId::v7(1, self.rng.bytes());
            return (Write::AcknowledgementAdd(Acknowledgement { entry, by: me, at: wall }), true);
        }
        if (5..8).contains(&roll) && !known.is_empty() {
            let entry = known[self.rng.below(known.len())];
            return (Write::ReceiptAdd(Receipt { entry, by: me, at: wall }), false);
        }
        if (8..11).contains(&roll) {
            if let Some(edit) = self.plan_edit(device, me.clone(), wall) {
                return (Write::PlanItemPut(edit), false);
            }
        }
        let someone_else = roll == 4;
        let author = if someone_else { author("intrus", Role::AutreIntervenant) } else { me };
        (Write::TransmissionCreate(self.transmission(author, wall)), someone_else)
    }

    fn transmission(&mut self, author: Author, wall: Timestamp) -> Transmission {
        let id = EntryId::v7(wall.unix_ms().max(0) as u64, self.rng.bytes());
        Transmission {
            id,
            subject: SubjectId::new("usager-1").expect("constant subject"),
            author,
            category: CategoryId::new("passage"),
            urgency: Urgency::Information,
            text: TransmissionText::new(&format!("Passage {}", self.written.len()))
                .expect("non-empty text"),
            created_at: wall,
            vigilance: false,
            link: EntryLink::None,
        }
    }

    /// An edit of the shared plan line from what this device last pulled of it: one field set
    /// to a random value, so devices often touch different fields (merge) and sometimes the
    /// same one (conflict).
    fn plan_edit(&mut self, device: usize, me: Author, wall: Timestamp) -> Option<PlanItemPatch> {
        let item = shared_plan_line();
        let pulled = self.devices[device].store.records.get(&item.target()).and_then(
            |(version, value)| {
                PlanItem::deserialize(value).ok().map(|item| (item.fields, *version))
            },
        );
        let mut after = pulled.as_ref().map(|(fields, _)| fields.clone()).unwrap_or_default();
        let field = ["minutes", "provider", "payer"][self.rng.below(3)];
        after.insert(field.into(), json!(self.rng.below(4)));
        let before = pulled.as_ref().map(|(fields, version)| (fields, *version));
        PlanItemPatch::between(item, me, wall, before, &after).ok()
    }

    /// Entries the device has seen: its own, and others' once pulled.
    fn known_entries(&self, device: usize) -> Vec<EntryId> {
        let records = &self.devices[device].store.records;
        self.written
            .iter()
            .filter(|w| w.device == device || records.contains_key(&w.target))
            .filter_map(|w| w.entry)
            .collect()
    }
}
