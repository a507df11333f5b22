//! Line mode's output, wrapped at word boundaries to the terminal's width, so that no word is
//! split at the edge of the screen ("Skriv svar|et"). 80 columns when the width is not known
//! (a pipe): the width of a braille display's longest common line, and of most terminals.

use std::io::IsTerminal;

/// The width when it is not known.
pub const DEFAULT: usize = 80;
/// Never narrower than this, whatever the terminal says.
const NARROWEST: usize = 20;

/// The width to wrap at: the terminal's, when standard output is one; else `COLUMNS` when it
/// is set to a number (as a shell does); else [`DEFAULT`].
pub fn width() -> usize {
    let terminal = std::io::stdout()
        .is_terminal()
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(w, _)| usize::from(w.0))
        .filter(|w| *w > 0);
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|w| *w > 0)
    };
    terminal.or_else(columns).unwrap_or(DEFAULT).max(NARROWEST)
}

/// `text` wrapped to `width` columns, line by line. A line's leading spaces start each of its
/// continuation lines too, and a numbered item ("3. …") or a bullet ("- …") hangs under its
/// text. A word longer than the line is left whole (a path, an address): splitting it would
/// make it wrong.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        wrap_line(line.trim_end(), width, &mut out);
    }
    out
}

fn wrap_line(line: &str, width: usize, out: &mut Vec<String>) {
    if line.chars().count() <= width {
        out.push(line.to_string());
        return;
    }
    let indent = hanging_indent(line);
    let mut current = String::new();
    let mut len = 0;
    // The leading spaces belong to the first word.
    let lead: String = line.chars().take_while(|c| *c == ' ').collect();
    current.push_str(&lead);
    len += lead.chars().count();
    let mut first = true;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let w = word.chars().count();
        let starts = first || len == indent.chars().count();
        if !starts && len + 1 + w > width {
            out.push(std::mem::take(&mut current));
            current.push_str(&indent);
            len = indent.chars().count();
        }
        if !(first || len == indent.chars().count()) {
            current.push(' ');
            len += 1;
        }
        current.push_str(word);
        len += w;
        first = false;
    }
    out.push(current);
}

/// The indent of a line's continuation lines: its leading spaces, and the width of a number
/// ("12. ") or bullet ("- ") that starts it.
fn hanging_indent(line: &str) -> String {
    let lead = line.chars().take_while(|c| *c == ' ').count();
    let rest = &line[lead..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits > 0 && rest[digits..].starts_with(". ") {
        digits + 2
    } else if rest.starts_with("- ") {
        2
    } else {
        0
    };
    " ".repeat(lead + marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_hangs_numbers() {
        let text =
            "1. Skriv under på brevet og send det til kommunen før fristen går ut, helst i dag.";
        let lines = wrap(text, 30);
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(lines[0], "1. Skriv under på brevet og");
        assert!(lines[1].starts_with("   send"), "{lines:?}");
        let words: Vec<&str> = text.split(' ').collect();
        let back: Vec<String> = lines.iter().map(|l| l.trim().to_string()).collect();
        assert_eq!(back.join(" ").split(' ').collect::<Vec<_>>(), words);
    }

    #[test]
    fn short_lines_and_long_words_stay_whole() {
        assert_eq!(wrap("Ja.\n\nNei.", 80), ["Ja.", "", "Nei."]);
        let path = "/home/anna/Dokument/omsorgsklage/klage-2026-11-20-praktisk-bistand.pdf";
        assert_eq!(wrap(&format!("Lagra: {path}"), 40), ["Lagra:", path]);
    }
}
