//! The letter as plain text, wrapped at 80 columns.

use crate::domain::letter::{Block, Letter};

/// The width of the text letter.
pub const WIDTH: usize = 80;

fn is_day_number(w: &str) -> bool {
    w.strip_suffix('.')
        .is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

fn is_month(w: &str) -> bool {
    crate::domain::dates::MONTHS_NO.contains(&w.trim_end_matches([',', '.', ')']))
}

/// The words of `text`, with a section sign kept together with its number ("§ 7-2"), so that
/// no line ends in a bare "§", and a date's day kept with its month ("12. november").
pub fn glued_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match out.last_mut() {
            Some(prev) if prev.ends_with('§') || (is_day_number(prev) && is_month(w)) => {
                prev.push(' ');
                prev.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
    }
    out
}

/// `text` with a no-break space (U+00A0) wherever [`glued_words`] keeps two words together, for
/// writers that break lines themselves (the PDF).
pub fn nonbreaking(text: &str) -> String {
    glued_words(text)
        .iter()
        .map(|w| w.replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Wrap `text` at `width` columns (counted in characters), breaking words longer than a line.
pub fn wrap(text: &str, width: usize, indent: &str, first_indent: &str) -> Vec<String> {
    let width = width.max(indent.chars().count() + 10);
    let mut lines = Vec::new();
    let mut line = first_indent.to_string();
    let mut line_len = first_indent.chars().count();
    let mut empty = true;
    for word in glued_words(text) {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let need = if empty { word.len() } else { word.len() + 1 };
            if line_len + need <= width {
                if !empty {
                    line.push(' ');
                }
                line.extend(word.iter());
                line_len += need;
                empty = false;
                break;
            }
            if empty {
                // A word longer than the whole line: break it.
                let room = width - line_len;
                line.extend(word[..room].iter());
                word.drain(..room);
            }
            lines.push(std::mem::take(&mut line));
            line = indent.to_string();
            line_len = indent.chars().count();
            empty = true;
            if word.is_empty() {
                break;
            }
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The whole letter as text, lines at most [`WIDTH`] characters, ending in a newline.
pub fn render(letter: &Letter) -> String {
    let mut out: Vec<String> = Vec::new();
    let push_wrapped = |out: &mut Vec<String>, text: &str| out.extend(wrap(text, WIDTH, "", ""));
    for l in &letter.sender {
        push_wrapped(&mut out, l);
    }
    out.push(String::new());
    out.push(String::new());
    for l in &letter.recipient {
        push_wrapped(&mut out, l);
    }
    out.push(String::new());
    // Right-aligned; a place too long for one line (found by the `letter` fuzz target) is
    // wrapped like any other line instead.
    let pd = letter.place_date.trim();
    match WIDTH.checked_sub(pd.chars().count()) {
        Some(pad) => out.push(format!("{}{}", " ".repeat(pad), pd)),
        None => push_wrapped(&mut out, pd),
    }
    out.push(String::new());
    push_wrapped(&mut out, &letter.heading);
    if let Some(r) = &letter.reference {
        push_wrapped(&mut out, r);
    }
    for block in &letter.blocks {
        out.push(String::new());
        match block {
            Block::Heading(h) => push_wrapped(&mut out, h),
            Block::Paragraph(p) => push_wrapped(&mut out, p),
            Block::Bullets(items) => {
                for item in items {
                    out.extend(wrap(item, WIDTH, "  ", "- "));
                }
            }
        }
    }
    out.push(String::new());
    push_wrapped(&mut out, &letter.closing);
    for s in &letter.signatures {
        out.push(String::new());
        out.push(String::new());
        out.push("_".repeat(36));
        push_wrapped(&mut out, &s.name);
        if let Some(role) = &s.role {
            push_wrapped(&mut out, role);
        }
    }
    if !letter.attachments.is_empty() {
        out.push(String::new());
        out.push(String::new());
        push_wrapped(&mut out, &format!("{}:", letter.attachments_label));
        for a in &letter.attachments {
            out.extend(wrap(a, WIDTH, "  ", "- "));
        }
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_too_long_for_one_line_is_wrapped_not_right_aligned() {
        let case = crate::domain::case::check(
            &crate::domain::case::RawCase {
                applicant: Some(crate::domain::case::RawPerson {
                    city: Some(format!("L{}", "a".repeat(110))),
                    ..crate::example::case(
                        &crate::domain::service::CATALOGUE[0],
                        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
                    )
                    .applicant
                    .expect("applicant")
                }),
                representative: None,
                place: None,
                ..crate::example::case(
                    &crate::domain::service::CATALOGUE[0],
                    chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
                )
            },
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        );
        let letter = crate::render::complaint(&case.case.expect("complete")).expect("letter");
        assert!(
            letter.place_date.chars().count() > WIDTH,
            "{}",
            letter.place_date
        );
        let text = render(&letter);
        for l in text.lines() {
            assert!(l.chars().count() <= WIDTH, "{l}");
        }
        assert!(text.contains("20. november 2026"), "{text}");
    }

    #[test]
    fn wraps_at_width_and_breaks_long_words() {
        let text = format!("kort {} slutt", "x".repeat(100));
        let lines = wrap(&text, 20, "", "");
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn a_section_sign_stays_with_its_number() {
        let lines = wrap(
            "Dette er en klage etter pasient- og brukerrettighetsloven § 7-2.",
            58,
            "",
            "",
        );
        assert!(lines.iter().all(|l| !l.ends_with('§')), "{lines:?}");
        assert!(lines[1].starts_with("§ 7-2"), "{lines:?}");
    }

    #[test]
    fn hanging_indent_for_bullets() {
        let lines = wrap(
            "en to tre fire fem seks sju åtte ni ti elleve",
            20,
            "  ",
            "- ",
        );
        assert!(lines[0].starts_with("- "));
        assert!(lines[1..].iter().all(|l| l.starts_with("  ")));
    }
}
