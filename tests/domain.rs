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
