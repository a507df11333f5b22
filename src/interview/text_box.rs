//! A multi-line text being edited, with no terminal in it: the text as lines, the cursor, a
//! selection, undo and redo, and what an editing key ([`EditKey`]) does to them. The wizard maps
//! its keys to [`EditKey`]s and draws the box (`tui/steps/longtext.rs`); line mode sets the whole
//! text from typed lines.
//!
//! The keys are those the wizard's text box has always taken (the Emacs-like keys of its
//! drawing widget): arrows, Home/End (Ctrl+A/E), Ctrl+←/→ and Alt+B/F by word, Ctrl+↑/↓ by
//! paragraph, Alt+</> to the top and the bottom, Backspace/Delete (Ctrl+H/D), Ctrl+W and
//! Alt+Backspace a word back, Alt+D and Alt+Delete a word on, Ctrl+K to the end of the line,
//! Ctrl+J to its start, Ctrl+U undo, Ctrl+R redo, Shift with a move selects, Ctrl+X cut, Alt+W
//! copy, Ctrl+Y paste what was cut, PgUp/PgDn a page.
//!
//! Up and Down move by the rows the text is shown in ([`Rows`], told by the wizard after it
//! draws); without them (line mode, before the first drawing), by lines.

use std::cell::RefCell;

/// A key, without a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Tab,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    /// A key the text box does not use.
    Other,
}

/// A key for the text box, with the modifiers held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditKey {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl EditKey {
    /// The key alone.
    pub fn plain(key: Key) -> EditKey {
        EditKey {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// A typed character or Enter: what makes the text longer.
    pub fn is_typing(&self) -> bool {
        matches!(self.key, Key::Char(_) | Key::Enter | Key::Tab) && !self.ctrl && !self.alt
    }
}

/// Where the text is, as the wizard last showed it: the first character of each screen row
/// (`(line, column)` in characters), the first row shown and how many rows are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    pub starts: Vec<(usize, usize)>,
    pub top: usize,
    pub height: usize,
}

/// The text before an edit, for undo.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    lines: Vec<String>,
    cursor: (usize, usize),
}

/// How many edits can be undone.
const MAX_UNDO: usize = 50;

/// A multi-line text and its cursor. `cursor` is `(line, column)`, the column in characters.
#[derive(Debug, Default)]
pub struct TextBox {
    lines: Vec<String>,
    cursor: (usize, usize),
    /// Where a selection started (Shift with a move).
    anchor: Option<(usize, usize)>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// What Ctrl+X, Ctrl+K, Ctrl+W … took away, for Ctrl+Y.
    yank: String,
    /// The rows as last shown (set by the wizard when it draws).
    pub shown: RefCell<Rows>,
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The byte index of character `col` in `s`.
fn byte_at(s: &str, col: usize) -> usize {
    s.char_indices().nth(col).map_or(s.len(), |(i, _)| i)
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum CharKind {
    Space,
    Punct,
    Other,
}

fn kind(c: char) -> CharKind {
    if c.is_whitespace() {
        CharKind::Space
    } else if c != '_' && c.is_ascii_punctuation() {
        CharKind::Punct
    } else {
        CharKind::Other
    }
}

/// The start of the next word from `start` in a line.
fn word_start_forward(line: &str, start: usize) -> Option<usize> {
    let mut it = line.chars().enumerate().skip(start);
    let mut prev = kind(it.next()?.1);
    for (col, c) in it {
        let cur = kind(c);
        if cur != CharKind::Space && prev != cur {
            return Some(col);
        }
        prev = cur;
    }
    None
}

/// The end (exclusive) of the word at or after `start` in a line.
fn word_end_forward(line: &str, start: usize) -> Option<usize> {
    let mut it = line.chars().enumerate().skip(start);
    let mut prev = kind(it.next()?.1);
    for (col, c) in it {
        let cur = kind(c);
        if prev != CharKind::Space && prev != cur {
            return Some(col);
        }
        prev = cur;
    }
    None
}

/// The start of the word before `start` in a line.
fn word_start_backward(line: &str, start: usize) -> Option<usize> {
    let idx = byte_at(line, start);
    let mut it = line[..idx].chars().rev().enumerate();
    let mut cur = kind(it.next()?.1);
    for (i, c) in it {
        let next = kind(c);
        if cur != CharKind::Space && next != cur {
            return Some(start - i);
        }
        cur = next;
    }
    (cur != CharKind::Space).then_some(0)
}

impl TextBox {
    /// A box holding `text` ("\n" between lines), the cursor at its end.
    pub fn new(text: &str) -> TextBox {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let last = lines.len() - 1;
        let cursor = (last, char_len(&lines[last]));
        TextBox {
            lines,
            cursor,
            ..TextBox::default()
        }
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The cursor: `(line, column)`, the column in characters.
    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    /// Where the selection starts, when there is one.
    pub fn anchor(&self) -> Option<(usize, usize)> {
        self.anchor
    }

    /// The text, "\n" between lines.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Characters in the text, line breaks included.
    pub fn chars(&self) -> usize {
        self.lines.iter().map(|l| char_len(l)).sum::<usize>() + self.lines.len().saturating_sub(1)
    }

    fn remember(&mut self) {
        self.undo.push(Snapshot {
            lines: self.lines.clone(),
            cursor: self.cursor,
        });
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The selection as (start, end), start first.
    fn selection(&self) -> Option<((usize, usize), (usize, usize))> {
        let a = self.anchor?;
        let c = self.cursor;
        (a != c).then(|| if a < c { (a, c) } else { (c, a) })
    }

    /// The text between two positions.
    fn between(&self, s: (usize, usize), e: (usize, usize)) -> String {
        if s.0 == e.0 {
            let l = &self.lines[s.0];
            return l[byte_at(l, s.1)..byte_at(l, e.1)].to_string();
        }
        let first = &self.lines[s.0];
        let mut out = first[byte_at(first, s.1)..].to_string();
        for l in &self.lines[s.0 + 1..e.0] {
            out.push('\n');
            out.push_str(l);
        }
        out.push('\n');
        let last = &self.lines[e.0];
        out.push_str(&last[..byte_at(last, e.1)]);
        out
    }

    /// Remove the text between two positions (without remembering for undo); the cursor goes
    /// to the start.
    fn remove(&mut self, s: (usize, usize), e: (usize, usize)) {
        let tail = {
            let last = &self.lines[e.0];
            last[byte_at(last, e.1)..].to_string()
        };
        let first = &mut self.lines[s.0];
        first.truncate(byte_at(first, s.1));
        first.push_str(&tail);
        self.lines.drain(s.0 + 1..=e.0);
        self.cursor = s;
    }

    /// Delete the selection, if any; true when something went.
    fn delete_selection(&mut self, keep: bool) -> bool {
        let sel = self.selection();
        self.anchor = None;
        let Some((s, e)) = sel else { return false };
        self.remember();
        if keep {
            self.yank = self.between(s, e);
        }
        self.remove(s, e);
        true
    }

    /// Insert text (may hold "\n") at the cursor, replacing a selection. True when the text
    /// changed.
    pub fn insert_str(&mut self, s: &str) -> bool {
        let replaced = self.delete_selection(false);
        if s.is_empty() {
            return replaced;
        }
        if !replaced {
            self.remember();
        }
        let (r, c) = self.cursor;
        let line = &mut self.lines[r];
        let at = byte_at(line, c);
        let tail = line.split_off(at);
        let mut parts = s.split('\n');
        line.push_str(parts.next().unwrap_or(""));
        let mut row = r;
        for p in parts {
            row += 1;
            self.lines.insert(row, p.to_string());
        }
        let col = char_len(&self.lines[row]);
        self.lines[row].push_str(&tail);
        self.cursor = (row, col);
        true
    }

    /// Delete `n` characters before (`back`) or after the cursor on its line, remembering them
    /// for Ctrl+Y when `keep`.
    fn delete_on_line(&mut self, from: usize, to: usize, keep: bool) -> bool {
        if from == to {
            return false;
        }
        let r = self.cursor.0;
        self.remember();
        if keep {
            self.yank = self.between((r, from), (r, to));
        }
        self.remove((r, from), (r, to));
        true
    }

    /// Join the cursor's line to the one before (Backspace at a line's start).
    fn join_previous(&mut self) -> bool {
        let (r, _) = self.cursor;
        if r == 0 {
            return false;
        }
        let prev = char_len(&self.lines[r - 1]);
        self.remember();
        self.remove((r - 1, prev), (r, 0));
        true
    }

    fn backspace(&mut self) -> bool {
        if self.delete_selection(false) {
            return true;
        }
        let (_, c) = self.cursor;
        if c == 0 {
            return self.join_previous();
        }
        self.delete_on_line(c - 1, c, false)
    }

    fn delete(&mut self) -> bool {
        if self.delete_selection(false) {
            return true;
        }
        let (r, c) = self.cursor;
        if c < char_len(&self.lines[r]) {
            self.delete_on_line(c, c + 1, false)
        } else if r + 1 < self.lines.len() {
            self.remember();
            self.remove((r, c), (r + 1, 0));
            true
        } else {
            false
        }
    }

    fn delete_word_back(&mut self) -> bool {
        if self.delete_selection(false) {
            return true;
        }
        let (r, c) = self.cursor;
        match word_start_backward(&self.lines[r], c) {
            Some(col) => self.delete_on_line(col, c, true),
            None if c > 0 => self.delete_on_line(0, c, true),
            None => self.join_previous(),
        }
    }

    fn delete_word_on(&mut self) -> bool {
        if self.delete_selection(false) {
            return true;
        }
        let (r, c) = self.cursor;
        let end = char_len(&self.lines[r]);
        match word_end_forward(&self.lines[r], c) {
            Some(col) => self.delete_on_line(c, col, true),
            None if c < end => self.delete_on_line(c, end, true),
            None => self.delete(),
        }
    }

    fn undo(&mut self) -> bool {
        let Some(s) = self.undo.pop() else {
            return false;
        };
        self.redo.push(Snapshot {
            lines: std::mem::replace(&mut self.lines, s.lines),
            cursor: self.cursor,
        });
        self.cursor = s.cursor;
        self.anchor = None;
        true
    }

    fn redo(&mut self) -> bool {
        let Some(s) = self.redo.pop() else {
            return false;
        };
        self.undo.push(Snapshot {
            lines: std::mem::replace(&mut self.lines, s.lines),
            cursor: self.cursor,
        });
        self.cursor = s.cursor;
        self.anchor = None;
        true
    }

    /// The screen row the cursor is on, in the rows as last shown.
    fn screen_row(&self, rows: &Rows) -> Option<usize> {
        if rows.starts.is_empty() {
            return None;
        }
        let i = rows.starts.partition_point(|s| *s <= self.cursor);
        Some(i.saturating_sub(1))
    }

    /// The cursor on screen row `i` at screen column `col`.
    fn on_row(&self, rows: &Rows, i: usize, col: usize) -> (usize, usize) {
        let (r, start) = rows.starts[i];
        let r = r.min(self.lines.len() - 1);
        let line_end = char_len(&self.lines[r]);
        let end = match rows.starts.get(i + 1) {
            Some((nr, ns)) if *nr == r => ns.saturating_sub(1).max(start),
            _ => line_end,
        };
        (r, (start + col).min(end).min(line_end))
    }

    /// Move up or down `n` rows (screen rows when known, else lines).
    fn vertical(&mut self, down: bool, n: usize) {
        let rows = self.shown.borrow().clone();
        match self.screen_row(&rows) {
            Some(i) => {
                let col = self.cursor.1 - rows.starts[i].1.min(self.cursor.1);
                let last = rows.starts.len() - 1;
                let j = if down {
                    if i == last {
                        return;
                    }
                    (i + n).min(last)
                } else {
                    if i == 0 {
                        return;
                    }
                    i.saturating_sub(n)
                };
                self.cursor = self.on_row(&rows, j, col);
            }
            None => {
                let (r, c) = self.cursor;
                let r = if down {
                    (r + n).min(self.lines.len() - 1)
                } else {
                    r.saturating_sub(n)
                };
                self.cursor = (r, c.min(char_len(&self.lines[r])));
            }
        }
    }

    fn left(&mut self) {
        let (r, c) = self.cursor;
        if c > 0 {
            self.cursor = (r, c - 1);
        } else if r > 0 {
            self.cursor = (r - 1, char_len(&self.lines[r - 1]));
        }
    }

    fn right(&mut self) {
        let (r, c) = self.cursor;
        if c < char_len(&self.lines[r]) {
            self.cursor = (r, c + 1);
        } else if r + 1 < self.lines.len() {
            self.cursor = (r + 1, 0);
        }
    }

    fn word_forward(&mut self) {
        let (r, c) = self.cursor;
        self.cursor = match word_start_forward(&self.lines[r], c) {
            Some(col) => (r, col),
            None if r + 1 < self.lines.len() => (r + 1, 0),
            None => (r, char_len(&self.lines[r])),
        };
    }

    fn word_back(&mut self) {
        let (r, c) = self.cursor;
        self.cursor = match word_start_backward(&self.lines[r], c) {
            Some(col) => (r, col),
            None if r > 0 => (r - 1, char_len(&self.lines[r - 1])),
            None => (r, 0),
        };
    }

    fn paragraph_forward(&mut self) {
        let (r, c) = self.cursor;
        let mut prev_empty = self.lines[r].is_empty();
        for row in r + 1..self.lines.len() {
            let empty = self.lines[row].is_empty();
            if !empty && prev_empty {
                self.cursor = (row, c.min(char_len(&self.lines[row])));
                return;
            }
            prev_empty = empty;
        }
        let row = self.lines.len() - 1;
        self.cursor = (row, c.min(char_len(&self.lines[row])));
    }

    fn paragraph_back(&mut self) {
        let (r, c) = self.cursor;
        let Some(row) = r.checked_sub(1) else { return };
        let mut prev_empty = self.lines[row].is_empty();
        for row in (0..row).rev() {
            let empty = self.lines[row].is_empty();
            if empty && !prev_empty {
                let t = row + 1;
                self.cursor = (t, c.min(char_len(&self.lines[t])));
                return;
            }
            prev_empty = empty;
        }
        self.cursor = (0, c.min(char_len(&self.lines[0])));
    }

    /// Move the cursor; with Shift, the selection follows it.
    fn go(&mut self, shift: bool, f: impl FnOnce(&mut TextBox)) {
        if shift {
            self.anchor.get_or_insert(self.cursor);
        } else {
            self.anchor = None;
        }
        f(self);
    }

    /// What a key does. True when the text changed.
    pub fn key(&mut self, k: EditKey) -> bool {
        use Key::*;
        let EditKey {
            key,
            ctrl,
            alt,
            shift,
        } = k;
        match (key, ctrl, alt) {
            (Char('m'), true, false) | (Char('\n' | '\r'), false, false) | (Enter, _, _) => {
                self.insert_str("\n")
            }
            (Char(c), false, false) => self.insert_str(&c.to_string()),
            (Tab, false, false) => {
                // Spaces to the next multiple of four, as the box always did.
                let (r, c) = self.cursor;
                let width: usize = self.lines[r].chars().take(c).count();
                let n = 4 - width % 4;
                self.insert_str(&" ".repeat(n))
            }
            (Char('h'), true, false) | (Backspace, false, false) => self.backspace(),
            (Char('d'), true, false) | (Delete, false, false) => self.delete(),
            (Char('k'), true, false) => {
                if self.delete_selection(true) {
                    return true;
                }
                let (r, c) = self.cursor;
                let end = char_len(&self.lines[r]);
                self.delete_on_line(c, end, true)
            }
            (Char('j'), true, false) => {
                if self.delete_selection(true) {
                    return true;
                }
                let c = self.cursor.1;
                self.delete_on_line(0, c, true)
            }
            (Char('w'), true, false) | (Char('h') | Backspace, false, true) => {
                self.delete_word_back()
            }
            (Delete | Char('d'), false, true) => self.delete_word_on(),
            (Char('n'), true, false) | (Down, false, false) => {
                self.go(shift, |t| t.vertical(true, 1));
                false
            }
            (Char('p'), true, false) | (Up, false, false) => {
                self.go(shift, |t| t.vertical(false, 1));
                false
            }
            (Char('f'), true, false) | (Right, false, false) => {
                self.go(shift, TextBox::right);
                false
            }
            (Char('b'), true, false) | (Left, false, false) => {
                self.go(shift, TextBox::left);
                false
            }
            (Char('a'), true, false) | (Home, _, _) | (Left | Char('b'), true, true) => {
                self.go(shift, |t| t.cursor.1 = 0);
                false
            }
            (Char('e'), true, false) | (End, _, _) | (Right | Char('f'), true, true) => {
                self.go(shift, |t| t.cursor.1 = char_len(&t.lines[t.cursor.0]));
                false
            }
            (Char('<'), false, true) | (Up | Char('p'), true, true) => {
                self.go(shift, |t| {
                    t.cursor = (0, t.cursor.1.min(char_len(&t.lines[0])))
                });
                false
            }
            (Char('>'), false, true) | (Down | Char('n'), true, true) => {
                self.go(shift, |t| {
                    let r = t.lines.len() - 1;
                    t.cursor = (r, t.cursor.1.min(char_len(&t.lines[r])));
                });
                false
            }
            (Char('f'), false, true) | (Right, true, false) => {
                self.go(shift, TextBox::word_forward);
                false
            }
            (Char('b'), false, true) | (Left, true, false) => {
                self.go(shift, TextBox::word_back);
                false
            }
            (Char(']'), false, true) | (Char('n'), false, true) | (Down, true, false) => {
                self.go(shift, TextBox::paragraph_forward);
                false
            }
            (Char('['), false, true) | (Char('p'), false, true) | (Up, true, false) => {
                self.go(shift, TextBox::paragraph_back);
                false
            }
            (Char('u'), true, false) => self.undo(),
            (Char('r'), true, false) => self.redo(),
            (Char('y'), true, false) => {
                let y = self.yank.clone();
                self.insert_str(&y)
            }
            (Char('x'), true, false) => self.delete_selection(true),
            (Char('w'), false, true) => {
                if let Some((s, e)) = self.selection() {
                    self.yank = self.between(s, e);
                }
                self.anchor = None;
                false
            }
            (PageDown, false, false) | (Char('v'), true, false) => {
                self.page(true, shift);
                false
            }
            (PageUp, false, false) | (Char('v'), false, true) => {
                self.page(false, shift);
                false
            }
            _ => false,
        }
    }

    /// A page down or up: the rows shown move by their height, and the cursor with them.
    fn page(&mut self, down: bool, shift: bool) {
        let h = self.shown.borrow().height.max(1);
        {
            let mut rows = self.shown.borrow_mut();
            let last = rows.starts.len().saturating_sub(1);
            rows.top = if down {
                (rows.top + h).min(last)
            } else {
                rows.top.saturating_sub(h)
            };
        }
        self.go(shift, |t| t.vertical(down, h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(key: Key) -> EditKey {
        EditKey::plain(key)
    }

    fn ctrl(c: char) -> EditKey {
        EditKey {
            ctrl: true,
            ..k(Key::Char(c))
        }
    }

    fn typed(t: &mut TextBox, s: &str) {
        for c in s.chars() {
            t.key(k(if c == '\n' { Key::Enter } else { Key::Char(c) }));
        }
    }

    #[test]
    fn typing_enter_and_backspace_make_lines() {
        let mut t = TextBox::new("");
        typed(&mut t, "Far har falt.\n\nTo ganger.");
        assert_eq!(t.text(), "Far har falt.\n\nTo ganger.");
        assert_eq!(t.cursor(), (2, 10));
        for _ in 0..11 {
            t.key(k(Key::Backspace));
        }
        assert_eq!(t.text(), "Far har falt.\n");
        assert_eq!(t.chars(), 14);
    }

    #[test]
    fn moves_by_character_word_line_and_paragraph() {
        let mut t = TextBox::new("en to\n\ntre");
        assert_eq!(t.cursor(), (2, 3));
        t.key(k(Key::Left));
        t.key(k(Key::Up));
        assert_eq!(t.cursor(), (1, 0));
        t.key(k(Key::Left));
        assert_eq!(t.cursor(), (0, 5));
        t.key(EditKey {
            ctrl: true,
            ..k(Key::Left)
        });
        assert_eq!(t.cursor(), (0, 3));
        t.key(ctrl('a'));
        assert_eq!(t.cursor(), (0, 0));
        t.key(EditKey {
            ctrl: true,
            ..k(Key::Down)
        });
        assert_eq!(t.cursor(), (2, 0));
    }

    #[test]
    fn undo_and_redo_an_edit() {
        let mut t = TextBox::new("abc");
        t.key(ctrl('w'));
        assert_eq!(t.text(), "");
        t.key(ctrl('u'));
        assert_eq!(t.text(), "abc");
        t.key(ctrl('r'));
        assert_eq!(t.text(), "");
        t.key(ctrl('y'));
        assert_eq!(t.text(), "abc");
    }

    #[test]
    fn a_selection_is_replaced_by_typing() {
        let mut t = TextBox::new("god dag");
        for _ in 0..3 {
            t.key(EditKey {
                shift: true,
                ..k(Key::Left)
            });
        }
        typed(&mut t, "natt");
        assert_eq!(t.text(), "god natt");
        assert_eq!(t.anchor(), None);
    }

    #[test]
    fn up_and_down_follow_the_rows_shown() {
        // "aaaa bbbb" shown as two rows of five: "aaaa " and "bbbb".
        let mut t = TextBox::new("aaaa bbbb");
        *t.shown.borrow_mut() = Rows {
            starts: vec![(0, 0), (0, 5)],
            top: 0,
            height: 2,
        };
        t.key(k(Key::Up));
        assert_eq!(t.cursor(), (0, 4));
        t.key(k(Key::Down));
        assert_eq!(t.cursor(), (0, 9));
    }
}
