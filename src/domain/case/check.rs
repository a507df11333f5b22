//! Stage 2, the checks: a [`RawCase`] becomes a [`Case`], collecting every problem of content.

use chrono::NaiveDate;

use super::FORMAT;
mod items;
use super::model::{CaredFor, Case, Checked, Decision, Person, Representative, Role, age_on};
use super::problem::{Problem, ProblemKind};
use super::raw::{Ground, RawCase, RawPerson};
use crate::domain::attachment::{self, Attachment, RawAttachment};
use crate::domain::deadline::Deadline;
use crate::domain::letter::{Lang, LetterKind};
use crate::domain::municipality::{self, Lookup, bydel};
use crate::domain::routing::Route;
use crate::domain::{contact, dates};

/// Collects problems while reading fields.
pub(super) struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    pub(super) fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(field, kind));
    }

    /// A problem was found on this field already.
    pub(super) fn has(&self, field: &str) -> bool {
        self.problems.iter().any(|p| p.field == field)
    }

    /// A text field: trimmed; `None` when missing or empty; control characters are an error.
    pub(super) fn text(&mut self, field: &str, value: Option<&String>) -> Option<String> {
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

    pub(super) fn optional_line(&mut self, field: &str, value: Option<&String>) -> Option<String> {
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

/// `municipality.district`: a bydel of Oslo, by its official name. Oslo without one is a
/// warning when the decision is about a care service (the bydel receives the complaint); a district for another municipality, or a name
/// that is not a bydel, is an error.
fn check_district(
    c: &mut Checker,
    m: &'static municipality::Municipality,
    district: Option<String>,
    non_care: bool,
) -> Option<&'static str> {
    let oslo = bydel::has_districts(m.number);
    match district {
        None => {
            if oslo && !non_care && !c.has("municipality.district") {
                c.push("municipality.district", ProblemKind::DistrictMissing);
            }
            None
        }
        Some(found) if !oslo => {
            c.push(
                "municipality.district",
                ProblemKind::DistrictNotOslo {
                    found,
                    municipality: m.letter_name(),
                },
            );
            None
        }
        Some(found) => {
            let d = bydel::find(&found);
            if d.is_none() {
                c.push(
                    "municipality.district",
                    ProblemKind::DistrictUnknown { found },
                );
            }
            d
        }
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
    check_inner(raw, today, kind, false)
}

/// [`check_for`]; `allow_one` accepts a `services` list of one item, which a file may not have
/// (it would be the single `service`): the test that the two read alike uses it.
pub(crate) fn check_inner(
    raw: &RawCase,
    today: NaiveDate,
    kind: LetterKind,
    allow_one: bool,
) -> Checked {
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

    // The letter's date. A complaint already sent is judged and reprinted as it was sent, never
    // by today: its kept `letter_date`, else (saved before the date was kept) the day it was
    // sent. A follow-up letter of a sent complaint is written after it: a `letter_date` not
    // after the sending is the complaint's own, and the follow-up is dated today.
    let sent_on = raw.sent.as_deref().and_then(dates::parse_iso);
    let letter_date = match (
        c.date("letter_date", raw.letter_date.as_ref(), false),
        sent_on,
    ) {
        (Some(d), Some(s)) if !complaint && d <= s => today,
        (Some(d), _) => d,
        (None, Some(s)) if complaint => s,
        (None, _) => today,
    };

    let services = items::read(&mut c, raw, allow_one);

    // Municipality.
    let (municipality, municipality_address) = match &raw.municipality {
        None => {
            c.push("municipality", ProblemKind::Missing);
            (None, Vec::new())
        }
        Some(m) => {
            let number = c.optional_line("municipality.number", m.number.as_ref());
            let name = c.optional_line("municipality.name", m.name.as_ref());
            let district = c.optional_line("municipality.district", m.district.as_ref());
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
            let non_care = raw.only_non_care_services();
            let district = found.and_then(|m| check_district(&mut c, m, district, non_care));
            (found.map(|m| (m, district)), address)
        }
    };

    let applicant = match &raw.applicant {
        None => {
            c.push("applicant", ProblemKind::Missing);
            None
        }
        Some(p) => c.person("applicant", p),
    };
    if let (Some((m, _)), Some(a)) = (municipality, &applicant)
        && let Some(home) = municipality::for_postcode(&a.postcode)
        && home != m
    {
        c.push(
            "municipality",
            ProblemKind::MunicipalityNotPostcode {
                municipality: m.letter_name(),
                postcode: format!("{} {}", a.postcode, a.city),
                home: home.letter_name(),
            },
        );
    }

    // The age of the person the decision is about on the letter date, when the birth date reads.
    let applicant_age = raw
        .applicant
        .as_ref()
        .and_then(|a| a.birth_date.as_deref())
        .and_then(|d| dates::parse_iso(d.trim()))
        .map(|b| age_on(b, letter_date));
    let representative = match &raw.representative {
        None => {
            if let Some(age) = applicant_age.filter(|a| *a < 18) {
                c.push("representative", ProblemKind::ChildAlone { age });
            }
            Some(None)
        }
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
            if p.is_some()
                && role == Some(Role::Fullmektig)
                && !power_of_attorney
                && applicant_age.is_none_or(|a| a >= 18)
            {
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
            // A child never signs alone, nor with a helper or a fullmakt only: a parent, the
            // verge or a lawyer writes for them (FACTS.md §5).
            if let (Some(age), Some(Role::Fullmektig)) = (applicant_age, role)
                && age < 18
            {
                c.push("representative.role", ProblemKind::ChildNeedsParent { age });
            }
            if role == Some(Role::Forelder) {
                match applicant_age {
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
            if let (Some(date), Some(received)) = (date, received)
                && received < date
            {
                c.push("decision.received", ProblemKind::ReceivedBeforeDecision);
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

    let (route, route_basis) =
        items::route(&mut c, &services, decision.as_ref().and_then(|(_, r)| *r));

    let complainant_is_carer = raw.complainant_is_carer.unwrap_or(false);
    items::carer(&mut c, &services, complainant_is_carer);
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
    let carer_complaint =
        complainant_is_carer && services.known().iter().any(|(_, s)| s.carer_may_complain);
    if carer_complaint && raw.cared_for.is_none() {
        c.push("cared_for", ProblemKind::CaredForMissing);
    }
    // In a carer's own complaint the applicant is the carer: the person cared for is someone
    // else. The same name in both means the answers mixed the two up (a helper who wrote the
    // person cared for as the applicant).
    if carer_complaint
        && let (Some(cf), Some(a)) = (&cared_for, applicant.as_ref())
        && one_line(&cf.name).to_lowercase() == a.name.to_lowercase()
    {
        c.push("cared_for.name", ProblemKind::CaredForIsApplicant);
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
                let file = c.text(&attachment::file_field(i), f.file.as_ref());
                let title = c.optional_line(&format!("attachments[{i}].title"), f.title.as_ref());
                match (title, file) {
                    (Some(title), file) => Some(Attachment { title, file }),
                    (None, Some(path)) => {
                        // The letter shows the title, never the file's name: the name is only
                        // offered as a suggestion.
                        let field = format!("attachments[{i}].title");
                        if !c.problems.iter().any(|p| p.field == field) {
                            c.push(
                                &field,
                                ProblemKind::AttachmentTitleMissing {
                                    suggestion: attachment::suggested_title(&path),
                                },
                            );
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
    let reasons = requests.reasons.unwrap_or(false);
    if postponement && services.takes_away() == Some(false) {
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
    // A complaint sent before the date on its own letter: a typing error, most likely.
    if let (Some(d), true, Some(_)) = (sent, complaint, raw.letter_date.as_ref())
        && d < letter_date
    {
        c.push("sent", ProblemKind::SentBeforeLetter { letter_date });
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
    if kind == LetterKind::Postponement && services.takes_away() == Some(false) {
        c.push("situation", ProblemKind::PostponementNeedsCut);
    }

    let deadline = match (&decision, route) {
        (Some((d, _)), Some(r)) => Deadline::compute(d.received, r.weeks()),
        _ => None,
    };
    if let (Some(dl), Some((d, _))) = (&deadline, &decision) {
        // More than a year after the decision no complaint can be considered (fvl § 31 tredje
        // ledd): the program writes none, and does not ask why it is late either. Follow-up
        // letters (a reminder about a complaint sent in time) may come later.
        let beyond = complaint && crate::domain::deadline::beyond_one_year(d.date, letter_date);
        if beyond {
            c.push("decision.date", ProblemKind::OverOneYear);
        } else if complaint
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
    let (applied_for, granted) = decision
        .as_ref()
        .map(|(d, _)| (d.applied_for.clone(), d.granted.clone()))
        .unwrap_or_default();
    let items = services.items(applied_for, granted, outcome.clone());
    let case = match (
        lang,
        items,
        municipality,
        applicant,
        representative,
        decision,
        route,
        deadline,
    ) {
        (
            Some(lang),
            Some(services),
            Some((municipality, district)),
            Some(applicant),
            Some(representative),
            Some((mut decision, _)),
            Some(route),
            Some(deadline),
        ) if !has_errors && !services.is_empty() => {
            let first = &services[0];
            // With several services, what was applied for, granted and asked for is told per
            // service; with one, it is the decision's and the file's, as before 0.3.
            let outcome = if services.len() == 1 {
                decision.applied_for.clone_from(&first.applied_for);
                decision.granted.clone_from(&first.granted);
                first.outcome.clone()
            } else {
                decision.applied_for = None;
                decision.granted = None;
                None
            };
            Some(Case {
                lang,
                letter_date,
                place,
                service: first.service,
                service_other: first.service_other.clone(),
                situation: first.situation,
                services,
                municipality,
                district,
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
                reasons,
                late_reason,
                sent,
                supplement,
                deadline,
            })
        }
        _ => None,
    };
    Checked {
        case,
        problems: c.problems,
    }
}
