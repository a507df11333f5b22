//! Step 12, the preview: the whole letter, exactly as `render::text` writes it, scrollable.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::i18n::tf;
use crate::tui::action::Action;
use crate::tui::app::{App, Flow, Step};
use crate::tui::view;
use crate::tui::widgets;

use super::{question, title_and_hint};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewState {
    /// The letter's text, or why it cannot be written yet.
    pub text: Result<String, String>,
    pub scroll: usize,
}

/// The letter as text, exactly as it will be written; or why it cannot be written.
pub use crate::export::letter_text;

/// The lines shown: the letter's own lines, soft-wrapped only where the window is narrower.
pub fn display_lines(text: &str, width: u16) -> Vec<String> {
    // A bidi override or zero-width space in a name is shown, not obeyed (the letter file keeps
    // the text as given).
    let text = crate::text_safety::printable(text);
    let w = usize::from(width.max(1));
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if chars.len() <= w {
            out.push(line.to_string());
        } else {
            for chunk in chars.chunks(w) {
                out.push(chunk.iter().collect());
            }
        }
    }
    out
}

impl PreviewState {
    pub fn new(app: &App) -> PreviewState {
        PreviewState {
            text: letter_text(
                &crate::tui::path::as_written(&app.raw, app.kind),
                app.today,
                app.ui,
                app.kind,
            ),
            scroll: 0,
        }
    }

    /// The area the letter is drawn in.
    fn text_area(app: &App) -> Rect {
        let body = view::body_area(app);
        // The letter is 80 columns wide: use the whole width of the window.
        let full = Rect::new(0, body.y, app.size.0, body.height);
        let (title, hint) = title_and_hint(app, Step::Preview);
        let used = widgets::wrap(&title, body.width).len()
            + 1
            + widgets::wrap(&hint, body.width).len()
            + 1;
        let used = u16::try_from(used).unwrap_or(0);
        // One line at the bottom says where in the letter we are.
        let mut a = widgets::below(full, used);
        a.height = a.height.saturating_sub(1);
        a
    }

    fn max_scroll(&self, app: &App) -> usize {
        let a = PreviewState::text_area(app);
        match &self.text {
            Ok(t) => display_lines(t, a.width)
                .len()
                .saturating_sub(usize::from(a.height)),
            Err(_) => 0,
        }
    }

    pub fn fit(&mut self, app: &App) {
        self.scroll = self.scroll.min(self.max_scroll(app));
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let page = usize::from(PreviewState::text_area(app).height.saturating_sub(1)).max(1);
        match action {
            Action::Back => return Flow::Back,
            Action::Enter | Action::Tab => {
                if self.text.is_ok() {
                    return Flow::Next;
                }
                return Flow::Back;
            }
            Action::Down => self.scroll += 1,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown | Action::Char(' ') => self.scroll += page,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::Home => self.scroll = 0,
            Action::End => self.scroll = usize::MAX,
            _ => {}
        }
        self.fit(app);
        Flow::Stay
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = &app.theme;
        let (title, hint) = title_and_hint(app, Step::Preview);
        question(app, &title, &hint, area, buf);
        // The app's idea of the window size can lag behind the real one for a frame (the
        // terminal shrinks before the resize event arrives): never draw outside the buffer.
        let bounds =
            buf.area
                .intersection(area.union(Rect::new(0, area.y, buf.area.width, area.height)));
        let ta = PreviewState::text_area(app).intersection(bounds);
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
