//! Why a service line was refused, in French first then English.

/// Longest provider name kept for a service line.
pub const PROVIDER_MAX_LEN: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("le nom de l'intervenant ou du service est vide / the provider name is empty")]
    EmptyProvider,
    #[error("le nom de l'intervenant dépasse {PROVIDER_MAX_LEN} caractères / the provider name is longer than {PROVIDER_MAX_LEN} characters")]
    ProviderTooLong,
    #[error("le type de service n'a pas de code ou de libellé / the service type has no code or no label")]
    BlankServiceType,
    #[error("le financeur n'a pas de code ou de libellé / the payer has no code or no label")]
    BlankPayer,
    #[error("la fin de la période précède son début / the period ends before it starts")]
    PeriodEndsBeforeStart,
    #[error("le tarif est négatif / the price is negative")]
    NegativePrice,
}
