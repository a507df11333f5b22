//! The help line at the bottom: the keys that work on this screen, wrapped over as many rows as
//! needed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// One key and what it does: ("Esc", "tilbake").
pub type KeyHelp = (String, String);

/// The rows the help bar takes at this width.
pub fn rows(keys: &[KeyHelp], width: u16) -> Vec<Vec<usize>> {
    let width = usize::from(width);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    for (i, (k, d)) in keys.iter().enumerate() {
        let w = k.chars().count() + 1 + d.chars().count();
        let sep = if used == 0 { 0 } else { 3 };
        if used > 0 && used + sep + w > width {
            rows.push(Vec::new());
            used = 0;
        }
        let sep = if used == 0 { 0 } else { 3 };
        used += sep + w;
        if let Some(r) = rows.last_mut() {
            r.push(i);
        }
    }
    rows
}

/// How many rows the help bar needs.
pub fn height(keys: &[KeyHelp], width: u16) -> u16 {
    u16::try_from(rows(keys, width).len()).unwrap_or(1)
}

/// Draw the help bar.
pub fn render(keys: &[KeyHelp], theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.help_bar);
    for (row, idx) in rows(keys, area.width).iter().enumerate() {
        let y = area.y + u16::try_from(row).unwrap_or(0);
        if y >= area.bottom() {
            break;
        }
        let mut spans = Vec::new();
        for (n, i) in idx.iter().enumerate() {
            let (k, d) = &keys[*i];
            if n > 0 {
                spans.push(Span::styled(" · ", theme.dim));
            }
            spans.push(Span::styled(k.as_str(), theme.key));
            spans.push(Span::styled(format!(" {d}"), theme.help_bar));
        }
        buf.set_line(area.x, y, &Line::from(spans), area.width);
    }
}
