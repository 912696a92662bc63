//! Text search as French readers expect it: "fievre" finds "Fièvre", "oeuf" finds "Œuf".
//!
//! Folding is a table of the accented Latin letters French uses, not full Unicode
//! normalisation: it keeps the Wasm bundle small and covers every letter of French text.

/// Lower case without diacritics; ligatures spelled out.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => out.push('a'),
            'ç' | 'Ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => out.push('u'),
            'ÿ' | 'ý' | 'Ÿ' | 'Ý' => out.push('y'),
            'ñ' | 'Ñ' => out.push('n'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '\u{2019}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A search query, folded once and split into words; every word must appear.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query(Vec<String>);

impl Query {
    pub fn new(raw: &str) -> Self {
        Self(fold(raw).split_whitespace().map(str::to_owned).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `folded` (already passed through [`fold`]) contains every word.
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.0.iter().all(|word| folded.contains(word.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_ligatures_fold() {
        assert_eq!(fold("Fièvre à 38,5 °C"), "fievre a 38,5 °c");
        assert_eq!(fold("ŒUF, Ça, NOËL, aujourd’hui"), "oeuf, ca, noel, aujourd'hui");
    }

    #[test]
    fn every_word_of_the_query_must_appear() {
        let text = fold("Fièvre depuis hier soir, médecin prévenu");
        assert!(Query::new("fievre").matches_folded(&text));
        assert!(Query::new("  MEDECIN   fièvre ").matches_folded(&text));
        assert!(!Query::new("fievre chute").matches_folded(&text));
        assert!(Query::new("   ").is_empty());
        assert!(Query::new("").matches_folded(&text));
    }
}
