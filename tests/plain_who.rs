//! Who complains, and the attachments' titles, in line mode (issue #25): the real binary with
//! piped standard input, as a screen reader user drives it.

mod common;

use std::path::Path;
use std::process::Output;

fn run_plain(input: &str, data: &Path) -> Output {
    run_plain_in("nb", input, data)
}

fn run_plain_in(lang: &str, input: &str, data: &Path) -> Output {
    common::plain::run(lang, input.as_bytes(), data, &["--plain"])
}

/// The answers of a bokmål complaint for oneself up to the attachments step.
fn to_attachments() -> Vec<&'static str> {
    [
        common::plain::TO_SERVICES,
        &[
            "",  // one service in the decision: go on
            "1", // innsyn
            "",
        ],
    ]
    .concat()
}

#[test]
fn line_mode_asks_a_files_title_when_it_is_added_and_lists_it_again() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("lege_2026.pdf");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/klage-hjemmesykepleie.nb.pdf"),
        &file,
    )
    .expect("copy");
    let mut answers: Vec<String> = to_attachments().iter().map(|s| s.to_string()).collect();
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

/// The attachments of the draft saved in `data`, by title.
fn saved_titles(data: &Path) -> Vec<String> {
    let files = common::case_files(&data.join("data"));
    assert_eq!(files.len(), 1, "{files:?}");
    common::raw_from_file(&files[0])
        .attachments
        .unwrap_or_default()
        .iter()
        .map(|a| a.title().to_string())
        .collect()
}

#[test]
fn line_mode_renames_an_attachment_already_in_the_list() {
    // Issue #25: every attachment's title can be changed, not only a file's just added.
    let dir = tempfile::tempdir().expect("dir");
    let mut answers: Vec<&str> = to_attachments();
    answers.extend([
        "Uttalelse fra fastlegen", // added as 3
        "endre 9",                 // no such number: said, nothing changes
        "Endre 3",
        "Legeerklæring fra fastlegen, 12. oktober 2026",
        "endre 1", // the suggested copy of the decision, unticked until now
        "",        // Enter keeps the title as it is, and ticks it
    ]);
    let out = run_plain(&(answers.join("\n") + "\n"), dir.path());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // Line mode completes no file names: its hint says nothing about Tab.
    assert!(!text.contains("Tab fullfører"), "{text}");
    // The prompt says how.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Skriv «endre» og tallet for å gi et vedlegg et annet navn"),
        "{text}"
    );
    assert!(
        flat.contains(
            "Feil: Skriv «endre» og tallet foran vedlegget, for eksempel «endre 3». Tallet er \
             fra 1 til 3."
        ),
        "{text}"
    );
    // The long prompt once, then the short one.
    assert_eq!(
        flat.matches("Skriv «endre» og tallet for å gi et vedlegg et annet navn")
            .count(),
        1,
        "{text}"
    );
    assert!(
        flat.contains(
            "Skriv et tall for å krysse av, «endre» og et tall for nytt navn, eller et navn eller \
             en fil for å legge til. Bare Enter går videre:"
        ),
        "{text}"
    );
    // Asked with the title it has now, then the list again with the new one.
    assert!(
        text.contains("Hva skal vedlegget hete i brevet? [svar nå: Uttalelse fra fastlegen]:"),
        "{text}"
    );
    assert!(
        text.contains("3. Legeerklæring fra fastlegen, 12. oktober 2026, krysset av"),
        "{text}"
    );
    assert!(text.contains("1. Kopi av vedtaket, krysset av"), "{text}");
    // The draft keeps the new title; the old one is gone.
    assert_eq!(
        saved_titles(dir.path()),
        [
            "Kopi av vedtaket",
            "Legeerklæring fra fastlegen, 12. oktober 2026"
        ]
    );
}

#[test]
fn renaming_is_said_and_done_in_english_and_nynorsk() {
    for (lang, word, prompt, asked) in [
        (
            "en",
            "rename 3",
            "Type «rename» and the number to give an attachment another title",
            "What should the attachment be called in the letter?",
        ),
        (
            "nn",
            "endre 3",
            "Skriv «endre» og talet for å gje eit vedlegg eit anna namn",
            "Kva skal vedlegget heite i brevet?",
        ),
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let mut answers: Vec<&str> = to_attachments();
        // The letter's language is asked first in these interfaces: bokmål.
        answers.insert(1, "1");
        answers.extend(["Uttalelse fra fastlegen", word, "Legeerklæring"]);
        let out = run_plain_in(lang, &(answers.join("\n") + "\n"), dir.path());
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(prompt), "{lang}: {text}");
        assert!(text.contains(asked), "{lang}: {text}");
        assert!(
            saved_titles(dir.path()).contains(&"Legeerklæring".to_string()),
            "{lang}: {text}"
        );
        assert!(
            !saved_titles(dir.path()).contains(&"Uttalelse fra fastlegen".to_string()),
            "{lang}"
        );
    }
}

/// The verge's own document (vergefullmakt) is one fixed line: `endre` on it says so in words and
/// changes nothing (issue #25: the vergefullmakt is one line, in the letter's language).
#[test]
fn the_vergefullmakt_line_keeps_its_title_and_says_why() {
    let dir = tempfile::tempdir().expect("dir");
    let cases = dir.path().join("data").join("cases");
    std::fs::create_dir_all(&cases).expect("cases");
    let mut json = common::case_json("role-verge-nb.json");
    json["draft"] = serde_json::json!({ "step": "attachments" });
    common::write_json(&cases, "20261118-140200.json", &json);
    // The saved case (3 on the start screen), go on with the complaint, then "endre 4".
    let out = run_plain("3\n\nendre 4\n", dir.path());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("4. Vergefullmakt, krysset av"), "{text}");
    assert!(
        text.contains("Feil: Navnet på «Vergefullmakt» står fast, det kan ikke endres."),
        "{text}"
    );
    let raw = common::raw_from_file(&common::case_files(&dir.path().join("data"))[0]);
    let titles: Vec<String> = raw
        .attachments
        .unwrap_or_default()
        .iter()
        .map(|a| a.title().to_string())
        .collect();
    assert!(
        !titles.iter().any(|t| t.contains("Verjefullmakt")),
        "{titles:?}"
    );
}
