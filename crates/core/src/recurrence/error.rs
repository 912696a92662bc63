//! Why a recurrence was refused, in French first then English.
//!
//! Rules arrive as text from hosts and other tools; a precise message lets a coordinator see
//! which part of the rule Relais does not understand instead of silently getting wrong visits.

/// A rule or a schedule that Relais cannot accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecurrenceError {
    #[error("{0} n'est pas pris en charge / {0} is not supported")]
    Unsupported(String),
    #[error("valeur invalide pour {part} : « {value} » / invalid value for {part}: '{value}'")]
    InvalidValue { part: &'static str, value: String },
    #[error("partie inconnue « {0} » / unknown part '{0}'")]
    UnknownPart(String),
    #[error("« {0} » n'est pas de la forme CLÉ=VALEUR / '{0}' is not of the form KEY=VALUE")]
    Malformed(String),
    #[error("{0} apparaît deux fois / {0} appears twice")]
    DuplicatePart(&'static str),
    #[error("FREQ est obligatoire / FREQ is required")]
    MissingFrequency,
    #[error("COUNT et UNTIL ne peuvent pas être utilisés ensemble / COUNT and UNTIL are mutually exclusive")]
    CountAndUntil,
    #[error("la liste des jours est vide / the list of days is empty")]
    NoDays,
    #[error("la durée doit être comprise entre 1 et {max} minutes / the duration must be between 1 and {max} minutes", max = super::MAX_DURATION_MINUTES)]
    InvalidDuration,
    #[error("UNTIL est antérieur à DTSTART / UNTIL is before DTSTART")]
    UntilBeforeStart,
    #[error("la suspension finit avant de commencer / the pause ends before it starts")]
    PauseEndsBeforeStart,
    #[error("motif de suspension trop long (500 caractères au plus) / pause reason too long (500 characters at most)")]
    PauseReasonTooLong,
    #[error("aucun passage prévu à cette heure-là / no visit is planned at that time")]
    NoVisitToMove,
}
