//! The case file (format `omsorgsklage/1`, see `shared/case-format.md`) in two stages.
//!
//! 1. [`read`] turns bytes into a [`RawCase`]: every field optional, as a draft may be
//!    incomplete. Problems of form (not UTF-8, not JSON, too large, unknown fields, wrong types)
//!    are reported here, all of them, each naming the field.
//! 2. [`check`] turns a `RawCase` into a [`Case`] that the law, deadline and letter code accept,
//!    collecting *every* problem of content (missing answers, impossible dates, …).
//!
//! A problem is data ([`Problem`]): a field path and a [`ProblemKind`]. The words a person reads
//! come from the interface's message catalogue, not from here.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::attachment::{Attachment, Fault, RawAttachment};
use super::deadline::Deadline;
use super::letter::{Lang, LetterKind};
use super::municipality::{self, Lookup, Municipality};
use super::routing::{self, Route, RouteBasis};
use super::service::{self, Service};
use super::situation::Situation;
use super::{contact, dates};

/// The format tag every case file carries.
pub const FORMAT: &str = "omsorgsklage/1";
/// The largest case file read, in bytes.
pub const MAX_BYTES: usize = 1_000_000;

/// A case file as written: everything optional, nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawCase {
    pub format: Option<String>,
    pub language: Option<String>,
    pub letter_date: Option<String>,
    pub place: Option<String>,
    pub service: Option<String>,
    pub service_other: Option<String>,
    pub situation: Option<String>,
    pub municipality: Option<RawMunicipality>,
    pub applicant: Option<RawPerson>,
    pub representative: Option<RawRepresentative>,
    pub decision: Option<RawDecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complainant_is_carer: Option<bool>,
    /// The person the carer cares for (0.2), for a carer's own complaint (pbrl § 2-8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cared_for: Option<RawCaredFor>,
    pub grounds: Option<RawGrounds>,
    pub outcome: Option<String>,
    pub attachments: Option<Vec<RawAttachment>>,
    pub requests: Option<RawRequests>,
    pub late_reason: Option<String>,
    /// When the complaint was sent (ISO date), asked when the letter is exported; used by the
    /// case timeline and the follow-up letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<String>,
    /// New information for a letter of additional information (tilleggsopplysninger).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplement: Option<String>,
    /// Where the wizard was when the draft was saved. Ignored by `check` and `render`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<RawDraft>,
}

/// Bookkeeping of a saved draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawDraft {
    /// The wizard step to resume at (its id, e.g. `decision`).
    pub step: Option<String>,
    /// When the draft was last saved (RFC 3339).
    pub updated: Option<String>,
    /// The letter the wizard was writing (`complaint`, `innsyn`, …; see `--letter`). Absent: the
    /// complaint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawMunicipality {
    pub number: Option<String>,
    pub name: Option<String>,
    pub address: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawPerson {
    pub name: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub birth_date: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawRepresentative {
    pub name: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub relation: Option<String>,
    pub power_of_attorney: Option<bool>,
    /// What the representative is by law (0.2): `forelder`, `verge`, `advokat` or
    /// `fullmektig` (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// The person a carer cares for (0.2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawCaredFor {
    pub name: Option<String>,
    pub birth_date: Option<String>,
    /// What the person is to the carer ("mor", "sønn").
    pub relation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawDecision {
    pub date: Option<String>,
    pub received: Option<String>,
    pub reference: Option<String>,
    pub applied_for: Option<String>,
    pub granted: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawGrounds {
    pub health: Option<String>,
    pub daily_life: Option<String>,
    pub safety: Option<String>,
    pub relatives: Option<String>,
    pub consequences: Option<String>,
    pub not_considered: Option<String>,
    pub other: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawRequests {
    pub access_to_documents: Option<bool>,
    pub postponement: Option<bool>,
}

/// The known fields of each object, for unknown-field suggestions.
const FIELDS: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "format",
            "language",
            "letter_date",
            "place",
            "service",
            "service_other",
            "situation",
            "municipality",
            "applicant",
            "representative",
            "decision",
            "complainant_is_carer",
            "cared_for",
            "grounds",
            "outcome",
            "attachments",
            "requests",
            "late_reason",
            "sent",
            "supplement",
            "draft",
        ],
    ),
    ("draft", &["step", "updated", "letter"]),
    ("municipality", &["number", "name", "address"]),
    (
        "applicant",
        &[
            "name",
            "address",
            "postcode",
            "city",
            "birth_date",
            "phone",
            "email",
        ],
    ),
    (
        "representative",
        &[
            "name",
            "address",
            "postcode",
            "city",
            "phone",
            "email",
            "relation",
            "power_of_attorney",
            "role",
        ],
    ),
    ("cared_for", &["name", "birth_date", "relation"]),
    (
        "decision",
        &[
            "date",
            "received",
            "reference",
            "applied_for",
            "granted",
            "route",
        ],
    ),
    (
        "grounds",
        &[
            "health",
            "daily_life",
            "safety",
            "relatives",
            "consequences",
            "not_considered",
            "other",
        ],
    ),
    ("requests", &["access_to_documents", "postponement"]),
    ("attachments.*", &["title", "file"]),
];

/// One of the guided prompts of "why the decision is wrong".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    Health,
    DailyLife,
    Safety,
    Relatives,
    Consequences,
    NotConsidered,
    Other,
}

impl Ground {
    /// Every prompt, in the order of the wizard and the letter.
    pub const ALL: [Ground; 7] = [
        Ground::Health,
        Ground::DailyLife,
        Ground::Safety,
        Ground::Relatives,
        Ground::Consequences,
        Ground::NotConsidered,
        Ground::Other,
    ];

    /// The field name in the case file.
    pub fn id(self) -> &'static str {
        match self {
            Ground::Health => "health",
            Ground::DailyLife => "daily_life",
            Ground::Safety => "safety",
            Ground::Relatives => "relatives",
            Ground::Consequences => "consequences",
            Ground::NotConsidered => "not_considered",
            Ground::Other => "other",
        }
    }
}

impl RawGrounds {
    /// The text of one prompt.
    pub fn get(&self, g: Ground) -> Option<&String> {
        match g {
            Ground::Health => self.health.as_ref(),
            Ground::DailyLife => self.daily_life.as_ref(),
            Ground::Safety => self.safety.as_ref(),
            Ground::Relatives => self.relatives.as_ref(),
            Ground::Consequences => self.consequences.as_ref(),
            Ground::NotConsidered => self.not_considered.as_ref(),
            Ground::Other => self.other.as_ref(),
        }
    }

    /// The text of one prompt, to change.
    pub fn get_mut(&mut self, g: Ground) -> &mut Option<String> {
        match g {
            Ground::Health => &mut self.health,
            Ground::DailyLife => &mut self.daily_life,
            Ground::Safety => &mut self.safety,
            Ground::Relatives => &mut self.relatives,
            Ground::Consequences => &mut self.consequences,
            Ground::NotConsidered => &mut self.not_considered,
            Ground::Other => &mut self.other,
        }
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The letter cannot be written until it is fixed.
    Error,
    /// The letter can be written, but the person should know.
    Warning,
}

/// A value in a problem message, formatted by the interface in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Arg {
    Text(String),
    Date(NaiveDate),
    Number(i64),
    /// A list of names ("Herøy (Møre og Romsdal), Herøy (Nordland)").
    List(Vec<String>),
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ProblemKind {
    TooLarge {
        bytes: usize,
    },
    NotUtf8 {
        line: usize,
        column: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    NotAnObject,
    UnknownField {
        suggestion: Option<String>,
    },
    WrongType {
        expected: &'static str,
    },
    Missing,
    Empty,
    WrongFormatTag {
        found: String,
    },
    NewerFormat {
        found: String,
    },
    UnknownLanguage {
        found: String,
    },
    NotADate {
        found: String,
    },
    ReceivedBeforeDecision,
    /// The complaint is said to be sent before the date on the decision.
    SentBeforeDecision,
    DateAfterLetter,
    UnknownService {
        found: String,
        suggestion: Option<String>,
    },
    ServiceOtherMissing,
    UnknownSituation {
        found: String,
    },
    UnknownRoute {
        found: String,
    },
    UnknownRole {
        found: String,
    },
    /// `representative.role` is `forelder`, but the person is 18 or over on the letter date.
    ParentOfAdult {
        age: i64,
    },
    PostcodeNotFourDigits {
        found: String,
    },
    MunicipalityNumber {
        found: String,
    },
    MunicipalityUnknown {
        found: String,
        suggestions: Vec<String>,
    },
    MunicipalityAmbiguous {
        found: String,
        candidates: Vec<String>,
    },
    MunicipalityMismatch {
        number: String,
        name: String,
    },
    ControlCharacter,
    NoGrounds,
    LateWithoutReason {
        last_day: NaiveDate,
    },
    /// A follow-up letter about the complaint needs the date it was sent.
    SentMissing,
    /// A fullmakt needs a representative.
    RepresentativeMissing,
    /// Postponed implementation only applies to a service that is cut or stopped.
    PostponementNeedsCut,
    /// A supplement letter needs the new information.
    SupplementMissing,
    // Warnings
    RouteAssumed,
    /// A reminder written less than a month after the complaint was sent: the municipality may
    /// still answer in time (fvl § 11 a). A warning.
    ReminderEarly,
    PostponementNotMeaningful,
    CarerNotApplicable,
    NoPowerOfAttorney,
    /// A parent writes, but the child's birth date is not given: whether the child is under 18
    /// (and whether they sign too, at 16 or 17) cannot be told. A warning.
    ParentNeedsBirthDate,
    /// A carer's own complaint without the person cared for. A warning, so 0.1 files render.
    CaredForMissing,
    /// A fullmakt letter for a parent, verge or lawyer, who need none. A warning.
    FullmaktNotNeeded,
    OverOneYear,
    NoMunicipalityAddress,
    VentelisteNotLongTerm,
    /// A phone number that is not 8 digits, +47 and 8, or another country code and digits.
    PhoneUnusual {
        found: String,
    },
    /// An e-mail address without a dot after the @.
    EmailUnusual {
        found: String,
    },
    /// An attachment's file cannot be bundled (found by the export, not by `check_for`).
    Attachment(Fault),
}

impl ProblemKind {
    /// The message key in the interface catalogue (`problem.<key>`).
    pub fn key(&self) -> &'static str {
        match self {
            ProblemKind::TooLarge { .. } => "too-large",
            ProblemKind::NotUtf8 { .. } => "not-utf8",
            ProblemKind::NotJson { .. } => "not-json",
            ProblemKind::NotAnObject => "not-an-object",
            ProblemKind::UnknownField { suggestion: None } => "unknown-field",
            ProblemKind::UnknownField {
                suggestion: Some(_),
            } => "unknown-field-suggest",
            ProblemKind::WrongType { .. } => "wrong-type",
            ProblemKind::Missing => "missing",
            ProblemKind::Empty => "empty",
            ProblemKind::WrongFormatTag { .. } => "wrong-format",
            ProblemKind::NewerFormat { .. } => "newer-format",
            ProblemKind::UnknownLanguage { .. } => "unknown-language",
            ProblemKind::NotADate { .. } => "not-a-date",
            ProblemKind::ReceivedBeforeDecision => "received-before-decision",
            ProblemKind::SentBeforeDecision => "sent-before-decision",
            ProblemKind::DateAfterLetter => "date-after-letter",
            ProblemKind::UnknownService {
                suggestion: None, ..
            } => "unknown-service",
            ProblemKind::UnknownService {
                suggestion: Some(_),
                ..
            } => "unknown-service-suggest",
            ProblemKind::ServiceOtherMissing => "service-other-missing",
            ProblemKind::UnknownSituation { .. } => "unknown-situation",
            ProblemKind::UnknownRoute { .. } => "unknown-route",
            ProblemKind::UnknownRole { .. } => "unknown-role",
            ProblemKind::ParentOfAdult { .. } => "parent-of-adult",
            ProblemKind::ParentNeedsBirthDate => "parent-needs-birth-date",
            ProblemKind::CaredForMissing => "cared-for-missing",
            ProblemKind::FullmaktNotNeeded => "fullmakt-not-needed",
            ProblemKind::PostcodeNotFourDigits { .. } => "postcode",
            ProblemKind::MunicipalityNumber { .. } => "municipality-number",
            ProblemKind::MunicipalityUnknown { suggestions, .. } if suggestions.is_empty() => {
                "municipality-unknown"
            }
            ProblemKind::MunicipalityUnknown { .. } => "municipality-unknown-suggest",
            ProblemKind::MunicipalityAmbiguous { .. } => "municipality-ambiguous",
            ProblemKind::MunicipalityMismatch { .. } => "municipality-mismatch",
            ProblemKind::ControlCharacter => "control-character",
            ProblemKind::NoGrounds => "no-grounds",
            ProblemKind::LateWithoutReason { .. } => "late-without-reason",
            ProblemKind::SentMissing => "sent-missing",
            ProblemKind::RepresentativeMissing => "representative-missing",
            ProblemKind::PostponementNeedsCut => "postponement-needs-cut",
            ProblemKind::SupplementMissing => "supplement-missing",
            ProblemKind::RouteAssumed => "route-assumed",
            ProblemKind::ReminderEarly => "reminder-early",
            ProblemKind::PostponementNotMeaningful => "postponement-not-meaningful",
            ProblemKind::CarerNotApplicable => "carer-not-applicable",
            ProblemKind::NoPowerOfAttorney => "no-power-of-attorney",
            ProblemKind::OverOneYear => "over-one-year",
            ProblemKind::NoMunicipalityAddress => "no-municipality-address",
            ProblemKind::VentelisteNotLongTerm => "venteliste-not-long-term",
            ProblemKind::PhoneUnusual { .. } => "phone-unusual",
            ProblemKind::EmailUnusual { .. } => "email-unusual",
            ProblemKind::Attachment(f) => f.key(),
        }
    }

    /// The values the message needs, by name.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        use Arg::*;
        match self {
            ProblemKind::TooLarge { bytes } => vec![("kb", Number((*bytes / 1000) as i64))],
            ProblemKind::NotUtf8 { line, column } | ProblemKind::NotJson { line, column } => {
                vec![
                    ("line", Number(*line as i64)),
                    ("column", Number(*column as i64)),
                ]
            }
            ProblemKind::UnknownField {
                suggestion: Some(s),
            } => vec![("suggestion", Text(s.clone()))],
            ProblemKind::WrongType { expected } => vec![("expected", Text((*expected).into()))],
            ProblemKind::WrongFormatTag { found }
            | ProblemKind::NewerFormat { found }
            | ProblemKind::UnknownLanguage { found }
            | ProblemKind::NotADate { found }
            | ProblemKind::UnknownSituation { found }
            | ProblemKind::UnknownRoute { found }
            | ProblemKind::UnknownRole { found }
            | ProblemKind::PostcodeNotFourDigits { found }
            | ProblemKind::MunicipalityNumber { found }
            | ProblemKind::PhoneUnusual { found }
            | ProblemKind::EmailUnusual { found } => vec![("found", Text(found.clone()))],
            ProblemKind::UnknownService { found, suggestion } => {
                let mut v = vec![("found", Text(found.clone()))];
                if let Some(s) = suggestion {
                    v.push(("suggestion", Text(s.clone())));
                }
                v
            }
            ProblemKind::MunicipalityUnknown { found, suggestions } => {
                vec![
                    ("found", Text(found.clone())),
                    ("suggestions", List(suggestions.clone())),
                ]
            }
            ProblemKind::MunicipalityAmbiguous { found, candidates } => {
                vec![
                    ("found", Text(found.clone())),
                    ("candidates", List(candidates.clone())),
                ]
            }
            ProblemKind::MunicipalityMismatch { number, name } => {
                vec![
                    ("number", Text(number.clone())),
                    ("name", Text(name.clone())),
                ]
            }
            ProblemKind::LateWithoutReason { last_day } => vec![("last_day", Date(*last_day))],
            ProblemKind::ParentOfAdult { age } => vec![("age", Number(*age))],
            ProblemKind::Attachment(f) => f.args(),
            _ => vec![],
        }
    }

    fn severity(&self) -> Severity {
        match self {
            ProblemKind::RouteAssumed
            | ProblemKind::PostponementNotMeaningful
            | ProblemKind::CarerNotApplicable
            | ProblemKind::NoPowerOfAttorney
            | ProblemKind::ParentNeedsBirthDate
            | ProblemKind::CaredForMissing
            | ProblemKind::FullmaktNotNeeded
            | ProblemKind::OverOneYear
            | ProblemKind::NoMunicipalityAddress
            | ProblemKind::VentelisteNotLongTerm
            | ProblemKind::ReminderEarly
            | ProblemKind::PhoneUnusual { .. }
            | ProblemKind::EmailUnusual { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem with a case file, naming its field (`decision.received`; empty for the whole file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: String,
    pub kind: ProblemKind,
    pub severity: Severity,
}

impl Problem {
    pub fn new(field: impl Into<String>, kind: ProblemKind) -> Self {
        let severity = kind.severity();
        Problem {
            field: field.into(),
            kind,
            severity,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Stage 1: bytes → `RawCase`. Every problem of form is returned, not just the first.
pub fn read(bytes: &[u8]) -> Result<RawCase, Vec<Problem>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![Problem::new(
            "",
            ProblemKind::TooLarge { bytes: bytes.len() },
        )]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, column) = line_column(&bytes[..e.valid_up_to()]);
            return Err(vec![Problem::new(
                "",
                ProblemKind::NotUtf8 { line, column },
            )]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // First: is it JSON at all, and an object?
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Err(vec![Problem::new(
                "",
                ProblemKind::NotJson {
                    line: e.line(),
                    column: e.column().max(1),
                },
            )]);
        }
    };
    if !value.is_object() {
        return Err(vec![Problem::new("", ProblemKind::NotAnObject)]);
    }
    let mut problems = Vec::new();
    // Unknown fields, all of them.
    let mut unknown = Vec::new();
    let typed: Result<RawCase, _> = serde_ignored::deserialize(&value, |path| {
        unknown.push(path_string(&path));
    });
    for path in unknown {
        let suggestion = suggest_field(&path);
        problems.push(Problem::new(path, ProblemKind::UnknownField { suggestion }));
    }
    match typed {
        Ok(raw) if problems.is_empty() => Ok(raw),
        Ok(_) => Err(problems),
        Err(_) => {
            // A wrong type: find where, with the path-reporting deserializer.
            let mut de = serde_json::Deserializer::from_str(text);
            let res: Result<RawCase, _> = serde_path_to_error::deserialize(&mut de);
            if let Err(err) = res {
                let field = err.path().to_string();
                let message = err.inner().to_string();
                problems.push(Problem::new(
                    field,
                    ProblemKind::WrongType {
                        expected: expected_type(&message),
                    },
                ));
            }
            Err(problems)
        }
    }
}

fn line_column(valid: &[u8]) -> (usize, usize) {
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let last_line = valid.rsplit(|&b| b == b'\n').next().unwrap_or(&[]);
    let column = String::from_utf8_lossy(last_line).chars().count() + 1;
    (line, column)
}

fn path_string(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => join_path(path_string(parent), &index.to_string()),
        Path::Map { parent, key } => join_path(path_string(parent), key),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => path_string(parent),
    }
}

fn join_path(parent: String, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn suggest_field(path: &str) -> Option<String> {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    // An item of a list is known by its list: `attachments.2` as `attachments.*`.
    let general: String = parent
        .split('.')
        .map(|s| if s.parse::<usize>().is_ok() { "*" } else { s })
        .collect::<Vec<_>>()
        .join(".");
    let (_, known) = FIELDS.iter().find(|(p, _)| *p == general)?;
    let best = known
        .iter()
        .map(|k| (levenshtein(key, k), *k))
        .min_by_key(|(d, _)| *d)?;
    (best.0 <= 3.max(key.chars().count() / 3)).then(|| join_path(parent.to_string(), best.1))
}

fn expected_type(serde_message: &str) -> &'static str {
    if serde_message.contains("expected a string or an object") {
        "attachment"
    } else if serde_message.contains("expected a string") {
        "text"
    } else if serde_message.contains("expected a boolean") {
        "bool"
    } else if serde_message.contains("expected a sequence") {
        "list"
    } else {
        "object"
    }
}

/// Edit distance over characters, for "did you mean" suggestions.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A person (the one the decision is about, or the representative).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// What a representative is, by law (FACTS.md section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A parent of a child under 18 (foreldreansvar): no fullmakt; the child does not sign,
    /// except at 16 or 17, when both sign.
    Forelder,
    /// A guardian appointed by Statsforvalteren: no fullmakt from the person; the verge's own
    /// document (vergefullmakt) is attached.
    Verge,
    /// A lawyer: no fullmakt unless the municipality asks for one.
    Advokat,
    /// Anyone else (relative, friend, volunteer, organisation): a signed fullmakt, or else the
    /// person signs too and the writer has only helped. The default, as in 0.1 files.
    #[default]
    Fullmektig,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Forelder, Role::Verge, Role::Advokat, Role::Fullmektig];

    /// The id in the case file (`representative.role`).
    pub fn id(self) -> &'static str {
        match self {
            Role::Forelder => "forelder",
            Role::Verge => "verge",
            Role::Advokat => "advokat",
            Role::Fullmektig => "fullmektig",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// Someone writing on the applicant's behalf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Representative {
    pub person: Person,
    /// What they are by law.
    pub role: Role,
    /// "sønn", "datter", "nabo" …
    pub relation: Option<String>,
    /// A signed written power of attorney (fullmakt) is attached.
    pub power_of_attorney: bool,
}

impl Representative {
    /// The letter rests on a written fullmakt that is attached (a `fullmektig` with one, or a
    /// lawyer who was asked for one).
    pub fn has_fullmakt(&self) -> bool {
        self.power_of_attorney && matches!(self.role, Role::Fullmektig | Role::Advokat)
    }

    /// The person the decision is about signs the letter too: a `fullmektig` without a
    /// fullmakt, or a young person of 16 or 17 with a parent.
    pub fn person_signs(&self, age: Option<i64>) -> bool {
        match self.role {
            Role::Fullmektig => !self.power_of_attorney,
            Role::Forelder => age.is_some_and(|a| (16..18).contains(&a)),
            Role::Verge | Role::Advokat => false,
        }
    }
}

/// The person a carer cares for (pbrl § 2-8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaredFor {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    /// What the person is to the carer ("mor").
    pub relation: Option<String>,
}

/// Whole years from `birth` to `day`.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i64 {
    let mut years = i64::from(day.year() - birth.year());
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// The decision complained about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub date: NaiveDate,
    pub received: NaiveDate,
    pub reference: Option<String>,
    /// What was applied for, as paragraphs.
    pub applied_for: Option<String>,
    /// What was granted.
    pub granted: Option<String>,
}

/// A checked case: everything the law, deadline and letter code need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub lang: Lang,
    pub letter_date: NaiveDate,
    pub place: String,
    pub service: &'static Service,
    pub service_other: Option<String>,
    pub situation: Situation,
    #[serde(skip)]
    pub municipality: &'static Municipality,
    /// The recipient's postal address lines; empty when not given.
    pub municipality_address: Vec<String>,
    pub applicant: Person,
    pub representative: Option<Representative>,
    pub decision: Decision,
    pub route: Route,
    pub route_basis: RouteBasis,
    pub complainant_is_carer: bool,
    /// The person cared for, in a carer's own complaint.
    pub cared_for: Option<CaredFor>,
    /// The filled-in grounds, in order, each as paragraphs.
    pub grounds: Vec<(Ground, Vec<String>)>,
    pub outcome: Option<Vec<String>>,
    pub attachments: Vec<Attachment>,
    pub access_to_documents: bool,
    pub postponement: bool,
    pub late_reason: Option<Vec<String>>,
    /// When the complaint was sent, if known.
    pub sent: Option<NaiveDate>,
    /// New information for a supplement letter, as paragraphs.
    pub supplement: Option<Vec<String>>,
    #[serde(skip)]
    pub deadline: Deadline,
}

impl Case {
    /// The complaint is written after the last day to complain.
    pub fn is_late(&self) -> bool {
        self.letter_date > self.deadline.last_day
    }

    /// The age of the person the decision is about on the letter date, when known.
    pub fn applicant_age(&self) -> Option<i64> {
        self.applicant
            .birth_date
            .map(|b| age_on(b, self.letter_date))
    }

    /// A carer complains in their own name (pbrl § 2-8).
    pub fn is_carer_complaint(&self) -> bool {
        self.complainant_is_carer && self.service.carer_may_complain
    }
}

/// The outcome of stage 2.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The case, when there are no errors (warnings may remain).
    pub case: Option<Case>,
    /// Every problem, errors and warnings, in the order of the fields.
    pub problems: Vec<Problem>,
}

impl Checked {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.is_error())
    }
}

/// Collects problems while reading fields.
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(field, kind));
    }

    /// A text field: trimmed; `None` when missing or empty; control characters are an error.
    fn text(&mut self, field: &str, value: Option<&String>) -> Option<String> {
        let v = value.map(|s| s.trim()).filter(|s| !s.is_empty())?;
        if v.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
        {
            self.push(field, ProblemKind::ControlCharacter);
            return None;
        }
        Some(
            v.replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('\t', " "),
        )
    }

    /// A required single-line text field.
    fn required(&mut self, field: &str, value: Option<&String>) -> Option<String> {
        let missing = value.is_none();
        let v = self.text(field, value);
        if v.is_none() && !self.problems.iter().any(|p| p.field == field) {
            self.push(
                field,
                if missing {
                    ProblemKind::Missing
                } else {
                    ProblemKind::Empty
                },
            );
        }
        v.map(|s| one_line(&s))
    }

    fn optional_line(&mut self, field: &str, value: Option<&String>) -> Option<String> {
        self.text(field, value).map(|s| one_line(&s))
    }

    fn date(&mut self, field: &str, value: Option<&String>, required: bool) -> Option<NaiveDate> {
        match self.text(field, value) {
            None => {
                if required && !self.problems.iter().any(|p| p.field == field) {
                    self.push(field, ProblemKind::Missing);
                }
                None
            }
            Some(s) => {
                let d = dates::parse_iso(&s);
                if d.is_none() {
                    self.push(field, ProblemKind::NotADate { found: s });
                }
                d
            }
        }
    }

    fn postcode(&mut self, field: &str, value: Option<&String>) -> Option<String> {
        let v = self.required(field, value)?;
        if v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()) {
            Some(v)
        } else {
            self.push(field, ProblemKind::PostcodeNotFourDigits { found: v });
            None
        }
    }

    fn person(&mut self, prefix: &str, p: &RawPerson) -> Option<Person> {
        let f = |k: &str| format!("{prefix}.{k}");
        let name = self.required(&f("name"), p.name.as_ref());
        let address = self.required(&f("address"), p.address.as_ref());
        let postcode = self.postcode(&f("postcode"), p.postcode.as_ref());
        let city = self.required(&f("city"), p.city.as_ref());
        let birth_date = self.date(&f("birth_date"), p.birth_date.as_ref(), false);
        let phone = self.optional_line(&f("phone"), p.phone.as_ref());
        if let Some(v) = phone.as_ref().filter(|v| contact::phone_looks_wrong(v)) {
            self.push(&f("phone"), ProblemKind::PhoneUnusual { found: v.clone() });
        }
        let email = self.optional_line(&f("email"), p.email.as_ref());
        if let Some(v) = email.as_ref().filter(|v| contact::email_looks_wrong(v)) {
            self.push(&f("email"), ProblemKind::EmailUnusual { found: v.clone() });
        }
        Some(Person {
            name: name?,
            address: address?,
            postcode: postcode?,
            city: city?,
            birth_date,
            phone,
            email,
        })
    }
}

/// A paragraph-preserving text: split at line breaks, each paragraph trimmed, empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Stage 2: check a raw case. `today` is the default letter date.
pub fn check(raw: &RawCase, today: NaiveDate) -> Checked {
    check_for(raw, today, LetterKind::Complaint)
}

/// Stage 2 for a given letter: a follow-up letter needs no grounds, but may need other answers
/// (the date the complaint was sent, a representative, …).
pub fn check_for(raw: &RawCase, today: NaiveDate, kind: LetterKind) -> Checked {
    let complaint = kind == LetterKind::Complaint;
    let mut c = Checker {
        problems: Vec::new(),
    };

    match raw.format.as_deref().map(str::trim) {
        None | Some("") => c.push("format", ProblemKind::Missing),
        Some(FORMAT) => {}
        Some(other) => {
            let newer = other
                .strip_prefix("omsorgsklage/")
                .and_then(|v| v.parse::<u32>().ok())
                .is_some_and(|v| v > 1);
            let found = other.to_string();
            c.push(
                "format",
                if newer {
                    ProblemKind::NewerFormat { found }
                } else {
                    ProblemKind::WrongFormatTag { found }
                },
            );
        }
    }

    let lang = match c.text("language", raw.language.as_ref()).as_deref() {
        None | Some("nb") => Some(Lang::Nb),
        Some("nn") => Some(Lang::Nn),
        Some(other) => {
            c.push(
                "language",
                ProblemKind::UnknownLanguage {
                    found: other.to_string(),
                },
            );
            None
        }
    };

    let letter_date = c
        .date("letter_date", raw.letter_date.as_ref(), false)
        .unwrap_or(today);

    let service = match c.text("service", raw.service.as_ref()) {
        None => {
            if !c.problems.iter().any(|p| p.field == "service") {
                c.push("service", ProblemKind::Missing);
            }
            None
        }
        Some(id) => match service::by_id(&id) {
            Some(s) => Some(s),
            None => {
                let suggestion = service::ids()
                    .map(|k| (levenshtein(&id.to_lowercase(), k), k))
                    .min_by_key(|(d, _)| *d)
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, k)| k.to_string());
                c.push(
                    "service",
                    ProblemKind::UnknownService {
                        found: id,
                        suggestion,
                    },
                );
                None
            }
        },
    };
    let service_other = c.optional_line("service_other", raw.service_other.as_ref());
    if service.is_some_and(|s| s.id == "annet")
        && service_other.is_none()
        && !c.problems.iter().any(|p| p.field == "service_other")
    {
        c.push("service_other", ProblemKind::ServiceOtherMissing);
    }

    let situation = match c.text("situation", raw.situation.as_ref()) {
        None => {
            if !c.problems.iter().any(|p| p.field == "situation") {
                c.push("situation", ProblemKind::Missing);
            }
            None
        }
        Some(s) => {
            let found = Situation::from_id(&s);
            if found.is_none() {
                c.push("situation", ProblemKind::UnknownSituation { found: s });
            }
            found
        }
    };
    if let (Some(Situation::Venteliste), Some(s)) = (situation, service) {
        if !s.waiting_list {
            c.push("situation", ProblemKind::VentelisteNotLongTerm);
        }
    }

    // Municipality.
    let (municipality, municipality_address) = match &raw.municipality {
        None => {
            c.push("municipality", ProblemKind::Missing);
            (None, Vec::new())
        }
        Some(m) => {
            let number = c.optional_line("municipality.number", m.number.as_ref());
            let name = c.optional_line("municipality.name", m.name.as_ref());
            let address: Vec<String> = m
                .address
                .iter()
                .flatten()
                .enumerate()
                .filter_map(|(i, l)| c.optional_line(&format!("municipality.address.{i}"), Some(l)))
                .collect();
            let found = match (&number, &name) {
                (None, None) => {
                    c.push("municipality.name", ProblemKind::Missing);
                    None
                }
                (Some(n), _) if !(n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit())) => {
                    c.push(
                        "municipality.number",
                        ProblemKind::MunicipalityNumber { found: n.clone() },
                    );
                    None
                }
                (Some(n), _) if municipality::by_number(n).is_none() => {
                    let suggestions = match name.as_deref().map(municipality::find_by_name) {
                        Some(Lookup::Found(m)) => vec![format!("{} {}", m.number, m.display())],
                        Some(Lookup::Ambiguous(list))
                        | Some(Lookup::NotFound { suggestions: list }) => list
                            .iter()
                            .map(|m| format!("{} {}", m.number, m.display()))
                            .collect(),
                        _ => Vec::new(),
                    };
                    c.push(
                        "municipality.number",
                        ProblemKind::MunicipalityUnknown {
                            found: n.clone(),
                            suggestions,
                        },
                    );
                    None
                }
                _ => match municipality::find(number.as_deref(), name.as_deref()) {
                    Lookup::Found(m) => Some(m),
                    Lookup::Ambiguous(list) => {
                        c.push(
                            "municipality.name",
                            ProblemKind::MunicipalityAmbiguous {
                                found: name.clone().unwrap_or_default(),
                                candidates: list
                                    .iter()
                                    .map(|m| {
                                        format!("{} ({}, {})", m.display(), m.county, m.number)
                                    })
                                    .collect(),
                            },
                        );
                        None
                    }
                    Lookup::NotFound { suggestions } => {
                        let field = if name.is_some() {
                            "municipality.name"
                        } else {
                            "municipality.number"
                        };
                        c.push(
                            field,
                            ProblemKind::MunicipalityUnknown {
                                found: name.clone().or(number.clone()).unwrap_or_default(),
                                suggestions: suggestions
                                    .iter()
                                    .map(|m| m.display().to_string())
                                    .collect(),
                            },
                        );
                        None
                    }
                    Lookup::Mismatch { by_number, .. } => {
                        c.push(
                            "municipality",
                            ProblemKind::MunicipalityMismatch {
                                number: format!("{} ({})", by_number.number, by_number.display()),
                                name: name.clone().unwrap_or_default(),
                            },
                        );
                        None
                    }
                },
            };
            if found.is_some() && address.is_empty() {
                c.push("municipality.address", ProblemKind::NoMunicipalityAddress);
            }
            (found, address)
        }
    };

    let applicant = match &raw.applicant {
        None => {
            c.push("applicant", ProblemKind::Missing);
            None
        }
        Some(p) => c.person("applicant", p),
    };

    let representative = match &raw.representative {
        None => Some(None),
        Some(r) => {
            let person = RawPerson {
                name: r.name.clone(),
                address: r.address.clone(),
                postcode: r.postcode.clone(),
                city: r.city.clone(),
                birth_date: None,
                phone: r.phone.clone(),
                email: r.email.clone(),
            };
            let p = c.person("representative", &person);
            let relation = c.optional_line("representative.relation", r.relation.as_ref());
            let power_of_attorney = r.power_of_attorney.unwrap_or(false);
            let role = match c.text("representative.role", r.role.as_ref()) {
                None => Some(Role::Fullmektig),
                Some(id) => {
                    let found = Role::from_id(&id.to_lowercase());
                    if found.is_none() {
                        c.push(
                            "representative.role",
                            ProblemKind::UnknownRole { found: id },
                        );
                    }
                    found
                }
            };
            if p.is_some() && role == Some(Role::Fullmektig) && !power_of_attorney {
                c.push(
                    "representative.power_of_attorney",
                    ProblemKind::NoPowerOfAttorney,
                );
            }
            if kind == LetterKind::Fullmakt
                && matches!(role, Some(Role::Forelder | Role::Verge | Role::Advokat))
            {
                c.push("representative.role", ProblemKind::FullmaktNotNeeded);
            }
            if role == Some(Role::Forelder) {
                let birth = raw
                    .applicant
                    .as_ref()
                    .and_then(|a| a.birth_date.as_deref())
                    .and_then(|d| dates::parse_iso(d.trim()));
                match birth.map(|b| age_on(b, letter_date)) {
                    Some(age) if age >= 18 => {
                        c.push("representative.role", ProblemKind::ParentOfAdult { age })
                    }
                    Some(_) => {}
                    None => c.push("applicant.birth_date", ProblemKind::ParentNeedsBirthDate),
                }
            }
            match (p, role) {
                (Some(person), Some(role)) => Some(Some(Representative {
                    person,
                    role,
                    relation,
                    power_of_attorney,
                })),
                _ => None,
            }
        }
    };

    // Decision.
    let decision = match &raw.decision {
        None => {
            c.push("decision", ProblemKind::Missing);
            None
        }
        Some(d) => {
            let date = c.date("decision.date", d.date.as_ref(), true);
            let received = c.date("decision.received", d.received.as_ref(), true);
            if let (Some(date), Some(received)) = (date, received) {
                if received < date {
                    c.push("decision.received", ProblemKind::ReceivedBeforeDecision);
                }
            }
            for (field, v) in [("decision.date", date), ("decision.received", received)] {
                if v.is_some_and(|v| v > letter_date) {
                    c.push(field, ProblemKind::DateAfterLetter);
                }
            }
            let reference = c.optional_line("decision.reference", d.reference.as_ref());
            let applied_for = c.text("decision.applied_for", d.applied_for.as_ref());
            let granted = c.text("decision.granted", d.granted.as_ref());
            let route = match c.text("decision.route", d.route.as_ref()) {
                None => None,
                Some(r) => {
                    let found = Route::from_id(&r);
                    if found.is_none() {
                        c.push("decision.route", ProblemKind::UnknownRoute { found: r });
                    }
                    found
                }
            };
            match (date, received) {
                (Some(date), Some(received)) => Some((
                    Decision {
                        date,
                        received,
                        reference,
                        applied_for,
                        granted,
                    },
                    route,
                )),
                _ => None,
            }
        }
    };

    let (route, route_basis) = match service {
        Some(s) => {
            let r = routing::route_for(s, decision.as_ref().and_then(|(_, r)| *r));
            if r.1 == RouteBasis::AssumedShorter {
                c.push("decision.route", ProblemKind::RouteAssumed);
            }
            (Some(r.0), r.1)
        }
        None => (None, RouteBasis::Service),
    };

    let complainant_is_carer = raw.complainant_is_carer.unwrap_or(false);
    if complainant_is_carer && service.is_some_and(|s| !s.carer_may_complain) {
        c.push("complainant_is_carer", ProblemKind::CarerNotApplicable);
    }
    let cared_for = match &raw.cared_for {
        None => None,
        Some(cf) => {
            let name = c.required("cared_for.name", cf.name.as_ref());
            let birth_date = c.date("cared_for.birth_date", cf.birth_date.as_ref(), false);
            let relation = c.optional_line("cared_for.relation", cf.relation.as_ref());
            name.map(|name| CaredFor {
                name,
                birth_date,
                relation,
            })
        }
    };
    if complainant_is_carer
        && service.is_some_and(|s| s.carer_may_complain)
        && raw.cared_for.is_none()
    {
        c.push("cared_for", ProblemKind::CaredForMissing);
    }

    let mut grounds = Vec::new();
    if let Some(g) = &raw.grounds {
        for ground in Ground::ALL {
            let field = format!("grounds.{}", ground.id());
            if let Some(t) = c.text(&field, g.get(ground)) {
                grounds.push((ground, paragraphs(&t)));
            }
        }
    }
    if complaint && grounds.is_empty() && !c.problems.iter().any(|p| p.field.starts_with("grounds"))
    {
        c.push("grounds", ProblemKind::NoGrounds);
    }

    let outcome = c
        .text("outcome", raw.outcome.as_ref())
        .map(|t| paragraphs(&t));
    let attachments: Vec<Attachment> = raw
        .attachments
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, a)| match a {
            RawAttachment::Text(s) => c
                .optional_line(&format!("attachments.{i}"), Some(s))
                .map(|title| Attachment { title, file: None }),
            RawAttachment::File(f) => {
                let file = c.text(&super::attachment::file_field(i), f.file.as_ref());
                let title = c.optional_line(&format!("attachments[{i}].title"), f.title.as_ref());
                match (title, file) {
                    (Some(title), file) => Some(Attachment { title, file }),
                    (None, Some(_)) => {
                        let field = format!("attachments[{i}].title");
                        if !c.problems.iter().any(|p| p.field == field) {
                            c.push(&field, ProblemKind::Missing);
                        }
                        None
                    }
                    (None, None) => None,
                }
            }
        })
        .collect();
    let requests = raw.requests.clone().unwrap_or_default();
    let access_to_documents = requests.access_to_documents.unwrap_or(false);
    let postponement = requests.postponement.unwrap_or(false);
    if postponement && situation.is_some_and(|s| !s.takes_away_service()) {
        c.push(
            "requests.postponement",
            ProblemKind::PostponementNotMeaningful,
        );
    }
    let late_reason = c
        .text("late_reason", raw.late_reason.as_ref())
        .map(|t| paragraphs(&t));
    let sent = c.date("sent", raw.sent.as_ref(), false);
    if sent.is_none() && kind.needs_sent() && !c.problems.iter().any(|p| p.field == "sent") {
        c.push("sent", ProblemKind::SentMissing);
    }
    // The letters that cite the date the complaint was sent.
    if let (Some(d), true) = (sent, kind.cites_sent()) {
        if d > letter_date {
            c.push("sent", ProblemKind::DateAfterLetter);
        }
        if decision.as_ref().is_some_and(|(x, _)| d < x.date) {
            c.push("sent", ProblemKind::SentBeforeDecision);
        }
        if kind == LetterKind::Reminder
            && d.checked_add_months(chrono::Months::new(1))
                .is_some_and(|due| letter_date < due)
        {
            c.push("sent", ProblemKind::ReminderEarly);
        }
    }
    let supplement = c
        .text("supplement", raw.supplement.as_ref())
        .map(|t| paragraphs(&t));
    if kind == LetterKind::Supplement
        && supplement.is_none()
        && !c.problems.iter().any(|p| p.field == "supplement")
    {
        c.push("supplement", ProblemKind::SupplementMissing);
    }
    if kind == LetterKind::Fullmakt && raw.representative.is_none() {
        c.push("representative", ProblemKind::RepresentativeMissing);
    }
    if kind == LetterKind::Postponement && situation.is_some_and(|s| !s.takes_away_service()) {
        c.push("situation", ProblemKind::PostponementNeedsCut);
    }

    let deadline = match (&decision, route) {
        (Some((d, _)), Some(r)) => Deadline::compute(d.received, r.weeks()),
        _ => None,
    };
    if let (Some(dl), Some((d, _))) = (&deadline, &decision) {
        if complaint
            && letter_date > dl.last_day
            && late_reason.is_none()
            && !c.problems.iter().any(|p| p.field == "late_reason")
        {
            c.push(
                "late_reason",
                ProblemKind::LateWithoutReason {
                    last_day: dl.last_day,
                },
            );
        }
        let one_year = d
            .date
            .with_year(d.date.year() + 1)
            .unwrap_or(d.date + chrono::Days::new(365));
        if letter_date > one_year {
            c.push("decision.date", ProblemKind::OverOneYear);
        }
    }

    // The place before the date is where the sender is: the representative when there is one.
    let place = c
        .optional_line("place", raw.place.as_ref())
        .or_else(|| {
            representative
                .as_ref()
                .and_then(|r| r.as_ref())
                .map(|r| r.person.city.clone())
        })
        .or_else(|| applicant.as_ref().map(|a| a.city.clone()))
        .unwrap_or_default();

    let has_errors = c.problems.iter().any(Problem::is_error);
    let case = match (
        lang,
        service,
        situation,
        municipality,
        applicant,
        representative,
        decision,
        route,
        deadline,
    ) {
        (
            Some(lang),
            Some(service),
            Some(situation),
            Some(municipality),
            Some(applicant),
            Some(representative),
            Some((decision, _)),
            Some(route),
            Some(deadline),
        ) if !has_errors => Some(Case {
            lang,
            letter_date,
            place,
            service,
            service_other,
            situation,
            municipality,
            municipality_address,
            applicant,
            representative,
            decision,
            route,
            route_basis,
            complainant_is_carer,
            cared_for,
            grounds,
            outcome,
            attachments,
            access_to_documents,
            postponement,
            late_reason,
            sent,
            supplement,
            deadline,
        }),
        _ => None,
    };
    Checked {
        case,
        problems: c.problems,
    }
}
