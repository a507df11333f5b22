//! What the municipality decided, seen from the person: the five situations the wizard asks about.

use serde::Serialize;

/// What happened to the application or the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Situation {
    /// Refused (avslag).
    Avslag,
    /// Granted less than applied for (delvis innvilget).
    Delvis,
    /// An existing service was cut (redusert).
    Redusert,
    /// An existing service was stopped (avsluttet).
    Avsluttet,
    /// Put on a waiting list (venteliste), for long-term places.
    Venteliste,
}

impl Situation {
    /// Every situation, in the order the wizard shows them.
    pub const ALL: [Situation; 5] = [
        Situation::Avslag,
        Situation::Delvis,
        Situation::Redusert,
        Situation::Avsluttet,
        Situation::Venteliste,
    ];

    /// The id used in case files.
    pub fn id(self) -> &'static str {
        match self {
            Situation::Avslag => "avslag",
            Situation::Delvis => "delvis",
            Situation::Redusert => "redusert",
            Situation::Avsluttet => "avsluttet",
            Situation::Venteliste => "venteliste",
        }
    }

    /// Parse a case-file id.
    pub fn from_id(id: &str) -> Option<Situation> {
        Situation::ALL.into_iter().find(|s| s.id() == id)
    }

    /// An existing service is taken away or reduced: postponed implementation (utsatt
    /// iverksetting, fvl § 42) is only meaningful then.
    pub fn takes_away_service(self) -> bool {
        matches!(self, Situation::Redusert | Situation::Avsluttet)
    }
}
