//! Checklists: what else to ask for (access to documents, postponed implementation), and the
//! attachments (a copy of the decision, a medical statement, and anything the person adds).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::law;
use crate::domain::situation::Situation;
use crate::i18n::{t, tf};
use crate::tui::action::Action;
use crate::tui::app::{App, Flow, Step, letter_ui};
use crate::tui::keymap::Mode;
use crate::tui::theme::{CHECKED, SELECTED, UNCHECKED, UNSELECTED};
use crate::tui::widgets;
use crate::tui::widgets::help_bar::KeyHelp;
use crate::tui::widgets::text_field::{FieldEvent, TextInput};

use super::info::law_lang;
use super::{centred_offset, question, title_and_hint};

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Ask for access to documents (innsyn).
    Innsyn,
    /// Ask for postponed implementation (utsatt iverksetting).
    Postponement,
    /// A suggested attachment (its text goes into the letter).
    Suggested,
    /// An attachment the person added.
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub label: String,
    pub checked: bool,
}

/// The most attachments a letter lists: with every field full, a draft still reads back (see
/// `tests/store.rs`).
pub const MAX_ATTACHMENTS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistState {
    pub step: Step,
    pub items: Vec<Item>,
    /// The row with the focus: an item, the "add" field (attachments), or "go on".
    pub focus: usize,
    /// The field for adding an attachment.
    pub input: TextInput,
}

/// The attachments the wizard suggests, in the letter's language.
pub fn suggested_attachments(app: &App) -> Vec<String> {
    let ui = letter_ui(&app.raw);
    vec![t(ui, "tui.attach.decision"), t(ui, "tui.attach.doctor")]
}

pub(crate) fn cut(app: &App) -> bool {
    app.raw
        .situation
        .as_deref()
        .and_then(Situation::from_id)
        .is_some_and(|s| s.takes_away_service())
}

impl ChecklistState {
    pub fn new(step: Step, app: &App) -> ChecklistState {
        let raw = &app.raw;
        let mut items = Vec::new();
        if step == Step::Requests {
            let req = raw.requests.clone().unwrap_or_default();
            items.push(Item {
                kind: Kind::Innsyn,
                label: t(app.ui, "tui.request.innsyn"),
                checked: req.access_to_documents.unwrap_or(false),
            });
            if cut(app) {
                items.push(Item {
                    kind: Kind::Postponement,
                    label: t(app.ui, "tui.request.postponement"),
                    checked: req.postponement.unwrap_or(false),
                });
            }
        } else {
            let given = raw.attachments.clone().unwrap_or_default();
            for s in suggested_attachments(app) {
                items.push(Item {
                    checked: given.contains(&s),
                    kind: Kind::Suggested,
                    label: s,
                });
            }
            for a in given {
                if !items.iter().any(|i| i.label == a) {
                    items.push(Item {
                        kind: Kind::Added,
                        label: a,
                        checked: true,
                    });
                }
            }
        }
        ChecklistState {
            step,
            items,
            focus: 0,
            input: TextInput::new(""),
        }
    }

    /// Index of the "add an attachment" row, if there is one.
    fn add_row(&self) -> Option<usize> {
        (self.step == Step::Attachments).then_some(self.items.len())
    }

    /// As many attachments ticked as a letter may list.
    fn full(&self) -> bool {
        self.step == Step::Attachments
            && self.items.iter().filter(|i| i.checked).count() >= MAX_ATTACHMENTS
    }

    /// Index of the "go on" row.
    fn go_on_row(&self) -> usize {
        self.items.len() + usize::from(self.add_row().is_some())
    }

    pub fn mode(&self) -> Mode {
        if Some(self.focus) == self.add_row() {
            Mode::Line
        } else {
            Mode::Nav
        }
    }

    pub fn keys(&self, app: &App) -> Vec<KeyHelp> {
        let k = |key: &str, what: &str| (t(app.ui, key), t(app.ui, what));
        if self.mode() == Mode::Line {
            vec![
                k("tui.key.type", "tui.key.attachment"),
                k("tui.key.enter", "tui.key.add"),
                k("tui.key.arrows", "tui.key.move"),
            ]
        } else {
            vec![
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.space-enter", "tui.key.tick"),
                k("tui.key.tab", "tui.key.go-on"),
            ]
        }
    }

    fn write(&self, app: &mut App) {
        if self.step == Step::Requests {
            let innsyn = self
                .items
                .iter()
                .any(|i| i.kind == Kind::Innsyn && i.checked);
            let post = self
                .items
                .iter()
                .any(|i| i.kind == Kind::Postponement && i.checked);
            app.edit(|r| {
                let req = r.requests.get_or_insert_with(Default::default);
                req.access_to_documents = Some(innsyn);
                req.postponement = Some(post);
            });
        } else {
            let list: Vec<String> = self
                .items
                .iter()
                .filter(|i| i.checked)
                .map(|i| i.label.clone())
                .collect();
            app.edit(|r| r.attachments = (!list.is_empty()).then_some(list));
        }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let last = self.go_on_row();
        let on_add = Some(self.focus) == self.add_row();
        match action {
            Action::Back => return Flow::Back,
            Action::Tab => return Flow::Next,
            Action::Up | Action::BackTab => self.focus = self.focus.saturating_sub(1),
            Action::Down => self.focus = (self.focus + 1).min(last),
            Action::Enter if on_add => match self.input.answer() {
                // Full: the screen says so (see `render`); the text stays in the field.
                Some(_) if self.full() => {}
                Some(a) => {
                    if !self.items.iter().any(|i| i.label == a) {
                        self.items.push(Item {
                            kind: Kind::Added,
                            label: a,
                            checked: true,
                        });
                    }
                    self.input.set("");
                    self.focus = self.items.len();
                    self.write(app);
                }
                None => return Flow::Next,
            },
            Action::Enter | Action::Char(' ') if self.focus == last => return Flow::Next,
            Action::Enter | Action::Char(' ') if !on_add => {
                let full = self.full();
                if let Some(i) = self.items.get_mut(self.focus)
                    && (i.checked || !full)
                {
                    i.checked = !i.checked;
                    self.write(app);
                }
            }
            other if on_add && self.input.handle(&other) == FieldEvent::BackspaceOnEmpty => {
                self.focus = self.focus.saturating_sub(1);
            }
            _ => {}
        }
        Flow::Stay
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = &app.theme;
        let ui = app.ui;
        let lang = law_lang(ui);
        let (title, hint) = title_and_hint(app, self.step);
        let rest = question(app, &title, &hint, area, buf);
        // (text, style kind: 0 normal, 1 selected, 2 dim)
        let mut lines: Vec<(String, u8)> = Vec::new();
        let mut spans = Vec::new();
        for (n, item) in self.items.iter().enumerate() {
            let sel = n == self.focus;
            let mark = if sel { SELECTED } else { UNSELECTED };
            let check = if item.checked { CHECKED } else { UNCHECKED };
            let start = lines.len();
            for l in widgets::wrap_hanging(&item.label, rest.width, &format!("{mark}{check}")) {
                lines.push((l, u8::from(sel)));
            }
            let hint = match item.kind {
                Kind::Innsyn => tf(
                    ui,
                    "tui.request.innsyn.hint",
                    &[("rule", law::FVL_18.full(lang))],
                ),
                Kind::Postponement => tf(
                    ui,
                    "tui.request.postponement.hint",
                    &[("rule", law::FVL_42.full(lang))],
                ),
                _ => String::new(),
            };
            if !hint.is_empty() {
                for l in widgets::wrap_hanging(&hint, rest.width, "      ") {
                    lines.push((l, 2));
                }
            }
            spans.push((start, lines.len()));
            if self.step == Step::Requests {
                lines.push((String::new(), 0));
            }
        }
        let mut cursor_row = None;
        if let Some(add) = self.add_row() {
            lines.push((String::new(), 0));
            let sel = self.focus == add;
            let mark = if sel { SELECTED } else { UNSELECTED };
            spans.push((lines.len(), lines.len() + 1));
            cursor_row = Some(lines.len());
            lines.push((format!("{mark}{}", t(ui, "tui.attach.add")), u8::from(sel)));
            if self.full() {
                let full = crate::i18n::tf(
                    ui,
                    "tui.attach.full",
                    &[("max", MAX_ATTACHMENTS.to_string())],
                );
                for l in widgets::wrap(&full, rest.width) {
                    lines.push((l, 2));
                }
            }
        }
        lines.push((String::new(), 0));
        let sel = self.focus == self.go_on_row();
        let mark = if sel { SELECTED } else { UNSELECTED };
        spans.push((lines.len(), lines.len() + 1));
        lines.push((format!("{mark}{}", t(ui, "tui.go-on")), u8::from(sel)));
        if self.step == Step::Attachments
            && app
                .raw
                .representative
                .as_ref()
                .is_some_and(|r| r.power_of_attorney == Some(true))
        {
            lines.push((String::new(), 0));
            for l in widgets::wrap(&t(ui, "tui.attach.fullmakt-note"), rest.width) {
                lines.push((l, 2));
            }
        }
        let height = usize::from(rest.height);
        let (s, e) = spans.get(self.focus).copied().unwrap_or((0, 1));
        let off = centred_offset(s, e, lines.len(), height);
        let mut cursor = None;
        for (row, (l, kind)) in lines.iter().enumerate().skip(off).take(height) {
            let y = rest.y + u16::try_from(row - off).unwrap_or(0);
            let style = match kind {
                1 => th.selected,
                2 => th.dim,
                _ => th.base,
            };
            buf.set_string(rest.x, y, l, style);
            if Some(row) == cursor_row {
                let x = rest.x + u16::try_from(l.chars().count() + 1).unwrap_or(0);
                let w = rest.right().saturating_sub(x);
                let focused = self.mode() == Mode::Line;
                let st = if focused { th.field_focus } else { th.field };
                cursor =
                    self.input
                        .render(Rect::new(x, y, w.min(50), 1), buf, st, th.base, focused);
            }
        }
        widgets::scroll_marks(rest, off, height, lines.len(), buf, th.dim);
        cursor
    }
}
