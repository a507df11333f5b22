//! How the check screen looks (its question, options and answer live in
//! `crate::interview::steps::check`).

use super::question;
use crate::i18n::t;
use crate::interview::steps::check::*;
use crate::interview::steps::{centred_offset, title_and_hint};
use crate::interview::{App, Step};
use crate::tui::theme::{SELECTED, UNSELECTED};
use crate::tui::widgets::{self, ellipsize};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

impl CheckState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let (title, hint) = title_and_hint(app, Step::Check);
        let rest = question(app, &title, &hint, area, buf);
        let items = app.check_items();
        let (lines, spans) = layout(app, &items, self.selected, rest.width);
        let (s, e) = spans.get(self.selected).copied().unwrap_or((0, 1));
        let height = usize::from(rest.height);
        let off = centred_offset(s, e, lines.len(), height);
        for (n, (l, kind)) in lines.iter().skip(off).take(height).enumerate() {
            let style = match kind {
                1 => th.selected,
                2 => th.title,
                3 => th.error,
                4 => th.warning,
                5 => th.dim,
                _ => th.base,
            };
            buf.set_string(rest.x, rest.y + u16::try_from(n).unwrap_or(0), l, style);
        }
        widgets::scroll_marks(rest, off, height, lines.len(), buf, th.dim);
        None
    }
}

/// A line of text and how it looks (0 plain, 1 selected, 2 heading, 3 error, 4 warning, 5 dim).
type Styled = (String, u8);

/// The lines of the page at this width, and for each selectable item its lines (start, end).
fn layout(
    app: &App,
    items: &[Item],
    selected: usize,
    width: u16,
) -> (Vec<Styled>, Vec<(usize, usize)>) {
    let ui = app.ui;
    let w = usize::from(width);
    let label_w = if w >= 70 { 26 } else { w / 3 };
    let mut lines: Vec<Styled> = Vec::new();
    let mut spans = Vec::new();
    let mut n = 0;
    for item in items {
        let sel = item.selectable() && n == selected;
        let mark = if sel { SELECTED } else { UNSELECTED };
        let start = lines.len();
        match item {
            Item::Heading { text, error } => {
                let text = if *error {
                    format!("{}: {text}", t(ui, "word.error"))
                } else {
                    text.clone()
                };
                for l in widgets::wrap(&text, width) {
                    lines.push((l, if *error { 3 } else { 2 }));
                }
            }
            Item::Problem { text, error, .. } => {
                for l in widgets::wrap_hanging(text, width, &format!("{mark}• ")) {
                    lines.push((
                        l,
                        if sel {
                            1
                        } else if *error {
                            3
                        } else {
                            4
                        },
                    ));
                }
            }
            Item::Row { label, value, .. } if w < 60 => {
                // Narrow window (a zoomed terminal): the whole label, the answer under it.
                let kind = if sel {
                    1
                } else if value.is_none() {
                    5
                } else {
                    0
                };
                for l in widgets::wrap_hanging(label, width, mark) {
                    lines.push((l, kind));
                }
                let value = value
                    .clone()
                    .unwrap_or_else(|| t(ui, "tui.check.not-given"));
                let mut vl = widgets::wrap_hanging(&value.replace('\n', " "), width, "    ");
                if vl.len() > 3 {
                    vl.truncate(3);
                    if let Some(l) = vl.last_mut() {
                        *l = ellipsize(&format!("{l} …"), w);
                    }
                }
                for v in vl {
                    lines.push((v, kind));
                }
            }
            Item::Row { label, value, .. } => {
                let label = ellipsize(label, label_w.saturating_sub(3));
                let value_w = u16::try_from(w.saturating_sub(label_w)).unwrap_or(10);
                let given = value.is_some();
                let value = value
                    .clone()
                    .unwrap_or_else(|| t(ui, "tui.check.not-given"));
                let mut vl = widgets::wrap(&value.replace('\n', " "), value_w);
                if vl.len() > 3 {
                    vl.truncate(3);
                    if let Some(l) = vl.last_mut() {
                        *l = ellipsize(&format!("{l} …"), usize::from(value_w));
                    }
                }
                for (i, v) in vl.iter().enumerate() {
                    let head = if i == 0 {
                        format!("{mark}{label}")
                    } else {
                        String::new()
                    };
                    let pad = label_w.saturating_sub(head.chars().count());
                    let kind = if sel {
                        1
                    } else if !given {
                        5
                    } else {
                        0
                    };
                    lines.push((format!("{head}{}{v}", " ".repeat(pad)), kind));
                }
            }
            Item::GoOn { ready } => {
                let key = if *ready {
                    "tui.check.go-on"
                } else {
                    "tui.check.fix-first"
                };
                for l in widgets::wrap_hanging(&t(ui, key), width, mark) {
                    lines.push((l, if sel { 1 } else { 2 }));
                }
            }
            Item::Blank => lines.push((String::new(), 0)),
        }
        if item.selectable() {
            spans.push((start, lines.len()));
            n += 1;
        }
    }
    (lines, spans)
}
