//! Stage 1, the raw model: the case file as written (every field optional) and [`read`], which
//! turns bytes into a [`RawCase`] within [`MAX_BYTES`], reporting every problem of form.

use serde::{Deserialize, Serialize};

use super::MAX_BYTES;
use super::problem::{Problem, ProblemKind};
use crate::domain::attachment::RawAttachment;

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
    /// One decision on several services (0.3): 2 or more items, instead of `service` and
    /// `situation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<RawServiceItem>>,
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
    /// The follow-up letters saved (a reminder, additional information …), each with the date
    /// on it, for the case timeline. Ignored by `check` and `render`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_ups: Option<Vec<RawFollowUp>>,
}

/// A follow-up letter that was saved: which letter (its `--letter` id) and the date on it (ISO).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawFollowUp {
    pub letter: Option<String>,
    pub date: Option<String>,
}

impl RawCase {
    /// The single-service fields this case has (`service`, `service_other`, `situation`,
    /// `outcome`, `decision.applied_for`, `decision.granted`): a file with `services` may have
    /// none of them.
    pub fn single_service_fields(&self) -> Vec<&'static str> {
        let d = self.decision.as_ref();
        [
            ("service", self.service.is_some()),
            ("service_other", self.service_other.is_some()),
            ("situation", self.situation.is_some()),
            ("outcome", self.outcome.is_some()),
            (
                "decision.applied_for",
                d.is_some_and(|d| d.applied_for.is_some()),
            ),
            ("decision.granted", d.is_some_and(|d| d.granted.is_some())),
        ]
        .into_iter()
        .filter(|(_, present)| *present)
        .map(|(f, _)| f)
        .collect()
    }

    /// The service id of a draft: `service`, or the first of `services`.
    pub fn primary_service(&self) -> Option<&str> {
        self.service.as_deref().or_else(|| {
            self.services
                .as_ref()?
                .iter()
                .find_map(|s| s.service.as_deref())
        })
    }

    /// The service ids named, in order: `service`, then those of `services`.
    pub fn service_ids(&self) -> Vec<&str> {
        self.service
            .as_deref()
            .into_iter()
            .chain(
                self.services
                    .iter()
                    .flatten()
                    .filter_map(|s| s.service.as_deref()),
            )
            .collect()
    }

    /// The decision is about matters outside the care services only (omsorgsbolig, TT-kort …,
    /// route B by the service itself): in Oslo no bydel is asked for, as FACTS.md §9 says the
    /// bydel decides on health and care services.
    pub fn only_non_care_services(&self) -> bool {
        let services: Vec<_> = self
            .service_ids()
            .into_iter()
            .filter_map(crate::domain::service::by_id)
            .collect();
        !services.is_empty()
            && services
                .iter()
                .all(|s| s.route == crate::domain::service::RouteRule::Klagenemnd)
    }
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
    /// For Oslo (0301): the bydel that made the decision (0.3), e.g. "Grünerløkka".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
}

/// One service of a decision on several (0.3, `services`): the same meanings as the single
/// fields `service`, `service_other`, `situation`, `decision.applied_for`, `decision.granted`
/// and `outcome`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawServiceItem {
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_other: Option<String>,
    pub situation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_for: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Ask for postponed implementation (utsatt iverksetting) of this service; absent: as
    /// `requests.postponement` says (added to 0.3 later: files without it mean what they meant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postponement: Option<bool>,
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
    /// Ask, in the complaint, for the reasons the decision lacks (0.3; fvl § 24 and § 25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<bool>,
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
            "services",
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
            "follow_ups",
        ],
    ),
    ("draft", &["step", "updated", "letter"]),
    ("municipality", &["number", "name", "address", "district"]),
    (
        "services.*",
        &[
            "service",
            "service_other",
            "situation",
            "applied_for",
            "granted",
            "outcome",
            "postponement",
        ],
    ),
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
    (
        "requests",
        &["access_to_documents", "postponement", "reasons"],
    ),
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
