//! Step 1, start: what the program does, the interface language, "start a new complaint" (always a
//! blank case), and the saved cases to go on with, by deadline and then name (each with its
//! deadline, in words when it is close or passed), damaged ones among them, which cannot be
//! opened. Del deletes the chosen case after a question; when the cases do not fit on the
//! screen, typing filters them by name. In counter mode: that nothing is saved, and nothing of
//! the last person kept.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::i18n::{Ui, t, tf};
use crate::interview::action::Mode;
use crate::interview::action::{Action, Effect};
use crate::interview::app::{App, Flow, Modal, NewCase};
use crate::interview::drafts::{self, Notice, Urgency};
use crate::interview::list::{self, Keys};
use crate::tui::theme::{RADIO_OFF, RADIO_ON, SELECTED, UNSELECTED};
use crate::tui::widgets;
use crate::tui::widgets::help_bar::KeyHelp;

use super::centred_offset;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartState {
    pub selected: usize,
    /// What was typed to filter the saved cases (only when they do not fit on the screen).
    pub filter: String,
}

/// A row to choose on the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Start a new complaint: always a blank case.
    New,
    /// Write another letter (innsyn, reminder, fullmakt …) about a new case: the case screen.
    NewLetter,
    /// A saved case (index into the listing's cases).
    Case(usize),
    /// A damaged draft (index into the listing's damaged ones): says why, never opens.
    Damaged(usize),
    /// An interface language.
    Lang(Ui),
}

/// The rows, top to bottom: start, the saved cases (those matching the filter), the damaged
/// drafts (not while filtering), the three languages.
pub fn rows(app: &App, filter: &str) -> Vec<Row> {
    let mut v = vec![Row::New, Row::NewLetter];
    let filter = filter.trim();
    v.extend(
        app.listing
            .cases
            .iter()
            .enumerate()
            .filter(|(_, e)| filter.is_empty() || drafts::matches_filter(app.ui, e, filter))
            .map(|(i, _)| Row::Case(i)),
    );
    if filter.is_empty() {
        v.extend((0..app.listing.damaged.len()).map(Row::Damaged));
    }
    v.extend(Ui::ALL.map(Row::Lang));
    v
}

/// Where the list of saved cases goes in `area`: the row it starts at (below its heading and,
/// when the list can be filtered, the filter line) and the rows it may use (what the languages
/// below leave).
fn list_area(app: &App, area: Rect, filterable: bool) -> (u16, u16) {
    let ui = app.ui;
    let lines = |text: &str| u16::try_from(widgets::wrap(text, area.width).len()).unwrap_or(0);
    let mut y = lines(&t(ui, "tui.start.title")) + 1;
    let intro_h = lines(&t(ui, "tui.start.intro"));
    if area.height >= y.saturating_add(intro_h) + 1 + 7 {
        y += intro_h + 1;
    }
    if app.counter {
        y += lines(&t(ui, "tui.start.counter")) + 1;
    }
    y += 1 + u16::try_from(
        widgets::wrap_hanging(&t(ui, "tui.start.new-letter"), area.width, UNSELECTED).len(),
    )
    .unwrap_or(1);
    y += 1;
    y += lines(&t(ui, "tui.start.saved-heading"));
    if filterable {
        y += 1;
    }
    (y, area.height.saturating_sub(y).saturating_sub(5))
}

/// The lines each saved case and damaged draft takes in the list.
fn saved_lines(app: &App, width: u16) -> usize {
    let cases: usize = app
        .listing
        .cases
        .iter()
        .map(|e| {
            let r = drafts::case_row(app.ui, e, app.today);
            widgets::wrap_hanging(&r.title, width, UNSELECTED).len()
                + widgets::wrap_hanging(&r.detail, width, "    ").len()
        })
        .sum();
    let damaged: usize = app
        .listing
        .damaged
        .iter()
        .map(|d| widgets::wrap_hanging(&drafts::damaged_row(app.ui, d), width, UNSELECTED).len())
        .sum();
    cases + damaged
}

/// There are more saved cases than fit on the screen: typing filters them by name.
pub fn filterable(app: &App) -> bool {
    if app.listing.cases.len() < 2 {
        return false;
    }
    // The body of the window with a help bar of two rows (the bar's height depends on the keys,
    // which depend on this).
    let (w, h) = app.size;
    let margin = if w >= 60 { 2 } else { 1 };
    let area = Rect::new(
        0,
        0,
        w.saturating_sub(2 * margin),
        h.saturating_sub(2 + 2 + 1),
    );
    let (_, room) = list_area(app, area, false);
    saved_lines(app, area.width) > usize::from(room)
}

impl StartState {
    pub fn new(_app: &App) -> StartState {
        StartState::default()
    }

    /// Letters are typed into the filter when the list can be filtered.
    pub fn mode(&self, app: &App) -> Mode {
        if filterable(app) {
            Mode::Line
        } else {
            Mode::Nav
        }
    }

    /// The first saved case shown (after the filter changed), else the top.
    fn select_first_case(&mut self, app: &App) {
        self.selected = rows(app, &self.filter)
            .iter()
            .position(|r| matches!(r, Row::Case(_)))
            .unwrap_or(0);
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let rows = rows(app, &self.filter);
        let last = rows.len() - 1;
        self.selected = self.selected.min(last);
        if list::cursor(&mut self.selected, rows.len(), &action, Keys::CHOICES) {
            return Flow::Stay;
        }
        match action {
            Action::Char(' ') if self.filter.is_empty() => return self.choose(app, &rows),
            Action::Enter => return self.choose(app, &rows),
            Action::Char(c) if filterable(app) => {
                self.filter.push(c);
                self.select_first_case(app);
            }
            Action::Paste(text) if filterable(app) => {
                self.filter.push_str(text.lines().next().unwrap_or(""));
                self.select_first_case(app);
            }
            Action::Backspace | Action::BackspaceHeld if self.filter.pop().is_some() => {
                self.select_first_case(app);
            }
            Action::ClearLine => {
                self.filter.clear();
                self.selected = 0;
            }
            Action::Delete => self.ask_delete(app, &rows),
            // Esc empties the filter first; on the start screen itself it asks before quitting.
            Action::Back if !self.filter.is_empty() => {
                self.filter.clear();
                self.selected = 0;
            }
            Action::Back => return Flow::Back,
            _ => {}
        }
        Flow::Stay
    }

    fn choose(&mut self, app: &mut App, rows: &[Row]) -> Flow {
        match rows.get(self.selected).copied() {
            Some(Row::Lang(ui)) if ui != app.ui => {
                app.ui = ui;
                if !app.counter {
                    return Flow::Effect(Effect::RememberLanguage(ui));
                }
            }
            Some(Row::Lang(_)) => {}
            Some(Row::Case(i)) => {
                if let Some(e) = app.listing.cases.get(i) {
                    return Flow::NewCase(NewCase::Open(e.id.clone()));
                }
            }
            Some(Row::Damaged(i)) => {
                if let Some(d) = app.listing.damaged.get(i) {
                    app.notice = Some(Notice::NotOpened(drafts::damaged_message(app.ui, d)));
                }
            }
            Some(Row::NewLetter) => return Flow::NewCase(NewCase::Letter),
            Some(Row::New) | None => return Flow::NewCase(NewCase::Complaint),
        }
        Flow::Stay
    }

    /// Del on a saved case (or a damaged draft): ask before deleting it.
    fn ask_delete(&self, app: &mut App, rows: &[Row]) {
        let (id, name) = match rows.get(self.selected).copied() {
            Some(Row::Case(i)) => match app.listing.cases.get(i) {
                Some(e) => (
                    e.id.clone(),
                    format!(
                        "{} – {}",
                        crate::summary::person_label(app.ui, &e.raw),
                        crate::summary::service_label(app.ui, &e.raw)
                    ),
                ),
                None => return,
            },
            Some(Row::Damaged(i)) => match app.listing.damaged.get(i) {
                Some(d) => (d.id.clone(), d.id.clone()),
                None => return,
            },
            _ => return,
        };
        app.modal = Some(Modal::ConfirmDelete(id, name));
    }

    /// The keys of the start screen, for the help bar.
    pub fn keys(&self, app: &App) -> Vec<KeyHelp> {
        let k = |key: &str, what: &str| (t(app.ui, key), t(app.ui, what));
        let mut v = vec![
            k("tui.key.arrows", "tui.key.move"),
            k("tui.key.enter", "tui.key.choose"),
        ];
        if filterable(app) {
            v.push(k("tui.key.type", "tui.key.filter"));
        }
        let on_case = matches!(
            rows(app, &self.filter).get(self.selected),
            Some(Row::Case(_) | Row::Damaged(_))
        );
        if on_case {
            v.push(k("tui.key.del", "tui.key.delete-case"));
        }
        v
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = &app.theme;
        let ui = app.ui;
        let rows = rows(app, &self.filter);
        let filterable = filterable(app);
        let mut cursor = None;
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
        let saved = app.listing.cases.len() + app.listing.damaged.len();
        if saved > 0 {
            y += widgets::put_wrapped(
                &t(ui, "tui.start.saved-heading"),
                widgets::below(area, y),
                buf,
                th.label,
            );
            if filterable {
                // "Søk etter navn: ola▏" (typing goes here), or what to type.
                let label = t(ui, "tui.start.filter");
                let shown = if self.filter.is_empty() {
                    format!("{label} {}", t(ui, "tui.start.filter-hint"))
                } else {
                    format!("{label} {}", self.filter)
                };
                if y < area.height {
                    let style = if self.filter.is_empty() {
                        th.dim
                    } else {
                        th.base
                    };
                    buf.set_stringn(area.x, area.y + y, &shown, usize::from(area.width), style);
                    let x = label.chars().count() + 1 + self.filter.chars().count();
                    if self.filter.is_empty() || x < usize::from(area.width) {
                        let x = if self.filter.is_empty() {
                            label.chars().count() + 1
                        } else {
                            x
                        };
                        cursor = Some(Position::new(
                            area.x
                                + u16::try_from(x)
                                    .unwrap_or(0)
                                    .min(area.width.saturating_sub(1)),
                            area.y + y,
                        ));
                    }
                }
                y += 1;
                if !rows.iter().any(|r| matches!(r, Row::Case(_))) {
                    let none = tf(
                        ui,
                        "tui.start.filter-none",
                        &[("text", self.filter.clone())],
                    );
                    y += widgets::put_wrapped(&none, widgets::below(area, y), buf, th.hint);
                }
            }
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
        cursor
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
