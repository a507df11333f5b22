//! Counter mode's "take the case with you" (issue #23): on the done screen, the case file is
//! written to a folder the person chooses (the letter's folder until another is typed, e.g. a
//! USB stick): owner-only, atomic, never over another file; read back it is the case; `cases
//! import` opens it on the person's own machine; the data folder keeps nothing and the exit
//! names the file. Driven through `Session`, the run loop's own driver, and the binary.

mod common;
mod tui_common;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::{self, RawCase};
use omsorgsklage::interview::session::Session;
use omsorgsklage::interview::{Options, Step};
use tui_common::{
    daughter_case, everything_under, session_at, session_options, sflat as flat, skey as key,
    skey_mod as key_mod, stext as text, stype as typ,
};

fn counter(data: &Path, export: &Path) -> Options {
    session_options(data, true, export)
}

/// A counter-mode session on the done screen of the daughter's complete case.
fn at_done(options: Options) -> Session {
    session_at(daughter_case(), Step::Done, options)
}

fn json_under(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = everything_under(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// Save the letter, then up from "Neste person" to the folder of "Ta med saken".
fn save_and_go_to_take(s: &mut Session) {
    key(s, KeyCode::Enter);
    key(s, KeyCode::Enter);
    assert!(text(s).contains("Lagret:"), "{}", text(s));
    assert!(text(s).contains("▶ [ Neste person ]"), "{}", text(s));
    key(s, KeyCode::Up);
}

#[test]
fn the_case_file_goes_to_the_folder_the_person_types_and_nothing_is_kept() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let usb = tempfile::tempdir().expect("usb");
    let mut s = at_done(counter(data.path(), out.path()));
    save_and_go_to_take(&mut s);
    // The folder it will go to is shown (the letter's), in a field to type another.
    let letter_dir = out.path().display().to_string();
    let t = flat(&s);
    assert!(t.contains("Ta med saken"), "{t}");
    assert!(t.contains(&format!("Mappe: [{letter_dir}")), "{t}");
    // What the file is, that it holds health data, how to open it, that nothing else is kept.
    for words in [
        "lagrer svarene som én fil i denne mappen",
        "minnepinnen din",
        "Filen inneholder helseopplysninger",
        "omsorgsklage cases import",
        "Programmet tar ikke vare på noe annet",
    ] {
        assert!(t.contains(words), "{words:?} in {t}");
    }
    // Another folder: the USB stick.
    key_mod(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typ(&mut s, &usb.path().display().to_string());
    key(&mut s, KeyCode::Enter);
    let t = flat(&s);
    assert!(t.contains("Saken er lagret i"), "{t}");
    let files = json_under(usb.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(t.contains("klage-ola-hansen-2026-11-20.json"), "{t}");
    assert_eq!(
        files[0].file_name().expect("name").to_string_lossy(),
        "klage-ola-hansen-2026-11-20.json"
    );
    assert!(
        json_under(out.path()).is_empty(),
        "nothing beside the letter"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0])
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "readable by the owner only");
    }
    // Read back, it is the case: the answers, and where it stopped.
    let first = std::fs::read(&files[0]).expect("read");
    let raw: RawCase = case::read(&first).expect("a case file");
    let mut answers = raw.clone();
    answers.draft = None;
    let mut expected = s.app().raw().clone();
    expected.draft = None;
    assert_eq!(answers, expected);
    assert_eq!(
        raw.applicant.as_ref().and_then(|a| a.name.as_deref()),
        Some("Ola Hansen")
    );
    assert_eq!(
        raw.decision.as_ref().and_then(|d| d.reference.as_deref()),
        Some("26/1234")
    );
    assert_eq!(
        raw.draft.as_ref().and_then(|d| d.step.as_deref()),
        Some("done")
    );
    // Again: a second file beside it; the first is never overwritten.
    key(&mut s, KeyCode::Enter);
    let files = json_under(usb.path());
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files.iter().any(|p| p
            .to_string_lossy()
            .ends_with("klage-ola-hansen-2026-11-20-2.json")),
        "{files:?}"
    );
    assert_eq!(
        std::fs::read(usb.path().join("klage-ola-hansen-2026-11-20.json")).expect("read"),
        first
    );
    // Nothing in the data folder: no draft, no settings.
    assert!(
        everything_under(data.path()).is_empty(),
        "{:?}",
        everything_under(data.path())
    );
    // The exit names both case files with the letter, to delete them when the person has them.
    let bye = s.farewell().join("\n");
    for p in &files {
        assert!(bye.contains(&p.display().to_string()), "{bye}");
    }
    assert!(bye.contains("klage-ola-hansen-2026-11-20.txt"), "{bye}");
}

#[test]
fn a_folder_that_is_not_there_is_said_in_words_and_nothing_is_written() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = at_done(counter(data.path(), out.path()));
    save_and_go_to_take(&mut s);
    key_mod(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let gone = out.path().join("finnes-ikke");
    typ(&mut s, &gone.display().to_string());
    key(&mut s, KeyCode::Enter);
    let t = flat(&s);
    assert!(t.contains("Feil:"), "{t}");
    assert!(!t.contains("Saken er lagret"), "{t}");
    assert!(!gone.exists());
    assert!(json_under(out.path()).is_empty());
    assert!(everything_under(data.path()).is_empty());
    // The exit names only the letter.
    let bye = s.farewell().join("\n");
    assert!(!bye.contains(".json"), "{bye}");
}

/// An emptied folder field writes nothing (never into whatever folder the program runs in) and
/// says what to type.
#[test]
fn an_empty_folder_asks_for_one_and_writes_nothing() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = at_done(counter(data.path(), out.path()));
    save_and_go_to_take(&mut s);
    key_mod(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    key(&mut s, KeyCode::Enter);
    let t = flat(&s);
    assert!(
        t.contains("Skriv hvilken mappe saken skal lagres i, for eksempel minnepinnen din."),
        "{t}"
    );
    assert!(!t.contains("Saken er lagret"), "{t}");
    assert!(json_under(out.path()).is_empty());
    assert!(everything_under(data.path()).is_empty());
}

#[test]
fn not_offered_outside_counter_mode() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut options = counter(data.path(), out.path());
    options.counter = false;
    let mut s = at_done(options);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Enter);
    assert!(text(&s).contains("Lagret:"), "{}", text(&s));
    assert!(!text(&s).contains("Ta med saken"), "{}", text(&s));
}

#[test]
fn the_taken_file_opens_with_cases_import() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut s = at_done(counter(data.path(), out.path()));
    save_and_go_to_take(&mut s);
    key(&mut s, KeyCode::Enter);
    let files = json_under(out.path());
    assert_eq!(files.len(), 1, "{files:?}");
    // On the person's own machine: another data folder.
    let home = tempfile::tempdir().expect("home");
    let imported = common::cmd_in(home.path())
        .args(["cases", "import"])
        .arg(&files[0])
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&imported.stdout).into_owned();
    assert!(
        imported.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let saved = common::case_files(home.path());
    assert_eq!(saved.len(), 1, "{saved:?}\n{said}");
    let raw = common::raw_from_file(&saved[0]);
    assert_eq!(
        raw.applicant.as_ref().and_then(|a| a.name.as_deref()),
        Some("Ola Hansen")
    );
    let listed = common::cmd_in(home.path())
        .args(["cases", "list"])
        .output()
        .expect("run");
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    assert!(listed.contains("Ola Hansen"), "{listed}");
    // The counter machine kept nothing.
    assert!(everything_under(data.path()).is_empty());
}

#[test]
fn a_decision_on_several_services_is_taken_in_the_case_file_s_form() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("out");
    let mut raw = daughter_case();
    // In the interview the other services of the decision are in `services`; the first stays
    // in the single fields.
    raw.services = Some(vec![case::RawServiceItem {
        service: Some("praktisk-bistand".into()),
        situation: Some("redusert".into()),
        ..Default::default()
    }]);
    let mut s = session_at(raw, Step::Done, counter(data.path(), out.path()));
    save_and_go_to_take(&mut s);
    key(&mut s, KeyCode::Enter);
    let files = json_under(out.path());
    assert_eq!(files.len(), 1, "{files:?}\n{}", text(&s));
    let taken = case::read(&std::fs::read(&files[0]).expect("read")).expect("a case file");
    // The file has either the single fields or `services`: here both services in `services`.
    assert_eq!(taken.service, None);
    let ids: Vec<&str> = taken.service_ids();
    assert_eq!(
        ids,
        vec!["hjemmesykepleie", "praktisk-bistand"],
        "{taken:?}"
    );
    assert!(
        case::check(&taken, tui_common::today()).case.is_some(),
        "{taken:?}"
    );
}
