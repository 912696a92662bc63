//! Instants, and how they are shown to French readers.
//!
//! Device clocks are shown, never trusted for ordering across devices; the offset to local time
//! is passed in by the caller (the browser knows it, core does not).

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    pub fn from_unix_ms(ms: i64) -> Self {
        Self(ms)
    }

    pub fn unix_ms(self) -> i64 {
        self.0
    }

    fn utc(self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.0).unwrap_or(DateTime::UNIX_EPOCH)
    }

    /// `2026-11-23T07:11:00Z`, for the `datetime` attribute of `<time>`.
    pub fn to_rfc3339(self) -> String {
        self.utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    /// `2026-11-23T07:11:00.250Z`: FHIR `instant`/`dateTime` with milliseconds, so an export and
    /// import round trip keeps the exact time.
    pub fn to_fhir_instant(self) -> String {
        self.utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }

    /// Reads an RFC 3339 date-time with a time zone (FHIR requires one when there is a time).
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        DateTime::parse_from_rfc3339(text).ok().map(|t| Self(t.timestamp_millis()))
    }

    /// `23/11/2026 à 08:11` for a reader whose local time is `offset_minutes` east of UTC.
    pub fn format_fr(self, offset_minutes: i32) -> String {
        let offset = FixedOffset::east_opt(offset_minutes * 60)
            .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
        let local = self.utc().with_timezone(&offset);
        format!(
            "{:02}/{:02}/{} à {:02}:{:02}",
            local.day(),
            local.month(),
            local.year(),
            local.hour(),
            local.minute()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONDAY_0711_UTC: i64 = 1_795_417_860_000;

    #[test]
    fn french_format_applies_the_offset() {
        let ts = Timestamp::from_unix_ms(MONDAY_0711_UTC);
        assert_eq!(ts.to_rfc3339(), "2026-11-23T07:11:00Z");
        assert_eq!(ts.format_fr(0), "23/11/2026 à 07:11");
        assert_eq!(ts.format_fr(60), "23/11/2026 à 08:11");
        assert_eq!(ts.format_fr(-480), "22/11/2026 à 23:11");
    }

    #[test]
    fn fhir_instants_keep_milliseconds_and_parse_back() {
        let ts = Timestamp::from_unix_ms(MONDAY_0711_UTC + 250);
        assert_eq!(ts.to_fhir_instant(), "2026-11-23T07:11:00.250Z");
        assert_eq!(Timestamp::parse_rfc3339(&ts.to_fhir_instant()), Some(ts));
        assert_eq!(Timestamp::parse_rfc3339("2026-11-23T08:11:00.250+01:00"), Some(ts));
        assert_eq!(Timestamp::parse_rfc3339("2026-11-23T07:11:00"), None, "a zone is required");
    }

    #[test]
    fn absurd_offsets_fall_back_to_utc() {
        let ts = Timestamp::from_unix_ms(MONDAY_0711_UTC);
        assert_eq!(ts.format_fr(100_000), "23/11/2026 à 07:11");
    }
}
