//! The lanes: one row per service line, grouped by provider, one column per day (or per month
//! for the whole plan), with today, hospital days and reviews marked in words as well as
//! colour. Only the window's visits exist in the page.
//!
//! Keyboard: one visit is in the tab order; arrows move along a lane (←/→) and between lanes
//! (↑/↓, to the visit nearest in time), Home/End go to a lane's ends, Enter opens the visit.

use crate::session::Session;
use crate::toolbar::current_window;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use relais_core::plan::{agenda, lanes, month_counts, month_text, months_of, Done, Plan, Span, Visit, Window};
use wasm_bindgen::JsCast;

/// A visit's place: lane number (across providers) and index in the lane.
type Key = (usize, usize);

/// What the lanes show, computed once per window.
struct Layout {
    columns: Vec<Column>,
    groups: Vec<(String, Vec<LaneRow>)>,
}

struct Column {
    label: String,
    day: Option<NaiveDate>,
    today: bool,
    hospital: bool,
    review: bool,
}

struct LaneRow {
    title: String,
    /// Per column: the visits (with their spoken text) or, for months, a count.
    cells: Vec<Cell>,
}

/// A visit in a lane: what it is, its spoken text, its index in the lane, and whether a
/// passage was recorded for it.
struct Shown {
    visit: Visit,
    spoken: String,
    index: usize,
    done: bool,
}

enum Cell {
    Visits(Vec<Shown>),
    Count(usize),
}

fn layout(session: &Session, plan: &Plan, span: Span, window: Window) -> Layout {
    let texts = session.texts;
    let reviews: Vec<NaiveDate> = plan.due_reviews().iter().map(|r| r.due).collect();
    let columns: Vec<Column> = match span {
        Span::Whole => months_of(window)
            .map(|m| Column { label: month_text(texts.lang, m), day: None, today: false, hospital: false, review: false })
            .collect(),
        _ => window
            .days()
            .map(|day| Column {
                label: format!("{} {}", texts.weekday_short[day.weekday().num_days_from_monday() as usize], day.day()),
                day: Some(day),
                today: day == session.today,
                hospital: plan.in_hospital(day),
                review: reviews.contains(&day),
            })
            .collect(),
    };
    let spoken: std::collections::HashMap<Visit, String> = match span {
        Span::Whole => Default::default(),
        _ => agenda(texts.lang, plan, window).into_iter().map(|line| (line.visit, line.text)).collect(),
    };
    let done = match span {
        Span::Whole => Done::default(),
        _ => session.passages.with(|passages| Done::match_passages(plan, window, passages)),
    };
    // The whole plan is counted per month, never expanded into lanes of visits.
    let lane_window = match span {
        Span::Whole => Window { from: window.from, to: window.from },
        _ => window,
    };
    let groups = lanes(plan, lane_window, window.focus(session.today))
        .into_iter()
        .map(|group| {
            let rows = group
                .lanes
                .iter()
                .map(|lane| LaneRow {
                    title: format!("{} — {} ({})", lane.line.service().label(texts.lang), group.provider, texts.line_status(lane.status)),
                    cells: match span {
                        Span::Whole => month_counts(plan, lane.line.id(), window).into_iter().map(Cell::Count).collect(),
                        _ => columns
                            .iter()
                            .map(|c| {
                                let visits = lane.visits.iter().enumerate().filter(|(_, v)| Some(v.start.date()) == c.day);
                                Cell::Visits(
                                    visits
                                        .map(|(index, v)| {
                                            let done = done.contains(v);
                                            let spoken = spoken.get(v).cloned().unwrap_or_default();
                                            let spoken = if done { format!("{spoken}, {}", texts.done_visit) } else { spoken };
                                            Shown { visit: *v, spoken, index, done }
                                        })
                                        .collect(),
                                )
                            })
                            .collect(),
                    },
                })
                .collect();
            (group.provider.to_owned(), rows)
        })
        .collect();
    Layout { columns, groups }
}

#[component]
pub fn LanesView(session: Session) -> impl IntoView {
    let texts = session.texts;
    let focused = RwSignal::new((0usize, 0usize));
    // Recomputed when read: a window's layout is cheap, and it holds no `PartialEq` for a memo.
    let built = Signal::derive(move || {
        let span = session.display.get().span;
        let window = current_window(&session)?;
        session.plan.with(|plan| plan.as_ref().map(|plan| std::sync::Arc::new(layout(&session, plan, span, window))))
    });
    let keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let (Some(lane), Some(index)) = (data(&target, "data-lane"), data(&target, "data-index")) else { return };
        let Some(next) = built.with_untracked(|l| l.as_ref().and_then(|l| move_from(l, (lane, index), &ev.key()))) else {
            return;
        };
        ev.prevent_default();
        focused.set(next);
        if let Some(root) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let selector = format!("[data-lane=\"{}\"][data-index=\"{}\"]", next.0, next.1);
            if let Some(button) = root.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = button.focus();
            }
        }
    };
    view! {
        <div class="lanes" role="region" aria-label=texts.timeline on:keydown=keydown>
            <p class="hint">{texts.keyboard_hint}</p>
            {move || built.get().map(|layout| render(&session, &layout, focused))}
        </div>
    }
}

fn data(element: &web_sys::Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// Every lane's visits in order, to move between them.
fn lane_visits(layout: &Layout) -> Vec<Vec<Visit>> {
    layout
        .groups
        .iter()
        .flat_map(|(_, rows)| rows)
        .map(|row| {
            row.cells
                .iter()
                .flat_map(|cell| match cell {
                    Cell::Visits(visits) => visits.iter().map(|shown| shown.visit).collect(),
                    Cell::Count(_) => Vec::new(),
                })
                .collect()
        })
        .collect()
}

fn move_from(layout: &Layout, (lane, index): Key, key: &str) -> Option<Key> {
    let all = lane_visits(layout);
    let current = all.get(lane)?.get(index)?;
    let nearest = |target: usize| -> Option<Key> {
        let visits = all.get(target)?;
        let i = visits.iter().position(|v| v.start >= current.start).unwrap_or(visits.len().checked_sub(1)?);
        Some((target, i))
    };
    let lanes_with_visits = |range: Box<dyn Iterator<Item = usize>>| range.filter_map(nearest).next();
    match key {
        "ArrowRight" => (index + 1 < all[lane].len()).then_some((lane, index + 1)),
        "ArrowLeft" => index.checked_sub(1).map(|i| (lane, i)),
        "Home" => Some((lane, 0)),
        "End" => Some((lane, all[lane].len() - 1)),
        "ArrowDown" => lanes_with_visits(Box::new(lane + 1..all.len())),
        "ArrowUp" => lanes_with_visits(Box::new((0..lane).rev())),
        _ => None,
    }
}

fn render(session: &Session, layout: &Layout, focused: RwSignal<Key>) -> impl IntoView {
    let texts = session.texts;
    let header = layout
        .columns
        .iter()
        .map(|c| {
            let class = format!("day{}{}", if c.today { " today" } else { "" }, if c.hospital { " hospital" } else { "" });
            let marks = [(c.today, texts.today_mark), (c.hospital, texts.hospital_mark), (c.review, texts.review_mark)];
            view! {
                <div class=class role="columnheader">
                    {c.label.clone()}
                    {marks.into_iter().filter(|(on, _)| *on).map(|(_, mark)| view! { <span class="mark">{mark}</span> }).collect_view()}
                </div>
            }
        })
        .collect_view();
    let all = std::sync::Arc::new(lane_visits(layout));
    let first = all.iter().position(|visits| !visits.is_empty()).map(|lane| (lane, 0));
    let exists = move |(lane, index): Key| all.get(lane).is_some_and(|visits| index < visits.len());
    let tabbable = move |key: Key| {
        let current = focused.get();
        Some(key) == if exists(current) { Some(current) } else { first }
    };
    let mut lane_number = 0;
    let groups = layout
        .groups
        .iter()
        .map(|(provider, rows)| {
            let rows = rows
                .iter()
                .map(|row| {
                    let lane = lane_number;
                    lane_number += 1;
                    let cells = row
                        .cells
                        .iter()
                        .zip(&layout.columns)
                        .map(|(cell, column)| cell_view(session, cell, column, lane, tabbable.clone(), focused))
                        .collect_view();
                    view! {
                        <div class="lane" role="row">
                            <div class="lane-title" role="rowheader">{row.title.clone()}</div>
                            {cells}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class="provider" role="rowgroup" aria-label=provider.clone()>
                    <div class="lane provider-row" role="row">
                        <div class="provider-name" role="rowheader">{provider.clone()}</div>
                    </div>
                    {rows}
                </div>
            }
        })
        .collect_view();
    let empty = layout.groups.is_empty().then_some(view! { <p>{texts.no_lines}</p> });
    view! {
        <div class="grid" role="table" aria-label=texts.timeline>
            <div class="lane header" role="row">
                <div class="lane-title" role="columnheader">{texts.service_line}</div>
                {header}
            </div>
            {groups}
        </div>
        {empty}
    }
}

fn cell_view(
    session: &Session,
    cell: &Cell,
    column: &Column,
    lane: usize,
    tabbable: impl Fn(Key) -> bool + Clone + Send + Sync + 'static,
    focused: RwSignal<Key>,
) -> impl IntoView {
    let class = format!("cell{}{}", if column.today { " today" } else { "" }, if column.hospital { " hospital" } else { "" });
    let texts = session.texts;
    let open_visit = session.open_visit;
    let content = match cell {
        Cell::Count(0) => ().into_any(),
        Cell::Count(n) => view! {
            <span class="count" aria-label=format!("{} : {n} {}", column.label, texts.visits)>{n.to_string()}</span>
        }
        .into_any(),
        Cell::Visits(visits) => visits
            .iter()
            .map(|Shown { visit, spoken, index, done }| {
                let (visit, index, tabbable) = (*visit, *index, tabbable.clone());
                let time = format!("{}:{:02}", chrono::Timelike::hour(&visit.start), chrono::Timelike::minute(&visit.start));
                // The mark is a character, not a colour: « ✓ » beside the time, « fait » spoken.
                let time = if *done { format!("{time} ✓") } else { time };
                view! {
                    <button type="button" class="visit" class:done=*done aria-label=spoken.clone()
                        data-lane=lane.to_string() data-index=index.to_string()
                        tabindex=move || if tabbable((lane, index)) { "0" } else { "-1" }
                        on:click=move |_| {
                            focused.set((lane, index));
                            open_visit.set(Some(visit));
                        }>{time}</button>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! { <div class=class role="cell">{content}</div> }
}
