//! Who complains, and the attachments' titles, in line mode (issue #25): the real binary with
//! piped standard input, as a screen reader user drives it.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::BIN;

fn run_plain(input: &str, data: &Path) -> Output {
    let mut child = Command::new(BIN)
        .args(["--today", "2026-11-20", "--lang", "nb", "--plain"])
        .env("OMSORGSKLAGE_DATA", data.join("data"))
        .env("HOME", data)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start omsorgsklage");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("run");
    writer.join().expect("writer");
    out
}

/// The answers of a bokmål complaint for oneself up to the attachments step.
const TO_ATTACHMENTS: &[&str] = &[
    "",
    "1",
    "prakt",
    "1",
    "1",
    "02.11.2026",
    "05.11.2026",
    "",
    "26/1",
    "",
    "Jeg har KOLS.",
    ".",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "", // one service in the decision: go on
    "1",
    "",
];

#[test]
fn line_mode_asks_a_files_title_when_it_is_added_and_lists_it_again() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("lege_2026.pdf");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/klage-hjemmesykepleie.nb.pdf"),
        &file,
    )
    .expect("copy");
    let mut answers: Vec<String> = TO_ATTACHMENTS.iter().map(|s| s.to_string()).collect();
    answers.push(file.display().to_string());
    answers.push("Legeerklæring fra fastlegen".into());
    let out = run_plain(&(answers.join("\n") + "\n"), dir.path());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // The file's name is the suggestion; the title given replaces it.
    assert!(
        text.contains("Hva skal vedlegget hete i brevet? [svar nå: Lege 2026]:"),
        "{text}"
    );
    assert!(
        text.contains("3. Legeerklæring fra fastlegen, krysset av"),
        "{text}"
    );
}

#[test]
fn line_mode_asks_who_complains_once_with_the_carer_among_the_answers() {
    let dir = tempfile::tempdir().expect("dir");
    // A helper of a carer: who complains (4), what the helper is (4), the relation, a fullmakt,
    // the carer's name; the service list then holds the three services a carer may complain
    // about.
    let input = ["", "4", "4", "datter", "1", "Ola Nilsen", "", ""].join("\n") + "\n";
    let out = run_plain(&input, dir.path());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("4. Jeg hjelper en som gir omsorg, med å klage på egne vegne"),
        "{text}"
    );
    assert!(
        text.contains("Hvem er det som gir omsorg og klager?"),
        "{text}"
    );
    let services = text
        .split("Hvilken tjeneste gjelder vedtaket?")
        .nth(1)
        .expect("the service question");
    assert!(services.contains("Avlastning"), "{services}");
    assert!(!services.contains("Hjemmesykepleie"), "{services}");
    assert!(!text.contains("Klager du på egne vegne, som den som gir omsorg?"));
}
