//! Reusable pieces: text field, step indicator, help bar, error summary, and text helpers.

pub mod error_summary;
pub mod help_bar;
pub mod step_indicator;
pub mod text_field;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

// Text laid out in columns is the interview's too (its scroll positions depend on it).
pub use crate::interview::wrap::{ellipsize, scroll_to, wrap, wrap_hanging};

/// Draw lines of plain text from the top of `area`; returns how many rows were used.
pub fn put_lines(lines: &[String], area: Rect, buf: &mut Buffer, style: Style) -> u16 {
    let mut y = area.y;
    for l in lines {
        if y >= area.bottom() {
            break;
        }
        buf.set_line(area.x, y, &Line::styled(l.as_str(), style), area.width);
        y += 1;
    }
    y - area.y
}

/// Draw wrapped text from the top of `area`; returns how many rows were used.
pub fn put_wrapped(text: &str, area: Rect, buf: &mut Buffer, style: Style) -> u16 {
    put_lines(&wrap(text, area.width), area, buf, style)
}

/// `area` without its first `rows` rows.
pub fn below(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect::new(area.x, area.y + rows, area.width, area.height - rows)
}

/// The first `rows` rows of `area`.
pub fn top(area: Rect, rows: u16) -> Rect {
    Rect::new(area.x, area.y, area.width, rows.min(area.height))
}

/// Arrows at the right edge of `area` when a list of `total` rows, shown from row `offset` in
/// `height` rows, goes on above ("↑", top row) or below ("↓", bottom row): in a low window
/// (a zoomed terminal) the person sees that there is more.
pub fn scroll_marks(
    area: Rect,
    offset: usize,
    height: usize,
    total: usize,
    buf: &mut Buffer,
    style: Style,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // In the window's margin just right of the area, so that the mark never covers the last
    // letter of a line; on the area's last column only when there is no margin.
    let x = if area.right() < buf.area.right() {
        area.right()
    } else {
        area.right() - 1
    };
    if offset > 0 {
        buf.set_string(x, area.y, "↑", style);
    }
    if offset + height < total {
        let rows = u16::try_from(height.min(usize::from(area.height))).unwrap_or(area.height);
        buf.set_string(x, area.y + rows.saturating_sub(1), "↓", style);
    }
}
