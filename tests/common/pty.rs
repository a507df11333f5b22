//! The one pseudo-terminal harness: the real binary in a pty (portable-pty) at 80×24, its output
//! read on a thread into a terminal emulator (vt100) and kept as raw bytes too (for the terminal
//! sequences and for the line mode, which draws no screen). Modelled on television's
//! `tests/common/mod.rs`, but waiting for text instead of sleeping for frames.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any wait may take before the test fails with the screen it saw.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const CTRL_C: &str = "\x03";
/// Ctrl+D: the end of the input on an empty line.
pub const CTRL_D: &str = "\x04";
pub const CTRL_U: &str = "\x15";

/// The wizard as a person starts it: `omsorgsklage --lang nb --today 2026-11-20 ARGS`, with its
/// data in `data`, started in `cwd`, on a colour terminal (`NO_COLOR` unset).
pub fn wizard(data: &Path, cwd: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(super::BIN);
    cmd.args(["--lang", "nb", "--today", "2026-11-20"]);
    cmd.args(args);
    cmd.env("OMSORGSKLAGE_DATA", data);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.cwd(cwd);
    cmd
}

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    writer: Option<Box<dyn Write + Send>>,
    /// The terminal's own end; dropped by [`Term::close`], as when a window closes.
    master: Option<Box<dyn MasterPty + Send>>,
    /// Tells the reader thread to let go of its end of the terminal.
    closing: Arc<AtomicBool>,
    pub child: Box<dyn Child + Send + Sync>,
}

impl Term {
    /// Start `cmd` in a new 80×24 pseudo-terminal.
    pub fn spawn(cmd: CommandBuilder) -> Term {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let master = pty.master;
        let writer = writer_of(master.as_ref());
        // The reader does not block, so that `close` can end it: the terminal is gone only when
        // every handle on its end is closed.
        #[cfg(unix)]
        if let Some(fd) = master.as_raw_fd() {
            use nix::fcntl::{FcntlArg, OFlag, fcntl};
            fcntl(fd, FcntlArg::F_SETFL(OFlag::O_NONBLOCK)).expect("non-blocking");
        }
        let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let closing = Arc::new(AtomicBool::new(false));
        let (p, r, c) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&closing));
        // The thread ends when the program has exited and everything it wrote has been read,
        // or when the terminal is closed.
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        if c.load(Ordering::SeqCst) {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
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
            reader: Some(reader),
            writer: Some(writer),
            master: Some(master),
            closing,
            child,
        }
    }

    /// Close the terminal the way a window closes (an xterm's close button, `tmux
    /// kill-session`, a dropped SSH session): every handle on its end goes, nothing is typed.
    /// The program gets a hang-up (SIGHUP, and EIO when it reads).
    pub fn close(&mut self) {
        self.closing.store(true, Ordering::SeqCst);
        self.writer = None;
        self.master = None;
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }

    /// Whether the terminal edits lines itself and echoes what is typed (its "cooked" mode, as a
    /// shell expects it), rather than passing each key on as a line editor or the wizard asks.
    #[cfg(unix)]
    pub fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self
            .master
            .as_ref()
            .and_then(|m| m.get_termios())
            .expect("the terminal's settings");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// Send the program a signal by name (`TERM`, `HUP` …) with `kill`.
    pub fn signal(&mut self, name: &str) {
        let pid = self.child.process_id().expect("pid");
        let sent = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .expect("kill");
        assert!(sent.success(), "kill -{name}");
    }

    /// Whether the program is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().expect("wait").is_none()
    }

    /// Wait for the program to exit; how long it took (fails after `limit`).
    pub fn exits_within(&mut self, limit: Duration) -> (ExitStatus, Duration) {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                return (s, start.elapsed());
            }
            assert!(
                start.elapsed() < limit,
                "the program still runs {limit:?} after its terminal closed"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The screen as the terminal shows it now.
    pub fn screen(&self) -> String {
        self.parser.lock().expect("lock").screen().contents()
    }

    /// Whether the program is on the alternate (full-screen) screen.
    pub fn alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("lock")
            .screen()
            .alternate_screen()
    }

    pub fn hide_cursor(&self) -> bool {
        self.parser.lock().expect("lock").screen().hide_cursor()
    }

    /// How many bytes the program has written so far (a mark for `output_since`).
    pub fn output_len(&self) -> usize {
        self.raw.lock().expect("raw").len()
    }

    /// Everything the program wrote since the mark, escape sequences and all.
    pub fn output_since(&self, mark: usize) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")[mark..]).into_owned()
    }

    /// Everything the program wrote, escape sequences and all.
    pub fn output(&self) -> String {
        self.output_since(0)
    }

    /// Wait until the screen shows `text` (ratatui redraws only what changed).
    pub fn wait_for(&self, text: &str) {
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

    /// Wait until the raw output holds `text` (for the line mode, which draws no screen).
    pub fn wait_for_output(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.output().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("no {text:?} in {:?}", self.output());
    }

    /// Send keys, then give the program a moment to read them: one batch at a time, as a person
    /// types.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("write");
        writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Type text (the same bytes as `send`; reads better for answers).
    pub fn type_text(&mut self, text: &str) {
        self.send(text);
    }

    /// Wait for the program to exit, then for everything it wrote to be read.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                break s;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        // The reader ends at the end of the output; it is not waited for past a second.
        if let Some(reader) = self.reader.take() {
            let exited = Instant::now();
            while !reader.is_finished() && exited.elapsed() < Duration::from_secs(1) {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        status
    }
}

/// A writer on the terminal's end that, unlike portable-pty's, types nothing when dropped (its
/// writer sends a line break and Ctrl+D then, which a closing window never does).
#[cfg(unix)]
fn writer_of(master: &dyn MasterPty) -> Box<dyn Write + Send> {
    use std::os::fd::FromRawFd;
    let fd = nix::unistd::dup(master.as_raw_fd().expect("fd")).expect("dup");
    // SAFETY: `fd` was just made by `dup`, is open, and is owned by nothing else.
    #[allow(unsafe_code)]
    let file = unsafe { std::fs::File::from_raw_fd(fd) };
    Box::new(file)
}

#[cfg(not(unix))]
fn writer_of(master: &dyn MasterPty) -> Box<dyn Write + Send> {
    master.take_writer().expect("writer")
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// From the start screen to the question what the writer is to the person, with
/// "svigerdatter" typed there: shown on the screen, but not yet in the draft (the pause that
/// saves typing has not come). Then the terminal goes away or a signal comes.
pub fn type_relation_unsaved(t: &mut Term) {
    t.wait_for("Start en ny klage");
    t.send(ENTER);
    t.wait_for("Hvem skriver klagen?");
    t.send("2");
    // What the writer is: 4, a relative, friend or other helper.
    t.wait_for("Skriver du som forelder, verge, advokat eller hjelper?");
    t.send("4");
    t.wait_for("Hva er du for den vedtaket gjelder?");
    t.type_text("svigerdatter");
    t.wait_for("svigerdatter");
}

/// The one case saved in `data` (a draft) and whether it opens again, that is, whether its lock
/// is free. `context` names the run in a failure.
pub fn only_case(data: &Path, context: &str) -> (omsorgsklage::domain::case::RawCase, bool) {
    let store = omsorgsklage::store::Store::new(data);
    let listing = store.list().expect("list");
    assert_eq!(listing.cases.len(), 1, "one case: {context}");
    let entry = &listing.cases[0];
    (entry.raw.clone(), store.open(&entry.id).is_ok())
}

/// `cmd` in an 80×24 pseudo-terminal whose output nobody reads, for closing it: dropping the
/// writer and the master (which hold the only handles on it) hangs the terminal up, as closing a
/// terminal window does.
pub fn spawn_to_close(
    cmd: CommandBuilder,
) -> (
    Box<dyn Child + Send + Sync>,
    Box<dyn Write + Send>,
    Box<dyn MasterPty + Send>,
) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let writer = pty.master.take_writer().expect("writer");
    (child, writer, pty.master)
}
