//! How the start screen looks (its question, options and answer live in
//! `crate::interview::steps::start`).

use crate::i18n::{t, tf};
use crate::interview::App;
use crate::interview::drafts::{self, Urgency};
use crate::interview::steps::centred_offset;
use crate::interview::steps::start::*;
use crate::tui::theme::{RADIO_OFF, RADIO_ON, SELECTED, UNSELECTED};
use crate::tui::widgets;
use crate::tui::widgets::help_bar::KeyHelp;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

impl StartState {
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

    /// Draw the start screen. In a low window (a zoomed terminal at 40×15) where the row with
    /// the focus would not be seen, the screen is drawn whole off screen and the part around the
    /// chosen row is shown, with arrows where there is more: a saved case or a language that
    /// has the focus is always seen.
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        const TALL: u16 = 200;
        let mark = SELECTED.trim_end();
        let mut here = Buffer::empty(area);
        here.set_style(area, app.theme().base);
        let cursor = self.render_all(app, area, &mut here, area.height);
        if (area.y..area.bottom()).any(|y| here[(area.x, y)].symbol() == mark) {
            buf.merge(&here);
            return cursor;
        }
        let tall_area = Rect::new(area.x, area.y, area.width, TALL);
        let mut tall = Buffer::empty(tall_area);
        tall.set_style(tall_area, app.theme().base);
        let tall_cursor = self.render_all(app, tall_area, &mut tall, area.height);
        let blank = |y: u16| (area.x..area.right()).all(|x| tall[(x, y)].symbol() == " ");
        let used = (area.y..area.y + TALL)
            .rev()
            .find(|&y| !blank(y))
            .map_or(0, |y| y - area.y + 1);
        let focus = (area.y..area.y + used)
            .find(|&y| tall[(area.x, y)].symbol() == mark)
            .map_or(0, |y| usize::from(y - area.y));
        let (h, total) = (usize::from(area.height), usize::from(used));
        let off = centred_offset(focus, (focus + 2).min(total), total, h);
        let off16 = u16::try_from(off).unwrap_or(0);
        for y in 0..area.height {
            for x in area.x..area.right() {
                buf[(x, area.y + y)] = tall[(x, area.y + off16 + y)].clone();
            }
        }
        widgets::scroll_marks(area, off, h, total, buf, app.theme().dim);
        tall_cursor.and_then(|p| {
            let y = p.y.checked_sub(off16)?;
            (y < area.bottom()).then_some(Position::new(p.x, y))
        })
    }

    /// Draw the whole start screen into `area`; `window_h` is the height of the real window
    /// (the introduction is left out when that is low).
    fn render_all(
        &self,
        app: &App,
        area: Rect,
        buf: &mut Buffer,
        window_h: u16,
    ) -> Option<Position> {
        let th = app.theme();
        let ui = app.ui;
        let rows = rows(app, &self.filter);
        let filterable = filterable(app);
        let mut cursor = None;
        let mut y = widgets::put_wrapped(&t(ui, "tui.start.title"), area, buf, th.title) + 1;
        // In a low window (a zoomed terminal) the choices come first: the introduction is left
        // out when it would push them off the screen (the help has it too).
        let intro = widgets::wrap(&t(ui, "tui.start.intro"), area.width);
        let intro_h = u16::try_from(intro.len()).unwrap_or(u16::MAX);
        if window_h >= y.saturating_add(intro_h) + 1 + 7 {
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
        let th = app.theme();
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
