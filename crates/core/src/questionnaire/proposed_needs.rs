//! Needs → plan: the goals and service lines an evaluation suggests (domain.md §3–4).
//!
//! An evaluator who codes "toilette C" or ticks "épuisement de l'aidant" should not have to
//! retype it into the plan: each flagged answer becomes a proposed goal, in a goal domain,
//! with the kind of service that usually answers it and the [`NeedRef`] the plan keeps to
//! trace the goal back to the evaluation. They are proposals: the person and the evaluator
//! choose, nothing here writes a plan.
//!
//! Flagged are the AGGIR variables coded B or C (discriminant and illustrative), the REM's
//! "besoins identifiés", the main caregiver's exhaustion and expressed needs, isolation and
//! falls. A host questionnaire flags nothing: its items have no meaning core knows.

use super::aggir_form::AggirForm;
use super::aggir_items::GridActivity;
use super::answers::Form;
use super::builtin::{AGGIR_URL, REM_URL};
use super::value::AnswerValue;
use crate::aggir::{Code, IllustrativeVariable, Variable};
use crate::plan::{GoalDomain, NeedRef, ServiceType};
use serde::Serialize;

/// One proposed goal with its service line, and why it is proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposedNeed {
    /// What in the evaluation the goal answers, as the plan's goal keeps it.
    pub need: NeedRef,
    /// The goal's French title, e.g. "Aide à la toilette".
    pub title: String,
    pub domain: GoalDomain,
    pub service: ServiceType,
    /// The answer that flags it, e.g. "Toilette : C".
    pub reason: String,
}

impl ProposedNeed {
    /// Stable within one evaluation, for a checkbox or a host's bookkeeping.
    pub fn key(&self) -> String {
        match &self.need {
            NeedRef::Aggir { variable } => format!("aggir:{}", variable.id()),
            NeedRef::QuestionnaireItem { link_id, .. } => format!("{link_id}:{}", self.title),
        }
    }
}

/// The JSON array a host receives (the `relais:needs` event's detail): each need as
/// `{need, title, domain, service, reason}`.
pub fn needs_json(needs: &[ProposedNeed]) -> String {
    serde_json::to_string(needs).expect("proposed needs always serialise")
}

/// Goal title, goal domain code and service type code.
type Proposal = (&'static str, &'static str, &'static str);

fn discriminant(variable: Variable) -> Proposal {
    match variable {
        Variable::Coherence => ("Accompagnement des troubles de la cohérence", "sante", "accueil-de-jour"),
        Variable::Orientation => ("Repères dans le temps et dans les lieux", "securite", "aide-a-domicile"),
        Variable::Toilette => ("Aide à la toilette", "vie-quotidienne", "aide-a-domicile"),
        Variable::Habillage => ("Aide à l'habillage", "vie-quotidienne", "aide-a-domicile"),
        Variable::Alimentation => ("Aide à la prise des repas", "alimentation", "aide-a-domicile"),
        Variable::Elimination => ("Aide à l'hygiène de l'élimination", "sante", "soins-infirmiers"),
        Variable::Transferts => ("Aide aux transferts (lever, coucher, s'asseoir)", "vie-quotidienne", "aide-a-domicile"),
        Variable::DeplacementsInterieur => ("Déplacements sûrs dans le logement", "securite", "kinesitherapie"),
        Variable::DeplacementsExterieur => ("Accompagnement pour sortir du domicile", "vie-sociale", "aide-a-domicile"),
        Variable::Alerter => ("Pouvoir alerter en cas de besoin", "securite", "teleassistance"),
    }
}

fn illustrative(variable: IllustrativeVariable) -> Proposal {
    match variable {
        IllustrativeVariable::Gestion => ("Aide à la gestion administrative et du budget", "vie-quotidienne", "autre"),
        IllustrativeVariable::Cuisine => ("Préparation des repas", "alimentation", "portage-de-repas"),
        IllustrativeVariable::Menage => ("Aide au ménage", "vie-quotidienne", "aide-a-domicile"),
        IllustrativeVariable::Transports => ("Accompagnement dans les transports", "vie-sociale", "aide-a-domicile"),
        IllustrativeVariable::Achats => ("Aide aux courses", "alimentation", "aide-a-domicile"),
        IllustrativeVariable::SuiviDuTraitement => ("Suivi du traitement", "sante", "soins-infirmiers"),
        IllustrativeVariable::ActivitesDeTempsLibre => ("Activités de temps libre et lien social", "vie-sociale", "accueil-de-jour"),
    }
}

/// The REM's choice answers that name a need: (linkId, answer code, proposal).
const REM_CHOICES: [(&str, &str, Proposal); 13] = [
    ("synthese-besoins", "actes-essentiels", ("Aide aux actes essentiels", "vie-quotidienne", "aide-a-domicile")),
    ("synthese-besoins", "surveillance", ("Présence et surveillance", "securite", "aide-a-domicile")),
    ("synthese-besoins", "entretien-logement", ("Aide au ménage", "vie-quotidienne", "aide-a-domicile")),
    ("synthese-besoins", "repas", ("Portage ou préparation des repas", "alimentation", "portage-de-repas")),
    ("synthese-besoins", "courses", ("Aide aux courses", "alimentation", "aide-a-domicile")),
    ("synthese-besoins", "repit-aidant", ("Répit du proche aidant", "aidant", "repit")),
    ("synthese-besoins", "adaptation-logement", ("Adaptation du logement", "securite", "autre")),
    ("synthese-besoins", "aides-techniques", ("Aides techniques", "securite", "autre")),
    ("synthese-besoins", "lien-social", ("Maintien du lien social", "vie-sociale", "accueil-de-jour")),
    ("aidant-besoins", "repit", ("Répit du proche aidant", "aidant", "repit")),
    ("aidant-besoins", "accueil-temporaire", ("Accueil temporaire pour soulager l'aidant", "aidant", "accueil-de-jour")),
    ("aidant-besoins", "soutien-psychologique", ("Soutien psychologique du proche aidant", "aidant", "autre")),
    ("aidant-besoins", "formation", ("Formation du proche aidant", "aidant", "autre")),
];

/// The REM's yes/no answers that flag a need when answered yes.
const REM_FLAGS: [(&str, Proposal); 3] = [
    ("aidant-epuisement", ("Soutien et répit du proche aidant épuisé", "aidant", "repit")),
    ("social-isolement", ("Rompre l'isolement", "vie-sociale", "accueil-de-jour")),
    ("actes-chute", ("Prévenir les chutes", "securite", "teleassistance")),
];

/// The proposals for `form`'s current answers, in the questionnaire's order, each goal once.
pub fn proposed_needs(form: &Form) -> Vec<ProposedNeed> {
    let mut list = match form.questionnaire().url() {
        AGGIR_URL => AggirForm::from_form(form.clone()).map(|aggir| aggir_needs(&aggir)).unwrap_or_default(),
        REM_URL => rem_needs(form),
        _ => Vec::new(),
    };
    let mut seen = std::collections::BTreeSet::new();
    list.retain(|need| seen.insert(need.title.clone()));
    list
}

fn aggir_needs(aggir: &AggirForm) -> Vec<ProposedNeed> {
    let flagged = |code: Option<Code>| code.filter(|c| *c != Code::A);
    let discriminants = Variable::ALL.into_iter().filter_map(|variable| {
        let code = flagged(aggir.variable_code(variable))?;
        let reason = format!("{} : {}", variable.label_fr(), code.letter());
        Some(proposal(NeedRef::Aggir { variable }, discriminant(variable), reason))
    });
    let illustratives = IllustrativeVariable::ALL.into_iter().filter_map(|variable| {
        let activity = GridActivity::Illustrative(variable);
        let code = flagged(aggir.code(activity))?;
        let reason = format!("{} : {}", variable.label_fr(), code.letter());
        Some(proposal(item(AGGIR_URL, activity.link_id()), illustrative(variable), reason))
    });
    discriminants.chain(illustratives).collect()
}

fn rem_needs(form: &Form) -> Vec<ProposedNeed> {
    let answered = |link_id: &str| if form.is_visible(link_id, 0) { form.answers(link_id, 0) } else { &[] };
    let question = |link_id: &str| {
        let questionnaire = form.questionnaire();
        questionnaire.find(link_id).and_then(|id| questionnaire.item(id).text.clone()).unwrap_or_default()
    };
    let choices = REM_CHOICES.iter().filter_map(|&(link_id, code, goal)| {
        let chosen = answered(link_id).iter().find_map(|value| match value {
            AnswerValue::Coding(coding) if coding.code == code => Some(coding.display.clone().unwrap_or_else(|| code.to_owned())),
            _ => None,
        })?;
        Some(proposal(item(REM_URL, link_id.to_owned()), goal, format!("{} : {chosen}", question(link_id))))
    });
    let flags = REM_FLAGS.iter().filter_map(|&(link_id, goal)| {
        answered(link_id).iter().any(|v| matches!(v, AnswerValue::Boolean(true))).then(|| {
            proposal(item(REM_URL, link_id.to_owned()), goal, format!("{} : oui", question(link_id)))
        })
    });
    flags.chain(choices).collect()
}

fn item(questionnaire: &str, link_id: String) -> NeedRef {
    NeedRef::QuestionnaireItem { questionnaire: questionnaire.to_owned(), link_id }
}

fn proposal(need: NeedRef, (title, domain, service): Proposal, reason: String) -> ProposedNeed {
    ProposedNeed {
        need,
        title: title.to_owned(),
        domain: GoalDomain::default_of(domain).expect("every proposal names a default goal domain"),
        service: ServiceType::french_defaults()
            .into_iter()
            .find(|s| s.code == service)
            .expect("every proposal names a default service type"),
        reason,
    }
}
