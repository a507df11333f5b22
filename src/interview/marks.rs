//! The marks that tell without colour what a row is: selected, ticked, chosen, done. The wizard
//! draws them (in its theme's colours); line mode and the check page say them.

/// Marks the selected row of a list (also without colour).
pub const SELECTED: &str = "▶ ";
/// The same width, for rows that are not selected.
pub const UNSELECTED: &str = "  ";
/// A ticked and an unticked checkbox.
pub const CHECKED: &str = "[x] ";
pub const UNCHECKED: &str = "[ ] ";
/// A chosen and an unchosen radio button.
pub const RADIO_ON: &str = "(x) ";
pub const RADIO_OFF: &str = "( ) ";
/// Marks something done or accepted.
pub const DONE: &str = "✓ ";
