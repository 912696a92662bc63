//! Care plans in IndexedDB: saved over by id, listed per person, read back as core validates
//! them; and a v6 database (before plans) gains the store on upgrade with its rows kept.
#![cfg(target_arch = "wasm32")]

use chrono::{NaiveDate, NaiveTime};
use indexed_db_futures::database::Database;
use relais_core::plan::{
    Cents, HospitalEpisode, LineStatus, Payer, PayerKind, Plan, PlanDraft, PlanStatus, PlanType, Price, RecurrenceChoice,
    ServiceLine, ServiceLineDraft, ServiceType,
};
use relais_core::{EntryId, SubjectId};
use relais_store::{Store, SCHEMA_VERSION};
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

#[wasm_bindgen_test]
async fn a_plan_is_saved_over_and_listed_for_its_person_only() {
    let name = unique_name("plans");
    let store = Store::open_at(&name, SCHEMA_VERSION).await.unwrap();
    let first = plan("p1", 1);
    store.save_plan(&first).await.unwrap();
    let stay = HospitalEpisode::new(day(7, 2), Some(day(7, 9)), "Chute").unwrap();
    let admitted = first.admit(stay).unwrap();
    store.save_plan(&admitted).await.unwrap();
    store.save_plan(&plan("p2", 2)).await.unwrap();
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
    store.save_plan(&plan("p1", 3)).await.unwrap();
    assert_eq!(store.plans_for(&SubjectId::new("p1").unwrap()).await.unwrap().len(), 1);
    store.close();
    Database::delete_by_name(&name).unwrap().await.unwrap();
}
