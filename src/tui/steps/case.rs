//! How the case screen looks (its question, options and answer live in
//! `crate::interview::steps::case`).

use crate::i18n::t;
use crate::interview::App;
use crate::interview::steps::case::*;
use crate::interview::steps::centred_offset;
use crate::tui::theme::{SELECTED, UNSELECTED};
use crate::tui::widgets;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl CaseState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let ui = app.ui;
        let w = area.width;
        // (text, style) with the span of each choice.
        let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
        for l in widgets::wrap(&t(ui, "tui.q.case.title"), w) {
            lines.push((l, th.title));
        }
        if let Some(s) = subject(app) {
            for l in widgets::wrap(&s, w) {
                lines.push((l, th.label));
            }
        }
        if let Some(s) = send_line(app) {
            for l in widgets::wrap(&s, w) {
                lines.push((l, th.base));
            }
        }
        if app.counter {
            // Said plainly: nothing here outlives the session.
            for l in widgets::wrap(&t(ui, "tui.case.counter"), w) {
                lines.push((l, th.warning));
            }
        }
        lines.push((String::new(), th.base));
        let tl = timeline(app);
        if !tl.is_empty() {
            for l in widgets::wrap(&t(ui, "tui.case.timeline"), w) {
                lines.push((l, th.label));
            }
            for item in &tl {
                // "✓ …" / "• …": the text of a long item lines up after its mark.
                let (mark, text) = match item.char_indices().nth(2) {
                    Some((i, _)) => item.split_at(i),
                    None => (item.as_str(), ""),
                };
                // A missed deadline in the warning style.
                let style = if item.starts_with(crate::timeline::WARN) {
                    th.warning
                } else {
                    th.base
                };
                for l in widgets::wrap_hanging(text, w, &format!("  {mark}")) {
                    lines.push((l, style));
                }
            }
            lines.push((String::new(), th.base));
        }
        for l in widgets::wrap(&t(ui, "tui.case.what-now"), w) {
            lines.push((l, th.label));
        }
        let mut spans = Vec::new();
        for (i, o) in options(app).iter().enumerate() {
            let sel = i == self.selected;
            let mark = if sel { SELECTED } else { UNSELECTED };
            let first = format!("{mark}{}. ", i + 1);
            let start = lines.len();
            let style = if sel { th.selected } else { th.base };
            for l in widgets::wrap_hanging(&o.label, w, &first) {
                lines.push((l, style));
            }
            // The explanation of the chosen line only, so that the list stays short.
            if sel && !o.hint.is_empty() {
                let pad = " ".repeat(first.chars().count());
                for l in widgets::wrap_hanging(&o.hint, w, &pad) {
                    lines.push((l, th.dim));
                }
            }
            spans.push((start, lines.len()));
        }
        let height = usize::from(area.height);
        let (s, e) = spans.get(self.selected).copied().unwrap_or((0, 0));
        // The top (title and timeline) stays in view while the chosen line fits below it.
        let off = if e <= height {
            0
        } else {
            centred_offset(s, e, lines.len(), height)
        };
        for (row, (l, style)) in lines.iter().skip(off).take(height).enumerate() {
            let y = area.y + u16::try_from(row).unwrap_or(0);
            buf.set_stringn(area.x, y, l, usize::from(w), *style);
        }
        widgets::scroll_marks(area, off, height, lines.len(), buf, th.dim);
        None
    }
}
