//! What a liaison book needs to know before it can open: whose book, who is writing, where.

use relais_core::{Author, AuthorError, CategoryCatalogue, IdError, Role, SubjectId};

/// A validated configuration; an element with a bad attribute shows the error instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookConfig {
    pub tenant: String,
    pub subject: SubjectId,
    pub author: Author,
    pub catalogue: CategoryCatalogue,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("attribut « subject » : {0}")]
    Subject(#[from] IdError),
    #[error("auteur (user-id, user-name) : {0}")]
    Author(#[from] AuthorError),
    #[error("rôle inconnu « {0} » (attribut user-role) / unknown role")]
    Role(String),
}

impl BookConfig {
    /// Builds a configuration from the raw strings a host passes as attributes.
    pub fn from_attributes(
        tenant: Option<&str>,
        subject: &str,
        user_id: &str,
        user_name: &str,
        user_role: &str,
    ) -> Result<Self, ConfigError> {
        let role = Role::from_code(user_role).ok_or_else(|| ConfigError::Role(user_role.to_owned()))?;
        Ok(Self {
            tenant: tenant.map(str::trim).filter(|t| !t.is_empty()).unwrap_or("default").to_owned(),
            subject: SubjectId::new(subject)?,
            author: Author::new(user_id, user_name, role)?,
            catalogue: CategoryCatalogue::french_defaults(),
        })
    }
}
