//! Reads FHIR R4 `Questionnaire` JSON into a [`Questionnaire`], listing every problem.
//!
//! The JSON is walked by hand rather than derived with serde so that a host author gets every
//! problem at once, each with the item's position and linkId, instead of serde's first error.
//! This file reads the shape of each item; [`super::resolve`] then links conditions.

use super::definition::{Comparator, Item, ItemId, ItemKind, PublicationStatus, Questionnaire, Unsupported};
use super::problems::{Location, Problem, ProblemKind, Shape};
use super::resolve::{self, RawAnswer, RawCondition, RawEnableWhen, RawOperator};
use super::validate::validate_value;
use super::value::{choice, AnswerValue, Choice};
use serde_json::{Map, Value};

/// A questionnaire that can be used, and what of it cannot be shown here.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub questionnaire: Questionnaire,
    /// Unsupported but optional parts: the UI shows them as "cannot be shown here".
    pub notices: Vec<Problem>,
}

/// SDC extensions that would change what is asked or accepted; others only change rendering.
const BEHAVIOUR_EXTENSIONS: [&str; 12] = [
    "questionnaire-hidden",
    "sdc-questionnaire-enableWhenExpression",
    "sdc-questionnaire-calculatedExpression",
    "sdc-questionnaire-initialExpression",
    "sdc-questionnaire-answerExpression",
    "minValue",
    "maxValue",
    "minLength",
    "regex",
    "maxDecimalPlaces",
    "questionnaire-minOccurs",
    "questionnaire-maxOccurs",
];

/// Loads a questionnaire, or lists every error found.
pub fn load(json: &str) -> Result<Loaded, Vec<Problem>> {
    let document: Value = serde_json::from_str(json).map_err(|e| {
        let kind = ProblemKind::MalformedJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        };
        vec![Problem {
            location: Location::Questionnaire,
            kind,
        }]
    })?;
    let mut reader = Reader::default();
    let header = reader.header(&document);
    let links = resolve::link(
        &mut reader.items,
        &reader.locations,
        reader.conditions,
        &mut reader.errors,
    );
    match header {
        Some(header) if reader.errors.is_empty() => Ok(Loaded {
            questionnaire: Questionnaire {
                url: header.url,
                version: header.version,
                title: header.title,
                status: header.status,
                items: reader.items,
                roots: header.roots,
                by_link_id: links.by_link_id,
                dependents: links.dependents,
                order: links.order,
            },
            notices: reader.notices,
        }),
        _ => {
            // A refused document still lists what would merely have been skipped: the author
            // fixes everything in one pass.
            let mut problems = reader.errors;
            problems.extend(reader.notices);
            Err(problems)
        }
    }
}

struct Header {
    url: String,
    version: Option<String>,
    title: Option<String>,
    status: PublicationStatus,
    roots: Vec<ItemId>,
}

/// Accumulates items and problems while walking the document; each item's location and raw
/// conditions sit at the same index as the item.
#[derive(Default)]
struct Reader {
    errors: Vec<Problem>,
    notices: Vec<Problem>,
    items: Vec<Item>,
    locations: Vec<Location>,
    conditions: Vec<Option<RawEnableWhen>>,
}

impl Reader {
    fn error(&mut self, at: &Location, kind: ProblemKind) {
        self.errors.push(Problem {
            location: at.clone(),
            kind,
        });
    }

    fn header(&mut self, document: &Value) -> Option<Header> {
        let at = Location::Questionnaire;
        let Some(object) = document.as_object() else {
            self.error(
                &at,
                ProblemKind::WrongShape {
                    field: "Questionnaire".into(),
                    expected: Shape::Object,
                },
            );
            return None;
        };
        match object.get("resourceType").and_then(Value::as_str) {
            Some("Questionnaire") => {}
            Some(other) => self.error(
                &at,
                ProblemKind::NotAQuestionnaire {
                    found: other.to_owned(),
                },
            ),
            None => self.error(
                &at,
                ProblemKind::Missing {
                    field: "resourceType".into(),
                },
            ),
        }
        let url = self.required_text(object, "url", &at);
        let version = self.text(object, "version", &at);
        let title = self.text(object, "title", &at);
        let status = self.status(object, &at);
        self.extensions(object, &at);
        let roots = self.children(object, "", None, None, &at);
        Some(Header {
            url: url?,
            version,
            title,
            status: status?,
            roots,
        })
    }

    fn status(&mut self, object: &Map<String, Value>, at: &Location) -> Option<PublicationStatus> {
        let code = self.required_text(object, "status", at)?;
        let status = PublicationStatus::from_code(&code);
        if status.is_none() {
            self.error(
                at,
                ProblemKind::UnknownCode {
                    field: "status".into(),
                    value: code,
                },
            );
        }
        status
    }

    fn text(&mut self, object: &Map<String, Value>, field: &str, at: &Location) -> Option<String> {
        self.text_as(object, field, field, at)
    }

    /// Reads member `key`, naming it `label` in problems (e.g. `enableWhen[2].question`).
    fn text_as(&mut self, object: &Map<String, Value>, key: &str, label: &str, at: &Location) -> Option<String> {
        let value = object.get(key)?;
        match value.as_str().filter(|s| !s.trim().is_empty()) {
            Some(text) => Some(text.to_owned()),
            None => {
                self.error(
                    at,
                    ProblemKind::WrongShape {
                        field: label.into(),
                        expected: Shape::String,
                    },
                );
                None
            }
        }
    }

    fn required_text(&mut self, object: &Map<String, Value>, field: &str, at: &Location) -> Option<String> {
        self.required_text_as(object, field, field, at)
    }

    fn required_text_as(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        label: &str,
        at: &Location,
    ) -> Option<String> {
        if !object.contains_key(key) {
            self.error(at, ProblemKind::Missing { field: label.into() });
        }
        self.text_as(object, key, label, at)
    }

    fn flag(&mut self, object: &Map<String, Value>, field: &str, at: &Location) -> bool {
        match object.get(field) {
            None => false,
            Some(Value::Bool(flag)) => *flag,
            Some(_) => {
                self.error(
                    at,
                    ProblemKind::WrongShape {
                        field: field.into(),
                        expected: Shape::Boolean,
                    },
                );
                false
            }
        }
    }

    fn list<'v>(&mut self, object: &'v Map<String, Value>, field: &str, at: &Location) -> &'v [Value] {
        match object.get(field) {
            None => &[],
            Some(Value::Array(values)) => values,
            Some(_) => {
                self.error(
                    at,
                    ProblemKind::WrongShape {
                        field: field.into(),
                        expected: Shape::Array,
                    },
                );
                &[]
            }
        }
    }

    /// Reads the `item` list of a questionnaire or item; `prefix` is the parent's position.
    fn children(
        &mut self,
        object: &Map<String, Value>,
        prefix: &str,
        parent: Option<ItemId>,
        scope: Option<ItemId>,
        at: &Location,
    ) -> Vec<ItemId> {
        self.list(object, "item", at)
            .iter()
            .enumerate()
            .filter_map(|(k, child)| {
                let position = if prefix.is_empty() {
                    (k + 1).to_string()
                } else {
                    format!("{prefix}.{}", k + 1)
                };
                self.item(child, position, parent, scope)
            })
            .collect()
    }

    fn item(
        &mut self,
        value: &Value,
        position: String,
        parent: Option<ItemId>,
        scope: Option<ItemId>,
    ) -> Option<ItemId> {
        let Some(object) = value.as_object() else {
            let at = Location::Item {
                position,
                link_id: None,
            };
            self.error(
                &at,
                ProblemKind::WrongShape {
                    field: "item".into(),
                    expected: Shape::Object,
                },
            );
            return None;
        };
        let link_id = object.get("linkId").and_then(Value::as_str).map(str::to_owned);
        let at = Location::Item {
            position: position.clone(),
            link_id: link_id.clone(),
        };
        self.required_text(object, "linkId", &at);
        let (item, typed) = self.fields(object, link_id.unwrap_or_default(), parent, scope, &at);
        let id = ItemId::new(self.items.len());
        let child_scope = self.child_scope(&item, id, scope, &at);
        let conditions = self.enable_when(object, &at);
        self.items.push(item);
        self.locations.push(at.clone());
        self.conditions.push(conditions);
        let childless = object.get("item").and_then(Value::as_array).is_none_or(Vec::is_empty);
        let children = self.children(object, &position, Some(id), child_scope, &at);
        if typed {
            self.check_children(id, childless, &at);
        }
        self.items[id.index()].children = children;
        Some(id)
    }

    fn fields(
        &mut self,
        object: &Map<String, Value>,
        link_id: String,
        parent: Option<ItemId>,
        scope: Option<ItemId>,
        at: &Location,
    ) -> (Item, bool) {
        let required = self.flag(object, "required", at);
        let repeats = self.flag(object, "repeats", at);
        let read_only = self.flag(object, "readOnly", at);
        let text = self.text(object, "text", at);
        let typed = self.kind(object, required, at);
        let is_typed = typed.is_some();
        // An item without a valid type already has its error; as a placeholder it raises no other.
        let (kind, selected) =
            typed.unwrap_or((ItemKind::Unsupported(Unsupported::ItemType(String::new())), Vec::new()));
        if kind == ItemKind::Display {
            for (field, set) in [("required", required), ("repeats", repeats)] {
                if set {
                    self.error(at, ProblemKind::NotOnDisplay { field });
                }
            }
        }
        let initial = self.initial(object, &kind, selected, repeats, at);
        self.extensions(object, at);
        let item = Item {
            link_id,
            text,
            kind,
            required,
            repeats,
            read_only,
            enable_when: None,
            initial,
            parent,
            children: Vec::new(),
            scope,
        };
        (item, is_typed)
    }

    fn child_scope(&mut self, item: &Item, id: ItemId, scope: Option<ItemId>, at: &Location) -> Option<ItemId> {
        if !item.is_repeating_group() {
            return scope;
        }
        if scope.is_some() {
            self.error(at, ProblemKind::NestedRepeatingGroup);
        }
        Some(id)
    }

    fn check_children(&mut self, id: ItemId, childless: bool, at: &Location) {
        let kind = &self.items[id.index()].kind;
        if *kind == ItemKind::Group && childless {
            self.error(at, ProblemKind::GroupWithoutItems);
        } else if *kind != ItemKind::Group && !childless {
            let item_type = kind.type_code().to_owned();
            self.error(at, ProblemKind::ChildrenNotAllowed { item_type });
        }
    }

    /// The item's kind and the values its options mark `initialSelected`; `None` without a
    /// valid type.
    fn kind(
        &mut self,
        object: &Map<String, Value>,
        required: bool,
        at: &Location,
    ) -> Option<(ItemKind, Vec<AnswerValue>)> {
        let code = self.required_text(object, "type", at)?;
        let max_length = self.max_length(object, at);
        let kind = match code.as_str() {
            "group" => ItemKind::Group,
            "display" => ItemKind::Display,
            "boolean" => ItemKind::Boolean,
            "decimal" => ItemKind::Decimal,
            "integer" => ItemKind::Integer,
            "date" => ItemKind::Date,
            "dateTime" => ItemKind::DateTime,
            "time" => ItemKind::Time,
            "string" => ItemKind::String { max_length },
            "text" => ItemKind::Text { max_length },
            "choice" | "open-choice" => return Some(self.choice_kind(object, &code, max_length, required, at)),
            "attachment" | "reference" | "url" | "quantity" => {
                self.unsupported(Unsupported::ItemType(code.clone()), required, at)
            }
            _ => {
                self.error(
                    at,
                    ProblemKind::UnknownCode {
                        field: "type".into(),
                        value: code,
                    },
                );
                return None;
            }
        };
        self.refuse_foreign_fields(object, &code, max_length, at);
        Some((kind, Vec::new()))
    }

    fn refuse_foreign_fields(
        &mut self,
        object: &Map<String, Value>,
        code: &str,
        max_length: Option<u32>,
        at: &Location,
    ) {
        if max_length.is_some() && !matches!(code, "string" | "text") {
            self.error(
                at,
                ProblemKind::MaxLengthNotAllowed {
                    item_type: code.to_owned(),
                },
            );
        }
        if object.contains_key("answerOption") || object.contains_key("answerValueSet") {
            self.error(
                at,
                ProblemKind::OptionsNotAllowed {
                    item_type: code.to_owned(),
                },
            );
        }
    }

    fn unsupported(&mut self, what: Unsupported, required: bool, at: &Location) -> ItemKind {
        let problem = Problem {
            location: at.clone(),
            kind: ProblemKind::Unsupported {
                what: what.clone(),
                required,
            },
        };
        if required {
            self.errors.push(problem);
        } else {
            self.notices.push(problem);
        }
        ItemKind::Unsupported(what)
    }

    fn max_length(&mut self, object: &Map<String, Value>, at: &Location) -> Option<u32> {
        let value = object.get("maxLength")?;
        let length = value.as_u64().and_then(|n| u32::try_from(n).ok()).filter(|n| *n > 0);
        if length.is_none() {
            self.error(
                at,
                ProblemKind::WrongShape {
                    field: "maxLength".into(),
                    expected: Shape::PositiveInteger,
                },
            );
        }
        length
    }

    fn choice_kind(
        &mut self,
        object: &Map<String, Value>,
        code: &str,
        max_length: Option<u32>,
        required: bool,
        at: &Location,
    ) -> (ItemKind, Vec<AnswerValue>) {
        let open = code == "open-choice";
        if max_length.is_some() && !open {
            self.error(
                at,
                ProblemKind::MaxLengthNotAllowed {
                    item_type: code.to_owned(),
                },
            );
        }
        let has_options = object.contains_key("answerOption");
        if object.contains_key("answerValueSet") {
            if has_options {
                self.error(at, ProblemKind::OptionsAndValueSet);
            }
            return (self.unsupported(Unsupported::AnswerValueSet, required, at), Vec::new());
        }
        let (options, selected, foreign) = self.options(object, at);
        if let Some(suffix) = foreign {
            return (
                self.unsupported(Unsupported::OptionType(suffix), required, at),
                Vec::new(),
            );
        }
        if options.is_empty() && !open {
            self.error(at, ProblemKind::ChoiceWithoutOptions);
        }
        let kind = if open {
            ItemKind::OpenChoice { options, max_length }
        } else {
            ItemKind::Choice { options }
        };
        (kind, selected)
    }

    /// Options, the ones marked `initialSelected`, and the first unsupported option type.
    fn options(
        &mut self,
        object: &Map<String, Value>,
        at: &Location,
    ) -> (Vec<AnswerValue>, Vec<AnswerValue>, Option<String>) {
        let (mut options, mut selected, mut foreign) = (Vec::new(), Vec::new(), None);
        for (k, option) in self.list(object, "answerOption", at).iter().enumerate() {
            let field = format!("answerOption[{}]", k + 1);
            let Some(option_object) = option.as_object() else {
                self.error(
                    at,
                    ProblemKind::WrongShape {
                        field,
                        expected: Shape::Object,
                    },
                );
                continue;
            };
            match self.value(option_object, "value", &field, at) {
                Some(Ok(value)) => {
                    if self.flag(option_object, "initialSelected", at) {
                        selected.push(value.clone());
                    }
                    options.push(value);
                }
                Some(Err(suffix)) => foreign = foreign.or(Some(suffix)),
                None => {}
            }
        }
        (options, selected, foreign)
    }

    /// Reads the one `prefix[x]` member of `object`: the value, or the unsupported type suffix.
    fn value(
        &mut self,
        object: &Map<String, Value>,
        prefix: &str,
        field: &str,
        at: &Location,
    ) -> Option<Result<AnswerValue, String>> {
        match choice(object, prefix) {
            Choice::Found(value_type, json) => {
                let value = AnswerValue::from_fhir(value_type, json);
                if value.is_none() {
                    let field = format!("{field}.{prefix}{}", value_type.suffix());
                    self.error(
                        at,
                        ProblemKind::InvalidValue {
                            field,
                            expected: value_type,
                        },
                    );
                }
                value.map(Ok)
            }
            Choice::Unsupported(suffix) => Some(Err(suffix)),
            Choice::Absent => {
                self.error(
                    at,
                    ProblemKind::Missing {
                        field: format!("{field}.{prefix}[x]"),
                    },
                );
                None
            }
            Choice::Several(fields) => {
                self.error(at, ProblemKind::SeveralValues { fields });
                None
            }
        }
    }

    fn initial(
        &mut self,
        object: &Map<String, Value>,
        kind: &ItemKind,
        selected: Vec<AnswerValue>,
        repeats: bool,
        at: &Location,
    ) -> Vec<AnswerValue> {
        let declared = self.list(object, "initial", at);
        if matches!(kind, ItemKind::Unsupported(_)) {
            return Vec::new();
        }
        if !declared.is_empty() && !kind.is_question() {
            self.error(
                at,
                ProblemKind::InitialNotAllowed {
                    item_type: kind.type_code().to_owned(),
                },
            );
            return Vec::new();
        }
        if !declared.is_empty() && !selected.is_empty() {
            self.error(at, ProblemKind::InitialAndInitialSelected);
        }
        let mut values = selected;
        for (k, entry) in declared.iter().enumerate() {
            values.extend(self.initial_value(entry, k + 1, kind, at));
        }
        if values.len() > 1 && !repeats {
            self.error(at, ProblemKind::SeveralInitialValues);
        }
        values
    }

    fn initial_value(&mut self, entry: &Value, index: usize, kind: &ItemKind, at: &Location) -> Option<AnswerValue> {
        let field = format!("initial[{index}]");
        let Some(entry_object) = entry.as_object() else {
            self.error(
                at,
                ProblemKind::WrongShape {
                    field,
                    expected: Shape::Object,
                },
            );
            return None;
        };
        match self.value(entry_object, "value", &field, at)? {
            Ok(value) => validate_value(kind, value)
                .map_err(|e| self.error(at, ProblemKind::InvalidInitial(e)))
                .ok(),
            Err(suffix) => {
                self.error(
                    at,
                    ProblemKind::UnknownCode {
                        field: format!("{field}.value[x]"),
                        value: suffix,
                    },
                );
                None
            }
        }
    }

    fn enable_when(&mut self, object: &Map<String, Value>, at: &Location) -> Option<RawEnableWhen> {
        let declared = self.list(object, "enableWhen", at);
        let behavior = self.text(object, "enableBehavior", at);
        if declared.is_empty() {
            return None;
        }
        let all = match behavior.as_deref() {
            None => None,
            Some("all") => Some(true),
            Some("any") => Some(false),
            Some(other) => {
                self.error(
                    at,
                    ProblemKind::UnknownCode {
                        field: "enableBehavior".into(),
                        value: other.to_owned(),
                    },
                );
                None
            }
        };
        let conditions = declared
            .iter()
            .enumerate()
            .filter_map(|(k, condition)| self.condition(condition, k + 1, at))
            .collect();
        Some(RawEnableWhen {
            conditions,
            declared: declared.len(),
            all,
            behavior_given: behavior.is_some(),
        })
    }

    fn condition(&mut self, value: &Value, index: usize, at: &Location) -> Option<RawCondition> {
        let field = format!("enableWhen[{index}]");
        let Some(object) = value.as_object() else {
            self.error(
                at,
                ProblemKind::WrongShape {
                    field,
                    expected: Shape::Object,
                },
            );
            return None;
        };
        let question = self.required_text_as(object, "question", &format!("{field}.question"), at);
        let operator = self.operator(object, &field, at);
        let answer = match self.value(object, "answer", &field, at)? {
            Ok(value) => RawAnswer::Value(value),
            Err(suffix) => RawAnswer::Unsupported(suffix),
        };
        Some(RawCondition {
            index,
            question: question?,
            operator: operator?,
            answer,
        })
    }

    fn operator(&mut self, object: &Map<String, Value>, field: &str, at: &Location) -> Option<RawOperator> {
        let Some(code) = object.get("operator").and_then(Value::as_str) else {
            self.error(
                at,
                ProblemKind::Missing {
                    field: format!("{field}.operator"),
                },
            );
            return None;
        };
        if code == "exists" {
            return Some(RawOperator::Exists);
        }
        let comparator = Comparator::from_code(code).map(RawOperator::Compare);
        if comparator.is_none() {
            self.error(
                at,
                ProblemKind::UnknownCode {
                    field: format!("{field}.operator"),
                    value: code.to_owned(),
                },
            );
        }
        comparator
    }

    /// Modifier extensions change meaning, so an unknown one makes the definition unusable;
    /// known behaviour extensions are reported because the engine does not apply them.
    fn extensions(&mut self, object: &Map<String, Value>, at: &Location) {
        for extension in self.list(object, "modifierExtension", at) {
            let url = extension_url(extension);
            self.error(at, ProblemKind::ModifierExtension { url });
        }
        for extension in self.list(object, "extension", at) {
            let url = extension_url(extension);
            let name = url.rsplit('/').next().unwrap_or_default();
            if BEHAVIOUR_EXTENSIONS.contains(&name) {
                self.notices.push(Problem {
                    location: at.clone(),
                    kind: ProblemKind::ExtensionIgnored { url },
                });
            }
        }
    }
}

fn extension_url(extension: &Value) -> String {
    extension.get("url").and_then(Value::as_str).unwrap_or("?").to_owned()
}
