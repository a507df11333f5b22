//! Step 12, the preview: the whole letter, exactly as `render::text` writes it, scrollable.

use ratatui::layout::Rect;

use crate::interview::action::Action;
use crate::interview::wrap as widgets;
use crate::interview::{App, Flow, Step};
use crate::tui::view;

use super::title_and_hint;

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
                &crate::interview::path::as_written(&app.raw, app.kind),
                app.today,
                app.ui,
                app.kind,
            ),
            scroll: 0,
        }
    }

    /// The area the letter is drawn in.
    pub(crate) fn text_area(app: &App) -> Rect {
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
        let mut a = crate::tui::widgets::below(full, used);
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
}
