//! The drawing of a single-line text field ([`TextInput`], the interview's model of it): one row
//! that scrolls sideways when the text is longer than the field.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Span;

use crate::interview::text_field::TextInput;

impl TextInput {
    /// A search field with the focus on the first row of `area`: `label` in the theme's label
    /// style, then the field, at most `max` columns wide. Returns where the cursor goes.
    pub fn render_labelled(
        &self,
        label: &str,
        max: u16,
        area: Rect,
        buf: &mut Buffer,
        th: &crate::tui::theme::Theme,
    ) -> Option<Position> {
        let lw = u16::try_from(label.chars().count() + 1).unwrap_or(8);
        buf.set_string(area.x, area.y, label, th.label);
        let fw = area.width.saturating_sub(lw).min(max);
        self.render(
            Rect::new(area.x + lw, area.y, fw, 1),
            buf,
            th.field_focus,
            th.base,
            true,
        )
    }

    /// Draw the field in one row: `[text   ]`. Returns where the terminal cursor goes when
    /// `focused`.
    pub fn render(
        &self,
        area: Rect,
        buf: &mut Buffer,
        style: Style,
        bracket_style: Style,
        focused: bool,
    ) -> Option<Position> {
        if area.width < 3 || area.height == 0 {
            return None;
        }
        let inner = usize::from(area.width - 2);
        let chars: Vec<char> = self.value().chars().collect();
        // Scroll sideways so that the cursor is visible (one cell is kept for it at the end);
        // a field without the focus shows the start of its text.
        let first = if focused {
            (self.cursor() + 1).saturating_sub(inner)
        } else {
            0
        };
        let mut shown: Vec<char> = chars.iter().skip(first).take(inner).copied().collect();
        // Cut: "…" says that the text goes on further left or right (a path cut to "/klage-…"
        // would look like a folder of its own).
        if inner > 1 {
            if first > 0 {
                shown[0] = '…';
            }
            if !focused && chars.len() > inner {
                shown[inner - 1] = '…';
            }
        }
        let shown: String = shown.into_iter().collect();
        let shown_width = Span::raw(shown.as_str()).width();
        let pad = inner.saturating_sub(shown_width);
        buf.set_string(area.x, area.y, "[", bracket_style);
        buf.set_string(area.x + 1, area.y, &shown, style);
        buf.set_string(
            area.x + 1 + u16::try_from(shown_width).unwrap_or(0),
            area.y,
            " ".repeat(pad),
            style,
        );
        buf.set_string(area.right() - 1, area.y, "]", bracket_style);
        focused.then(|| {
            let before: String = chars
                .iter()
                .skip(first)
                .take(self.cursor() - first)
                .collect();
            let x = area.x + 1 + u16::try_from(Span::raw(before.as_str()).width()).unwrap_or(0);
            Position::new(x.min(area.right() - 2), area.y)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_scrolls_to_show_the_cursor() {
        let t = TextInput::new(&"x".repeat(30));
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let pos = t.render(buf.area, &mut buf, Style::default(), Style::default(), true);
        assert_eq!(pos, Some(Position::new(10, 0)));
        let row: String = (0..12).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "[…xxxxxxxx ]");
    }

    #[test]
    fn a_field_without_the_focus_shows_the_start_and_marks_the_cut() {
        let t = TextInput::new("hjemmesykepleie tre ganger om dagen");
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let pos = t.render(
            buf.area,
            &mut buf,
            Style::default(),
            Style::default(),
            false,
        );
        assert_eq!(pos, None);
        let row: String = (0..12).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "[hjemmesyk…]");
    }
}
