//! How the done screen looks (its question, options and answer live in
//! `crate::interview::steps::done`).

use crate::i18n::t;
use crate::interview::App;
use crate::interview::action::Mode;
use crate::interview::steps::done::*;
use crate::tui::theme::Theme;
use crate::tui::widgets;
use crate::tui::widgets::help_bar::KeyHelp;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

impl DoneState {
    pub fn keys(&self, app: &App) -> Vec<KeyHelp> {
        let k = |key: &str, what: &str| (t(app.ui, key), t(app.ui, what));
        let mut v = vec![k("tui.key.arrows", "tui.key.move")];
        match self.control(app) {
            Control::Format => v.push(k("tui.key.left-right", "tui.key.choose")),
            Control::Path => v.push(k("tui.key.enter", "tui.key.save")),
            Control::Fullmakt => v.push(k("tui.key.space-enter", "tui.key.tick")),
            Control::Save | Control::Take => v.push(k("tui.key.enter", "tui.key.save")),
            Control::Sent | Control::ToCase | Control::SameDecision | Control::NextPerson => {
                v.push(k("tui.key.enter", "tui.key.choose"))
            }
        }
        if self.scrolls(app, crate::tui::view::body_area_least(app).into()) {
            v.push(k("tui.key.pgup-pgdn", "tui.key.read-more"));
        }
        v
    }

    /// A low window: the whole screen as one page, scrolled to the focus (and after saving to
    /// the result), and further with PgDn.
    fn render_page(
        &self,
        app: &App,
        area: Rect,
        buf: &mut Buffer,
        lines: &[DoneLine],
        first: usize,
    ) -> Option<Position> {
        let th = app.theme();
        let h = usize::from(area.height);
        let off = (first + self.scroll).min(lines.len().saturating_sub(h));
        let mut cursor = None;
        for (n, (l, kind, field)) in lines.iter().skip(off).take(h).enumerate() {
            let y = area.y + u16::try_from(n).unwrap_or(0);
            buf.set_string(area.x, y, l, style_of(th, *kind));
            if let Some(i) = field
                && let Some(c) = self.render_field(app, *i, area, l, y, buf)
            {
                cursor = Some(c);
            }
        }
        widgets::scroll_marks(area, off, h, lines.len(), buf, th.dim);
        cursor
    }

    /// The field of control `i` (the letter's file, or the folder to take the case to) after
    /// its label on row `y`.
    fn render_field(
        &self,
        app: &App,
        i: usize,
        area: Rect,
        label: &str,
        y: u16,
        buf: &mut Buffer,
    ) -> Option<Position> {
        let th = app.theme();
        let x = area.x + u16::try_from(label.chars().count() + 1).unwrap_or(0);
        let focused = self.focus == i && self.mode(app) == Mode::Line;
        let st = if focused { th.field_focus } else { th.field };
        let take;
        let field = if self.controls(app).get(i) == Some(&Control::Take) {
            take = self.take_field();
            &take
        } else {
            &self.path
        };
        field.render(
            Rect::new(x, y, area.right().saturating_sub(x), 1),
            buf,
            st,
            th.base,
            focused,
        )
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        if let Some((lines, first)) = self.page(app, area.into()) {
            return self.render_page(app, area, buf, &lines, first);
        }
        let (top, text_h, lines) = self.layout(app, area.into());
        let mut cursor = None;
        let mut y = area.y;
        for (l, kind, field) in &top {
            if y >= area.bottom() {
                break;
            }
            buf.set_string(area.x, y, l, style_of(th, *kind));
            if let Some(i) = field
                && let Some(c) = self.render_field(app, *i, area, l, y, buf)
            {
                cursor = Some(c);
            }
            y += 1;
        }
        let text_area = Rect::new(
            area.x,
            y,
            area.width,
            text_h.min(area.bottom().saturating_sub(y)),
        );
        let h = usize::from(text_area.height);
        let more = lines.len() > self.scroll + h;
        for (n, (kind, l)) in lines.iter().skip(self.scroll).take(h).enumerate() {
            let style = if *kind == 5 { th.title } else { th.base };
            buf.set_string(
                text_area.x,
                text_area.y + u16::try_from(n).unwrap_or(0),
                l,
                style,
            );
        }
        if more && text_area.height > 0 {
            let msg = crate::interview::steps::more_below(app, area.width);
            buf.set_string(area.x, text_area.bottom(), msg, th.dim);
        }
        cursor
    }
}

/// The look of a line of the done screen (see [`DoneLine`]).
fn style_of(th: &Theme, kind: u8) -> Style {
    match kind {
        1 => th.selected,
        2 => th.dim,
        3 => th.success,
        4 => th.error,
        5 => th.title,
        _ => th.base,
    }
}
