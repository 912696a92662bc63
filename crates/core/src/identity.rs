//! Who is writing, about whom, for which organisation: what every Relais element is told by the
//! host page, checked once here so every widget refuses the same bad attributes the same way.

use crate::{Author, AuthorError, IdError, Role, SubjectId};

/// The tenant used when the host names none.
pub const DEFAULT_TENANT: &str = "default";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub tenant: String,
    pub subject: SubjectId,
    pub author: Author,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("attribut « subject » : {0}")]
    Subject(#[from] IdError),
    #[error("auteur (user-id, user-name) : {0}")]
    Author(#[from] AuthorError),
    #[error("rôle inconnu « {0} » (attribut user-role) / unknown role")]
    Role(String),
}

impl Identity {
    /// From the raw attribute strings; a blank tenant is the default one.
    pub fn from_attributes(
        tenant: Option<&str>,
        subject: &str,
        user_id: &str,
        user_name: &str,
        user_role: &str,
    ) -> Result<Self, IdentityError> {
        let role = Role::from_code(user_role).ok_or_else(|| IdentityError::Role(user_role.to_owned()))?;
        Ok(Self {
            tenant: tenant.map(str::trim).filter(|t| !t.is_empty()).unwrap_or(DEFAULT_TENANT).to_owned(),
            subject: SubjectId::new(subject)?,
            author: Author::new(user_id, user_name, role)?,
        })
    }
}

/// The `endpoint` attribute is not an http(s) address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("attribut « endpoint » : adresse http(s) attendue, pas « {0} » / expected an http(s) URL")]
pub struct EndpointError(pub String);

/// The host's sync endpoint from the `endpoint` attribute: absent or blank, the widget stays on
/// this device; anything but an http(s) address is refused rather than silently kept local.
pub fn endpoint(raw: Option<&str>) -> Result<Option<String>, EndpointError> {
    match raw.map(str::trim).filter(|url| !url.is_empty()) {
        None => Ok(None),
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => Ok(Some(url.to_owned())),
        Some(other) => Err(EndpointError(other.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_is_an_http_address_or_nothing() {
        assert_eq!(endpoint(None), Ok(None));
        assert_eq!(endpoint(Some("  ")), Ok(None));
        assert_eq!(endpoint(Some(" https://portail.example/api/relais ")), Ok(Some("https://portail.example/api/relais".into())));
        assert_eq!(endpoint(Some("ftp://x")), Err(EndpointError("ftp://x".into())));
    }

    #[test]
    fn attributes_are_checked_and_the_tenant_defaults() {
        let ok = Identity::from_attributes(Some("  "), "p1", "u1", "Aline", "aide-a-domicile").unwrap();
        assert_eq!((ok.tenant.as_str(), ok.subject.as_str(), ok.author.role()), ("default", "p1", Role::AideADomicile));
        assert_eq!(Identity::from_attributes(Some("saad"), "p1", "u1", "Aline", "infirmier").unwrap().tenant, "saad");
        assert_eq!(
            Identity::from_attributes(None, "p1", "u1", "Aline", "plombier"),
            Err(IdentityError::Role("plombier".into()))
        );
        assert!(matches!(Identity::from_attributes(None, " ", "u1", "Aline", "infirmier"), Err(IdentityError::Subject(_))));
        assert!(matches!(Identity::from_attributes(None, "p1", "u1", "", "infirmier"), Err(IdentityError::Author(_))));
    }
}
