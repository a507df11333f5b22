//! The interview: which question comes next, the answers, what an action does to them, the
//! draft and the session. No terminal here (no `ratatui`, no `crossterm`): the wizard (`tui/`)
//! draws it and turns keys into its [`Action`]s; line mode (`plain/`) says it in words
//! ([`describe`]) and turns typed lines into the same actions.
//!
//! - [`app`]: the state machine ([`App`], [`App::update`] returns an [`Effect`] as data);
//! - [`path`]: which screens a case goes through; the screens themselves are [`Step`]s;
//! - [`steps`]: each screen's question: its options, the current answer, its checks and what an
//!   answer does;
//! - [`action`]: what the person can do, and what the run loop is asked to do;
//! - [`session`], [`drafts`]: autosave, conflicts, counter mode; [`export`]: saving the letter;
//! - [`describe`]: what a screen says, in words (line mode reads it; the wizard's screens say
//!   the same);
//! - [`list`], [`text_field`]: a list's cursor and a one-line text with its cursor.

pub mod action;
pub mod app;
pub mod describe;
pub mod drafts;
pub mod export;
pub mod list;
pub mod marks;
pub mod path;
pub mod session;
pub mod steps;
pub mod text_field;
pub mod wrap;

pub use action::{Action, Effect};
pub use app::{App, Options, Step};
pub use session::Session;
