//! A person's plan (plan d'aide APA, PSI, PPCS, projet personnalisé): its service lines,
//! goals, reviews and hospital stays, kept consistent with each other (domain.md §3).
//!
//! Sans IO: every question about time ("what happens on that day", "which reviews are late")
//! takes the date from the caller.

use super::care_plan_rules::{check, normalise};
use super::goal::Goal;
use super::hospital::HospitalEpisode;
use super::line::{LineStatus, ServiceLine};
use super::plan_error::CarePlanError;
use super::plan_type::PlanType;
use super::review::{Review, ReviewReason, TriggerEvent};
use crate::aggir::Gir;
use crate::id::{EntryId, SubjectId};
use crate::recurrence::{Exception, Occurrence};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    Draft,
    Active,
    Suspended,
    Completed,
    Cancelled,
}

impl PlanStatus {
    pub fn label_fr(self) -> &'static str {
        match self {
            PlanStatus::Draft => "Brouillon",
            PlanStatus::Active => "En cours",
            PlanStatus::Suspended => "Suspendu",
            PlanStatus::Completed => "Terminé",
            PlanStatus::Cancelled => "Annulé",
        }
    }

    /// Completed and cancelled plans are no longer reviewed.
    pub fn is_open(self) -> bool {
        !matches!(self, PlanStatus::Completed | PlanStatus::Cancelled)
    }
}

/// The fields of a plan before validation, also its wire form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    pub id: EntryId,
    pub subject: SubjectId,
    pub plan_type: PlanType,
    pub title: String,
    pub status: PlanStatus,
    pub period_start: NaiveDate,
    /// Inclusive; `None` while the plan has no planned end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<NaiveDate>,
    /// The person's GIR when the evaluation gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gir: Option<Gir>,
    #[serde(default)]
    pub lines: Vec<ServiceLine>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub hospital_episodes: Vec<HospitalEpisode>,
}

/// A validated plan. Stays are in admission order, reviews in due order, and every discharge
/// has its review on the discharge date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PlanDraft", into = "PlanDraft")]
pub struct Plan(PlanDraft);

impl TryFrom<PlanDraft> for Plan {
    type Error = CarePlanError;
    fn try_from(draft: PlanDraft) -> Result<Self, Self::Error> {
        Plan::new(draft)
    }
}

impl From<Plan> for PlanDraft {
    fn from(plan: Plan) -> Self {
        plan.0
    }
}

impl Plan {
    pub fn new(mut draft: PlanDraft) -> Result<Self, CarePlanError> {
        normalise(&mut draft);
        check(&draft)?;
        Ok(Self(draft))
    }

    pub fn fields(&self) -> &PlanDraft {
        &self.0
    }

    pub fn id(&self) -> EntryId {
        self.0.id
    }

    pub fn subject(&self) -> &SubjectId {
        &self.0.subject
    }

    pub fn lines(&self) -> &[ServiceLine] {
        &self.0.lines
    }

    pub fn goals(&self) -> &[Goal] {
        &self.0.goals
    }

    pub fn reviews(&self) -> &[Review] {
        &self.0.reviews
    }

    pub fn hospital_episodes(&self) -> &[HospitalEpisode] {
        &self.0.hospital_episodes
    }

    pub fn line(&self, id: EntryId) -> Option<&ServiceLine> {
        self.0.lines.iter().find(|line| line.id() == id)
    }

    /// Whether `day` falls in a hospital stay (admission and discharge days included).
    pub fn in_hospital(&self, day: NaiveDate) -> bool {
        self.0.hospital_episodes.iter().any(|stay| stay.covers(day))
    }

    /// What a line amounts to on `day`: its own status, outside its period planned or ended,
    /// and suspended while the person is in hospital or the line is paused.
    pub fn line_status_on(&self, line: EntryId, day: NaiveDate) -> Option<LineStatus> {
        let fields = self.line(line)?.fields();
        Some(match fields.status {
            status if !status.counts() => status,
            _ if fields.period_end.is_some_and(|end| day > end) => LineStatus::Ended,
            _ if day < fields.period_start => LineStatus::Planned,
            _ if self.in_hospital(day) || fields.schedule.pause_on(day).is_some() => LineStatus::Suspended,
            status => status,
        })
    }

    /// The line's visits starting in `[from, to)` that take place, without those on hospital days.
    pub fn occurrences(&self, line: EntryId, from: NaiveDateTime, to: NaiveDateTime) -> impl Iterator<Item = Occurrence> + '_ {
        self.planned(line, from, to)
            .filter(|(_, exception)| *exception != Some(Exception::Paused))
            .map(|(visit, _)| visit)
    }

    /// The line's visits starting in `[from, to)` with their exception (paused ones included),
    /// without those on hospital days.
    pub fn planned(&self, line: EntryId, from: NaiveDateTime, to: NaiveDateTime) -> impl Iterator<Item = (Occurrence, Option<Exception>)> + '_ {
        self.line(line)
            .into_iter()
            .flat_map(move |line| line.planned(from, to))
            .filter(move |(visit, _)| !self.in_hospital(visit.start.date()))
    }

    /// The day of the last review held, if any.
    pub fn last_review(&self) -> Option<NaiveDate> {
        self.0.reviews.iter().filter_map(|review| review.done).max()
    }

    /// The review the plan type's cadence calls for after the last one held (or after the
    /// start of the plan); `None` for cadences without a fixed interval and closed plans.
    pub fn next_scheduled_review(&self) -> Option<NaiveDate> {
        let since = self.last_review().unwrap_or(self.0.period_start).max(self.0.period_start);
        self.0.status.is_open().then(|| self.0.plan_type.review_cadence.next_after(since)).flatten()
    }

    /// Reviews not yet held, recorded or scheduled by the cadence, in due order.
    pub fn due_reviews(&self) -> Vec<Review> {
        let mut due: Vec<Review> = self.0.reviews.iter().filter(|r| r.done.is_none()).copied().collect();
        let scheduled_pending = due.iter().any(|r| r.reason == ReviewReason::Scheduled);
        if !scheduled_pending {
            due.extend(self.next_scheduled_review().map(|day| Review::due(day, ReviewReason::Scheduled)));
        }
        due.sort_by_key(|review| review.due);
        due
    }

    /// Reviews due before `today` and not held.
    pub fn overdue_reviews(&self, today: NaiveDate) -> Vec<Review> {
        self.due_reviews().into_iter().filter(|review| review.is_overdue(today)).collect()
    }

    /// Records that `event` calls for a review on `on` (a fall, caregiver exhaustion…).
    pub fn trigger_review(mut self, event: TriggerEvent, on: NaiveDate) -> Self {
        self.0.reviews.push(Review::due(on, ReviewReason::Event(event)));
        normalise(&mut self.0);
        self
    }

    /// Records that the review due on `due` for `reason` was held on `done`.
    pub fn review_held(mut self, due: NaiveDate, reason: ReviewReason, done: NaiveDate) -> Self {
        if let Some(review) = self.0.reviews.iter_mut().find(|r| r.due == due && r.reason == reason && r.done.is_none()) {
            review.done = Some(done);
        } else {
            self.0.reviews.push(Review { due, reason, done: Some(done) });
        }
        normalise(&mut self.0);
        self
    }

    /// Records an admission; refused when it overlaps a stay already known.
    pub fn admit(self, stay: HospitalEpisode) -> Result<Self, CarePlanError> {
        let mut draft = self.0;
        draft.hospital_episodes.push(stay);
        Self::new(draft)
    }

    /// Ends the stay under way on `on`, which schedules the return-home review that day.
    pub fn discharge(self, on: NaiveDate) -> Result<Self, CarePlanError> {
        let mut draft = self.0;
        let open = draft.hospital_episodes.iter_mut().find(|stay| stay.discharged().is_none()).ok_or(CarePlanError::NoOpenStay)?;
        *open = open.discharge(on)?;
        Self::new(draft)
    }
}
