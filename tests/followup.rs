//! Follow-up letters: innsyn, utsatt iverksetting, begrunnelse, purring, fullmakt and
//! tilleggsopplysninger, in bokmål and nynorsk; each asks for one clear thing and cites the
//! right section.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use omsorgsklage::domain::case::{self, ProblemKind, RawCase};
use omsorgsklage::domain::letter::LetterKind;
use omsorgsklage::render;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 28).expect("date")
}

fn sample() -> RawCase {
    common::raw_from_file(Path::new("tests/followup/sent.json"))
}

fn text(raw: &RawCase, kind: LetterKind) -> String {
    let checked = case::check_for(raw, today(), kind);
    let c = checked
        .case
        .unwrap_or_else(|| panic!("{kind:?}: {:?}", checked.problems));
    render::text::render(&render::letter(&c, kind).expect("renders"))
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_follow_up_letter_in_both_languages() {
    for kind in LetterKind::ALL
        .into_iter()
        .filter(|k| *k != LetterKind::Complaint)
    {
        for lang in ["nb", "nn"] {
            let mut raw = sample();
            raw.language = Some(lang.into());
            let t = text(&raw, kind);
            for bad in common::forbidden() {
                assert!(!t.contains(&bad), "{kind:?} {lang}: {bad}");
            }
            assert!(
                t.lines().all(|l| l.chars().count() <= 80),
                "{kind:?} {lang}: line too long"
            );
            insta::assert_snapshot!(format!("{}_{lang}", kind.id()), t);
        }
    }
}

#[test]
fn each_letter_asks_for_one_thing_citing_the_right_section() {
    let raw = sample();
    let cases = [
        (
            LetterKind::Innsyn,
            vec![
                "Krav om innsyn",
                "Jeg ber om innsyn i alle dokumentene i saken, jf. forvaltningsloven § 18.",
            ],
        ),
        (
            LetterKind::Postponement,
            vec!["Krav om utsatt iverksetting", "jf. forvaltningsloven § 42"],
        ),
        (
            LetterKind::Reasons,
            vec![
                "Krav om begrunnelse",
                "forvaltningsloven § 24",
                "forvaltningsloven § 25",
                // Route A (hjemmesykepleie): the request neither interrupts nor extends the
                // deadline; complain within four weeks anyway (FACTS.md §1).
                "Klagefristen er fire uker, jf. pasient- og brukerrettighetsloven § 7-5",
                "tilleggsopplysninger",
            ],
        ),
        (
            LetterKind::Reminder,
            vec![
                "Purring",
                "Jeg sendte en klage på vedtaket 21. november 2026",
                "forvaltningsloven § 11 a",
                "innen hvilken dato",
            ],
        ),
        (
            LetterKind::Supplement,
            vec![
                "Tilleggsopplysninger",
                "Jeg klaget på vedtaket 21. november 2026",
                "Mor falt igjen 18. november.",
            ],
        ),
    ];
    for (kind, wanted) in cases {
        let t = flat(&text(&raw, kind));
        for w in wanted {
            assert!(t.contains(w), "{kind:?}: missing «{w}» in {t}");
        }
        // Follow-up letters carry only the fullmakt, not the complaint's medical attachments.
        assert!(!t.contains("Legeerklæring"), "{kind:?}");
        assert!(t.contains("- Fullmakt"), "{kind:?}");
    }
}

#[test]
fn the_fullmakt_is_from_the_person_and_names_both() {
    let t = text(&sample(), LetterKind::Fullmakt);
    assert!(t.starts_with("Kari Nordmann\n"), "the person is the sender");
    let f = flat(&t);
    assert!(f.contains("Jeg, Kari Nordmann, født 2. april 1938, Storgata 1, 9008 Tromsø, gir med dette Ola Nordmann, Fjellveien 3, 9010 Tromsø, fullmakt til å klage på vedtaket"));
    assert!(f.contains("og til å se dokumentene i saken"));
    assert_eq!(t.lines().filter(|l| l.starts_with("____")).count(), 1);
    assert!(
        t.trim_end().ends_with("Kari Nordmann"),
        "signed by the person"
    );
}

#[test]
fn follow_up_letters_need_their_own_answers() {
    let mut raw = sample();
    raw.sent = None;
    raw.supplement = None;
    let p = case::check_for(&raw, today(), LetterKind::Reminder).problems;
    assert!(
        p.iter()
            .any(|p| p.field == "sent" && p.kind == ProblemKind::SentMissing)
    );
    let p = case::check_for(&raw, today(), LetterKind::Supplement).problems;
    assert!(
        p.iter()
            .any(|p| p.field == "supplement" && p.kind == ProblemKind::SupplementMissing)
    );
    raw.representative = None;
    let p = case::check_for(&raw, today(), LetterKind::Fullmakt).problems;
    assert!(
        p.iter()
            .any(|p| p.kind == ProblemKind::RepresentativeMissing)
    );
    raw.situation = Some("avslag".into());
    let p = case::check_for(&raw, today(), LetterKind::Postponement).problems;
    assert!(
        p.iter()
            .any(|p| p.kind == ProblemKind::PostponementNeedsCut && p.is_error())
    );
}

#[test]
fn follow_up_letters_need_no_grounds_and_no_late_reason() {
    let mut raw = sample();
    raw.grounds = None;
    raw.late_reason = None; // the complaint deadline has passed on 28 December
    assert!(
        case::check_for(&raw, today(), LetterKind::Innsyn)
            .case
            .is_some()
    );
    assert!(
        case::check_for(&raw, today(), LetterKind::Complaint)
            .case
            .is_none()
    );
}

#[test]
fn render_letter_flag_from_the_command_line() {
    // Its own --today after cmd()'s: the last one given counts.
    common::cmd()
        .args([
            "--today",
            "2026-12-28",
            "render",
            "tests/followup/sent.json",
            "--letter",
            "reminder",
            "--lang",
            "nn",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Purring: klage på vedtak om heimesjukepleie",
        ));
}

#[test]
fn the_date_the_complaint_was_sent_is_checked_for_the_letters_that_cite_it() {
    // Before the decision: an error for the letters that name the date.
    let mut raw = sample();
    raw.sent = Some("2026-10-01".into());
    for kind in [
        LetterKind::Reminder,
        LetterKind::Supplement,
        LetterKind::Postponement,
    ] {
        let p = case::check_for(&raw, today(), kind).problems;
        assert!(
            p.iter()
                .any(|p| p.field == "sent" && p.kind == ProblemKind::SentBeforeDecision),
            "{kind:?}: {p:?}"
        );
    }
    // After the letter's date: a reminder cannot refer to a complaint not yet sent.
    raw.sent = Some("2026-12-29".into());
    let p = case::check_for(&raw, today(), LetterKind::Reminder).problems;
    assert!(
        p.iter()
            .any(|p| p.field == "sent" && p.kind == ProblemKind::DateAfterLetter && p.is_error()),
        "{p:?}"
    );
    // The complaint itself does not use the date.
    assert!(
        case::check_for(&raw, today(), LetterKind::Complaint)
            .problems
            .iter()
            .all(|p| p.field != "sent")
    );
}

#[test]
fn a_reminder_within_a_month_of_sending_gets_a_warning_not_an_error() {
    let mut raw = sample();
    // Letter dated 28 December; sent 1 December: less than a month.
    raw.sent = Some("2026-12-01".into());
    let checked = case::check_for(&raw, today(), LetterKind::Reminder);
    let early: Vec<_> = checked
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::ReminderEarly)
        .collect();
    assert_eq!(early.len(), 1, "{:?}", checked.problems);
    assert!(!early[0].is_error());
    assert!(checked.case.is_some(), "a warning does not stop the letter");
    // Sent 28 November: one month has passed on 28 December; no warning.
    raw.sent = Some("2026-11-28".into());
    assert!(
        case::check_for(&raw, today(), LetterKind::Reminder)
            .problems
            .iter()
            .all(|p| p.kind != ProblemKind::ReminderEarly)
    );
}

/// The letter asking for postponed implementation, for a decision on several services, is about
/// the ones the decision cuts or stops (review finding: it said the decision "reduserer
/// omsorgsstønad og avlastning" where omsorgsstønad was refused), in both languages.
#[test]
fn postponement_for_several_services_names_only_the_cut_ones() {
    for (file, heading, said) in [
        (
            "tests/cases/two-services-carer-nb.json",
            "Krav om utsatt iverksetting av vedtak om avlastning",
            "Vedtaket reduserer avlastning som jeg har i dag.",
        ),
        (
            "tests/cases/two-services-carer-nn.json",
            "Krav om utsett iverksetjing av vedtak om avlasting",
            "Vedtaket reduserer avlasting som eg har i dag.",
        ),
    ] {
        let raw = common::raw_from_file(Path::new(file));
        let t = flat(&text(&raw, LetterKind::Postponement));
        assert!(t.contains(heading), "{t}");
        assert!(t.contains(said), "{t}");
        assert!(!t.contains("reduserer omsorgsstønad"), "{t}");
        assert!(t.contains("vedtaket om avlast"), "{t}");
    }
}
