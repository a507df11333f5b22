//! Text laid out in columns of a fixed width: wrapping (with a hanging indent), cutting short
//! with "…", keeping a range of rows in view. No terminal: the wizard draws these lines, and the
//! interview works its scroll positions out from them.

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
