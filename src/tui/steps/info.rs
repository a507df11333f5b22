//! How the info screen looks (its question, options and answer live in
//! `crate::interview::steps::info`).

use crate::interview::App;
use crate::interview::steps::info::*;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl InfoState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let all = lines(self.step(), app, area.width);
        let height = usize::from(area.height);
        let more = all.len() > self.scroll + height;
        let shown = if more {
            height.saturating_sub(1)
        } else {
            height
        };
        for (n, (look, l)) in all.iter().skip(self.scroll).take(shown).enumerate() {
            let style = match look {
                Look::Heading => th.title,
                Look::Strong => th.label,
                Look::Warning => th.warning,
                Look::Text => th.base,
            };
            buf.set_string(area.x, area.y + u16::try_from(n).unwrap_or(0), l, style);
        }
        if more {
            let msg = crate::interview::steps::more_below(app, area.width);
            buf.set_string(area.x, area.bottom() - 1, msg, th.dim);
        }
        None
    }
}
