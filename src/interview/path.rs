//! The path rules: which screens a case goes through, for the answers given so far and the
//! letter being written, and the small questions about the answers those rules ask (is there a
//! representative, which service, is the complaint late). Pure functions of the answers.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::domain::case::{self, Ground, RawCase, Role};
use crate::domain::deadline::Deadline;
use crate::domain::letter::LetterKind;
use crate::domain::routing::Route;
use crate::domain::{dates, service};
use crate::i18n::Ui;

use crate::step::{Step, step_for_field};

/// Who the decision is about is someone else than the writer.
pub fn has_representative(raw: &RawCase) -> bool {
    raw.representative.is_some()
}

/// What the writer is, by law; `fullmektig` (relative, friend, other helper) until asked.
pub fn rep_role(raw: &RawCase) -> Role {
    raw.representative
        .as_ref()
        .and_then(|r| r.role.as_deref())
        .and_then(Role::from_id)
        .unwrap_or_default()
}

/// The questions about the writer: what they are; the relation (a parent: mor or far; a
/// helper); the fullmakt, asked only of a relative, friend or other helper (FACTS.md §5).
fn who_steps(raw: &RawCase, kind: LetterKind, p: &mut Vec<Step>) {
    p.push(Step::Who);
    if !has_representative(raw) {
        return;
    }
    p.push(Step::Role);
    let role = rep_role(raw);
    if matches!(role, Role::Forelder | Role::Fullmektig) {
        p.push(Step::Relation);
    }
    if role == Role::Fullmektig && kind != LetterKind::Fullmakt {
        p.push(Step::Fullmakt);
    }
    // Who the person is, before the details: the screens after say the name.
    p.push(Step::Person);
}

/// The carer complains in their own name (a relief service, and the answer is yes).
pub fn is_carer_complaint(raw: &RawCase) -> bool {
    raw.complainant_is_carer == Some(true)
        && chosen_service(raw).is_some_and(|s| s.carer_may_complain)
}

/// The service chosen, if it is known.
pub fn chosen_service(raw: &RawCase) -> Option<&'static service::Service> {
    raw.service.as_deref().and_then(service::by_id)
}

/// The route for the answers so far.
pub fn route(raw: &RawCase) -> Option<Route> {
    crate::domain::timeline::route_of(raw)
}

/// A date answer: ISO in the case file.
pub fn date_answer(value: Option<&String>) -> Option<NaiveDate> {
    value.and_then(|v| {
        dates::parse_iso(v).or_else(|| NaiveDate::parse_from_str(v.trim(), "%d.%m.%Y").ok())
    })
}

/// The answers as the letter being written uses them: the kept `letter_date` is the sent
/// complaint's own, so a complaint not yet sent, and every follow-up letter, is dated today
/// (the check, the preview and the saved file agree).
///
/// Other services of the same decision are in the file's form (`services`, see
/// [`super::services::to_file`]): what the check, the preview and the saved letter read.
pub fn as_written(raw: &RawCase, kind: LetterKind) -> std::borrow::Cow<'_, RawCase> {
    let raw = super::services::to_file(raw);
    if raw.letter_date.is_some() && (kind != LetterKind::Complaint || raw.sent.is_none()) {
        let mut r = raw.into_owned();
        r.letter_date = None;
        std::borrow::Cow::Owned(r)
    } else {
        raw
    }
}

/// The date on the letter: today for a complaint not yet sent; for a sent one its kept
/// `letter_date`, else the day it was sent.
pub fn letter_date(raw: &RawCase, today: NaiveDate) -> NaiveDate {
    // A complaint not yet sent is dated the day it is saved (the wizard's export); a sent one
    // keeps its date, else the day it was sent: never judged by today.
    match date_answer(raw.sent.as_ref()) {
        None => today,
        Some(sent) => date_answer(raw.letter_date.as_ref()).unwrap_or(sent),
    }
}

/// The deadline for the answers so far, when service and received date are known.
pub fn deadline(raw: &RawCase) -> Option<Deadline> {
    crate::domain::timeline::deadline_of(raw)
}

/// The deadline has passed on the letter's date, and a late complaint can still be considered.
/// More than a year after the decision it cannot (fvl § 31 tredje ledd, FACTS.md section 1):
/// check answers writes no letter then and the rights screen says what to do instead, so no
/// late reason is asked for (issue #23).
pub fn is_late(raw: &RawCase, today: NaiveDate) -> bool {
    let day = letter_date(raw, today);
    deadline(raw).is_some_and(|d| {
        let decided = date_answer(raw.decision.as_ref().and_then(|x| x.date.as_ref()));
        day > d.last_day
            && !crate::domain::deadline::beyond_one_year(decided.unwrap_or(d.received), day)
    })
}

/// A case with no answers yet (a follow-up letter then asks every question).
pub fn is_new_case(raw: &RawCase) -> bool {
    raw.service.is_none() && raw.applicant.is_none() && raw.decision.is_none()
}

/// The screens of a follow-up letter's path that the case already answers: every question
/// whose fields have no problem for that letter, except the letter's own questions. For a new
/// case: none.
pub fn prefilled(raw: &RawCase, ui: Ui, today: NaiveDate, kind: LetterKind) -> HashSet<Step> {
    if kind == LetterKind::Complaint || is_new_case(raw) {
        return HashSet::new();
    }
    let checked = case::check_for(&as_written(raw, kind), today, kind);
    // Errors, and the warnings that an answer would settle (which law the decision cites; the
    // municipality's address). Other warnings (a reminder within the month) are shown on the
    // check page without asking again.
    let asked: HashSet<Step> = checked
        .problems
        .iter()
        .filter(|p| {
            p.is_error()
                || matches!(
                    p.kind,
                    case::ProblemKind::RouteAssumed | case::ProblemKind::NoMunicipalityAddress
                )
        })
        .filter_map(|p| step_for_field(&p.field))
        .collect();
    path_for(raw, ui, today, kind)
        .into_iter()
        .filter(|s| match s {
            Step::Start | Step::Case | Step::Check | Step::Preview | Step::Done => false,
            // The letter's own questions are always asked.
            Step::Supplement | Step::Ground(_) => false,
            Step::Sent => raw.sent.is_some() && !asked.contains(s),
            Step::LetterLang => raw.language.is_some(),
            // A power of attorney is written by someone for someone else.
            Step::Who => !(kind == LetterKind::Fullmakt && raw.representative.is_none()),
            s => !asked.contains(s),
        })
        .collect()
}

/// The screens for these answers, in order, for the complaint.
pub fn path(raw: &RawCase, ui: Ui, today: NaiveDate) -> Vec<Step> {
    path_for(raw, ui, today, LetterKind::Complaint)
}

/// The service and the questions it brings: the service in the person's own words (`annet`),
/// who the carer cares for (a carer's own complaint, answered on the who-complains question),
/// which law the decision cites. The carer question after the service ([`Step::Carer`]) is
/// no longer asked: it could contradict who complains; a draft saved on it opens on
/// [`Step::Who`].
fn service_steps(raw: &RawCase, p: &mut Vec<Step>) {
    p.push(Step::Service);
    if let Some(s) = chosen_service(raw) {
        if s.id == "annet" {
            p.push(Step::ServiceOther);
        }
        if s.carer_may_complain && raw.complainant_is_carer == Some(true) {
            p.push(Step::CaredFor);
        }
        if s.route == service::RouteRule::DependsOnDecision {
            p.push(Step::RouteLaw);
        }
    }
}

/// The applicant's name as given (empty when not yet given).
pub fn applicant_name(raw: &RawCase) -> String {
    raw.applicant
        .as_ref()
        .and_then(|a| a.name.clone())
        .unwrap_or_default()
}

/// The screens of a follow-up letter: the case screen first (where it is chosen), the facts the
/// letter needs (who, service, what happened, the dates), its own questions (the date the
/// complaint was sent; the new information; for postponement the dangers of the cut), who the
/// people are and where the letter goes, and the same check, preview and save as the complaint.
fn followup_path(raw: &RawCase, ui: Ui, kind: LetterKind) -> Vec<Step> {
    let mut p = vec![Step::Start, Step::Case];
    if ui == Ui::En {
        p.push(Step::LetterLang);
    }
    who_steps(raw, kind, &mut p);
    let rep = has_representative(raw);
    service_steps(raw, &mut p);
    p.extend([Step::Situation, Step::DecisionDate, Step::Received]);
    if kind.cites_sent() {
        p.push(Step::Sent);
    }
    p.push(Step::Decision);
    if kind == LetterKind::Postponement {
        p.extend([
            Step::Ground(Ground::Safety),
            Step::Ground(Ground::Consequences),
        ]);
    }
    if kind == LetterKind::Supplement {
        p.push(Step::Supplement);
    }
    about_steps(raw, rep, &mut p);
    p
}

/// The screens for these answers and this letter, in order.
pub fn path_for(raw: &RawCase, ui: Ui, today: NaiveDate, kind: LetterKind) -> Vec<Step> {
    if kind != LetterKind::Complaint {
        return followup_path(raw, ui, kind);
    }
    let mut p = vec![Step::Start];
    if ui == Ui::En {
        p.push(Step::LetterLang);
    }
    who_steps(raw, kind, &mut p);
    let rep = has_representative(raw);
    service_steps(raw, &mut p);
    if route(raw) == Some(Route::Klagenemnd) {
        p.push(Step::Routing);
    }
    p.extend([
        Step::Situation,
        Step::DecisionDate,
        Step::Received,
        Step::Rights,
    ]);
    if is_late(raw, today) {
        p.push(Step::LateReason);
    }
    p.push(Step::Decision);
    p.extend(Ground::ALL.map(Step::Ground));
    p.push(Step::Outcome);
    extra_steps(raw, &mut p);
    p.extend([Step::Requests, Step::Attachments]);
    about_steps(raw, rep, &mut p);
    p
}

/// The other services of the same decision (issue #26): for each, the first service's
/// questions about it (which service, what happened, before and after, what is asked for),
/// then the screen that lists them all and adds another.
fn extra_steps(raw: &RawCase, p: &mut Vec<Step>) {
    use crate::step::ExtraPart;
    for (i, item) in super::services::extras(raw).iter().enumerate() {
        let Ok(k) = u8::try_from(i + 1) else { break };
        p.push(Step::Extra(k, ExtraPart::Service));
        if item.service.as_deref() == Some("annet") {
            p.push(Step::Extra(k, ExtraPart::Other));
        }
        p.extend([
            Step::Extra(k, ExtraPart::Situation),
            Step::Extra(k, ExtraPart::Decision),
            Step::Extra(k, ExtraPart::Outcome),
        ]);
    }
    p.push(Step::Services);
}

/// In Oslo the bydel makes the decision and receives the complaint (FACTS.md §9).
pub fn asks_district(raw: &RawCase) -> bool {
    !raw.only_non_care_services()
        && raw
            .municipality
            .as_ref()
            .and_then(|m| m.number.as_deref())
            .is_some_and(crate::domain::municipality::bydel::has_districts)
}

/// The end of every letter's path: who the people are, where the letter goes, then check,
/// preview and save.
fn about_steps(raw: &RawCase, rep: bool, p: &mut Vec<Step>) {
    p.push(Step::Applicant);
    if rep {
        p.push(Step::Representative);
    }
    p.push(Step::Municipality);
    if asks_district(raw) {
        p.push(Step::District);
    }
    p.extend([
        Step::MunicipalityAddress,
        Step::Check,
        Step::Preview,
        Step::Done,
    ]);
}

/// The interface language used for text that goes into the letter (bokmål or nynorsk).
pub fn letter_ui(raw: &RawCase) -> Ui {
    if raw.language.as_deref() == Some("nn") {
        Ui::Nn
    } else {
        Ui::Nb
    }
}
