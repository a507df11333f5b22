//! Strings from a case are data, not terminal commands: a crafted case file could otherwise
//! retitle or clear the terminal (`ESC ]0;…`, `ESC [2J`), hide text with a carriage return, or
//! turn a name around with a bidi override. [`printable`] is the one function every case string
//! goes through before the command line prints it or a screen draws it.

use std::borrow::Cow;

/// Characters that change how the text around them is shown without being seen themselves:
/// bidi controls and zero-width characters.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // soft hyphen
            | '\u{061C}' // Arabic letter mark
            | '\u{180E}' // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{206A}'..='\u{206F}' // deprecated format characters
            | '\u{FEFF}' // zero-width no-break space
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
    )
}

fn needs_change(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c)
}

/// A case string made safe to print: line breaks and tabs are kept; other control characters
/// (C0, DEL, C1) are shown as visible symbols (`␛` for ESC, `␍` for a carriage return, `⟨U+0085⟩`
/// for C1); bidi and zero-width characters as a visible mark naming them (`⟨U+202E⟩`). Text
/// without any of these is returned as it is, without copying.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_change) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !needs_change(c) {
            out.push(c);
        } else if (c as u32) < 0x20 {
            // The Unicode "control pictures": ␀ … ␟.
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
        } else if c == '\u{7F}' {
            out.push('␡');
        } else {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        }
    }
    Cow::Owned(out)
}

/// The string contains something [`printable`] would show differently (for import's warning).
pub fn has_unprintable(s: &str) -> bool {
    s.chars().any(needs_change)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_untouched_and_not_copied() {
        let s = "Kari Nordmann, Bjørnstjerne Bjørnsons gate 1\nÆØÅ æøå § 7-2";
        assert!(matches!(printable(s), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_cannot_reach_the_terminal() {
        let s = "Per\u{1b}]0;hacked\u{7}\u{1b}[2J\rX\u{7f}\u{9b}";
        let p = printable(s);
        assert!(!p.chars().any(|c| c.is_control()), "{p:?}");
        assert_eq!(p, "Per␛]0;hacked␇␛[2J␍X␡⟨U+009B⟩");
    }

    #[test]
    fn bidi_and_zero_width_characters_are_shown_as_marks() {
        assert_eq!(printable("Ola\u{202E}nesnaH"), "Ola⟨U+202E⟩nesnaH");
        assert_eq!(printable("Ka\u{200B}ri"), "Ka⟨U+200B⟩ri");
        assert!(has_unprintable("a\u{2066}b"));
        assert!(!has_unprintable("a\nb\tc"));
    }
}
