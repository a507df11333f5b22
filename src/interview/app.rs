//! The interview's state machine is the interview's root module ([`crate::interview`]); this
//! name is kept so that paths written before issue #24 (`interview::app::App`,
//! `tui::app::Step`) still mean what they meant.

pub use super::*;
