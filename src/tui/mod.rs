//! The terminal wizard.
//!
//! [`run`] sets the terminal up (alternate screen, raw mode, bracketed paste), runs the event
//! loop, and restores the terminal on every way out, panics included. The loop reads an event,
//! turns it into an [`action::Action`] (`keymap`), lets [`App::update`] change the state, carries
//! out the returned [`action::Effect`] (writing files, running an editor) outside of drawing, and
//! draws the new state (`view`).

pub mod action;
pub mod app;
pub mod editor;
pub mod export;
pub mod keymap;
pub mod steps;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;

use crate::i18n::{Ui, t};

pub use action::{Action, Effect};
pub use app::{App, Options, Step};

/// Two Backspace presses closer than this are one key held down.
const HELD: Duration = Duration::from_millis(500);

/// Put the terminal back as it was: bracketed paste off, raw mode off, main screen, cursor shown.
fn restore() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// Restore the terminal before the panic message is printed. Installed before `ratatui::init`,
/// whose own hook runs first and then calls this one.
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
    let mut terminal = ratatui::try_init().context("terminal")?;
    let result = execute!(std::io::stdout(), EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, App::new(ui, today, &options), &options));
    restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    options: &Options,
) -> Result<i32> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut last_backspace: Option<Instant> = None;
    loop {
        terminal.draw(|f| view::draw(f, &app))?;
        let action = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let mut a = keymap::map(k, app.mode());
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
        match app.update(action) {
            Effect::None => {}
            Effect::Quit => return Ok(0),
            Effect::Export(job) => {
                let report = export::run(&job);
                app.update(Action::ExportDone(report));
            }
            Effect::RememberLanguage(ui) => {
                // Not worth stopping for: the language still applies to this run.
                if let Some(dir) = options.data_dir.as_deref() {
                    let mut s = crate::settings::Settings::load(Some(dir));
                    s.ui_lang = Some(ui.code().to_string());
                    let _ = s.save(dir);
                }
            }
            Effect::Editor(text) => {
                restore();
                let result = editor::edit_with(&editor::editor_command(), &text);
                resume(terminal)?;
                app.update(Action::EditorDone(result));
            }
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
