//! A single-line text field: the text and a cursor, and what a key does to them. The wizard
//! draws it (`tui/widgets/text_field.rs`); line mode sets it from a typed line.

use super::action::Action;

/// The most characters a single-line field takes (a name, an address line).
pub const MAX_CHARS: usize = 500;

/// A single-line text being edited; `cursor` counts characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    cursor: usize,
}

/// What a key did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldEvent {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Backspace on an empty field (the screen may go back).
    BackspaceOnEmpty,
    /// The key is not for the field.
    Ignored,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        let value = clean(value);
        TextInput {
            cursor: value.chars().count(),
            value,
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    /// The text trimmed, or `None` when empty.
    pub fn answer(&self) -> Option<String> {
        let t = self.value.trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, value: &str) {
        *self = TextInput::new(value);
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_index)
            .map(|(i, _)| i)
            .unwrap_or(self.value.len())
    }

    /// Insert text at the cursor; line breaks and tabs become spaces, other control characters are
    /// dropped.
    pub fn insert_str(&mut self, s: &str) -> bool {
        let s = clean(s);
        let room = MAX_CHARS.saturating_sub(self.value.chars().count());
        let s: String = s.chars().take(room).collect();
        if s.is_empty() {
            return false;
        }
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, &s);
        self.cursor += s.chars().count();
        true
    }

    /// Apply an editing action.
    pub fn handle(&mut self, action: &Action) -> FieldEvent {
        let len = self.value.chars().count();
        match action {
            Action::Char(c) => {
                if self.insert_str(&c.to_string()) {
                    FieldEvent::Changed
                } else {
                    FieldEvent::Ignored
                }
            }
            Action::Paste(s) => {
                if self.insert_str(s) {
                    FieldEvent::Changed
                } else {
                    FieldEvent::Ignored
                }
            }
            Action::Backspace | Action::BackspaceHeld => {
                if self.value.is_empty() {
                    if *action == Action::Backspace {
                        FieldEvent::BackspaceOnEmpty
                    } else {
                        FieldEvent::Ignored
                    }
                } else if self.cursor == 0 {
                    FieldEvent::Ignored
                } else {
                    let start = self.byte_at(self.cursor - 1);
                    let end = self.byte_at(self.cursor);
                    self.value.replace_range(start..end, "");
                    self.cursor -= 1;
                    FieldEvent::Changed
                }
            }
            Action::Delete => {
                if self.cursor >= len {
                    FieldEvent::Ignored
                } else {
                    let start = self.byte_at(self.cursor);
                    let end = self.byte_at(self.cursor + 1);
                    self.value.replace_range(start..end, "");
                    FieldEvent::Changed
                }
            }
            Action::ClearLine => {
                if self.value.is_empty() {
                    FieldEvent::Ignored
                } else {
                    self.value.clear();
                    self.cursor = 0;
                    FieldEvent::Changed
                }
            }
            Action::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                FieldEvent::Moved
            }
            Action::Right => {
                self.cursor = (self.cursor + 1).min(len);
                FieldEvent::Moved
            }
            Action::Home => {
                self.cursor = 0;
                FieldEvent::Moved
            }
            Action::End => {
                self.cursor = len;
                FieldEvent::Moved
            }
            _ => FieldEvent::Ignored,
        }
    }
}

/// Line breaks and tabs as spaces; no other control characters.
fn clean(s: &str) -> String {
    s.replace("\r\n", " ")
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_with_unicode() {
        let mut t = TextInput::new("Tromø");
        t.handle(&Action::Left);
        t.handle(&Action::Char('s'));
        assert_eq!(t.value(), "Tromsø");
        t.handle(&Action::Home);
        t.handle(&Action::Delete);
        assert_eq!(t.value(), "romsø");
        t.handle(&Action::End);
        t.handle(&Action::Backspace);
        assert_eq!(t.value(), "roms");
    }

    #[test]
    fn backspace_on_empty_is_reported_but_not_while_held() {
        let mut t = TextInput::new("");
        assert_eq!(t.handle(&Action::Backspace), FieldEvent::BackspaceOnEmpty);
        assert_eq!(t.handle(&Action::BackspaceHeld), FieldEvent::Ignored);
    }

    #[test]
    fn paste_becomes_one_line() {
        let mut t = TextInput::new("");
        t.handle(&Action::Paste("Postboks 6900\r\n9299 Tromsø\u{7}".into()));
        assert_eq!(t.value(), "Postboks 6900 9299 Tromsø");
    }
}
