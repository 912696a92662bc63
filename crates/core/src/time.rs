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

    fn local(self, offset_minutes: i32) -> DateTime<FixedOffset> {
        let offset = FixedOffset::east_opt(offset_minutes * 60)
            .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
        self.utc().with_timezone(&offset)
    }

    /// How long ago, as a list shows it: "à l'instant", "il y a 5 min", "il y a 3 h" the same
    /// day, "hier à 18:05", then the date. A time in the future (a device clock ahead) reads
    /// as "à l'instant" rather than a negative age.
    pub fn relative_fr(self, now: Timestamp, offset_minutes: i32) -> String {
        let minutes = (now.0 - self.0).max(0) / 60_000;
        let (day, today) = (self.local(offset_minutes).date_naive(), now.local(offset_minutes).date_naive());
        let local = self.local(offset_minutes);
        match minutes {
            0 => "à l'instant".to_owned(),
            1..=59 => format!("il y a {minutes} min"),
            _ if day == today => format!("il y a {} h", minutes / 60),
            _ if today.pred_opt() == Some(day) => format!("hier à {:02}:{:02}", local.hour(), local.minute()),
            _ => self.format_fr(offset_minutes),
        }
    }

    /// The heading of the day this instant falls on: "Aujourd'hui", "Hier", or
    /// "lundi 23 novembre 2026".
    pub fn day_label_fr(self, now: Timestamp, offset_minutes: i32) -> String {
        const DAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
        const MONTHS: [&str; 12] = [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre",
        ];
        let (day, today) = (self.local(offset_minutes).date_naive(), now.local(offset_minutes).date_naive());
        if day == today {
            return "Aujourd'hui".to_owned();
        }
        if today.pred_opt() == Some(day) {
            return "Hier".to_owned();
        }
        let weekday = DAYS[day.weekday().num_days_from_monday() as usize];
        format!("{weekday} {} {} {}", day.day(), MONTHS[day.month0() as usize], day.year())
    }

    /// The local calendar day, to group entries under day separators.
    pub fn local_day(self, offset_minutes: i32) -> chrono::NaiveDate {
        self.local(offset_minutes).date_naive()
    }

    /// `23/11/2026 à 08:11` for a reader whose local time is `offset_minutes` east of UTC.
    pub fn format_fr(self, offset_minutes: i32) -> String {
        let local = self.local(offset_minutes);
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
    fn relative_times_read_as_a_list_shows_them() {
        let now = Timestamp::from_unix_ms(MONDAY_0711_UTC);
        let ago = |minutes: i64| Timestamp::from_unix_ms(MONDAY_0711_UTC - minutes * 60_000);
        assert_eq!(ago(0).relative_fr(now, 60), "à l'instant");
        assert_eq!(Timestamp::from_unix_ms(MONDAY_0711_UTC + 3_600_000).relative_fr(now, 60), "à l'instant");
        assert_eq!(ago(5).relative_fr(now, 60), "il y a 5 min");
        assert_eq!(ago(59).relative_fr(now, 60), "il y a 59 min");
        assert_eq!(ago(60).relative_fr(now, 60), "il y a 1 h");
        assert_eq!(ago(8 * 60).relative_fr(now, 60), "il y a 8 h", "00:11 local, the same day");
        assert_eq!(ago(8 * 60).relative_fr(now, 0), "hier à 23:11");
        assert_eq!(ago(3 * 24 * 60).relative_fr(now, 60), "20/11/2026 à 08:11");
    }

    #[test]
    fn day_labels_name_today_yesterday_then_the_date() {
        let now = Timestamp::from_unix_ms(MONDAY_0711_UTC);
        let days_ago = |d: i64| Timestamp::from_unix_ms(MONDAY_0711_UTC - d * 86_400_000);
        assert_eq!(days_ago(0).day_label_fr(now, 60), "Aujourd'hui");
        assert_eq!(days_ago(1).day_label_fr(now, 60), "Hier");
        assert_eq!(days_ago(2).day_label_fr(now, 60), "samedi 21 novembre 2026");
        assert_eq!(days_ago(1).local_day(60), chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    }

    #[test]
    fn absurd_offsets_fall_back_to_utc() {
        let ts = Timestamp::from_unix_ms(MONDAY_0711_UTC);
        assert_eq!(ts.format_fr(100_000), "23/11/2026 à 07:11");
    }
}
