//! The top line: where in the wizard the person is ("Steg 4 av 12: Vedtaket").

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::theme::Theme;

/// Draw the header line: `left` is the step indicator, `right` the program's name.
pub fn render(left: &str, right: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.header);
    let right_w = u16::try_from(right.chars().count()).unwrap_or(0);
    let room = area.width.saturating_sub(right_w + 2);
    let left = super::ellipsize(left, usize::from(room.saturating_sub(1)));
    buf.set_line(area.x + 1, area.y, &Line::styled(left, theme.header), room);
    if area.width > right_w + 12 {
        buf.set_string(area.right() - right_w - 1, area.y, right, theme.header);
    }
}
