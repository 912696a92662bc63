//! When to try again after a transient failure.
//!
//! Exponential backoff with full jitter (a uniform delay between zero and a doubling ceiling)
//! spreads the retries of many devices coming back online at once, while the 5-minute cap keeps
//! a queue with no new local write draining (design §3.3). The random draw is a parameter so the
//! simulation replays exactly.

use std::time::Duration;

/// Ceiling of the first retry.
pub const BACKOFF_BASE: Duration = Duration::from_secs(1);
/// Ceiling every later retry stays under, unless the server asks for longer.
pub const BACKOFF_CAP: Duration = Duration::from_secs(300);
/// A server's `Retry-After` is honoured up to this; a larger value is treated as a mistake.
pub const RETRY_AFTER_LIMIT: Duration = Duration::from_secs(3_600);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backoff {
    failures: u32,
}

impl Backoff {
    /// The delay before the next attempt after one more failure. `random` is any uniformly
    /// drawn 64-bit value; `retry_after` is the server's own request and acts as a floor.
    pub fn next_delay(&mut self, retry_after: Option<Duration>, random: u64) -> Duration {
        let ceiling = self.ceiling();
        self.failures = self.failures.saturating_add(1);
        let jittered = Duration::from_millis(scale(random, ceiling_ms(ceiling)));
        let floor = retry_after.map_or(Duration::ZERO, |asked| asked.min(RETRY_AFTER_LIMIT));
        jittered.max(floor)
    }

    /// A success: the next failure starts from the base again.
    pub fn reset(&mut self) {
        self.failures = 0;
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }

    fn ceiling(&self) -> Duration {
        let factor = 1u32.checked_shl(self.failures.min(31)).unwrap_or(u32::MAX);
        BACKOFF_BASE.saturating_mul(factor).min(BACKOFF_CAP)
    }
}

fn ceiling_ms(ceiling: Duration) -> u64 {
    u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX)
}

/// Maps a uniform 64-bit draw onto `0..=max` without modulo bias: 0 gives 0, `u64::MAX` gives max.
fn scale(random: u64, max: u64) -> u64 {
    ((u128::from(random) * (u128::from(max) + 1)) >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceilings_double_from_one_second_up_to_five_minutes() {
        let mut backoff = Backoff::default();
        let maxima: Vec<u64> =
            (0..12).map(|_| backoff.next_delay(None, u64::MAX).as_millis() as u64).collect();
        let expected_start = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000];
        assert_eq!(&maxima[..9], &expected_start);
        assert!(maxima[9..].iter().all(|&ms| ms <= 300_000));
    }

    #[test]
    fn full_jitter_can_retry_at_once_and_never_exceeds_the_ceiling() {
        let mut backoff = Backoff::default();
        assert_eq!(backoff.next_delay(None, 0), Duration::ZERO);
        for random in [1, 999, 12_345, u64::MAX / 3] {
            assert!(backoff.next_delay(None, random) <= BACKOFF_CAP);
        }
    }

    #[test]
    fn retry_after_is_a_floor_and_is_bounded() {
        let mut backoff = Backoff::default();
        assert_eq!(backoff.next_delay(Some(Duration::from_secs(30)), 0), Duration::from_secs(30));
        assert_eq!(backoff.next_delay(Some(Duration::from_secs(86_400)), 0), RETRY_AFTER_LIMIT);
    }

    #[test]
    fn success_resets_the_ceiling() {
        let mut backoff = Backoff::default();
        for _ in 0..5 {
            backoff.next_delay(None, 0);
        }
        backoff.reset();
        assert_eq!(backoff.next_delay(None, u64::MAX), BACKOFF_BASE);
        assert_eq!(backoff.failures(), 1);
    }
}
