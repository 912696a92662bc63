//! AGGIR as a questionnaire: the calculated items of the built-in grid, fed by the `aggir`
//! algorithm after every answer.
//!
//! The GIR shown in a form and the GIR of the `aggir` module must never differ, so nothing here
//! re-implements coding or combination: answers become [`Activity`] values, and the module does
//! the rest. [`AggirForm`] wraps a [`Form`] so that every answer recalculates the read-only
//! items (`variable.*` as soon as a variable's activities are complete, `gir` when all are),
//! which keeps a live UI and the `QuestionnaireResponse` consistent with the answers.

use super::aggir_items::{variable_code_link_id, Answer, GridActivity, GIR_LINK_ID};
use super::answers::{AnswerError, Form};
use super::builtin::{self, AGGIR_URL};
use super::definition::{Item, ItemKind};
use super::value::AnswerValue;
use crate::aggir::{
    combine, Activity, Adverbs, Code, Explanation, Gir, Grid, Illustrative, IllustrativeVariable, Profile, SubVariable,
    Variable, PROFILE_LEN,
};
use std::fmt;

/// Why a form cannot be read as the AGGIR grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AggirFormError {
    /// The form answers another questionnaire (its url).
    OtherQuestionnaire(String),
    /// An item the grid needs is missing or does not fit the calculation (its linkId, or why).
    Item(String),
}

impl fmt::Display for AggirFormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AggirFormError::OtherQuestionnaire(url) => write!(
                f,
                "« {url} » n'est pas la grille AGGIR / '{url}' is not the AGGIR grid"
            ),
            AggirFormError::Item(link_id) => write!(
                f,
                "la grille AGGIR n'a pas l'item attendu « {link_id} » / the AGGIR grid lacks the expected item '{link_id}'"
            ),
        }
    }
}

impl std::error::Error for AggirFormError {}

/// A form of the built-in AGGIR questionnaire whose calculated items are always up to date.
#[derive(Debug, Clone)]
pub struct AggirForm {
    form: Form,
}

impl Default for AggirForm {
    fn default() -> Self {
        Self::new()
    }
}

impl AggirForm {
    /// An empty grid of the built-in questionnaire.
    pub fn new() -> Self {
        Self::from_form(Form::new(builtin::aggir())).expect("the built-in AGGIR grid has every item (tested)")
    }

    /// Wraps a form of the AGGIR questionnaire (for instance one restored with earlier answers)
    /// and calculates its read-only items.
    pub fn from_form(form: Form) -> Result<Self, AggirFormError> {
        let url = form.questionnaire().url();
        if url != AGGIR_URL {
            return Err(AggirFormError::OtherQuestionnaire(url.to_owned()));
        }
        check_items(&form)?;
        let mut aggir = Self { form };
        aggir
            .calculate()
            .map_err(|error| AggirFormError::Item(error.to_string()))?;
        Ok(aggir)
    }

    pub fn form(&self) -> &Form {
        &self.form
    }

    pub fn into_form(self) -> Form {
        self.form
    }

    /// [`Form::set`], then recalculation.
    pub fn set(&mut self, link_id: &str, instance: usize, values: Vec<AnswerValue>) -> Result<(), AnswerError> {
        self.form.set(link_id, instance, values)?;
        self.calculate()
    }

    /// [`Form::set_text`], then recalculation.
    pub fn set_text(&mut self, link_id: &str, instance: usize, raw: &str) -> Result<(), AnswerError> {
        self.form.set_text(link_id, instance, raw)?;
        self.calculate()
    }

    /// [`Form::clear`], then recalculation.
    pub fn clear(&mut self, link_id: &str, instance: usize) -> Result<(), AnswerError> {
        self.form.clear(link_id, instance)?;
        self.calculate()
    }

    /// The coded activity, once "ne fait pas" is yes or the four adverbs are answered.
    pub fn activity(&self, activity: GridActivity) -> Option<Activity> {
        let answer = |answer: Answer| self.shown_boolean(&activity.answer_link_id(answer));
        if answer(Answer::NeFaitPas) == Some(true) {
            return Some(Activity::NeFaitPas);
        }
        let [spontanement, totalement, correctement, habituellement] = Answer::ADVERBS.map(answer);
        Some(Activity::Fait(Adverbs {
            spontanement: spontanement?,
            totalement: totalement?,
            correctement: correctement?,
            habituellement: habituellement?,
        }))
    }

    pub fn code(&self, activity: GridActivity) -> Option<Code> {
        self.activity(activity).map(Activity::code)
    }

    /// A discriminant variable's code, once all its activities are coded.
    pub fn variable_code(&self, variable: Variable) -> Option<Code> {
        let codes = GridActivity::of_variable(variable)
            .into_iter()
            .map(|activity| self.code(activity))
            .collect::<Option<Vec<Code>>>()?;
        combined(variable, &codes)
    }

    /// The ten discriminant codes, once every discriminant activity is coded.
    pub fn profile(&self) -> Option<Profile> {
        let mut codes = [Code::A; PROFILE_LEN];
        for (slot, variable) in codes.iter_mut().zip(Variable::ALL) {
            *slot = self.variable_code(variable)?;
        }
        Some(Profile::new(codes))
    }

    pub fn gir(&self) -> Option<Gir> {
        self.profile().map(|profile| profile.gir())
    }

    /// Why the complete profile gets its GIR.
    pub fn explanation(&self) -> Option<Explanation> {
        self.profile().map(|profile| profile.explain())
    }

    /// The whole grid, illustrative variables included, once every activity is coded.
    pub fn grid(&self) -> Option<Grid> {
        let sub = |sub: SubVariable| self.code(GridActivity::Sub(sub));
        let simple = |variable: Variable| self.code(GridActivity::Variable(variable));
        Some(Grid {
            communication: sub(SubVariable::Communication)?,
            comportement: sub(SubVariable::Comportement)?,
            orientation_temps: sub(SubVariable::OrientationTemps)?,
            orientation_espace: sub(SubVariable::OrientationEspace)?,
            toilette_haut: sub(SubVariable::ToiletteHaut)?,
            toilette_bas: sub(SubVariable::ToiletteBas)?,
            habillage_haut: sub(SubVariable::HabillageHaut)?,
            habillage_moyen: sub(SubVariable::HabillageMoyen)?,
            habillage_bas: sub(SubVariable::HabillageBas)?,
            se_servir: sub(SubVariable::SeServir)?,
            manger: sub(SubVariable::Manger)?,
            elimination_urinaire: sub(SubVariable::EliminationUrinaire)?,
            elimination_fecale: sub(SubVariable::EliminationFecale)?,
            transferts: simple(Variable::Transferts)?,
            deplacements_interieur: simple(Variable::DeplacementsInterieur)?,
            deplacements_exterieur: simple(Variable::DeplacementsExterieur)?,
            alerter: simple(Variable::Alerter)?,
            illustrative: self.illustrative()?,
        })
    }

    fn illustrative(&self) -> Option<Illustrative> {
        let code = |variable: IllustrativeVariable| self.code(GridActivity::Illustrative(variable));
        Some(Illustrative {
            gestion: code(IllustrativeVariable::Gestion)?,
            cuisine: code(IllustrativeVariable::Cuisine)?,
            menage: code(IllustrativeVariable::Menage)?,
            transports: code(IllustrativeVariable::Transports)?,
            achats: code(IllustrativeVariable::Achats)?,
            suivi_du_traitement: code(IllustrativeVariable::SuiviDuTraitement)?,
            activites_de_temps_libre: code(IllustrativeVariable::ActivitesDeTempsLibre)?,
        })
    }

    /// Writes every calculated item; an incomplete one is cleared so that a stale code never
    /// outlives the answer it came from.
    fn calculate(&mut self) -> Result<(), AnswerError> {
        for variable in Variable::ALL {
            let code = self.variable_code(variable);
            let values = code.map(|c| AnswerValue::String(c.letter().to_string()));
            self.form
                .set_calculated(&variable_code_link_id(variable), 0, values.into_iter().collect())?;
        }
        let gir = self.gir().map(|gir| AnswerValue::Integer(i32::from(gir.number())));
        self.form.set_calculated(GIR_LINK_ID, 0, gir.into_iter().collect())
    }

    /// A boolean answer as conditions see it: none while the question is hidden.
    fn shown_boolean(&self, link_id: &str) -> Option<bool> {
        if !self.form.is_visible(link_id, 0) {
            return None;
        }
        match self.form.answers(link_id, 0) {
            [AnswerValue::Boolean(value)] => Some(*value),
            _ => None,
        }
    }
}

/// The guide's combination rule for `variable`, applied to its activities' codes in order.
fn combined(variable: Variable, codes: &[Code]) -> Option<Code> {
    match (variable, codes) {
        (Variable::Coherence, &[communication, comportement]) => Some(combine::coherence(communication, comportement)),
        (Variable::Orientation, &[temps, espace]) => Some(combine::orientation(temps, espace)),
        (Variable::Toilette, &[haut, bas]) => Some(combine::toilette(haut, bas)),
        (Variable::Habillage, &[haut, moyen, bas]) => Some(combine::habillage(haut, moyen, bas)),
        (Variable::Alimentation, &[se_servir, manger]) => Some(combine::alimentation(se_servir, manger)),
        (Variable::Elimination, &[urinaire, fecale]) => Some(combine::elimination(urinaire, fecale)),
        (_, &[single]) => Some(single),
        _ => None,
    }
}

/// Every item the calculation reads or writes exists with the built-in type, so a host's
/// altered copy under the same url is refused instead of silently giving no GIR.
fn check_items(form: &Form) -> Result<(), AggirFormError> {
    let questionnaire = form.questionnaire();
    let item = |link_id: &str| {
        questionnaire
            .find(link_id)
            .map(|id| questionnaire.item(id))
            .ok_or_else(|| AggirFormError::Item(link_id.to_owned()))
    };
    let require = |link_id: String, fits: fn(&Item) -> bool| {
        if fits(item(&link_id)?) {
            Ok(())
        } else {
            Err(AggirFormError::Item(link_id))
        }
    };
    for activity in GridActivity::discriminant().chain(GridActivity::illustrative()) {
        for answer in Answer::ALL {
            require(activity.answer_link_id(answer), |item| {
                item.kind == ItemKind::Boolean && !item.read_only && item.scope.is_none()
            })?;
        }
    }
    for variable in Variable::ALL {
        require(variable_code_link_id(variable), |item| {
            matches!(item.kind, ItemKind::String { .. }) && item.read_only && item.scope.is_none()
        })?;
    }
    require(GIR_LINK_ID.to_owned(), |item| {
        item.kind == ItemKind::Integer && item.read_only && item.scope.is_none()
    })
}
