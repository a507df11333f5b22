//! How the checklist screen looks (its question, options and answer live in
//! `crate::interview::steps::checklist`).

use super::question;
use crate::domain::law;
use crate::i18n::{t, tf};
use crate::interview::action::Mode;
use crate::interview::steps::checklist::*;
use crate::interview::steps::info::law_lang;
use crate::interview::steps::{centred_offset, title_and_hint};
use crate::interview::{App, Step};
use crate::tui::theme::{CHECKED, SELECTED, UNCHECKED, UNSELECTED};
use crate::tui::widgets;
use crate::tui::widgets::help_bar::KeyHelp;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl ChecklistState {
    pub fn keys(&self, app: &App) -> Vec<KeyHelp> {
        let k = |key: &str, what: &str| (t(app.ui, key), t(app.ui, what));
        if self.editing.is_some() {
            // Naming an attachment, or where the document's file is: Enter keeps it, Esc leaves
            // it as it was.
            vec![
                k("tui.key.type", "tui.key.attachment"),
                k("tui.key.enter", "tui.key.save"),
            ]
        } else if self.mode() == Mode::Line {
            vec![
                k("tui.key.type", "tui.key.attachment"),
                k("tui.key.enter", "tui.key.add"),
                k("tui.key.arrows", "tui.key.move"),
            ]
        } else {
            let mut v = vec![
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.space-enter", "tui.key.tick"),
            ];
            // On an attachment the person added (a file or a name): Delete takes it away.
            if self
                .items
                .get(self.focus)
                .is_some_and(|i| matches!(i.kind, Kind::Added | Kind::File { .. }))
            {
                v.push(k("tui.key.del", "tui.key.remove"));
            }
            if self.items.get(self.focus).is_some_and(|i| {
                matches!(i.kind, Kind::Suggested | Kind::Added | Kind::File { .. })
            }) {
                v.push(k("tui.key.e", "tui.key.rename"));
            }
            v.push(k("tui.key.tab", "tui.key.go-on"));
            v
        }
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
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
            let hint = match &item.kind {
                Kind::Innsyn => tf(
                    ui,
                    "tui.request.innsyn.hint",
                    &[("rule", law::FVL_18.full(lang))],
                ),
                Kind::Postponement(_) if self.ends_postponement(n) => tf(
                    ui,
                    "tui.request.postponement.hint",
                    &[("rule", law::FVL_42.full(lang))],
                ),
                Kind::Reasons => reasons_hint(app),
                Kind::RepDoc(_) => t(ui, "tui.attach.doc.hint"),
                Kind::File { path, info } => {
                    let look = if info.is_ok() { 2 } else { 3 };
                    for l in widgets::wrap_hanging(
                        &format!("{} – {path}", file_detail(ui, info)),
                        rest.width,
                        "      ",
                    ) {
                        lines.push((l, look));
                    }
                    String::new()
                }
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
            let label = format!("{mark}{}", field_label(app, self.editing));
            // The field beside its label when there is room to type a name (16 columns), else
            // on the line below it (a narrow window).
            if label.chars().count() + 1 + 16 <= usize::from(rest.width) {
                spans.push((lines.len(), lines.len() + 1));
                cursor_row = Some(lines.len());
                lines.push((label, u8::from(sel)));
            } else {
                spans.push((lines.len(), lines.len() + 2));
                lines.push((label, u8::from(sel)));
                cursor_row = Some(lines.len());
                lines.push(("   ".to_string(), u8::from(sel)));
            }
            if let Some(e) = &self.error {
                for l in widgets::wrap_hanging(e, rest.width, "      ") {
                    lines.push((l, 3));
                }
            }
            if !self.completions.is_empty() {
                let names = self.completions.join("  ");
                for l in widgets::wrap_hanging(&names, rest.width, "      ") {
                    lines.push((l, 2));
                }
            }
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
        let height = usize::from(rest.height);
        let (s, e) = spans.get(self.focus).copied().unwrap_or((0, 1));
        let off = centred_offset(s, e, lines.len(), height);
        let mut cursor = None;
        for (row, (l, kind)) in lines.iter().enumerate().skip(off).take(height) {
            let y = rest.y + u16::try_from(row - off).unwrap_or(0);
            let style = match kind {
                1 => th.selected,
                2 => th.dim,
                3 => th.error,
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
