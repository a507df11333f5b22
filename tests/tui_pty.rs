//! End to end: the real binary in a pseudo-terminal (portable-pty) at 80×24, read through a
//! terminal emulator (vt100). A daughter writes for her father, whose home nursing was cut, and
//! saves the letter as text.

mod common;
mod tui_common;

use common::pty::{CTRL_C, CTRL_U, DOWN, ENTER, TAB, Term, UP, wizard};
use omsorgsklage::domain::case::{RawCase, RawGrounds, RawRequests};
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::steps::preview::letter_text;

#[test]
fn a_daughter_writes_for_her_father_and_saves_the_letter_as_text() {
    let data = tempfile::tempdir().expect("data dir");
    let out = tempfile::tempdir().expect("out dir");
    let mut t = Term::spawn(wizard(data.path(), out.path(), &[]));

    t.wait_for("Start en ny klage");
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.send("2");
    // What the writer is: nothing is chosen until she chooses (#25).
    t.wait_for("Skriver du som forelder, verge, advokat eller hjelper?");
    t.send(ENTER);
    t.wait_for("Du har ikke valgt noe ennå");
    t.send("4");
    t.wait_for("Hva er du for den vedtaket gjelder?");
    t.type_text("datter");
    t.send(ENTER);
    t.wait_for("Har du en skriftlig fullmakt?");
    t.send("1");
    // Who the decision is about, before the details.
    t.wait_for("Hvem skriver du for?");
    t.type_text("Ola Hansen");
    t.send(ENTER);
    t.send(ENTER);
    t.wait_for("Hvilken tjeneste gjelder vedtaket?");
    t.type_text("hjemmesyk");
    t.wait_for("[hjemmesyk");
    t.send(ENTER);
    t.wait_for("Hva skjedde?");
    t.send("3");
    t.wait_for("Hvilken dato står på vedtaket?");
    t.type_text("02.11.2026");
    t.wait_for("mandag 2. november 2026");
    t.send(ENTER);
    t.wait_for("Hvilken dag kom vedtaket fram?");
    t.type_text("05.11.2026");
    t.send(ENTER);
    t.wait_for("Siste dag å klage: torsdag 3. desember 2026");
    t.send(ENTER);
    t.wait_for("Om vedtaket");
    t.type_text("26/1234");
    t.send(ENTER);
    t.type_text("Hjemmesykepleie tre ganger om dagen");
    t.send(ENTER);
    t.type_text("Hjemmesykepleie én gang om dagen");
    t.send(ENTER);
    t.wait_for("Hvordan er helsen til Ola Hansen?");
    t.type_text("Far har hjertesvikt og diabetes.");
    t.send(ENTER);
    t.type_text("Han har falt to ganger i høst.");
    t.send(TAB);
    t.wait_for("(spørsmål 2 av 7)");
    t.type_text("Han klarer ikke å ta medisinene riktig selv.");
    t.send(TAB);
    for n in 3..=5 {
        t.wait_for(&format!("(spørsmål {n} av 7)"));
        t.send(TAB);
    }
    t.wait_for("Er det noe kommunen ikke har sett på?");
    t.type_text("Ingen fra kommunen var hjemme hos far før vedtaket.");
    t.send(TAB);
    t.wait_for("(spørsmål 7 av 7)");
    t.send(TAB);
    t.wait_for("Hva ber du kommunen om?");
    t.send(TAB);
    // One decision, one service: Enter goes on.
    t.wait_for("Gjelder vedtaket flere tjenester?");
    t.send(ENTER);
    t.wait_for("Vil du be om noe mer i klagen?");
    t.send(" ");
    t.wait_for("[x] Be om å få se dokumentene");
    t.send(TAB);
    t.wait_for("Hva vil du legge ved klagen?");
    t.send(ENTER);
    t.wait_for("[x] Kopi av vedtaket");
    t.send(TAB);
    t.wait_for("Om Ola Hansen");
    // The name is there already.
    for (text, _) in [("", 0), ("Storgata 1", 1), ("9008", 2), ("Tromsø", 3)] {
        t.type_text(text);
        t.send(ENTER);
    }
    t.send(ENTER);
    t.send(ENTER);
    t.send(ENTER);
    t.wait_for("Om deg som skriver klagen");
    for text in [
        "Kari Hansen",
        "Fjellveien 3",
        "9010",
        "Tromsø",
        "41 22 33 44",
    ] {
        t.type_text(text);
        t.send(ENTER);
    }
    t.send(ENTER);
    t.wait_for("Hvilken kommune har gjort vedtaket?");
    t.wait_for("▶ Tromsø");
    t.send(ENTER);
    t.wait_for("Hva er kommunens postadresse?");
    t.type_text("Postboks 6900");
    t.send(ENTER);
    t.type_text("9299 Tromsø");
    t.send(ENTER);
    t.send(ENTER);
    t.wait_for("Sjekk svarene før brevet skrives");
    assert!(!t.screen().contains("Dette må rettes"), "{}", t.screen());
    t.send(TAB);
    t.wait_for("Slik blir brevet");
    t.wait_for("Klage på vedtak om hjemmesykepleie");
    t.send(ENTER);
    t.wait_for("Lagre som:");
    t.send(DOWN);
    t.send(CTRL_U);
    let base = out.path().join("klage-til-kommunen");
    t.type_text(&base.display().to_string());
    t.wait_for("klage-til-kommunen.txt");
    t.send(ENTER);
    t.wait_for("Lagret:");
    // Saved: quitting (Ctrl+Q, the same on every screen) does not ask.
    t.send(UP);
    t.send("\x11");
    let status = t.wait_exit();
    assert!(status.success(), "{status:?}");
    // The terminal is back on the main screen.
    assert!(!t.alternate_screen());

    let file = out.path().join("klage-til-kommunen.txt");
    let text = std::fs::read_to_string(&file).expect("the letter was written");
    for want in [
        "Kari Hansen",
        "Fjellveien 3",
        "Tromsø kommune",
        "Postboks 6900",
        "Klage på vedtak om hjemmesykepleie",
        "Deres referanse: 26/1234",
        "Ola Hansen",
        "Far har hjertesvikt og diabetes.",
        "Ingen fra kommunen var hjemme hos far",
        "Kopi av vedtaket",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }
    // Exactly the letter the same answers give.
    let mut raw = tui_common::daughter_case();
    raw.decision.as_mut().expect("decision").granted =
        Some("Hjemmesykepleie én gang om dagen".into());
    raw.grounds = Some(RawGrounds {
        health: Some("Far har hjertesvikt og diabetes.\nHan har falt to ganger i høst.".into()),
        daily_life: Some("Han klarer ikke å ta medisinene riktig selv.".into()),
        not_considered: Some("Ingen fra kommunen var hjemme hos far før vedtaket.".into()),
        ..Default::default()
    });
    raw.requests = Some(RawRequests {
        access_to_documents: Some(true),
        postponement: Some(false),
        reasons: None,
    });
    let raw: RawCase = raw;
    assert_eq!(
        Ok(text),
        letter_text(
            &raw,
            tui_common::today(),
            Ui::Nb,
            omsorgsklage::domain::letter::LetterKind::Complaint
        )
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[cfg(unix)]
#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal_save_the_typing_and_let_go_of_the_case() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let data = tempfile::tempdir().expect("data dir");
        let mut t = Term::spawn(wizard(data.path(), data.path(), &[]));
        // Typed, and the signal comes before the pause that would save it.
        common::pty::type_relation_unsaved(&mut t);
        let before = t.output_len();
        t.signal(signal);
        let status = t.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}");
        let after = t.output_since(before);
        // Left the alternate screen and showed the cursor again.
        assert!(after.contains("\u{1b}[?1049l"), "SIG{signal}: {after:?}");
        assert!(after.contains("\u{1b}[?25h"), "SIG{signal}: {after:?}");
        assert!(!t.alternate_screen(), "SIG{signal}");
        assert!(!t.hide_cursor(), "SIG{signal}");
        // What was typed is in the draft, and the case opens again at once.
        let (raw, opens) = common::pty::only_case(data.path(), &format!("SIG{signal}"));
        assert_eq!(
            raw.representative
                .as_ref()
                .and_then(|r| r.relation.as_deref()),
            Some("svigerdatter"),
            "SIG{signal}"
        );
        assert!(opens, "SIG{signal}: the lock was let go");
    }
}

#[test]
fn without_a_terminal_the_wizard_asks_line_by_line_and_stops_at_the_end_of_the_input() {
    let data = tempfile::tempdir().expect("data dir");
    let out = std::process::Command::new(common::BIN)
        .args(["--lang", "nb"])
        .env("OMSORGSKLAGE_DATA", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    // The line-by-line mode (see tests/plain_mode.rs): nothing to read, so it stops at once.
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Omsorgsklage, linjemodus."), "{text}");
    assert!(text.contains("Det kom ikke mer å lese"), "{text}");
    assert!(!text.contains('\u{1b}'), "{text}");
}

/// Esc: back (sent alone, so that it is not read as the start of an escape sequence).
const ESC: &str = "\x1b";

#[test]
fn after_opening_a_saved_case_a_new_complaint_is_a_new_blank_case() {
    let data = tempfile::tempdir().expect("data dir");
    let out = tempfile::tempdir().expect("out dir");
    let cases = data.path().join("cases");
    std::fs::create_dir_all(&cases).expect("dir");
    let saved = cases.join("20261118-140200.json");
    let mut raw = tui_common::daughter_case();
    raw.sent = Some("2026-11-10".into());
    let before = serde_json::to_vec_pretty(&raw).expect("json");
    std::fs::write(&saved, &before).expect("write");

    let mut t = Term::spawn(wizard(data.path(), out.path(), &[]));
    t.wait_for("Ola Hansen – hjemmesykepleie");
    t.send(DOWN);
    t.send(DOWN);
    t.send(ENTER);
    t.wait_for("Saken din");
    t.send(ESC);
    t.wait_for("Start en ny klage");
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.wait_for("( ) 2. Jeg skriver for en annen");
    let screen = t.screen();
    assert!(
        screen.contains("( ) 1. Jeg klager på et vedtak om meg selv"),
        "{screen}"
    );
    assert!(
        !screen.contains("(x)"),
        "no answer of the saved case:\n{screen}"
    );
    t.send("2");
    t.wait_for("Skriver du som forelder, verge, advokat eller hjelper?");
    t.wait_for("omsorgsklage · lagret");
    let files = common::case_files(data.path());
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(
        std::fs::read(&saved).expect("read"),
        before,
        "the sent case is untouched"
    );
    t.send(CTRL_C);
    assert!(t.wait_exit().success());
    assert_eq!(std::fs::read(&saved).expect("read"), before);
}

#[test]
fn counter_mode_two_people_in_a_row() {
    let data = tempfile::tempdir().expect("data dir");
    let out = tempfile::tempdir().expect("out dir");
    let mut t = Term::spawn(wizard(data.path(), out.path(), &["--counter"]));
    t.wait_for("Skrankemodus er på");
    // Person 1: for someone else, their relation, the service.
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.send("2");
    t.wait_for("Skriver du som forelder, verge, advokat eller hjelper?");
    t.send("4");
    t.wait_for("Hva er du for den vedtaket gjelder?");
    t.type_text("svoger");
    t.send(ENTER);
    t.wait_for("Har du en skriftlig fullmakt?");
    t.send("1");
    t.wait_for("Hvem skriver du for?");
    t.type_text("Per Olsen");
    t.send(ENTER);
    t.send(ENTER);
    t.wait_for("Hvilken tjeneste gjelder vedtaket?");
    t.type_text("hjemmesyk");
    t.wait_for("[hjemmesyk");
    t.send(ENTER);
    t.wait_for("Hva skjedde?");
    // Back to the start, and start again: asked, then nothing of person 1.
    for _ in 0..10 {
        if t.screen().contains("Start en ny klage") {
            break;
        }
        t.send(ESC);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    t.wait_for("Start en ny klage");
    t.send(ENTER);
    t.wait_for("Svarene til forrige person blir slettet. Fortsett?");
    t.send("j");
    t.wait_for("Hvem skriver klagen?");
    t.wait_for("( ) 2. Jeg skriver for en annen");
    assert!(!t.screen().contains("(x)"), "{}", t.screen());
    t.send("2");
    t.wait_for("Skriver du som forelder, verge, advokat eller hjelper?");
    t.send("4");
    t.wait_for("Hva er du for den vedtaket gjelder?");
    assert!(!t.screen().contains("svoger"), "{}", t.screen());
    t.send(ENTER);
    t.wait_for("Har du en skriftlig fullmakt?");
    assert!(!t.screen().contains("(x)"), "{}", t.screen());
    t.send("1");
    t.wait_for("Hvem skriver du for?");
    assert!(!t.screen().contains("Per Olsen"), "{}", t.screen());
    t.type_text("Anne Berg");
    t.send(ENTER);
    t.send(ENTER);
    t.wait_for("Hvilken tjeneste gjelder vedtaket?");
    assert!(!t.screen().contains("[hjemmesyk"), "{}", t.screen());
    t.send(CTRL_C);
    t.wait_for("Avslutte?");
    t.send(ENTER);
    assert!(t.wait_exit().success());
    assert!(
        std::fs::read_dir(data.path())
            .expect("dir")
            .next()
            .is_none(),
        "nothing in the data folder"
    );
}
