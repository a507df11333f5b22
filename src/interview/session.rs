//! The wizard with its drafts: [`Session`] owns the [`App`] and does the I/O that
//! [`App::update`] asks for, except what needs the terminal (quitting, the external editor),
//! which it hands back to the run loop.
//!
//! **Autosave.** Every answer is saved to the case's draft (`<data>/cases/<id>.json`, atomic,
//! 0600 in a 0700 folder), with the step to resume at in `draft.step`. The draft is created at
//! the first real answer, not by starting the program. Typing in a text field is saved when the
//! typing pauses ([`SAVE_AFTER`]) or at the next key that is not typing (Enter, Tab, Esc, …),
//! so that a slow disk never holds up the keys; a choice or going on is saved at once.
//! A draft changed on disk by another program is never overwritten: the person is asked
//! ([`Notice::Conflict`](super::drafts::Notice)). Any other failure is told once, and the wizard
//! goes on with the answers in memory.
//!
//! A draft is created at the first real answer ([`drafts::has_answers`]), and deleted again when
//! every answer is taken away: a draft without answers is never kept.
//!
//! **A new case.** Whatever starts something new (the start screen's choices, opening a saved
//! case, counter mode's "Neste person", the done screen's "Ny klage på samme vedtak") goes
//! through [`App::new_case`], which closes the case in memory ([`App::close_case`]); the answers
//! were saved before the key was handled, and the session then lets go of the draft and its lock
//! ([`App::case_gen`] tells it). A new case that starts with answers (a new complaint on the same
//! decision) gets a draft of its own at once. Going back to the start screen closes a case that
//! its draft keeps at once.
//!
//! **Counter mode** writes nothing at all: no drafts, no settings. Only an export the person
//! asks for writes a file, and "take the case with you" ([`Effect::TakeCase`]) the case file to
//! the folder they choose; the exit names both while they are on the machine. Starting again forgets the previous person's answers (asked first when
//! the letter was not saved), and the names of the files their letter went to.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::domain::case::RawDraft;
use crate::domain::letter::LetterKind;
use crate::i18n::{Ui, t, tf};
use crate::store::{Draft, Listing, Store, StoreError};

use super::action::{Action, Effect};
use super::drafts::{self, DraftRequest, SaveResult, SaveStatus};
use super::export;
use super::{App, Options, Step};

/// Typing is saved when no key has come for this long.
pub const SAVE_AFTER: Duration = Duration::from_millis(700);

/// The wizard and its draft.
pub struct Session {
    app: App,
    today: NaiveDate,
    options: Options,
    /// `None` in counter mode or without a data folder.
    store: Option<Store>,
    /// The draft being written, once there is one.
    draft: Option<Draft>,
    /// The answers' revision that is on disk.
    saved_rev: u64,
    /// The case in memory ([`App::case_gen`]): when the app closes it, the draft is let go of.
    case_gen: u64,
    /// Typing not yet saved, since this moment.
    pending: Option<Instant>,
    /// After a conflict the person chose to go on without saving.
    stopped: bool,
    /// Files the letter was exported to.
    exported: Vec<PathBuf>,
    /// Counter mode: every letter saved in this session, for every person (the exit says
    /// which of them are still on the machine, issue #23).
    session_letters: Vec<PathBuf>,
}

/// Keys that change a text while it is typed: saved when the typing pauses.
fn is_typing(action: &Action) -> bool {
    matches!(
        action,
        Action::Char(_)
            | Action::Backspace
            | Action::BackspaceHeld
            | Action::Delete
            | Action::ClearLine
            | Action::Edit(_)
            | Action::Paste(_)
    )
}

fn now_rfc3339() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

impl Session {
    /// A new case at the start screen, which lists the saved cases (none in counter mode).
    pub fn new(ui: Ui, today: NaiveDate, options: Options) -> Session {
        let app = App::new(ui, today, &options);
        Session::with_app(app, today, options)
    }

    /// A session around an app made elsewhere (tests: a theme, a size).
    pub fn with_app(app: App, today: NaiveDate, options: Options) -> Session {
        let store = if options.counter {
            None
        } else {
            options.data_dir.as_deref().map(Store::new)
        };
        let mut s = Session {
            app,
            today,
            options,
            store,
            draft: None,
            saved_rev: 0,
            case_gen: 0,
            pending: None,
            stopped: false,
            exported: Vec::new(),
            session_letters: Vec::new(),
        };
        s.saved_rev = s.app.revision();
        s.case_gen = s.app.case_gen();
        s.refresh_listing();
        s
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    pub fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    /// The draft's file, once there is one.
    pub fn draft_path(&self) -> Option<PathBuf> {
        self.draft.as_ref().map(|d| d.path().to_path_buf())
    }

    /// Files the letter was exported to in this session.
    pub fn exported(&self) -> &[PathBuf] {
        &self.exported
    }

    /// Read the saved cases for the start screen, in its order (drafts without an answer left
    /// out).
    fn refresh_listing(&mut self) {
        let mut listing = match &self.store {
            Some(store) => store.list().unwrap_or_default(),
            None => Listing::default(),
        };
        // Drafts without an answer are not listed.
        listing.cases.retain(|e| drafts::has_answers(&e.raw));
        crate::summary::order_cases(&mut listing.cases, self.today);
        self.app.set_listing(listing);
    }

    /// The app has closed its case ([`App::close_case`]), after this session saved it: let go
    /// of the draft and its lock, and forget everything about the case. The start screen lists
    /// the saved cases again.
    fn case_closed(&mut self) {
        self.case_gen = self.app.case_gen();
        self.draft = None;
        self.saved_rev = self.app.revision();
        self.pending = None;
        self.stopped = false;
        if self.options.counter {
            // Nothing of the last person: not even the names of the files their letter went to.
            self.exported.clear();
        }
        self.refresh_listing();
    }

    /// Handle one action: update the wizard, save the answers, carry out what needs no terminal.
    /// Returns [`Effect::Quit`] and [`Effect::Editor`] for the run loop; everything else is done.
    pub fn handle(&mut self, action: Action) -> Effect {
        let typing = is_typing(&action);
        if !typing {
            // The answers are on disk before anything else happens (quitting asks only when
            // they are not).
            let had_notice = self.app.notice().is_some();
            self.flush();
            let news = !had_notice && self.app.notice().is_some();
            // A key that brought up a dialog about the save is not also an answer to it.
            if news
                && !matches!(
                    action,
                    Action::Resize(..) | Action::ExportDone(_) | Action::EditorDone(_)
                )
            {
                return Effect::None;
            }
        }
        let before_step = self.app.step();
        let effect = self.app.update(action);
        if self.app.case_gen() != self.case_gen {
            // A new case: the old one was saved above, before the key was handled.
            self.case_closed();
            // A new complaint on the same decision starts with answers: its own draft at once
            // (not in counter mode: `save_now` writes nothing there).
            if drafts::has_answers(self.app.raw()) {
                self.save_now();
            }
        }
        if self.app.revision() != self.saved_rev {
            if typing && self.app.step() == before_step {
                self.pending.get_or_insert_with(Instant::now);
            } else {
                self.save_now();
            }
        }
        if self.app.step() == Step::Start && before_step != Step::Start {
            self.back_at_start();
        }
        self.carry_out(effect)
    }

    /// Back at the start screen: a case that its draft keeps is closed at once (saved as it is,
    /// its lock released), so that the start screen lists it with the others, may delete it, and
    /// starts anything new blank. Answers that only memory holds (counter mode, a failed save)
    /// stay until the person starts again, which asks first.
    fn back_at_start(&mut self) {
        let nothing_to_close = self.draft.is_none() && !drafts::has_answers(self.app.raw());
        if !self.options.counter && !self.app.would_lose_answers() && !nothing_to_close {
            self.app.close_case();
            self.case_closed();
        } else {
            self.refresh_listing();
        }
    }

    fn carry_out(&mut self, effect: Effect) -> Effect {
        match effect {
            Effect::Export(job) => {
                let report = export::run(&job);
                self.exported.extend(report.written.iter().cloned());
                if self.options.counter {
                    self.session_letters.extend(report.written.iter().cloned());
                }
                let next = self.app.update(Action::ExportDone(report));
                // The letter's date it keeps is saved with the case at once.
                if self.app.revision() != self.saved_rev {
                    self.save_now();
                }
                self.carry_out(next)
            }
            Effect::TakeCase(job) => {
                // The case file as the drafts store writes a case (with where it stopped, so that
                // `cases import` opens it there).
                let mut job = *job;
                job.raw = self.as_draft(&job.raw);
                let result = export::take_case(&job);
                // On this machine too until the folder is taken away: the exit names it.
                if let Ok(f) = &result
                    && !self.session_letters.contains(f)
                {
                    self.session_letters.push(f.clone());
                }
                let next = self.app.update(Action::TakeDone(result));
                self.carry_out(next)
            }
            Effect::RememberLanguage(ui) => {
                // Not worth stopping for: the language still applies to this run. Never in
                // counter mode.
                if !self.options.counter
                    && let Some(dir) = self.options.data_dir.as_deref()
                {
                    let mut s = crate::settings::Settings::load(Some(dir));
                    s.ui_lang = Some(ui.code().to_string());
                    let _ = s.save(dir);
                }
                Effect::None
            }
            Effect::Draft(request) => {
                self.draft_request(request);
                Effect::None
            }
            Effect::Editor(text) => {
                self.flush();
                Effect::Editor(text)
            }
            other => other,
        }
    }

    /// When the typing not yet saved should be saved.
    pub fn save_due(&self) -> Option<Instant> {
        self.pending.map(|p| p + SAVE_AFTER)
    }

    /// Save the typing if it is due (the run loop calls this when no key came in time).
    pub fn tick(&mut self) {
        if self.save_due().is_some_and(|d| Instant::now() >= d) {
            self.flush();
        }
    }

    /// Save now what has not been saved.
    pub fn flush(&mut self) {
        if self.pending.is_some() || self.app.revision() != self.saved_rev {
            self.save_now();
        }
    }

    fn save_now(&mut self) {
        self.pending = None;
        if self.stopped || self.store.is_none() {
            return;
        }
        if !drafts::has_answers(self.app.raw()) {
            // No draft without an answer: one whose answers were all taken away goes.
            if let Some(draft) = self.draft.take() {
                // Let go of it, then delete it as any case is deleted (with its lock file).
                let id = draft.id.clone();
                drop(draft);
                if let Some(store) = &self.store {
                    let _ = store.delete(&id);
                }
                drafts::saved(&mut self.app, SaveResult::Removed);
            }
            return;
        }
        if self.draft.is_none() {
            let created = match &self.store {
                Some(store) => store.create(),
                None => return,
            };
            match created {
                Ok(d) => self.draft = Some(d),
                Err(e) => {
                    let reason = self.reason(&e);
                    drafts::saved(&mut self.app, SaveResult::Failed(reason));
                    return;
                }
            }
        }
        let raw = self.as_draft(self.app.raw());
        let rev = self.app.revision();
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let result = match draft.save(&raw) {
            Ok(()) => {
                self.saved_rev = rev;
                SaveResult::Saved(draft.id.clone())
            }
            Err(StoreError::Conflict) => {
                // Leave the other program's file alone, and ask.
                self.stopped = true;
                SaveResult::Conflict
            }
            Err(e) => SaveResult::Failed(self.reason(&e)),
        };
        drafts::saved(&mut self.app, result);
    }

    /// The answers as a draft keeps them: in the case file's form (other services of the
    /// decision in `services`), with the step to resume at, when it was saved, and the letter
    /// being written (also the case file "take the case with you" writes).
    fn as_draft(&self, raw: &crate::domain::case::RawCase) -> crate::domain::case::RawCase {
        let mut raw = super::services::to_file(raw).into_owned();
        let step = match self.app.step() {
            Step::Start => self.app.path().get(1).copied().unwrap_or(Step::Who),
            // A question asked from another screen: resume at that screen.
            _ if self.app.visit.is_some() => self.app.visit.as_ref().map_or(Step::Check, |v| v.0),
            // Changing an answer from "check your answers": resume there.
            _ if self.app.changing => Step::Check,
            s => s,
        };
        let mut kind = self.app.kind();
        // On the case screen: where the case had stopped, so that it is offered again.
        let step = match (step, self.app.resume()) {
            (Step::Case, Some((k, s))) => {
                kind = k;
                s
            }
            (s, _) => s,
        };
        raw.draft = Some(RawDraft {
            step: Some(step.id()),
            updated: Some(now_rfc3339()),
            letter: (kind != LetterKind::Complaint).then(|| kind.id().to_string()),
        });
        raw
    }

    fn reason(&self, e: &StoreError) -> String {
        let ui = self.app.ui();
        match e {
            StoreError::Io(io) => {
                let reason = crate::export::io_reason(ui, io);
                if reason == io.to_string() {
                    // A kind without words of its own: say what it is about, with the detail.
                    tf(ui, "tui.drafts.io-other", &[("detail", reason)])
                } else {
                    reason
                }
            }
            StoreError::Locked => t(ui, "tui.drafts.locked"),
            StoreError::Damaged(ps) => drafts::problems_text(ui, ps),
            StoreError::NotFound(_) | StoreError::Ambiguous(_) => t(ui, "tui.drafts.gone"),
            StoreError::Conflict => t(ui, "tui.drafts.conflict"),
        }
    }

    fn draft_request(&mut self, request: DraftRequest) {
        match request {
            DraftRequest::Open(id) => self.open(&id),
            DraftRequest::SaveAsNew => {
                // Drop the old draft (and its lock): the file stays as the other program left it.
                self.draft = None;
                self.stopped = false;
                self.save_now();
            }
            DraftRequest::Delete(id) => self.delete(&id),
            DraftRequest::StopSaving => {
                self.stopped = true;
                self.pending = None;
            }
        }
    }

    /// Delete a saved case for good (the start screen has asked). The case in memory is closed
    /// first when it is that one.
    fn delete(&mut self, id: &str) {
        let Some(store) = self.store.clone() else {
            return;
        };
        if self.draft.as_ref().is_some_and(|d| d.id == id) {
            self.flush();
            self.app.close_case();
            self.case_closed();
        }
        if let Err(e) = store.delete(id) {
            let ui = self.app.ui();
            let message = tf(
                ui,
                "tui.drafts.delete-failed",
                &[("reason", self.reason(&e))],
            );
            self.app.notice = Some(drafts::Notice::NotDeleted(message));
        }
        self.refresh_listing();
    }

    fn open(&mut self, id: &str) {
        let Some(store) = self.store.clone() else {
            return;
        };
        // The case being written is on disk; let go of it (the start screen has closed it
        // already; it may be the one asked for).
        self.flush();
        self.draft = None;
        let ui = self.app.ui();
        match store.open(id) {
            Ok((draft, raw)) => {
                let step = drafts::resume_step(&raw);
                let theme = self.app.theme;
                let size = self.app.size;
                // `from_raw` reads the letter being written from `raw.draft`, and drops it.
                let mut app = App::from_raw(raw, step, ui, self.today, &self.options);
                app.first_ui = self.app.first_ui;
                app.case_gen = self.app.case_gen() + 1;
                app.revision = self.app.revision() + 1;
                // An opened case shows its timeline and what can be done first.
                app.show_case();
                app.theme = theme;
                app.update(Action::Resize(size.0, size.1));
                app.save_status = SaveStatus::Saved(draft.id.clone());
                self.app = app;
                self.case_gen = self.app.case_gen();
                self.draft = Some(draft);
                self.saved_rev = self.app.revision();
                self.stopped = false;
                self.pending = None;
            }
            Err(e) => {
                let message = match &e {
                    StoreError::Locked => t(ui, "tui.drafts.locked"),
                    StoreError::Damaged(_) => {
                        tf(ui, "tui.drafts.damaged-now", &[("reason", self.reason(&e))])
                    }
                    _ => tf(ui, "tui.drafts.open-failed", &[("reason", self.reason(&e))]),
                };
                self.app.draft_not_opened(message);
                self.refresh_listing();
            }
        }
    }

    /// What to tell the person after the terminal is restored: where the answers are, or (in
    /// counter mode) that nothing was kept.
    pub fn farewell(&self) -> Vec<String> {
        let ui = self.app.ui();
        let mut out = Vec::new();
        if self.options.counter {
            // The truth at the exit: the letters of this session (every person's) that are still
            // on the machine, or that nothing was saved.
            let mut files: Vec<String> = Vec::new();
            for p in self.session_letters.iter().filter(|p| p.exists()) {
                let name = p.display().to_string();
                if !files.contains(&name) {
                    files.push(name);
                }
            }
            if files.is_empty() {
                out.push(t(ui, "tui.bye.counter"));
            } else {
                out.push(tf(
                    ui,
                    "tui.bye.counter-exported",
                    &[("files", files.join(", "))],
                ));
            }
        } else if let (SaveStatus::Saved(_), Some(path)) =
            (&self.app.save_status, self.draft_path())
        {
            out.push(tf(
                ui,
                "tui.bye.saved",
                &[("file", path.display().to_string())],
            ));
        } else if matches!(
            self.app.save_status,
            SaveStatus::Failed(_) | SaveStatus::Off
        ) {
            out.push(t(ui, "tui.bye.not-saved"));
        }
        out
    }
}
