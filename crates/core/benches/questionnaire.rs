//! How long visibility takes to settle after one answer in a 300-item questionnaire.
//!
//! A UI re-renders after every keystroke or click, so this must stay far below a millisecond
//! even when one answer hides or shows most of the form.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use relais_core::questionnaire::{load, AnswerValue, Form};
use serde_json::{json, Value};

const GROUPS: usize = 25;

/// 25 groups of 11 questions (300 items). Each group opens when the previous group's screening
/// question is answered yes; inside, questions follow the screening answer and an integer
/// score, the way an evaluation grid drills down.
fn questionnaire() -> String {
    let groups: Vec<Value> = (0..GROUPS).map(group).collect();
    json!({
        "resourceType": "Questionnaire",
        "url": "http://relais.example/fhir/Questionnaire/bench",
        "status": "active",
        "item": groups
    })
    .to_string()
}

fn group(g: usize) -> Value {
    let screening = format!("s{g}");
    let score = format!("n{g}");
    let mut items = vec![
        json!({"linkId": screening, "type": "boolean", "text": "Difficulté ?"}),
        json!({"linkId": score, "type": "integer", "text": "Intensité (0-10)",
               "enableWhen": [{"question": screening, "operator": "=", "answerBoolean": true}]}),
    ];
    for k in 0..9 {
        let mut item = json!({"linkId": format!("q{g}-{k}"), "type": "string", "text": "Précisions"});
        item["enableBehavior"] = json!(if k % 2 == 0 { "all" } else { "any" });
        item["enableWhen"] = json!([
            {"question": score, "operator": ">=", "answerInteger": k},
            {"question": screening, "operator": "=", "answerBoolean": true}
        ]);
        items.push(item);
    }
    let mut group = json!({"linkId": format!("g{g}"), "type": "group", "text": "Dimension", "item": items});
    if g > 0 {
        group["enableWhen"] = json!([{"question": format!("s{}", g - 1), "operator": "=", "answerBoolean": true}]);
    }
    group
}

fn filled_form() -> Form {
    let loaded = load(&questionnaire()).expect("the bench questionnaire loads");
    assert_eq!(loaded.questionnaire.summary().items, 300);
    let mut form = Form::new(loaded.questionnaire);
    for g in 0..GROUPS {
        form.set(&format!("s{g}"), 0, vec![AnswerValue::Boolean(true)])
            .expect("screening answer");
        form.set(&format!("n{g}"), 0, vec![AnswerValue::Integer(5)])
            .expect("score answer");
    }
    form
}

fn visibility_after_one_answer(c: &mut Criterion) {
    let mut form = filled_form();
    let mut yes = true;
    c.bench_function("questionnaire/300-items/answer-hiding-everything-after-it", |b| {
        b.iter(|| {
            yes = !yes;
            form.set("s0", 0, vec![AnswerValue::Boolean(yes)])
                .expect("valid answer");
            black_box(form.is_visible("q24-8", 0))
        })
    });
    let mut form = filled_form();
    let mut score = 0;
    c.bench_function("questionnaire/300-items/answer-in-one-group", |b| {
        b.iter(|| {
            score = (score + 3) % 10;
            form.set("n12", 0, vec![AnswerValue::Integer(score)])
                .expect("valid answer");
            black_box(form.is_visible("q12-8", 0))
        })
    });
    let questionnaire = filled_form().questionnaire().clone();
    c.bench_function("questionnaire/300-items/new-form-full-visibility", |b| {
        b.iter(|| black_box(Form::new(questionnaire.clone())))
    });
}

criterion_group!(benches, visibility_after_one_answer);
criterion_main!(benches);
