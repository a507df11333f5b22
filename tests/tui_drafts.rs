//! Drafts in the wizard: every answer saved as it is given, saved cases listed on the start
//! screen and resumed where they stopped, damaged drafts listed and left alone, a case open in
//! another window not opened, a draft changed on disk never overwritten, a failed save told and
//! survived, and counter mode leaving nothing behind. Driven through `Session`, the run loop's
//! own driver, and end to end in a pseudo-terminal.

mod common;
mod tui_common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::pty::{CTRL_C, DOWN, ENTER, Term, wizard};
use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::{self, RawCase, RawDraft};
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::action::Effect;
use omsorgsklage::interview::drafts::{Notice, SaveStatus};
use omsorgsklage::interview::session::{SAVE_AFTER, Session};
use omsorgsklage::interview::{App, Modal, Options, Step};
use omsorgsklage::tui::editor;
use omsorgsklage::tui::theme::{Theme, ThemeName};
use tui_common::{
    daughter_case, everything_under, screen, session_options as opts, sflat as flat, skey as key,
    skey_mod as key_mod, stext as text, stype as typ, today,
};

// --- helpers ---------------------------------------------------------------------------------

fn session_with(options: Options) -> Session {
    let mut app = App::new(Ui::Nb, today(), &options);
    app.set_theme(Theme::new(ThemeName::NoColor));
    Session::with_app(app, today(), options)
}

fn session(data: &Path) -> Session {
    session_with(opts(data, false, Path::new("/nowhere/documents")))
}

fn enter(s: &mut Session) -> Effect {
    key(s, KeyCode::Enter)
}

fn cases_dir(data: &Path) -> PathBuf {
    data.join("cases")
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
    assert!(
        everything_under(data.path()).is_empty(),
        "\"myself\" leaves nothing to keep: no draft yet"
    );

    typ(&mut s, "praktisk\n");
    assert_eq!(s.app().step(), Step::Situation);
    let path = s.draft_path().expect("a draft after the first answer");
    assert!(path.starts_with(data.path().join("cases")));
    let raw = read_case(&path);
    assert_eq!(raw.language.as_deref(), Some("nb"));
    assert_eq!(raw.service.as_deref(), Some("praktisk-bistand"));
    assert_eq!(step_of(&raw).as_deref(), Some("situation"));
    let updated = raw.draft.as_ref().and_then(|d| d.updated.clone());
    assert!(
        updated.is_some_and(|u| chrono::DateTime::parse_from_rfc3339(&u).is_ok()),
        "draft.updated is RFC 3339"
    );

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
    assert_eq!(common::case_files(data.path()), vec![path.clone()]);
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
    assert_eq!(common::case_files(data.path()).len(), 2);
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
    assert_eq!(common::case_files(data.path()).len(), 1);
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
    typ(&mut s, "praktisk\n");
    assert_eq!(s.app().step(), Step::Situation);
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
    assert_eq!(s.app().step(), Step::Situation);
    key(&mut s, KeyCode::Char('1'));
    assert_eq!(s.app().step(), Step::DecisionDate);
    assert!(s.app().notice().is_none(), "told once");
    assert_eq!(
        s.app().raw().service.as_deref(),
        Some("praktisk-bistand"),
        "the answers are in memory"
    );
    assert!(text(&s).contains("IKKE LAGRET"), "{}", text(&s));
    assert_eq!(std::fs::read(&data).expect("read"), b"not a folder");
    key_mod(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL);
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
    // One decision, one service: Enter goes on.
    assert_eq!(s.app().step(), Step::Services);
    enter(s);
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
    key_mod(&mut s, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(s.app().modal(), Some(&Modal::ConfirmQuit));
    assert!(
        flat(&s).contains("svarene lagres ikke på denne maskinen"),
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
    assert!(
        !bye.contains("Ingenting fra denne økten er lagret"),
        "{bye}"
    );
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
    key_mod(&mut s, KeyCode::Char('q'), KeyModifiers::CONTROL);
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

// --- a new case is always blank --------------------------------------------------------------

/// A saved case with its own name, decision dates and reference, stopped at `step`.
fn write_named(data: &Path, id: &str, name: &str, received: &str, reference: &str) -> PathBuf {
    let path = write_draft(data, id, "decision");
    let mut raw = read_case(&path);
    raw.applicant.as_mut().expect("applicant").name = Some(name.into());
    let d = raw.decision.as_mut().expect("decision");
    d.date = Some(received.into());
    d.received = Some(received.into());
    d.reference = Some(reference.into());
    std::fs::write(&path, serde_json::to_vec_pretty(&raw).expect("json")).expect("write");
    path
}

/// The saved cases as the start screen lists them, top to bottom (the names of those the
/// filter lets through).
fn listed_names(s: &Session) -> Vec<String> {
    let filter = match s.app().screen() {
        omsorgsklage::interview::steps::Screen::Start(st) => st.filter.clone(),
        _ => String::new(),
    };
    omsorgsklage::interview::steps::start::rows(s.app(), &filter)
        .into_iter()
        .filter_map(|r| match r {
            omsorgsklage::interview::steps::start::Row::Case(i) => s.app().listing().cases[i]
                .raw
                .applicant
                .as_ref()
                .and_then(|a| a.name.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_new_complaint_after_opening_a_saved_case_is_blank_and_the_case_is_left_as_it_was() {
    let data = tempfile::tempdir().expect("tmp");
    let path = write_draft(data.path(), "20261118-140200", "decision");
    let before = std::fs::read(&path).expect("read");
    let mut s = session(data.path());
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Case);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Start);
    // Left without changing an answer: the file is as it was, and not locked any more.
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(!is_locked(&path), "the lock is let go of");

    // "Start en ny klage": the first question has no answer.
    key(&mut s, KeyCode::Home);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Who);
    let t = text(&s);
    assert!(!t.contains("(x)"), "no answer chosen:\n{t}");
    assert!(
        t.contains("( ) 1. Jeg klager på et vedtak om meg selv"),
        "{t}"
    );
    assert!(t.contains("( ) 2. Jeg skriver for en annen"), "{t}");
    assert!(s.app().raw().applicant.is_none() && s.app().raw().service.is_none());
    assert_eq!(s.draft_path(), None, "not the saved case's draft");

    // One answer: a new case file beside the first, which is unchanged.
    key(&mut s, KeyCode::Char('2'));
    assert_eq!(s.app().step(), Step::Role);
    let files = common::case_files(data.path());
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the saved case"
    );
    let new = s.draft_path().expect("the new case's draft");
    assert_ne!(new, path);
    let raw = read_case(&new);
    assert!(raw.representative.is_some());
    assert!(raw.applicant.is_none() && raw.decision.is_none() && raw.service.is_none());

    // "Skriv et annet brev" after this: blank too, and the case just started is kept.
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Start);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Case);
    assert!(!flat(&s).contains("Ola Hansen"), "{}", text(&s));
    assert!(s.app().raw().representative.is_none());
    assert_eq!(common::case_files(data.path()).len(), 2);
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

/// Person 2's answers, one screen at a time; after every key, the screen must show nothing of
/// person 1.
fn walk_checked(s: &mut Session, person1: &[&str]) {
    let check = |s: &Session| {
        let t = flat(s);
        for p in person1 {
            assert!(
                !t.contains(p),
                "{p:?} of person 1 on {:?}:\n{}",
                s.app().step(),
                text(s)
            );
        }
    };
    let steps: Vec<(Option<KeyCode>, &str)> = vec![
        (Some(KeyCode::Char('2')), ""),
        (Some(KeyCode::Char('4')), ""),
        (None, "sønn\n"),
        (Some(KeyCode::Char('1')), ""),
        // Who the decision is about, before the details (#25).
        (None, "Mor Hansen\n\n"),
        (None, "hjemmesyk\n"),
        (Some(KeyCode::Char('3')), ""),
        (None, "01.11.2026\n03.11.2026\n"),
        (Some(KeyCode::Enter), ""),
        (None, "77/7\n"),
    ];
    for (k, typed) in steps {
        if let Some(k) = k {
            key(s, k);
        }
        for c in typed.chars() {
            if c == '\n' {
                enter(s);
            } else {
                key(s, KeyCode::Char(c));
            }
            check(s);
        }
        check(s);
    }
    // The rest of the decision's fields stay empty.
    while s.app().step() == Step::Decision {
        enter(s);
        check(s);
    }
    typ(s, "Mor faller ofte.");
    check(s);
    for _ in case::Ground::ALL {
        key(s, KeyCode::Tab);
        check(s);
    }
    key(s, KeyCode::Tab);
    check(s);
    // One decision, one service: Enter goes on.
    assert_eq!(s.app().step(), Step::Services);
    enter(s);
    check(s);
    for _ in 0..2 {
        key(s, KeyCode::Tab);
        check(s);
    }
    assert_eq!(s.app().step(), Step::Applicant, "{}", text(s));
    // The name was given on who the decision is about: it is there already.
    for line in ["", "Fjordveien 2", "9010", "Tromsø", "", "", ""] {
        typ(s, line);
        enter(s);
        check(s);
    }
    assert_eq!(s.app().step(), Step::Representative, "{}", text(s));
    for line in ["Per Hansen", "Fjordveien 4", "9010", "Tromsø", "", ""] {
        typ(s, line);
        enter(s);
        check(s);
    }
    enter(s);
    check(s);
    typ(s, "Postboks 6900\n9299 Tromsø\n\n");
    assert_eq!(s.app().step(), Step::Check, "{}", text(s));
    // Every answer on the check page, and the letter, are person 2's.
    for _ in 0..80 {
        key(s, KeyCode::Down);
        check(s);
    }
    key(s, KeyCode::Tab);
    check(s);
    assert_eq!(s.app().step(), Step::Preview);
    for _ in 0..60 {
        key(s, KeyCode::PageDown);
        check(s);
    }
    enter(s);
    check(s);
    assert_eq!(s.app().step(), Step::Done);
    for _ in 0..6 {
        key(s, KeyCode::Down);
        check(s);
    }
}

#[test]
fn counter_mode_the_next_person_sees_nothing_of_the_last_and_nothing_is_written() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = session_with(opts(data.path(), true, out.path()));
    let t = flat(&s);
    assert!(t.contains("svarene til forrige person slettet"), "{t}");
    // Person 1 writes the complaint, in nynorsk, and does not save the letter.
    key(&mut s, KeyCode::End);
    key(&mut s, KeyCode::Up);
    enter(&mut s);
    assert_eq!(s.app().ui(), Ui::Nn);
    key(&mut s, KeyCode::Home);
    enter(&mut s);
    key(&mut s, KeyCode::Char('1'));
    typ(&mut s, "praktisk\n");
    key(&mut s, KeyCode::Char('1'));
    typ(&mut s, "02.11.2026\n2026-11-05\n");
    enter(&mut s);
    typ(&mut s, "26/1\n\n");
    typ(&mut s, "Jeg har KOLS.");
    for _ in case::Ground::ALL {
        key(&mut s, KeyCode::Tab);
    }
    key(&mut s, KeyCode::Tab);
    // One decision, one service: Enter goes on.
    assert_eq!(s.app().step(), Step::Services);
    enter(&mut s);
    for _ in 0..2 {
        key(&mut s, KeyCode::Tab);
    }
    typ(&mut s, "Kari Nordmann\nStorgata 1\n9008\nTromsø\n\n\n\n");
    enter(&mut s);
    typ(&mut s, "Postboks 6900\n9299 Tromsø\n\n");
    key(&mut s, KeyCode::Tab);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Done, "{}", text(&s));
    // What cannot be kept is not offered: no "Har du sendt klagen?" after saving, no sent date
    // on the case screen, which says that nothing there lasts.
    let t = flat(&s);
    assert!(t.contains("Neste person"), "{t}");
    for _ in 0..6 {
        key(&mut s, KeyCode::Down);
    }
    enter(&mut s);
    // Not exported: asked first.
    assert!(
        flat(&s).contains("Svara til førre person blir sletta. Halde fram?"),
        "{}",
        text(&s)
    );
    key(&mut s, KeyCode::Char('n'));
    assert!(s.app().modal().is_none());
    assert_eq!(s.app().step(), Step::Done, "no: back to the answers");
    enter(&mut s);
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.app().step(), Step::Start);
    // Nothing of person 1, not even the language they chose.
    assert_eq!(s.app().ui(), Ui::Nb);
    assert_eq!(s.app().raw(), &tui_common::empty_case());
    let person1 = [
        "Kari Nordmann",
        "Storgata",
        "9008",
        "26/1",
        "KOLS",
        "praktisk bistand",
    ];
    for p in person1 {
        assert!(!flat(&s).contains(p), "{p}");
    }
    // Person 2 starts: no question (nothing to lose), a blank case, and nothing of person 1 on
    // any screen of theirs.
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Who);
    assert!(!text(&s).contains("(x)"), "{}", text(&s));
    walk_checked(&mut s, &person1);
    // The case screen says plainly that nothing lasts, and does not ask for the sent date.
    let t = flat(&s);
    assert!(!t.contains("Har du sendt klagen"), "{t}");
    while s.app().step() == Step::Done && !text(&s).contains("▶ [ Til saken") {
        key(&mut s, KeyCode::Up);
    }
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Case);
    let t = flat(&s);
    assert!(t.contains("Ingenting her blir lagret"), "{t}");
    assert!(!t.contains("Jeg har sendt klagen"), "{t}");
    // Back at the start with person 2's answers, starting again asks too.
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Start);
    enter(&mut s);
    assert!(
        flat(&s).contains("Svarene til forrige person blir slettet"),
        "{}",
        text(&s)
    );
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.app().step(), Step::Who);
    assert!(s.app().raw().representative.is_none() && s.app().raw().applicant.is_none());
    drop(s);
    assert!(
        everything_under(data.path()).is_empty(),
        "{:?}",
        everything_under(data.path())
    );
    assert!(
        everything_under(out.path()).is_empty(),
        "{:?}",
        everything_under(out.path())
    );
}

#[test]
fn counter_mode_after_saving_the_letter_the_next_person_is_not_asked_about() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = session_with(opts(data.path(), true, out.path()));
    walk_to_done(&mut s);
    enter(&mut s);
    enter(&mut s);
    assert!(text(&s).contains("Lagret:"), "{}", text(&s));
    // Saved: "Neste person" has the focus, and wipes without a question.
    assert!(text(&s).contains("▶ [ Neste person ]"), "{}", text(&s));
    assert!(!text(&s).contains("Har du sendt klagen"), "{}", text(&s));
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Start);
    assert!(s.app().modal().is_none());
    assert_eq!(s.app().raw(), &tui_common::empty_case());
    assert!(
        s.exported().is_empty(),
        "not even the file name is remembered"
    );
    assert!(everything_under(data.path()).is_empty());
    assert_eq!(everything_under(out.path()).len(), 1, "the letter stays");
    // The next person's answers are not saved; the exit still says which letter of this session
    // is on the machine, and to delete it (issue #23: it said "Ingenting ... er lagret").
    walk_to_done(&mut s);
    let bye = s.farewell().join("\n");
    let letter = everything_under(out.path())[0].display().to_string();
    assert!(bye.contains(&letter), "{bye}");
    assert!(bye.contains("Slett dem"), "{bye}");
    assert!(!bye.contains("Ingenting"), "{bye}");
    // Deleted: the exit says that nothing was saved.
    std::fs::remove_file(&letter).expect("delete");
    let bye = s.farewell().join("\n");
    assert!(bye.contains("Ingenting fra denne økten er lagret"), "{bye}");
}

#[test]
fn a_saved_case_is_deleted_from_the_start_screen_after_a_question() {
    let data = tempfile::tempdir().expect("tmp");
    let first = write_named(
        data.path(),
        "20261101-100000",
        "Anne Berg",
        "2026-10-26",
        "1/1",
    );
    let second = write_draft(data.path(), "20261118-140200", "decision");
    let mut s = session(data.path());
    // Anne Berg's deadline is the nearest: listed first.
    assert_eq!(listed_names(&s), vec!["Anne Berg", "Ola Hansen"]);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    assert!(text(&s).contains("▶ Ola Hansen"), "{}", text(&s));
    // The key is shown in the help line.
    assert!(text(&s).contains("Del slett sak"), "{}", text(&s));
    key(&mut s, KeyCode::Delete);
    let t = flat(&s);
    assert!(
        t.contains("Vil du slette saken «Ola Hansen – hjemmesykepleie»?"),
        "{t}"
    );
    // No: nothing happens (Enter is no too).
    key(&mut s, KeyCode::Char('n'));
    assert!(second.exists() && first.exists());
    key(&mut s, KeyCode::Delete);
    enter(&mut s);
    assert!(second.exists());
    key(&mut s, KeyCode::Delete);
    key(&mut s, KeyCode::Char('j'));
    assert!(!second.exists(), "deleted");
    assert!(first.exists(), "the other case is left");
    assert_eq!(listed_names(&s), vec!["Anne Berg"]);
    assert_eq!(s.app().listing().cases.len(), 1);
    // The case just opened and left can be deleted too (its lock was let go of).
    key(&mut s, KeyCode::Home);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Case);
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Delete);
    key(&mut s, KeyCode::Char('j'));
    assert!(common::case_files(data.path()).is_empty());
    assert!(!flat(&s).contains("Anne Berg"), "{}", text(&s));
}

#[test]
fn a_draft_without_answers_is_never_written_or_listed() {
    let data = tempfile::tempdir().expect("tmp");
    // An empty draft an older version left behind is not listed.
    let dir = cases_dir(data.path());
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("20261101-090000.json"),
        br#"{"format": "omsorgsklage/1", "language": "nb", "draft": {"step": "service"}}"#,
    )
    .expect("write");
    let mut s = session(data.path());
    assert!(s.app().listing().cases.is_empty());
    assert!(!flat(&s).contains("uten navn"), "{}", text(&s));
    let before = everything_under(data.path());
    // Start, "myself", and on through the service question without choosing one: no answer.
    enter(&mut s);
    key(&mut s, KeyCode::Char('1'));
    assert_eq!(s.app().step(), Step::Service);
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Start);
    assert_eq!(everything_under(data.path()), before, "nothing written");
    // An answer, then taking it back: the draft goes with it.
    enter(&mut s);
    key(&mut s, KeyCode::Char('2'));
    let path = s.draft_path().expect("a draft after the first answer");
    assert!(path.exists());
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Char('1'));
    assert!(!path.exists(), "a draft without answers is removed");
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Start);
    assert!(s.app().listing().cases.is_empty());
    assert_eq!(everything_under(data.path()), before);
}

#[test]
fn esc_on_the_start_screen_asks_before_quitting() {
    let data = tempfile::tempdir().expect("tmp");
    let mut s = session(data.path());
    assert_eq!(key(&mut s, KeyCode::Esc), Effect::None);
    assert_eq!(s.app().modal(), Some(&Modal::ConfirmQuit));
    assert!(
        flat(&s).contains("Vil du avslutte programmet?"),
        "{}",
        text(&s)
    );
    // Esc again is "no".
    assert_eq!(key(&mut s, KeyCode::Esc), Effect::None);
    assert!(s.app().modal().is_none());
    assert_eq!(s.app().step(), Step::Start);
    // Back from the first question, the same.
    enter(&mut s);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Start);
    assert_eq!(key(&mut s, KeyCode::Esc), Effect::None);
    assert_eq!(s.app().modal(), Some(&Modal::ConfirmQuit));
    assert_eq!(enter(&mut s), Effect::Quit);
}

#[test]
fn saved_cases_keep_their_order_and_the_start_screen_keys_work_after_coming_back() {
    let data = tempfile::tempdir().expect("tmp");
    // Written newest first, in the order a list by time would show them backwards.
    let c = write_named(
        data.path(),
        "20261103-100000",
        "Cecilie Dahl",
        "2026-11-12",
        "3/3",
    );
    let b = write_named(
        data.path(),
        "20261102-100000",
        "Bjørn Aas",
        "2026-11-12",
        "2/2",
    );
    let a = write_named(
        data.path(),
        "20261101-100000",
        "Anne Berg",
        "2026-10-26",
        "1/1",
    );
    let _ = (&a, &c);
    let mut s = session(data.path());
    let order = vec!["Anne Berg", "Bjørn Aas", "Cecilie Dahl"];
    assert_eq!(listed_names(&s), order);
    // Open Bjørn Aas, change an answer (the file is written, and is newest), come back.
    for _ in 0..3 {
        key(&mut s, KeyCode::Down);
    }
    enter(&mut s);
    assert!(flat(&s).contains("Bjørn Aas"), "{}", text(&s));
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Decision);
    typ(&mut s, "-B\n");
    assert!(read_case(&b).decision.and_then(|d| d.reference) == Some("2/2-B".into()));
    for _ in 0..40 {
        if s.app().step() == Step::Start {
            break;
        }
        key(&mut s, KeyCode::Esc);
    }
    assert_eq!(s.app().step(), Step::Start);
    assert!(s.app().modal().is_none());
    // The same order, and the same keys reach the same case.
    assert_eq!(listed_names(&s), order);
    for _ in 0..3 {
        key(&mut s, KeyCode::Down);
    }
    assert!(text(&s).contains("▶ Bjørn Aas"), "{}", text(&s));
    // Back from the case screen, from the first question of a new complaint, from the done
    // screen's way to the case screen: ↓ reaches the saved cases each time.
    enter(&mut s);
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    assert!(text(&s).contains("▶ Anne Berg"), "{}", text(&s));
    key(&mut s, KeyCode::Home);
    enter(&mut s);
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    assert!(text(&s).contains("▶ Cecilie Dahl"), "{}", text(&s));
}

#[test]
fn typing_filters_the_saved_cases_when_they_do_not_fit() {
    let data = tempfile::tempdir().expect("tmp");
    for (n, name) in ["Anne", "Bjørn", "Cecilie", "Dag", "Eva", "Frode"]
        .iter()
        .enumerate()
    {
        write_named(
            data.path(),
            &format!("2026111{n}-120000"),
            &format!("{name} Hansen"),
            "2026-11-05",
            "1/1",
        );
    }
    let mut s = session(data.path());
    assert!(
        text(&s).contains('↓'),
        "the list does not fit:\n{}",
        text(&s)
    );
    assert!(text(&s).contains("Skriv søk"), "{}", text(&s));
    typ(&mut s, "eva");
    let t = text(&s);
    assert!(t.contains("Søk etter navn: eva"), "{t}");
    assert_eq!(listed_names(&s), vec!["Eva Hansen"]);
    assert!(t.contains("▶ Eva Hansen"), "{t}");
    // q is typed, not quit; nothing matches.
    typ(&mut s, "q");
    assert!(s.app().modal().is_none());
    assert!(
        flat(&s).contains("Ingen saker passer til «evaq»"),
        "{}",
        text(&s)
    );
    key(&mut s, KeyCode::Backspace);
    enter(&mut s);
    assert_eq!(s.app().step(), Step::Case);
    assert!(flat(&s).contains("Eva Hansen"), "{}", text(&s));
    // Back: the whole list again; Esc empties a search before it asks to quit.
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().step(), Step::Start);
    assert_eq!(listed_names(&s).len(), 6);
    typ(&mut s, "frode");
    assert_eq!(listed_names(&s), vec!["Frode Hansen"]);
    key(&mut s, KeyCode::Esc);
    assert!(s.app().modal().is_none());
    assert!(!text(&s).contains("Søk etter navn: frode"), "{}", text(&s));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.app().modal(), Some(&Modal::ConfirmQuit));
}

// --- end to end, in a pseudo-terminal --------------------------------------------------------

/// The wizard in a pseudo-terminal, its data and working folder `data`.
fn term(data: &Path, args: &[&str]) -> Term {
    Term::spawn(wizard(data, data, args))
}

#[test]
fn pty_answers_are_kept_and_the_case_is_listed_at_the_next_start() {
    let data = tempfile::tempdir().expect("data dir");
    let mut t = term(data.path(), &[]);
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
    assert!(!t.alternate_screen());
    let files = common::case_files(data.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let raw = read_case(&files[0]);
    assert_eq!(raw.service.as_deref(), Some("praktisk-bistand"));
    assert_eq!(step_of(&raw).as_deref(), Some("decision-date"));
    assert!(!is_locked(&files[0]), "the lock is let go of on quit");

    let mut t = term(data.path(), &[]);
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
    let mut t = term(data.path(), &["--counter"]);
    t.wait_for("Skrankemodus er på");
    t.wait_for("skrankemodus");
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.send("1");
    t.wait_for("Hvilken tjeneste gjelder vedtaket?");
    t.send("praktisk");
    t.wait_for("[praktisk");
    t.send(ENTER);
    t.wait_for("Hva skjedde?");
    t.send(CTRL_C);
    t.wait_for("Skrankemodus: svarene lagres ikke");
    t.send(ENTER);
    assert!(t.wait_exit().success());
    t.wait_for("Ingenting fra denne økten er lagret");
    assert!(
        everything_under(data.path()).is_empty(),
        "{:?}",
        everything_under(data.path())
    );
}
