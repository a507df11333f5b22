//! Step 1, start: what the program does, the interface language, "start a new complaint", and
//! the saved cases to go on with (each with its deadline, in words when it is close or passed),
//! damaged ones among them, which cannot be opened. In counter mode: that nothing is saved.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::i18n::{Ui, t};
use crate::tui::action::{Action, DraftRequest, Effect};
use crate::tui::app::{App, Flow};
use crate::tui::drafts::{self, Notice, Urgency};
use crate::tui::theme::{RADIO_OFF, RADIO_ON, SELECTED, UNSELECTED};
use crate::tui::widgets;

use super::centred_offset;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartState {
    pub selected: usize,
}

/// A row to choose on the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Start a new complaint (or go on with the answers given).
    New,
    /// Write another letter (innsyn, reminder, fullmakt …): the case screen.
    NewLetter,
    /// A saved case (index into the listing's cases).
    Case(usize),
    /// A damaged draft (index into the listing's damaged ones): says why, never opens.
    Damaged(usize),
    /// An interface language.
    Lang(Ui),
}

/// The rows, top to bottom: start, the saved cases, the damaged drafts, the three languages.
pub fn rows(app: &App) -> Vec<Row> {
    let mut v = vec![Row::New, Row::NewLetter];
    v.extend((0..app.listing.cases.len()).map(Row::Case));
    v.extend((0..app.listing.damaged.len()).map(Row::Damaged));
    v.extend(Ui::ALL.map(Row::Lang));
    v
}

/// The letter is written in the interface language when that is bokmål or nynorsk.
fn set_letter_language(app: &mut App) {
    if app.raw.language.is_none() && app.ui != Ui::En {
        let code = if app.ui == Ui::Nn { "nn" } else { "nb" };
        app.edit(|r| r.language = Some(code.into()));
    }
}

impl StartState {
    pub fn new(_app: &App) -> StartState {
        StartState { selected: 0 }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let rows = rows(app);
        let last = rows.len() - 1;
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::Tab => self.selected = (self.selected + 1).min(last),
            Action::BackTab => self.selected = self.selected.saturating_sub(1),
            Action::Home => self.selected = 0,
            Action::End => self.selected = last,
            Action::Enter | Action::Char(' ') => match rows.get(self.selected).copied() {
                Some(Row::Lang(ui)) if ui != app.ui => {
                    app.ui = ui;
                    if !app.counter {
                        return Flow::Effect(Effect::RememberLanguage(ui));
                    }
                }
                Some(Row::Lang(_)) => {}
                Some(Row::Case(i)) => {
                    if let Some(e) = app.listing.cases.get(i) {
                        return Flow::Effect(Effect::Draft(DraftRequest::Open(e.id.clone())));
                    }
                }
                Some(Row::Damaged(i)) => {
                    if let Some(d) = app.listing.damaged.get(i) {
                        app.notice = Some(Notice::NotOpened(drafts::damaged_message(app.ui, d)));
                    }
                }
                Some(Row::NewLetter) => {
                    set_letter_language(app);
                    return Flow::Goto(crate::tui::app::Step::Case);
                }
                Some(Row::New) | None => {
                    set_letter_language(app);
                    app.kind = crate::domain::letter::LetterKind::Complaint;
                    app.skip.clear();
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
        let rows = rows(app);
        let mut y = widgets::put_wrapped(&t(ui, "tui.start.title"), area, buf, th.title) + 1;
        // In a low window (a zoomed terminal) the choices come first: the introduction is left
        // out when it would push them off the screen (the help has it too).
        let intro = widgets::wrap(&t(ui, "tui.start.intro"), area.width);
        let intro_h = u16::try_from(intro.len()).unwrap_or(u16::MAX);
        if area.height >= y.saturating_add(intro_h) + 1 + 7 {
            y += widgets::put_lines(&intro, widgets::below(area, y), buf, th.hint) + 1;
        }
        if app.counter {
            y += widgets::put_wrapped(
                &t(ui, "tui.start.counter"),
                widgets::below(area, y),
                buf,
                th.warning,
            ) + 1;
        }
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
        y += widgets::put_lines(&[line], widgets::below(area, y), buf, style(0));
        for l in widgets::wrap_hanging(&t(ui, "tui.start.new-letter"), area.width, row(1)) {
            y += widgets::put_lines(&[l], widgets::below(area, y), buf, style(1));
        }
        y += 1;
        let saved = rows.len() - 5;
        if saved > 0 {
            y += widgets::put_wrapped(
                &t(ui, "tui.start.saved-heading"),
                widgets::below(area, y),
                buf,
                th.label,
            );
            // The list gets what the languages below leave.
            let room = area.height.saturating_sub(y).saturating_sub(5);
            let used =
                self.render_saved(app, &rows, widgets::top(widgets::below(area, y), room), buf);
            y += used + 1;
        }
        y += widgets::put_wrapped(
            &t(ui, "tui.start.language"),
            widgets::below(area, y),
            buf,
            th.label,
        );
        for (i, r) in rows.iter().enumerate() {
            let Row::Lang(lang) = *r else { continue };
            let radio = if lang == ui { RADIO_ON } else { RADIO_OFF };
            let name = t(ui, &format!("tui.start.lang-{}", lang.code()));
            let line = format!("{}{radio}{name}", row(i));
            y += widgets::put_lines(&[line], widgets::below(area, y), buf, style(i));
        }
        y += 1;
        let note = widgets::wrap(&t(ui, "tui.start.letter-note"), area.width);
        // With saved cases listed, the note is left out rather than cut (F1 has it too).
        if saved == 0 || usize::from(area.height.saturating_sub(y)) >= note.len() {
            widgets::put_lines(&note, widgets::below(area, y), buf, th.dim);
        }
        None
    }

    /// The saved cases and damaged drafts, scrolled so that the chosen one is seen; returns the
    /// rows used.
    fn render_saved(&self, app: &App, rows: &[Row], area: Rect, buf: &mut Buffer) -> u16 {
        let th = &app.theme;
        let ui = app.ui;
        // (text, style, row index)
        let mut lines: Vec<(String, Style, usize)> = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let mark = if i == self.selected {
                SELECTED
            } else {
                UNSELECTED
            };
            let chosen = i == self.selected;
            match *r {
                Row::Case(c) => {
                    let Some(e) = app.listing.cases.get(c) else {
                        continue;
                    };
                    let cr = drafts::case_row(ui, e, app.today);
                    let title_style = match (chosen, cr.urgency) {
                        (true, _) => th.selected,
                        (false, Urgency::Passed) => th.error,
                        (false, Urgency::Close) => th.warning,
                        (false, Urgency::Calm) => th.base,
                    };
                    for l in widgets::wrap_hanging(&cr.title, area.width, mark) {
                        lines.push((l, title_style, i));
                    }
                    for l in widgets::wrap_hanging(&cr.detail, area.width, "    ") {
                        lines.push((l, th.hint, i));
                    }
                }
                Row::Damaged(d) => {
                    let Some(d) = app.listing.damaged.get(d) else {
                        continue;
                    };
                    let text = drafts::damaged_row(ui, d);
                    let s = if chosen { th.selected } else { th.error };
                    for l in widgets::wrap_hanging(&text, area.width, mark) {
                        lines.push((l, s, i));
                    }
                }
                Row::New | Row::NewLetter | Row::Lang(_) => {}
            }
        }
        let height = usize::from(area.height);
        let total = lines.len();
        let start = lines.iter().position(|l| l.2 == self.selected);
        let offset = match start {
            Some(s) => {
                let end = lines
                    .iter()
                    .rposition(|l| l.2 == self.selected)
                    .unwrap_or(s)
                    + 1;
                let off = centred_offset(s, end, total, height);
                // Begin with a whole case rather than the end of one.
                let whole = (off..=s)
                    .find(|&i| i == 0 || lines[i].2 != lines[i - 1].2)
                    .unwrap_or(off);
                if whole > off && end <= whole + height {
                    whole
                } else {
                    off
                }
            }
            None => 0,
        };
        let shown: Vec<&(String, Style, usize)> = lines.iter().skip(offset).take(height).collect();
        for (n, (text, style, _)) in shown.iter().enumerate() {
            let yy = area.y + u16::try_from(n).unwrap_or(0);
            buf.set_stringn(area.x, yy, text, usize::from(area.width), *style);
        }
        // More above or below: an arrow at the right edge.
        let right = area.right().saturating_sub(1);
        if offset > 0 && !shown.is_empty() {
            buf.set_string(right, area.y, "↑", th.dim);
        }
        if offset + height < total && !shown.is_empty() {
            let yy = area.y + u16::try_from(shown.len() - 1).unwrap_or(0);
            buf.set_string(right, yy, "↓", th.dim);
        }
        // A list that scrolls keeps its height, so that the languages below do not move.
        if total > height {
            area.height
        } else {
            u16::try_from(shown.len()).unwrap_or(0)
        }
    }
}
