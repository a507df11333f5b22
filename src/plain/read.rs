//! Where line mode's answers come from: a pipe (or any reader, in tests), read plainly; or a
//! terminal, read with line editing as in a shell (rustyline: left/right, Home/End, ↑/↓ through
//! what was typed in this session), so that an arrow key never becomes text.
//!
//! On standard input, lines are read on a thread of their own, so that the interview sees a stop
//! signal (SIGHUP when the terminal goes away, SIGTERM, SIGINT) within [`POLL`] even while it
//! waits for a line: it then saves what was typed and exits, as at the end of the input.

use std::io::{BufRead, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};

use crate::signals;

/// How often a wait for a line looks for a stop signal.
const POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// What one read gave.
#[derive(Debug)]
pub enum Read {
    /// A line, without its line break; not yet checked to be UTF-8.
    Line(Vec<u8>),
    /// The end of the input (Ctrl+D, or the pipe closed).
    End,
    /// The input cannot be read any more (the terminal went away: EIO). Never retried.
    Failed,
    /// A stop signal came (its number).
    Signal(i32),
}

/// A source of answers.
pub trait Input {
    /// Show `prompt` (which fits on one line of the terminal) and read one line. Everything
    /// printed before is on `out`, which is flushed first.
    fn read(&mut self, prompt: &str, out: &mut dyn Write) -> Read;
    /// The typed line is echoed by a terminal: no line break is needed after it.
    fn echoes(&self) -> bool;
}

/// Any reader, read plainly on this thread (tests, and `run_with`).
pub struct Plain<'a> {
    pub input: &'a mut dyn BufRead,
    pub echoes: bool,
}

impl Input for Plain<'_> {
    fn read(&mut self, prompt: &str, out: &mut dyn Write) -> Read {
        if write!(out, "{prompt}").and_then(|()| out.flush()).is_err() {
            return Read::Failed;
        }
        read_line(self.input)
    }

    fn echoes(&self) -> bool {
        self.echoes
    }
}

fn read_line(input: &mut dyn BufRead) -> Read {
    let mut buf = Vec::new();
    match input.read_until(b'\n', &mut buf) {
        Ok(0) => Read::End,
        Ok(_) => {
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            Read::Line(buf)
        }
        Err(_) => Read::Failed,
    }
}

/// Standard input, read on its own thread: plainly from a pipe, or with line editing in a
/// terminal. The thread reads a line when asked (with the prompt to show), so nothing is read
/// ahead of the question.
pub struct Stdin {
    /// The terminal as it was before the line editor made it raw (see [`Cooked`]).
    cooked: Cooked,
    ask: Sender<String>,
    answers: Receiver<Read>,
    editing: bool,
    /// The input has ended: every read after that is the end too.
    ended: bool,
}

impl Stdin {
    /// `editing`: standard input and output are a terminal that can edit a line.
    pub fn start(editing: bool) -> Stdin {
        signals::install();
        let cooked = Cooked::save(editing);
        let (ask, asked) = channel::<String>();
        let (answer, answers) = channel();
        std::thread::spawn(move || {
            let mut editor = if editing { editor() } else { None };
            let stdin = std::io::stdin();
            for prompt in asked {
                let read = match editor.as_mut() {
                    Some(ed) => edit(ed, &prompt),
                    None => read_line(&mut stdin.lock()),
                };
                let last = !matches!(read, Read::Line(_));
                if answer.send(read).is_err() || last {
                    break;
                }
            }
        });
        Stdin {
            cooked,
            ask,
            answers,
            editing,
            ended: false,
        }
    }
}

type Editor = rustyline::Editor<(), rustyline::history::MemHistory>;

fn editor() -> Option<Editor> {
    let config = rustyline::Config::builder()
        .auto_add_history(true)
        .max_history_size(200)
        .ok()?
        // No bell: a screen reader user hears nothing useful in it.
        .bell_style(rustyline::config::BellStyle::None)
        .build();
    Editor::with_history(config, rustyline::history::MemHistory::new()).ok()
}

fn edit(ed: &mut Editor, prompt: &str) -> Read {
    use rustyline::error::ReadlineError;
    match ed.readline(prompt) {
        Ok(line) => Read::Line(line.into_bytes()),
        Err(ReadlineError::Eof) => Read::End,
        // Ctrl+C in the line editor: as the signal it is on a terminal without one.
        Err(ReadlineError::Interrupted) => Read::Signal(2),
        Err(_) => Read::Failed,
    }
}

impl Input for Stdin {
    fn read(&mut self, prompt: &str, out: &mut dyn Write) -> Read {
        let shown = if self.editing {
            out.flush().map(|()| prompt.to_string())
        } else {
            // The prompt is written here, where all other output is.
            write!(out, "{prompt}")
                .and_then(|()| out.flush())
                .map(|()| String::new())
        };
        let Ok(shown) = shown else {
            return Read::Failed;
        };
        if let Some(sig) = signals::pending() {
            self.cooked.restore();
            return Read::Signal(sig);
        }
        if self.ended {
            return Read::End;
        }
        if self.ask.send(shown).is_err() {
            return Read::Failed;
        }
        loop {
            match self.answers.recv_timeout(POLL) {
                Ok(read) => {
                    self.ended = matches!(read, Read::End);
                    return read;
                }
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(sig) = signals::pending() {
                        // The line editor still waits, with the terminal raw: the program ends
                        // now, so the terminal is put back as it was.
                        self.cooked.restore();
                        return Read::Signal(sig);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return Read::Failed,
            }
        }
    }

    fn echoes(&self) -> bool {
        self.editing
    }
}

/// The terminal's settings before the line editor made it raw (unix; nothing elsewhere, where
/// rustyline's console mode ends with the process).
struct Cooked {
    #[cfg(unix)]
    saved: Option<rustix::termios::Termios>,
}

impl Cooked {
    fn save(editing: bool) -> Cooked {
        #[cfg(unix)]
        {
            let saved = editing
                .then(|| rustix::termios::tcgetattr(std::io::stdin()).ok())
                .flatten();
            Cooked { saved }
        }
        #[cfg(not(unix))]
        {
            let _ = editing;
            Cooked {}
        }
    }

    /// Put the terminal back as it was (a terminal that is gone is left alone).
    fn restore(&self) {
        #[cfg(unix)]
        if let Some(t) = &self.saved {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Now,
                t,
            );
        }
    }
}

/// A line with terminal escape sequences (an arrow key, Home, F1 … in a terminal that does not
/// edit lines, or sent down a pipe) and other control characters taken out, so that they are
/// never echoed back raw. Also says whether anything was taken out.
pub fn clean(line: &str) -> (String, bool) {
    let mut out = String::with_capacity(line.len());
    let mut removed = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                removed = true;
                match chars.peek() {
                    // CSI: ESC [ parameters, then one final byte from @ to ~.
                    Some('[') => {
                        chars.next();
                        for c in chars.by_ref() {
                            if ('@'..='~').contains(&c) {
                                break;
                            }
                        }
                    }
                    // SS3 (arrow keys in application mode, F1–F4): ESC O and one more.
                    Some('O') => {
                        chars.next();
                        chars.next();
                    }
                    // Alt+key: ESC and the key.
                    Some(_) => {
                        chars.next();
                    }
                    None => {}
                }
            }
            '\t' => out.push(' '),
            c if c.is_control() => removed = true,
            c => out.push(c),
        }
    }
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_and_controls_are_taken_out() {
        assert_eq!(clean("\u{1b}[A"), (String::new(), true));
        assert_eq!(
            clean("20.10\u{1b}[D\u{1b}OH.2026"),
            ("20.10.2026".into(), true)
        );
        assert_eq!(clean("a\u{7f}b\u{1b}[1;5C"), ("ab".into(), true));
        assert_eq!(clean("Då eg kom heim"), ("Då eg kom heim".into(), false));
    }
}
