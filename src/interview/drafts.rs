//! Drafts in the wizard, the pure part: how the autosave is going ([`SaveStatus`]), what the
//! wizard asks the run loop to do with drafts ([`DraftRequest`], inside [`Effect::Draft`]), the
//! dialogs about drafts ([`Notice`], shown over the screen and over any other dialog), and the
//! saved cases as the start screen lists them.
//!
//! The I/O (listing, opening, saving) happens in [`super::session::Session`], which the run loop
//! drives; it reports back with [`App::draft_saved`] and [`App::draft_not_opened`].

use crate::i18n::{Ui, problem_text, t, tf};
use crate::store::{Damaged, Entry};
use crate::summary::{person_label, service_label};

use super::App;
use super::action::{Action, Effect};

/// How the autosave is going.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveStatus {
    /// Nothing saved (no answer yet, counter mode, or no data folder).
    #[default]
    NotSaved,
    /// The answers are saved in the draft with this id.
    Saved(String),
    /// The last save failed (the reason in words); the answers are only in memory. The next
    /// answer tries again.
    Failed(String),
    /// Another program changed the draft, and the person chose to go on without saving.
    Off,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveResult {
    /// Saved in the draft with this id.
    Saved(String),
    /// The draft was changed on disk by another window or program; nothing was written.
    Conflict,
    /// The save failed; the reason in words.
    Failed(String),
    /// Every answer was taken away: the draft was removed (a draft without answers is never
    /// kept).
    Removed,
}

// What the interview asks the run loop to do with drafts is one of its effects.
pub use super::action::DraftRequest;

/// A dialog about drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The draft was changed by another window or program: save as new, or go on without saving.
    Conflict,
    /// A save failed (the reason in words); the wizard goes on with the answers in memory.
    SaveFailed(String),
    /// A saved case could not be opened (the message in words).
    NotOpened(String),
    /// A saved case could not be deleted (the message in words).
    NotDeleted(String),
}

/// The result of a save, into the wizard's state (a dialog the first time something goes wrong).
pub fn saved(app: &mut App, result: SaveResult) {
    match result {
        SaveResult::Saved(id) => app.save_status = SaveStatus::Saved(id),
        SaveResult::Removed => app.save_status = SaveStatus::NotSaved,
        SaveResult::Conflict => {
            app.save_status = SaveStatus::Off;
            app.notice = Some(Notice::Conflict);
        }
        SaveResult::Failed(reason) => {
            // Say it once; the header keeps saying "not saved" until a save works again.
            if !matches!(app.save_status, SaveStatus::Failed(_)) {
                app.notice = Some(Notice::SaveFailed(reason.clone()));
            }
            app.save_status = SaveStatus::Failed(reason);
        }
    }
}

/// Keys in a draft dialog.
pub fn update_notice(app: &mut App, notice: &Notice, action: Action) -> Effect {
    match notice {
        Notice::Conflict => match action {
            Action::Enter | Action::Char('j' | 'J' | 'y' | 'Y') => {
                app.notice = None;
                Effect::Draft(DraftRequest::SaveAsNew)
            }
            Action::Back | Action::Char('n' | 'N') => {
                app.notice = None;
                app.save_status = SaveStatus::Off;
                Effect::Draft(DraftRequest::StopSaving)
            }
            _ => Effect::None,
        },
        Notice::SaveFailed(_) | Notice::NotOpened(_) | Notice::NotDeleted(_) => match action {
            Action::Enter | Action::Back | Action::Char(' ') => {
                app.notice = None;
                Effect::None
            }
            _ => Effect::None,
        },
    }
}

/// The title and text of a draft dialog.
pub fn notice_text(ui: Ui, notice: &Notice) -> (String, String) {
    match notice {
        Notice::Conflict => (
            t(ui, "tui.drafts.conflict-title"),
            format!(
                "{}\n\n{}",
                t(ui, "tui.drafts.conflict"),
                t(ui, "tui.drafts.conflict-choices")
            ),
        ),
        Notice::SaveFailed(reason) => (
            t(ui, "tui.drafts.failed-title"),
            tf(ui, "tui.drafts.failed", &[("reason", reason.clone())]),
        ),
        Notice::NotOpened(message) => (t(ui, "tui.drafts.not-opened-title"), message.clone()),
        Notice::NotDeleted(message) => (t(ui, "tui.drafts.not-deleted-title"), message.clone()),
    }
}

/// The help bar in a draft dialog.
pub fn notice_keys(ui: Ui, notice: &Notice) -> Vec<(String, String)> {
    let k = |key: &str, what: &str| (t(ui, key), t(ui, what));
    match notice {
        Notice::Conflict => vec![
            k("tui.key.enter-j", "tui.key.save-as-new"),
            k("tui.key.esc-n", "tui.key.go-on-unsaved"),
        ],
        _ => vec![k("tui.key.enter", "tui.key.close")],
    }
}

/// A few words for the header: "utkast lagret", "IKKE LAGRET", "lagres ikke".
pub fn status_word(ui: Ui, status: &SaveStatus) -> Option<String> {
    match status {
        SaveStatus::NotSaved => None,
        SaveStatus::Saved(_) => Some(t(ui, "tui.drafts.status-saved")),
        SaveStatus::Failed(_) => Some(t(ui, "tui.drafts.status-failed")),
        SaveStatus::Off => Some(t(ui, "tui.drafts.status-off")),
    }
}

pub use crate::summary::{CaseRow, Urgency, case_row, changed_label, resume_step, step_label};

pub use crate::summary::has_answers;

/// The saved case matches what was typed to filter the list: every word typed is found in its
/// person's name or its service (case does not matter).
pub fn matches_filter(ui: Ui, e: &Entry, filter: &str) -> bool {
    let hay = format!("{} {}", person_label(ui, &e.raw), service_label(ui, &e.raw)).to_lowercase();
    filter
        .to_lowercase()
        .split_whitespace()
        .all(|w| hay.contains(w))
}

/// Why a damaged draft cannot be opened, in words.
pub fn damaged_reason(ui: Ui, d: &Damaged) -> String {
    match &d.io_error {
        Some(e) => e.clone(),
        None => problems_text(ui, &d.problems),
    }
}

/// Problems in words, one after the other (without a last full stop: the messages around them
/// add one).
pub fn problems_text(ui: Ui, problems: &[crate::domain::case::Problem]) -> String {
    problems
        .iter()
        .map(|p| problem_text(ui, p).trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A damaged draft as the start screen lists it.
pub fn damaged_row(ui: Ui, d: &Damaged) -> String {
    tf(
        ui,
        "tui.start.damaged-row",
        &[("id", d.id.clone()), ("reason", damaged_reason(ui, d))],
    )
}

/// The dialog when a damaged draft is chosen.
pub fn damaged_message(ui: Ui, d: &Damaged) -> String {
    tf(
        ui,
        "tui.drafts.damaged",
        &[
            ("file", d.path.display().to_string()),
            ("reason", damaged_reason(ui, d)),
            ("id", d.id.clone()),
        ],
    )
}
