//! End to end: the real binary in a pseudo-terminal (portable-pty) at 80×24, read through a
//! terminal emulator (vt100). A daughter writes for her father, whose home nursing was cut, and
//! saves the letter as text.

mod tui_common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use omsorgsklage::domain::case::{RawCase, RawGrounds, RawRequests};
use omsorgsklage::i18n::Ui;
use omsorgsklage::tui::steps::preview::letter_text;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for the terminal sequences.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Term {
    fn start(data: &std::path::Path, cwd: &std::path::Path) -> Term {
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
        cmd.env("OMSORGSKLAGE_DATA", data);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.cwd(cwd);
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let p = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let r = Arc::clone(&raw);
        // Keep the master open for the reader thread's lifetime.
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
                        if let Ok(mut raw) = r.lock() {
                            raw.extend_from_slice(&buf[..n]);
                        }
                    }
                }
            }
        });
        Term {
            parser,
            raw,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("lock").screen().contents()
    }

    /// Wait until the screen shows `text` (ratatui redraws only what changed).
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
        // Let the program read one batch at a time, as a person types.
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Type text one character at a time.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.writer
                .write_all(c.encode_utf8(&mut b).as_bytes())
                .expect("write");
        }
        self.writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(30));
    }
}

const ENTER: &str = "\r";
const TAB: &str = "\t";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const CTRL_U: &str = "\x15";

#[test]
fn a_daughter_writes_for_her_father_and_saves_the_letter_as_text() {
    let data = tempfile::tempdir().expect("data dir");
    let out = tempfile::tempdir().expect("out dir");
    let mut t = Term::start(data.path(), out.path());

    t.wait_for("Start en ny klage");
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.send("2");
    // What the writer is: Enter keeps "relative, friend or other helper".
    t.wait_for("Skriver du som forelder, verge, advokat eller hjelper?");
    t.send(ENTER);
    t.wait_for("Hva er du for den vedtaket gjelder?");
    t.type_text("datter");
    t.send(ENTER);
    t.wait_for("Har du en skriftlig fullmakt?");
    t.send("1");
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
    t.wait_for("Hvordan er helsen til den du skriver for?");
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
    t.wait_for("Vil du be om noe mer i klagen?");
    t.send(" ");
    t.wait_for("[x] Be om å få se dokumentene");
    t.send(TAB);
    t.wait_for("Hva vil du legge ved klagen?");
    t.send(ENTER);
    t.wait_for("[x] Kopi av vedtaket");
    t.send(TAB);
    t.wait_for("Om den vedtaket gjelder");
    for (text, _) in [
        ("Ola Hansen", 0),
        ("Storgata 1", 1),
        ("9008", 2),
        ("Tromsø", 3),
    ] {
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
    // Saved: quitting does not ask.
    t.send(UP);
    t.send("q");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = t.child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "the program did not quit:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    // The terminal is back on the main screen.
    std::thread::sleep(Duration::from_millis(100));
    assert!(!t.parser.lock().expect("lock").screen().alternate_screen());

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
        let mut t = Term::start(data.path(), data.path());
        t.wait_for("Start en ny klage");
        t.send(ENTER);
        t.wait_for("Hvem skriver klagen?");
        t.send("2");
        // What the writer is: 4, a relative, friend or other helper.
        t.wait_for("Skriver du som forelder, verge, advokat eller hjelper?");
        t.send("4");
        t.wait_for("Hva er du for den vedtaket gjelder?");
        // Typed, and the signal comes before the pause that would save it.
        t.type_text("svigerdatter");
        t.wait_for("svigerdatter");
        let before = t.raw.lock().expect("raw").len();
        let pid = t.child.process_id().expect("pid");
        let sent = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
        let start = Instant::now();
        let status = loop {
            if let Some(s) = t.child.try_wait().expect("wait") {
                break s;
            }
            assert!(start.elapsed() < TIMEOUT, "SIG{signal}: still running");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}");
        std::thread::sleep(Duration::from_millis(100));
        let after = t.raw.lock().expect("raw")[before..].to_vec();
        let after = String::from_utf8_lossy(&after);
        // Left the alternate screen and showed the cursor again.
        assert!(after.contains("\u{1b}[?1049l"), "SIG{signal}: {after:?}");
        assert!(after.contains("\u{1b}[?25h"), "SIG{signal}: {after:?}");
        {
            let parser = t.parser.lock().expect("lock");
            assert!(!parser.screen().alternate_screen(), "SIG{signal}");
            assert!(!parser.screen().hide_cursor(), "SIG{signal}");
        }
        // What was typed is in the draft, and the case opens again at once.
        let store = omsorgsklage::store::Store::new(data.path());
        let listing = store.list().expect("list");
        assert_eq!(listing.cases.len(), 1, "SIG{signal}");
        let entry = &listing.cases[0];
        assert_eq!(
            entry
                .raw
                .representative
                .as_ref()
                .and_then(|r| r.relation.as_deref()),
            Some("svigerdatter"),
            "SIG{signal}"
        );
        assert!(
            store.open(&entry.id).is_ok(),
            "SIG{signal}: the lock was let go"
        );
    }
}

#[test]
fn without_a_terminal_the_wizard_asks_line_by_line_and_stops_at_the_end_of_the_input() {
    let data = tempfile::tempdir().expect("data dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_omsorgsklage"))
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
