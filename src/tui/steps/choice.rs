//! How the choice screen looks (its question, options and answer live in
//! `crate::interview::steps::choice`).

use super::question;
use crate::interview::App;
use crate::interview::steps::choice::*;
use crate::interview::steps::{centred_offset, title_and_hint};
use crate::tui::theme::{RADIO_OFF, RADIO_ON, SELECTED, UNSELECTED};
use crate::tui::widgets;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl ChoiceState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let (title, hint) = title_and_hint(app, self.step);
        let mut rest = question(app, &title, &hint, area, buf);
        if let Some(e) = &self.error {
            let used = widgets::put_wrapped(e, rest, buf, th.error) + 1;
            rest = widgets::below(rest, used);
        }
        let opts = options(self.step, app);
        let chosen = current(self.step, app);
        // Lines of all options, with where each option starts and ends.
        let mut lines: Vec<(String, bool, bool)> = Vec::new();
        let mut spans = Vec::new();
        for (i, o) in opts.iter().enumerate() {
            let sel = self.picked && i == self.selected;
            let mark = if sel { SELECTED } else { UNSELECTED };
            let radio = if chosen == Some(i) {
                RADIO_ON
            } else {
                RADIO_OFF
            };
            let start = lines.len();
            let first = format!("{mark}{radio}{}. ", i + 1);
            for l in widgets::wrap_hanging(&o.label, rest.width, &first) {
                lines.push((l, sel, false));
            }
            if !o.hint.is_empty() {
                let pad = " ".repeat(first.chars().count());
                for l in widgets::wrap_hanging(&o.hint, rest.width, &pad) {
                    lines.push((l, false, true));
                }
            }
            spans.push((start, lines.len()));
            lines.push((String::new(), false, false));
        }
        let height = usize::from(rest.height);
        let (s, e) = spans.get(self.selected).copied().unwrap_or((0, 0));
        let off = centred_offset(s, e, lines.len(), height);
        for (row, (l, sel, dim)) in lines.iter().skip(off).take(height).enumerate() {
            let style = if *sel {
                th.selected
            } else if *dim {
                th.dim
            } else {
                th.base
            };
            let y = rest.y + u16::try_from(row).unwrap_or(0);
            buf.set_string(rest.x, y, l, style);
        }
        // The blank line after the last answer does not count as more.
        let total = lines
            .iter()
            .rposition(|(l, _, _)| !l.is_empty())
            .map_or(0, |i| i + 1);
        widgets::scroll_marks(rest, off, height, total, buf, th.dim);
        None
    }
}
