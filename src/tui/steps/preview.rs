//! How the preview screen looks (its question, options and answer live in
//! `crate::interview::steps::preview`).

use crate::i18n::tf;
use crate::interview::App;
use crate::interview::steps::preview::*;
use crate::tui::steps::question;
use crate::tui::widgets;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl PreviewState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let (title, hint) = PreviewState::title_and_hint(app);
        question(app, &title, &hint, area, buf);
        // The app's idea of the window size can lag behind the real one for a frame (the
        // terminal shrinks before the resize event arrives): never draw outside the buffer.
        let bounds =
            buf.area
                .intersection(area.union(Rect::new(0, area.y, buf.area.width, area.height)));
        let ta = Rect::from(PreviewState::text_area(app)).intersection(bounds);
        match &self.text {
            Ok(text) => {
                let lines = display_lines(text, ta.width);
                let h = usize::from(ta.height);
                for (n, l) in lines.iter().skip(self.scroll).take(h).enumerate() {
                    buf.set_string(ta.x, ta.y + u16::try_from(n).unwrap_or(0), l, th.base);
                }
                let last = (self.scroll + h).min(lines.len());
                let status = tf(
                    app.ui,
                    "tui.preview.position",
                    &[
                        ("from", (self.scroll + 1).min(lines.len()).to_string()),
                        ("to", last.to_string()),
                        ("total", lines.len().to_string()),
                    ],
                );
                if ta.bottom() < buf.area.bottom() {
                    buf.set_string(area.x, ta.bottom(), status, th.dim);
                }
            }
            Err(e) => {
                widgets::put_wrapped(e, ta, buf, th.error);
            }
        }
        None
    }
}
