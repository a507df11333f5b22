//! "Ny klage på samme vedtak" (issue #26): after the complaint is saved, a new complaint on the
//! same decision starts with the decision, the municipality and the people; after a carer's own
//! complaint it is the cared-for person's, with the carer writing for them. Driven through
//! `Session`, the run loop's own driver.

mod tui_common;

use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use omsorgsklage::domain::case::{self, RawCaredFor, RawCase};
use omsorgsklage::interview::Options;
use omsorgsklage::interview::Step;
use omsorgsklage::interview::session::Session;
use tui_common::{
    daughter_case, everything_under, session_at, session_options as opts, sflat as flat,
    skey as key, stext as text, stype as typ,
};

/// A session on the done screen of this case.
fn at_done(raw: RawCase, options: Options) -> Session {
    session_at(raw, Step::Done, options)
}

fn enter(s: &mut Session) {
    key(s, KeyCode::Enter);
}

fn drafts(data: &Path) -> Vec<PathBuf> {
    everything_under(&data.join("cases"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect()
}

/// Kari Hansen complains in her own name about her relief (avlastning) for caring for her
/// father Ola Hansen (pbrl § 2-8). Complete.
fn carers_case() -> RawCase {
    let mut raw = daughter_case();
    let daughter = raw.representative.take().expect("the daughter");
    raw.service = Some("avlastning".into());
    raw.applicant = Some(case::RawPerson {
        name: daughter.name,
        address: daughter.address,
        postcode: daughter.postcode,
        city: daughter.city,
        phone: daughter.phone,
        ..Default::default()
    });
    raw.complainant_is_carer = Some(true);
    raw.cared_for = Some(RawCaredFor {
        name: Some("Ola Hansen".into()),
        birth_date: Some("1940-03-01".into()),
        relation: Some("far".into()),
    });
    raw
}

/// Save the letter (Enter on the format, Enter in the file field), then move to the control
/// "Ny klage på samme vedtak".
fn save_and_go_to_same_decision(s: &mut Session) {
    enter(s);
    enter(s);
    assert!(text(s).contains("Lagret:"), "{}", text(s));
    // The focus is on "Har du sendt klagen?" (in counter mode on "Neste person", below it).
    let down = !text(s).contains("▶ [ Neste person ]");
    for _ in 0..6 {
        if text(s).contains("▶ [ Ny klage på samme vedtak ]") {
            return;
        }
        key(s, if down { KeyCode::Down } else { KeyCode::Up });
    }
    panic!("no 'Ny klage på samme vedtak':\n{}", text(s));
}

/// Through the new complaint's questions to check answers: Enter keeps what is there (or
/// chooses the first answer), a text of its own for the first ground, Tab past the long texts
/// and lists.
fn walk_to_check(s: &mut Session) {
    for _ in 0..60 {
        match s.app().step() {
            Step::Check => return,
            // His address is not hers: asked (the name and birth date are there).
            Step::Applicant
                if text(s).contains("[Ola Hansen") && !text(s).contains("[Storgata") =>
            {
                enter(s);
                typ(s, "Storgata 1\n9008\nTromsø\n\n\n\n");
            }
            Step::Ground(case::Ground::Health) if !text(s).contains("Trenger hjelp") => {
                typ(s, "Trenger hjelp hver dag.");
                key(s, KeyCode::Tab);
            }
            Step::Ground(_) | Step::Outcome | Step::Requests | Step::Attachments => {
                key(s, KeyCode::Tab);
            }
            _ => enter(s),
        }
    }
    panic!("not at check answers:\n{}", text(s));
}

#[test]
fn after_a_carers_own_complaint_the_new_one_is_the_cared_for_persons_with_the_carer_writing() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = at_done(carers_case(), opts(data.path(), false, out.path()));
    save_and_go_to_same_decision(&mut s);
    // When to use it, in words, with the name.
    let t = flat(&s);
    assert!(
        t.contains("For den delen av vedtaket som gjelder tjenestene til Ola Hansen"),
        "{t}"
    );
    enter(&mut s);
    // The carer now writes for her father: what she is by law is asked, with nothing chosen (a
    // guess decides who signs), then the relation and the fullmakt (FACTS.md §5), then his name,
    // then the service.
    assert_eq!(s.app().step(), Step::Role, "{}", text(&s));
    assert!(!text(&s).contains("(x)"), "{}", text(&s));
    // Esc goes back to who complains, answered: someone writes for another.
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Who, "{}", text(&s));
    assert!(
        text(&s).contains("▶ (x) 2. Jeg skriver for en annen"),
        "{}",
        text(&s)
    );
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Role, "{}", text(&s));
    // Enter alone chooses nothing.
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Role, "{}", text(&s));
    key(&mut s, KeyCode::Char('4'));
    if s.app().step() == Step::Role {
        enter(&mut s);
    }
    assert_eq!(s.app().step(), Step::Relation, "{}", text(&s));
    typ(&mut s, "datter\n");
    assert_eq!(s.app().step(), Step::Fullmakt, "{}", text(&s));
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Person, "{}", text(&s));
    assert!(text(&s).contains("[Ola Hansen"), "{}", text(&s));
    assert!(text(&s).contains("01.03.1940"), "{}", text(&s));
    enter(&mut s);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Service, "{}", text(&s));
    assert!(
        text(&s).contains("Hvilken tjeneste gjelder vedtaket?"),
        "{}",
        text(&s)
    );
    // The decision's dates and reference are there already; the service is not.
    assert_eq!(s.app().raw().service, None);
    walk_to_check(&mut s);
    // Check answers, every page of it.
    let mut t = flat(&s);
    for _ in 0..8 {
        key(&mut s, KeyCode::PageDown);
        t.push(' ');
        t.push_str(&flat(&s));
    }
    assert!(t.contains("Den vedtaket gjelder Navn Ola Hansen"), "{t}");
    assert!(t.contains("Fødselsdato 1. mars 1940"), "{t}");
    assert!(t.contains("Du som skriver Navn Kari Hansen"), "{t}");
    assert!(t.contains("Fullmakt Nei, ikke ennå"), "{t}");
    assert!(t.contains("26/1234"), "{t}");
    let raw = s.app().raw();
    let applicant = raw.applicant.as_ref().expect("applicant");
    assert_eq!(applicant.name.as_deref(), Some("Ola Hansen"));
    let writer = raw.representative.as_ref().expect("writer");
    assert_eq!(writer.name.as_deref(), Some("Kari Hansen"));
    assert_eq!(writer.address.as_deref(), Some("Fjellveien 3"));
    assert_eq!(writer.role.as_deref(), Some("fullmektig"));
    assert_eq!(writer.power_of_attorney, Some(false));
    assert_eq!(raw.complainant_is_carer, None);
    assert_eq!(raw.cared_for, None);
    // Two cases are saved: the finished one as it was, and the new one.
    let saved = drafts(data.path());
    assert_eq!(saved.len(), 2, "{saved:?}");
    let finished = saved
        .iter()
        .map(|p| case::read(&std::fs::read(p).expect("read")).expect("case"))
        .find(|r| r.complainant_is_carer == Some(true))
        .expect("the carer's own complaint is kept");
    assert_eq!(finished.service.as_deref(), Some("avlastning"));
}

#[test]
fn a_plain_case_starts_again_on_the_service_with_the_same_people() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = at_done(daughter_case(), opts(data.path(), false, out.path()));
    save_and_go_to_same_decision(&mut s);
    assert!(
        flat(&s).contains("for eksempel omsorgsbolig"),
        "{}",
        text(&s)
    );
    enter(&mut s);
    // The daughter's fullmakt was for the other letter's service: asked again, first.
    assert_eq!(s.app().step(), Step::Fullmakt, "{}", text(&s));
    let raw = s.app().raw().clone();
    let old = daughter_case();
    assert_eq!(raw.applicant, old.applicant);
    let (mut was, now) = (
        old.representative.clone().expect("writer"),
        raw.representative.clone().expect("writer"),
    );
    assert_eq!(now.power_of_attorney, None);
    was.power_of_attorney = None;
    assert_eq!(now, was, "the same writer");
    key(&mut s, KeyCode::Char('1'));
    if s.app().step() == Step::Fullmakt {
        enter(&mut s);
    }
    // Then on, past his name and birth date (answered), to the service.
    assert_eq!(s.app().step(), Step::Person, "{}", text(&s));
    while s.app().step() == Step::Person {
        enter(&mut s);
    }
    assert_eq!(s.app().step(), Step::Service, "{}", text(&s));
    let raw = s.app().raw().clone();
    assert_eq!(raw.municipality, old.municipality);
    assert_eq!(raw.language.as_deref(), Some("nb"));
    let d = raw.decision.as_ref().expect("decision");
    assert_eq!(d.reference.as_deref(), Some("26/1234"));
    assert_eq!(d.applied_for, None);
    assert_eq!(
        (raw.grounds, raw.requests, raw.attachments),
        (None, None, None)
    );
    // Esc goes back through the people's questions, answered as before.
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Person, "{}", text(&s));
    assert!(text(&s).contains("[Ola Hansen"), "{}", text(&s));
    assert_eq!(drafts(data.path()).len(), 2);
}

#[test]
fn counter_mode_keeps_no_draft_of_either_and_the_exit_names_the_letter() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    for raw in [carers_case(), daughter_case()] {
        let mut s = at_done(raw, opts(data.path(), true, out.path()));
        save_and_go_to_same_decision(&mut s);
        enter(&mut s);
        assert!(
            matches!(s.app().step(), Step::Service | Step::Role | Step::Fullmakt),
            "{}",
            text(&s)
        );
        assert!(s.app().modal().is_none(), "{}", text(&s));
        typ(&mut s, "prakt");
        assert!(
            everything_under(data.path()).is_empty(),
            "{:?}",
            everything_under(data.path())
        );
        let bye = s.farewell().join("\n");
        let letters: Vec<PathBuf> = everything_under(out.path());
        assert!(!letters.is_empty());
        assert!(bye.contains("Skrankemodus"), "{bye}");
        assert!(
            letters
                .iter()
                .any(|l| bye.contains(&l.display().to_string())),
            "{bye}"
        );
    }
}

#[test]
fn not_offered_before_the_letter_is_saved() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let s = at_done(daughter_case(), opts(data.path(), false, out.path()));
    assert!(
        !text(&s).contains("Ny klage på samme vedtak"),
        "{}",
        text(&s)
    );
}
