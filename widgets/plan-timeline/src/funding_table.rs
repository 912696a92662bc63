//! The month's funding as a table: passages, hours and cost per payer, the APA plan against
//! the cap for the person's GIR, and what the family pays after the 50 % tax credit. Every
//! figure comes from core's `month_funding`; the amounts are the year's rules, as data.

use crate::session::Session;
use leptos::prelude::*;
use relais_core::aggir::Gir;
use relais_core::plan::{hours_fr, month_funding, month_text, Cents, FundingRules, Household, Month};

/// "1 234,50 €".
pub fn euros_fr(amount: Cents) -> String {
    let (sign, cents) = if amount.0 < 0 { ("-", -amount.0) } else { ("", amount.0) };
    let units = (cents / 100).to_string();
    let grouped: Vec<String> = units.as_bytes().rchunks(3).rev().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    format!("{sign}{},{:02} €", grouped.join("\u{202f}"), cents % 100)
}

#[component]
pub fn FundingTable(session: Session) -> impl IntoView {
    let texts = session.texts;
    let family = session.config.with_value(crate::config::PlanConfig::is_family);
    let gir = move || session.plan.with(|p| p.as_ref().and_then(|p| p.fields().gir)).or(session.config.with_value(|c| c.gir));
    let set_gir = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse().ok().and_then(Gir::new);
        session.change(|draft| {
            draft.gir = chosen;
            Ok(())
        });
    };
    let month = move || Month::containing(session.anchor.get());
    let funding = move || {
        let gir = gir()?;
        let household = Household { gir, tax_credit_members: 0 };
        session.plan.with(|p| p.as_ref().map(|p| month_funding(p.lines(), month(), household, &FundingRules::french_defaults_2024())))
    };
    let table = move || {
        let Some(f) = funding() else { return view! { <p>{texts.gir_needed}</p> }.into_any() };
        let rows = f.costs.per_payer.iter().map(|p| view! {
            <tr><th scope="row">{p.payer.label_fr.clone()}</th><td>{p.totals.visits}</td><td>{hours_fr(p.totals.minutes)}</td><td>{euros_fr(p.totals.cost)}</td></tr>
        }).collect_view();
        let cap = f.apa.cap.map(euros_fr).unwrap_or_else(|| texts.no_cap.to_owned());
        let over = (f.apa.over_cap > Cents::ZERO).then(|| view! { <p class="flag">{texts.over_cap} " " {euros_fr(f.apa.over_cap)}</p> });
        view! {
            <table>
                <caption>{format!("{} — {}", texts.funding, month_text(texts.lang, month().first_day()))}</caption>
                <thead><tr><th scope="col">{texts.payer}</th><th scope="col">{texts.visits}</th><th scope="col">{texts.hours}</th><th scope="col">{texts.cost}</th></tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr><th scope="row">{texts.total}</th><td>{f.costs.total.visits}</td><td>{hours_fr(f.costs.total.minutes)}</td><td>{euros_fr(f.costs.total.cost)}</td></tr></tfoot>
            </table>
            <dl class="apa">
                <dt>{texts.apa_plan}</dt><dd>{euros_fr(f.apa.spent)}</dd>
                <dt>{format!("{} {}", texts.apa_cap, gir().map(|g| g.number()).unwrap_or_default())}</dt><dd>{cap}</dd>
                <dt>{texts.family_paid}</dt><dd>{euros_fr(f.family.paid)}</dd>
                <dt>{texts.tax_credit}</dt><dd>{euros_fr(f.family.tax_credit)}</dd>
                <dt>{texts.family_remaining}</dt><dd>{euros_fr(f.family.remaining)}</dd>
            </dl>
            {over}
        }.into_any()
    };
    view! {
        <section class="funding" aria-labelledby="funding-title">
            <h2 id="funding-title">{texts.funding}</h2>
            <label class="field"><span>{texts.gir}</span>
                <select on:change=set_gir disabled=family>
                    <option value="" selected=move || gir().is_none()>{texts.unknown}</option>
                    {(1..=6u8).map(|n| view! { <option value=n.to_string() selected=move || gir().map(|g| g.number()) == Some(n)>{format!("GIR {n}")}</option> }).collect_view()}
                </select>
            </label>
            {table}
        </section>
    }
}
