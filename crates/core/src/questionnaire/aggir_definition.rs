//! Generates the built-in AGGIR questionnaire from the `aggir` module, and checks that the
//! checked-in `builtin/aggir.json` is exactly that.
//!
//! Labels, help texts and ids live once, in `aggir`; the JSON is what ships and what a host
//! can read, so it is generated rather than typed. After changing either side, regenerate with
//! `RELAIS_BLESS_AGGIR=1 cargo test -p relais-core aggir_definition` and review the diff.

use super::aggir_items::{
    variable_code_link_id, variable_group_link_id, Answer, GridActivity, GIR_LINK_ID, ILLUSTRATIVES_LINK_ID,
};
use super::builtin::{AGGIR_JSON, AGGIR_URL, AGGIR_VERSION};
use crate::aggir::Variable;
use serde::Serialize;
use serde_json::Value;

const INSTRUCTION: &str = "Coder chaque activité telle que la personne la fait seule, avec ses aides techniques \
     mais sans aide humaine. Si elle ne la fait pas du tout, cocher « Ne fait pas » ; sinon, répondre aux \
     quatre adverbes : spontanément, totalement, correctement, habituellement.";

const ILLUSTRATIVE_NOTE: &str = "Ces variables sont recueillies pour le plan d'aide mais ne modifient pas le GIR.";

const DESCRIPTION: &str = "Grille nationale AGGIR (CASF, annexes 2-1 et 2-2 ; guide de remplissage 2008). \
     Le GIR et le code de chaque variable sont calculés à partir des réponses.";

/// The resource, with fields in the order FHIR lists them so that the file reads naturally.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Definition {
    resource_type: &'static str,
    url: &'static str,
    version: &'static str,
    name: &'static str,
    title: &'static str,
    status: &'static str,
    publisher: &'static str,
    description: &'static str,
    item: Vec<Item>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    link_id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "is_false")]
    required: bool,
    #[serde(skip_serializing_if = "is_false")]
    read_only: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enable_behavior: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    enable_when: Vec<Condition>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<Item>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Condition {
    question: String,
    operator: &'static str,
    answer_boolean: bool,
}

fn is_false(flag: &bool) -> bool {
    !flag
}

impl Item {
    fn new(link_id: impl Into<String>, kind: &'static str, text: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
            kind,
            text: text.into(),
            required: false,
            read_only: false,
            max_length: None,
            enable_behavior: None,
            enable_when: Vec::new(),
            item: Vec::new(),
        }
    }

    fn group(link_id: impl Into<String>, text: impl Into<String>, item: Vec<Item>) -> Self {
        Self {
            item,
            ..Self::new(link_id, "group", text)
        }
    }

    fn display(link_id: impl Into<String>, text: &str) -> Self {
        Self::new(link_id, "display", text)
    }
}

fn definition() -> Definition {
    let mut item = vec![Item::display("consigne", INSTRUCTION)];
    item.extend(Variable::ALL.map(variable_group));
    item.push(illustrative_group());
    item.push(result_group());
    Definition {
        resource_type: "Questionnaire",
        url: AGGIR_URL,
        version: AGGIR_VERSION,
        name: "AGGIR",
        title: "Grille AGGIR",
        status: "active",
        publisher: "Relais",
        description: DESCRIPTION,
        item,
    }
}

/// A composite variable groups its sub-variables under its own help; a simple one is its
/// own activity group.
fn variable_group(variable: Variable) -> Item {
    match GridActivity::of_variable(variable).as_slice() {
        [single @ GridActivity::Variable(_)] => activity_group(*single, true),
        subs => {
            let link_id = variable_group_link_id(variable);
            let mut items = vec![Item::display(format!("{link_id}.aide"), variable.help_fr())];
            items.extend(subs.iter().map(|&sub| activity_group(sub, true)));
            Item::group(link_id, variable.label_fr(), items)
        }
    }
}

/// Help, "ne fait pas", then the adverbs, shown unless "ne fait pas" is answered yes. The
/// adverbs of a discriminant activity are required, so a finalised evaluation has a GIR.
fn activity_group(activity: GridActivity, required: bool) -> Item {
    let link_id = activity.link_id();
    let ne_fait_pas = activity.answer_link_id(Answer::NeFaitPas);
    let mut items = vec![
        Item::display(format!("{link_id}.aide"), activity.help_fr()),
        Item::new(ne_fait_pas.clone(), "boolean", Answer::NeFaitPas.label_fr()),
    ];
    items.extend(Answer::ADVERBS.map(|adverb| Item {
        required,
        enable_behavior: Some("any"),
        enable_when: vec![
            Condition {
                question: ne_fait_pas.clone(),
                operator: "!=",
                answer_boolean: true,
            },
            Condition {
                question: ne_fait_pas.clone(),
                operator: "exists",
                answer_boolean: false,
            },
        ],
        ..Item::new(activity.answer_link_id(adverb), "boolean", adverb.label_fr())
    }));
    Item::group(link_id, activity.label_fr(), items)
}

fn illustrative_group() -> Item {
    let mut items = vec![Item::display(
        format!("{ILLUSTRATIVES_LINK_ID}.note"),
        ILLUSTRATIVE_NOTE,
    )];
    items.extend(GridActivity::illustrative().map(|activity| activity_group(activity, false)));
    Item::group(ILLUSTRATIVES_LINK_ID, "Variables illustratives", items)
}

fn result_group() -> Item {
    let mut items = vec![Item {
        read_only: true,
        ..Item::new(GIR_LINK_ID, "integer", "GIR calculé")
    }];
    items.extend(Variable::ALL.map(|variable| Item {
        read_only: true,
        max_length: Some(1),
        ..Item::new(
            variable_code_link_id(variable),
            "string",
            format!("{} : code calculé (A, B ou C)", variable.label_fr()),
        )
    }));
    Item::group("resultat", "Résultat", items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_in_json_is_what_rust_generates() {
        let generated = serde_json::to_value(definition()).expect("the definition serialises");
        if std::env::var_os("RELAIS_BLESS_AGGIR").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/questionnaire/builtin/aggir.json");
            let text = serde_json::to_string_pretty(&definition()).expect("the definition serialises") + "\n";
            std::fs::write(path, text).expect("aggir.json is writable");
            // `AGGIR_JSON` was included at compile time: the next run compares the new file.
            return;
        }
        let checked_in: Value = serde_json::from_str(AGGIR_JSON).expect("aggir.json is JSON");
        assert!(
            checked_in == generated,
            "builtin/aggir.json differs from the generated definition: regenerate it with \
             RELAIS_BLESS_AGGIR=1 cargo test -p relais-core aggir_definition"
        );
    }

    #[test]
    fn aggir_loads_without_errors_or_notices() {
        let loaded = super::super::load(AGGIR_JSON).unwrap_or_else(|errors| {
            panic!(
                "{}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
            )
        });
        assert_eq!(loaded.notices, vec![]);
        let aggir = loaded.questionnaire;
        assert_eq!(aggir.canonical(), format!("{AGGIR_URL}|{AGGIR_VERSION}"));
        assert_eq!(aggir.title(), Some("Grille AGGIR"));
        let roots: Vec<&str> = aggir
            .roots()
            .iter()
            .map(|&id| aggir.item(id).link_id.as_str())
            .collect();
        let mut expected = vec!["consigne"];
        expected.extend(Variable::ALL.map(Variable::id));
        expected.extend([ILLUSTRATIVES_LINK_ID, "resultat"]);
        assert_eq!(roots, expected);
    }

    #[test]
    fn every_activity_has_its_label_help_and_five_questions() {
        let aggir = super::super::builtin::aggir();
        let item = |link_id: &str| aggir.item(aggir.find(link_id).unwrap_or_else(|| panic!("{link_id}")));
        let activities = GridActivity::discriminant().chain(GridActivity::illustrative());
        for activity in activities {
            let group = item(&activity.link_id());
            assert_eq!(group.text.as_deref(), Some(activity.label_fr()));
            let help = aggir.item(group.children[0]);
            assert_eq!(
                (help.kind.type_code(), help.text.as_deref()),
                ("display", Some(activity.help_fr()))
            );
            for answer in Answer::ALL {
                let question = item(&activity.answer_link_id(answer));
                assert_eq!(question.text.as_deref(), Some(answer.label_fr()));
                assert_eq!(question.enable_when.is_some(), answer != Answer::NeFaitPas);
                let discriminant = !matches!(activity, GridActivity::Illustrative(_));
                assert_eq!(question.required, discriminant && answer != Answer::NeFaitPas);
            }
        }
        for sub in crate::aggir::SubVariable::ALL {
            let parent = aggir.find(variable_group_link_id(sub.parent()));
            assert_eq!(item(&GridActivity::Sub(sub).link_id()).parent, parent);
        }
        let note = item(&format!("{ILLUSTRATIVES_LINK_ID}.note"));
        assert!(note.text.as_deref().unwrap().contains("ne modifient pas le GIR"));
        let gir = item(GIR_LINK_ID);
        assert!(gir.read_only && gir.kind.type_code() == "integer");
        assert!(Variable::ALL.iter().all(|&v| item(&variable_code_link_id(v)).read_only));
    }
}
