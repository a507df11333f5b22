//! How the municipality screen looks (its question, options and answer live in
//! `crate::interview::steps::municipality`).

use super::question;
use crate::i18n::{t, tf};
use crate::interview::steps::municipality::*;
use crate::interview::steps::{centred_offset, title_and_hint};
use crate::interview::{App, Step};
use crate::tui::theme::{DONE, SELECTED, UNSELECTED};
use crate::tui::widgets::{self, ellipsize};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl MunicipalityState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let ui = app.ui;
        let (title, hint) = title_and_hint(app, Step::Municipality);
        let rest = question(app, &title, &hint, area, buf);
        let cursor =
            self.query
                .render_labelled(&t(ui, "tui.municipality.search"), 40, rest, buf, th);
        let mut y = 2;
        if let Some(m) = chosen(app) {
            let s = tf(ui, "tui.municipality.chosen", &[("name", m.letter_name())]);
            y += widgets::put_wrapped(
                &format!("{DONE}{s}"),
                widgets::below(rest, y),
                buf,
                th.success,
            ) + 1;
        }
        let offer = offer(app, self.query.value());
        for note in &offer.notes {
            y += widgets::put_wrapped(note, widgets::below(rest, y), buf, th.hint);
        }
        if self.ask {
            y += widgets::put_wrapped(
                &t(ui, "tui.municipality.ask"),
                widgets::below(rest, y),
                buf,
                th.error,
            );
        }
        let list_area = widgets::below(rest, y);
        let highlighted = self.highlighted(&offer);
        let list = offer.list;
        if list.is_empty() {
            let msg = if self.query.is_empty() {
                t(ui, "tui.municipality.type")
            } else {
                tf(
                    ui,
                    "tui.municipality.none",
                    &[("query", self.query.value().to_string())],
                )
            };
            widgets::put_wrapped(&msg, list_area, buf, th.hint);
            return cursor;
        }
        let height = usize::from(list_area.height);
        let off = centred_offset(self.selected, self.selected + 1, list.len(), height);
        for (n, m) in list.iter().enumerate().skip(off).take(height) {
            let sel = highlighted == Some(n);
            let mark = if sel { SELECTED } else { UNSELECTED };
            // Shared names carry their county already: "Herøy (Nordland)".
            let text = if m.names_county() {
                format!("{mark}{}  ({})", m.display(), m.number)
            } else {
                format!("{mark}{}  ({}, {})", m.display(), m.county, m.number)
            };
            let style = if sel { th.selected } else { th.base };
            let row = list_area.y + u16::try_from(n - off).unwrap_or(0);
            buf.set_string(
                list_area.x,
                row,
                ellipsize(&text, usize::from(list_area.width)),
                style,
            );
        }
        widgets::scroll_marks(list_area, off, height, list.len(), buf, th.dim);
        cursor
    }
}
