//! Reusable pieces: text field, step indicator, help bar, error summary, and text helpers.

pub mod error_summary;
pub mod help_bar;
pub mod step_indicator;
pub mod text_field;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// A no-break space (U+00A0) in a message keeps its words on one line ("40 50 16 00"); while
/// wrapping it stands in as this private-use character, and it is drawn as a plain space.
const GLUE: char = '\u{e000}';

/// Wrap text to `width` columns: every `\n` starts a new line, an empty line stays empty.
/// No-break spaces keep words together.
///
/// Case strings on a screen are data: control, bidi and zero-width characters are shown as
/// visible marks ([`printable`](crate::text_safety::printable)), here and in [`wrap_hanging`].
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let text = crate::text_safety::printable(text);
    let glued = text.replace('\u{a0}', &GLUE.to_string());
    wrap_plain(&glued, width)
        .into_iter()
        .map(|l| l.replace(GLUE, " "))
        .collect()
}

fn wrap_plain(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for para in text.split('\n') {
        if para.trim().is_empty() {
            out.push(String::new());
        } else if width < 12 {
            // Too narrow for word wrapping: cut.
            let chars: Vec<char> = para.chars().collect();
            for chunk in chars.chunks(width) {
                out.push(chunk.iter().collect());
            }
        } else {
            out.extend(crate::render::text::wrap(para, width, "", ""));
        }
    }
    out
}

/// Wrap with a hanging indent: the first line starts with `first`, the others with as many spaces.
pub fn wrap_hanging(text: &str, width: u16, first: &str) -> Vec<String> {
    let text = crate::text_safety::printable(text);
    let indent = " ".repeat(first.chars().count());
    let w = usize::from(width.max(1));
    let mut out = Vec::new();
    for (i, para) in text.split('\n').enumerate() {
        let lead = if i == 0 { first } else { indent.as_str() };
        if para.trim().is_empty() {
            out.push(lead.to_string());
        } else if w < indent.chars().count() + 12 {
            out.push(format!("{lead}{para}"));
        } else {
            out.extend(crate::render::text::wrap(para, w, &indent, lead));
        }
    }
    out
}

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

/// Cut a string to `width` characters, ending in "…" when cut.
pub fn ellipsize(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else if width == 0 {
        String::new()
    } else {
        let mut out: String = s.chars().take(width - 1).collect();
        out.push('…');
        out
    }
}

/// Keep `selected` (a range of rows) visible in a window of `height` rows starting at `offset`.
pub fn scroll_to(offset: usize, start: usize, end: usize, height: usize) -> usize {
    let height = height.max(1);
    if start < offset {
        start
    } else if end > offset + height {
        end.saturating_sub(height).min(start)
    } else {
        offset
    }
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
