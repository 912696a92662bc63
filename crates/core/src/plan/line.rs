//! A service line of a plan: who does what, when, for how long, at what price, paid by whom.
//!
//! Validated on construction and on deserialisation, so the funding computations can trust
//! every line they are given.

use super::catalogue::{Payer, ServiceType};
use super::error::{PlanError, PROVIDER_MAX_LEN};
use super::money::Cents;
use crate::id::EntryId;
use crate::recurrence::{Exception, Occurrence, Schedule};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// How a line is priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "per", content = "cents")]
pub enum Price {
    /// Help at home, nursing time: the rate for one hour, prorated to the minute.
    Hour(Cents),
    /// A meal, a day-care day, a téléassistance month: the price of one occurrence.
    Visit(Cents),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineStatus {
    Planned,
    Active,
    /// E.g. during a hospital stay: nothing happens, nothing is paid.
    Suspended,
    Ended,
}

impl LineStatus {
    pub fn label_fr(self) -> &'static str {
        match self {
            LineStatus::Planned => "Prévu",
            LineStatus::Active => "En cours",
            LineStatus::Suspended => "Suspendu",
            LineStatus::Ended => "Terminé",
        }
    }

    /// Planned and active lines make up the plan; suspended and ended ones count for nothing.
    pub fn counts(self) -> bool {
        matches!(self, LineStatus::Planned | LineStatus::Active)
    }
}

/// The fields of a line before validation, also its wire form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceLineDraft {
    pub id: EntryId,
    pub service: ServiceType,
    pub provider: String,
    pub schedule: Schedule,
    pub period_start: NaiveDate,
    /// Inclusive; `None` while the line has no planned end.
    pub period_end: Option<NaiveDate>,
    pub payer: Payer,
    pub price: Price,
    pub status: LineStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ServiceLineDraft", into = "ServiceLineDraft")]
pub struct ServiceLine(ServiceLineDraft);

impl TryFrom<ServiceLineDraft> for ServiceLine {
    type Error = PlanError;
    fn try_from(draft: ServiceLineDraft) -> Result<Self, Self::Error> {
        ServiceLine::new(draft)
    }
}

impl From<ServiceLine> for ServiceLineDraft {
    fn from(line: ServiceLine) -> Self {
        line.0
    }
}

impl ServiceLine {
    pub fn new(mut draft: ServiceLineDraft) -> Result<Self, PlanError> {
        draft.provider = draft.provider.trim().to_owned();
        if draft.provider.is_empty() {
            return Err(PlanError::EmptyProvider);
        }
        if draft.provider.chars().count() > PROVIDER_MAX_LEN {
            return Err(PlanError::ProviderTooLong);
        }
        if blank(&draft.service.code) || blank(&draft.service.label_fr) {
            return Err(PlanError::BlankServiceType);
        }
        if blank(&draft.payer.code) || blank(&draft.payer.label_fr) {
            return Err(PlanError::BlankPayer);
        }
        if draft.period_end.is_some_and(|end| end < draft.period_start) {
            return Err(PlanError::PeriodEndsBeforeStart);
        }
        if matches!(draft.price, Price::Hour(c) | Price::Visit(c) if c < Cents::ZERO) {
            return Err(PlanError::NegativePrice);
        }
        Ok(Self(draft))
    }

    pub fn fields(&self) -> &ServiceLineDraft {
        &self.0
    }

    pub fn id(&self) -> EntryId {
        self.0.id
    }

    pub fn payer(&self) -> &Payer {
        &self.0.payer
    }

    pub fn service(&self) -> &ServiceType {
        &self.0.service
    }

    /// The visits starting in `[from, to)` that the line's period and status let happen, with
    /// their exception; paused ones included, marked.
    pub fn planned(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> impl Iterator<Item = (Occurrence, Option<Exception>)> + '_ {
        let period_start = self.0.period_start.and_time(NaiveTime::MIN);
        let period_end = self
            .0
            .period_end
            .and_then(|end| end.succ_opt())
            .map(|next| next.and_time(NaiveTime::MIN));
        let to = period_end.map_or(to, |end| end.min(to));
        let counted = self
            .0
            .status
            .counts()
            .then(|| self.0.schedule.planned(from.max(period_start), to));
        counted.into_iter().flatten()
    }

    /// The visits starting in `[from, to)` that take place: moved ones where they now are,
    /// paused ones left out.
    pub fn occurrences(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> impl Iterator<Item = Occurrence> + '_ {
        self.planned(from, to)
            .filter(|(_, exception)| *exception != Some(Exception::Paused))
            .map(|(visit, _)| visit)
    }

    /// Planned minutes and cost of the visits starting in `[from, to)`.
    pub fn totals(&self, from: NaiveDateTime, to: NaiveDateTime) -> LineTotals {
        let (visits, minutes) = self
            .occurrences(from, to)
            .fold((0, 0), |(n, m), o| (n + 1, m + o.minutes()));
        let cost = match self.0.price {
            Price::Hour(rate) => rate.per_hour_for(minutes),
            Price::Visit(price) => Cents(price.0 * visits),
        };
        LineTotals {
            visits,
            minutes,
            cost,
        }
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// What one line amounts to over a window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineTotals {
    pub visits: i64,
    pub minutes: i64,
    pub cost: Cents,
}
