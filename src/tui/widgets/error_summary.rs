//! The error summary at the top of "check your answers": a heading and one line per problem,
//! each leading to the screen where it is fixed (the selected one marked with ▶).

use crate::tui::theme::{SELECTED, UNSELECTED};

/// One problem as shown: its text and whether it is selected.
pub struct SummaryItem<'a> {
    pub text: &'a str,
    pub selected: bool,
}

/// The lines of a summary box, wrapped to `width`: the heading, then the problems with a
/// hanging indent. Returns the lines and, for each item, its first and last line (exclusive).
pub fn lines(
    heading: &str,
    items: &[SummaryItem<'_>],
    width: u16,
) -> (Vec<String>, Vec<(usize, usize)>) {
    let mut out = super::wrap(heading, width);
    let mut spans = Vec::new();
    for item in items {
        let mark = if item.selected { SELECTED } else { UNSELECTED };
        let start = out.len();
        out.extend(super::wrap_hanging(item.text, width, &format!("{mark}• ")));
        spans.push((start, out.len()));
    }
    (out, spans)
}
