//! The top line: where in the wizard the person is ("Steg 4 av 12: Vedtaket").

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::theme::Theme;

/// Draw the header line: `left` is the step indicator, `right` the program's name.
pub fn render(left: &str, right: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.header);
    let right_w = u16::try_from(right.chars().count()).unwrap_or(0);
    let left_w = u16::try_from(left.chars().count()).unwrap_or(u16::MAX);
    // The program's name gives way before the step's title is cut.
    let show_right = area.width > right_w + 12 && left_w + right_w + 3 <= area.width;
    let room = if show_right {
        area.width.saturating_sub(right_w + 2)
    } else {
        area.width.saturating_sub(1)
    };
    let left = ellipsize_words(left, usize::from(room.saturating_sub(1)));
    buf.set_line(area.x + 1, area.y, &Line::styled(left, theme.header), room);
    if show_right {
        buf.set_string(area.right() - right_w - 1, area.y, right, theme.header);
    }
}

/// `s` in at most `width` characters, cut after a whole word with "…" when it does not fit
/// ("Steg 11 av 12: Sjekk …", never "Sjekk sva…").
fn ellipsize_words(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let head: String = s.chars().take(width.saturating_sub(1)).collect();
    match head.trim_end().rfind(' ') {
        Some(i) if i > 0 => format!("{} …", head[..i].trim_end()),
        _ => super::ellipsize(s, width),
    }
}

#[cfg(test)]
mod tests {
    use super::ellipsize_words;

    #[test]
    fn a_header_is_cut_between_words() {
        assert_eq!(
            ellipsize_words("Steg 11 av 12: Sjekk svarene", 24),
            "Steg 11 av 12: Sjekk …"
        );
        assert_eq!(ellipsize_words("Kort", 24), "Kort");
    }
}
