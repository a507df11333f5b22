//! The line-by-line mode (`--plain`), driven as another program would drive it: the real binary
//! with piped standard input and output. From the start to a saved letter in each interface
//! language; the letter is the same as `render::text` writes for the same answers (and so the
//! same as the terminal wizard's); nothing in the output moves a cursor, colours or draws boxes;
//! the end of the input and bytes that are not text end the program cleanly.

mod common;

use std::io::Write;
use std::path::Path;

use common::letter_text as letter_for;
use common::plain::{BOKMAAL, lines, run as run_plain, stdout};
use common::{BIN, pty, today};
use std::process::{Command, Stdio};

use omsorgsklage::domain::case::{
    self, RawCase, RawDecision, RawGrounds, RawMunicipality, RawPerson, RawRepresentative,
    RawRequests,
};
use omsorgsklage::domain::letter::LetterKind;

/// Nothing that a screen reader would read out as noise or that needs a full-screen terminal:
/// no escape sequences (colour, cursor movement, alternate screen) and no box drawing.
fn assert_plain_text(out: &str) {
    assert!(!out.contains('\u{1b}'), "an escape character in:\n{out}");
    if let Some(c) = out.chars().find(|c| ('\u{2500}'..='\u{257f}').contains(c)) {
        panic!("box drawing {c:?} in:\n{out}");
    }
}

#[test]
fn bokmaal_from_the_start_to_a_saved_letter() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers = BOKMAAL.to_vec();
    answers.push(base.to_str().expect("path"));
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_plain_text(&text);
    // Questions are numbered and the state of a choice is said in words.
    assert!(text.contains("Steg 1 av 12: Hvem skriver"), "{text}");
    assert!(text.contains("3. Bokmål, valgt"), "{text}");
    assert!(text.contains("1. Be om å få se dokumentene i saken (innsyn), krysset av"));
    assert!(text.contains("Forstått som torsdag 5. november 2026."));
    // After the first line of a long answer, how to end it is said in words.
    assert!(
        text.contains("Skriv videre, eller punktum alene når du er ferdig:"),
        "{text}"
    );
    assert!(text.contains("Siste dag å klage: torsdag 3. desember 2026"));
    assert!(text.contains("Lagret: "), "{text}");

    let raw = common::bokmaal_walk_case(RawGrounds {
        health: Some("Jeg har KOLS.\nJeg blir fort andpusten.".into()),
        ..Default::default()
    });
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    assert_eq!(written, letter_for(&raw));
    // The preview showed exactly that letter.
    assert!(text.contains(written.trim_end()), "{text}");
}

#[test]
fn nynorsk_for_someone_else_with_a_power_of_attorney_to_sign() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage-far");
    let input = lines(&[
        "",           // start
        "2",          // for someone else
        "4",          // a relative, friend or other helper
        "dotter",     // relation
        "2",          // no power of attorney yet
        "Ola Hansen", // who the decision is about (#25)
        "",           // no birth date
        "1",          // heimesjukepleie, from the whole list
        "3",          // cut
        "2026-11-02",
        "05.11.2026",
        "",
        "26/1234",
        "Heimesjukepleie tre gonger om dagen",
        "Heimesjukepleie éin gong om dagen",
        "Far har hjartesvikt.",
        ".",
        "<", // back to the health question: the answer is still there
        "?", // help
        "",  // keep it and go on
        "Han klarer ikkje å ta medisinane sjølv.",
        ".",
        "",
        "",
        "",
        "",
        "",
        "",  // outcome
        "",  // one service in the decision: go on
        "2", // postponement
        "",
        "", // attachments
        "Ola Hansen",
        "Storgata 1",
        "9008",
        "Tromsø",
        "",
        "",
        "",
        "Kari Hansen",
        "Fjellvegen 3",
        "9010",
        "Tromsø",
        "",
        "",
        "", // municipality
        "Postboks 6900",
        "9299 Tromsø",
        "",
        "",
        "",
        "",  // as text
        "j", // and a power of attorney to sign
        base.to_str().expect("path"),
    ]);
    let out = run_plain("nn", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_plain_text(&text);
    assert!(
        text.contains("No står det:\nFar har hjartesvikt."),
        "{text}"
    );
    // The help explains the question, why it is asked, and how to answer here.
    assert!(text.contains("Desse spørsmåla hjelper deg å forklare kvifor vedtaket er feil"));
    assert!(text.contains("Skriv «attende» (eller <)"), "{text}");

    let raw = RawCase {
        format: Some("omsorgsklage/1".into()),
        language: Some("nn".into()),
        service: Some("hjemmesykepleie".into()),
        situation: Some("redusert".into()),
        representative: Some(RawRepresentative {
            name: Some("Kari Hansen".into()),
            address: Some("Fjellvegen 3".into()),
            postcode: Some("9010".into()),
            city: Some("Tromsø".into()),
            relation: Some("dotter".into()),
            power_of_attorney: Some(false),
            ..Default::default()
        }),
        decision: Some(RawDecision {
            date: Some("2026-11-02".into()),
            received: Some("2026-11-05".into()),
            reference: Some("26/1234".into()),
            applied_for: Some("Heimesjukepleie tre gonger om dagen".into()),
            granted: Some("Heimesjukepleie éin gong om dagen".into()),
            route: None,
        }),
        grounds: Some(RawGrounds {
            health: Some("Far har hjartesvikt.".into()),
            daily_life: Some("Han klarer ikkje å ta medisinane sjølv.".into()),
            ..Default::default()
        }),
        requests: Some(RawRequests {
            access_to_documents: Some(false),
            postponement: Some(true),
            reasons: None,
        }),
        applicant: Some(RawPerson {
            name: Some("Ola Hansen".into()),
            address: Some("Storgata 1".into()),
            postcode: Some("9008".into()),
            city: Some("Tromsø".into()),
            ..Default::default()
        }),
        municipality: Some(RawMunicipality {
            number: Some("5501".into()),
            name: Some("Tromsø".into()),
            address: Some(vec!["Postboks 6900".into(), "9299 Tromsø".into()]),
            district: None,
        }),
        ..Default::default()
    };
    let written = std::fs::read_to_string(dir.path().join("klage-far.txt")).expect("letter");
    assert_eq!(written, letter_for(&raw));
    let fullmakt =
        omsorgsklage::export::default_file_name(LetterKind::Fullmakt, "Ola Hansen", today());
    let fullmakt = dir.path().join(fullmakt).with_extension("txt");
    assert!(fullmakt.exists(), "no {}:\n{text}", fullmakt.display());
}

#[test]
fn english_interface_with_a_search_by_number_and_both_formats() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("complaint");
    let input = lines(&[
        "",    // start
        "1",   // the letter in bokmål
        "1",   // for myself
        "bpa", // search
        "1",
        "2", // partly granted
        "02.11.2026",
        "2026-11-05",
        "",
        "",
        "BPA 20 timer i uken",
        "BPA 8 timer i uken",
        "", // health: skipped
        "Jeg klarer ikke å dusje alene.",
        ".",
        "",
        "",
        "",
        "",
        "",
        "Jeg ber om BPA 20 timer i uken.",
        ".",
        "",  // one service in the decision: go on
        "",  // requests
        "2", // legeerklæring
        "",
        "Per Olsen",
        "Bryggen 2",
        "5003",
        "Bergen",
        "",
        "",
        "",
        "4601", // the municipality by its number
        "1",
        "Postboks 7700",
        "5020 Bergen",
        "",
        "",
        "",
        "3", // text and PDF
        base.to_str().expect("path"),
    ]);
    let out = run_plain("en", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_plain_text(&text);
    assert!(text.contains("Step 1 of 12"), "{text}");
    assert!(text.contains("Understood as"), "{text}");
    let raw = RawCase {
        format: Some("omsorgsklage/1".into()),
        language: Some("nb".into()),
        service: Some("bpa".into()),
        situation: Some("delvis".into()),
        decision: Some(RawDecision {
            date: Some("2026-11-02".into()),
            received: Some("2026-11-05".into()),
            applied_for: Some("BPA 20 timer i uken".into()),
            granted: Some("BPA 8 timer i uken".into()),
            ..Default::default()
        }),
        grounds: Some(RawGrounds {
            daily_life: Some("Jeg klarer ikke å dusje alene.".into()),
            ..Default::default()
        }),
        outcome: Some("Jeg ber om BPA 20 timer i uken.".into()),
        attachments: Some(vec!["Legeerklæring".into()]),
        applicant: Some(RawPerson {
            name: Some("Per Olsen".into()),
            address: Some("Bryggen 2".into()),
            postcode: Some("5003".into()),
            city: Some("Bergen".into()),
            ..Default::default()
        }),
        municipality: Some(RawMunicipality {
            number: Some("4601".into()),
            name: Some("Bergen".into()),
            address: Some(vec!["Postboks 7700".into(), "5020 Bergen".into()]),
            district: None,
        }),
        ..Default::default()
    };
    let written = std::fs::read_to_string(dir.path().join("complaint.txt")).expect("letter");
    assert_eq!(written, letter_for(&raw));
    let pdf = std::fs::read(dir.path().join("complaint.pdf")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn the_end_of_the_input_stops_cleanly_and_says_where_the_answers_are() {
    let dir = tempfile::tempdir().expect("dir");
    // Myself, and the service: the first answer that is kept.
    let out = run_plain(
        "nb",
        &lines(&["", "1", "prakt", "1"]),
        dir.path(),
        &["--plain"],
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_plain_text(&text);
    assert!(text.contains("Det kom ikke mer å lese"), "{text}");
    assert!(text.contains("Brevet er ikke lagret."), "{text}");
    // The answer given is kept in a draft, and the program says where.
    assert!(text.contains("Svarene er lagret i"), "{text}");
}

#[test]
fn bytes_that_are_not_utf8_give_a_clear_message() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_plain("nb", b"\n\xff\xfeKari\n1\n", dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(text.contains("ikke er UTF-8"), "{text}");
    assert_plain_text(&text);
}

#[test]
fn without_plain_a_pipe_starts_the_line_mode_too() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_plain("nn", b"", dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.starts_with("Omsorgsklage, linjemodus."), "{text}");
    assert_plain_text(&text);
}

#[test]
fn wrong_answers_are_said_in_words_and_asked_again() {
    let dir = tempfile::tempdir().expect("dir");
    let input = lines(&[
        "",
        "7", // not a choice
        "",  // no answer yet
        "1",
        "zzz", // no service fits
        "annet",
        "1", // something else
        "",  // the service in own words is required
        "ergoterapi",
        "1",
        "31.02.2026", // not a date
        "01.11.2026",
    ]);
    let out = run_plain("nb", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_plain_text(&text);
    assert!(
        text.contains("Feil: «7» er ikke et av valgene. Skriv et tall fra 1 til 4."),
        "{text}"
    );
    assert!(text.contains("Feil: Du har ikke svart ennå."), "{text}");
    assert!(text.contains("Ingen tjenester passer «zzz»"), "{text}");
    assert!(
        text.contains("Dette må rettes før du kan gå videre (1):"),
        "{text}"
    );
    assert!(
        text.contains("- Tjenesten: Skriv hvilken tjeneste vedtaket gjelder."),
        "{text}"
    );
    assert!(text.contains("Februar 2026 har bare 28 dager"), "{text}");
    // A refused value never becomes the answer shown as the current one.
    assert!(!text.contains("31.02.2026]"), "{text}");
    assert!(
        text.contains("Forstått som søndag 1. november 2026."),
        "{text}"
    );
}

#[test]
fn going_back_from_the_first_question_to_the_start_and_quitting() {
    let dir = tempfile::tempdir().expect("dir");
    // "<" on the start screen asks to quit (the language chosen is not an answer).
    let out = run_plain("nb", &lines(&["", "<", "<", "j"]), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Programmet er avsluttet."), "{text}");
}

#[test]
fn a_dumb_terminal_gets_the_line_mode() {
    let dir = tempfile::tempdir().expect("dir");
    let mut cmd = pty::wizard(&dir.path().join("data"), dir.path(), &[]);
    cmd.env("TERM", "dumb");
    let mut t = pty::Term::spawn(cmd);
    t.wait_for_output("Skriv et tall fra 1 til 5");
    // Ctrl+D on an empty line: the end of the input.
    t.send(pty::CTRL_D);
    t.wait_for_output("Det kom ikke mer å lese");
    let status = t.wait_exit();
    assert_eq!(status.exit_code(), 1);
    let text = t.output();
    assert!(text.starts_with("Omsorgsklage, linjemodus."), "{text}");
    assert_plain_text(&text);
}

#[test]
fn an_existing_file_is_not_replaced_without_asking() {
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("klage.txt");
    std::fs::write(&old, "the old letter").expect("write");
    let mut answers = BOKMAAL.to_vec();
    let base = dir.path().join("klage");
    let other = dir.path().join("klage-2");
    answers.extend([
        base.to_str().expect("path"),
        "n", // do not replace
        other.to_str().expect("path"),
    ]);
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Disse filene finnes allerede:"), "{text}");
    assert!(
        text.contains("Ingenting ble lagret. Endre filnavnet og prøv igjen."),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(&old).expect("old"),
        "the old letter"
    );
    assert!(dir.path().join("klage-2.txt").exists(), "{text}");
}

/// A data folder with the example case imported as a saved case; returns its id.
fn saved_example(dir: &Path) -> String {
    let example = common::cmd()
        .args(["example", "--service", "hjemmesykepleie"])
        .output()
        .expect("example");
    let file = dir.join("sak.json");
    std::fs::write(&file, &example.stdout).expect("write");
    let out = common::cmd_in(&dir.join("data"))
        .args(["--lang", "nb", "cases", "import"])
        .arg(&file)
        .output()
        .expect("import");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(0), "{text}");
    text.split("id ")
        .nth(1)
        .and_then(|s| s.split(['.', '\n', ' ']).next())
        .expect("the id")
        .to_string()
}

#[test]
fn a_saved_case_opens_on_its_timeline_and_writes_a_request_for_innsyn() {
    let dir = tempfile::tempdir().expect("dir");
    saved_example(dir.path());
    let base = dir.path().join("innsyn");
    let input = lines(&[
        "3", // the saved case (after "new complaint" and "another letter")
        "3", // Krav om innsyn: the case has every answer it needs
        "",  // check answers: go on
        "",  // the preview: go on
        "",  // as text
        base.to_str().expect("path"),
    ]);
    let out = run_plain("nb", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_plain_text(&text);
    assert!(text.contains("Saken din"), "{text}");
    assert!(text.contains("Tidslinje:"), "{text}");
    assert!(text.contains("siste dag å klage"), "{text}");
    assert!(text.contains("3. Krav om innsyn"), "{text}");
    let written = std::fs::read_to_string(dir.path().join("innsyn.txt")).expect("letter");
    assert!(
        written.contains("Krav om innsyn i saken om hjemmesykepleie"),
        "{written}"
    );
    assert!(written.contains("forvaltningsloven § 18"), "{written}");
    // Not a complaint: no question about sending one.
    assert!(!text.contains("Har du sendt klagen?"), "{text}");
}

#[test]
fn after_saving_the_complaint_the_date_it_was_sent_is_asked_and_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let id = saved_example(dir.path());
    let base = dir.path().join("klage");
    let input = lines(&[
        "3", // the saved case
        "1", // go on with the complaint: check answers
        "",  // go on
        "",  // the preview
        "",  // as text
        base.to_str().expect("path"),
        "31.12.2026", // not yet: asked again
        "20.11.2026",
    ]);
    let out = run_plain("nb", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Har du sendt klagen?"), "{text}");
    assert!(text.contains("Denne dagen har ikke kommet ennå"), "{text}");
    assert!(
        text.contains("Klagen ble sendt 20. november 2026."),
        "{text}"
    );
    // Kept in the saved case: its timeline says when an answer is due.
    let show = common::cmd_in(&dir.path().join("data"))
        .args(["--lang", "nb", "cases", "show", &id])
        .output()
        .expect("show");
    let shown = String::from_utf8_lossy(&show.stdout);
    assert!(
        shown.contains("20. november 2026: klagen ble sendt"),
        "{shown}"
    );
    // A month later is Sunday 20 December: the answer is due the next working day.
    assert!(shown.contains("21. desember 2026"), "{shown}");
    let list = common::cmd_in(&dir.path().join("data"))
        .args(["--today", "2026-12-22", "--lang", "nb", "cases", "list"])
        .output()
        .expect("list");
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(
        listed.contains(
            "klagen sendt 20. november 2026; INGEN SVAR INNEN 21. desember 2026? Send en purring"
        ),
        "{listed}"
    );
}

#[test]
fn a_new_complaint_after_opening_a_saved_case_is_blank_in_line_mode_too() {
    let dir = tempfile::tempdir().expect("dir");
    saved_example(dir.path());
    let data = dir.path().join("data");
    let saved = common::case_files(&data);
    assert_eq!(saved.len(), 1);
    let before = std::fs::read(&saved[0]).expect("read");
    let input = lines(&[
        "3", // the saved case: its case screen
        "<", // back to the start
        "1", // start a new complaint
        "2", // for someone else: the first answer of the new case
    ]);
    let out = run_plain("nb", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert!(text.contains("Saken din"), "{text}");
    // The first question of the new complaint, as printed: no answer given.
    let who = text
        .rfind("Hvem skriver klagen?")
        .expect("the first question");
    let asked = &text[who..];
    let asked = &asked[..asked.find("Hva er du for").unwrap_or(asked.len())];
    assert!(
        asked.contains("1. Jeg klager på et vedtak om meg selv"),
        "{asked}"
    );
    assert!(!asked.contains("valgt"), "{asked}");
    assert!(!asked.contains("nå:"), "{asked}");
    // A new case beside the saved one, which is as it was.
    let files = common::case_files(&data);
    assert_eq!(files.len(), 2, "{files:?}\n{text}");
    assert_eq!(std::fs::read(&saved[0]).expect("read"), before);
}

#[test]
fn counter_mode_in_line_mode_forgets_the_last_person() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers = BOKMAAL.to_vec();
    answers.push(base.to_str().expect("path"));
    // Not taking the case along, no new complaint on the same decision; the next person: start,
    // for myself, and the service question.
    answers.extend(["n", "n", "j", "", "1"]);
    let out = run_plain(
        "nb",
        &lines(&answers),
        dir.path(),
        &["--plain", "--counter"],
    );
    let text = stdout(&out);
    assert!(text.contains("Lagret: "), "{text}");
    let next = text
        .find("Neste person?")
        .expect("asked for the next person");
    let after = &text[next..];
    assert!(
        after.contains("Hvilken tjeneste gjelder vedtaket?"),
        "{after}"
    );
    for p in [
        "Kari Nordmann",
        "26/1",
        "KOLS",
        "nå:",
        "Praktisk bistand, valgt",
    ] {
        assert!(!after.contains(p), "{p:?} of the last person in:\n{after}");
    }
    // Nothing kept but the letter person 1 saved.
    assert!(dir.path().join("klage.txt").exists());
    assert!(
        !dir.path().join("data").exists()
            || std::fs::read_dir(dir.path().join("data"))
                .expect("dir")
                .next()
                .is_none()
    );
}

#[test]
fn dates_are_read_as_people_write_them_and_a_refused_one_is_not_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let input = lines(&[
        "",      // start
        "1",     // for myself
        "prakt", // search the services
        "1",     // praktisk bistand
        "1",     // refused
        "29.02.2026",
        "2. nov.",
        "abc",
        "i går",
    ]);
    let out = run_plain("nb", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert!(
        text.contains("Feil: Februar 2026 har bare 28 dager."),
        "{text}"
    );
    assert!(!text.contains("29.02.2026]"), "{text}");
    assert!(
        text.contains("Forstått som mandag 2. november 2026."),
        "{text}"
    );
    assert!(text.contains("«abc» er ikke en dato"), "{text}");
    assert!(!text.contains("abc]"), "{text}");
    assert!(
        text.contains("Forstått som torsdag 19. november 2026."),
        "{text}"
    );
}

#[test]
fn postcode_town_phone_warning_and_a_misspelt_municipality() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers: Vec<&str> = BOKMAAL.to_vec();
    // From the person's postcode on: the town is suggested, the phone number is questioned, and
    // the municipality is found through a typo.
    let at = answers.iter().position(|a| *a == "9008").expect("postcode");
    answers.splice(
        at..at + 6,
        [
            "9008", "",     // the town suggested from the postcode
            "1234", // phone: questioned, kept
            "", "",      // e-mail, birth date
            "Bærun", // the municipality, misspelt
            "2",     // the guess, after the postcode's municipality (issue #26)
        ],
    );
    answers.push(base.to_str().expect("path"));
    answers.push(""); // not sent yet
    answers.push("j"); // another letter: to the case
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert!(
        text.contains("Poststedet som hører til postnummeret. Du kan endre det."),
        "{text}"
    );
    // The answer kept is announced so that a screen reader does not read "no".
    assert!(text.contains("[svar nå: Tromsø]"), "{text}");
    // At the end, the other letters are offered as in the wizard.
    assert!(
        text.contains("Vil du skrive et annet brev nå, for eksempel fullmakt"),
        "{text}"
    );
    assert!(text.contains("Saken din"), "{text}");
    assert!(text.contains("Krav om innsyn"), "{text}");
    // The input ends there: the letter is saved, and that is said.
    assert!(text.contains("Brevet er lagret."), "{text}");
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Merk: «1234» ser ikke ut som et telefonnummer"),
        "{text}"
    );
    assert!(
        text.contains("Ingen kommune heter «Bærun». Mente du en av disse?"),
        "{text}"
    );
    assert!(text.contains("1. Tromsø (Troms, 5501)"), "{text}");
    assert!(text.contains("2. Bærum (Akershus, 3201)"), "{text}");
    // A guess is never what Enter alone takes.
    assert!(!text.contains("Enter velger 2. Bærum"), "{text}");
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    assert!(written.contains("Bærum kommune"), "{written}");
    assert!(written.contains("9008 Tromsø"), "{written}");
}

#[test]
fn the_municipality_is_filled_in_from_a_town_written_without_aeoa() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers: Vec<&str> = BOKMAAL.to_vec();
    let at = answers.iter().position(|a| *a == "Tromsø").expect("town");
    answers[at] = "Tromso";
    answers.push(base.to_str().expect("path"));
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    assert!(written.contains("Tromsø kommune"), "{written}");
}

/// The draft saved when the input ends ("Svarene er lagret i PATH.").
#[test]
fn line_mode_asks_for_the_reasons_the_decision_lacks_in_the_complaint() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers = BOKMAAL.to_vec();
    // The fourth "1": who, the service, what happened, innsyn.
    let innsyn = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| **a == "1")
        .nth(3)
        .expect("innsyn")
        .0;
    // Refused, not cut: 1 innsyn, 2 the reasons.
    answers.insert(innsyn + 1, "2");
    answers.push(base.to_str().expect("path"));
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert!(
        text.contains("2. Vedtaket mangler begrunnelse – be om den i klagen, krysset av"),
        "{text}"
    );
    assert!(
        text.contains("Send klagen innen fristen likevel."),
        "{text}"
    );
    assert!(text.contains("innsyn, begrunnelse for vedtaket"), "{text}");
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    let flat = written.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Et vedtak skal begrunnes"), "{flat}");
    assert!(!flat.contains("avbryt"), "{flat}");
}

fn saved_draft(text: &str) -> RawCase {
    let line = text
        .lines()
        .find(|l| l.contains("Svarene er lagret i"))
        .unwrap_or_else(|| panic!("no saved draft in:\n{text}"));
    let path = line
        .split("Svarene er lagret i ")
        .nth(1)
        .expect("path")
        .split_whitespace()
        .next()
        .expect("path")
        .trim_end_matches('.');
    case::read(&std::fs::read(path).expect("draft")).expect("a case file")
}

#[test]
fn plain_mode_asks_what_the_writer_is_and_who_a_carer_cares_for() {
    // A mother complains for her child: what she is comes before anything about a fullmakt,
    // which a parent is never asked. Enter alone on that question chooses nothing (#25).
    let dir = tempfile::tempdir().expect("dir");
    let out = run_plain(
        "nb",
        &lines(&["", "2", "", "1", "mor", "Emil Haugen", "14.03.2014"]),
        dir.path(),
        &["--plain"],
    );
    let text = stdout(&out);
    assert_plain_text(&text);
    assert!(
        text.contains("Skriver du som forelder, verge, advokat eller hjelper?"),
        "{text}"
    );
    let role = text
        .split("Skriver du som forelder, verge, advokat eller hjelper?")
        .nth(1)
        .expect("the role question");
    assert!(role.contains("Feil: Du har ikke svart ennå."), "{role}");
    assert!(!role.contains("Enter velger"), "{role}");
    // Who the child is comes before the details.
    assert!(text.contains("Hvem er barnet?"), "{text}");
    assert!(
        text.contains("Jeg er mor eller far til et barn under 18 år"),
        "{text}"
    );
    assert!(
        text.contains("Hvilken tjeneste gjelder vedtaket?"),
        "{text}"
    );
    assert!(!text.contains("Har du en skriftlig fullmakt?"), "{text}");
    let rep = saved_draft(&text).representative.expect("representative");
    assert_eq!(rep.role.as_deref(), Some("forelder"));
    assert_eq!(rep.relation.as_deref(), Some("mor"));

    // A carer of a child, complaining about respite care in her own name: said once, on who
    // complains (#25); the services listed are those a carer may complain about.
    let dir = tempfile::tempdir().expect("dir");
    let input = lines(&[
        "",
        "3",
        "avlast",
        "1",
        "Tobias Haugen",
        "14.09.2012",
        "sønn",
    ]);
    let out = run_plain("nb", &input, dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert!(text.contains("Hvem gir du omsorg til?"), "{text}");
    assert!(
        text.contains("Jeg gir omsorg til en annen og klager på egne vegne"),
        "{text}"
    );
    assert!(!text.contains("Klager du på egne vegne, som den som gir omsorg?"));
    let raw = saved_draft(&text);
    assert_eq!(raw.complainant_is_carer, Some(true));
    let cf = raw.cared_for.expect("cared_for");
    assert_eq!(cf.name.as_deref(), Some("Tobias Haugen"));
    assert_eq!(cf.birth_date.as_deref(), Some("2012-09-14"));
    assert_eq!(cf.relation.as_deref(), Some("sønn"));
}

/// The answers of a bokmål complaint up to the attachments step (nothing ticked yet).
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
    "", // grounds and outcome
    "", // one service in the decision: go on
    "1",
    "", // innsyn
];

/// From the attachments step to a saved PDF at `base`.
fn after_attachments(base: &Path) -> Vec<String> {
    [
        "",
        "Kari Nordmann",
        "Storgata 1",
        "9008",
        "Tromsø",
        "",
        "",
        "",
        "",
        "Postboks 6900",
        "9299 Tromsø",
        "",
        "",
        "",
        "2",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([base.display().to_string()])
    .collect()
}

fn pdf_pages(path: &Path) -> usize {
    lopdf::Document::load(path)
        .expect("lopdf reads the PDF")
        .get_pages()
        .len()
}

#[test]
fn line_mode_adds_shows_and_removes_a_file_attachment() {
    let dir = tempfile::tempdir().expect("dir");
    // A PDF to attach: the program's own example letter.
    let attached = dir.path().join("legeerklaering.pdf");
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/sak-hjemmesykepleie.json");
    let made = Command::new(BIN)
        .args([
            "--today",
            "2026-11-20",
            "render",
            "--format",
            "pdf",
            "--out",
        ])
        .arg(&attached)
        .arg(&example)
        .output()
        .expect("render");
    assert!(made.status.success(), "{made:?}");
    let attached_pages = pdf_pages(&attached);
    let path = attached.display().to_string();
    let missing = dir.path().join("flyttet.pdf").display().to_string();

    // Added, unticked (not sent), added again, a missing file refused, then on with Enter.
    let base = dir.path().join("klage");
    let mut answers: Vec<String> = TO_ATTACHMENTS.iter().map(|s| s.to_string()).collect();
    answers.extend([
        "1".into(),
        path.clone(),
        "".into(), // the title: the file's name, as suggested
        "3".into(),
        path.clone(),
        missing.clone(),
    ]);
    answers.extend(after_attachments(&base));
    let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_plain_text(&text);
    // Shown with its kind, pages and size, ticked; then unticked; then ticked again.
    assert!(text.contains("3. Legeerklaering, krysset av"), "{text}");
    assert!(
        text.contains(&format!("PDF, {attached_pages} sider")),
        "{text}"
    );
    assert!(text.contains(&format!("kB – {path}")), "{text}");
    assert!(
        text.contains("3. Legeerklaering, ikke krysset av"),
        "{text}"
    );
    assert_eq!(
        text.matches("Legeerklaering, krysset av").count(),
        4,
        "ticked when added, after its title is kept (#25), again when added again, and on the \
         next screen: {text}"
    );
    // The missing file is named, not added, and Enter still goes on.
    assert!(
        text.contains(&format!("finner ikke filen «{missing}»")),
        "{text}"
    );
    assert!(!text.contains("4. Flyttet"), "{text}");
    assert!(
        text.contains("Vedleggene ligger i samme PDF-fil som brevet."),
        "{text}"
    );
    // One PDF: the letter, then the attached file's pages; the letter lists both attachments.
    let letter = dir.path().join("klage.pdf");
    let pages = pdf_pages(&letter);
    let case = common::case_files(&dir.path().join("data"));
    assert_eq!(case.len(), 1, "{case:?}");
    let raw = common::raw_from_file(&case[0]);
    let alone = omsorgsklage::render::pdf::render(
        &omsorgsklage::render::complaint(
            &case::check(
                &RawCase {
                    attachments: Some(vec!["Kopi av vedtaket".into(), "Legeerklaering".into()]),
                    ..raw.clone()
                },
                today(),
            )
            .case
            .expect("complete"),
        )
        .expect("letter"),
    )
    .expect("pdf");
    let letter_pages = lopdf::Document::load_mem(&alone.bytes)
        .expect("pdf")
        .get_pages()
        .len();
    assert_eq!(pages, letter_pages + attached_pages);
    let files: Vec<_> = raw
        .attachments
        .unwrap_or_default()
        .iter()
        .map(|a| (a.title().to_string(), a.file().map(str::to_string)))
        .collect();
    assert_eq!(
        files,
        vec![
            ("Kopi av vedtaket".to_string(), None),
            ("Legeerklaering".to_string(), Some(path.clone()))
        ]
    );

    // Added and unticked: the file is not in the case, and the PDF is the letter alone.
    let dir2 = tempfile::tempdir().expect("dir");
    let base = dir2.path().join("klage");
    let mut answers: Vec<String> = TO_ATTACHMENTS.iter().map(|s| s.to_string()).collect();
    answers.extend([path.clone(), "".into(), "3".into()]);
    answers.extend(after_attachments(&base));
    let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
    let out = run_plain("nb", &lines(&answers), dir2.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("3. Legeerklaering, ikke krysset av"),
        "{text}"
    );
    assert!(
        !text.contains("Vedleggene ligger i samme PDF-fil"),
        "{text}"
    );
    let raw = common::raw_from_file(&common::case_files(&dir2.path().join("data"))[0]);
    assert!(
        raw.attachments
            .unwrap_or_default()
            .iter()
            .all(|a| a.file().is_none()),
        "the unticked file is not kept"
    );
    assert!(pdf_pages(&base.with_extension("pdf")) < pages);
}

#[test]
fn line_mode_says_a_complaint_a_year_after_the_decision_can_no_longer_be_considered() {
    let dir = tempfile::tempdir().expect("tmp");
    // Decided 2 October 2025; today is 20 November 2026. The input ends at the rights screen.
    let input = lines(&["", "1", "prakt", "1", "1", "02.10.2025", "05.10.2025"]);
    let out = run_plain("nb", &input, dir.path(), &[]);
    let text = stdout(&out);
    assert_plain_text(&text);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Det har gått mer enn ett år siden vedtaket ble gjort. Da kan klagen ikke lenger tas under behandling (forvaltningsloven § 31 tredje ledd).",
        "Søk på nytt, og skriv hvilken hjelp du trenger i dag.",
        "(forvaltningsloven § 35)",
        "telefon 40 50 16 00",
    ] {
        assert!(flat.contains(want), "missing {want:?} in {flat}");
    }
    assert!(!flat.contains("likevel klage"), "{flat}");
}

// --- issue 27: line mode as a screen-reader user lives in it ------------------------------------

/// The bokmål walk-through with the daily-life answer written in two paragraphs, with help, a
/// word command and `<` typed inside it, then added to.
fn paragraphs_walk() -> Vec<&'static str> {
    let health = BOKMAAL
        .iter()
        .position(|a| *a == "Jeg har KOLS.")
        .expect("health");
    let mut answers = BOKMAAL[..health].to_vec();
    answers.extend([
        "Jeg har KOLS.",
        ".",
        // Daily life: two paragraphs, help twice (symbol and word), then back.
        "Jeg bor alene,",
        "og trappen er bratt.",
        "",
        "Jeg faller ofte om natten.",
        "?",
        "hjelp",
        "<",
        // Back on the health question: kept.
        "",
        // Daily life again: what is there is added to, ended with the word.
        "legg til",
        "Naboen min må hjelpe meg.",
        "ferdig",
    ]);
    // The rest, from the safety question on.
    let rest = BOKMAAL[health..]
        .iter()
        .position(|a| *a == ".")
        .expect("end of health")
        + health
        + 2;
    answers.extend_from_slice(&BOKMAAL[rest..]);
    answers
}

#[test]
fn a_long_answer_holds_paragraphs_and_commands_inside_it_never_reach_the_letter() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers = paragraphs_walk();
    answers.push(base.to_str().expect("path"));
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_plain_text(&text);
    // Every long-text prompt says how to end the answer, in words.
    assert!(
        text.contains("Skriv videre, eller punktum alene når du er ferdig:"),
        "{text}"
    );
    // Going back kept what was typed, and the prompt says which word does what.
    assert!(
        text.contains(
            "Nå står det:\nJeg bor alene, og trappen er bratt.\nJeg faller ofte om natten."
        ),
        "{text}"
    );
    assert!(
        text.contains("Skriv «legg til» (eller +) for å skrive mer"),
        "{text}"
    );
    // Help came (twice) without leaving the answer.
    assert!(
        text.matches("En tom linje gir nytt avsnitt.").count() >= 2,
        "{text}"
    );

    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    let raw = common::bokmaal_walk_case(RawGrounds {
        health: Some("Jeg har KOLS.".into()),
        daily_life: Some(
            "Jeg bor alene, og trappen er bratt.\nJeg faller ofte om natten.\nNaboen min må hjelpe meg."
                .into(),
        ),
        ..Default::default()
    });
    assert_eq!(written, letter_for(&raw));
    for command in ["?", "<", "hjelp", "legg til", "ferdig", "."] {
        assert!(
            !written.lines().any(|l| l.trim() == command),
            "{command:?} in the letter:\n{written}"
        );
    }
}

#[test]
fn output_in_a_pipe_is_wrapped_at_words_to_80_columns() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers = BOKMAAL.to_vec();
    answers.push(base.to_str().expect("path"));
    answers.push("?"); // the help of the last question, one of the longest texts
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let long: Vec<&str> = text.lines().filter(|l| l.chars().count() > 80).collect();
    assert!(long.is_empty(), "lines over 80 columns: {long:#?}");
    // Long texts were there, and are wrapped between words: a sentence of the intro reads on.
    assert!(text.contains("Skriv\nsvaret og trykk Enter."), "{text}");
}

#[test]
fn an_arrow_key_in_a_pipe_is_never_echoed_and_is_said_in_words() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_plain("nn", b"\x1b[A\n\x1b[B1\n", dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_plain_text(&text);
    assert!(text.contains("Piltastane verkar ikkje her."), "{text}");
    assert!(!text.contains("Feil"), "{text}");
    assert!(!text.contains("[A"), "{text}");
}

#[test]
fn arrow_keys_in_a_terminal_edit_the_line_and_never_become_text() {
    let dir = tempfile::tempdir().expect("dir");
    let mut term = pty::Term::spawn(pty::wizard(dir.path(), dir.path(), &["--plain"]));
    term.wait_for_output("Skriv et tall fra 1 til");
    // Up and down (this session's history is empty), then Enter: the default, a new complaint.
    term.send(pty::UP);
    term.send(pty::DOWN);
    term.send(pty::ENTER);
    term.wait_for_output("Hvem skriver");
    // "2", Left, "1" before it, End, Backspace: the line reads "1".
    term.send("2");
    term.send("\x1b[D");
    term.send("1");
    term.send("\x1b[F");
    term.send("\x7f");
    term.send(pty::ENTER);
    term.wait_for_output("Hvilken tjeneste");
    let screen = term.screen();
    assert!(!screen.contains("[A") && !screen.contains("^["), "{screen}");
    assert!(!term.output().contains("Feil"), "{}", term.output());
    term.send(pty::CTRL_D);
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), 1, "{}", term.screen());
}

#[test]
fn closing_the_terminal_saves_what_was_typed_and_lets_go_of_the_case() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let (mut child, mut writer, master) =
        pty::spawn_to_close(pty::wizard(&data, dir.path(), &["--plain"]));
    // What it prints is read until the long answer has its first line; then that handle on the
    // terminal is closed too.
    let mut reader = master.try_clone_reader().expect("reader");
    let seen = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        while !String::from_utf8_lossy(&out).contains("Skriv videre, eller punktum") {
            match std::io::Read::read(&mut reader, &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    });
    // Up to the health question, then one line of a long answer, not ended.
    let health = BOKMAAL
        .iter()
        .position(|a| *a == "Jeg har KOLS.")
        .expect("health");
    for a in &BOKMAAL[..=health] {
        writer.write_all(a.as_bytes()).expect("type");
        writer.write_all(b"\r").expect("enter");
        writer.flush().expect("flush");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    let seen = seen.join().expect("reader");
    assert!(seen.contains("Skriv videre"), "{seen}");
    // The terminal goes away.
    drop(writer);
    drop(master);
    let status = common::exit_within(
        || child.try_wait().expect("wait"),
        std::time::Duration::from_secs(5),
        "still running after its terminal was closed",
    );
    assert!(!status.success());
    let files = common::case_files(&data);
    assert_eq!(files.len(), 1, "{files:?}");
    let raw = case::read(&std::fs::read(&files[0]).expect("draft")).expect("a case file");
    let health = raw.grounds.and_then(|g| g.health);
    assert_eq!(health.as_deref(), Some("Jeg har KOLS."));
    let lock = std::fs::File::open(files[0].with_extension("lock")).expect("lock file");
    assert!(lock.try_lock().is_ok(), "the case is still locked");
}

#[test]
fn the_end_says_where_the_files_are_what_to_enclose_and_what_next_in_that_order() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers = BOKMAAL.to_vec();
    answers.push(base.to_str().expect("path"));
    answers.push(""); // not sent yet
    answers.push("n"); // no other letter
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let at = |s: &str| {
        text.rfind(s)
            .unwrap_or_else(|| panic!("no {s:?} in:\n{text}"))
    };
    let full = std::fs::canonicalize(dir.path().join("klage.txt")).expect("saved");
    let order = [
        at("Lagret: klage.txt"),
        at(&format!("Hele plasseringen: {}", full.display())),
        at("Legg ved dette sammen med brevet"),
        at("- Uttalelse fra fastlegen"),
        at("Hva gjør du nå?"),
        at("Har du sendt klagen?"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "{order:?} in:\n{text}"
    );
    // Finished: nothing about going on where you left off.
    assert!(!text.contains("for å fortsette"), "{text}");
    assert!(!text.contains("Svarene er lagret i"), "{text}");
}

#[test]
fn sigterm_while_a_long_answer_is_typed_saves_it_and_ends_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let mut child = Command::new(BIN)
        .args(["--today", "2026-11-20", "--lang", "nb", "--plain"])
        .env("OMSORGSKLAGE_DATA", dir.path().join("data"))
        .env("HOME", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start omsorgsklage");
    let health = BOKMAAL
        .iter()
        .position(|a| *a == "Jeg har KOLS.")
        .expect("health");
    // The input stays open: the program waits for the next line of the long answer.
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(&lines(&BOKMAAL[..=health])).expect("write");
    stdin.flush().expect("flush");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = common::exit_within(
        || child.try_wait().expect("wait"),
        std::time::Duration::from_secs(5),
        "still running after SIGTERM",
    );
    assert_eq!(status.code(), Some(128 + 15));
    let files = common::case_files(&dir.path().join("data"));
    assert_eq!(files.len(), 1, "{files:?}");
    let raw = case::read(&std::fs::read(&files[0]).expect("draft")).expect("a case file");
    assert_eq!(
        raw.grounds.and_then(|g| g.health).as_deref(),
        Some("Jeg har KOLS.")
    );
    let lock = std::fs::File::open(files[0].with_extension("lock")).expect("lock file");
    assert!(lock.try_lock().is_ok(), "the case is still locked");
    drop(stdin);
}

#[test]
fn a_town_typed_for_the_municipality_resolves_through_the_postcode_table() {
    // Issue #26: in Førde (6800) the letter goes to Sunnfjord, never to a spelling guess.
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers: Vec<&str> = BOKMAAL.to_vec();
    let at = answers.iter().position(|a| *a == "9008").expect("postcode");
    answers[at] = "6800";
    answers[at + 1] = "Førde";
    // Name, address, postcode, town, phone, e-mail, birth date, then the municipality.
    answers.splice(at + 5..at + 6, ["Førde", ""]);
    answers.push(base.to_str().expect("path"));
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Postnummeret ditt, 6800, hører til Sunnfjord kommune."),
        "{text}"
    );
    assert!(text.contains("Førde ligger i Sunnfjord kommune."), "{text}");
    assert!(!text.contains("Fjord (Møre og Romsdal"), "{text}");
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    assert!(written.contains("Sunnfjord kommune"), "{written}");
    assert!(!written.contains("Fjord kommune"), "{written}");
}

#[test]
fn in_oslo_line_mode_asks_the_bydel_and_says_where_to_send_it() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut answers: Vec<&str> = BOKMAAL.to_vec();
    let at = answers
        .iter()
        .position(|a| *a == "Postboks 6900")
        .expect("address");
    // The municipality, then the bydel: 6. Grünerløkka.
    answers.splice(at - 1..at, ["Oslo", "", "6"]);
    answers.push(base.to_str().expect("path"));
    let out = run_plain("nb", &lines(&answers), dir.path(), &["--plain"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Hvilken bydel i Oslo har gjort vedtaket?"),
        "{text}"
    );
    assert!(text.contains("6. Grünerløkka"), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Send klagen i posten til Oslo kommune, bydel Grünerløkka,"),
        "{text}"
    );
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    assert!(
        written.contains("Oslo kommune, bydel Grünerløkka"),
        "{written}"
    );
}
