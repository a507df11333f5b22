//! What the person asked for, independent of which key they pressed ([`Action`]), and what the
//! wizard asks the run loop to do in return ([`Effect`]).
//!
//! `keymap` turns key events into actions; `App::update` turns actions into state changes and
//! effects; the run loop in `tui/mod.rs` carries out the effects (writing files, running an
//! editor) and reports back with another action.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::case::RawCase;
use crate::i18n::Ui;

/// One thing the person asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// Confirm: choose, go on, or (in a form) go to the next field.
    Enter,
    /// Tab: the next field, or go on from a multi-line text (there Ctrl+Enter too, where the
    /// terminal tells it).
    Tab,
    /// Shift+Tab: the previous field.
    BackTab,
    /// Esc: go back one screen (never loses an answer), or close a dialog.
    Back,
    /// Delete the character before the cursor. On an empty single-line field: go back.
    Backspace,
    /// Backspace while the key is held down (key repeat): deletes, never goes back.
    BackspaceHeld,
    /// Delete the character under the cursor.
    Delete,
    /// Clear the whole single-line field (Ctrl+U).
    ClearLine,
    /// A typed character.
    Char(char),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// A key for the multi-line text box (see [`crate::interview::text_box`]).
    Edit(crate::interview::text_box::EditKey),
    /// Open the help for this screen.
    Help,
    /// Leave the program (asks first when answers are not saved).
    Quit,
    /// Edit the long text in the person's own editor (`$VISUAL` / `$EDITOR`).
    Editor,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// The external editor finished: the new text, or why it failed.
    EditorDone(Result<String, String>),
    /// The export finished.
    ExportDone(ExportReport),
    /// Counter mode, "take the case with you": the case file written, or why it could not be.
    TakeDone(Result<PathBuf, String>),
    /// A key that means nothing here.
    Noop,
}

/// What the run loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    /// Restore the terminal and leave.
    Quit,
    /// Write the letter to files.
    Export(Box<ExportJob>),
    /// Counter mode, "take the case with you": write the case file to the folder the person
    /// chose (reported back with [`Action::TakeDone`]).
    TakeCase(Box<TakeJob>),
    /// Run the external editor on this text.
    Editor(String),
    /// Remember the interface language for the next start (settings file; not in counter mode).
    RememberLanguage(Ui),
    /// Open a saved case, or answer a conflict on save (see `interview::session`).
    Draft(DraftRequest),
}

/// Which files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    #[default]
    Text,
    Pdf,
    Both,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Text, ExportFormat::Pdf, ExportFormat::Both];
}

/// Everything the export needs, so that the run loop does not read the wizard's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportJob {
    pub ui: Ui,
    pub raw: RawCase,
    pub today: NaiveDate,
    pub format: ExportFormat,
    /// The path without extension (".txt" and ".pdf" are added).
    pub base: PathBuf,
    /// The letter to write.
    pub kind: crate::domain::letter::LetterKind,
    /// Also write a power of attorney (fullmakt) for the person to sign.
    pub fullmakt: bool,
    /// The person has agreed to replace existing files.
    pub overwrite: bool,
}

/// The case file to write for "take the case with you" (counter mode): the answers, to the
/// folder the person chose, as `<name>.json` (`<name>-2.json` … when that one exists).
#[derive(Debug, Clone, PartialEq)]
pub struct TakeJob {
    pub ui: Ui,
    /// The answers (the session writes them as its drafts store would).
    pub raw: RawCase,
    /// The folder the person chose.
    pub dir: PathBuf,
    /// The file name without ".json": "klage-kari-nordmann-2026-11-20".
    pub name: String,
}

/// What the export did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportReport {
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Files that exist already; nothing was written, the person is asked first.
    pub exists: Vec<PathBuf>,
    /// What went wrong, in plain words.
    pub errors: Vec<String>,
    /// The PDF carries the attachments' files after the letter.
    pub bundled: bool,
    /// The date on the letter written, kept in the case for a complaint (a sent complaint is
    /// shown and reprinted as it was sent).
    pub letter_date: Option<chrono::NaiveDate>,
}

/// What kind of input has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Lists, choices, explanations, dialogs: letters are commands.
    Nav,
    /// A single-line text field: letters are text.
    Line,
    /// A multi-line text: letters and Enter are text.
    Multi,
}

/// What the wizard asks the run loop to do with drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftRequest {
    /// Open the saved case with this id, where it stopped.
    Open(String),
    /// After a conflict: leave the changed file alone and save the answers as a new draft.
    SaveAsNew,
    /// After a conflict: go on without saving.
    StopSaving,
    /// Delete the saved case with this id for good (asked first on the start screen).
    Delete(String),
}
