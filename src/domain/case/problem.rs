//! The problems found in a case file: data (a field path and a [`ProblemKind`]), worded by
//! the interface's message catalogue.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::attachment::Fault;

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
    /// A section of law, written in full in the interface's form of Norwegian.
    Cite(crate::domain::law::Citation),
    /// Services by id, written by their names in the interface's language ("omsorgsstønad og
    /// avlastning").
    Services(Vec<String>),
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
    /// The person the decision is about is under 18 and nobody writes for them: a child never
    /// signs a complaint alone (FACTS.md §5). On `representative`.
    ChildAlone {
        age: i64,
    },
    /// The person is under 18 and the writer is not a parent, verge or lawyer: a helper or a
    /// fullmakt is not enough for a child. On `representative.role`.
    ChildNeedsParent {
        age: i64,
    },
    /// A file attachment without a title; the file's name gives a suggestion.
    AttachmentTitleMissing {
        suggestion: String,
    },
    /// A carer's own complaint where the person cared for is the applicant: the file says the
    /// same person gives and gets the care. On `cared_for.name`.
    CaredForIsApplicant,
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
    /// `municipality.district` is not one of Oslo's 15 bydeler.
    DistrictUnknown {
        found: String,
    },
    /// `municipality.district` for a municipality without bydeler (only Oslo has them here).
    DistrictNotOslo {
        found: String,
        municipality: String,
    },
    /// A file with `services` also has a single-service field (`service`, `situation`, …).
    ServicesWithSingle {
        fields: Vec<String>,
    },
    /// `services` with fewer than 2 items.
    ServicesTooFew,
    /// Care services (route A) and a matter of another route (e.g. omsorgsbolig) in one file.
    ServicesMixedRoutes {
        care: Vec<String>,
        other: Vec<String>,
    },
    /// The same service twice in `services`.
    ServiceTwice {
        found: String,
    },
    /// A carer's own complaint (`complainant_is_carer`) with a service that only the person
    /// it is for may complain about (not avlastning, omsorgsstønad, opplæring for pårørende).
    CarerServiceNotOwn {
        found: String,
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
    /// The municipality is not the one of the applicant's postcode. A warning: people may get
    /// help from another municipality.
    MunicipalityNotPostcode {
        municipality: String,
        postcode: String,
        home: String,
    },
    /// Oslo without a bydel: in Oslo the bydel makes the decision and receives the complaint.
    DistrictMissing,
    RouteAssumed,
    /// A reminder written less than a month after the complaint was sent: the municipality may
    /// still answer in time (fvl § 11 a). A warning.
    ReminderEarly,
    /// The complaint was sent before the date on its letter: asked, not refused (a warning).
    SentBeforeLetter {
        letter_date: NaiveDate,
    },
    PostponementNotMeaningful,
    /// `services.N.postponement: true` for a service the decision does not cut or stop. A
    /// warning: nothing about it goes into the letter.
    PostponementNotCut {
        found: String,
    },
    /// `complainant_is_carer` for a service where a carer may not complain in their own name
    /// (only `avlastning`, `omsorgsstonad`, `parorendeopplaering`). An error: the letter would
    /// say the wrong person complains.
    CarerNotApplicable,
    NoPowerOfAttorney,
    /// A parent writes, but the child's birth date is not given: whether the child is under 18
    /// (and whether they sign too, at 16 or 17) cannot be told. A warning.
    ParentNeedsBirthDate,
    /// A carer's own complaint without the person cared for. A warning, so 0.1 files render.
    CaredForMissing,
    /// A fullmakt letter for a parent, verge or lawyer, who need none. A warning.
    FullmaktNotNeeded,
    /// A complaint more than one year after the decision: it cannot be considered at all (fvl
    /// § 31 tredje ledd). An error: the program writes no such complaint.
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
            ProblemKind::ChildAlone { .. } => "child-alone",
            ProblemKind::ChildNeedsParent { .. } => "child-needs-parent",
            ProblemKind::CaredForIsApplicant => "cared-for-is-applicant",
            ProblemKind::AttachmentTitleMissing { .. } => "attachment-title-missing",
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
            ProblemKind::DistrictUnknown { .. } => "district-unknown",
            ProblemKind::DistrictNotOslo { .. } => "district-not-oslo",
            ProblemKind::DistrictMissing => "district-missing",
            ProblemKind::MunicipalityNotPostcode { .. } => "municipality-not-postcode",
            ProblemKind::ServicesWithSingle { .. } => "services-with-single",
            ProblemKind::ServicesTooFew => "services-too-few",
            ProblemKind::ServicesMixedRoutes { .. } => "services-mixed-routes",
            ProblemKind::ServiceTwice { .. } => "service-twice",
            ProblemKind::CarerServiceNotOwn { .. } => "carer-service-not-own",
            ProblemKind::ControlCharacter => "control-character",
            ProblemKind::NoGrounds => "no-grounds",
            ProblemKind::LateWithoutReason { .. } => "late-without-reason",
            ProblemKind::SentMissing => "sent-missing",
            ProblemKind::RepresentativeMissing => "representative-missing",
            ProblemKind::PostponementNeedsCut => "postponement-needs-cut",
            ProblemKind::SupplementMissing => "supplement-missing",
            ProblemKind::RouteAssumed => "route-assumed",
            ProblemKind::ReminderEarly => "reminder-early",
            ProblemKind::SentBeforeLetter { .. } => "sent-before-letter",
            ProblemKind::PostponementNotMeaningful => "postponement-not-meaningful",
            ProblemKind::PostponementNotCut { .. } => "postponement-not-cut",
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
            ProblemKind::AttachmentTitleMissing { suggestion } => {
                vec![("suggestion", Text(suggestion.clone()))]
            }
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
            ProblemKind::DistrictUnknown { found } => vec![
                ("found", Text(found.clone())),
                (
                    "districts",
                    Text(crate::domain::municipality::bydel::ALL.join(", ")),
                ),
            ],
            ProblemKind::DistrictNotOslo {
                found,
                municipality,
            } => vec![
                ("found", Text(found.clone())),
                ("municipality", Text(municipality.clone())),
            ],
            ProblemKind::MunicipalityNotPostcode {
                municipality,
                postcode,
                home,
            } => vec![
                ("municipality", Text(municipality.clone())),
                ("postcode", Text(postcode.clone())),
                ("home", Text(home.clone())),
            ],
            ProblemKind::ServicesWithSingle { fields } => {
                vec![("fields", Text(fields.join(", ")))]
            }
            ProblemKind::ServicesMixedRoutes { care, other } => vec![
                ("care", Services(care.clone())),
                ("other", Services(other.clone())),
            ],
            ProblemKind::ServiceTwice { found }
            | ProblemKind::CarerServiceNotOwn { found }
            | ProblemKind::PostponementNotCut { found } => {
                vec![("found", Services(vec![found.clone()]))]
            }
            ProblemKind::LateWithoutReason { last_day } => vec![("last_day", Date(*last_day))],
            ProblemKind::SentBeforeLetter { letter_date } => {
                vec![("letter_date", Date(*letter_date))]
            }
            ProblemKind::ParentOfAdult { age }
            | ProblemKind::ChildAlone { age }
            | ProblemKind::ChildNeedsParent { age } => vec![("age", Number(*age))],
            ProblemKind::OverOneYear => vec![
                ("rule", Cite(crate::domain::law::FVL_31_3)),
                ("change", Cite(crate::domain::law::FVL_35)),
            ],
            ProblemKind::Attachment(f) => f.args(),
            _ => vec![],
        }
    }

    fn severity(&self) -> Severity {
        match self {
            ProblemKind::RouteAssumed
            | ProblemKind::MunicipalityNotPostcode { .. }
            | ProblemKind::DistrictMissing
            | ProblemKind::PostponementNotMeaningful
            | ProblemKind::PostponementNotCut { .. }
            | ProblemKind::NoPowerOfAttorney
            | ProblemKind::ParentNeedsBirthDate
            | ProblemKind::CaredForMissing
            | ProblemKind::FullmaktNotNeeded
            | ProblemKind::NoMunicipalityAddress
            | ProblemKind::VentelisteNotLongTerm
            | ProblemKind::ReminderEarly
            | ProblemKind::SentBeforeLetter { .. }
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
