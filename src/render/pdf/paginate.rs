//! Pagination: splits the flow into pages.

use std::ops::Range;

use super::flow::FlowLine;

/// Splits `lines` into pages of `avail` points. Lines are filled greedily; when one does not
/// fit, the page ends before the last line (at or before it) that may start a page. If a unit
/// of kept-together lines is taller than a whole page, it is broken where the page is full.
/// The space above the first line of a page after the first is dropped. Every page but an
/// empty first one holds at least one line, so this always terminates.
pub(super) fn paginate(lines: &[FlowLine], avail: f32) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = 0.0f32;
    let mut i = 0;
    while i < lines.len() {
        let first_on_page = i == start;
        let gap = if first_on_page && !pages.is_empty() {
            0.0
        } else {
            lines[i].gap
        };
        if used + gap + lines[i].height <= avail + 0.01 {
            used += gap + lines[i].height;
            i += 1;
            continue;
        }
        if first_on_page {
            if pages.is_empty() && used + gap > 0.0 {
                // Page 1 is full before its first line even begins: start afresh.
                pages.push(start..start);
                used = 0.0;
                continue;
            }
            // A single line taller than a page: it gets a page of its own.
            used += gap + lines[i].height;
            i += 1;
            continue;
        }
        let brk = (start + 1..=i)
            .rev()
            .find(|&b| !lines[b].keep_with_prev)
            .unwrap_or(i);
        pages.push(start..brk);
        start = brk;
        used = 0.0;
        i = brk;
    }
    if start < lines.len() || pages.is_empty() {
        pages.push(start..lines.len());
    }
    pages
}
