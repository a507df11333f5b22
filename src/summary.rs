//! A saved case in a few words: who, which service, how far it got, and its deadline or the
//! answer it waits for. The start screen and `omsorgsklage cases list` show the same summary,
//! built by [`case_row`], in the same order ([`order_cases`]). Also the words both front ends use
//! about a case: the deadline explained ([`explain_deadline`]) and the form citations take on
//! screen ([`cite_lang`]).

use chrono::NaiveDate;

use crate::domain::case::RawCase;
use crate::domain::dates;
use crate::domain::deadline::{DayOff, Deadline, Status};
use crate::domain::municipality;
use crate::domain::routing;
use crate::domain::service;
use crate::i18n::{Ui, t, tf};
use crate::step::Step;
use crate::store::Entry;

/// The deadline of a draft, when its service and received date are known.
pub fn draft_deadline(raw: &RawCase) -> Option<Deadline> {
    crate::domain::timeline::deadline_of(raw)
}

/// "12 dager igjen" / "BARE 3 DAGER IGJEN" / "FRISTEN ER UTE": close or passed deadlines are
/// shouted in words, not only coloured.
pub fn deadline_status(ui: Ui, dl: &Deadline, today: NaiveDate) -> String {
    match dl.status(today) {
        Status::Open { days_left } if days_left <= 7 => {
            tf(ui, "cases.status-close", &[("days", days_left.to_string())])
        }
        Status::Open { days_left } => {
            tf(ui, "cases.status-left", &[("days", days_left.to_string())])
        }
        Status::LastDay => t(ui, "cases.status-today"),
        Status::Passed { .. } => t(ui, "cases.status-passed"),
    }
}

/// Who the case is about, for lists.
pub fn person_label(ui: Ui, raw: &RawCase) -> String {
    raw.applicant
        .as_ref()
        .and_then(|a| a.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| t(ui, "cases.no-name"))
}

/// The service, for lists; a decision on several services names them all ("omsorgsstønad og
/// avlastning").
pub fn service_label(ui: Ui, raw: &RawCase) -> String {
    if let Some(items) = raw.services.as_ref().filter(|v| !v.is_empty()) {
        let names: Vec<String> = items
            .iter()
            .filter_map(|i| {
                let s = service::by_id(i.service.as_deref()?)?;
                Some(one_service(ui, s, i.service_other.as_ref()))
            })
            .collect();
        return if names.is_empty() {
            t(ui, "cases.no-service")
        } else {
            join_and(ui, &names)
        };
    }
    match raw.service.as_deref().and_then(service::by_id) {
        Some(s) => one_service(ui, s, raw.service_other.as_ref()),
        None => t(ui, "cases.no-service"),
    }
}

fn one_service(ui: Ui, s: &service::Service, other: Option<&String>) -> String {
    match other {
        Some(o) if s.id == "annet" => o.clone(),
        _ => s.ui_name(ui.code()).to_string(),
    }
}

/// "a", "a og b", "a, b og c" in the interface language.
pub fn join_and(ui: Ui, names: &[String]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), t(ui, "word.and")),
    }
}

/// Where the complaint is sent, when the case names its municipality: "Tromsø kommune"; in Oslo
/// with a bydel, "Oslo kommune, bydel Grünerløkka" (FACTS.md §9). For the last screen's "send
/// it to …" and the list of cases.
pub fn send_to(raw: &RawCase) -> Option<String> {
    let m = raw.municipality.as_ref()?;
    let found = municipality::find(m.number.as_deref(), m.name.as_deref());
    let municipality::Lookup::Found(found) = found else {
        return None;
    };
    let district = m
        .district
        .as_deref()
        .filter(|_| municipality::bydel::has_districts(found.number))
        .and_then(municipality::bydel::find);
    Some(municipality::addressee(found, district))
}

/// Who may complain about which part, when a carer writes about a decision that also concerns
/// the cared-for person's own services (pbrl § 2-8; FACTS.md §3 and §5): one sentence for the
/// carer's part, one for the person's, and one that says there will be two letters. Empty when
/// the carer may complain about every service of the decision, or none.
pub fn who_may_complain(ui: Ui, raw: &RawCase, cared_for_name: &str) -> Vec<String> {
    let services: Vec<&'static service::Service> = raw
        .service_ids()
        .into_iter()
        .filter_map(service::by_id)
        .collect();
    let split = crate::domain::standing::split(&services);
    if !split.needs_two_letters() {
        return Vec::new();
    }
    let names = |v: &[&service::Service]| {
        join_and(
            ui,
            &v.iter()
                .map(|s| s.ui_name(ui.code()).to_string())
                .collect::<Vec<_>>(),
        )
    };
    let name = cared_for_name.to_string();
    // Someone who helps the carer write is told about the carer, by name, not about themselves.
    let (suffix, carer) = if raw.representative.is_some() {
        let carer = raw
            .applicant
            .as_ref()
            .and_then(|a| a.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| t(ui, "who.the-carer"));
        ("-rep", carer)
    } else {
        ("", String::new())
    };
    let key = |k: &str| format!("{k}{suffix}");
    vec![
        tf(
            ui,
            &key("who.carer-part"),
            &[("services", names(&split.carer)), ("carer", carer.clone())],
        ),
        tf(
            ui,
            &key("who.person-part"),
            &[("services", names(&split.person)), ("name", name.clone())],
        ),
        tf(
            ui,
            &key("who.two-letters"),
            &[("name", name), ("carer", carer)],
        ),
    ]
}

/// How urgent a saved case's deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// No deadline known, or more than a week left.
    Calm,
    /// A week or less left, or the last day today.
    Close,
    /// The deadline has passed.
    Passed,
}

/// One saved case on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    /// "Ola Hansen – hjemmesykepleie · BARE 3 DAGER IGJEN"
    pub title: String,
    /// "Frist 23. november 2026. Endret 18.11.2026 14:02. Kommet til: Vedtaket."
    pub detail: String,
    pub urgency: Urgency,
}

/// When the draft was last changed: its own `draft.updated` (as written, in the writer's local
/// time), else the file's time.
pub fn changed_label(e: &Entry) -> String {
    let from_draft = e
        .raw
        .draft
        .as_ref()
        .and_then(|d| d.updated.as_deref())
        .and_then(|u| chrono::DateTime::parse_from_rfc3339(u).ok())
        .map(|d| d.naive_local().format("%d.%m.%Y %H:%M").to_string());
    from_draft
        .or_else(|| {
            e.modified.map(|m| {
                chrono::DateTime::<chrono::Local>::from(m)
                    .format("%d.%m.%Y %H:%M")
                    .to_string()
            })
        })
        .unwrap_or_default()
}

/// How far a draft got: the part of the wizard it opens at, in words.
pub fn step_label(ui: Ui, raw: &RawCase) -> String {
    match resume_step(raw) {
        Step::Done => t(ui, "tui.section.done"),
        // Saved on the case screen: its title ("Saken din"), not a step id.
        Step::Case => t(ui, "tui.q.case.title"),
        s => match s.section() {
            Some(section) => t(ui, section.title_key()),
            None => t(ui, "cases.step-unknown"),
        },
    }
}

/// The step to resume a draft at.
pub fn resume_step(raw: &RawCase) -> Step {
    match raw
        .draft
        .as_ref()
        .and_then(|d| d.step.as_deref())
        .and_then(Step::from_id)
    {
        // A draft saved on the start screen goes on from the first question.
        Some(Step::Start) => Step::Who,
        Some(s) => s,
        // A case file without a step (imported): check answers shows what is missing.
        None => Step::Check,
    }
}

/// A saved case as the start screen shows it.
pub fn case_row(ui: Ui, e: &Entry, today: NaiveDate) -> CaseRow {
    let mut title = format!(
        "{} – {}",
        person_label(ui, &e.raw),
        service_label(ui, &e.raw)
    );
    // In Oslo the bydel receives the complaint: the list says which.
    if let Some(to) = send_to(&e.raw).filter(|_| {
        e.raw
            .municipality
            .as_ref()
            .is_some_and(|m| m.district.is_some())
    }) {
        title.push_str(" – ");
        title.push_str(&to);
    }
    let changed = changed_label(e);
    let step = step_label(ui, &e.raw);
    let waiting = crate::timeline::waiting(&e.raw, today);
    let (detail, urgency) = match (waiting, draft_deadline(&e.raw)) {
        // Sent: the deadline is behind; what matters is the answer.
        (Some(w), _) => {
            title.push_str(" · ");
            title.push_str(&crate::timeline::waiting_text(ui, &w));
            (
                tf(
                    ui,
                    "tui.start.case-detail-no-deadline",
                    &[("changed", changed), ("step", step)],
                ),
                if w.overdue {
                    Urgency::Close
                } else {
                    Urgency::Calm
                },
            )
        }
        (None, Some(dl)) => {
            let urgency = match dl.status(today) {
                Status::Passed { .. } => Urgency::Passed,
                Status::LastDay => Urgency::Close,
                Status::Open { days_left } if days_left <= 7 => Urgency::Close,
                Status::Open { .. } => Urgency::Calm,
            };
            title.push_str(" · ");
            title.push_str(&deadline_status(ui, &dl, today));
            (
                tf(
                    ui,
                    "tui.start.case-detail",
                    &[
                        ("date", dates::in_words(dl.last_day, ui.code())),
                        ("changed", changed),
                        ("step", step),
                    ],
                ),
                urgency,
            )
        }
        (None, None) => (
            tf(
                ui,
                "tui.start.case-detail-no-deadline",
                &[("changed", changed), ("step", step)],
            ),
            Urgency::Calm,
        ),
    };
    CaseRow {
        title,
        detail,
        urgency,
    }
}

/// The case has an answer: some field other than the format tag, the letter language, the
/// letter date and the draft bookkeeping has a value (an empty text is no value). A case without
/// one is not written to disk, and an old draft without one is not listed.
pub fn has_answers(raw: &RawCase) -> bool {
    let mut blank = raw.clone();
    blank.format = None;
    blank.language = None;
    blank.letter_date = None;
    blank.draft = None;
    // "I write for someone else" is an answer before any field of theirs is filled in.
    if blank.representative.is_some() {
        return true;
    }
    match serde_json::to_value(&blank) {
        Ok(v) => has_value(&v),
        Err(_) => true,
    }
}

fn has_value(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Bool(_) | Value::Number(_) => true,
        Value::Array(a) => a.iter().any(has_value),
        Value::Object(o) => o.values().any(has_value),
    }
}

/// The date a saved case is listed by: when an answer is due for a sent complaint, else the
/// last day to complain.
pub fn list_date(raw: &RawCase, today: NaiveDate) -> Option<NaiveDate> {
    match crate::timeline::waiting(raw, today) {
        Some(w) => Some(w.due),
        None => draft_deadline(raw).map(|d| d.last_day),
    }
}

/// The saved cases in the order the start screen lists them, which does not change when a case
/// is opened or saved: the nearest date first (cases without one last), then by name (cases
/// without one last), then by id. The start screen and `cases list` list them in this order.
pub fn order_cases(cases: &mut [Entry], today: NaiveDate) {
    let key = |e: &Entry| {
        let name = e
            .raw
            .applicant
            .as_ref()
            .and_then(|a| a.name.as_deref())
            .map(|n| n.trim().to_lowercase())
            .filter(|n| !n.is_empty());
        (
            list_date(&e.raw, today).is_none(),
            list_date(&e.raw, today),
            name.is_none(),
            name,
            e.id.clone(),
        )
    };
    cases.sort_by_cached_key(key);
}

fn day_off_text(ui: Ui, d: DayOff) -> String {
    match d {
        DayOff::Saturday => t(ui, "dayoff.saturday"),
        DayOff::Sunday => t(ui, "dayoff.sunday"),
        DayOff::Holiday(h) => tf(
            ui,
            "dayoff.holiday",
            &[("name", h.name(ui.code()).to_string())],
        ),
    }
}

/// The one-year limit in plain words, the same on every screen and in every command: the
/// complaint can no longer be considered (fvl § 31 tredje ledd), and what the person can do
/// instead (a new application, fvl § 35, Pasient- og brukerombudet). It is the message of the
/// problem `check` and `render` report, begun with a capital letter.
pub fn one_year_limit(ui: Ui) -> String {
    let p = crate::domain::case::Problem::new(
        "decision.date",
        crate::domain::case::ProblemKind::OverOneYear,
    );
    let text = crate::i18n::problem_text(ui, &p);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// The deadline explained in lines of plain text (used by `deadline` and the wizard).
/// `decided` is the decision's date; without it the day the decision was received stands in
/// (the decision cannot be later), for the one-year limit.
pub fn explain_deadline(
    ui: Ui,
    dl: &Deadline,
    route: routing::Route,
    today: NaiveDate,
    decided: Option<NaiveDate>,
) -> Vec<String> {
    let lc = ui.code();
    let cite_lang = cite_lang(ui);
    let rule = route.deadline_rule().full(cite_lang);
    let late_rules = route
        .late_rules()
        .iter()
        .map(|c| c.full(cite_lang))
        .collect::<Vec<_>>()
        .join(", ");
    let weeks = t(ui, &format!("weeks.{}", dl.weeks));
    let weeks_cap = t(ui, &format!("weeks.{}.cap", dl.weeks));
    let mut lines = vec![
        tf(
            ui,
            "deadline.last-day",
            &[("date", dates::with_weekday(dl.last_day, lc))],
        ),
        tf(ui, "deadline.rule", &[("weeks", weeks), ("rule", rule)]),
        tf(
            ui,
            "deadline.counted",
            &[
                ("received", dates::with_weekday(dl.received, lc)),
                ("weeks", weeks_cap),
                ("unmoved", dates::with_weekday(dl.unmoved, lc)),
            ],
        ),
    ];
    if let Some((_, first)) = dl.skipped.first() {
        let mut moved = tf(
            ui,
            "deadline.moved",
            &[
                ("reason", day_off_text(ui, *first)),
                ("last_day", dates::with_weekday(dl.last_day, lc)),
                ("unmoved", dates::in_words(latest_safe_day(dl), lc)),
            ],
        );
        // The move is statutory on route B (fvl § 30 last sentence, FACTS.md section 1); on
        // route A it applies through pbrl § 7-7, which the sheet does not quote: no citation.
        if route == routing::Route::Klagenemnd {
            moved.push(' ');
            moved.push_str(&tf(
                ui,
                "deadline.moved-law",
                &[("rule", crate::domain::law::FVL_30.full(cite_lang))],
            ));
        }
        lines.push(moved);
    }
    let beyond = today > dl.last_day
        && crate::domain::deadline::beyond_one_year(decided.unwrap_or(dl.received), today);
    lines.push(match dl.status(today) {
        Status::Open { days_left: 1 } => t(ui, "deadline.one-day-left"),
        Status::Open { days_left } => {
            tf(ui, "deadline.days-left", &[("days", days_left.to_string())])
        }
        Status::LastDay => t(ui, "deadline.today"),
        Status::Passed { .. } if beyond => one_year_limit(ui),
        Status::Passed { days_ago } => tf(
            ui,
            "deadline.passed",
            &[("days", days_ago.to_string()), ("rule", late_rules)],
        ),
    });
    // Posting in time no longer matters when no complaint can be considered.
    if !beyond {
        lines.push(tf(
            ui,
            "deadline.posting",
            &[("rule", crate::domain::law::FVL_30.full(cite_lang))],
        ));
    }
    lines
}

/// The form of Norwegian citations take on screen: nynorsk for a nynorsk interface, else bokmål.
pub fn cite_lang(ui: Ui) -> crate::domain::letter::Lang {
    if ui == Ui::Nn {
        crate::domain::letter::Lang::Nn
    } else {
        crate::domain::letter::Lang::Nb
    }
}

/// The safe day to send by: the last working day on or before the unrolled date (FACTS.md §1).
fn latest_safe_day(dl: &Deadline) -> NaiveDate {
    dl.safe_day()
}
