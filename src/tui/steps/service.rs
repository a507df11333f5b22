//! How the service screen looks (its question, options and answer live in
//! `crate::interview::steps::service`).

use super::{LowWindow, question_with_room};
use crate::i18n::t;
use crate::interview::App;
use crate::interview::steps::service::*;
use crate::interview::steps::{centred_offset, title_and_hint};
use crate::tui::theme::{SELECTED, UNSELECTED};
use crate::tui::widgets::{self, ellipsize};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl ServiceState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let ui = app.ui;
        let (title, hint) = title_and_hint(app, app.step);
        // The list and the explanation need room: in a low window the hint goes (F1 has it).
        let rest = question_with_room(app, &title, &hint, area, buf, 12, LowWindow::DropHint);
        // The filter field.
        let cursor = self
            .filter
            .render_labelled(&t(ui, "tui.service.filter"), 40, rest, buf, th);
        let body = widgets::below(rest, 2);
        let list = matches(self.filter.value(), app);
        // A service not added to this letter (another route, already in it), or, in a carer's
        // list, where the cared-for person's services went: under the list, over the
        // explanation.
        let note = self.notice.clone().or_else(|| {
            crate::interview::steps::services::carer_search_note(app, self.filter.value())
        });
        let (body, note_area) = match &note {
            Some(n) => {
                let lines = u16::try_from(widgets::wrap(n, body.width).len()).unwrap_or(u16::MAX);
                let h = lines.min(body.height.saturating_sub(6));
                (
                    Rect::new(
                        body.x,
                        body.y,
                        body.width,
                        body.height - h - u16::from(h > 0),
                    ),
                    Some(Rect::new(body.x, body.bottom() - h, body.width, h)),
                )
            }
            None => (body, None),
        };
        if let (Some(n), Some(a)) = (&note, note_area) {
            let style = if self.notice.is_some() {
                th.error
            } else {
                th.hint
            };
            widgets::put_wrapped(n, a, buf, style);
        }
        let wide = body.width >= 70;
        let (list_area, explain_area) = if wide {
            let lw = (body.width * 62 / 100).min(48);
            (
                Rect::new(body.x, body.y, lw, body.height),
                Rect::new(body.x + lw + 2, body.y, body.width - lw - 2, body.height),
            )
        } else {
            // The explanation under the list, whole when the list keeps four rows, after a
            // blank row.
            let need = if self.in_list {
                list.get(self.selected)
                    .map(|s| widgets::wrap(&explanation(s, app), body.width).len())
                    .unwrap_or(0)
            } else {
                widgets::wrap(&t(ui, "tui.service.pick"), body.width).len()
            };
            let need = u16::try_from(need).unwrap_or(u16::MAX);
            let eh = need.min(body.height.saturating_sub(5));
            let gap = u16::from(eh > 0);
            (
                Rect::new(body.x, body.y, body.width, body.height - eh - gap),
                Rect::new(body.x, body.bottom() - eh, body.width, eh),
            )
        };
        // The list, with a heading before each group.
        let mut rows: Vec<(String, Option<usize>)> = Vec::new();
        let mut group: Option<bool> = None;
        for (i, s) in list.iter().enumerate() {
            let care = s.is_care_service();
            if group != Some(care) {
                if group.is_some() {
                    rows.push((String::new(), None));
                }
                let key = if care {
                    "tui.service.group-care"
                } else {
                    "tui.service.group-other"
                };
                rows.push((t(ui, key), None));
                group = Some(care);
            }
            let mark = if self.in_list && i == self.selected {
                SELECTED
            } else {
                UNSELECTED
            };
            rows.push((format!("{mark}{}", list_name(s, app)), Some(i)));
        }
        let sel_row = rows
            .iter()
            .position(|(_, i)| *i == Some(self.selected))
            .unwrap_or(0);
        let height = usize::from(list_area.height);
        let off = centred_offset(sel_row, sel_row + 1, rows.len(), height);
        for (n, (text, idx)) in rows.iter().skip(off).take(height).enumerate() {
            let y = list_area.y + u16::try_from(n).unwrap_or(0);
            let style = match idx {
                Some(i) if self.in_list && *i == self.selected => th.selected,
                Some(_) => th.base,
                None => th.dim,
            };
            let text = ellipsize(text, usize::from(list_area.width));
            buf.set_string(list_area.x, y, text, style);
        }
        // The marks right of the list (in the margin or the gap before the explanation), never
        // over its last letters.
        widgets::scroll_marks(list_area, off, height, rows.len(), buf, th.dim);
        // The explanation of the highlighted service.
        if !self.in_list {
            widgets::put_wrapped(&t(ui, "tui.service.pick"), explain_area, buf, th.hint);
        } else if let Some(s) = list.get(self.selected) {
            let text = explanation(s, app);
            let lines = widgets::wrap(&text, explain_area.width);
            for (n, l) in lines
                .iter()
                .take(usize::from(explain_area.height))
                .enumerate()
            {
                let style = if n == 0 { th.label } else { th.hint };
                buf.set_string(
                    explain_area.x,
                    explain_area.y + u16::try_from(n).unwrap_or(0),
                    l,
                    style,
                );
            }
        } else {
            let msg = crate::interview::steps::service::none_message(self.filter.value(), app);
            widgets::put_wrapped(&msg, list_area, buf, th.hint);
        }
        cursor
    }
}
