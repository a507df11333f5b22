//! How the bydel screen looks (its question, list and answer live in
//! `crate::interview::steps::district`).

use super::{LowWindow, question_with_room};
use crate::i18n::{t, tf};
use crate::interview::steps::district::*;
use crate::interview::steps::{centred_offset, title_and_hint};
use crate::interview::{App, Step};
use crate::tui::theme::{RADIO_OFF, RADIO_ON, SELECTED, UNSELECTED};
use crate::tui::widgets::{self, ellipsize};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl DistrictState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let ui = app.ui;
        let (title, hint) = title_and_hint(app, Step::District);
        // The list needs room: in a low window the hint goes (F1 has it).
        let rest = question_with_room(app, &title, &hint, area, buf, 6, LowWindow::DropHint);
        // The filter field.
        let cursor = self
            .filter
            .render_labelled(&t(ui, "tui.district.filter"), 30, rest, buf, th);
        let list_area = widgets::below(rest, 2);
        let list = matches(self.filter.value());
        if list.is_empty() {
            let msg = tf(
                ui,
                "tui.district.none",
                &[("filter", self.filter.value().trim().to_string())],
            );
            widgets::put_wrapped(&msg, list_area, buf, th.hint);
            return cursor;
        }
        let chosen = current(app);
        let height = usize::from(list_area.height);
        let off = centred_offset(self.selected, self.selected + 1, list.len(), height);
        for (n, (i, b)) in list.iter().enumerate().skip(off).take(height).enumerate() {
            let sel = self.in_list && i == self.selected;
            let mark = if sel { SELECTED } else { UNSELECTED };
            let radio = if chosen == Some(*b) {
                RADIO_ON
            } else {
                RADIO_OFF
            };
            let style = if sel { th.selected } else { th.base };
            let text = ellipsize(&format!("{mark}{radio}{b}"), usize::from(list_area.width));
            let y = list_area.y + u16::try_from(n).unwrap_or(0);
            buf.set_string(list_area.x, y, text, style);
        }
        widgets::scroll_marks(list_area, off, height, list.len(), buf, th.dim);
        cursor
    }
}
