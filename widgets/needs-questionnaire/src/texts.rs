//! Interface wording, French first, with English.

pub use relais_core::lang::Lang;

/// Every fixed string the questionnaire shows, so a language is one value. The questions
/// themselves come from the questionnaire definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Texts {
    pub widget: &'static str,
    pub loading: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub none_selected: &'static str,
    pub required: &'static str,
    pub add_instance: &'static str,
    pub remove_instance: &'static str,
    pub unsupported: &'static str,
    pub progress: &'static str,
    pub answered: &'static str,
    pub required_remaining: &'static str,
    pub draft_saved: &'static str,
    pub finalize: &'static str,
    pub missing_title: &'static str,
    pub finalized: &'static str,
    pub by: &'static str,
    pub signature_pending: &'static str,
    pub result_title: &'static str,
    pub gir_incomplete: &'static str,
    pub code: &'static str,
    pub group: &'static str,
    pub score: &'static str,
    pub threshold: &'static str,
    pub rank: &'static str,
    pub below_all: &'static str,
    pub deciding: &'static str,
    pub apa_warning: &'static str,
    pub would_give: &'static str,
    pub illustrative_note: &'static str,
}

impl Texts {
    pub fn for_lang(lang: Lang) -> &'static Texts {
        match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

pub static FR: Texts = Texts {
    widget: "Évaluation des besoins",
    loading: "Ouverture de l'évaluation…",
    yes: "Oui",
    no: "Non",
    none_selected: "— Choisir —",
    required: "obligatoire",
    add_instance: "Ajouter",
    remove_instance: "Retirer",
    unsupported: "Cette question ne peut pas être affichée ici",
    progress: "Avancement",
    answered: "réponses données",
    required_remaining: "réponses obligatoires restantes",
    draft_saved: "Brouillon enregistré sur cet appareil à chaque réponse.",
    finalize: "Finaliser l'évaluation",
    missing_title: "Réponses obligatoires manquantes :",
    finalized: "Évaluation finalisée",
    by: "par",
    signature_pending: "La version finalisée est enregistrée et ne change plus ; l'empreinte de signature viendra ensuite.",
    result_title: "Résultat AGGIR",
    gir_incomplete: "GIR : la grille n'est pas encore complète",
    code: "Code",
    group: "groupe",
    score: "score",
    threshold: "seuil",
    rank: "rang",
    below_all: "sous tous les seuils (dernier rang)",
    deciding: "Variables qui ont compté :",
    apa_warning: "Attention : un seul changement ferait passer la limite GIR 4/5 (éligibilité à l'APA) :",
    would_give: "donnerait le GIR",
    illustrative_note: "Les 7 variables illustratives (gestion, cuisine, ménage, transports, achats, suivi du traitement, activités de temps libre) sont enregistrées mais ne changent pas le GIR.",
};

pub static EN: Texts = Texts {
    widget: "Needs assessment",
    loading: "Opening the assessment…",
    yes: "Yes",
    no: "No",
    none_selected: "— Choose —",
    required: "required",
    add_instance: "Add",
    remove_instance: "Remove",
    unsupported: "This question cannot be shown here",
    progress: "Progress",
    answered: "answers given",
    required_remaining: "required answers remaining",
    draft_saved: "Draft saved on this device with every answer.",
    finalize: "Finalise the assessment",
    missing_title: "Missing required answers:",
    finalized: "Assessment finalised",
    by: "by",
    signature_pending: "The final version is stored and no longer changes; the signature fingerprint comes later.",
    result_title: "AGGIR result",
    gir_incomplete: "GIR: the grid is not complete yet",
    code: "Code",
    group: "group",
    score: "score",
    threshold: "threshold",
    rank: "rank",
    below_all: "under every threshold (last rank)",
    deciding: "Variables that counted:",
    apa_warning: "Warning: one change would cross the GIR 4/5 line (APA eligibility):",
    would_give: "would give GIR",
    illustrative_note: "The 7 illustrative variables (management, cooking, housework, transport, shopping, treatment, leisure) are recorded but do not change the GIR.",
};
