//! The demo plan of each person: a plan d'aide APA or a projet personnalisé with its usual
//! services, goals tied to AGGIR needs, a past hospital stay and its reviews.
//!
//! Built from the person's index alone, so adding plans leaves the seeded transmissions as
//! they were.

use chrono::{Days, Months, NaiveDate, NaiveTime, Weekday};
use relais_core::aggir::{Gir, Variable};
use relais_core::plan::{
    Cents, ExpressedBy, Goal, GoalDomain, GoalDraft, GoalStatus, HospitalEpisode, LineStatus, NeedRef, Payer, PayerKind,
    Plan, PlanDraft, PlanStatus, PlanType, Price, Review, ReviewReason, ServiceLine, ServiceLineDraft, ServiceType, TriggerEvent,
};
use relais_core::recurrence::{Rule, Schedule};
use relais_core::{EntryId, Member, Person, Role};
use std::collections::BTreeSet;

/// Monday 1 June 2026: every demo plan starts then.
fn plan_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("a valid date")
}

fn at(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time")
}

/// Ids in June 2026, distinct per person and per item.
fn id(index: usize, item: u8) -> EntryId {
    let mut random = [item; 10];
    random[..8].copy_from_slice(&(index as u64).to_le_bytes());
    EntryId::v7(1_780_272_000_000 + index as u64 * 1_000 + u64::from(item), random)
}

fn service(code: &str) -> ServiceType {
    ServiceType::french_defaults().into_iter().find(|s| s.code == code).expect("a default service type")
}

fn assurance_maladie() -> Payer {
    Payer { code: "assurance-maladie".to_owned(), label_fr: "Assurance maladie".to_owned(), kind: PayerKind::Autre }
}

struct LineSpec {
    item: u8,
    service: &'static str,
    provider: &'static str,
    schedule: Schedule,
    payer: Payer,
    price: Price,
    status: LineStatus,
}

fn line(index: usize, spec: LineSpec) -> ServiceLine {
    ServiceLine::new(ServiceLineDraft {
        id: id(index, spec.item),
        service: service(spec.service),
        provider: spec.provider.to_owned(),
        schedule: spec.schedule,
        period_start: plan_start(),
        period_end: None,
        payer: spec.payer,
        price: spec.price,
        status: spec.status,
    })
    .expect("demo lines are valid")
}

/// Help every weekday at 8:00, nursing three times a week, daily meals, a téléassistance
/// subscription and, every other person, a day at the accueil de jour on Thursdays.
fn lines(index: usize) -> Vec<ServiceLine> {
    let start = plan_start();
    let schedule = |result: Result<Schedule, _>| result.expect("demo schedules are valid");
    let mut specs = vec![
        LineSpec { item: 1, service: "aide-a-domicile", provider: "SAAD Les Tilleuls", schedule: schedule(Schedule::weekdays_at(start, at(8, 0), 60)),
            payer: Payer::default_of(PayerKind::Apa), price: Price::Hour(Cents(2_450)), status: LineStatus::Active },
        LineSpec { item: 2, service: "soins-infirmiers", provider: "Cabinet infirmier du Centre", schedule: schedule(Schedule::three_times_a_week(start, at(11, 0), 30)),
            payer: assurance_maladie(), price: Price::Visit(Cents(1_590)), status: LineStatus::Active },
        LineSpec { item: 3, service: "portage-de-repas", provider: "Les Repas du Val", schedule: schedule(Schedule::new(start.and_time(at(11, 30)), 10, Rule::daily(), BTreeSet::new())),
            payer: Payer::default_of(PayerKind::Famille), price: Price::Visit(Cents(980)), status: LineStatus::Active },
        LineSpec { item: 4, service: "teleassistance", provider: "Présence Verte", schedule: schedule(Schedule::new(start.and_time(at(9, 0)), 15, Rule::monthly_on_days(&[1]).expect("day 1"), BTreeSet::new())),
            payer: Payer::default_of(PayerKind::Apa), price: Price::Visit(Cents(2_990)), status: LineStatus::Active },
    ];
    if index % 2 == 0 {
        let thursdays = Schedule::new(start.and_time(at(9, 30)), 420, Rule::weekly(relais_core::recurrence::WeekdaySet::single(Weekday::Thu)), BTreeSet::new());
        specs.push(LineSpec { item: 5, service: "accueil-de-jour", provider: "Accueil de jour Les Glycines", schedule: schedule(thursdays),
            payer: Payer::default_of(PayerKind::Apa), price: Price::Visit(Cents(4_500)), status: LineStatus::Planned });
    }
    specs.into_iter().map(|spec| line(index, spec)).collect()
}

fn member(members: &[Member], role: Role) -> ExpressedBy {
    members.iter().find(|m| m.actor.role() == role).map_or(ExpressedBy::Person, |m| ExpressedBy::Author(m.actor.clone()))
}

fn goal(index: usize, item: u8, title: &str, domain: &str, needs: &[Variable], served_by: &[u8], expressed_by: ExpressedBy) -> GoalDraft {
    GoalDraft {
        id: id(index, item),
        title: title.to_owned(),
        domain: GoalDomain::default_of(domain).expect("a default domain"),
        due: plan_start().checked_add_months(Months::new(6)),
        status: GoalStatus::Active,
        expected_result: None,
        needs: needs.iter().map(|&variable| NeedRef::Aggir { variable }).collect(),
        served_by: served_by.iter().map(|&line| id(index, line)).collect(),
        expressed_by,
    }
}

fn goals(index: usize, members: &[Member]) -> Vec<Goal> {
    let mut drafts = vec![
        goal(index, 10, "Faire sa toilette chaque jour en sécurité", "vie-quotidienne", &[Variable::Toilette], &[1, 2], member(members, Role::GestionnaireDeCas)),
        goal(index, 11, "Manger équilibré et boire suffisamment", "alimentation", &[Variable::Alimentation], &[1, 3], ExpressedBy::Person),
        goal(index, 12, "Se déplacer chez soi sans chute", "securite", &[Variable::DeplacementsInterieur, Variable::Transferts], &[1, 4], member(members, Role::MedecinTraitant)),
    ];
    drafts[1].expected_result = Some("Poids stable et 1,5 L de boisson par jour".to_owned());
    if index % 2 == 0 {
        let mut outings = goal(index, 13, "Retrouver des moments avec d'autres personnes", "vie-sociale", &[], &[5], ExpressedBy::Person);
        outings.status = GoalStatus::Proposed;
        drafts.push(outings);
    }
    drafts.into_iter().map(|draft| Goal::new(draft).expect("demo goals are valid")).collect()
}

/// A stay in September, its return-home review held two days later, and quarterly reviews
/// for projets personnalisés.
fn with_history(plan: Plan, index: usize) -> Plan {
    let admitted = NaiveDate::from_ymd_opt(2026, 9, 14).expect("a valid date") + Days::new((index % 5) as u64);
    let discharged = admitted + Days::new(8);
    let reason = ["Chute avec fracture du poignet", "Pneumopathie", "Déshydratation"][index % 3];
    let stay = HospitalEpisode::new(admitted, Some(discharged), reason).expect("demo stays are valid");
    let return_home = ReviewReason::Event(TriggerEvent::SortieHospitalisation);
    let plan = plan.admit(stay).expect("one stay per plan").review_held(discharged, return_home, discharged + Days::new(2));
    match plan.fields().plan_type.review_cadence.next_after(plan_start()) {
        Some(first) => {
            let held = plan.review_held(first, ReviewReason::Scheduled, first + Days::new(3));
            let mut draft = held.fields().clone();
            draft.reviews.extend(draft.plan_type.review_cadence.next_after(first).map(|next| Review::due(next, ReviewReason::Scheduled)));
            Plan::new(draft).expect("demo plans are valid")
        }
        None => plan.trigger_review(TriggerEvent::Demande, NaiveDate::from_ymd_opt(2026, 11, 16).expect("a valid date")),
    }
}

pub fn plan(index: usize, person: &Person, members: &[Member]) -> Plan {
    let code = if index % 2 == 0 { "projet-personnalise" } else { "plan-aide-apa" };
    let plan_type = PlanType::default_of(code).expect("a default plan type");
    let draft = PlanDraft {
        id: id(index, 0),
        subject: person.id.clone(),
        title: format!("{} – {}", plan_type.label_fr, person.display_name()),
        plan_type,
        status: PlanStatus::Active,
        period_start: plan_start(),
        period_end: plan_start().checked_add_months(Months::new(12)).and_then(|d| d.pred_opt()),
        gir: Gir::new(2 + (index % 3) as u8),
        lines: lines(index),
        goals: goals(index, members),
        reviews: Vec::new(),
        hospital_episodes: Vec::new(),
    };
    with_history(Plan::new(draft).expect("demo plans are valid"), index)
}
