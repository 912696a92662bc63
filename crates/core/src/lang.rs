//! The interface language every widget shares: French first, English on request.
//!
//! Labels in core carry both wordings (`label_fr`, `label_en`); this is the one switch between
//! them, so two widgets on one page never disagree about what a `lang` attribute means.

/// Anything but English gets French.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// From a BCP 47 tag such as `en-GB`; a missing or other tag gives French.
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

/// Picks the wording for `lang` from a French and an English label.
pub fn pick<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_only_when_asked() {
        assert_eq!(Lang::from_tag(Some("en-GB")), Lang::En);
        assert_eq!(Lang::from_tag(Some(" EN ")), Lang::En);
        assert_eq!(Lang::from_tag(Some("fr-FR")), Lang::Fr);
        assert_eq!(Lang::from_tag(Some("de")), Lang::Fr);
        assert_eq!(Lang::from_tag(None), Lang::Fr);
        assert_eq!(pick(Lang::En, "Oui", "Yes"), "Yes");
        assert_eq!(Lang::Fr.tag(), "fr");
    }
}
