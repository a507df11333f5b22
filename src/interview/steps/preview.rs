//! Step 12, the preview: the whole letter, exactly as `render::text` writes it, scrollable.

use crate::interview::layout::Area;

use crate::interview::action::Action;
use crate::interview::layout;
use crate::interview::wrap as widgets;
use crate::interview::{App, Flow, Step};

use super::title_and_hint;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewState {
    /// The letter's text, or why it cannot be written yet.
    pub text: Result<String, String>,
    pub scroll: usize,
}

/// Fewer rows of the letter than this with the hint shown, and the hint gives way.
const MIN_LETTER_ROWS: usize = 8;

/// The letter as text, exactly as it will be written; or why it cannot be written.
pub use crate::export::letter_text;

/// The lines shown: the letter's own lines, wrapped again only where the window is narrower,
/// between words ("Sunnfjord" / "kommune", never "komm" / "une"), a line's indent kept on the
/// lines it wraps to. Only a word longer than the whole width is cut.
pub fn display_lines(text: &str, width: u16) -> Vec<String> {
    // A bidi override or zero-width space in a name is shown, not obeyed (the letter file keeps
    // the text as given).
    let text = crate::text_safety::printable(text);
    let w = usize::from(width.max(1));
    let mut out = Vec::new();
    let lines: Vec<String> = if text.lines().all(|l| l.chars().count() <= w) {
        text.lines().map(str::to_string).collect()
    } else {
        paragraphs(&text)
    };
    for line in &lines {
        let line = line.as_str();
        let chars: Vec<char> = line.chars().collect();
        if chars.len() <= w {
            out.push(line.to_string());
            continue;
        }
        let words = line.trim_start();
        let spaces = chars.len() - words.chars().count();
        if spaces * 2 > w {
            // Set to the right (the place and date): to the right of the narrower window.
            let n = words.chars().count();
            out.extend(if n <= w {
                vec![format!("{}{words}", " ".repeat(w - n))]
            } else {
                wrap_words(words, w, "", "")
            });
            continue;
        }
        // A list item ("- Vedtaket") goes on below its text, not below the dash.
        let (lead, words) = match words.strip_prefix("- ") {
            Some(rest) => (format!("{}- ", " ".repeat(spaces)), rest),
            None => (" ".repeat(spaces), words),
        };
        let indent = " ".repeat(lead.chars().count());
        out.extend(wrap_words(words, w, &lead, &indent));
    }
    out
}

/// The letter's lines with the lines of a paragraph that `render::text` wrapped at 80 columns
/// joined again, so that a narrower window wraps the paragraph as a whole ("… Jeg ber om at" /
/// "svar og andre brev …", not "svar" alone on a line). A line continues the one above when it
/// has the indent of the one above (below the text of a list item) and its first word would not
/// have fitted on the line above: an address, a heading or a list keeps its lines.
fn paragraphs(text: &str) -> Vec<String> {
    let width = crate::render::text::WIDTH;
    let mut out: Vec<String> = Vec::new();
    // The last line as the letter has it, and the indent its continuation has.
    let mut prev: Option<(usize, usize)> = None;
    for line in text.lines() {
        let words = line.trim_start();
        let spaces = line.chars().count() - words.chars().count();
        let first = words.split(' ').next().unwrap_or("").chars().count();
        if let (Some((prev_len, hang)), Some(last)) = (prev, out.last_mut())
            && !words.is_empty()
            && spaces == hang
            && prev_len + 1 + first > width
        {
            last.push(' ');
            last.push_str(words);
            prev = Some((line.chars().count(), hang));
            continue;
        }
        let hang = spaces + if words.starts_with("- ") { 2 } else { 0 };
        prev = (!words.is_empty()).then_some((line.chars().count(), hang));
        out.push(line.to_string());
    }
    out
}

/// Wrap one line between words at `width` columns, the first line starting with `lead`, the
/// others with `indent` (no wider than `lead`); a word longer than the room is cut.
fn wrap_words(line: &str, width: usize, lead: &str, indent: &str) -> Vec<String> {
    let room = width.saturating_sub(lead.chars().count()).max(1);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut len = 0;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let need = if len == 0 { word.len() } else { word.len() + 1 };
            if len + need <= room {
                if len > 0 {
                    cur.push(' ');
                }
                cur.extend(word.iter());
                len += need;
                break;
            }
            if len > 0 {
                let pre = if out.is_empty() { lead } else { indent };
                out.push(format!("{pre}{}", std::mem::take(&mut cur)));
                len = 0;
                continue;
            }
            // A word longer than the whole line: cut.
            let rest = word.split_off(room);
            let pre = if out.is_empty() { lead } else { indent };
            out.push(format!("{pre}{}", word.iter().collect::<String>()));
            word = rest;
            if word.is_empty() {
                break;
            }
        }
    }
    if len > 0 || out.is_empty() {
        let pre = if out.is_empty() { lead } else { indent };
        out.push(format!("{pre}{cur}"));
    }
    out
}

impl PreviewState {
    pub fn new(app: &App) -> PreviewState {
        PreviewState {
            text: letter_text(
                &crate::interview::path::as_written(&app.raw, app.kind),
                app.today,
                app.ui,
                app.kind,
            ),
            scroll: 0,
        }
    }

    /// The title and the hint above the letter. In a low window (a zoomed terminal) the hint
    /// gives way, so that more than a few lines of the letter are seen at a time (F1 has it).
    pub fn title_and_hint(app: &App) -> (String, String) {
        let body = layout::body_area(app);
        let (title, hint) = title_and_hint(app, Step::Preview);
        let with_hint = widgets::wrap(&title, body.width).len()
            + 1
            + widgets::wrap(&hint, body.width).len()
            + 1
            + 1;
        if usize::from(body.height).saturating_sub(with_hint) < MIN_LETTER_ROWS {
            (title, String::new())
        } else {
            (title, hint)
        }
    }

    /// The area the letter is drawn in.
    pub(crate) fn text_area(app: &App) -> Area {
        let body = layout::body_area(app);
        // The letter is 80 columns wide: use the whole width of the window.
        let full = Area::new(0, body.y, app.size.0, body.height);
        let (title, hint) = PreviewState::title_and_hint(app);
        let hint_rows = if hint.is_empty() {
            0
        } else {
            widgets::wrap(&hint, body.width).len() + 1
        };
        let used = widgets::wrap(&title, body.width).len() + 1 + hint_rows;
        let used = u16::try_from(used).unwrap_or(0);
        // One line at the bottom says where in the letter we are.
        let mut a = full.below(used);
        a.height = a.height.saturating_sub(1);
        a
    }

    fn max_scroll(&self, app: &App) -> usize {
        let a = PreviewState::text_area(app);
        match &self.text {
            Ok(t) => display_lines(t, a.width)
                .len()
                .saturating_sub(usize::from(a.height)),
            Err(_) => 0,
        }
    }

    pub fn fit(&mut self, app: &App) {
        self.scroll = self.scroll.min(self.max_scroll(app));
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let page = usize::from(PreviewState::text_area(app).height.saturating_sub(1)).max(1);
        match action {
            Action::Back => return Flow::Back,
            Action::Enter | Action::Tab => {
                if self.text.is_ok() {
                    return Flow::Next;
                }
                return Flow::Back;
            }
            Action::Down => self.scroll += 1,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown | Action::Char(' ') => self.scroll += page,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::Home => self.scroll = 0,
            Action::End => self.scroll = usize::MAX,
            _ => {}
        }
        self.fit(app);
        Flow::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::display_lines;

    #[test]
    fn a_narrow_window_wraps_the_letter_between_words() {
        let line = "Til Sunnfjord kommune, helse og omsorg, Postboks 338, 6802 Førde";
        let lines = display_lines(line, 38);
        assert_eq!(
            lines,
            [
                "Til Sunnfjord kommune, helse og",
                "omsorg, Postboks 338, 6802 Førde"
            ]
        );
        let item = display_lines("- Legeerklæring fra fastlegen, datert i går", 20);
        assert_eq!(
            item,
            ["- Legeerklæring fra", "  fastlegen, datert", "  i går"]
        );
        let date = format!("{}Tromsø, 20. november 2026", " ".repeat(55));
        assert_eq!(display_lines(&date, 30), ["     Tromsø, 20. november 2026"]);
        assert_eq!(display_lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // A paragraph the letter wrapped at 80 columns is wrapped again as a whole.
        let letter = crate::render::text::wrap(
            "Jeg er sønnen til Kari Nordmann og har skriftlig fullmakt, som ligger ved. Jeg ber om at svar og andre brev i saken sendes til meg.",
            80,
            "",
            "",
        )
        .join("\n");
        assert_eq!(
            display_lines(&format!("Ola Nordmann\nFjellveien 3\n\n{letter}"), 40),
            [
                "Ola Nordmann",
                "Fjellveien 3",
                "",
                "Jeg er sønnen til Kari Nordmann og har",
                "skriftlig fullmakt, som ligger ved. Jeg",
                "ber om at svar og andre brev i saken",
                "sendes til meg.",
            ]
        );
    }
}
