//! How urgent a transmission is (domain.md §2): information, à surveiller, alerte.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    #[default]
    Information,
    ASurveiller,
    Alerte,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::Information, Urgency::ASurveiller, Urgency::Alerte];

    pub fn code(self) -> &'static str {
        match self {
            Urgency::Information => "information",
            Urgency::ASurveiller => "a-surveiller",
            Urgency::Alerte => "alerte",
        }
    }

    pub fn from_code(code: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|u| u.code() == code)
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Urgency::Information => "Information",
            Urgency::ASurveiller => "À surveiller",
            Urgency::Alerte => "Alerte",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Urgency::Information => "Information",
            Urgency::ASurveiller => "To watch",
            Urgency::Alerte => "Alert",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_and_parsing() {
        for urgency in Urgency::ALL {
            assert_eq!(Urgency::from_code(urgency.code()), Some(urgency));
            assert_eq!(serde_json::to_string(&urgency).unwrap(), format!("\"{}\"", urgency.code()));
        }
        assert_eq!(Urgency::from_code("urgent"), None);
        assert!(Urgency::Alerte > Urgency::Information);
    }
}
