//! The terminal goes away (issue 23): a window closed, `tmux kill-session`, a dropped SSH
//! session. The real binary runs in a pty whose other end is then closed, without a key; the
//! program must be gone within a second, with what was typed saved in the draft and the case's
//! lock let go, in the wizard and with the external editor open. And the editor Ctrl+E opens is
//! the one the screen names (issue 23, item 6).

#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::pty::{DOWN, ENTER, Term, type_relation_unsaved, wizard};

/// How soon after the terminal closes the program must be gone.
const LIMIT: Duration = Duration::from_secs(1);

/// The saved case (a draft) and whether it opens again, that is, whether its lock is free.
fn only_case(data: &Path) -> (omsorgsklage::domain::case::RawCase, bool) {
    common::pty::only_case(data, "")
}

#[test]
fn closing_the_window_in_the_wizard_saves_the_typing_lets_go_and_exits() {
    let data = tempfile::tempdir().expect("data dir");
    let mut t = Term::spawn(wizard(data.path(), data.path(), &[]));
    // Typed, and the window closes before the pause that would save it.
    type_relation_unsaved(&mut t);
    t.close();
    let (status, took) = t.exits_within(LIMIT);
    // 128 + SIGHUP, as shells expect; not an abort (a panic while printing to the closed
    // terminal once ended it with SIGABRT and a core dump).
    assert_eq!(status.exit_code(), 129, "ended by the hang-up: {status:?}");
    eprintln!("exited {took:?} after the terminal closed");
    assert!(took < LIMIT, "{took:?}");
    let (raw, opens) = only_case(data.path());
    assert_eq!(
        raw.representative
            .as_ref()
            .and_then(|r| r.relation.as_deref()),
        Some("svigerdatter"),
        "what was typed is in the draft"
    );
    assert!(opens, "the lock was let go: the case opens again");
}

#[test]
fn closing_the_window_while_waiting_on_the_start_screen_exits() {
    let data = tempfile::tempdir().expect("data dir");
    let mut t = Term::spawn(wizard(data.path(), data.path(), &[]));
    t.wait_for("Start en ny klage");
    // Idle a moment first: the wait for a key must not be what keeps it alive.
    std::thread::sleep(Duration::from_millis(300));
    t.close();
    let (status, took) = t.exits_within(LIMIT);
    assert_eq!(status.exit_code(), 129, "{status:?}");
    eprintln!("exited {took:?} after the terminal closed");
    assert!(took < LIMIT, "{took:?}");
}

/// An editor that takes long and ignores the hang-up (as a busy editor might): it writes the
/// path it was given to `marker`, then sleeps.
fn slow_editor(dir: &Path, marker: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("treg-editor");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ntrap '' HUP\necho \"$1\" > '{}'\nexec sleep 30\n",
            marker.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

#[test]
fn closing_the_window_with_the_editor_open_ends_the_editor_saves_and_exits() {
    let data = tempfile::tempdir().expect("data dir");
    let tools = tempfile::tempdir().expect("tools");
    let cases = data.path().join("cases");
    std::fs::create_dir_all(&cases).expect("dir");
    let mut json = common::case_json("role-fullmektig-datter-nb.json");
    json["outcome"] = serde_json::Value::Null;
    json["draft"] = serde_json::json!({ "step": "outcome" });
    let saved = common::write_json(&cases, "20261118-140200.json", &json);
    let marker = tools.path().join("file-given-to-the-editor");
    let mut cmd = wizard(data.path(), data.path(), &[]);
    cmd.env("VISUAL", slow_editor(tools.path(), &marker));

    let mut t = Term::spawn(cmd);
    t.wait_for("Fortsett med en lagret sak:");
    t.send(DOWN);
    t.send(DOWN);
    t.send(ENTER);
    t.wait_for("Fortsett med klagen");
    t.send(ENTER);
    t.wait_for("Hva ber du kommunen om?");
    // The screen names the editor that will open.
    t.wait_for("«treg-editor»");
    t.type_text("Tilbake til tre besøk");
    t.wait_for("Tilbake til tre besøk");
    // Ctrl+E: the editor opens (with what was typed saved first).
    t.send("\x05");
    let start = std::time::Instant::now();
    while !marker.exists() {
        assert!(
            start.elapsed() < common::pty::TIMEOUT,
            "the editor did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    t.close();
    let (status, took) = t.exits_within(LIMIT);
    assert_eq!(status.exit_code(), 129, "{status:?}");
    eprintln!("exited {took:?} after the terminal closed");
    assert!(took < LIMIT, "{took:?}");
    let raw = common::raw_from_file(&saved);
    assert_eq!(raw.outcome.as_deref(), Some("Tilbake til tre besøk"));
    let (_, opens) = only_case(data.path());
    assert!(opens, "the lock was let go: the case opens again");
    // The private copy of the text is gone with its folder.
    let given = std::fs::read_to_string(&marker).expect("marker");
    let given = Path::new(given.trim());
    assert!(given.ends_with("tekst.txt"), "{given:?}");
    assert!(!given.exists(), "the text handed to the editor is removed");
    assert!(!given.parent().expect("dir").exists());
}

/// The saved case at the outcome question, opened from the start screen.
fn open_at_outcome(t: &mut Term) {
    t.wait_for("Fortsett med en lagret sak:");
    t.send(DOWN);
    t.send(DOWN);
    t.send(ENTER);
    t.wait_for("Fortsett med klagen");
    t.send(ENTER);
    t.wait_for("Hva ber du kommunen om?");
}

fn data_with_case_at_outcome() -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("data dir");
    let cases = data.path().join("cases");
    std::fs::create_dir_all(&cases).expect("dir");
    let mut json = common::case_json("role-fullmektig-datter-nb.json");
    json["draft"] = serde_json::json!({ "step": "outcome" });
    common::write_json(&cases, "20261118-140200.json", &json);
    data
}

#[test]
fn where_only_vi_is_found_the_screen_names_it_and_says_how_to_save_and_leave() {
    let data = data_with_case_at_outcome();
    let tools = tempfile::tempdir().expect("tools");
    let marker = tools.path().join("given");
    let editor = slow_editor(tools.path(), &marker);
    std::fs::rename(&editor, tools.path().join("vi")).expect("vi");
    let mut cmd = wizard(data.path(), data.path(), &[]);
    cmd.env_remove("VISUAL");
    cmd.env_remove("EDITOR");
    cmd.env("PATH", tools.path());
    let mut t = Term::spawn(cmd);
    open_at_outcome(&mut t);
    t.wait_for("«vi»");
    t.wait_for(":wq");
    let screen = t.screen();
    assert!(!screen.contains("nano"), "{screen}");
    assert!(screen.contains("Ctrl+E"), "{screen}");
}

#[test]
fn where_no_editor_is_found_ctrl_e_is_not_offered() {
    let data = data_with_case_at_outcome();
    let empty = tempfile::tempdir().expect("empty");
    let mut cmd = wizard(data.path(), data.path(), &[]);
    cmd.env_remove("VISUAL");
    cmd.env_remove("EDITOR");
    cmd.env("PATH", empty.path());
    let mut t = Term::spawn(cmd);
    open_at_outcome(&mut t);
    t.wait_for("Tab videre");
    let screen = t.screen();
    assert!(!screen.contains("Ctrl+E"), "{screen}");
    // Pressed anyway: nothing happens, the question stays.
    t.send("\x05");
    t.type_text("x");
    t.wait_for("Hva ber du kommunen om?");
    assert!(!t.screen().contains("redigeringsprogram"), "{}", t.screen());
}

/// SIGTERM while line mode's editor waits for a line (issue 23: "SIGTERM is honoured in every
/// state"; the terminal is always restored): the program ends, and the terminal is left as the
/// shell needs it (lines edited and echoed), not raw as the line editor had it.
#[test]
fn sigterm_while_line_mode_waits_for_a_line_leaves_the_terminal_as_it_was() {
    let data = tempfile::tempdir().expect("data dir");
    let mut t = Term::spawn(wizard(data.path(), data.path(), &["--plain"]));
    assert!(t.cooked(), "a new terminal edits lines");
    t.wait_for_output("Skriv et tall fra 1 til");
    // The line editor waits with the terminal raw: what the test below must see undone.
    let start = std::time::Instant::now();
    while t.cooked() {
        assert!(start.elapsed() < Duration::from_secs(5), "never raw");
        std::thread::sleep(Duration::from_millis(10));
    }
    t.signal("TERM");
    let status = t.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "ended by SIGTERM: {status:?}");
    assert!(t.cooked(), "the terminal is back as the shell had it");
}
