//! Problems found while loading a questionnaire, each tied to where it is.
//!
//! A host author must be able to fix a definition from these messages alone, so each one names
//! the item's position (`3.2` is the second child of the third top-level item, counting from 1)
//! and its linkId, in French then English like the rest of Relais.

use super::definition::Unsupported;
use super::validate::ValueError;
use super::value::ValueType;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Questionnaire,
    Item { position: String, link_id: Option<String> },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Questionnaire => f.write_str("questionnaire"),
            Location::Item {
                position,
                link_id: Some(link_id),
            } => {
                write!(f, "item {position} (linkId '{link_id}')")
            }
            Location::Item {
                position,
                link_id: None,
            } => write!(f, "item {position}"),
        }
    }
}

/// The JSON shape a member should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Object,
    Array,
    String,
    Boolean,
    PositiveInteger,
}

impl Shape {
    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Shape::Object => ("un objet", "an object"),
            Shape::Array => ("un tableau", "an array"),
            Shape::String => ("un texte non vide", "a non-empty string"),
            Shape::Boolean => ("un booléen", "a boolean"),
            Shape::PositiveInteger => ("un entier positif", "a positive integer"),
        }
    }
}

/// What is wrong with one `enableWhen` (the n-th of its item, counting from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionProblem {
    UnknownQuestion(String),
    NotAQuestion(String),
    UnsupportedQuestion(String),
    OwnAnswer,
    /// The question sits in a repeating group that does not also contain this item, so
    /// "which instance" has no answer.
    AcrossRepeatingGroup(String),
    UnsupportedAnswer(String),
    AnswerMismatch {
        item_type: String,
        answer: ValueType,
    },
    NotOrdered {
        operator: &'static str,
        answer: ValueType,
    },
    ExistsNeedsBoolean,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    MalformedJson {
        line: usize,
        column: usize,
        message: String,
    },
    NotAQuestionnaire {
        found: String,
    },
    WrongShape {
        field: String,
        expected: Shape,
    },
    Missing {
        field: String,
    },
    UnknownCode {
        field: String,
        value: String,
    },
    InvalidValue {
        field: String,
        expected: ValueType,
    },
    SeveralValues {
        fields: Vec<String>,
    },
    /// A notice when the item is optional (shown as a placeholder), an error when required.
    Unsupported {
        what: Unsupported,
        required: bool,
    },
    ModifierExtension {
        url: String,
    },
    ExtensionIgnored {
        url: String,
    },
    DuplicateLinkId {
        first: String,
    },
    GroupWithoutItems,
    ChildrenNotAllowed {
        item_type: String,
    },
    MaxLengthNotAllowed {
        item_type: String,
    },
    OptionsNotAllowed {
        item_type: String,
    },
    ChoiceWithoutOptions,
    OptionsAndValueSet,
    InitialNotAllowed {
        item_type: String,
    },
    InvalidInitial(ValueError),
    SeveralInitialValues,
    InitialAndInitialSelected,
    NotOnDisplay {
        field: &'static str,
    },
    NestedRepeatingGroup,
    Condition {
        index: usize,
        problem: ConditionProblem,
    },
    EnableBehaviorMissing {
        conditions: usize,
    },
    CircularCondition,
}

/// One problem and where it is. Displayed as `item 3.2 (linkId 'photo') : français / English`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub location: Location,
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (fr, en) = self.kind.messages();
        write!(f, "{} : {fr} / {en}", self.location)
    }
}

impl ProblemKind {
    /// The French and English sentences.
    pub fn messages(&self) -> (String, String) {
        use ProblemKind as K;
        match self {
            K::MalformedJson { line, column, message } => (
                format!("JSON invalide ligne {line}, colonne {column} ({message})"),
                format!("invalid JSON at line {line}, column {column} ({message})"),
            ),
            K::NotAQuestionnaire { found } => (
                format!("resourceType vaut « {found} » au lieu de « Questionnaire »"),
                format!("resourceType is '{found}' instead of 'Questionnaire'"),
            ),
            K::WrongShape { field, expected } => {
                let (fr, en) = expected.describe();
                (format!("« {field} » doit être {fr}"), format!("'{field}' must be {en}"))
            }
            K::Missing { field } => (format!("« {field} » manque"), format!("'{field}' is missing")),
            K::UnknownCode { field, value } => (
                format!("« {field} » : valeur « {value} » inconnue"),
                format!("'{field}': unknown value '{value}'"),
            ),
            K::InvalidValue { field, expected } => {
                let (fr, en) = expected.describe();
                (format!("« {field} » doit être {fr}"), format!("'{field}' must be {en}"))
            }
            K::SeveralValues { fields } => (
                format!("une seule valeur attendue, trouvé : {}", fields.join(", ")),
                format!("one value expected, found: {}", fields.join(", ")),
            ),
            K::Unsupported { what, required } => unsupported_messages(what, *required),
            K::ModifierExtension { url } => (
                format!("l'extension modificatrice « {url} » n'est pas comprise : le questionnaire ne peut pas être utilisé"),
                format!("modifier extension '{url}' is not understood: the questionnaire cannot be used"),
            ),
            K::ExtensionIgnored { url } => (
                format!("l'extension « {url} » est ignorée : son comportement n'est pas appliqué"),
                format!("extension '{url}' is ignored: its behaviour is not applied"),
            ),
            K::DuplicateLinkId { first } => (
                format!("linkId déjà utilisé par l'item {first}"),
                format!("linkId already used by item {first}"),
            ),
            K::GroupWithoutItems => (
                "un groupe doit contenir des items".into(),
                "a group must contain items".into(),
            ),
            K::ChildrenNotAllowed { item_type } => (
                format!("un item « {item_type} » ne peut pas contenir d'items"),
                format!("a '{item_type}' item cannot contain items"),
            ),
            K::MaxLengthNotAllowed { item_type } => (
                format!("« maxLength » n'a pas de sens pour un item « {item_type} »"),
                format!("'maxLength' is not allowed on a '{item_type}' item"),
            ),
            K::OptionsNotAllowed { item_type } => (
                format!("des options de réponse n'ont pas de sens pour un item « {item_type} »"),
                format!("answer options are not allowed on a '{item_type}' item"),
            ),
            K::ChoiceWithoutOptions => (
                "une question « choice » doit avoir des « answerOption »".into(),
                "a 'choice' question must have 'answerOption'".into(),
            ),
            K::OptionsAndValueSet => (
                "« answerOption » et « answerValueSet » s'excluent".into(),
                "'answerOption' and 'answerValueSet' are mutually exclusive".into(),
            ),
            K::InitialNotAllowed { item_type } => (
                format!("un item « {item_type} » ne peut pas avoir de valeur initiale"),
                format!("a '{item_type}' item cannot have an initial value"),
            ),
            K::InvalidInitial(error) => (
                format!("valeur initiale refusée : {}", error.messages().0),
                format!("initial value refused: {}", error.messages().1),
            ),
            K::SeveralInitialValues => (
                "plusieurs valeurs initiales pour une question qui ne se répète pas".into(),
                "several initial values for a question that does not repeat".into(),
            ),
            K::InitialAndInitialSelected => (
                "« initial » et « initialSelected » s'excluent".into(),
                "'initial' and 'initialSelected' are mutually exclusive".into(),
            ),
            K::NotOnDisplay { field } => (
                format!("« {field} » n'a pas de sens pour un item « display »"),
                format!("'{field}' is not allowed on a 'display' item"),
            ),
            K::NestedRepeatingGroup => (
                "un groupe répétable dans un autre groupe répétable n'est pas pris en charge".into(),
                "a repeating group inside another repeating group is not supported".into(),
            ),
            K::Condition { index, problem } => {
                let (fr, en) = condition_messages(problem);
                (format!("enableWhen {index} : {fr}"), format!("enableWhen {index}: {en}"))
            }
            K::EnableBehaviorMissing { conditions } => (
                format!("« enableBehavior » (all ou any) est obligatoire avec {conditions} conditions"),
                format!("'enableBehavior' (all or any) is required with {conditions} conditions"),
            ),
            K::CircularCondition => (
                "les conditions d'affichage forment une boucle".into(),
                "the display conditions form a loop".into(),
            ),
        }
    }
}

fn unsupported_messages(what: &Unsupported, required: bool) -> (String, String) {
    let (fr, en) = match what {
        Unsupported::ItemType(code) => (
            format!("le type « {code} » n'est pas pris en charge"),
            format!("type '{code}' is not supported"),
        ),
        Unsupported::AnswerValueSet => (
            "les options tirées d'un « answerValueSet » ne sont pas prises en charge".into(),
            "options from an 'answerValueSet' are not supported".into(),
        ),
        Unsupported::OptionType(suffix) => (
            format!("les options « value{suffix} » ne sont pas prises en charge"),
            format!("'value{suffix}' options are not supported"),
        ),
    };
    if required {
        (
            format!("{fr} ; la question est obligatoire, le questionnaire ne pourrait pas être complété"),
            format!("{en}; the question is required, so the questionnaire could never be completed"),
        )
    } else {
        (
            format!("{fr} ; la question ne peut pas être affichée ici"),
            format!("{en}; this question cannot be shown here"),
        )
    }
}

fn condition_messages(problem: &ConditionProblem) -> (String, String) {
    use ConditionProblem as C;
    match problem {
        C::UnknownQuestion(link_id) => (
            format!("aucun item n'a le linkId « {link_id} »"),
            format!("no item has linkId '{link_id}'"),
        ),
        C::NotAQuestion(link_id) => (
            format!("« {link_id} » est un groupe ou un texte, pas une question"),
            format!("'{link_id}' is a group or display item, not a question"),
        ),
        C::UnsupportedQuestion(link_id) => (
            format!("« {link_id} » ne peut pas être affichée, la condition ne pourrait pas être évaluée"),
            format!("'{link_id}' cannot be shown, so the condition could not be evaluated"),
        ),
        C::OwnAnswer => (
            "un item ne peut pas dépendre de sa propre réponse".into(),
            "an item cannot depend on its own answer".into(),
        ),
        C::AcrossRepeatingGroup(link_id) => (
            format!("« {link_id} » est dans un groupe répétable qui ne contient pas cet item"),
            format!("'{link_id}' is inside a repeating group that does not contain this item"),
        ),
        C::UnsupportedAnswer(suffix) => (
            format!("« answer{suffix} » n'est pas pris en charge"),
            format!("'answer{suffix}' is not supported"),
        ),
        C::AnswerMismatch { item_type, answer } => (
            format!("une question « {item_type} » ne peut pas valoir un {}", answer.suffix()),
            format!("a '{item_type}' question cannot have a {} answer", answer.suffix()),
        ),
        C::NotOrdered { operator, answer } => (
            format!("l'opérateur « {operator} » ne s'applique pas à un {}", answer.suffix()),
            format!("operator '{operator}' does not apply to a {}", answer.suffix()),
        ),
        C::ExistsNeedsBoolean => (
            "l'opérateur « exists » attend « answerBoolean »".into(),
            "operator 'exists' expects 'answerBoolean'".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_position_and_link_id_in_both_languages() {
        let problem = Problem {
            location: Location::Item {
                position: "3.2".into(),
                link_id: Some("photo".into()),
            },
            kind: ProblemKind::Unsupported {
                what: Unsupported::ItemType("attachment".into()),
                required: false,
            },
        };
        assert_eq!(
            problem.to_string(),
            "item 3.2 (linkId 'photo') : le type « attachment » n'est pas pris en charge ; la question \
             ne peut pas être affichée ici / type 'attachment' is not supported; this question cannot \
             be shown here"
        );
    }
}
