//! A finalised AGGIR evaluation per person, by the case manager, consistent with the plan's
//! goals (toilette, alimentation, déplacements intérieur, transferts need help).

use relais_core::aggir::{Code, Profile, Variable};
use relais_core::questionnaire::aggir_form::AggirForm;
use relais_core::questionnaire::aggir_items::{Answer, GridActivity};
use relais_core::questionnaire::evaluation::Evaluation;
use relais_core::questionnaire::AnswerValue;
use relais_core::{EntryId, Member, Person, Role, Timestamp};

/// Profiles that give GIR 2 to 4, the people a home-care plan usually follows.
const PROFILES: [&str; 3] = ["AABBBBBBCB", "CCBBBBBBCB", "AABAAACCAA"];

/// 15 October 2026, 09:30 UTC: the evaluation visit before the plan's review.
const VISIT_MS: i64 = 1_791_970_200_000;

/// Answers an activity so that it codes `code`: A all four adverbs, B one missing, C "ne fait pas".
fn answer(grid: &mut AggirForm, activity: GridActivity, code: Code) {
    let mut set = |answer: Answer, value: bool| {
        grid.set(&activity.answer_link_id(answer), 0, vec![AnswerValue::Boolean(value)])
            .expect("the built-in grid accepts its own answers");
    };
    set(Answer::NeFaitPas, code == Code::C);
    if code != Code::C {
        for adverb in Answer::ADVERBS {
            set(adverb, code == Code::A || adverb != Answer::Habituellement);
        }
    }
}

pub fn evaluation(index: usize, person: &Person, members: &[Member]) -> Evaluation {
    let profile = Profile::parse(PROFILES[index % PROFILES.len()]).expect("valid profiles");
    let mut grid = AggirForm::new();
    for variable in Variable::ALL {
        for activity in GridActivity::of_variable(variable) {
            answer(&mut grid, activity, profile.code(variable));
        }
    }
    let author = members
        .iter()
        .find(|m| m.actor.role() == Role::GestionnaireDeCas)
        .map(|m| m.actor.clone())
        .expect("every demo circle has a case manager");
    let at = VISIT_MS + index as i64 * 86_400_000;
    let id = EntryId::v7(at as u64, [index as u8, 0xa6, 0x61, 0x52, 0, 0, 0, 0, 0, 1]);
    Evaluation::draft(id, person.id.clone(), author, Timestamp::from_unix_ms(at), grid.form())
        .finalize(grid.form(), Timestamp::from_unix_ms(at + 3_600_000))
        .expect("every discriminant activity is answered")
}
