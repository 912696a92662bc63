//! Engine tests that cross files: loading real JSON, then visibility, completion and responses
//! through the public API.

use super::*;
use chrono::DateTime;
use serde_json::{json, Value};

fn document(items: Value) -> String {
    json!({
        "resourceType": "Questionnaire",
        "url": "http://relais.example/fhir/Questionnaire/test",
        "version": "1",
        "title": "Test",
        "status": "active",
        "item": items
    })
    .to_string()
}

fn loaded(items: Value) -> Loaded {
    load(&document(items)).unwrap_or_else(|errors| panic!("{errors:#?}"))
}

fn form(items: Value) -> Form {
    let loaded = loaded(items);
    assert_eq!(loaded.notices, vec![]);
    Form::new(loaded.questionnaire)
}

fn problems(items: Value) -> Vec<(String, ProblemKind)> {
    let errors = load(&document(items)).map(|_| ()).expect_err("should be refused");
    errors.into_iter().map(|p| (p.location.to_string(), p.kind)).collect()
}

fn at(location: &str, kind: ProblemKind) -> (String, ProblemKind) {
    (location.to_owned(), kind)
}

fn coding(code: &str, display: &str) -> AnswerValue {
    AnswerValue::Coding(Coding::new(
        Some("http://relais.example/fhir/CodeSystem/test"),
        code,
        Some(display),
    ))
}

fn text(s: &str) -> AnswerValue {
    AnswerValue::String(s.to_owned())
}

fn system() -> &'static str {
    "http://relais.example/fhir/CodeSystem/test"
}

#[test]
fn every_supported_type_loads_with_its_fields() {
    let loaded = loaded(json!([
        {"linkId": "g", "type": "group", "text": "Groupe", "item": [
            {"linkId": "d", "type": "display", "text": "Lisez ceci"},
            {"linkId": "b", "type": "boolean", "required": true, "initial": [{"valueBoolean": true}]},
            {"linkId": "dec", "type": "decimal", "initial": [{"valueDecimal": 1.5}]},
            {"linkId": "int", "type": "integer", "readOnly": true, "initial": [{"valueInteger": 3}]},
            {"linkId": "date", "type": "date", "initial": [{"valueDate": "2026-11-23"}]},
            {"linkId": "dt", "type": "dateTime", "initial": [{"valueDateTime": "2026-11-23T08:11:00+01:00"}]},
            {"linkId": "time", "type": "time", "initial": [{"valueTime": "08:30:00"}]},
            {"linkId": "s", "type": "string", "maxLength": 10, "repeats": true,
             "initial": [{"valueString": "a"}, {"valueString": "b"}]},
            {"linkId": "t", "type": "text", "maxLength": 2000},
            {"linkId": "c", "type": "choice", "answerOption": [
                {"valueCoding": {"system": system(), "code": "x", "display": "X"}, "initialSelected": true},
                {"valueString": "libre"},
                {"valueInteger": 4},
                {"valueDate": "2026-01-01"},
                {"valueTime": "12:00:00"}
            ]},
            {"linkId": "oc", "type": "open-choice", "maxLength": 20,
             "answerOption": [{"valueCoding": {"system": system(), "code": "y"}}]}
        ]}
    ]));
    assert!(loaded.notices.is_empty());
    let q = &loaded.questionnaire;
    assert_eq!(q.url(), "http://relais.example/fhir/Questionnaire/test");
    assert_eq!(q.canonical(), "http://relais.example/fhir/Questionnaire/test|1");
    assert_eq!((q.title(), q.status()), (Some("Test"), PublicationStatus::Active));
    let item = |id: &str| q.item(q.find(id).unwrap());
    let group = item("g");
    assert_eq!(
        (group.kind.clone(), group.text.as_deref(), group.children.len()),
        (ItemKind::Group, Some("Groupe"), 11)
    );
    assert_eq!(q.roots(), &[q.find("g").unwrap()]);
    assert_eq!(item("d").kind, ItemKind::Display);
    assert!(item("b").required);
    assert_eq!(item("b").initial, vec![AnswerValue::Boolean(true)]);
    assert_eq!(item("dec").initial, vec![AnswerValue::Decimal(1.5)]);
    assert!(item("int").read_only);
    assert_eq!(
        item("date").initial,
        vec![AnswerValue::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        )]
    );
    assert_eq!(item("dt").kind, ItemKind::DateTime);
    assert_eq!(item("time").kind, ItemKind::Time);
    assert_eq!(item("s").kind, ItemKind::String { max_length: Some(10) });
    assert!(item("s").repeats);
    assert_eq!(item("s").initial, vec![text("a"), text("b")]);
    assert_eq!(item("t").kind, ItemKind::Text { max_length: Some(2000) });
    assert_eq!(item("c").kind.options().len(), 5);
    assert_eq!(
        item("c").initial,
        vec![AnswerValue::Coding(Coding::new(Some(system()), "x", Some("X")))]
    );
    assert_eq!(
        item("oc").kind,
        ItemKind::OpenChoice {
            options: vec![AnswerValue::Coding(Coding::new(Some(system()), "y", None))],
            max_length: Some(20)
        }
    );
    assert_eq!(item("d").parent, Some(q.find("g").unwrap()));
    let form = Form::new(q.clone());
    assert_eq!(form.answers("s", 0), &[text("a"), text("b")]);
    assert_eq!(form.answers("int", 0), &[AnswerValue::Integer(3)]);
}

#[test]
fn every_invalid_element_is_listed_with_its_position() {
    use ConditionProblem as C;
    use ProblemKind as K;
    let found = problems(json!([
        {"linkId": "a", "type": "boolean"},
        {"linkId": "g", "type": "group", "item": [
            {"linkId": "ok", "type": "string"},
            {"linkId": "photo", "type": "attachment", "required": true}
        ]},
        {"linkId": "empty", "type": "group"},
        {"linkId": "a", "type": "integer", "maxLength": 3},
        {"linkId": "notype", "required": true, "item": [{"linkId": "child", "type": "string"}]},
        {"linkId": "cond", "type": "string",
         "enableWhen": [{"question": "ghost", "operator": "=", "answerString": "x"}]},
        {"linkId": "two", "type": "string", "enableWhen": [
            {"question": "a", "operator": "exists", "answerBoolean": true},
            {"question": "a", "operator": "=", "answerBoolean": true}
        ]},
        {"linkId": "qty", "type": "string",
         "enableWhen": [{"question": "a", "operator": "=", "answerQuantity": {"value": 1}}]},
        {"linkId": "shape", "type": "boolean", "required": "yes"},
        {"linkId": "vs", "type": "choice", "answerValueSet": "http://vs", "required": true},
        {"linkId": "mod", "type": "string", "modifierExtension": [{"url": "http://x/mod"}]},
        {"linkId": "bad", "type": "signature"},
        {"linkId": "op", "type": "boolean",
         "enableWhen": [{"question": "a", "operator": ">", "answerBoolean": true}]},
        {"linkId": "ex", "type": "boolean",
         "enableWhen": [{"question": "a", "operator": "exists", "answerString": "x"}]},
        {"linkId": "mis", "type": "boolean",
         "enableWhen": [{"question": "a", "operator": "=", "answerInteger": 1}]},
        "oops",
        {"linkId": "disp", "type": "display", "required": true, "item": [{"linkId": "c", "type": "string"}]},
        {"linkId": "grp", "type": "group", "item": [{"linkId": "x", "type": "string"}],
         "enableWhen": [{"question": "g", "operator": "exists", "answerBoolean": true}]},
        {"linkId": "opts", "type": "integer", "answerOption": [{"valueInteger": 1}]},
        {"linkId": "ch", "type": "choice"},
        {"linkId": "init", "type": "integer", "initial": [{"valueString": "x"}]},
        {"linkId": "when", "type": "string", "enableWhen": [{"operator": "~", "answerString": "x"}]},
        {"linkId": "date", "type": "date", "initial": [{"valueDate": "2026-11"}]}
    ]));
    let expected = vec![
        at(
            "item 2.2 (linkId 'photo')",
            K::Unsupported {
                what: Unsupported::ItemType("attachment".into()),
                required: true,
            },
        ),
        at("item 3 (linkId 'empty')", K::GroupWithoutItems),
        at(
            "item 4 (linkId 'a')",
            K::MaxLengthNotAllowed {
                item_type: "integer".into(),
            },
        ),
        at("item 5 (linkId 'notype')", K::Missing { field: "type".into() }),
        at(
            "item 9 (linkId 'shape')",
            K::WrongShape {
                field: "required".into(),
                expected: Shape::Boolean,
            },
        ),
        at(
            "item 10 (linkId 'vs')",
            K::Unsupported {
                what: Unsupported::AnswerValueSet,
                required: true,
            },
        ),
        at(
            "item 11 (linkId 'mod')",
            K::ModifierExtension {
                url: "http://x/mod".into(),
            },
        ),
        at(
            "item 12 (linkId 'bad')",
            K::UnknownCode {
                field: "type".into(),
                value: "signature".into(),
            },
        ),
        at(
            "item 16",
            K::WrongShape {
                field: "item".into(),
                expected: Shape::Object,
            },
        ),
        at("item 17 (linkId 'disp')", K::NotOnDisplay { field: "required" }),
        at(
            "item 17 (linkId 'disp')",
            K::ChildrenNotAllowed {
                item_type: "display".into(),
            },
        ),
        at(
            "item 19 (linkId 'opts')",
            K::OptionsNotAllowed {
                item_type: "integer".into(),
            },
        ),
        at("item 20 (linkId 'ch')", K::ChoiceWithoutOptions),
        at(
            "item 21 (linkId 'init')",
            K::InvalidInitial(ValueError::WrongType {
                item_type: "integer".into(),
                found: ValueType::String,
            }),
        ),
        at(
            "item 22 (linkId 'when')",
            K::Missing {
                field: "enableWhen[1].question".into(),
            },
        ),
        at(
            "item 22 (linkId 'when')",
            K::UnknownCode {
                field: "enableWhen[1].operator".into(),
                value: "~".into(),
            },
        ),
        at(
            "item 23 (linkId 'date')",
            K::InvalidValue {
                field: "initial[1].valueDate".into(),
                expected: ValueType::Date,
            },
        ),
        at("item 4 (linkId 'a')", K::DuplicateLinkId { first: "1".into() }),
        at(
            "item 6 (linkId 'cond')",
            K::Condition {
                index: 1,
                problem: C::UnknownQuestion("ghost".into()),
            },
        ),
        at("item 7 (linkId 'two')", K::EnableBehaviorMissing { conditions: 2 }),
        at(
            "item 8 (linkId 'qty')",
            K::Condition {
                index: 1,
                problem: C::UnsupportedAnswer("Quantity".into()),
            },
        ),
        at(
            "item 13 (linkId 'op')",
            K::Condition {
                index: 1,
                problem: C::NotOrdered {
                    operator: ">",
                    answer: ValueType::Boolean,
                },
            },
        ),
        at(
            "item 14 (linkId 'ex')",
            K::Condition {
                index: 1,
                problem: C::ExistsNeedsBoolean,
            },
        ),
        at(
            "item 15 (linkId 'mis')",
            K::Condition {
                index: 1,
                problem: C::AnswerMismatch {
                    item_type: "boolean".into(),
                    answer: ValueType::Integer,
                },
            },
        ),
        at(
            "item 18 (linkId 'grp')",
            K::Condition {
                index: 1,
                problem: C::NotAQuestion("g".into()),
            },
        ),
    ];
    assert_eq!(found, expected);
}

#[test]
fn optional_unsupported_items_are_notices_and_placeholders() {
    let loaded = loaded(json!([
        {"linkId": "photo", "type": "attachment", "text": "Photo du logement"},
        {"linkId": "ref", "type": "reference"},
        {"linkId": "site", "type": "url"},
        {"linkId": "poids", "type": "quantity", "initial": [{"valueQuantity": {"value": 60}}]},
        {"linkId": "vs", "type": "choice", "answerValueSet": "http://vs"},
        {"linkId": "refs", "type": "choice", "answerOption": [{"valueReference": {"reference": "Practitioner/1"}}]},
        {"linkId": "calc", "type": "integer", "extension": [
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"},
            {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"}
        ]}
    ]));
    let notices: Vec<String> = loaded.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        vec![
            "item 1 (linkId 'photo') : le type « attachment » n'est pas pris en charge ; la question ne peut pas être affichée ici / type 'attachment' is not supported; this question cannot be shown here",
            "item 2 (linkId 'ref') : le type « reference » n'est pas pris en charge ; la question ne peut pas être affichée ici / type 'reference' is not supported; this question cannot be shown here",
            "item 3 (linkId 'site') : le type « url » n'est pas pris en charge ; la question ne peut pas être affichée ici / type 'url' is not supported; this question cannot be shown here",
            "item 4 (linkId 'poids') : le type « quantity » n'est pas pris en charge ; la question ne peut pas être affichée ici / type 'quantity' is not supported; this question cannot be shown here",
            "item 5 (linkId 'vs') : les options tirées d'un « answerValueSet » ne sont pas prises en charge ; la question ne peut pas être affichée ici / options from an 'answerValueSet' are not supported; this question cannot be shown here",
            "item 6 (linkId 'refs') : les options « valueReference » ne sont pas prises en charge ; la question ne peut pas être affichée ici / 'valueReference' options are not supported; this question cannot be shown here",
            "item 7 (linkId 'calc') : l'extension « http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression » est ignorée : son comportement n'est pas appliqué / extension 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression' is ignored: its behaviour is not applied",
        ]
    );
    let mut form = Form::new(loaded.questionnaire);
    assert!(form.is_visible("photo", 0));
    assert_eq!(
        form.set("photo", 0, vec![text("x")]),
        Err(AnswerError::Invalid {
            link_id: "photo".into(),
            error: ValueError::NotAnswerable
        })
    );
    assert_eq!(form.completion().total, 1);
}

#[test]
fn malformed_json_and_wrong_documents_are_refused() {
    let errors = load("{\"resourceType\": \"Questionnaire\",\n  \"url\": }").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(
            errors[0].kind,
            ProblemKind::MalformedJson {
                line: 2,
                column: 10,
                ..
            }
        ),
        "{errors:?}"
    );
    assert!(errors[0]
        .to_string()
        .starts_with("questionnaire : JSON invalide ligne 2, colonne 10"));

    let kinds = |json: &str| load(json).unwrap_err().into_iter().map(|p| p.kind).collect::<Vec<_>>();
    assert_eq!(
        kinds("[]"),
        vec![ProblemKind::WrongShape {
            field: "Questionnaire".into(),
            expected: Shape::Object
        }]
    );
    assert_eq!(
        kinds(r#"{"resourceType": "Patient", "status": "unknown", "url": "u", "item": {}}"#),
        vec![
            ProblemKind::NotAQuestionnaire {
                found: "Patient".into()
            },
            ProblemKind::WrongShape {
                field: "item".into(),
                expected: Shape::Array
            },
        ]
    );
    assert_eq!(
        kinds(r#"{"resourceType": "Questionnaire", "status": "final"}"#),
        vec![
            ProblemKind::Missing { field: "url".into() },
            ProblemKind::UnknownCode {
                field: "status".into(),
                value: "final".into()
            },
        ]
    );
}

#[test]
fn loops_cross_group_conditions_and_nested_repeats_are_refused() {
    use ProblemKind as K;
    assert_eq!(
        problems(json!([
            {"linkId": "a", "type": "boolean", "enableWhen": [{"question": "b", "operator": "exists", "answerBoolean": true}]},
            {"linkId": "b", "type": "boolean", "enableWhen": [{"question": "a", "operator": "exists", "answerBoolean": true}]},
            {"linkId": "g", "type": "group", "enableWhen": [{"question": "inner", "operator": "exists", "answerBoolean": true}],
             "item": [{"linkId": "inner", "type": "boolean"}]},
            {"linkId": "self", "type": "boolean", "enableWhen": [{"question": "self", "operator": "exists", "answerBoolean": true}]}
        ])),
        vec![
            at(
                "item 4 (linkId 'self')",
                K::Condition {
                    index: 1,
                    problem: ConditionProblem::OwnAnswer
                }
            ),
            at("item 1 (linkId 'a')", K::CircularCondition),
            at("item 2 (linkId 'b')", K::CircularCondition),
            at("item 3 (linkId 'g')", K::CircularCondition),
        ]
    );
    assert_eq!(
        problems(json!([
            {"linkId": "r", "type": "group", "repeats": true, "item": [
                {"linkId": "q", "type": "boolean"},
                {"linkId": "r2", "type": "group", "repeats": true, "item": [{"linkId": "z", "type": "boolean"}]}
            ]},
            {"linkId": "o", "type": "boolean", "enableWhen": [{"question": "q", "operator": "exists", "answerBoolean": true}]}
        ])),
        vec![
            at("item 1.2 (linkId 'r2')", K::NestedRepeatingGroup),
            at(
                "item 2 (linkId 'o')",
                K::Condition {
                    index: 1,
                    problem: ConditionProblem::AcrossRepeatingGroup("q".into())
                }
            ),
        ]
    );
}

/// Whether `dep` shows when `src` (of `source`'s type) holds `given`, under one condition.
fn shown(source: Value, condition: Value, given: Vec<AnswerValue>) -> bool {
    let mut source = source;
    source["linkId"] = json!("src");
    let mut condition = condition;
    condition["question"] = json!("src");
    let mut form = form(json!([source, {"linkId": "dep", "type": "display", "text": "d", "enableWhen": [condition]}]));
    form.set("src", 0, given).unwrap();
    form.is_visible("dep", 0)
}

#[test]
fn ordered_operators_hold_on_each_side_for_every_ordered_type() {
    let dt = |s: &str| AnswerValue::DateTime(DateTime::parse_from_rfc3339(s).unwrap());
    let d = |s: &str| AnswerValue::Date(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    let t = |s: &str| AnswerValue::Time(chrono::NaiveTime::parse_from_str(s, "%H:%M:%S").unwrap());
    let cases: Vec<(&str, &str, Value, [AnswerValue; 3])> = vec![
        (
            "decimal",
            "answerDecimal",
            json!(2.5),
            [
                AnswerValue::Decimal(1.5),
                AnswerValue::Decimal(2.5),
                AnswerValue::Decimal(3.5),
            ],
        ),
        (
            "integer",
            "answerInteger",
            json!(2),
            [
                AnswerValue::Integer(1),
                AnswerValue::Integer(2),
                AnswerValue::Integer(3),
            ],
        ),
        (
            "date",
            "answerDate",
            json!("2026-11-23"),
            [d("2026-11-22"), d("2026-11-23"), d("2026-11-24")],
        ),
        (
            "dateTime",
            "answerDateTime",
            json!("2026-11-23T09:00:00+01:00"),
            [
                dt("2026-11-23T08:59:59+01:00"),
                dt("2026-11-23T08:00:00Z"),
                dt("2026-11-23T09:00:01+01:00"),
            ],
        ),
        (
            "time",
            "answerTime",
            json!("09:00:00"),
            [t("08:59:59"), t("09:00:00"), t("09:00:01")],
        ),
    ];
    // Expected visibility for an answer below, equal to and above the condition's value.
    let table = [
        ("=", [false, true, false]),
        ("!=", [true, false, true]),
        (">", [false, false, true]),
        ("<", [true, false, false]),
        (">=", [false, true, true]),
        ("<=", [true, true, false]),
    ];
    for (item_type, member, value, answers) in cases {
        for (operator, expected) in table {
            for (answer, expected) in answers.iter().zip(expected) {
                let condition = json!({"operator": operator, member: value});
                let result = shown(json!({"type": item_type}), condition, vec![answer.clone()]);
                assert_eq!(result, expected, "{item_type} {answer:?} {operator} {value}");
            }
        }
    }
}

#[test]
fn equality_operators_hold_on_each_side_for_unordered_types() {
    let choice = json!({"type": "choice", "answerOption": [
        {"valueCoding": {"system": system(), "code": "a", "display": "A"}},
        {"valueCoding": {"system": system(), "code": "b", "display": "B"}}
    ]});
    let cases = vec![
        (
            json!({"type": "boolean"}),
            json!({"answerBoolean": true}),
            AnswerValue::Boolean(true),
            AnswerValue::Boolean(false),
        ),
        (
            json!({"type": "string"}),
            json!({"answerString": "oui"}),
            text("oui"),
            text("non"),
        ),
        (
            json!({"type": "text"}),
            json!({"answerString": "oui"}),
            text("oui"),
            text("Oui"),
        ),
        (
            choice,
            json!({"answerCoding": {"system": system(), "code": "b"}}),
            coding("b", "B"),
            coding("a", "A"),
        ),
    ];
    for (source, answer, same, different) in cases {
        for (operator, when_same, when_different) in [("=", true, false), ("!=", false, true)] {
            let mut condition = answer.clone();
            condition["operator"] = json!(operator);
            assert_eq!(
                shown(source.clone(), condition.clone(), vec![same.clone()]),
                when_same,
                "{source} {condition}"
            );
            assert_eq!(
                shown(source.clone(), condition.clone(), vec![different.clone()]),
                when_different,
                "{source} {condition}"
            );
            assert!(
                !shown(source.clone(), condition, vec![]),
                "unanswered never satisfies {operator}"
            );
        }
    }
}

#[test]
fn exists_holds_on_each_side_for_every_type() {
    let sources = vec![
        (json!({"type": "boolean"}), AnswerValue::Boolean(false)),
        (json!({"type": "decimal"}), AnswerValue::Decimal(0.0)),
        (json!({"type": "integer"}), AnswerValue::Integer(0)),
        (
            json!({"type": "date"}),
            AnswerValue::Date(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
        ),
        (
            json!({"type": "time"}),
            AnswerValue::Time(chrono::NaiveTime::from_hms_opt(0, 0, 0).unwrap()),
        ),
        (
            json!({"type": "dateTime"}),
            AnswerValue::DateTime(DateTime::parse_from_rfc3339("2026-11-23T08:00:00+01:00").unwrap()),
        ),
        (
            json!({"type": "choice", "answerOption": [{"valueCoding": {"system": system(), "code": "a", "display": "A"}}]}),
            coding("a", "A"),
        ),
        (json!({"type": "string"}), text("x")),
        (json!({"type": "open-choice"}), text("autre")),
    ];
    for (source, answer) in sources {
        for expected in [true, false] {
            let condition = json!({"operator": "exists", "answerBoolean": expected});
            assert_eq!(
                shown(source.clone(), condition.clone(), vec![answer.clone()]),
                expected,
                "{source}"
            );
            assert_eq!(shown(source.clone(), condition, vec![]), !expected, "{source}");
        }
    }
}

fn two_conditions(behavior: &str) -> Form {
    form(json!([
        {"linkId": "aidant", "type": "boolean"},
        {"linkId": "age", "type": "integer"},
        {"linkId": "dep", "type": "string", "enableBehavior": behavior, "enableWhen": [
            {"question": "aidant", "operator": "=", "answerBoolean": true},
            {"question": "age", "operator": ">=", "answerInteger": 75}
        ]}
    ]))
}

#[test]
fn enable_behavior_all_needs_every_condition_and_any_one() {
    for (behavior, expected) in [("all", [false, false, false, true]), ("any", [false, true, true, true])] {
        let mut form = two_conditions(behavior);
        let mut seen = Vec::new();
        for (aidant, age) in [(false, 60), (true, 60), (false, 80), (true, 80)] {
            form.set("aidant", 0, vec![AnswerValue::Boolean(aidant)]).unwrap();
            form.set("age", 0, vec![AnswerValue::Integer(age)]).unwrap();
            seen.push(form.is_visible("dep", 0));
        }
        assert_eq!(seen, expected, "{behavior}");
    }
}

#[test]
fn hidden_parents_hide_children_and_hidden_answers_stop_counting() {
    let mut form = form(json!([
        {"linkId": "aidant", "type": "boolean"},
        {"linkId": "proche", "type": "group", "enableWhen": [{"question": "aidant", "operator": "=", "answerBoolean": true}],
         "item": [
            {"linkId": "epuise", "type": "boolean"},
            {"linkId": "detail", "type": "group", "item": [{"linkId": "repit", "type": "boolean"}]}
         ]},
        {"linkId": "alerte", "type": "display", "text": "Proposer un répit",
         "enableWhen": [{"question": "epuise", "operator": "=", "answerBoolean": true}]}
    ]));
    let shown = |form: &Form| ["proche", "epuise", "detail", "repit", "alerte"].map(|id| form.is_visible(id, 0));
    assert_eq!(shown(&form), [false; 5]);
    form.set("aidant", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    assert_eq!(shown(&form), [true, true, true, true, false]);
    form.set("epuise", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    assert_eq!(shown(&form), [true; 5]);
    form.set("aidant", 0, vec![AnswerValue::Boolean(false)]).unwrap();
    assert_eq!(
        shown(&form),
        [false; 5],
        "a hidden question's answer no longer enables anything"
    );
    assert_eq!(
        form.answers("epuise", 0),
        &[AnswerValue::Boolean(true)],
        "kept in memory"
    );
    form.clear("aidant", 0).unwrap();
    form.set("aidant", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    assert_eq!(shown(&form), [true; 5], "showing the group again restores its answers");
}

fn help_form() -> Form {
    form(json!([
        {"linkId": "tel", "type": "string", "repeats": true, "text": "Téléphones"},
        {"linkId": "aide", "type": "group", "repeats": true, "text": "Aide actuelle", "required": true, "item": [
            {"linkId": "nature", "type": "choice", "required": true, "text": "Nature", "answerOption": [
                {"valueCoding": {"system": system(), "code": "menage", "display": "Ménage"}},
                {"valueCoding": {"system": system(), "code": "repas", "display": "Portage de repas"}}
            ]},
            {"linkId": "heures", "type": "decimal", "text": "Heures par semaine",
             "enableWhen": [{"question": "nature", "operator": "=", "answerCoding": {"system": system(), "code": "menage"}}]}
        ]}
    ]))
}

#[test]
fn repeating_questions_hold_lists_and_repeating_groups_hold_instances() {
    let mut form = help_form();
    form.set("tel", 0, vec![text("0601020304"), text("0102030405")])
        .unwrap();
    assert_eq!(form.answers("tel", 0).len(), 2);
    assert_eq!(
        form.set(
            "nature",
            0,
            vec![coding("menage", "Ménage"), coding("repas", "Portage de repas")]
        ),
        Err(AnswerError::SeveralAnswers("nature".into()))
    );
    assert_eq!(form.instances("aide"), 1);
    assert_eq!(
        form.set("nature", 1, vec![coding("repas", "Portage de repas")]),
        Err(AnswerError::NoSuchInstance {
            link_id: "nature".into(),
            instance: 1,
            instances: 1
        })
    );
    assert_eq!(form.add_instance("aide"), Ok(1));
    assert_eq!(
        form.add_instance("tel"),
        Err(AnswerError::NotARepeatingGroup("tel".into()))
    );
    form.set_text("nature", 0, "menage").unwrap();
    form.set_text("nature", 1, "repas").unwrap();
    assert!(form.is_visible("heures", 0));
    assert!(!form.is_visible("heures", 1), "each instance reads its own answers");
    assert_eq!(form.add_instance("aide"), Ok(2));
    assert!(!form.is_visible("heures", 2));
    form.remove_instance("aide", 0).unwrap();
    assert_eq!(form.instances("aide"), 2);
    assert_eq!(form.answers("nature", 0), &[coding("repas", "Portage de repas")]);
    assert!(!form.is_visible("heures", 0));
    assert_eq!(
        form.remove_instance("aide", 2),
        Err(AnswerError::NoSuchInstance {
            link_id: "aide".into(),
            instance: 2,
            instances: 2
        })
    );
    form.remove_instance("aide", 1).unwrap();
    assert_eq!(
        form.remove_instance("aide", 0),
        Err(AnswerError::LastInstance("aide".into()))
    );
}

#[test]
fn answers_are_validated_when_given() {
    let mut form = form(json!([
        {"linkId": "nom", "type": "string", "maxLength": 5, "required": true},
        {"linkId": "gir", "type": "choice", "answerOption": [{"valueInteger": 1}, {"valueInteger": 2}]},
        {"linkId": "age", "type": "integer"}
    ]));
    let invalid = |link_id: &str, error| {
        Err(AnswerError::Invalid {
            link_id: link_id.into(),
            error,
        })
    };
    assert_eq!(
        form.set_text("nom", 0, "Dupont"),
        invalid("nom", ValueError::TooLong { max: 5, found: 6 })
    );
    assert_eq!(form.set_text("nom", 0, "Dupon"), Ok(()));
    assert_eq!(
        form.set("gir", 0, vec![AnswerValue::Integer(3)]),
        invalid("gir", ValueError::NotAnOption)
    );
    assert_eq!(
        form.set("gir", 0, vec![text("1")]),
        invalid(
            "gir",
            ValueError::WrongType {
                item_type: "choice".into(),
                found: ValueType::String
            }
        )
    );
    assert_eq!(form.set_text("gir", 0, "2"), Ok(()));
    assert_eq!(
        form.set_text("age", 0, "quatre-vingts"),
        invalid(
            "age",
            ValueError::Unparsable {
                expected: ValueType::Integer,
                input: "quatre-vingts".into()
            }
        )
    );
    assert_eq!(
        form.set("inconnu", 0, vec![]),
        Err(AnswerError::UnknownLinkId("inconnu".into()))
    );
    assert_eq!(
        form.answers("nom", 0),
        &[text("Dupon")],
        "a refused answer leaves the previous one"
    );
    assert_eq!(form.completion().missing_required, vec![]);
    form.clear("nom", 0).unwrap();
    assert_eq!(
        form.completion().missing_required,
        vec![SlotRef {
            link_id: "nom".into(),
            instance: 0
        }]
    );
}

#[test]
fn completion_counts_visible_questions_and_lists_missing_in_reading_order() {
    let mut form = form(json!([
        {"linkId": "intro", "type": "display", "text": "Bonjour"},
        {"linkId": "b", "type": "boolean", "required": true},
        {"linkId": "ro", "type": "string", "readOnly": true, "required": true},
        {"linkId": "g", "type": "group", "required": true, "item": [
            {"linkId": "g1", "type": "string"},
            {"linkId": "g2", "type": "integer", "required": true}
        ]},
        {"linkId": "r", "type": "group", "repeats": true, "item": [{"linkId": "r1", "type": "string", "required": true}]},
        {"linkId": "cache", "type": "string", "required": true,
         "enableWhen": [{"question": "b", "operator": "=", "answerBoolean": true}]},
        {"linkId": "a", "type": "string", "required": true}
    ]));
    form.add_instance("r").unwrap();
    let slot = |link_id: &str, instance| SlotRef {
        link_id: link_id.into(),
        instance,
    };
    let completion = form.completion();
    assert_eq!((completion.answered, completion.total), (0, 6));
    assert_eq!(
        completion.missing_required,
        vec![
            slot("b", 0),
            slot("g", 0),
            slot("g2", 0),
            slot("r1", 0),
            slot("r1", 1),
            slot("a", 0)
        ]
    );
    form.set("b", 0, vec![AnswerValue::Boolean(true)]).unwrap();
    form.set_text("g1", 0, "x").unwrap();
    form.set_text("r1", 1, "y").unwrap();
    let completion = form.completion();
    assert_eq!(
        (completion.answered, completion.total, completion.required_remaining()),
        (3, 7, 4)
    );
    assert_eq!(
        completion.missing_required,
        vec![slot("g2", 0), slot("r1", 0), slot("cache", 0), slot("a", 0)]
    );
    assert!(!completion.is_complete());
}

fn context(status: ResponseStatus) -> ResponseContext {
    ResponseContext {
        status,
        subject: Reference::new("Patient/42", None).unwrap(),
        author: Reference::new(" Practitioner/7 ", Some("Aline Martin")).unwrap(),
        authored: DateTime::parse_from_rfc3339("2026-11-23T08:11:00+01:00").unwrap(),
    }
}

#[test]
fn response_mirrors_the_questionnaire_without_hidden_or_empty_items() {
    let mut form = form(json!([
        {"linkId": "identite", "type": "group", "text": "Identité", "item": [
            {"linkId": "nom", "type": "string", "text": "Nom", "required": true},
            {"linkId": "age", "type": "integer", "text": "Âge"}
        ]},
        {"linkId": "seul", "type": "boolean", "text": "Vit seul ?"},
        {"linkId": "avec", "type": "string", "text": "Avec qui ?",
         "enableWhen": [{"question": "seul", "operator": "=", "answerBoolean": false}]},
        {"linkId": "aide", "type": "group", "repeats": true, "item": [
            {"linkId": "nature", "type": "choice", "text": "Nature", "answerOption": [
                {"valueCoding": {"system": system(), "code": "menage", "display": "Ménage"}},
                {"valueCoding": {"system": system(), "code": "repas", "display": "Repas"}}
            ]},
            {"linkId": "heures", "type": "decimal"}
        ]},
        {"linkId": "merci", "type": "display", "text": "Merci"}
    ]));
    form.set_text("nom", 0, "Mme Durand").unwrap();
    form.set_text("seul", 0, "false").unwrap();
    form.set_text("avec", 0, "sa fille").unwrap();
    form.set_text("seul", 0, "true").unwrap();
    form.set(
        "nature",
        0,
        vec![AnswerValue::Coding(Coding::new(Some(system()), "menage", None))],
    )
    .unwrap();
    form.set_text("heures", 0, "2,5").unwrap();
    form.add_instance("aide").unwrap();
    form.set_text("nature", 1, "repas").unwrap();
    form.add_instance("aide").unwrap();
    let response = form.to_response(&context(ResponseStatus::Completed)).unwrap();
    assert_eq!(
        response,
        json!({
            "resourceType": "QuestionnaireResponse",
            "questionnaire": "http://relais.example/fhir/Questionnaire/test|1",
            "status": "completed",
            "subject": {"reference": "Patient/42"},
            "authored": "2026-11-23T08:11:00+01:00",
            "author": {"reference": "Practitioner/7", "display": "Aline Martin"},
            "item": [
                {"linkId": "identite", "text": "Identité", "item": [
                    {"linkId": "nom", "text": "Nom", "answer": [{"valueString": "Mme Durand"}]}
                ]},
                {"linkId": "seul", "text": "Vit seul ?", "answer": [{"valueBoolean": true}]},
                {"linkId": "aide", "item": [
                    {"linkId": "nature", "text": "Nature",
                     "answer": [{"valueCoding": {"system": system(), "code": "menage", "display": "Ménage"}}]},
                    {"linkId": "heures", "answer": [{"valueDecimal": 2.5}]}
                ]},
                {"linkId": "aide", "item": [
                    {"linkId": "nature", "text": "Nature",
                     "answer": [{"valueCoding": {"system": system(), "code": "repas", "display": "Repas"}}]}
                ]}
            ]
        })
    );
    form.clear("nom", 0).unwrap();
    assert_eq!(
        form.to_response(&context(ResponseStatus::Amended)),
        Err(Incomplete {
            missing_required: vec![SlotRef {
                link_id: "nom".into(),
                instance: 0
            }]
        })
    );
    let draft = form.to_response(&context(ResponseStatus::InProgress)).unwrap();
    assert_eq!(draft["status"], json!("in-progress"));
    assert_eq!(draft["item"][0]["linkId"], json!("seul"));
    assert_eq!(Reference::new("  ", None), None);
}

#[test]
fn check_summarises_or_lists_every_problem() {
    let report = check(&document(json!([
        {"linkId": "a", "type": "boolean"},
        {"linkId": "g", "type": "group", "enableWhen": [{"question": "a", "operator": "=", "answerBoolean": true}],
         "item": [{"linkId": "b", "type": "text"}, {"linkId": "c", "type": "display", "text": "…"}]},
        {"linkId": "p", "type": "attachment"}
    ])));
    assert!(report.is_usable());
    assert_eq!(
        report.to_string(),
        "http://relais.example/fhir/Questionnaire/test|1 : 5 items (1 groupes, 2 questions), 1 conditions, 1 avertissement(s) / \
         5 items (1 groups, 2 questions), 1 conditions, 1 notice(s)\n\
         item 3 (linkId 'p') : le type « attachment » n'est pas pris en charge ; la question ne peut pas être affichée ici / \
         type 'attachment' is not supported; this question cannot be shown here"
    );
    let refused = check(&document(json!([{"linkId": "a"}, {"type": "boolean"}])));
    assert!(!refused.is_usable());
    assert_eq!(
        refused.to_string(),
        "item 1 (linkId 'a') : « type » manque / 'type' is missing\n\
         item 2 : « linkId » manque / 'linkId' is missing"
    );
}

#[test]
fn rem_loads_without_errors_or_notices() {
    let loaded = load(builtin::REM_JSON).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    assert_eq!(loaded.notices, vec![]);
    let rem = loaded.questionnaire;
    assert_eq!(
        rem.canonical(),
        format!("{}|{}", builtin::REM_URL, builtin::REM_VERSION)
    );
    let dimensions: Vec<&str> = rem
        .roots()
        .iter()
        .map(|&id| rem.item(id).text.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        dimensions,
        [
            "1. Identité",
            "2. Organisation de l'évaluation",
            "3. Circonstances de la demande",
            "4. Expression de la personne",
            "5. Environnement social",
            "6. Situation administrative et budgétaire",
            "7. Aides actuelles",
            "8. Environnement physique",
            "9. Réalisation des actes de la vie quotidienne",
            "10. Synthèse",
            "11. Situation et besoins du ou des proches aidants",
            "12. Élaboration du plan d'aide",
        ]
    );
    assert!(rem.roots().iter().all(|&id| rem.item(id).kind == ItemKind::Group));
    let summary = rem.summary();
    assert!(summary.questions >= 40 && summary.conditions >= 5, "{summary:?}");
}

#[test]
fn rem_asks_about_the_caregiver_only_when_there_is_one() {
    let mut form = Form::new(builtin::rem());
    assert!(!form.is_visible("aidant-situation", 0));
    form.set_text("aidant-present", 0, "true").unwrap();
    assert!(form.is_visible("aidant-situation", 0));
    assert!(form.is_visible("aidant-epuisement", 0));
    form.set_text("aidant-present", 0, "false").unwrap();
    assert!(!form.is_visible("aidant-epuisement", 0));
}

mod incremental {
    use super::*;
    use proptest::prelude::*;

    /// Ten groups of four integers; each group and each question depends on earlier answers,
    /// so one answer can ripple through several levels.
    fn chained() -> Form {
        let groups: Vec<Value> = (0..10)
            .map(|g| {
                let items: Vec<Value> = (0..4)
                    .map(|k| {
                        let mut item = json!({"linkId": format!("q{g}-{k}"), "type": "integer"});
                        if k > 0 && g > 0 {
                            item["enableBehavior"] = json!("any");
                            item["enableWhen"] = json!([
                                {"question": format!("q{g}-{}", k - 1), "operator": "!=", "answerInteger": k},
                                {"question": format!("q{}-3", g - 1), "operator": "exists", "answerBoolean": true}
                            ]);
                        } else if k > 0 {
                            item["enableWhen"] =
                                json!([{"question": format!("q{g}-{}", k - 1), "operator": "<", "answerInteger": 3}]);
                        }
                        item
                    })
                    .collect();
                let mut group = json!({"linkId": format!("g{g}"), "type": "group", "item": items});
                if g > 0 {
                    group["enableWhen"] =
                        json!([{"question": format!("q{}-0", g - 1), "operator": ">", "answerInteger": 1}]);
                }
                group
            })
            .collect();
        form(Value::Array(groups))
    }

    proptest! {
        #[test]
        fn incremental_visibility_matches_a_full_recomputation(
            steps in proptest::collection::vec((0..10_usize, 0..4_usize, proptest::option::of(0..5_i32)), 1..40)
        ) {
            let mut form = chained();
            for (g, k, value) in steps {
                let values = value.map(AnswerValue::Integer).into_iter().collect();
                form.set(&format!("q{g}-{k}"), 0, values).unwrap();
                let mut full = form.clone();
                full.refresh_all();
                prop_assert_eq!(&form.visible, &full.visible);
            }
        }
    }
}
