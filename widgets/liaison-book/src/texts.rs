//! Interface wording, French first, with English.

/// The interface language; anything but English gets French.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn from_tag(tag: Option<&str>) -> Lang {
        match tag {
            Some(t) if t.trim().to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Fr,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// Every string the liaison book shows, so a language is one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Texts {
    pub book: &'static str,
    pub composer: &'static str,
    pub new_transmission: &'static str,
    pub category: &'static str,
    pub urgency: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub shortcut_hint: &'static str,
    pub list: &'static str,
    pub empty: &'static str,
    pub loading: &'static str,
    pub loading_older: &'static str,
    pub by: &'static str,
    pub quick_notes: &'static str,
    pub vigilance: &'static str,
    pub vigilance_badge: &'static str,
    pub pinned: &'static str,
    pub acknowledge: &'static str,
    pub acknowledged_by: &'static str,
    pub nobody_acknowledged: &'static str,
    pub reply: &'static str,
    pub correct: &'static str,
    pub cancel: &'static str,
    pub replying_to: &'static str,
    pub correcting: &'static str,
    pub in_reply_to: &'static str,
    pub correction_of: &'static str,
    pub corrected: &'static str,
    pub search: &'static str,
    pub all_categories: &'static str,
    pub all_urgencies: &'static str,
    pub filters: &'static str,
    pub no_match: &'static str,
    pub shown: &'static str,
    pub to_acknowledge: &'static str,
    pub earlier_entry: &'static str,
    pub new_badge: &'static str,
    pub counts: &'static str,
    pub unread: &'static str,
    pub unacknowledged: &'static str,
    pub escalated: &'static str,
    pub important: &'static str,
    pub print_digest: &'static str,
    pub digest_title: &'static str,
    pub digest_period: &'static str,
    pub digest_empty: &'static str,
    pub author_role: &'static str,
    pub all_roles: &'static str,
    pub unread_only: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub export_fhir: &'static str,
    pub export_failed: &'static str,
}

impl Texts {
    pub fn for_lang(lang: Lang) -> &'static Texts {
        match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

const FR: Texts = Texts {
    book: "Cahier de liaison",
    composer: "Écrire une transmission",
    new_transmission: "Nouvelle transmission",
    category: "Catégorie",
    urgency: "Urgence",
    save: "Enregistrer",
    saving: "Enregistrement…",
    saved: "Transmission enregistrée.",
    shortcut_hint: "Ctrl+Entrée enregistre aussi.",
    list: "Transmissions",
    empty: "Aucune transmission pour le moment.",
    loading: "Chargement du cahier…",
    loading_older: "Chargement des transmissions plus anciennes…",
    by: "par",
    quick_notes: "Notes rapides",
    vigilance: "Point de vigilance (à faire prendre en compte)",
    vigilance_badge: "Point de vigilance",
    pinned: "Points de vigilance à prendre en compte",
    acknowledge: "Pris en compte",
    acknowledged_by: "Pris en compte par :",
    nobody_acknowledged: "Personne ne l'a encore pris en compte.",
    reply: "Répondre",
    correct: "Corriger",
    cancel: "Annuler",
    replying_to: "Réponse à :",
    correcting: "Correction de :",
    in_reply_to: "En réponse à :",
    correction_of: "Corrige :",
    corrected: "Corrigée",
    search: "Rechercher",
    all_categories: "Toutes les catégories",
    all_urgencies: "Toutes les urgences",
    filters: "Filtrer les transmissions",
    no_match: "Aucune transmission ne correspond aux filtres.",
    shown: "transmission(s) affichée(s)",
    to_acknowledge: "à prendre en compte",
    earlier_entry: "une transmission antérieure",
    new_badge: "Nouveau",
    counts: "Résumé du cahier",
    unread: "nouvelle(s) depuis votre dernière visite",
    unacknowledged: "point(s) de vigilance à prendre en compte",
    escalated: "Signalé : non pris en compte dans le délai",
    important: "Important",
    print_digest: "Imprimer le résumé de la semaine",
    digest_title: "Résumé de la semaine",
    digest_period: "Transmissions des 7 derniers jours",
    digest_empty: "Aucune transmission cette semaine.",
    author_role: "Rôle de l'auteur",
    all_roles: "Tous les rôles",
    unread_only: "Non lus seulement",
    date_from: "Du",
    date_to: "Au",
    export_fhir: "Exporter (FHIR)",
    export_failed: "L'export a échoué :",
};

const EN: Texts = Texts {
    book: "Liaison book",
    composer: "Write a transmission",
    new_transmission: "New transmission",
    category: "Category",
    urgency: "Urgency",
    save: "Save",
    saving: "Saving…",
    saved: "Transmission saved.",
    shortcut_hint: "Ctrl+Enter also saves.",
    list: "Transmissions",
    empty: "No transmissions yet.",
    loading: "Loading the book…",
    loading_older: "Loading older entries…",
    by: "by",
    quick_notes: "Quick notes",
    vigilance: "Vigilance point (to be acknowledged)",
    vigilance_badge: "Vigilance point",
    pinned: "Vigilance points to acknowledge",
    acknowledge: "Acknowledge",
    acknowledged_by: "Acknowledged by:",
    nobody_acknowledged: "Nobody has acknowledged it yet.",
    reply: "Reply",
    correct: "Correct",
    cancel: "Cancel",
    replying_to: "Replying to:",
    correcting: "Correcting:",
    in_reply_to: "In reply to:",
    correction_of: "Corrects:",
    corrected: "Corrected",
    search: "Search",
    all_categories: "All categories",
    all_urgencies: "All urgencies",
    filters: "Filter transmissions",
    no_match: "No transmission matches the filters.",
    shown: "transmission(s) shown",
    to_acknowledge: "to acknowledge",
    earlier_entry: "an earlier entry",
    new_badge: "New",
    counts: "Book summary",
    unread: "new since your last visit",
    unacknowledged: "vigilance point(s) to acknowledge",
    escalated: "Escalated: not acknowledged in time",
    important: "Important",
    print_digest: "Print the week's summary",
    digest_title: "The week's summary",
    digest_period: "Transmissions of the last 7 days",
    digest_empty: "No transmissions this week.",
    author_role: "Author's role",
    all_roles: "All roles",
    unread_only: "Unread only",
    date_from: "From",
    date_to: "To",
    export_fhir: "Export (FHIR)",
    export_failed: "The export failed:",
};

/// Picks the wording for `lang` from a French and an English label.
pub fn pick<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}
