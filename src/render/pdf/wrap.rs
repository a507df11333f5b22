//! Wrapping: breaks a text into lines no wider than a given width, by real glyph advances.

use super::fonts::Style;
use super::measure::{Ctx, Mapped, Run};

/// A combining mark: never separated from the character before it when a word is broken.
pub(super) fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// After these, an overlong word (a URL, a path) is preferably broken.
pub(super) fn is_soft_break_after(c: char) -> bool {
    matches!(
        c,
        '/' | '-'
            | '\u{2010}'
            | '\u{2013}'
            | '\u{2014}'
            | '.'
            | '_'
            | '?'
            | '&'
            | '='
            | ','
            | ';'
            | ':'
            | '#'
            | '\\'
    )
}

impl Ctx<'_> {
    /// Breaks `text` into lines at most `max_w` wide, by real glyph advances. Runs of spaces
    /// collapse to one; leading and trailing spaces go. A word wider than a line is broken,
    /// after a '/', '-', '.' etc. if there is one far enough along, else between characters.
    pub(super) fn wrap(&mut self, style: Style, size: f32, text: &str, max_w: f32) -> Vec<Run> {
        // "§ 7-2" and "12. november" are never split over two lines.
        let text = &crate::render::text::nonbreaking(text);
        let space_w = self.advance(style, ' ').unwrap_or(0.0) * size;
        // (characters with their advances, separator before the word: 0 none, 1 zero-width, 2 space)
        let mut words: Vec<(Vec<(char, f32)>, u8)> = Vec::new();
        let mut word: Vec<(char, f32)> = Vec::new();
        let mut sep: u8 = 0;
        for c in text.chars() {
            match self.map(style, c) {
                Mapped::Char(m) => {
                    let w = self.advance(style, m).unwrap_or(0.0) * size;
                    word.push((m, w));
                }
                Mapped::NoBreakSpace => word.push((' ', space_w)),
                Mapped::Drop => {}
                brk @ (Mapped::Space | Mapped::ZeroWidthBreak) => {
                    let this = if brk == Mapped::Space { 2 } else { 1 };
                    if !word.is_empty() {
                        words.push((
                            std::mem::take(&mut word),
                            if words.is_empty() { 0 } else { sep },
                        ));
                        sep = this;
                    } else {
                        sep = sep.max(this);
                    }
                }
            }
        }
        if !word.is_empty() {
            words.push((word, if words.is_empty() { 0 } else { sep }));
        }

        let mut lines = Vec::new();
        let mut cur = String::new();
        let mut cur_w = 0.0f32;
        let mut cur_empty = true;
        for (chars, sep) in words {
            let word_w: f32 = chars.iter().map(|&(_, w)| w).sum();
            let sep_w = if sep == 2 { space_w } else { 0.0 };
            if !cur_empty && cur_w + sep_w + word_w <= max_w + 0.01 {
                if sep == 2 {
                    cur.push(' ');
                }
                cur.extend(chars.iter().map(|&(c, _)| c));
                cur_w += sep_w + word_w;
                continue;
            }
            // A word wider than a whole line (a URL) starts on this line if a fair part of
            // the line is left; any other word that does not fit starts the next line.
            let room = max_w - cur_w - sep_w;
            let mut pieces = if !cur_empty && word_w > max_w && room >= 0.3 * max_w {
                let mut pieces = split_word(&chars, room, max_w).into_iter();
                if let Some(first) = pieces.next() {
                    if sep == 2 {
                        cur.push(' ');
                    }
                    cur.push_str(&first.text);
                    cur_w += sep_w + first.width;
                }
                lines.push(Run {
                    text: std::mem::take(&mut cur),
                    width: cur_w,
                });
                pieces.collect()
            } else {
                if !cur_empty {
                    // The space the line breaks at stays at its end, invisible (its width is
                    // not counted), so text extraction and screen readers read "datert 25.",
                    // not "datert25.", across the break.
                    if sep == 2 {
                        cur.push(' ');
                    }
                    lines.push(Run {
                        text: std::mem::take(&mut cur),
                        width: cur_w,
                    });
                }
                split_word(&chars, max_w, max_w)
            };
            let last = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
            cur = last.text;
            cur_w = last.width;
            cur_empty = cur.is_empty();
        }
        if !cur_empty {
            lines.push(Run {
                text: cur,
                width: cur_w,
            });
        }
        lines
    }
}

/// Breaks one word into pieces at most `max_w` wide, the first at most `first_w` (at least one
/// character each).
pub(super) fn split_word(chars: &[(char, f32)], first_w: f32, max_w_rest: f32) -> Vec<Run> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let max_w = if out.is_empty() { first_w } else { max_w_rest };
        // The longest piece that fits (at least one character).
        let mut end = start;
        let mut w = 0.0f32;
        while end < chars.len() && (end == start || w + chars[end].1 <= max_w + 0.01) {
            w += chars[end].1;
            end += 1;
        }
        if end < chars.len() {
            // Prefer a break after a '/', '-' … in the second half of the piece.
            let mut acc = 0.0f32;
            let mut soft = None;
            for (i, &(c, cw)) in chars[start..end].iter().enumerate() {
                acc += cw;
                if is_soft_break_after(c) && acc >= max_w * 0.5 && start + i + 1 < end {
                    soft = Some(start + i + 1);
                }
            }
            if let Some(s) = soft {
                end = s;
            }
            // Never strand a combining mark at the start of the next piece.
            while end > start + 1 && end < chars.len() && is_combining(chars[end].0) {
                end -= 1;
            }
        }
        let piece = &chars[start..end];
        out.push(Run {
            text: piece.iter().map(|&(c, _)| c).collect(),
            width: piece.iter().map(|&(_, w)| w).sum(),
        });
        start = end;
    }
    out
}
