//! A transmission: one entry of the liaison book, immutable once written.
//!
//! Corrections and replies are new entries pointing at an earlier one; nothing is edited in
//! place, so a transmission can be created offline and synced without conflicts.

use crate::{
    Author, CategoryCatalogue, CategoryId, EntryId, SubjectId, TextError, Timestamp,
    TransmissionText, Urgency,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transmission {
    pub id: EntryId,
    pub subject: SubjectId,
    pub author: Author,
    pub category: CategoryId,
    pub urgency: Urgency,
    pub text: TransmissionText,
    /// When the author's device saved it; shown, never used to order across devices.
    pub created_at: Timestamp,
    /// A point de vigilance: pinned until everyone in the care circle acknowledges it.
    #[serde(default)]
    pub vigilance: bool,
    #[serde(default, skip_serializing_if = "EntryLink::is_none")]
    pub link: EntryLink,
}

/// How an entry relates to an earlier one: a reply answers it, a correction replaces it while
/// both stay readable. One enum, so an entry cannot be both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", content = "entry", rename_all = "kebab-case")]
pub enum EntryLink {
    #[default]
    None,
    ReplyTo(EntryId),
    Corrects(EntryId),
}

impl EntryLink {
    pub fn is_none(&self) -> bool {
        matches!(self, EntryLink::None)
    }

    /// The earlier entry this one points at.
    pub fn target(&self) -> Option<EntryId> {
        match *self {
            EntryLink::None => None,
            EntryLink::ReplyTo(id) | EntryLink::Corrects(id) => Some(id),
        }
    }
}

/// What the composer holds before saving; stored as it is typed so a reload loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransmissionDraft {
    pub category: CategoryId,
    pub urgency: Urgency,
    pub text: String,
    pub vigilance: bool,
    pub link: EntryLink,
}

impl TransmissionDraft {
    /// A plain new entry: no vigilance flag, no link.
    pub fn new(category: CategoryId, urgency: Urgency, text: impl Into<String>) -> Self {
        Self { category, urgency, text: text.into(), vigilance: false, link: EntryLink::None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransmissionError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("catégorie inconnue « {0} » / unknown category '{0}'")]
    UnknownCategory(CategoryId),
}

impl Transmission {
    /// Validates a draft and stamps it with an id and a time.
    pub fn create(
        draft: &TransmissionDraft,
        subject: SubjectId,
        author: Author,
        catalogue: &CategoryCatalogue,
        now: Timestamp,
        random: [u8; 10],
    ) -> Result<Self, TransmissionError> {
        let text = TransmissionText::new(&draft.text)?;
        if catalogue.get(&draft.category).is_none() {
            return Err(TransmissionError::UnknownCategory(draft.category.clone()));
        }
        let unix_ms = u64::try_from(now.unix_ms()).unwrap_or(0);
        Ok(Self {
            id: EntryId::v7(unix_ms, random),
            subject,
            author,
            category: draft.category.clone(),
            urgency: draft.urgency,
            text,
            created_at: now,
            vigilance: draft.vigilance,
            link: draft.link,
        })
    }
}

/// Newest first, ties broken by id so every device shows the same order.
pub fn newest_first(entries: &mut [Transmission]) {
    entries.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn draft(text: &str, category: &str) -> TransmissionDraft {
        TransmissionDraft::new(CategoryId::new(category), Urgency::ASurveiller, text)
    }

    fn create(text: &str, category: &str, ms: i64) -> Result<Transmission, TransmissionError> {
        Transmission::create(
            &draft(text, category),
            SubjectId::new("usager-1").unwrap(),
            Author::new("u1", "Aline Martin", Role::AideADomicile).unwrap(),
            &CategoryCatalogue::french_defaults(),
            Timestamp::from_unix_ms(ms),
            [7; 10],
        )
    }

    #[test]
    fn a_valid_draft_becomes_a_stamped_transmission() {
        let t = create(" Repas pris en entier ", "alimentation", 1_795_417_860_000).unwrap();
        assert_eq!(t.text.as_str(), "Repas pris en entier");
        assert_eq!(t.urgency, Urgency::ASurveiller);
        assert_eq!(t.id.as_uuid().get_timestamp().unwrap().to_unix().0, 1_795_417_860);
    }

    #[test]
    fn invalid_drafts_are_refused_with_the_reason() {
        assert_eq!(create("  ", "passage", 0), Err(TransmissionError::Text(TextError::Empty)));
        assert_eq!(
            create("ok", "jardinage", 0),
            Err(TransmissionError::UnknownCategory(CategoryId::new("jardinage")))
        );
    }

    #[test]
    fn serde_round_trip_keeps_everything_and_revalidates() {
        let t = create("Chute dans la salle de bain", "mobilite-chute", 1_000).unwrap();
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["subject"], "usager-1");
        assert_eq!(json["created_at"], 1_000);
        assert_eq!(json["urgency"], "a-surveiller");
        assert_eq!(json["author"]["role"], "aide-a-domicile");
        assert_eq!(serde_json::from_value::<Transmission>(json.clone()).unwrap(), t);
        let mut blank = json;
        blank["text"] = "   ".into();
        assert!(serde_json::from_value::<Transmission>(blank).is_err());
    }

    #[test]
    fn links_and_vigilance_round_trip_and_default_when_absent() {
        let original = create("Chute", "mobilite-chute", 1).unwrap();
        let mut correction = create("Chute sans blessure", "mobilite-chute", 2).unwrap();
        correction.link = EntryLink::Corrects(original.id);
        correction.vigilance = true;
        let json = serde_json::to_value(&correction).unwrap();
        assert_eq!(json["link"]["kind"], "corrects");
        assert_eq!(json["link"]["entry"], original.id.to_string());
        assert_eq!(serde_json::from_value::<Transmission>(json).unwrap(), correction);
        assert_eq!(correction.link.target(), Some(original.id));

        let mut written_before_links = serde_json::to_value(&original).unwrap();
        assert!(written_before_links.get("link").is_none());
        written_before_links.as_object_mut().unwrap().remove("vigilance");
        let read = serde_json::from_value::<Transmission>(written_before_links).unwrap();
        assert_eq!((read.vigilance, read.link), (false, EntryLink::None));
    }

    #[test]
    fn newest_first_orders_by_time_then_id() {
        let mut list = vec![
            create("a", "passage", 1).unwrap(),
            create("b", "passage", 3).unwrap(),
            create("c", "passage", 2).unwrap(),
        ];
        newest_first(&mut list);
        let texts: Vec<_> = list.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["b", "c", "a"]);
    }
}
