//! How the form screen looks (its question, options and answer live in
//! `crate::interview::steps::form`).

use super::question;
use crate::i18n::t;
use crate::interview::App;
use crate::interview::steps::form::*;
use crate::interview::steps::{title_and_hint, tr};
use crate::tui::theme::{SELECTED, UNSELECTED};
use crate::tui::widgets::{self, ellipsize};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl FormState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let (title, hint) = title_and_hint(app, self.step);
        let rest = question(app, &title, &hint, area, buf);
        let specs = self.specs(app);
        let optional = t(app.ui, "tui.optional");
        let labels: Vec<String> = specs
            .iter()
            .map(|s| {
                let l = tr(app, &format!("tui.field.{}", s.id));
                if s.required {
                    l
                } else {
                    format!("{l} ({optional})")
                }
            })
            .collect();
        let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 3;
        let width = usize::from(rest.width);
        // Labels above the fields when a field would be too narrow beside its label (a date
        // needs room for "23. november 2026").
        let need = specs
            .iter()
            .map(|s| if s.kind == Kind::Date { 20 } else { 14 })
            .max()
            .unwrap_or(14);
        let stacked = label_w + need > width;
        // The rows of the form, laid out first, so that the field with the focus can be
        // scrolled into view when the window is low (a zoomed terminal).
        let mut rows: Vec<FormRow> = Vec::new();
        let mut spans = Vec::new();
        for (i, spec) in specs.iter().enumerate() {
            let start = rows.len();
            if stacked {
                rows.push(FormRow::Label(i));
            }
            rows.push(FormRow::Field(i, spec.kind));
            if let Some(note) = self.note(app, i) {
                let (text, kind) = match note {
                    Note::Error(e) => (format!("{}: {e}", t(app.ui, "word.error")), 0),
                    Note::Ok(s) => (s, 1),
                    Note::Hint(h) => (h, 2),
                    Note::Warning(w) => (format!("{}: {w}", t(app.ui, "word.warning")), 3),
                };
                let indent = if stacked { 2 } else { label_w };
                for l in widgets::wrap(&text, u16::try_from(width - indent).unwrap_or(10)) {
                    rows.push(FormRow::Note(indent, l, kind));
                }
            }
            spans.push((start, rows.len()));
            if specs.len() > 1 && !stacked && rest.height as usize > specs.len() * 3 {
                rows.push(FormRow::Blank);
            }
        }
        let height = usize::from(rest.height);
        let (s, e) = spans.get(self.focus).copied().unwrap_or((0, 1));
        let off = widgets::scroll_to(0, s, e, height);
        let mut cursor = None;
        for (n, row) in rows.iter().enumerate().skip(off).take(height) {
            let y = rest.y + u16::try_from(n - off).unwrap_or(0);
            match row {
                FormRow::Label(i) => {
                    let focused = *i == self.focus;
                    let mark = if focused { SELECTED } else { UNSELECTED };
                    let style = if focused { th.selected } else { th.label };
                    buf.set_string(
                        rest.x,
                        y,
                        format!("{mark}{}", ellipsize(&labels[*i], width - 2)),
                        style,
                    );
                }
                FormRow::Field(i, kind) => {
                    let focused = *i == self.focus;
                    let (field_x, avail) = if stacked {
                        (rest.x + 2, width.saturating_sub(2))
                    } else {
                        let mark = if focused { SELECTED } else { UNSELECTED };
                        let style = if focused { th.selected } else { th.label };
                        buf.set_string(rest.x, y, format!("{mark}{}", labels[*i]), style);
                        (
                            rest.x + u16::try_from(label_w).unwrap_or(0),
                            width - label_w,
                        )
                    };
                    let want = match kind {
                        // "23. november 2026" whole, and the cursor after it.
                        Kind::Date => 20,
                        Kind::Postcode => 8,
                        Kind::Text => 60,
                    };
                    let w = u16::try_from(want.min(avail)).unwrap_or(10);
                    let field_area = Rect::new(field_x, y, w, 1);
                    let style = if focused { th.field_focus } else { th.field };
                    let pos = self.inputs[*i].render(field_area, buf, style, th.base, focused);
                    if focused {
                        cursor = pos;
                    }
                }
                FormRow::Note(indent, l, kind) => {
                    let style = match kind {
                        0 => th.error,
                        1 => th.success,
                        3 => th.warning,
                        _ => th.dim,
                    };
                    buf.set_string(rest.x + u16::try_from(*indent).unwrap_or(0), y, l, style);
                }
                FormRow::Blank => {}
            }
        }
        widgets::scroll_marks(rest, off, height, rows.len(), buf, th.dim);
        cursor
    }
}

/// A row of a form as drawn: a label above its field (narrow windows), a field (with its label
/// beside it in wide windows), a line of a note (indent, text, 0 error / 1 ok / 2 hint), or
/// space between fields.
enum FormRow {
    Label(usize),
    Field(usize, Kind),
    Note(usize, String, u8),
    Blank,
}
