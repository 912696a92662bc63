//! A service line as a FHIR `ServiceRequest`: the service type as its code, the provider as
//! the performer's display, the schedule as `occurrenceTiming` plus the exact RRULE, and the
//! payer and price in extensions.

use super::actors::patient_url;
use super::extension::{all, coding_in, concept, date, entry_id, first, optional_date, part};
use super::plan_systems::{CS_PAYER, CS_SERVICE_TYPE, EXT_PAYER, EXT_PRICE, EXT_SCHEDULE, EXT_TAX_CREDIT};
use super::systems::SYSTEM_ENTRY;
use super::timing::timing;
use crate::plan::{Cents, LineStatus, Payer, PayerKind, Price, ServiceLine, ServiceLineDraft, ServiceType};
use crate::recurrence::Schedule;
use crate::{EntryId, SubjectId};
use chrono::NaiveDateTime;
use serde_json::{json, Value};

const ICAL_LOCAL: &str = "%Y%m%dT%H%M%S";

pub fn line_url(id: EntryId) -> String {
    format!("urn:uuid:{id}")
}

fn status(status: LineStatus) -> &'static str {
    match status {
        LineStatus::Planned => "draft",
        LineStatus::Active => "active",
        LineStatus::Suspended => "on-hold",
        LineStatus::Ended => "completed",
    }
}

fn line_status(code: Option<&str>) -> Result<LineStatus, String> {
    match code {
        Some("draft") => Ok(LineStatus::Planned),
        Some("active") => Ok(LineStatus::Active),
        Some("on-hold") => Ok(LineStatus::Suspended),
        Some("completed" | "revoked") => Ok(LineStatus::Ended),
        other => Err(format!("statut de ServiceRequest non repris « {other:?} » / ServiceRequest status not mapped")),
    }
}

fn kind_code(kind: PayerKind) -> Value {
    serde_json::to_value(kind).unwrap_or_default()
}

fn schedule_extension(schedule: &Schedule) -> Value {
    let mut parts = vec![
        json!({ "url": "rrule", "valueString": schedule.rule().to_string() }),
        json!({ "url": "dtstart", "valueString": schedule.dtstart().format(ICAL_LOCAL).to_string() }),
    ];
    parts.extend(schedule.exdates().iter().map(|at| json!({ "url": "exdate", "valueString": at.format(ICAL_LOCAL).to_string() })));
    json!({ "url": EXT_SCHEDULE, "extension": parts })
}

fn price_extension(price: Price) -> Value {
    let (per, Cents(cents)) = match price {
        Price::Hour(amount) => ("hour", amount),
        Price::Visit(amount) => ("visit", amount),
    };
    json!({ "url": EXT_PRICE, "extension": [
        { "url": "per", "valueCode": per },
        { "url": "amount", "valueMoney": { "value": cents as f64 / 100.0, "currency": "EUR" } },
    ] })
}

pub fn service_request(line: &ServiceLine, subject: &SubjectId) -> Value {
    let fields = line.fields();
    let payer = &fields.payer;
    json!({
        "resourceType": "ServiceRequest",
        "id": fields.id.to_string(),
        "identifier": [{ "system": SYSTEM_ENTRY, "value": fields.id.to_string() }],
        "extension": [
            schedule_extension(&fields.schedule),
            { "url": EXT_PAYER, "extension": [
                { "url": "payer", "valueCoding": { "system": CS_PAYER, "code": payer.code, "display": payer.label_fr } },
                { "url": "kind", "valueCode": kind_code(payer.kind) },
            ] },
            price_extension(fields.price),
            { "url": EXT_TAX_CREDIT, "valueBoolean": fields.service.tax_credit_eligible },
        ],
        "status": status(fields.status),
        "intent": "order",
        "code": concept(CS_SERVICE_TYPE, &fields.service.code, &fields.service.label_fr),
        "subject": { "reference": patient_url(subject) },
        "occurrenceTiming": timing(line),
        "performer": [{ "display": fields.provider }],
    })
}

fn text<'a>(value: &'a Value, what: &str) -> Result<&'a str, String> {
    value.as_str().ok_or_else(|| format!("{what} absent / missing {what}"))
}

fn local(value: &Value) -> Result<NaiveDateTime, String> {
    let raw = text(value, "date iCalendar")?;
    NaiveDateTime::parse_from_str(raw, ICAL_LOCAL).map_err(|_| format!("date iCalendar invalide « {raw} » / invalid iCalendar date-time"))
}

fn read_schedule(resource: &Value) -> Result<Schedule, String> {
    let ext = first(resource, EXT_SCHEDULE).ok_or("règle de récurrence absente / no recurrence rule")?;
    let rule = text(&part(ext, "rrule").ok_or("RRULE absente / no RRULE")?["valueString"], "RRULE")?;
    let dtstart = local(&part(ext, "dtstart").ok_or("DTSTART absent / no DTSTART")?["valueString"])?;
    let exdates = all(ext, "exdate").map(|e| local(&e["valueString"])).collect::<Result<_, _>>()?;
    let repeat = &resource["occurrenceTiming"]["repeat"];
    let minutes = match (repeat["duration"].as_u64(), repeat["durationUnit"].as_str()) {
        (Some(minutes), Some("min")) => u16::try_from(minutes).map_err(|_| "durée trop longue / duration too long")?,
        _ => return Err("durée en minutes absente / no duration in minutes".to_owned()),
    };
    Schedule::new(dtstart, minutes, rule.parse().map_err(|e| format!("{e}"))?, exdates).map_err(|e| e.to_string())
}

fn read_payer(resource: &Value) -> Result<Payer, String> {
    let ext = first(resource, EXT_PAYER).ok_or("financeur absent / no payer")?;
    let coding = &part(ext, "payer").ok_or("financeur absent / no payer")?["valueCoding"];
    let kind = part(ext, "kind").map(|k| k["valueCode"].clone()).ok_or("type de financeur absent / no payer kind")?;
    Ok(Payer {
        code: text(&coding["code"], "code du financeur")?.to_owned(),
        label_fr: text(&coding["display"], "libellé du financeur")?.to_owned(),
        kind: serde_json::from_value(kind).map_err(|_| "type de financeur inconnu / unknown payer kind")?,
    })
}

fn read_price(resource: &Value) -> Result<Price, String> {
    let ext = first(resource, EXT_PRICE).ok_or("tarif absent / no price")?;
    let money = &part(ext, "amount").ok_or("montant absent / no amount")?["valueMoney"];
    if money["currency"] != "EUR" {
        return Err("tarif hors euros / price not in EUR".to_owned());
    }
    let cents = Cents((money["value"].as_f64().ok_or("montant absent / no amount")? * 100.0).round() as i64);
    match part(ext, "per").and_then(|p| p["valueCode"].as_str()) {
        Some("hour") => Ok(Price::Hour(cents)),
        Some("visit") => Ok(Price::Visit(cents)),
        _ => Err("unité de tarif inconnue / unknown price unit".to_owned()),
    }
}

fn read_service(resource: &Value) -> Result<ServiceType, String> {
    let coding = coding_in(&resource["code"], CS_SERVICE_TYPE).ok_or("type de service Relais absent / no Relais service type")?;
    let eligible = first(resource, EXT_TAX_CREDIT).and_then(|e| e["valueBoolean"].as_bool()).unwrap_or(false);
    Ok(ServiceType {
        code: text(&coding["code"], "code du service")?.to_owned(),
        label_fr: text(&coding["display"], "libellé du service")?.to_owned(),
        tax_credit_eligible: eligible,
    })
}

pub fn read_service_request(resource: &Value) -> Result<ServiceLine, String> {
    if resource["resourceType"] != "ServiceRequest" {
        return Err("une activité du plan n'est pas un ServiceRequest / a plan activity is not a ServiceRequest".to_owned());
    }
    let bounds = &resource["occurrenceTiming"]["repeat"]["boundsPeriod"];
    let draft = ServiceLineDraft {
        id: entry_id(resource)?,
        service: read_service(resource)?,
        provider: text(&resource["performer"][0]["display"], "intervenant")?.to_owned(),
        schedule: read_schedule(resource)?,
        period_start: date(&bounds["start"]).ok_or("début de période absent / no period start")?,
        period_end: optional_date(&bounds["end"])?,
        payer: read_payer(resource)?,
        price: read_price(resource)?,
        status: line_status(resource["status"].as_str())?,
    };
    ServiceLine::new(draft).map_err(|e| e.to_string())
}
