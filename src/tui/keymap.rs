//! Key events → [`Action`]s. Nothing else happens here: which action a key gives depends only on
//! the key and on what kind of input has the focus ([`Mode`]).
//!
//! | key | everywhere |
//! |---|---|
//! | Ctrl+C (or Ctrl+Q) | quit (asks first when answers are not saved); no letter quits |
//! | F1 | help for this screen |
//! | Esc | back (never loses an answer) / close a dialog |
//!
//! Lists and explanations ([`Mode::Nav`]): ↑ ↓ move, Enter choose/go on, Space tick, 1–9 choose,
//! `?` help, PgUp/PgDn/Home/End scroll, Tab go on. On the start screen Delete deletes
//! the chosen saved case (after a question); when the saved cases do not fit, the start screen
//! takes typing ([`Mode::Line`]) to filter them.
//! Single-line fields ([`Mode::Line`]): type, ← → Home End move, Backspace (on an empty field:
//! back), Delete, Ctrl+U clear, Enter next field / go on, Tab / Shift+Tab / ↑ ↓ between fields.
//! Multi-line texts ([`Mode::Multi`]): type, Enter new line (a blank line is a new paragraph),
//! arrows move, Tab (or Ctrl+Enter, where the terminal tells it) go on, Shift+Tab back, Ctrl+E
//! edit in your own editor; other keys go to the text box as [`EditKey`]s.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::interview::action::Action;
use crate::interview::text_box::{EditKey, Key};

// The kind of input with the focus is the interview's (a step knows whether it asks for a line
// or a long text); the keymap reads it.
pub use crate::interview::action::Mode;

/// The action for a key in a mode.
pub fn map(key: KeyEvent, mode: Mode) -> Action {
    if key.kind == KeyEventKind::Release {
        return Action::Noop;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        // One quit key on every screen, never a letter a field could take (issue #23).
        KeyCode::Char('c' | 'q') if ctrl => return Action::Quit,
        KeyCode::F(1) => return Action::Help,
        KeyCode::Esc => return Action::Back,
        _ => {}
    }
    match mode {
        Mode::Multi => match key.code {
            KeyCode::Tab => Action::Tab,
            KeyCode::Enter if ctrl => Action::Tab,
            KeyCode::BackTab => Action::BackTab,
            KeyCode::Char('e') if ctrl => Action::Editor,
            _ => Action::Edit(edit_key(key)),
        },
        Mode::Line | Mode::Nav => {
            let common = match key.code {
                KeyCode::Up => Some(Action::Up),
                KeyCode::Down => Some(Action::Down),
                KeyCode::Left => Some(Action::Left),
                KeyCode::Right => Some(Action::Right),
                KeyCode::Home => Some(Action::Home),
                KeyCode::End => Some(Action::End),
                KeyCode::PageUp => Some(Action::PageUp),
                KeyCode::PageDown => Some(Action::PageDown),
                KeyCode::Enter => Some(Action::Enter),
                KeyCode::Tab => Some(Action::Tab),
                KeyCode::BackTab => Some(Action::BackTab),
                KeyCode::Delete => Some(Action::Delete),
                _ => None,
            };
            if let Some(a) = common {
                return a;
            }
            match (mode, key.code) {
                (Mode::Line, KeyCode::Backspace) => Action::Backspace,
                (Mode::Line, KeyCode::Char('u')) if ctrl => Action::ClearLine,
                (Mode::Line, KeyCode::Char(c)) if !ctrl && !alt => Action::Char(c),
                (Mode::Nav, KeyCode::Char('?')) if !ctrl && !alt => Action::Help,
                (Mode::Nav, KeyCode::Char(c)) if !ctrl && !alt => Action::Char(c),
                _ => Action::Noop,
            }
        }
    }
}

/// A key for the text box, as the terminal told it.
fn edit_key(key: KeyEvent) -> EditKey {
    let key_of = match key.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Tab => Key::Tab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        _ => Key::Other,
    };
    EditKey {
        key: key_of,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
        shift: key.modifiers.contains(KeyModifiers::SHIFT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn letters_are_text_in_fields_and_commands_in_lists() {
        assert_eq!(map(key(KeyCode::Char('q')), Mode::Line), Action::Char('q'));
        // `q` is a letter everywhere: it never quits (it was typed into fields after a list
        // screen said "q avslutt").
        assert_eq!(map(key(KeyCode::Char('q')), Mode::Nav), Action::Char('q'));
        assert_eq!(map(key(KeyCode::Char('?')), Mode::Line), Action::Char('?'));
        assert_eq!(map(key(KeyCode::Char('?')), Mode::Nav), Action::Help);
    }

    #[test]
    fn ctrl_c_esc_and_f1_work_everywhere() {
        for mode in [Mode::Nav, Mode::Line, Mode::Multi] {
            let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(map(ctrl_c, mode), Action::Quit);
            let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
            assert_eq!(map(ctrl_q, mode), Action::Quit);
            assert_eq!(map(key(KeyCode::Esc), mode), Action::Back);
            assert_eq!(map(key(KeyCode::F(1)), mode), Action::Help);
        }
    }

    #[test]
    fn multi_line_text_keeps_enter_and_tab_goes_on() {
        assert!(matches!(
            map(key(KeyCode::Enter), Mode::Multi),
            Action::Edit(_)
        ));
        assert_eq!(map(key(KeyCode::Tab), Mode::Multi), Action::Tab);
        let ctrl_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::CONTROL);
        assert_eq!(map(ctrl_enter, Mode::Multi), Action::Tab);
        let ctrl_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL);
        assert_eq!(map(ctrl_e, Mode::Multi), Action::Editor);
    }
}
