//! How the done screen looks (its question, options and answer live in
//! `crate::interview::steps::done`).

use crate::i18n::t;
use crate::interview::App;
use crate::interview::action::Mode;
use crate::interview::steps::done::*;
use crate::tui::widgets::help_bar::KeyHelp;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl DoneState {
    pub fn keys(&self, app: &App) -> Vec<KeyHelp> {
        let k = |key: &str, what: &str| (t(app.ui, key), t(app.ui, what));
        let mut v = vec![k("tui.key.arrows", "tui.key.move")];
        match self.control(app) {
            Control::Format => v.push(k("tui.key.left-right", "tui.key.choose")),
            Control::Path => v.push(k("tui.key.enter", "tui.key.save")),
            Control::Fullmakt => v.push(k("tui.key.space-enter", "tui.key.tick")),
            Control::Save => v.push(k("tui.key.enter", "tui.key.save")),
            Control::Sent | Control::ToCase | Control::NextPerson => {
                v.push(k("tui.key.enter", "tui.key.choose"))
            }
        }
        v.push(k("tui.key.pgup-pgdn", "tui.key.read-more"));
        v
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let (top, text_h, lines) = self.layout(app, area.into());
        let mut cursor = None;
        let mut y = area.y;
        for (l, kind, field) in &top {
            if y >= area.bottom() {
                break;
            }
            let style = match kind {
                1 => th.selected,
                2 => th.dim,
                3 => th.success,
                4 => th.error,
                _ => th.base,
            };
            buf.set_string(area.x, y, l, style);
            if field.is_some() {
                let x = area.x + u16::try_from(l.chars().count() + 1).unwrap_or(0);
                let focused = self.mode() == Mode::Line;
                let st = if focused { th.field_focus } else { th.field };
                cursor = self.path.render(
                    Rect::new(x, y, area.right().saturating_sub(x), 1),
                    buf,
                    st,
                    th.base,
                    focused,
                );
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
