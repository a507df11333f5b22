//! The drawing of each step: how a screen of the interview looks. What a step asks, its
//! options, the current answer and what an answer does live in `crate::interview::steps`; a
//! screen's file here only draws that state (and names its keys for the help bar).

pub mod case;
pub mod check;
pub mod checklist;
pub mod choice;
pub mod district;
pub mod done;
pub mod form;
pub mod info;
pub mod longtext;
pub mod municipality;
pub mod preview;
pub mod service;
pub mod start;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::i18n::t;
use crate::interview::App;
use crate::interview::steps::Screen;

use super::widgets::{self, help_bar::KeyHelp};

impl Screen {
    /// Draw into the body area; returns where the terminal cursor goes, if anywhere.
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        match self {
            Screen::Empty => None,
            Screen::Start(s) => s.render(app, area, buf),
            Screen::Case(s) => s.render(app, area, buf),
            Screen::Choice(s) => s.render(app, area, buf),
            Screen::Form(s) => s.render(app, area, buf),
            Screen::Service(s) => s.render(app, area, buf),
            Screen::District(s) => s.render(app, area, buf),
            Screen::Info(s) => s.render(app, area, buf),
            Screen::Long(s) => s.render(app, area, buf),
            Screen::Checklist(s) => s.render(app, area, buf),
            Screen::Municipality(s) => s.render(app, area, buf),
            Screen::Check(s) => s.render(app, area, buf),
            Screen::Preview(s) => s.render(app, area, buf),
            Screen::Done(s) => s.render(app, area, buf),
        }
    }

    /// The keys of this screen, for the help bar (the keys for back, help and quit are added).
    pub fn keys(&self, app: &App) -> Vec<KeyHelp> {
        let k = |key: &str, what: &str| (t(app.ui, key), t(app.ui, what));
        match self {
            Screen::Empty => Vec::new(),
            Screen::Start(s) => s.keys(app),
            Screen::Choice(_) | Screen::Case(_) => vec![
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.enter", "tui.key.choose"),
            ],
            Screen::Form(f) if f.inputs.len() == 1 => vec![k("tui.key.enter", "tui.key.go-on")],
            Screen::Form(_) => vec![
                k("tui.key.enter", "tui.key.next-field"),
                k("tui.key.tab-arrows", "tui.key.between-fields"),
            ],
            Screen::Service(_) | Screen::District(_) | Screen::Municipality(_) => vec![
                k("tui.key.type", "tui.key.filter"),
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.enter", "tui.key.choose"),
            ],
            Screen::Info(_) => vec![
                k("tui.key.enter", "tui.key.go-on"),
                k("tui.key.scroll", "tui.key.read-more"),
            ],
            Screen::Long(_) => {
                let mut keys = vec![
                    k("tui.key.enter", "tui.key.new-line"),
                    k("tui.key.tab", "tui.key.go-on"),
                ];
                // Not offered where no editor was found.
                if crate::tui::editor::offered() {
                    keys.push(k("tui.key.ctrl-e", "tui.key.editor"));
                }
                keys
            }
            Screen::Checklist(c) => c.keys(app),
            Screen::Check(_) => vec![
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.enter", "tui.key.change"),
                k("tui.key.tab", "tui.key.to-preview"),
            ],
            Screen::Preview(_) => vec![
                k("tui.key.scroll", "tui.key.read-more"),
                k("tui.key.enter", "tui.key.to-save"),
            ],
            Screen::Done(d) => d.keys(app),
        }
    }
}

/// Draw a question's title and hint; returns the area below them. In a very low window the hint
/// is left out (F1 shows it), so that the answer still has room.
pub fn question(app: &App, title: &str, hint: &str, area: Rect, buf: &mut Buffer) -> Rect {
    question_with_room(app, title, hint, area, buf, 5, LowWindow::DropHint)
}

/// What [`question_with_room`] does with the hint when the window is too low for all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LowWindow {
    /// Leave the hint out.
    DropHint,
    /// Keep what fits, cut short with "…" (F1 has it in full): for a text box, whose guidance
    /// matters while writing.
    CutHint,
}

/// [`question`], keeping `room` rows for the answer below.
pub fn question_with_room(
    app: &App,
    title: &str,
    hint: &str,
    area: Rect,
    buf: &mut Buffer,
    room: u16,
    low: LowWindow,
) -> Rect {
    let th = app.theme();
    let mut used = widgets::put_wrapped(title, area, buf, th.title) + 1;
    let mut lines = widgets::wrap(hint, area.width);
    let fit = usize::from(area.height.saturating_sub(used + 1 + room));
    if hint.is_empty() || fit == 0 || (lines.len() > fit && low == LowWindow::DropHint) {
        return widgets::below(area, used);
    }
    if lines.len() > fit {
        lines.truncate(fit);
        if let Some(last) = lines.last_mut() {
            *last = widgets::ellipsize(&format!("{last} …"), usize::from(area.width));
        }
    }
    used += widgets::put_lines(&lines, widgets::below(area, used), buf, th.hint) + 1;
    widgets::below(area, used)
}
