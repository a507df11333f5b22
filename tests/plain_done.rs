//! The done screen's actions in line mode (`--plain`), driven as another program would drive it:
//! counter mode's "take the case with you" (issue #23) and "a new complaint on the same
//! decision" (issue #26), asked after the letter is saved.

mod common;

use std::path::Path;
use std::process::Output;

use common::plain::{BOKMAAL, lines, stdout};
use omsorgsklage::domain::case;

/// Run `omsorgsklage --plain` in bokmål with these lines on standard input.
fn run_plain(input: &[u8], data: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["--plain"];
    args.extend_from_slice(extra);
    common::plain::run("nb", input, data, &args)
}

/// The output as one line of words (wrapped lines read as written).
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The data folder has nothing in it (or is not there).
fn nothing_in(data: &Path) -> bool {
    !data.exists() || std::fs::read_dir(data).expect("dir").next().is_none()
}

#[test]
fn counter_mode_takes_the_case_to_a_folder_typed_in_line_mode() {
    let dir = tempfile::tempdir().expect("dir");
    let usb = tempfile::tempdir().expect("usb");
    let base = dir.path().join("klage");
    let mut answers = BOKMAAL.to_vec();
    answers.push(base.to_str().expect("path"));
    let folder = usb.path().display().to_string();
    // Take the case: yes, to the USB stick; no new complaint; no next person.
    answers.extend(["j", folder.as_str(), "n", ""]);
    let out = run_plain(&lines(&answers), dir.path(), &["--counter"]);
    let text = stdout(&out);
    let said = flat(&text);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(said.contains("Lagret: klage.txt"), "{said}");
    // Said in words: what the file is, the health data, how to open it, nothing else kept.
    for words in [
        "Ta med saken: Svarene kan lagres som én fil i en mappe du velger",
        "minnepinne",
        "omsorgsklage cases import",
        "Filen inneholder helseopplysninger",
        "Programmet tar ikke vare på noe annet",
        "Vil du ta med saken som en fil? Svar j for ja eller n for nei:",
    ] {
        assert!(said.contains(words), "{words:?} in {said}");
    }
    // The folder offered is the letter's; the one typed is used.
    assert!(
        said.contains(&format!("Mappe [svar nå: {}]:", dir.path().display())),
        "{said}"
    );
    let files = common::json_files(usb.path());
    assert_eq!(files.len(), 1, "{files:?}\n{text}");
    assert!(
        said.contains(&format!("Saken er lagret i {}", files[0].display())),
        "{said}"
    );
    let raw = case::read(&std::fs::read(&files[0]).expect("read")).expect("a case file");
    assert_eq!(
        raw.applicant.as_ref().and_then(|a| a.name.as_deref()),
        Some("Kari Nordmann")
    );
    assert_eq!(raw.service.as_deref(), Some("praktisk-bistand"));
    assert!(
        common::json_files(dir.path()).is_empty(),
        "nothing beside the letter"
    );
    assert!(
        nothing_in(&dir.path().join("data")),
        "no draft in counter mode"
    );
    // The new complaint on the same decision was offered too, and said when to use it.
    assert!(
        said.contains("Vil du skrive en ny klage på samme vedtak?"),
        "{said}"
    );
    assert!(said.contains("for eksempel omsorgsbolig"), "{said}");
    // The exit names the letter and the case file, to delete them when the person has them.
    let bye = said
        .rfind("Skrankemodus: Svarene er ikke lagret.")
        .map(|i| &said[i..])
        .unwrap_or_else(|| panic!("no exit message:\n{text}"));
    assert!(bye.contains(&files[0].display().to_string()), "{bye}");
    assert!(bye.contains("klage.txt"), "{bye}");
}

#[test]
fn a_new_complaint_on_the_same_decision_in_line_mode_goes_to_the_service_question() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers = BOKMAAL.to_vec();
    answers.push(base.to_str().expect("path"));
    // Not sent yet; no other letter; a new complaint on the same decision: yes.
    answers.extend(["", "n", "j"]);
    let out = run_plain(&lines(&answers), dir.path(), &[]);
    let text = stdout(&out);
    let said = flat(&text);
    let asked = said
        .find("Vil du skrive en ny klage på samme vedtak? Svar j for ja eller n for nei:")
        .unwrap_or_else(|| panic!("not asked:\n{text}"));
    let after = &said[asked..];
    assert!(
        after.contains("Hvilken tjeneste gjelder vedtaket?"),
        "{after}"
    );
    // The service is the new complaint's own: nothing chosen.
    assert!(!after.contains("Praktisk bistand, valgt"), "{after}");
    // The finished case and the new one are saved, each as its own case.
    let saved = common::case_files(&dir.path().join("data"));
    assert_eq!(saved.len(), 2, "{saved:?}\n{text}");
    let raws: Vec<case::RawCase> = saved.iter().map(|p| common::raw_from_file(p)).collect();
    assert!(
        raws.iter()
            .any(|r| r.service.as_deref() == Some("praktisk-bistand"))
    );
    let new = raws
        .iter()
        .find(|r| r.service.is_none())
        .expect("the new complaint");
    assert_eq!(
        new.applicant.as_ref().and_then(|a| a.name.as_deref()),
        Some("Kari Nordmann")
    );
    assert_eq!(
        new.decision.as_ref().and_then(|d| d.reference.as_deref()),
        Some("26/1")
    );
}
