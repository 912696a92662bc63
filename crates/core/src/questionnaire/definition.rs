//! The typed form of a FHIR R4 `Questionnaire`, as the engine understands it.
//!
//! Items live in one arena in document order and point at each other with [`ItemId`], which only
//! the loader can create: a condition can therefore only name an item that exists, and
//! visibility follows dependencies without searching by linkId.

use super::value::{AnswerValue, ValueType};
use std::collections::HashMap;

/// An item's place in its questionnaire's arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(usize);

impl ItemId {
    pub(crate) fn new(index: usize) -> Self {
        Self(index)
    }

    pub(crate) fn index(self) -> usize {
        self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicationStatus {
    Draft,
    Active,
    Retired,
    Unknown,
}

impl PublicationStatus {
    pub fn code(self) -> &'static str {
        match self {
            PublicationStatus::Draft => "draft",
            PublicationStatus::Active => "active",
            PublicationStatus::Retired => "retired",
            PublicationStatus::Unknown => "unknown",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Self> {
        [Self::Draft, Self::Active, Self::Retired, Self::Unknown]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Why an item is kept only as a placeholder ("this question cannot be shown here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsupported {
    /// `attachment`, `reference`, `url` or `quantity`.
    ItemType(String),
    /// Options come from a value set, which the engine cannot expand.
    AnswerValueSet,
    /// An `answerOption` of another type than Coding, string, integer, date or time.
    OptionType(String),
}

/// What an item is, with the fields that only make sense for that kind: a `maxLength` can only
/// exist on free text, options only on choices.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    Group,
    Display,
    Boolean,
    Decimal,
    Integer,
    Date,
    DateTime,
    Time,
    String {
        max_length: Option<u32>,
    },
    Text {
        max_length: Option<u32>,
    },
    Choice {
        options: Vec<AnswerValue>,
    },
    /// Options, or free text up to `max_length`.
    OpenChoice {
        options: Vec<AnswerValue>,
        max_length: Option<u32>,
    },
    Unsupported(Unsupported),
}

impl ItemKind {
    /// The FHIR `type` code.
    pub fn type_code(&self) -> &str {
        match self {
            ItemKind::Group => "group",
            ItemKind::Display => "display",
            ItemKind::Boolean => "boolean",
            ItemKind::Decimal => "decimal",
            ItemKind::Integer => "integer",
            ItemKind::Date => "date",
            ItemKind::DateTime => "dateTime",
            ItemKind::Time => "time",
            ItemKind::String { .. } => "string",
            ItemKind::Text { .. } => "text",
            ItemKind::Choice { .. } => "choice",
            ItemKind::OpenChoice { .. } => "open-choice",
            ItemKind::Unsupported(Unsupported::ItemType(code)) => code,
            ItemKind::Unsupported(_) => "choice",
        }
    }

    /// Whether a person can answer it here.
    pub fn is_question(&self) -> bool {
        !matches!(self, ItemKind::Group | ItemKind::Display | ItemKind::Unsupported(_))
    }

    /// Whether an answer of `value_type` can be given to this item.
    pub fn accepts(&self, value_type: ValueType) -> bool {
        let option_type = |options: &[AnswerValue]| options.iter().any(|o| o.value_type() == value_type);
        match self {
            ItemKind::Boolean => value_type == ValueType::Boolean,
            ItemKind::Decimal => value_type == ValueType::Decimal,
            ItemKind::Integer => value_type == ValueType::Integer,
            ItemKind::Date => value_type == ValueType::Date,
            ItemKind::DateTime => value_type == ValueType::DateTime,
            ItemKind::Time => value_type == ValueType::Time,
            ItemKind::String { .. } | ItemKind::Text { .. } => value_type == ValueType::String,
            ItemKind::Choice { options } => option_type(options),
            ItemKind::OpenChoice { options, .. } => value_type == ValueType::String || option_type(options),
            ItemKind::Group | ItemKind::Display | ItemKind::Unsupported(_) => false,
        }
    }

    pub fn options(&self) -> &[AnswerValue] {
        match self {
            ItemKind::Choice { options } | ItemKind::OpenChoice { options, .. } => options,
            _ => &[],
        }
    }
}

/// The R4 `enableWhen.operator` values other than `exists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
}

impl Comparator {
    pub const ALL: [Comparator; 6] = [
        Comparator::Equal,
        Comparator::NotEqual,
        Comparator::Greater,
        Comparator::Less,
        Comparator::GreaterOrEqual,
        Comparator::LessOrEqual,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Comparator::Equal => "=",
            Comparator::NotEqual => "!=",
            Comparator::Greater => ">",
            Comparator::Less => "<",
            Comparator::GreaterOrEqual => ">=",
            Comparator::LessOrEqual => "<=",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    fn accepts(self, answer: &AnswerValue, expected: &AnswerValue) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let order = answer.compare(expected);
        match self {
            Comparator::Equal => answer.matches(expected),
            Comparator::NotEqual => !answer.matches(expected),
            Comparator::Greater => order == Some(Greater),
            Comparator::Less => order == Some(Less),
            Comparator::GreaterOrEqual => matches!(order, Some(Greater | Equal)),
            Comparator::LessOrEqual => matches!(order, Some(Less | Equal)),
        }
    }
}

/// What a condition asks of the answers to its question.
#[derive(Debug, Clone, PartialEq)]
pub enum ConditionTest {
    /// `exists`: true when answered if the flag is true, when unanswered if false.
    Exists(bool),
    Compare(Comparator, AnswerValue),
}

impl ConditionTest {
    /// R4 semantics over the (visible) answers of the question: an unanswered question
    /// satisfies no comparison; `!=` holds when no answer equals the value, the others when
    /// at least one answer satisfies them.
    pub fn holds(&self, answers: &[AnswerValue]) -> bool {
        match self {
            ConditionTest::Exists(expected) => !answers.is_empty() == *expected,
            ConditionTest::Compare(Comparator::NotEqual, value) => {
                !answers.is_empty() && answers.iter().all(|a| Comparator::NotEqual.accepts(a, value))
            }
            ConditionTest::Compare(comparator, value) => answers.iter().any(|a| comparator.accepts(a, value)),
        }
    }
}

/// One `enableWhen`, resolved to the item it reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub question: ItemId,
    pub test: ConditionTest,
}

/// An item's conditions. R4 requires `enableBehavior` as soon as there are two conditions
/// (rule que-12), so a list always carries its behaviour.
#[derive(Debug, Clone, PartialEq)]
pub enum EnableWhen {
    Single(Condition),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl EnableWhen {
    pub fn conditions(&self) -> &[Condition] {
        match self {
            EnableWhen::Single(condition) => std::slice::from_ref(condition),
            EnableWhen::All(conditions) | EnableWhen::Any(conditions) => conditions,
        }
    }

    pub(crate) fn holds(&self, mut condition_holds: impl FnMut(&Condition) -> bool) -> bool {
        match self {
            EnableWhen::Single(condition) => condition_holds(condition),
            EnableWhen::All(conditions) => conditions.iter().all(condition_holds),
            EnableWhen::Any(conditions) => conditions.iter().any(condition_holds),
        }
    }
}

/// One question, group or display text. Only a loaded [`Questionnaire`] hands items out, so the
/// ids inside always point into the same questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub link_id: String,
    pub text: Option<String>,
    pub kind: ItemKind,
    pub required: bool,
    /// A repeating question takes several answers; a repeating group has several instances.
    pub repeats: bool,
    pub read_only: bool,
    pub enable_when: Option<EnableWhen>,
    pub initial: Vec<AnswerValue>,
    pub parent: Option<ItemId>,
    pub children: Vec<ItemId>,
    /// The nearest repeating group strictly above this item: the item has one slot per
    /// instance of that group (one slot when there is none).
    pub scope: Option<ItemId>,
}

impl Item {
    pub fn is_repeating_group(&self) -> bool {
        self.repeats && self.kind == ItemKind::Group
    }
}

/// A loaded questionnaire; build one with [`super::load`].
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub(super) url: String,
    pub(super) version: Option<String>,
    pub(super) title: Option<String>,
    pub(super) status: PublicationStatus,
    pub(super) items: Vec<Item>,
    pub(super) roots: Vec<ItemId>,
    pub(super) by_link_id: HashMap<String, ItemId>,
    /// For each item, the items whose conditions read its answers.
    pub(super) dependents: Vec<Vec<ItemId>>,
    /// Every item after its parent and after the questions its conditions read.
    pub(super) order: Vec<ItemId>,
}

impl Questionnaire {
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    pub fn status(&self) -> PublicationStatus {
        self.status
    }

    /// `url|version`, the form `QuestionnaireResponse.questionnaire` expects.
    pub fn canonical(&self) -> String {
        match &self.version {
            Some(version) => format!("{}|{version}", self.url),
            None => self.url.clone(),
        }
    }

    /// Top-level items, in document order.
    pub fn roots(&self) -> &[ItemId] {
        &self.roots
    }

    pub fn item(&self, id: ItemId) -> &Item {
        &self.items[id.index()]
    }

    /// Every item, in document order (parents before children).
    pub fn items(&self) -> impl Iterator<Item = (ItemId, &Item)> {
        self.items.iter().enumerate().map(|(i, item)| (ItemId::new(i), item))
    }

    pub fn find(&self, link_id: &str) -> Option<ItemId> {
        self.by_link_id.get(link_id).copied()
    }

    pub(crate) fn dependents(&self, id: ItemId) -> &[ItemId] {
        &self.dependents[id.index()]
    }

    pub(crate) fn order(&self) -> &[ItemId] {
        &self.order
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i32) -> AnswerValue {
        AnswerValue::Integer(i)
    }

    #[test]
    fn unanswered_questions_satisfy_only_exists_false() {
        assert!(ConditionTest::Exists(false).holds(&[]));
        assert!(!ConditionTest::Exists(true).holds(&[]));
        for comparator in Comparator::ALL {
            assert!(!ConditionTest::Compare(comparator, int(1)).holds(&[]), "{comparator:?}");
        }
    }

    #[test]
    fn several_answers_need_one_match_or_none_equal_for_not_equal() {
        let answers = [int(1), int(5)];
        assert!(ConditionTest::Compare(Comparator::Equal, int(5)).holds(&answers));
        assert!(ConditionTest::Compare(Comparator::Greater, int(4)).holds(&answers));
        assert!(!ConditionTest::Compare(Comparator::NotEqual, int(5)).holds(&answers));
        assert!(ConditionTest::Compare(Comparator::NotEqual, int(3)).holds(&answers));
    }

    #[test]
    fn comparator_codes_round_trip() {
        for comparator in Comparator::ALL {
            assert_eq!(Comparator::from_code(comparator.code()), Some(comparator));
        }
        assert_eq!(Comparator::from_code("exists"), None);
    }
}
