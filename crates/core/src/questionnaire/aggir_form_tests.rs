//! The AGGIR questionnaire filled through the engine gives the `aggir` module's results, live.

use super::aggir_form::{AggirForm, AggirFormError};
use super::aggir_items::{variable_code_link_id, Answer, GridActivity, GIR_LINK_ID};
use super::*;
use crate::aggir::{Activity, Code, IllustrativeVariable, Profile, Variable};
use chrono::DateTime;
use serde_json::Value;

/// Answers `activity` so that it codes `code`: A all yes, B one no, C "ne fait pas".
pub(super) fn answer(grid: &mut AggirForm, activity: GridActivity, code: Code) {
    let set = |grid: &mut AggirForm, answer: Answer, value: bool| {
        grid.set(&activity.answer_link_id(answer), 0, vec![AnswerValue::Boolean(value)])
            .unwrap();
    };
    set(grid, Answer::NeFaitPas, code == Code::C);
    for adverb in Answer::ADVERBS {
        set(grid, adverb, code == Code::A || adverb != Answer::Spontanement);
    }
}

/// A grid whose every sub-variable carries its variable's code (which combines to that code).
pub(super) fn filled(profile: Profile) -> AggirForm {
    let mut grid = AggirForm::new();
    for variable in Variable::ALL {
        for activity in GridActivity::of_variable(variable) {
            answer(&mut grid, activity, profile.code(variable));
        }
    }
    grid
}

fn calculated(grid: &AggirForm, link_id: &str) -> Vec<AnswerValue> {
    grid.form().answers(link_id, 0).to_vec()
}

fn letter(code: char) -> Vec<AnswerValue> {
    vec![AnswerValue::String(code.to_string())]
}

#[test]
fn complete_grids_give_the_gir_of_their_profile() {
    let profiles = Profile::all()
        .step_by(997)
        .chain(["AAAAAAAAAA", "CCCCCCCCCC", "AABBABBAAA", "AAAABACCAA"].map(|p| Profile::parse(p).unwrap()));
    for profile in profiles {
        let grid = filled(profile);
        assert_eq!(grid.profile(), Some(profile));
        assert_eq!(grid.gir(), Some(profile.gir()), "{profile}");
        assert_eq!(
            calculated(&grid, GIR_LINK_ID),
            vec![AnswerValue::Integer(i32::from(profile.gir().number()))]
        );
        for variable in Variable::ALL {
            let code = profile.code(variable).letter();
            assert_eq!(calculated(&grid, &variable_code_link_id(variable)), letter(code));
        }
        assert_eq!(grid.explanation(), Some(profile.explain()));
        assert!(grid.form().completion().is_complete(), "{profile}");
    }
}

#[test]
fn sub_variables_combine_by_the_guide_rules() {
    let mut grid = AggirForm::new();
    answer(
        &mut grid,
        GridActivity::Sub(crate::aggir::SubVariable::SeServir),
        Code::A,
    );
    answer(&mut grid, GridActivity::Sub(crate::aggir::SubVariable::Manger), Code::C);
    assert_eq!(grid.variable_code(Variable::Alimentation), Some(Code::B), "AC gives B");
    answer(
        &mut grid,
        GridActivity::Sub(crate::aggir::SubVariable::SeServir),
        Code::B,
    );
    assert_eq!(calculated(&grid, "variable.alimentation"), letter('C'), "BC gives C");
}

#[test]
fn partial_grids_show_partial_codes_and_no_gir() {
    let mut grid = AggirForm::new();
    assert!(Variable::ALL
        .iter()
        .all(|&v| calculated(&grid, &variable_code_link_id(v)).is_empty()));
    for adverb in Answer::ADVERBS {
        assert_eq!(calculated(&grid, "variable.toilette"), vec![]);
        grid.set_text(&format!("toilette.haut.{}", adverb.id()), 0, "true")
            .unwrap();
    }
    assert_eq!(
        grid.variable_code(Variable::Toilette),
        None,
        "toilette du bas still unanswered"
    );
    grid.set_text("toilette.bas.ne-fait-pas", 0, "true").unwrap();
    assert_eq!(calculated(&grid, "variable.toilette"), letter('B'));
    for adverb in Answer::ADVERBS.into_iter().rev() {
        grid.set_text(&format!("transferts.{}", adverb.id()), 0, "false")
            .unwrap();
    }
    assert_eq!(calculated(&grid, "variable.transferts"), letter('C'), "four no give C");
    grid.clear("transferts.totalement", 0).unwrap();
    assert_eq!(
        calculated(&grid, "variable.transferts"),
        vec![],
        "a cleared answer clears the code"
    );
    assert_eq!(calculated(&grid, GIR_LINK_ID), vec![]);
    assert_eq!((grid.profile(), grid.explanation()), (None, None));
}

#[test]
fn ne_fait_pas_hides_the_adverbs_and_gives_c() {
    let mut grid = AggirForm::new();
    let transferts = GridActivity::Variable(Variable::Transferts);
    answer(&mut grid, transferts, Code::A);
    assert_eq!(calculated(&grid, "variable.transferts"), letter('A'));
    grid.set_text("transferts.ne-fait-pas", 0, "true").unwrap();
    assert!(Answer::ADVERBS
        .iter()
        .all(|&adverb| !grid.form().is_visible(&transferts.answer_link_id(adverb), 0)));
    assert_eq!(grid.activity(transferts), Some(Activity::NeFaitPas));
    assert_eq!(calculated(&grid, "variable.transferts"), letter('C'));
    grid.clear("transferts.ne-fait-pas", 0).unwrap();
    assert!(
        grid.form().is_visible("transferts.spontanement", 0),
        "absent means the person does it"
    );
    assert_eq!(
        calculated(&grid, "variable.transferts"),
        letter('A'),
        "kept answers count again"
    );
}

#[test]
fn illustrative_answers_change_nothing_but_complete_the_grid() {
    let profile = Profile::parse("AABBABBAAA").unwrap();
    let mut grid = filled(profile);
    let before = (grid.explanation(), calculated(&grid, GIR_LINK_ID));
    assert_eq!(grid.grid(), None, "illustrative variables not coded yet");
    for (i, variable) in IllustrativeVariable::ALL.into_iter().enumerate() {
        answer(&mut grid, GridActivity::Illustrative(variable), Code::ALL[i % 3]);
        assert_eq!((grid.explanation(), calculated(&grid, GIR_LINK_ID)), before);
    }
    let full = grid.grid().unwrap();
    assert_eq!(full.profile(), profile);
    assert_eq!(full.illustrative.cuisine, Code::B);
    assert_eq!(Some(full.explain()), before.0);
}

#[test]
fn people_cannot_write_calculated_items_nor_calculations_answers() {
    let mut grid = filled(Profile::parse("CCCCCCCCCC").unwrap());
    assert_eq!(
        grid.set(GIR_LINK_ID, 0, vec![AnswerValue::Integer(6)]),
        Err(AnswerError::ReadOnly(GIR_LINK_ID.into()))
    );
    assert_eq!(
        grid.set_text("variable.toilette", 0, "A"),
        Err(AnswerError::ReadOnly("variable.toilette".into()))
    );
    assert_eq!(
        grid.clear(GIR_LINK_ID, 0),
        Err(AnswerError::ReadOnly(GIR_LINK_ID.into()))
    );
    assert_eq!(calculated(&grid, GIR_LINK_ID), vec![AnswerValue::Integer(1)]);
    let mut form = grid.into_form();
    assert_eq!(
        form.set_calculated("transferts.ne-fait-pas", 0, vec![]),
        Err(AnswerError::NotCalculated("transferts.ne-fait-pas".into()))
    );
}

#[test]
fn the_response_carries_the_gir_and_codes() {
    let grid = filled(Profile::parse("AABBABCAAA").unwrap());
    let context = ResponseContext {
        status: ResponseStatus::Completed,
        subject: Reference::new("Patient/42", None).unwrap(),
        author: Reference::new("Practitioner/7", None).unwrap(),
        authored: DateTime::parse_from_rfc3339("2026-11-23T08:11:00+01:00").unwrap(),
    };
    let response = grid.form().to_response(&context).unwrap();
    let result = response["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["linkId"] == "resultat")
        .unwrap();
    assert_eq!(result["item"][0]["linkId"], GIR_LINK_ID);
    assert_eq!(result["item"][0]["text"], "GIR calculé");
    assert_eq!(result["item"][0]["answer"], serde_json::json!([{"valueInteger": 3}]));
    let transferts = result["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["linkId"] == "variable.transferts")
        .unwrap();
    assert_eq!(transferts["answer"][0]["valueString"], "C");
}

#[test]
fn other_questionnaires_and_altered_copies_are_refused() {
    let rem = AggirForm::from_form(Form::new(builtin::rem())).unwrap_err();
    assert_eq!(rem, AggirFormError::OtherQuestionnaire(builtin::REM_URL.into()));
    let mut altered: Value = serde_json::from_str(builtin::AGGIR_JSON).unwrap();
    let result = altered["item"].as_array_mut().unwrap().last_mut().unwrap();
    result["item"].as_array_mut().unwrap().remove(0);
    let loaded = load(&altered.to_string()).unwrap();
    let error = AggirForm::from_form(Form::new(loaded.questionnaire)).unwrap_err();
    assert_eq!(error, AggirFormError::Item(GIR_LINK_ID.into()));
    assert_eq!(
        error.to_string(),
        "la grille AGGIR n'a pas l'item attendu « gir » / the AGGIR grid lacks the expected item 'gir'"
    );
}

/// The same answers given to a plain [`Form`], which never calculates.
pub(super) fn plain_filled(profile: Profile) -> Form {
    let mut form = Form::new(builtin::aggir());
    for variable in Variable::ALL {
        let code = profile.code(variable);
        for activity in GridActivity::of_variable(variable) {
            for answer in Answer::ALL {
                let yes = match answer {
                    Answer::NeFaitPas => code == Code::C,
                    Answer::Spontanement => code == Code::A,
                    _ => true,
                };
                form.set(&activity.answer_link_id(answer), 0, vec![AnswerValue::Boolean(yes)])
                    .unwrap();
            }
        }
    }
    form
}

#[test]
fn a_restored_form_is_calculated_on_wrapping() {
    let form = plain_filled(Profile::parse("AABBABBAAA").unwrap());
    assert_eq!(form.answers(GIR_LINK_ID, 0), &[]);
    let grid = AggirForm::from_form(form).unwrap();
    assert_eq!(calculated(&grid, GIR_LINK_ID), vec![AnswerValue::Integer(4)]);
}
