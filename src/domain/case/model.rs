//! The checked model: what stage 2 ([`super::check`]) hands to the law, deadline and letter code.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::problem::Problem;
use super::raw::Ground;
use crate::domain::attachment::Attachment;
use crate::domain::deadline::Deadline;
use crate::domain::letter::Lang;
use crate::domain::municipality::Municipality;
use crate::domain::routing::{Route, RouteBasis};
use crate::domain::service::Service;
use crate::domain::situation::Situation;

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

/// One service of the decision, with what happened to it (a file's `service`/`situation`, or one
/// item of its `services`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceItem {
    pub service: &'static Service,
    /// The service in the person's words, for `annet`.
    pub service_other: Option<String>,
    pub situation: Situation,
    /// What was applied for (or had before a cut), as written.
    pub applied_for: Option<String>,
    /// What was granted (or is left after a cut), as written.
    pub granted: Option<String>,
    /// What the person asks for about this service, as paragraphs.
    pub outcome: Option<Vec<String>>,
    /// The item's own `postponement`, as given; `None`: as `requests.postponement` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postponement: Option<bool>,
}

impl ServiceItem {
    /// The name as in "vedtak om …": the person's own words for `annet`.
    pub fn name(&self, lang: Lang) -> String {
        match (&self.service_other, self.service.id) {
            (Some(other), "annet") => other.clone(),
            _ => self.service.name(lang).to_string(),
        }
    }

    /// Postponed implementation (utsatt iverksetting) is asked for this service: the item's own
    /// choice or else `requests.postponement` (`asked`), and only for a service cut or stopped.
    pub fn asks_postponement(&self, asked: bool) -> bool {
        self.postponement.unwrap_or(asked) && self.situation.takes_away_service()
    }

    /// A carer may complain about this service on their own behalf (pbrl § 2-8).
    pub fn carer_may_complain(&self) -> bool {
        self.service.carer_may_complain
    }
}

/// A checked case: everything the law, deadline and letter code need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub lang: Lang,
    pub letter_date: NaiveDate,
    pub place: String,
    /// The (first) service; with `services` the first item's, so that what speaks of one
    /// service still reads.
    pub service: &'static Service,
    pub service_other: Option<String>,
    pub situation: Situation,
    /// Every service of the decision, in the file's order: one for a file with `service`, two or
    /// more for a file with `services` (0.3). All on the same route.
    pub services: Vec<ServiceItem>,
    #[serde(skip)]
    pub municipality: &'static Municipality,
    /// Oslo's bydel that made the decision (0.3 `municipality.district`), its official name.
    pub district: Option<&'static str>,
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
    /// Ask for the reasons the decision lacks (0.3, `requests.reasons`; fvl § 24 and § 25).
    pub reasons: bool,
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

    /// A carer complains in their own name (pbrl § 2-8), about the services where a carer may.
    pub fn is_carer_complaint(&self) -> bool {
        self.complainant_is_carer && self.services.iter().any(ServiceItem::carer_may_complain)
    }

    /// One decision on several services (0.3 `services`).
    pub fn is_multi(&self) -> bool {
        self.services.len() > 1
    }

    /// The decision takes away (cuts or stops) a service the person has: postponed
    /// implementation (utsatt iverksetting) can be asked for.
    pub fn takes_away_service(&self) -> bool {
        self.services
            .iter()
            .any(|s| s.situation.takes_away_service())
    }

    /// Who the letter is addressed to: "Tromsø kommune", "Oslo kommune, bydel Grünerløkka".
    pub fn addressee(&self) -> String {
        crate::domain::municipality::addressee(self.municipality, self.district)
    }

    /// Who made the decision, as in "vedtaket fra …": "Tromsø kommune", "bydel Grünerløkka i
    /// Oslo kommune".
    pub fn decision_maker(&self) -> String {
        crate::domain::municipality::decision_maker(self.municipality, self.district)
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
