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
    pub by: &'static str,
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
    by: "par",
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
    by: "by",
};

/// Picks the wording for `lang` from a French and an English label.
pub fn pick<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}
