//! Stable `urn:uuid:` full URLs for resources that have no UUID of their own (people, actors,
//! acknowledgements), so the same dump always exports to the same bundle.

use uuid::Uuid;

/// A version-8 UUID from an FNV-1a hash of `parts`: deterministic and dependency-free. It names
/// resources inside one bundle; it is not a security boundary.
pub fn stable_uuid(parts: &[&str]) -> Uuid {
    let mut bytes = [0u8; 16];
    for (half, seed) in [0xcbf2_9ce4_8422_2325u64, 0x8422_2325_cbf2_9ce4].into_iter().enumerate() {
        let mut hash = seed;
        for part in parts {
            for byte in part.bytes().chain(std::iter::once(0xff)) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        bytes[half * 8..half * 8 + 8].copy_from_slice(&hash.to_be_bytes());
    }
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

pub fn urn(uuid: Uuid) -> String {
    format!("urn:uuid:{uuid}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_distinct() {
        assert_eq!(stable_uuid(&["patient", "p1"]), stable_uuid(&["patient", "p1"]));
        assert_ne!(stable_uuid(&["patient", "p1"]), stable_uuid(&["patient", "p2"]));
        assert_ne!(stable_uuid(&["ab", "c"]), stable_uuid(&["a", "bc"]));
        assert_eq!(stable_uuid(&["x"]).get_version_num(), 8);
    }
}
