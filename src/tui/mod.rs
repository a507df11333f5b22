//! The terminal wizard.
//!
//! [`run`] sets the terminal up (alternate screen, raw mode, bracketed paste), runs the event
//! loop, and restores the terminal on every way out, panics included. The loop reads an event,
//! turns it into an [`action::Action`] (`keymap`), lets [`App::update`] change the state, carries
//! out the returned [`action::Effect`] (writing files, running an editor) outside of drawing, and
//! draws the new state (`view`).

pub mod editor;
pub mod keymap;
pub mod steps;
pub mod theme;
pub mod tty;
pub mod view;
pub mod widgets;

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;

use crate::i18n::{Ui, t};
use crate::signals;

pub use crate::interview::{Action, App, Effect, Options, Session, Step};

/// Two Backspace presses closer than this are one key held down.
const HELD: Duration = Duration::from_millis(500);

/// The longest wait for a key when nothing is due (signals and resizes wake the wait at once).
const IDLE: Duration = Duration::from_secs(1);

/// Put the terminal back as it was: bracketed paste off, raw mode off, main screen, cursor shown.
fn restore() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    // Not `ratatui::restore`, which prints its error: a closed terminal fails here, and
    // printing to it would panic.
    let _ = ratatui::try_restore();
    // ratatui leaves the cursor as the last screen had it (hidden on a list).
    let _ = execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// Restore the terminal before the panic message is printed. ratatui's own hook (installed by
/// `ratatui::init`) is not used: it prints its errors, and printing to a terminal that is gone
/// panics inside the panic, which aborts.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Run the wizard. Returns the exit code.
pub fn run(ui: Ui, today: NaiveDate, options: Options) -> Result<i32> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("{}", t(ui, "tui.no-terminal"));
        return Ok(2);
    }
    install_panic_hook();
    // Text left in an editor folder by a process that was killed outright (health data).
    editor::sweep_leftovers();
    // The editor Ctrl+E opens, found once, so that the screens name the one that will open.
    editor::choose();
    // From here on SIGTERM/SIGHUP/SIGINT end the loop instead of the process, so that the
    // terminal is restored, the typing saved and the lock let go.
    signals::install();
    let mut terminal = init().context("terminal")?;
    let mut session = Session::new(ui, today, options);
    let result = execute!(std::io::stdout(), EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut session));
    restore();
    // Save what was typed last, let go of the draft, and say where the answers are (or, in
    // counter mode, that nothing was kept).
    session.flush();
    {
        use std::io::Write;
        // After SIGHUP there may be no terminal left to write to: not worth a panic.
        let mut out = std::io::stdout().lock();
        for line in session.farewell() {
            let _ = writeln!(out, "{line}");
        }
        let _ = out.flush();
    }
    drop(session);
    // Not dropped: a Terminal's drop shows the cursor again and prints the error when it cannot
    // (the terminal is gone), and that print panics. `restore` has shown the cursor already.
    std::mem::forget(terminal);
    result
}

/// What `ratatui::try_init` does, without its panic hook (see [`install_panic_hook`]): raw mode,
/// the alternate screen, a terminal on standard output.
fn init() -> std::io::Result<ratatui::DefaultTerminal> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, session: &mut Session) -> Result<i32> {
    let size = terminal.size()?;
    session.handle(Action::Resize(size.width, size.height));
    let mut last_backspace: Option<Instant> = None;
    let mut tty = tty::Waiter::new();
    loop {
        if let Some(sig) = signals::pending() {
            return Ok(signals::exit_code(sig));
        }
        terminal.draw(|f| view::draw(f, session.app()))?;
        // Typing is saved when it pauses. The wait sleeps in the kernel until a key, a signal,
        // a resize or the terminal's end: no CPU while a person reads or thinks.
        let wait = match session.save_due() {
            Some(due) => due.saturating_duration_since(Instant::now()).min(IDLE),
            None => IDLE,
        };
        // The window was closed: never ask crossterm to read it again (it would spin).
        if tty.gone() {
            return Ok(signals::exit_code(signals::HANGUP));
        }
        // Keys crossterm has read already but not handed out (typing that came in one batch)
        // come first; only then is there a wait.
        let ready = event::poll(Duration::ZERO)? || {
            // Where the wait cannot tell (not Unix), crossterm waits as before.
            let crossterm_wait = match tty.wait(wait) {
                tty::Wake::Gone => return Ok(signals::exit_code(signals::HANGUP)),
                // A resize comes to crossterm as a signal: it is looked for after every wait.
                tty::Wake::Timeout => Duration::ZERO,
                tty::Wake::Input if cfg!(unix) => Duration::ZERO,
                tty::Wake::Input => wait,
            };
            if signals::pending().is_some() {
                continue;
            }
            event::poll(crossterm_wait)?
        };
        if !ready {
            session.tick();
            continue;
        }
        let action = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let mut a = keymap::map(k, session.app().mode());
                if a == Action::Backspace {
                    let now = Instant::now();
                    if last_backspace.is_some_and(|t| now.duration_since(t) < HELD) {
                        a = Action::BackspaceHeld;
                    }
                    last_backspace = Some(now);
                } else {
                    last_backspace = None;
                }
                a
            }
            Event::Paste(s) => Action::Paste(s),
            Event::Resize(w, h) => Action::Resize(w, h),
            _ => continue,
        };
        // Exports, drafts and settings are done by the session; what needs the terminal, here.
        match session.handle(action) {
            Effect::Quit => return Ok(0),
            // Not offered where no editor was found: the key does nothing.
            Effect::Editor(_) if !editor::offered() => {}
            Effect::Editor(text) => {
                restore();
                // The editor is ended when a stop signal comes or the terminal goes away.
                let watch = std::cell::RefCell::new(&mut tty);
                let result = editor::edit_with(&editor::editor_command(), &text, &|| {
                    signals::pending().is_some() || watch.borrow_mut().gone()
                });
                // Stopped meanwhile (the editor is ended and its folder gone): no screen to
                // come back to; `run` saves and restores.
                if let Some(sig) = signals::pending() {
                    return Ok(signals::exit_code(sig));
                }
                if tty.gone() {
                    return Ok(signals::exit_code(signals::HANGUP));
                }
                resume(terminal)?;
                session.handle(Action::EditorDone(result));
            }
            _ => {}
        }
    }
}

/// Back to the wizard's screen after the external editor.
fn resume(terminal: &mut ratatui::DefaultTerminal) -> Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    terminal.clear()?;
    Ok(())
}
