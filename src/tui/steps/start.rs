//! Step 1, start: what the program does, the interface language, and "start a new complaint".

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::i18n::{Ui, t};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Flow};
use crate::tui::theme::{RADIO_OFF, RADIO_ON, SELECTED, UNSELECTED};
use crate::tui::widgets;

/// The rows to choose from: start, then the three languages.
const ROWS: usize = 4;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartState {
    pub selected: usize,
}

fn language(row: usize) -> Option<Ui> {
    match row {
        1 => Some(Ui::Nb),
        2 => Some(Ui::Nn),
        3 => Some(Ui::En),
        _ => None,
    }
}

impl StartState {
    pub fn new(_app: &App) -> StartState {
        StartState { selected: 0 }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::Tab => self.selected = (self.selected + 1).min(ROWS - 1),
            Action::BackTab => self.selected = self.selected.saturating_sub(1),
            Action::Home => self.selected = 0,
            Action::End => self.selected = ROWS - 1,
            Action::Enter | Action::Char(' ') => match language(self.selected) {
                Some(ui) if ui != app.ui => {
                    app.ui = ui;
                    if !app.counter {
                        return Flow::Effect(Effect::RememberLanguage(ui));
                    }
                }
                Some(_) => {}
                None => {
                    if app.raw.language.is_none() && app.ui != Ui::En {
                        let code = if app.ui == Ui::Nn { "nn" } else { "nb" };
                        app.edit(|r| r.language = Some(code.into()));
                    }
                    return Flow::Next;
                }
            },
            Action::Back => return Flow::Back,
            _ => {}
        }
        Flow::Stay
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = &app.theme;
        let ui = app.ui;
        let mut y = widgets::put_wrapped(&t(ui, "tui.start.title"), area, buf, th.title) + 1;
        y += widgets::put_wrapped(
            &t(ui, "tui.start.intro"),
            widgets::below(area, y),
            buf,
            th.hint,
        ) + 1;
        let row = |i: usize| {
            if i == self.selected {
                SELECTED
            } else {
                UNSELECTED
            }
        };
        let style = |i: usize| {
            if i == self.selected {
                th.selected
            } else {
                th.base
            }
        };
        let line = format!("{}{}", row(0), t(ui, "tui.start.new"));
        y += widgets::put_lines(&[line], widgets::below(area, y), buf, style(0)) + 1;
        y += widgets::put_wrapped(
            &t(ui, "tui.start.language"),
            widgets::below(area, y),
            buf,
            th.label,
        );
        for i in 1..ROWS {
            let Some(lang) = language(i) else { continue };
            let radio = if lang == ui { RADIO_ON } else { RADIO_OFF };
            let name = t(ui, &format!("tui.start.lang-{}", lang.code()));
            let line = format!("{}{radio}{name}", row(i));
            y += widgets::put_lines(&[line], widgets::below(area, y), buf, style(i));
        }
        y += 1;
        widgets::put_wrapped(
            &t(ui, "tui.start.letter-note"),
            widgets::below(area, y),
            buf,
            th.dim,
        );
        None
    }
}
