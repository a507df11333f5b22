//! Step 1, start: what the program does, the interface language, "start a new complaint" (always a
//! blank case), and the saved cases to go on with, by deadline and then name (each with its
//! deadline, in words when it is close or passed), damaged ones among them, which cannot be
//! opened. Del deletes the chosen case after a question; when the cases do not fit on the
//! screen, typing filters them by name. In counter mode: that nothing is saved, and nothing of
//! the last person kept.

use crate::interview::layout::Area;

use crate::i18n::{Ui, t};
use crate::interview::action::Mode;
use crate::interview::action::{Action, Effect};
use crate::interview::drafts::{self, Notice};
use crate::interview::list::{self, Keys};
use crate::interview::marks::UNSELECTED;
use crate::interview::wrap as widgets;
use crate::interview::{App, Flow, Modal, NewCase};

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
fn list_area(app: &App, area: Area, filterable: bool) -> (u16, u16) {
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
    let area = Area::new(
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
}
