//! Adding, changing and ending a service line with simple choices (service, provider, "du
//! lundi au vendredi à 8:00", duration, start, end, payer, rate, goals served), and declaring a
//! hospital stay and the return home. Core validates; a refusal is shown and the form keeps
//! what was typed.

use crate::device;
use crate::line_pauses::LinePauses;
use crate::session::Session;
use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;
use relais_core::plan::{
    Cents, HospitalEpisode, LineStatus, Payer, Price, RecurrenceChoice, ServiceLine, ServiceLineDraft, ServiceType,
};
use relais_core::EntryId;

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// "24,50" or "24.50" euros as cents.
fn euros(text: &str) -> Option<Cents> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    (value.is_finite() && value >= 0.0).then(|| Cents((value * 100.0).round() as i64))
}

#[derive(Clone, Copy)]
struct LineFields {
    service: RwSignal<String>,
    provider: RwSignal<String>,
    rhythm: RwSignal<String>,
    time: RwSignal<String>,
    minutes: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    payer: RwSignal<String>,
    rate: RwSignal<String>,
    goals: RwSignal<Vec<EntryId>>,
    /// The line being edited as loaded, with the rhythm fields it showed: saving with those
    /// unchanged keeps its schedule as it is, cancelled, moved and paused visits included.
    loaded: StoredValue<Option<([String; 4], ServiceLine)>>,
}

impl LineFields {
    fn new(today: NaiveDate) -> Self {
        Self {
            service: RwSignal::new("aide-a-domicile".into()),
            provider: RwSignal::new(String::new()),
            rhythm: RwSignal::new(RecurrenceChoice::Weekdays.code()),
            time: RwSignal::new("08:00".into()),
            minutes: RwSignal::new("60".into()),
            start: RwSignal::new(today.to_string()),
            end: RwSignal::new(String::new()),
            payer: RwSignal::new("apa".into()),
            rate: RwSignal::new("24,50".into()),
            goals: RwSignal::new(Vec::new()),
            loaded: StoredValue::new(None),
        }
    }

    fn rhythm_fields(&self) -> [String; 4] {
        [self.rhythm.get_untracked(), self.time.get_untracked(), self.minutes.get_untracked(), self.start.get_untracked()]
    }

    fn load(&self, line: &ServiceLine, goals: Vec<EntryId>) {
        let f = line.fields();
        self.service.set(f.service.code.clone());
        self.provider.set(f.provider.clone());
        self.time.set(f.schedule.dtstart().time().format("%H:%M").to_string());
        self.minutes.set(f.schedule.duration_minutes().to_string());
        self.start.set(f.period_start.to_string());
        self.end.set(f.period_end.map(|d| d.to_string()).unwrap_or_default());
        self.payer.set(f.payer.code.clone());
        let (Price::Hour(c) | Price::Visit(c)) = f.price;
        self.rate.set(format!("{:.2}", c.0 as f64 / 100.0).replace('.', ","));
        self.goals.set(goals);
        self.loaded.set_value(Some((self.rhythm_fields(), line.clone())));
    }

    /// The line these fields describe, or what is wrong with them, in the form's language.
    fn line(&self, session: &Session, id: EntryId) -> Result<ServiceLine, String> {
        let texts = session.texts;
        let service = ServiceType::french_defaults().into_iter().find(|s| s.code == self.service.get_untracked()).ok_or(texts.bad_service)?;
        let payer = Payer::french_defaults().into_iter().find(|p| p.code == self.payer.get_untracked()).ok_or(texts.bad_payer)?;
        let rhythm = RecurrenceChoice::from_code(&self.rhythm.get_untracked()).ok_or(texts.bad_rhythm)?;
        let at = NaiveTime::parse_from_str(&self.time.get_untracked(), "%H:%M").map_err(|_| texts.bad_time)?;
        let minutes: u16 = self.minutes.get_untracked().trim().parse().map_err(|_| texts.bad_minutes)?;
        let start = date(&self.start.get_untracked()).ok_or(texts.bad_start)?;
        let end = match self.end.get_untracked().trim() {
            "" => None,
            text => Some(date(text).ok_or(texts.bad_end)?),
        };
        let rate = euros(&self.rate.get_untracked()).ok_or(texts.bad_rate)?;
        let kept = self.loaded.with_value(|loaded| match loaded {
            Some((fields, line)) if line.id() == id && *fields == self.rhythm_fields() => Some(line.fields().clone()),
            _ => None,
        });
        let schedule = match &kept {
            Some(line) => line.schedule.clone(),
            None => rhythm.schedule(start, at, minutes, None).map_err(|e| e.to_string())?,
        };
        let price = if service.code == "portage-de-repas" || service.code == "teleassistance" { Price::Visit(rate) } else { Price::Hour(rate) };
        ServiceLine::new(ServiceLineDraft {
            id,
            service,
            provider: self.provider.get_untracked(),
            schedule,
            period_start: start,
            period_end: end,
            payer,
            price,
            status: kept.map_or(LineStatus::Active, |line| line.status),
        })
        .map_err(|e| e.to_string())
    }
}

/// A labelled control: every control has an accessible name.
fn field(label: &'static str, control: impl IntoView) -> impl IntoView {
    view! { <label class="field"><span>{label}</span>{control}</label> }
}

fn options(choices: Vec<(String, String)>, selected: RwSignal<String>) -> impl IntoView {
    choices
        .into_iter()
        .map(|(code, label)| {
            let value = code.clone();
            view! { <option value=code selected=move || selected.get() == value>{label}</option> }
        })
        .collect_view()
}

#[component]
pub fn LineForm(session: Session) -> impl IntoView {
    let texts = session.texts;
    let fields = LineFields::new(session.today);
    Effect::new(move |_| {
        let Some(id) = session.editing.get() else { return };
        session.plan.with_untracked(|plan| {
            let Some(plan) = plan else { return };
            if let Some(line) = plan.line(id) {
                let goals = plan.goals().iter().filter(|g| g.served_by().contains(&id)).map(|g| g.id()).collect();
                fields.load(line, goals);
            }
        });
    });
    Effect::new(move |_| {
        let Some((service, goal)) = session.line_draft.get() else { return };
        session.editing.set(None);
        fields.service.set(service);
        fields.goals.set(vec![goal]);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = session.editing.get_untracked().unwrap_or_else(device::new_id);
        let line = match fields.line(&session, id) {
            Ok(line) => line,
            Err(reason) => return session.error.set(Some(format!("{} {reason}", texts.refused))),
        };
        let linked = fields.goals.get_untracked();
        let saved = session.change(|draft| {
            match draft.lines.iter_mut().find(|l| l.id() == id) {
                Some(existing) => *existing = line,
                None => draft.lines.push(line),
            }
            // Only goals whose link changes are touched: a synced edit of a line must not
            // rewrite (and risk conflicting on) goals it leaves as they were.
            for goal in draft.goals.iter_mut().filter(|g| g.served_by().contains(&id) != linked.contains(&g.id())) {
                let mut g = goal.fields().clone();
                if linked.contains(&g.id) {
                    g.served_by.push(id);
                } else {
                    g.served_by.retain(|l| *l != id);
                }
                *goal = relais_core::plan::Goal::new(g).map_err(|e| e.to_string())?;
            }
            Ok(())
        });
        if saved {
            session.editing.set(None);
            session.line_draft.set(None);
            fields.provider.set(String::new());
            fields.goals.set(Vec::new());
        }
    };
    let end_line = move |_| {
        let Some(id) = session.editing.get_untracked() else { return };
        let today = session.today;
        if session.change(|draft| {
            let line = draft.lines.iter_mut().find(|l| l.id() == id).ok_or(texts.unknown_line)?;
            let mut f = line.fields().clone();
            f.period_end = Some(today.max(f.period_start));
            *line = ServiceLine::new(f).map_err(|e| e.to_string())?;
            Ok(())
        }) {
            session.editing.set(None);
        }
    };
    let services = ServiceType::french_defaults().into_iter().map(|s| (s.code, s.label_fr)).collect();
    let payers = Payer::french_defaults().into_iter().map(|p| (p.code, p.label_fr)).collect();
    let rhythms = RecurrenceChoice::all().into_iter().map(|c| (c.code(), c.label_fr())).collect();
    let line_choices = move || {
        session.plan.with(|p| {
            p.as_ref()
                .map(|p| p.lines().iter().map(|l| (l.id(), format!("{} — {}", l.service().label_fr, l.fields().provider))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let goal_boxes = move || {
        session.plan.with(|p| p.as_ref().map(|p| p.goals().to_vec()).unwrap_or_default()).into_iter().map(|goal| {
            let id = goal.id();
            view! {
                <label class="option">
                    <input type="checkbox" prop:checked=move || fields.goals.with(|g| g.contains(&id))
                        on:change=move |_| fields.goals.update(|g| if g.contains(&id) { g.retain(|x| *x != id) } else { g.push(id) }) />
                    {goal.fields().title.clone()}
                </label>
            }
        }).collect_view()
    };
    view! {
        <form class="line-form" on:submit=submit aria-labelledby="line-form-title">
            <h2 id="line-form-title">{move || if session.editing.get().is_some() { texts.edit_line } else { texts.add_line }}</h2>
            {field(texts.line_to_edit, view! {
                <select on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    session.editing.set(line_choices().into_iter().map(|(id, _)| id).find(|id| id.to_string() == chosen));
                }>
                    <option value="" selected=move || session.editing.get().is_none()>{texts.new_line}</option>
                    {move || line_choices().into_iter().map(|(id, label)| view! {
                        <option value=id.to_string() selected=move || session.editing.get() == Some(id)>{label}</option>
                    }).collect_view()}
                </select>
            })}
            {field(texts.service, view! { <select on:change=move |ev| fields.service.set(event_target_value(&ev))>{options(services, fields.service)}</select> })}
            {field(texts.provider, view! { <input type="text" required bind:value=fields.provider /> })}
            {field(texts.rhythm, view! { <select on:change=move |ev| fields.rhythm.set(event_target_value(&ev))>{options(rhythms, fields.rhythm)}</select> })}
            {field(texts.time, view! { <input type="time" bind:value=fields.time /> })}
            {field(texts.minutes, view! { <input type="number" min="5" max="1440" step="5" bind:value=fields.minutes /> })}
            {field(texts.start, view! { <input type="date" bind:value=fields.start /> })}
            {field(texts.end_optional, view! { <input type="date" bind:value=fields.end /> })}
            {field(texts.payer, view! { <select on:change=move |ev| fields.payer.set(event_target_value(&ev))>{options(payers, fields.payer)}</select> })}
            {field(texts.rate, view! { <input type="text" inputmode="decimal" bind:value=fields.rate /> })}
            <fieldset><legend>{texts.goals_served}</legend>{goal_boxes}</fieldset>
            <button type="submit" class="primary">{move || if session.editing.get().is_some() { texts.save_line } else { texts.add_line }}</button>
            {move || session.editing.get().map(|_| view! { <button type="button" on:click=end_line>{texts.end_line}</button> })}
        </form>
        <LinePauses session=session />
    }
}

#[component]
pub fn HospitalForm(session: Session) -> impl IntoView {
    let texts = session.texts;
    let admitted = RwSignal::new(session.today.to_string());
    let reason = RwSignal::new(String::new());
    let discharged = RwSignal::new(session.today.to_string());
    let open_stay = move || session.plan.with(|p| p.as_ref().is_some_and(|p| p.hospital_episodes().iter().any(|s| s.discharged().is_none())));
    let admit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = date(&admitted.get_untracked()) else { return session.error.set(Some(texts.bad_start.to_owned())) };
        let reason = reason.get_untracked();
        session.replace(|plan| plan.admit(HospitalEpisode::new(day, None, &reason).map_err(|e| e.to_string())?).map_err(|e| e.to_string()));
    };
    let discharge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = date(&discharged.get_untracked()) else { return session.error.set(Some(texts.bad_end.to_owned())) };
        session.replace(|plan| plan.discharge(day).map_err(|e| e.to_string()));
    };
    let stays = move || {
        session.plan.with(|p| p.as_ref().map(|p| p.hospital_episodes().to_vec()).unwrap_or_default()).into_iter().map(|stay| {
            let until = stay.discharged().map(|d| format!(" → {}", relais_core::plan::day_text(texts.lang, d))).unwrap_or_else(|| format!(" ({})", texts.in_progress));
            view! { <li>{format!("{}{until} — {}", relais_core::plan::day_text(texts.lang, stay.admitted()), stay.reason())}</li> }
        }).collect_view()
    };
    view! {
        <section class="hospital" aria-labelledby="hospital-title">
            <h2 id="hospital-title">{texts.hospital}</h2>
            <ul>{stays}</ul>
            {move || if open_stay() {
                view! {
                    <form on:submit=discharge>
                        {field(texts.discharge_day, view! { <input type="date" bind:value=discharged /> })}
                        <button type="submit" class="primary">{texts.discharge}</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <form on:submit=admit>
                        {field(texts.admission_day, view! { <input type="date" bind:value=admitted /> })}
                        {field(texts.stay_reason, view! { <input type="text" bind:value=reason /> })}
                        <button type="submit" class="primary">{texts.admit}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
