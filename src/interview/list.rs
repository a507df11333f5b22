//! One list cursor and one scroll position: the keys that move them, written once for every
//! screen with a list (choices, the case screen, the start screen, check answers, the
//! municipality list) and every screen that scrolls text (information pages, the preview).

use crate::interview::action::Action;

/// Which keys move a list's cursor besides ↑ and ↓ (each screen keeps Tab, Home and End for
/// itself when it uses them otherwise).
#[derive(Debug, Clone, Copy)]
pub struct Keys {
    /// Tab goes down, Shift+Tab up.
    pub tab: bool,
    /// Shift+Tab goes up.
    pub back_tab: bool,
    /// PageUp and PageDown move this many rows (0: they do not move the cursor).
    pub page: usize,
    /// Home and End go to the first and the last row.
    pub ends: bool,
}

impl Keys {
    /// A list of answers: ↑ ↓, Tab and Shift+Tab, Home and End.
    pub const CHOICES: Keys = Keys {
        tab: true,
        back_tab: true,
        page: 0,
        ends: true,
    };

    /// A list under a search field (services, bydeler): ↑ ↓, Tab and Shift+Tab, five rows a
    /// page; Home and End stay in the field.
    pub const SEARCH: Keys = Keys {
        tab: true,
        back_tab: true,
        page: 5,
        ends: false,
    };
}

/// Move the cursor `selected` of a list of `len` rows for this key. Returns false (and leaves
/// it) when the key does not move a cursor.
pub fn cursor(selected: &mut usize, len: usize, action: &Action, keys: Keys) -> bool {
    let last = len.saturating_sub(1);
    *selected = match action {
        Action::Up => selected.saturating_sub(1),
        Action::BackTab if keys.back_tab || keys.tab => selected.saturating_sub(1),
        Action::Down => (*selected + 1).min(last),
        Action::Tab if keys.tab => (*selected + 1).min(last),
        Action::PageUp if keys.page > 0 => selected.saturating_sub(keys.page),
        Action::PageDown if keys.page > 0 => (*selected + keys.page).min(last),
        Action::Home if keys.ends => 0,
        Action::End if keys.ends => last,
        _ => return false,
    };
    true
}

/// Move a scroll position (the first line shown) for this key, `page` lines at a time: End
/// goes past the bottom, and the screen keeps the position inside its text afterwards. Returns
/// false when the key does not scroll.
pub fn scroll(offset: &mut usize, action: &Action, page: usize) -> bool {
    *offset = match action {
        Action::Down => offset.saturating_add(1),
        Action::Up => offset.saturating_sub(1),
        Action::PageDown => offset.saturating_add(page),
        Action::PageUp => offset.saturating_sub(page),
        Action::Home => 0,
        Action::End => usize::MAX,
        _ => return false,
    };
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_inside_the_list() {
        let mut s = 0;
        assert!(cursor(&mut s, 3, &Action::Up, Keys::CHOICES));
        assert_eq!(s, 0);
        cursor(&mut s, 3, &Action::End, Keys::CHOICES);
        assert_eq!(s, 2);
        cursor(&mut s, 3, &Action::Tab, Keys::CHOICES);
        assert_eq!(s, 2);
        cursor(&mut s, 3, &Action::BackTab, Keys::CHOICES);
        assert_eq!(s, 1);
        // An empty list keeps the cursor at the top.
        cursor(&mut s, 0, &Action::Down, Keys::CHOICES);
        assert_eq!(s, 0);
    }

    #[test]
    fn keys_a_screen_keeps_for_itself_do_not_move_the_cursor() {
        let keys = Keys {
            tab: false,
            back_tab: true,
            page: 0,
            ends: false,
        };
        let mut s = 1;
        assert!(!cursor(&mut s, 3, &Action::Tab, keys));
        assert!(!cursor(&mut s, 3, &Action::Home, keys));
        assert!(!cursor(&mut s, 3, &Action::PageDown, keys));
        assert_eq!(s, 1);
    }

    #[test]
    fn scrolling_never_goes_above_the_top() {
        let mut off = 2;
        assert!(scroll(&mut off, &Action::PageUp, 10));
        assert_eq!(off, 0);
        scroll(&mut off, &Action::End, 10);
        assert_eq!(off, usize::MAX);
        scroll(&mut off, &Action::Down, 10);
        assert_eq!(off, usize::MAX);
        assert!(!scroll(&mut off, &Action::Enter, 10));
    }
}
