//! Drafts in the wizard: every answer saved as it is given, saved cases listed on the start
//! screen and resumed where they stopped, damaged drafts listed and left alone, a case open in
//! another window not opened, a draft changed on disk never overwritten, a failed save told and
//! survived, and counter mode leaving nothing behind. Driven through `Session`, the run loop's
//! own driver, and end to end in a pseudo-terminal.

mod tui_common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use omsorgsklage::domain::case::{self, RawCase, RawDraft};
use omsorgsklage::i18n::Ui;
use omsorgsklage::tui::action::Effect;
use omsorgsklage::tui::app::{App, Modal, Options, Step};
use omsorgsklage::tui::drafts::{Notice, SaveStatus};
use omsorgsklage::tui::session::{SAVE_AFTER, Session};
use omsorgsklage::tui::theme::{Theme, ThemeName};
use omsorgsklage::tui::{editor, keymap};
use tui_common::{daughter_case, screen, screen_text, today};

// --- helpers ---------------------------------------------------------------------------------

fn opts(data: &Path, counter: bool, export: &Path) -> Options {
    Options {
        theme: Some("no-color".into()),
        counter,
        export_dir: Some(export.to_path_buf()),
        data_dir: Some(data.to_path_buf()),
    }
}

fn session_with(options: Options) -> Session {
    let mut app = App::new(Ui::Nb, today(), &options);
    app.set_theme(Theme::new(ThemeName::NoColor));
    Session::with_app(app, today(), options)
}

fn session(data: &Path) -> Session {
    session_with(opts(data, false, Path::new("/nowhere/documents")))
}

fn key_mod(s: &mut Session, code: KeyCode, m: KeyModifiers) -> Effect {
    let action = keymap::map(KeyEvent::new(code, m), s.app().mode());
    s.handle(action)
}

fn key(s: &mut Session, code: KeyCode) -> Effect {
    key_mod(s, code, KeyModifiers::NONE)
}

fn enter(s: &mut Session) -> Effect {
    key(s, KeyCode::Enter)
}

fn typ(s: &mut Session, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            enter(s);
        } else {
            key(s, KeyCode::Char(c));
        }
    }
}

fn text(s: &Session) -> String {
    screen_text(s.app())
}

/// The screen as one line of words: wrapped text (also inside a dialog) reads as written.
fn flat(s: &Session) -> String {
    let screen = screen_text(s.app());
    let joined: Vec<&str> = screen
        .lines()
        .map(|l| l.trim().trim_matches('│').trim())
        .filter(|l| !l.is_empty())
        .collect();
    joined
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn cases_dir(data: &Path) -> PathBuf {
    data.join("cases")
}

/// The case files in the drafts folder (no locks, no temporary files).
fn drafts_in(data: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(cases_dir(data))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn read_case(path: &Path) -> RawCase {
    case::read(&std::fs::read(path).expect("read draft")).expect("a readable case file")
}

fn step_of(raw: &RawCase) -> Option<String> {
    raw.draft.as_ref().and_then(|d| d.step.clone())
}

/// The daughter's case, received 26 October: four weeks to complain, the last day is Monday
/// 23 November, three days from today.
fn close_case() -> RawCase {
    let mut raw = daughter_case();
    let d = raw.decision.as_mut().expect("decision");
    d.date = Some("2026-10-23".into());
    d.received = Some("2026-10-26".into());
    raw
}

/// A saved draft as an earlier run left it: [`close_case`], stopped at `step`.
fn write_draft(data: &Path, id: &str, step: &str) -> PathBuf {
    let mut raw = close_case();
    raw.draft = Some(RawDraft {
        step: Some(step.into()),
        updated: Some("2026-11-18T14:02:00+01:00".into()),
        letter: None,
    });
    let dir = cases_dir(data);
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(format!("{id}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&raw).expect("json")).expect("write");
    path
}

/// Everything under a folder, files and folders.
fn everything_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            out.push(e.path());
            out.extend(everything_under(&e.path()));
        }
    }
    out
}

// --- autosave --------------------------------------------------------------------------------

/// Someone holds the system lock on the case's lock file.
fn is_locked(case: &Path) -> bool {
    let Ok(f) = std::fs::File::open(case.with_extension("lock")) else {
        return false;
    };
    matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

#[test]
fn every_answer_is_saved_to_the_draft_as_it_is_given() {
    let data = tempfile::tempdir().expect("tmp");
    let mut s = session(data.path());
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Who);
    assert!(
        everything_under(data.path()).is_empty(),
        "opening the program and pressing start is not an answer"
    );

    key(&mut s, KeyCode::Char('1'));
    assert_eq!(s.app().step(), Step::Service);
    let path = s.draft_path().expect("a draft after the first answer");
    assert!(path.starts_with(data.path().join("cases")));
    let raw = read_case(&path);
    assert_eq!(raw.language.as_deref(), Some("nb"));
    assert_eq!(step_of(&raw).as_deref(), Some("service"));
    let updated = raw.draft.as_ref().and_then(|d| d.updated.clone());
    assert!(
        updated.is_some_and(|u| chrono::DateTime::parse_from_rfc3339(&u).is_ok()),
        "draft.updated is RFC 3339"
    );

    typ(&mut s, "praktisk\n");
    assert_eq!(s.app().step(), Step::Situation);
    let raw = read_case(&path);
    assert_eq!(raw.service.as_deref(), Some("praktisk-bistand"));
    assert_eq!(step_of(&raw).as_deref(), Some("situation"));

    key(&mut s, KeyCode::Char('1'));
    typ(&mut s, "02.11.2026\n");
    assert_eq!(s.app().step(), Step::Received);
    let raw = read_case(&path);
    assert_eq!(raw.situation.as_deref(), Some("avslag"));
    assert_eq!(
        raw.decision.as_ref().and_then(|d| d.date.as_deref()),
        Some("2026-11-02")
    );
    assert_eq!(step_of(&raw).as_deref(), Some("received"));
    // Only this one draft, and no temporary files left behind.
    assert_eq!(drafts_in(data.path()), vec![path.clone()]);
    assert!(
        everything_under(&cases_dir(data.path()))
            .iter()
            .all(|p| !p.to_string_lossy().ends_with(".tmp"))
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&cases_dir(data.path())), 0o700);
    }
    assert!(matches!(s.app().save_status(), SaveStatus::Saved(_)));
    assert!(text(&s).contains("omsorgsklage · lagret"), "{}", text(&s));

    // The answers are kept: quitting does not ask, and says where they are.
    let e = key_mod(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(e, Effect::Quit);
    let bye = s.farewell().join("\n");
    assert!(bye.contains("Svarene er lagret"), "{bye}");
    assert!(bye.contains(&path.display().to_string()), "{bye}");
}

#[test]
fn typing_is_saved_when_it_pauses_and_before_the_next_step() {
    let data = tempfile::tempdir().expect("tmp");
    let mut s = session(data.path());
    enter(&mut s);
    key(&mut s, KeyCode::Char('2'));
    assert_eq!(s.app().step(), Step::Role);
    key(&mut s, KeyCode::Char('4'));
    assert_eq!(s.app().step(), Step::Relation);
    let path = s.draft_path().expect("draft");
    typ(&mut s, "datter");
    assert!(s.save_due().is_some(), "typing waits for a pause");
    std::thread::sleep(SAVE_AFTER + Duration::from_millis(50));
    s.tick();
    assert!(s.save_due().is_none());
    let raw = read_case(&path);
    assert_eq!(
        raw.representative
            .as_ref()
            .and_then(|r| r.relation.as_deref()),
        Some("datter")
    );
    assert_eq!(step_of(&raw).as_deref(), Some("relation"));
    // More typing, then Esc: saved before going back, and nothing is lost.
    typ(&mut s, " og verge");
    key(&mut s, KeyCode::Esc);
    let raw = read_case(&path);
    assert_eq!(
        raw.representative
            .as_ref()
            .and_then(|r| r.relation.as_deref()),
        Some("datter og verge")
    );
}

// --- resume ----------------------------------------------------------------------------------

#[test]
fn a_saved_case_is_listed_with_its_deadline_and_opens_where_it_stopped() {
    let data = tempfile::tempdir().expect("tmp");
    let path = write_draft(data.path(), "20261118-140200", "decision");
    let before = std::fs::read(&path).expect("read");
    let mut s = session(data.path());
    insta::assert_snapshot!("start_with_a_saved_case", screen(s.app()));
    let t = flat(&s);
    assert!(t.contains("Ola Hansen – hjemmesykepleie"), "{t}");
    assert!(t.contains("BARE 3 DAGER IGJEN"), "{t}");
    assert!(t.contains("Frist 23. november 2026"), "{t}");
    assert!(t.contains("Endret 18.11.2026 14:02"), "{t}");
    assert!(t.contains("Kommet til: Vedtaket"), "{t}");

    // Below "start a new complaint" and "write another letter".
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    assert!(text(&s).contains("▶ Ola Hansen"), "{}", text(&s));
    enter(&mut s);
    // The case screen first: its timeline, and going on where it stopped.
    assert_eq!(s.app().step(), Step::Case);
    assert!(
        text(&s).contains("23. november 2026: siste dag å klage"),
        "{}",
        text(&s)
    );
    assert!(
        text(&s).contains("▶ 1. Fortsett med klagen"),
        "{}",
        text(&s)
    );
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Decision);
    assert_eq!(s.app().raw(), &close_case());
    assert!(text(&s).contains("[26/1234"), "{}", text(&s));
    assert_eq!(s.draft_path(), Some(path.clone()));
    // Opened, not written: the file is as it was until an answer changes.
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(is_locked(&path), "the case is locked");
    // Going back keeps the answers; going on saves the step reached.
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.app().step(), Step::Ground(case::Ground::Health));
    let raw = read_case(&path);
    assert_eq!(step_of(&raw).as_deref(), Some("grounds.health"));
    drop(s);
    assert!(!is_locked(&path), "the lock goes with the window");
}

#[test]
fn the_list_speaks_nynorsk_and_english_too() {
    let data = tempfile::tempdir().expect("tmp");
    write_draft(data.path(), "20261118-140200", "decision");
    for (ui, want) in [
        (
            Ui::Nn,
            [
                "Hald fram med ei lagra sak:",
                "BERRE 3 DAGAR IGJEN",
                "Kome til: Vedtaket",
            ],
        ),
        (
            Ui::En,
            [
                "Continue a saved case:",
                "ONLY 3 DAYS LEFT",
                "Got as far as: The decision",
            ],
        ),
    ] {
        let o = opts(data.path(), false, data.path());
        let mut app = App::new(ui, today(), &o);
        app.set_theme(Theme::new(ThemeName::NoColor));
        let s = Session::with_app(app, today(), o);
        let t = flat(&s);
        for w in want {
            assert!(t.contains(w), "{w:?} in {t}");
        }
    }
}

#[test]
fn a_passed_deadline_is_said_in_words() {
    let data = tempfile::tempdir().expect("tmp");
    let mut raw = daughter_case();
    raw.decision.as_mut().expect("decision").received = Some("2026-10-01".into());
    raw.decision.as_mut().expect("decision").date = Some("2026-09-28".into());
    std::fs::create_dir_all(cases_dir(data.path())).expect("dir");
    std::fs::write(
        cases_dir(data.path()).join("20261001-120000.json"),
        serde_json::to_vec(&raw).expect("json"),
    )
    .expect("write");
    let s = session(data.path());
    let t = flat(&s);
    assert!(t.contains("FRISTEN ER UTE"), "{t}");
    // No step saved (an imported case): it opens at "check your answers".
    assert!(t.contains("Kommet til: Sjekk svarene"), "{t}");
}

#[test]
fn many_saved_cases_scroll_and_the_chosen_one_is_always_seen() {
    let data = tempfile::tempdir().expect("tmp");
    for n in 0..6 {
        let mut raw = close_case();
        raw.applicant.as_mut().expect("applicant").name = Some(format!("Person {n}"));
        std::fs::create_dir_all(cases_dir(data.path())).expect("dir");
        std::fs::write(
            cases_dir(data.path()).join(format!("2026111{n}-120000.json")),
            serde_json::to_vec(&raw).expect("json"),
        )
        .expect("write");
    }
    let mut s = session(data.path());
    assert_eq!(s.app().listing().cases.len(), 6);
    let t = text(&s);
    assert!(t.contains('↓'), "more below is shown:\n{t}");
    // Every case can be reached, and is on the screen when chosen.
    key(&mut s, KeyCode::Down);
    for _ in 0..6 {
        key(&mut s, KeyCode::Down);
        let t = text(&s);
        let chosen = t
            .lines()
            .find(|l| l.trim_start().starts_with("▶ "))
            .unwrap_or_else(|| panic!("no chosen row:\n{t}"));
        assert!(chosen.contains("Person"), "{t}");
    }
    assert!(text(&s).contains('↑'), "more above is shown");
    // The languages stay below the list.
    assert!(text(&s).contains("(x) Bokmål"));
    key(&mut s, KeyCode::Down);
    assert!(text(&s).contains("▶ (x) Bokmål"), "{}", text(&s));
}

#[test]
fn a_change_from_check_answers_resumes_at_check_answers() {
    let data = tempfile::tempdir().expect("tmp");
    let path = write_draft(data.path(), "20261118-140200", "check");
    let mut s = session(data.path());
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Check);
    // Change the reference: the first row of the decision.
    for _ in 0..60 {
        if text(&s).contains("▶ Saksnummer") {
            break;
        }
        key(&mut s, KeyCode::Down);
    }
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Decision, "{}", text(&s));
    typ(&mut s, "9");
    s.flush();
    let raw = read_case(&path);
    assert_eq!(
        raw.decision.as_ref().and_then(|d| d.reference.as_deref()),
        Some("26/12349")
    );
    assert_eq!(step_of(&raw).as_deref(), Some("check"));
}

// --- damaged drafts --------------------------------------------------------------------------

#[test]
fn a_damaged_draft_is_listed_as_damaged_never_opened_and_left_untouched() {
    let data = tempfile::tempdir().expect("tmp");
    let good = write_draft(data.path(), "20261118-140200", "decision");
    let bad = cases_dir(data.path()).join("20261101-090000.json");
    let bad_bytes = b"{\"format\": \"omsorgsklage/1\", \"serv".to_vec();
    std::fs::write(&bad, &bad_bytes).expect("write");
    let mut s = session(data.path());
    insta::assert_snapshot!("start_with_a_damaged_draft", screen(s.app()));
    let t = flat(&s);
    assert!(t.contains("SKADET FIL 20261101-090000"), "{t}");

    // Start, another letter, the good case, the damaged one (its whole reason in view when
    // chosen).
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    let t = flat(&s);
    assert!(t.contains("Kan ikke åpnes"), "{t}");
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Start, "not opened");
    assert!(matches!(s.app().notice(), Some(Notice::NotOpened(_))));
    let t = flat(&s);
    assert!(t.contains("Saken kan ikke åpnes"), "{t}");
    assert!(t.contains("er skadet og kan ikke åpnes"), "{t}");
    assert!(
        t.contains("«omsorgsklage cases delete 20261101-090000»"),
        "{t}"
    );
    enter(&mut s);
    assert!(s.app().notice().is_none());
    assert_eq!(std::fs::read(&bad).expect("read"), bad_bytes, "untouched");
    assert!(!bad.with_extension("lock").exists());

    // The program goes on with the others.
    key(&mut s, KeyCode::Up);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Case);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Decision);
    assert_eq!(s.draft_path(), Some(good));
    assert_eq!(std::fs::read(&bad).expect("read"), bad_bytes);
}

// --- two windows -----------------------------------------------------------------------------

#[test]
fn a_case_open_in_another_window_is_not_opened() {
    let data = tempfile::tempdir().expect("tmp");
    let path = write_draft(data.path(), "20261118-140200", "decision");
    let before = std::fs::read(&path).expect("read");
    // Another window holds the case: its lock is the system's lock on its own open handle (two
    // handles conflict even in one process).
    let store = omsorgsklage::store::Store::new(data.path());
    let (other, _) = store.open("20261118-140200").expect("the other window");

    let mut s = session(data.path());
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Start, "not opened");
    assert!(s.draft_path().is_none());
    let t = flat(&s);
    assert!(t.contains("Saken kan ikke åpnes"), "{t}");
    assert!(t.contains("åpen i et annet vindu"), "{t}");
    assert!(t.contains("Lukk saken i det andre vinduet"), "{t}");
    // Nothing changed.
    assert_eq!(std::fs::read(&path).expect("read"), before);
    enter(&mut s);
    assert!(s.app().notice().is_none());
    assert_eq!(s.app().step(), Step::Start);
    // The other window closes the case: now it opens here.
    drop(other);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    assert!(
        s.draft_path().is_some(),
        "opened once the other window let go"
    );
}

/// Open the saved case, then let "another program" rewrite its file.
fn open_and_change_behind_its_back(data: &Path) -> (Session, PathBuf, Vec<u8>) {
    let path = write_draft(data, "20261118-140200", "decision");
    let mut s = session(data);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Decision);
    let mut theirs = close_case();
    theirs.outcome = Some("Endret i et annet program.".into());
    let theirs = serde_json::to_vec_pretty(&theirs).expect("json");
    std::fs::write(&path, &theirs).expect("write");
    // The reference field has the focus: change the answer and go on.
    typ(&mut s, "-A\n");
    (s, path, theirs)
}

#[test]
fn a_draft_changed_on_disk_is_never_overwritten_and_can_be_saved_as_new() {
    let data = tempfile::tempdir().expect("tmp");
    let (mut s, path, theirs) = open_and_change_behind_its_back(data.path());
    assert_eq!(s.app().notice(), Some(&Notice::Conflict));
    let t = flat(&s);
    assert!(t.contains("Saken er endret et annet sted"), "{t}");
    assert!(t.contains("endret i et annet vindu eller program"), "{t}");
    assert!(t.contains("lagre svarene dine som en ny sak"), "{t}");
    assert!(t.contains("fortsett uten å lagre"), "{t}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        theirs,
        "not overwritten"
    );

    key(&mut s, KeyCode::Char('j'));
    assert!(s.app().notice().is_none());
    let new = s.draft_path().expect("a new draft");
    assert_ne!(new, path);
    assert_eq!(std::fs::read(&path).expect("read"), theirs, "still theirs");
    assert!(!is_locked(&path), "their file is let go of");
    let mine = read_case(&new);
    assert_eq!(
        mine.decision.as_ref().and_then(|d| d.reference.as_deref()),
        Some("26/1234-A")
    );
    assert_eq!(drafts_in(data.path()).len(), 2);
    assert!(matches!(s.app().save_status(), SaveStatus::Saved(_)));
    // Later answers go to the new draft (the Enter that brought up the dialog was not also
    // taken as going on).
    assert_eq!(s.app().step(), Step::Decision);
    typ(&mut s, "B");
    s.flush();
    let mine = read_case(&new);
    assert_eq!(
        mine.decision.as_ref().and_then(|d| d.reference.as_deref()),
        Some("26/1234-AB")
    );
    assert_eq!(std::fs::read(&path).expect("read"), theirs);
}

#[test]
fn after_a_conflict_the_person_may_go_on_without_saving() {
    let data = tempfile::tempdir().expect("tmp");
    let (mut s, path, theirs) = open_and_change_behind_its_back(data.path());
    key(&mut s, KeyCode::Esc);
    assert!(s.app().notice().is_none());
    assert_eq!(s.app().save_status(), &SaveStatus::Off);
    assert!(text(&s).contains("lagres ikke"), "{}", text(&s));
    // The answer is there, in memory.
    assert_eq!(
        s.app()
            .raw()
            .decision
            .as_ref()
            .and_then(|d| d.reference.as_deref()),
        Some("26/1234-A")
    );
    typ(&mut s, "mer\n");
    s.flush();
    assert_eq!(std::fs::read(&path).expect("read"), theirs);
    assert_eq!(drafts_in(data.path()).len(), 1);
    // Quitting now asks, as the answers would be lost.
    key_mod(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(s.app().modal(), Some(&Modal::ConfirmQuit));
}

// --- a failed save ---------------------------------------------------------------------------

#[test]
fn a_failed_save_is_told_once_and_the_wizard_goes_on() {
    let tmp = tempfile::tempdir().expect("tmp");
    // The data folder is a file: nothing can be saved under it.
    let data = tmp.path().join("data");
    std::fs::write(&data, b"not a folder").expect("write");
    let mut s = session(&data);
    enter(&mut s);
    key(&mut s, KeyCode::Char('1'));
    assert_eq!(s.app().step(), Step::Service);
    assert!(matches!(s.app().notice(), Some(Notice::SaveFailed(_))));
    let t = flat(&s);
    assert!(t.contains("Kunne ikke lagre"), "{t}");
    assert!(t.contains("Svarene dine er fortsatt her"), "{t}");
    assert!(
        t.contains("noe gikk galt ved skriving til disken"),
        "the reason in the person's language: {t}"
    );
    enter(&mut s);
    assert!(s.app().notice().is_none());
    assert_eq!(s.app().step(), Step::Service);
    typ(&mut s, "praktisk\n");
    assert_eq!(s.app().step(), Step::Situation);
    assert!(s.app().notice().is_none(), "told once");
    assert_eq!(
        s.app().raw().service.as_deref(),
        Some("praktisk-bistand"),
        "the answers are in memory"
    );
    assert!(text(&s).contains("IKKE LAGRET"), "{}", text(&s));
    assert_eq!(std::fs::read(&data).expect("read"), b"not a folder");
    key(&mut s, KeyCode::Char('q'));
    assert_eq!(s.app().modal(), Some(&Modal::ConfirmQuit));
}

// --- counter mode ----------------------------------------------------------------------------

fn walk_to_done(s: &mut Session) {
    enter(s);
    key(s, KeyCode::Char('1'));
    typ(s, "praktisk\n");
    key(s, KeyCode::Char('1'));
    typ(s, "02.11.2026\n2026-11-05\n");
    assert_eq!(s.app().step(), Step::Rights);
    enter(s);
    typ(s, "26/1\n\n");
    typ(s, "Jeg har KOLS.");
    for _ in case::Ground::ALL {
        key(s, KeyCode::Tab);
    }
    key(s, KeyCode::Tab);
    key(s, KeyCode::Tab);
    key(s, KeyCode::Tab);
    assert_eq!(s.app().step(), Step::Applicant);
    typ(s, "Kari Nordmann\nStorgata 1\n9008\nTromsø\n\n\n\n");
    enter(s);
    typ(s, "Postboks 6900\n9299 Tromsø\n\n");
    assert_eq!(s.app().step(), Step::Check, "{}", text(s));
    key(s, KeyCode::Tab);
    enter(s);
    assert_eq!(s.app().step(), Step::Done);
}

#[test]
fn counter_mode_leaves_nothing_but_the_exported_letter() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = session_with(opts(data.path(), true, out.path()));
    let t = flat(&s);
    assert!(t.contains("Skrankemodus er på"), "{t}");
    assert!(t.contains("Ingenting blir lagret på denne maskinen"), "{t}");
    assert!(t.contains("skrankemodus"), "{t}");
    // Changing the language is not remembered either.
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    assert_eq!(s.app().ui(), Ui::Nn);
    key(&mut s, KeyCode::Up);
    enter(&mut s);
    assert_eq!(s.app().ui(), Ui::Nb);
    key(&mut s, KeyCode::Home);

    walk_to_done(&mut s);
    assert!(everything_under(data.path()).is_empty());
    // Never exported: quitting asks, and says that nothing is kept.
    key(&mut s, KeyCode::Char('q'));
    assert_eq!(s.app().modal(), Some(&Modal::ConfirmQuit));
    assert!(
        flat(&s).contains("ingenting er lagret på denne maskinen"),
        "{}",
        text(&s)
    );
    key(&mut s, KeyCode::Esc);
    // Export to a folder outside the data folder.
    enter(&mut s);
    enter(&mut s);
    assert!(text(&s).contains("Lagret:"), "{}", text(&s));
    assert_eq!(s.exported().len(), 1);
    let e = key_mod(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(e, Effect::Quit);
    s.flush();
    let bye = s.farewell().join("\n");
    assert!(bye.contains("Ingenting fra denne økten er lagret"), "{bye}");
    assert!(
        bye.contains(&s.exported()[0].display().to_string()),
        "{bye}"
    );
    drop(s);
    assert!(
        everything_under(data.path()).is_empty(),
        "{:?}",
        everything_under(data.path())
    );
    let files = everything_under(out.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].to_string_lossy().ends_with(".txt"));
}

#[test]
fn counter_mode_quit_without_export_leaves_the_data_dir_empty() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = session_with(opts(data.path(), true, out.path()));
    walk_to_done(&mut s);
    key(&mut s, KeyCode::Char('q'));
    assert_eq!(enter(&mut s), Effect::Quit);
    s.flush();
    drop(s);
    assert!(everything_under(data.path()).is_empty());
    assert!(everything_under(out.path()).is_empty());
}

#[test]
fn counter_mode_lists_no_saved_cases() {
    let data = tempfile::tempdir().expect("tmp");
    write_draft(data.path(), "20261118-140200", "decision");
    let s = session_with(opts(data.path(), true, data.path()));
    assert!(!text(&s).contains("Ola Hansen"), "{}", text(&s));
    assert!(s.app().listing().cases.is_empty());
}

#[test]
fn the_editor_temp_file_is_removed() {
    // The "editor" writes the file's own path into it.
    let cmd: Vec<String> = vec!["sh".into(), "-c".into(), "echo \"$0\" > \"$0\"".into()];
    let out = editor::edit_with(&cmd, "hemmelig", &|| false).expect("edit");
    let file = PathBuf::from(out.trim());
    assert!(file.is_absolute(), "{out}");
    assert!(!file.exists(), "the text file is removed");
    assert!(
        !file.parent().expect("folder").exists(),
        "its private folder is removed"
    );
}

// --- end to end, in a pseudo-terminal --------------------------------------------------------

const TIMEOUT: Duration = Duration::from_secs(20);

struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Term {
    fn start(data: &Path, args: &[&str]) -> Term {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_omsorgsklage"));
        cmd.args(["--lang", "nb", "--today", "2026-11-20"]);
        cmd.args(args);
        cmd.env("OMSORGSKLAGE_DATA", data);
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(data);
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        // Enough rows that what is printed after the wizard stays on the screen.
        let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let p = Arc::clone(&parser);
        let master = pty.master;
        std::thread::spawn(move || {
            let _master = master;
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if let Ok(mut parser) = p.lock() {
                            parser.process(&buf[..n]);
                        }
                    }
                }
            }
        });
        Term {
            parser,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("lock").screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {text:?}; the screen:\n{}",
            self.screen()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(30));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                // Let the reader catch up with what was printed last.
                std::thread::sleep(Duration::from_millis(150));
                return s;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const CTRL_C: &str = "\x03";

#[test]
fn pty_answers_are_kept_and_the_case_is_listed_at_the_next_start() {
    let data = tempfile::tempdir().expect("data dir");
    let mut t = Term::start(data.path(), &[]);
    t.wait_for("Start en ny klage");
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.send("1");
    t.wait_for("Hvilken tjeneste gjelder vedtaket?");
    t.send("praktisk");
    t.wait_for("[praktisk");
    t.send(ENTER);
    t.wait_for("Hva skjedde?");
    t.send("1");
    t.wait_for("Hvilken dato står på vedtaket?");
    t.wait_for("omsorgsklage · lagret");
    // Quit from a text field: the answers are saved, so it does not ask.
    t.send(CTRL_C);
    let status = t.wait_exit();
    assert!(status.success(), "{status:?}");
    t.wait_for("Svarene er lagret i");
    assert!(!t.parser.lock().expect("lock").screen().alternate_screen());
    let files = drafts_in(data.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let raw = read_case(&files[0]);
    assert_eq!(raw.service.as_deref(), Some("praktisk-bistand"));
    assert_eq!(step_of(&raw).as_deref(), Some("decision-date"));
    assert!(!is_locked(&files[0]), "the lock is let go of on quit");

    let mut t = Term::start(data.path(), &[]);
    t.wait_for("Fortsett med en lagret sak:");
    t.wait_for("(uten navn) – praktisk bistand");
    t.wait_for("Kommet til: Datoene");
    t.send(DOWN);
    t.send(DOWN);
    t.send(ENTER);
    t.wait_for("Fortsett med klagen");
    t.send(ENTER);
    t.wait_for("Hvilken dato står på vedtaket?");
    t.send(CTRL_C);
    assert!(t.wait_exit().success());
}

#[test]
fn pty_counter_mode_says_so_asks_before_quitting_and_writes_nothing() {
    let data = tempfile::tempdir().expect("data dir");
    let mut t = Term::start(data.path(), &["--counter"]);
    t.wait_for("Skrankemodus er på");
    t.wait_for("skrankemodus");
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.send("1");
    t.wait_for("Hvilken tjeneste gjelder vedtaket?");
    t.send(CTRL_C);
    t.wait_for("Skrankemodus: ingenting er lagret");
    t.send(ENTER);
    assert!(t.wait_exit().success());
    t.wait_for("Ingenting fra denne økten er lagret");
    assert!(
        everything_under(data.path()).is_empty(),
        "{:?}",
        everything_under(data.path())
    );
}
