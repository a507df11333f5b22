//! Domain tables: the law table against the fact sheet, case validation, routing + deadline.

mod common;

use common::{raw_from_file, today};
use omsorgsklage::domain::case::{self, ProblemKind};
use omsorgsklage::domain::law;
use omsorgsklage::domain::letter::Lang;

#[test]
fn every_citation_in_the_law_table_is_in_the_fact_sheet() {
    let facts = include_str!("../docs/FACTS.md");
    for c in law::TABLE.iter().map(|r| r.citation) {
        // FACTS.md writes "pbrl § 7-2", "hol § 3-2 første ledd nr. 6 bokstav a", "fvl § 28 second
        // paragraph": the section number itself must be there, with its act.
        let number: String = c.section.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let with_act = format!("{} {number}", c.act.short());
        assert!(
            facts.contains(&with_act) || facts.contains(&number),
            "{} is not in FACTS.md",
            c.short()
        );
    }
}

#[test]
fn act_names_are_right_in_both_languages() {
    assert_eq!(
        law::PBRL_7_2.full(Lang::Nb),
        "pasient- og brukerrettighetsloven § 7-2"
    );
    assert_eq!(
        law::PBRL_7_2.full(Lang::Nn),
        "pasient- og brukarrettslova § 7-2"
    );
    assert_eq!(
        law::HOL_4_1.full(Lang::Nn),
        "helse- og omsorgstenestelova § 4-1"
    );
    assert_eq!(law::FVL_29.full(Lang::Nn), "forvaltningslova § 29");
}

#[test]
fn the_deadline_follows_the_route_of_the_service() {
    let mut raw = raw_from_file(std::path::Path::new("tests/cases/minimal-bpa.json"));
    // Received Thursday 12 Nov 2026.
    let c = case::check(&raw, today()).case.expect("complete");
    assert_eq!(
        c.deadline.last_day.to_string(),
        "2026-12-10",
        "four weeks for BPA"
    );
    raw.service = Some("omsorgsbolig".into());
    let c = case::check(&raw, today()).case.expect("complete");
    assert_eq!(
        c.deadline.last_day.to_string(),
        "2026-12-03",
        "three weeks for omsorgsbolig"
    );
}

#[test]
fn trygghetsalarm_without_a_route_uses_the_shorter_deadline_and_warns() {
    let mut raw = raw_from_file(std::path::Path::new("tests/cases/minimal-bpa.json"));
    raw.service = Some("trygghetsalarm".into());
    let checked = case::check(&raw, today());
    let c = checked.case.expect("a warning does not stop the letter");
    assert_eq!(c.deadline.weeks, 3);
    assert!(
        checked
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::RouteAssumed && !p.is_error())
    );
}

#[test]
fn a_draft_with_nothing_in_it_lists_problems_and_never_panics() {
    let checked = case::check(&case::RawCase::default(), today());
    assert!(checked.case.is_none());
    assert!(checked.problems.iter().any(|p| p.field == "format"));
    assert!(checked.problems.iter().any(|p| p.field == "service"));
}

#[test]
fn garbage_bytes_never_panic() {
    for input in [
        &b""[..],
        b"null",
        b"[]",
        b"{",
        b"\xff\xfe",
        b"{\"format\": 5}",
        b"{\"grounds\": []}",
        b"\"x\"",
    ] {
        let _ = case::read(input);
    }
}

#[test]
fn a_municipality_number_from_before_2024_is_named_as_the_number() {
    let mut raw = raw_from_file(std::path::Path::new("tests/cases/minimal-bpa.json"));
    raw.municipality = Some(case::RawMunicipality {
        number: Some("5401".into()),
        name: Some("Tromsø".into()),
        address: None,
        district: None,
    });
    let checked = case::check(&raw, today());
    let p = checked
        .problems
        .iter()
        .find(|p| p.field == "municipality.number")
        .expect("problem on the number");
    assert!(
        matches!(&p.kind, ProblemKind::MunicipalityUnknown { suggestions, .. } if suggestions[0].starts_with("5501"))
    );
}

// --- issue 23: a sent complaint is judged by its own date -----------------------------------

fn bpa_sent(sent: Option<&str>, letter_date: Option<&str>) -> omsorgsklage::domain::case::RawCase {
    // Received 12 November 2026, three weeks: the last day is 3 December 2026.
    let mut raw = raw_from_file(std::path::Path::new("tests/cases/minimal-bpa.json"));
    raw.sent = sent.map(Into::into);
    raw.letter_date = letter_date.map(Into::into);
    raw
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn a_complaint_sent_in_time_is_not_asked_why_it_is_late_after_its_deadline() {
    let long_after = day(2027, 1, 15);
    // Sent 1 December; opened again in January, with no kept letter date (an older file).
    let checked = case::check(&bpa_sent(Some("2026-12-01"), None), long_after);
    assert!(
        !checked
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::LateWithoutReason { .. })),
        "{:?}",
        checked.problems
    );
    let c = checked.case.expect("the letter can be reprinted");
    assert_eq!(c.letter_date, day(2026, 12, 1), "dated as sent, not today");
    assert!(!c.is_late());
    // With the date kept when it was saved: that date.
    let c = case::check(
        &bpa_sent(Some("2026-12-01"), Some("2026-11-30")),
        long_after,
    )
    .case
    .expect("case");
    assert_eq!(c.letter_date, day(2026, 11, 30));
    // Not sent: judged by today, and then it is late.
    let checked = case::check(&bpa_sent(None, None), long_after);
    assert!(
        checked
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::LateWithoutReason { .. }))
    );
}

#[test]
fn a_reminder_is_dated_today_even_when_the_complaint_s_date_is_kept() {
    let raw = bpa_sent(Some("2026-12-01"), Some("2026-12-01"));
    let c = case::check_for(
        &raw,
        day(2027, 1, 15),
        omsorgsklage::domain::letter::LetterKind::Reminder,
    )
    .case
    .expect("case");
    assert_eq!(c.letter_date, day(2027, 1, 15));
}

#[test]
fn a_sent_date_before_the_letter_s_date_is_questioned_in_plain_words() {
    let checked = case::check(
        &bpa_sent(Some("2026-11-28"), Some("2026-12-01")),
        day(2026, 12, 2),
    );
    let p = checked
        .problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::SentBeforeLetter { .. }))
        .expect("questioned");
    assert_eq!(p.field, "sent", "check names the field");
    assert_eq!(p.severity, case::Severity::Warning, "asked, not refused");
    assert!(checked.case.is_some());
    let text = omsorgsklage::i18n::problem_text(omsorgsklage::i18n::Ui::Nb, p);
    assert!(text.contains("1. desember 2026"), "{text}");
    assert!(
        !text.contains("sent") && !text.contains("letter_date"),
        "{text}"
    );
}

#[test]
fn no_problem_message_names_a_field_of_the_file() {
    // The screens show problem_text alone; `check` puts the field name before it.
    for lang in ["nb", "nn", "en"] {
        let catalogue =
            std::fs::read_to_string(format!("templates/ui/{lang}.txt")).expect("catalogue");
        for line in catalogue.lines().filter(|l| l.starts_with("problem.")) {
            let text = line.split_once(" = ").map_or("", |(_, v)| v);
            for field in [
                "(late_reason)",
                "(representative)",
                "(supplement)",
                "(letter_date)",
            ] {
                assert!(!text.contains(field), "{lang}: {line}");
            }
        }
    }
}
