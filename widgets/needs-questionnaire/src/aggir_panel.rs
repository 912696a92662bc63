//! What the AGGIR grid adds to a plain form: the live code next to each activity and
//! variable, and the GIR with why (deciding group, score, threshold, weighted variables), a
//! warning when one change would cross the GIR 4/5 line, and the reminder that illustrative
//! variables do not count (the grid's own note says it again in their group).
//!
//! Every figure comes from core's `AggirForm`; nothing here codes or combines anything.

use crate::session::Session;
use crate::texts::{Lang, Texts};
use leptos::prelude::*;
use relais_core::aggir::{Code, Explanation, Variable};
use relais_core::questionnaire::aggir_form::AggirForm;
use relais_core::questionnaire::aggir_items::{variable_group_link_id, GridActivity};

/// What a group's legend codes: a whole variable (which may be a single activity) or one
/// activity of a composite variable or of the illustrative ones.
#[derive(Clone, Copy)]
enum Coded {
    Variable(Variable),
    Activity(GridActivity),
}

fn coded(link_id: &str) -> Option<Coded> {
    let variable = Variable::ALL.into_iter().find(|v| variable_group_link_id(*v) == link_id);
    let activity = || {
        GridActivity::discriminant()
            .chain(GridActivity::illustrative())
            .find(|a| a.link_id() == link_id)
    };
    variable.map(Coded::Variable).or_else(|| activity().map(Coded::Activity))
}

fn code_of(aggir: &AggirForm, coded: Coded) -> Option<Code> {
    match coded {
        Coded::Variable(variable) => aggir.variable_code(variable),
        Coded::Activity(activity) => aggir.code(activity),
    }
}

/// The live A/B/C code in an activity's or variable's legend; nothing for other groups.
#[component]
pub fn ActivityCode(session: Session, link_id: String) -> impl IntoView {
    let is_aggir = session.sheet.with_untracked(|s| s.aggir().is_some());
    let coded = coded(&link_id).filter(|_| is_aggir)?;
    let code = Memo::new(move |_| session.sheet.with(|s| s.aggir().and_then(|a| code_of(a, coded))));
    let texts = session.texts;
    Some(view! {
        <span class="code" data-code=move || code.get().map(|c| c.letter().to_string())>
            {move || format!(" — {} : {}", texts.code, code.get().map_or('…', Code::letter))}
        </span>
    })
}

/// The result box: the ten variable codes, the GIR and its explanation.
#[component]
pub fn AggirPanel(session: Session) -> impl IntoView {
    let texts = session.texts;
    let lang = session.lang;
    let explanation = Memo::new(move |_| session.sheet.with(|s| s.aggir().and_then(AggirForm::explanation)));
    let codes = Memo::new(move |_| {
        session.sheet.with(|s| {
            Variable::ALL.map(|v| s.aggir().and_then(|a| a.variable_code(v)))
        })
    });
    let code_list = move || {
        Variable::ALL
            .into_iter()
            .zip(codes.get())
            .map(|(variable, code)| {
                let letter = code.map_or('…', Code::letter);
                view! { <li data-variable=variable.id()>{format!("{} : {letter}", label(variable, lang))}</li> }
            })
            .collect_view()
    };
    view! {
        <section class="aggir-result" aria-labelledby=format!("nq{}-result", session.mount)>
            <h2 id=format!("nq{}-result", session.mount)>{texts.result_title}</h2>
            <p class="gir" role="status">
                {move || explanation.with(|e| e.as_ref().map_or(texts.gir_incomplete.to_owned(), |e| format!("GIR {}", e.gir.number())))}
            </p>
            {move || explanation.get().map(|e| explain(&e, texts, lang))}
            <ul class="variable-codes">{code_list}</ul>
            <p class="note">{texts.illustrative_note}</p>
        </section>
    }
}

fn label(variable: Variable, lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => variable.label_fr(),
        Lang::En => variable.label_en(),
    }
}

fn explain(explanation: &Explanation, texts: &'static Texts, lang: Lang) -> impl IntoView {
    let reached = match explanation.threshold {
        Some(threshold) => format!("{} ≥ {} {threshold}", explanation.score, texts.threshold),
        None => format!("{} {}", explanation.score, texts.below_all),
    };
    let summary = format!(
        "{} {:?}, {} {reached}, {} {}",
        texts.group, explanation.group, texts.score, texts.rank, explanation.rank.number()
    );
    let contributions = explanation
        .contributions
        .iter()
        .map(|c| view! { <li>{format!("{} {} : {}", label(c.variable, lang), c.code.letter(), c.weight)}</li> })
        .collect_view();
    let crossings = (!explanation.apa_crossings.is_empty()).then(|| {
        let items = explanation
            .apa_crossings
            .iter()
            .map(|c| {
                let text = format!(
                    "{} {} → {} {} {}",
                    label(c.variable, lang), c.from.letter(), c.to.letter(), texts.would_give, c.gir.number()
                );
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! {
            <div class="apa-warning" role="note">
                <p>{texts.apa_warning}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        <p class="explanation">{summary}</p>
        <p>{texts.deciding}</p>
        <ul class="contributions">{contributions}</ul>
        {crossings}
    }
}
