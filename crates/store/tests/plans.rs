//! Care plans in IndexedDB: saved over by id, listed per person, read back as core validates
//! them; a v6 database (before plans) gains the store on upgrade with its rows kept; saves
//! queue per-item puts, pulled items rebuild the plan, and conflicts wait for the user's choice.
#![cfg(target_arch = "wasm32")]

use chrono::{NaiveDate, NaiveTime};
use indexed_db_futures::database::Database;
use relais_core::plan::{
    Cents, HospitalEpisode, LineStatus, Payer, PayerKind, Plan, PlanDraft, PlanStatus, PlanType, Price, RecurrenceChoice,
    ServiceLine, ServiceLineDraft, ServiceType,
};
use relais_core::{Author, EntryId, Role, SubjectId, Timestamp};
use relais_core::sync::events::Commit;
use relais_core::sync::kinds::{PlanItem, PlanItemKind, PLAN_ITEM_PUT};
use relais_core::sync::status::RejectedMutation;
use relais_core::sync::wire::{Change, ChangeOp, ClientGroupId, Cursor, Mutation, Rejection, Version};
use relais_store::{Store, SCHEMA_VERSION};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(label: &str) -> String {
    format!("test:{label}:{}", js_sys::Math::random())
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn plan(subject: &str, salt: u8) -> Plan {
    let line = ServiceLine::new(ServiceLineDraft {
        id: EntryId::v7(2_000 + u64::from(salt), [salt; 10]),
        service: ServiceType::french_defaults().remove(0),
        provider: "Amapa".into(),
        schedule: RecurrenceChoice::Weekdays.schedule(day(6, 1), NaiveTime::from_hms_opt(8, 0, 0).unwrap(), 60, None).unwrap(),
        period_start: day(6, 1),
        period_end: None,
        payer: Payer::default_of(PayerKind::Apa),
        price: Price::Hour(Cents(2_450)),
        status: LineStatus::Active,
    })
    .unwrap();
    Plan::new(PlanDraft {
        id: EntryId::v7(1_000 + u64::from(salt), [salt; 10]),
        subject: SubjectId::new(subject).unwrap(),
        plan_type: PlanType::default_of("plan-aide-apa").unwrap(),
        title: "Plan d'aide APA".into(),
        status: PlanStatus::Active,
        period_start: day(6, 1),
        period_end: None,
        gir: None,
        lines: vec![line],
        goals: vec![],
        reviews: vec![],
        hospital_episodes: vec![],
    })
    .unwrap()
}

fn claire() -> Author {
    Author::new("claire", "Claire Petit", Role::GestionnaireDeCas).unwrap()
}

fn at() -> Timestamp {
    Timestamp::from_unix_ms(1_780_000_000_000)
}

#[wasm_bindgen_test]
async fn a_plan_is_saved_over_and_listed_for_its_person_only() {
    let name = unique_name("plans");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let first = plan("p1", 1);
    store.save_plan(&first, &claire(), at()).await.unwrap();
    let stay = HospitalEpisode::new(day(7, 2), Some(day(7, 9)), "Chute").unwrap();
    let admitted = first.admit(stay).unwrap();
    store.save_plan(&admitted, &claire(), at()).await.unwrap();
    store.save_plan(&plan("p2", 2), &claire(), at()).await.unwrap();
    let p1 = store.plans_for(&SubjectId::new("p1").unwrap()).await.unwrap();
    assert_eq!(p1, vec![admitted.clone()], "the latest save, this person only");
    assert_eq!(p1[0].due_reviews()[0].due, day(7, 9), "the discharge review survives the round trip");
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_database_from_before_plans_gains_the_store_on_upgrade() {
    let name = unique_name("plans-upgrade");
    let old = Store::open_at(&name, 6).await.unwrap();
    old.close();
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    assert!(store.plans_for(&SubjectId::new("p1").unwrap()).await.unwrap().is_empty());
    store.save_plan(&plan("p1", 3), &claire(), at()).await.unwrap();
    assert_eq!(store.plans_for(&SubjectId::new("p1").unwrap()).await.unwrap().len(), 1);
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}

/// A pulled change of `item` at `version`, as the server sends it.
fn pulled(seq: u64, item: &PlanItem, version: u64) -> Change {
    Change {
        server_seq: seq,
        target: item.item.target(),
        version: Version(version),
        op: ChangeOp::Put { resource: serde_json::to_value(item).unwrap() },
    }
}

/// Every item of `plan`, pulled at version 1.
fn all_pulled(plan: &Plan) -> Vec<Change> {
    PlanItem::all_of(plan).iter().enumerate().map(|(i, item)| pulled(i as u64 + 1, item, 1)).collect()
}

/// The item of `plan`'s first service line.
fn line_item(plan: &Plan) -> PlanItem {
    PlanItem::all_of(plan).into_iter().find(|i| i.item.kind == PlanItemKind::ServiceLine).unwrap()
}

fn page(changes: Vec<Change>, confirmed_seq: u64, rejected: Vec<RejectedMutation>) -> Commit {
    Commit {
        reset: false,
        client_group: ClientGroupId::from_random_bytes([5; 16]),
        changes,
        cursor: Cursor(format!("c{confirmed_seq}")),
        confirmed_seq,
        rejected,
        synced_at: at(),
    }
}

/// The server's answer to `mutation`: someone changed the same field meanwhile.
fn conflict_on(mutation: &Mutation) -> RejectedMutation {
    RejectedMutation {
        seq: mutation.seq,
        id: mutation.id,
        kind: mutation.kind.clone(),
        target: mutation.target.clone(),
        reason: Rejection::new(Rejection::CONFLICT, "modifié entre-temps"),
    }
}

fn with_provider(plan: &Plan, provider: &str) -> Plan {
    let mut draft = plan.fields().clone();
    let mut line = draft.lines[0].fields().clone();
    line.provider = provider.into();
    draft.lines[0] = ServiceLine::new(line).unwrap();
    Plan::new(draft).unwrap()
}

#[wasm_bindgen_test]
async fn a_save_queues_one_put_per_changed_item_and_a_pull_of_another_device_shows_its_plan() {
    let name = unique_name("plan-puts");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let first = plan("p1", 4);
    let created = store.save_plan(&first, &claire(), at()).await.unwrap();
    assert_eq!(created, PlanItem::all_of(&first).len(), "a new plan creates every item");
    assert_eq!(store.save_plan(&with_provider(&first, "ADMR"), &claire(), at()).await.unwrap(), 1, "one changed line");
    let kinds: Vec<_> = store.pending_mutations().await.unwrap().iter().map(|m| m.kind.0.clone()).collect();
    assert!(kinds.iter().all(|k| k == PLAN_ITEM_PUT) && kinds.len() == created + 1);

    // Another person's plan for p2 arrives item by item and becomes p2's working plan.
    let theirs = plan("p2", 5);
    store.commit(&page(all_pulled(&theirs), 0, Vec::new())).await.unwrap();
    assert_eq!(store.plans_for(&SubjectId::new("p2").unwrap()).await.unwrap(), vec![theirs]);
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_conflicting_edit_shows_both_values_until_the_user_chooses() {
    let name = unique_name("plan-conflict");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let subject = SubjectId::new("p1").unwrap();
    let first = plan("p1", 6);
    let items = store.save_plan(&first, &claire(), at()).await.unwrap() as u64;
    store.commit(&page(all_pulled(&first), items, Vec::new())).await.unwrap();

    // Claire moves the line to ADMR while, on the server, someone already gave it to Domidom.
    store.save_plan(&with_provider(&first, "ADMR"), &claire(), at()).await.unwrap();
    let mine = store.pending_mutations().await.unwrap().pop().unwrap();
    let server_line = line_item(&with_provider(&first, "Domidom"));
    // The refusal comes first, with no item: the plan stops showing ADMR, the value never applied.
    store.commit(&page(Vec::new(), mine.seq, vec![conflict_on(&mine)])).await.unwrap();
    assert_eq!(store.plans_for(&subject).await.unwrap()[0].lines()[0].fields().provider, "Amapa");
    store.commit(&page(vec![pulled(items + 1, &server_line, 2)], mine.seq, Vec::new())).await.unwrap();

    let shown = store.plans_for(&subject).await.unwrap();
    assert_eq!(shown[0].lines()[0].fields().provider, "Domidom", "the plan shows what the server holds");
    let conflicts = store.plan_conflicts(&subject).await.unwrap();
    assert_eq!(conflicts.len(), 1);
    let field = &conflicts[0].conflict.fields[0];
    assert_eq!((field.name.as_str(), &field.mine, &field.theirs), ("provider", &json!("ADMR"), &json!("Domidom")));
    assert!(store.plan_conflicts(&SubjectId::new("p2").unwrap()).await.unwrap().is_empty(), "another person's view");

    store.keep_my_plan_values(&conflicts[0], &claire(), at()).await.unwrap();
    let again = store.pending_mutations().await.unwrap().pop().unwrap();
    assert_eq!(again.base_version, Some(Version(2)), "made from the item as it is now, so it merges");
    assert_eq!(store.plans_for(&subject).await.unwrap()[0].lines()[0].fields().provider, "ADMR");
    assert!(store.plan_conflicts(&subject).await.unwrap().is_empty(), "settled by the new put");
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn keeping_the_other_value_drops_the_conflict_and_queues_nothing() {
    let name = unique_name("plan-theirs");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let subject = SubjectId::new("p1").unwrap();
    let first = plan("p1", 7);
    store.save_plan(&with_provider(&first, "ADMR"), &claire(), at()).await.unwrap();
    let outbox = store.pending_mutations().await.unwrap();
    let line = outbox.iter().find(|m| m.target.id.contains(":service_line:")).unwrap();
    // The server already holds the same plan, its line given to Domidom by someone else.
    let held = all_pulled(&with_provider(&first, "Domidom"));
    store.commit(&page(held, outbox.last().unwrap().seq, vec![conflict_on(line)])).await.unwrap();
    let conflicts = store.plan_conflicts(&subject).await.unwrap();
    assert_eq!(conflicts.len(), 1);
    store.keep_their_plan_values(&conflicts[0]).await.unwrap();
    assert!(store.plan_conflicts(&subject).await.unwrap().is_empty());
    assert!(store.pending_mutations().await.unwrap().is_empty());
    assert_eq!(store.plans_for(&subject).await.unwrap()[0].lines()[0].fields().provider, "Domidom");
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}
