//! The interview: which question comes next, the answers, what an action does to them, the
//! draft and the session. No terminal here (no `ratatui`, no `crossterm`): the wizard (`tui/`)
//! draws it and turns keys into its [`Action`]s; line mode (`plain/`) says it in words
//! ([`describe`]) and turns typed lines into the same actions.
//!
//! - here, the state machine: [`App`], and [`App::update`], which returns an [`Effect`] as data
//!   (`app` is the old name of this module, kept for paths written before);
//! - [`path`]: which screens a case goes through; the screens themselves are [`Step`]s;
//! - [`steps`]: each screen's question: its options, the current answer, its checks and what an
//!   answer does;
//! - [`action`]: what the person can do, and what the run loop is asked to do;
//! - [`session`], [`drafts`]: autosave, conflicts, counter mode; [`export`]: saving the letter;
//! - [`describe`]: what a screen says, in words (line mode reads it; the wizard's screens say
//!   the same);
//! - [`list`], [`text_field`]: a list's cursor and a one-line text with its cursor.

pub mod action;
pub mod describe;
pub mod drafts;
pub mod export;
pub mod layout;
pub mod list;
pub mod marks;
pub mod path;
pub mod same_decision;
pub mod services;
pub mod session;
pub mod steps;
pub mod text_box;
pub mod text_field;
pub mod wrap;

// The wizard's state machine: which [`Step`] is shown, the answers (one [`RawCase`], the single
// source of truth, so that a draft can be saved after every answer), the state of the screen
// being shown, and [`App::update`], which turns an [`Action`] into a state change and an
// [`Effect`]. No I/O and no drawing happen here.

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::PathBuf;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::domain::case::{self, RawCase, RawRepresentative};
use crate::domain::letter::LetterKind;
use crate::i18n::Ui;

use self::action::Mode;
pub use self::action::{Action, Effect};
use self::action::{ExportJob, ExportReport};
use self::drafts::{Notice, SaveResult, SaveStatus};
pub use self::session::Session;
use self::steps::Screen;
use self::steps::check::Item as CheckItem;

// The vocabulary and the path rules live beside the state machine; their names are kept here
// too, so that `app::Step` and `app::path_for` keep meaning what they meant.
pub use self::path::{
    applicant_name, chosen_service, date_answer, deadline, has_representative, is_carer_complaint,
    is_late, is_new_case, letter_date, letter_ui, path, path_for, prefilled, rep_role, route,
};
pub use crate::step::{Section, Step, step_for_field};

/// The smallest window the wizard draws in.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 15;

/// Which theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
    NoColor,
}

impl ThemeName {
    /// From `--theme` and the environment: `NO_COLOR` (set and not empty) wins over a colour
    /// theme, see <https://no-color.org>.
    pub fn choose(option: Option<&str>, no_color_env: bool) -> ThemeName {
        let asked = match option.map(|s| s.trim().to_lowercase()).as_deref() {
            Some("high-contrast" | "hoy-kontrast" | "høy-kontrast" | "contrast") => {
                ThemeName::HighContrast
            }
            Some("no-color" | "no-colour" | "ingen-farge" | "none" | "plain") => ThemeName::NoColor,
            _ => ThemeName::Default,
        };
        if no_color_env {
            ThemeName::NoColor
        } else {
            asked
        }
    }

    /// From `--theme` and the real environment.
    pub fn from_env(option: Option<&str>) -> ThemeName {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        ThemeName::choose(option, no_color)
    }
}

/// How the wizard was started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--theme`: default, high-contrast or no-color (`NO_COLOR` wins).
    pub theme: Option<String>,
    /// `--counter`: adviser mode on a shared machine.
    pub counter: bool,
    /// Where "save" suggests writing the letter; the documents folder when `None`.
    pub export_dir: Option<PathBuf>,
    /// The data folder, where the chosen interface language is remembered.
    pub data_dir: Option<PathBuf>,
}

/// A dialog over the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// Help for the current screen; the number is how far it is scrolled.
    Help(usize),
    /// "Do you want to quit? Your answers are not saved."
    ConfirmQuit,
    /// "These files exist. Replace them?" with the export to repeat.
    ConfirmOverwrite(Box<ExportJob>, Vec<PathBuf>),
    /// "The previous person's answers will be deleted. Go on?" before a new case is started
    /// over answers that are neither exported nor kept in a draft.
    ConfirmDiscard(NewCase),
    /// "Delete the case «…»?" (its id and how the list names it).
    ConfirmDelete(String, String),
    /// "Take «service» out of the letter?": another service of the decision (its number in the
    /// list, 1 for the first added, and its name), with what was said about it.
    ConfirmRemoveService(usize, String),
}

/// What to do once the case in memory is closed ([`App::new_case`]).
#[derive(Debug, Clone, PartialEq)]
pub enum NewCase {
    /// Show the start screen (the done screen's "Neste person").
    Start,
    /// Start a new complaint: its first question.
    Complaint,
    /// Write another letter about a new case: the case screen.
    Letter,
    /// Open the saved case with this id.
    Open(String),
    /// A new complaint on the same decision (the done screen, issue #26): a case with these
    /// answers ([`same_decision::carry`]), in this interface language, opened on its first
    /// question without an answer; `true` after a carer's own complaint.
    SameDecision(Box<RawCase>, Ui, bool),
}

/// What a screen's update asks the wizard to do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    Stay,
    /// Go on to the next screen of the path.
    Next,
    /// Go back one screen.
    Back,
    /// Go to a screen to change an answer, then come back to "check your answers".
    Change(Step),
    /// Hand an effect to the run loop.
    Effect(Effect),
    /// Show this screen (from the case screen: the first question of a letter, or the start).
    Goto(Step),
    /// Close the case in memory (asking first when its answers would be lost) and start a
    /// blank one ([`App::new_case`]).
    NewCase(NewCase),
    /// Answer one question outside the path, then come back to this screen as it was (the date
    /// the complaint was sent, asked from the case screen and after saving the letter).
    Visit(Step),
}

/// What the answers are worked into once per change, not once per use: the path, and the rows
/// of check answers (asked for by a key press and again by the drawing that follows it).
#[derive(Default)]
pub(crate) struct Derived {
    /// What it was worked out for: the answers' revision, the interface and the letter's
    /// language, the day, the letter.
    key: Option<(u64, Ui, NaiveDate, LetterKind)>,
    /// Every screen of the letter being written.
    full_path: Vec<Step>,
    /// Check answers' rows, once asked for.
    check_items: Option<Rc<Vec<CheckItem>>>,
}

/// The wizard.
pub struct App {
    pub(crate) ui: Ui,
    pub(crate) today: NaiveDate,
    /// The wizard's theme (`--theme`, `NO_COLOR`): kept here because it outlives a case.
    pub(crate) theme: ThemeName,
    pub(crate) raw: RawCase,
    pub(crate) step: Step,
    pub(crate) screen: Screen,
    /// Screens the person has gone on from (for "change" to find new questions).
    pub(crate) visited: HashSet<Step>,
    /// Came from "check your answers" to change an answer.
    pub(crate) changing: bool,
    pub(crate) modal: Option<Modal>,
    /// The terminal size.
    pub(crate) size: (u16, u16),
    /// The rows the wizard's help line took when it last drew (see [`layout`]).
    pub help_rows: std::cell::Cell<u16>,
    /// Answers changed since the last save or export.
    pub(crate) dirty: bool,
    /// The representative's answers, kept when "myself" is chosen, for when the person changes
    /// their mind again.
    pub(crate) rep_stash: Option<RawRepresentative>,
    pub(crate) export_dir: PathBuf,
    pub(crate) counter: bool,
    /// The screen was reached with Backspace, and no other key has been pressed since.
    pub(crate) back_guard: bool,
    /// A key was not used because the window is too small (the screen says so).
    pub(crate) small_ignored: bool,
    /// Counts changes of the answers and steps gone on from: what a draft saves.
    pub(crate) revision: u64,
    /// The saved cases, for the start screen (filled in by the run loop).
    pub(crate) listing: crate::store::Listing,
    /// How the autosave is going (reported by the run loop).
    pub(crate) save_status: SaveStatus,
    /// A dialog about drafts, over everything else.
    pub(crate) notice: Option<Notice>,
    /// The letter being written: the complaint, or a follow-up letter.
    pub(crate) kind: LetterKind,
    /// Screens of a follow-up letter's path whose answers the case already has: the short flow
    /// goes past them (check answers still shows them, and "change" still reaches them).
    pub(crate) skip: HashSet<Step>,
    /// While answering one question outside the path ([`Flow::Visit`]): the screen to come
    /// back to, as it was.
    pub(crate) visit: Option<(Step, Box<Screen>)>,
    /// Check answers was reached from the case screen ("Fortsett med klagen" on a saved
    /// complaint): Esc there goes back to the case screen, not into a question (issue #23).
    pub(crate) check_from_case: bool,
    /// Where an opened case stopped (the letter and the screen): the case screen offers to go
    /// on there.
    pub(crate) resume: Option<(LetterKind, Step)>,
    /// The screen the person came to the start screen from (where "no, back to the answers"
    /// goes).
    pub(crate) left_from: Option<Step>,
    /// The interface language the program was started in (counter mode goes back to it for the
    /// next person).
    pub(crate) first_ui: Ui,
    /// Counts the cases closed ([`App::close_case`]): the session lets go of the draft when it
    /// changes.
    pub(crate) case_gen: u64,
    /// The path and check answers' rows for the answers as they are ([`Derived`]). Every change
    /// of the answers goes through [`App::edit`], which counts the revision the key names.
    pub(crate) derived: RefCell<Derived>,
}

impl App {
    /// A new, empty case at the start screen.
    pub fn new(ui: Ui, today: NaiveDate, options: &Options) -> App {
        let raw = RawCase {
            format: Some(case::FORMAT.to_string()),
            ..RawCase::default()
        };
        App::from_raw(raw, Step::Start, ui, today, options)
    }

    /// A wizard over an existing case (a resumed draft), at `step`, writing the letter the
    /// draft names (`draft.letter`; the complaint when it names none).
    pub fn from_raw(raw: RawCase, step: Step, ui: Ui, today: NaiveDate, options: &Options) -> App {
        // Several services of one decision: the first in the single fields, as the screens
        // ask it (`services::from_file`).
        let mut raw = self::services::from_file(raw);
        if raw.format.is_none() {
            raw.format = Some(case::FORMAT.to_string());
        }
        let kind = raw
            .draft
            .take()
            .and_then(|d| d.letter)
            .and_then(|l| LetterKind::from_id(&l))
            .unwrap_or_default();
        let mut app = App {
            ui,
            today,
            theme: ThemeName::from_env(options.theme.as_deref()),
            raw,
            step,
            screen: Screen::Empty,
            visited: HashSet::new(),
            changing: false,
            modal: None,
            size: (80, 24),
            help_rows: std::cell::Cell::new(layout::DEFAULT_HELP_ROWS),
            dirty: false,
            rep_stash: None,
            export_dir: options
                .export_dir
                .clone()
                .unwrap_or_else(crate::paths::documents_dir),
            counter: options.counter,
            back_guard: false,
            small_ignored: false,
            revision: 0,
            listing: crate::store::Listing::default(),
            save_status: SaveStatus::NotSaved,
            notice: None,
            kind,
            skip: HashSet::new(),
            visit: None,
            check_from_case: false,
            resume: None,
            left_from: None,
            first_ui: ui,
            case_gen: 0,
            derived: RefCell::default(),
        };
        if kind != LetterKind::Complaint {
            app.skip = prefilled(&app.raw, ui, today, kind);
            app.skip.remove(&step);
        }
        // Everything before the step counts as answered.
        let path = app.path();
        let step = if path.contains(&step) {
            step
        } else if step == Step::Carer {
            // A draft saved on the carer question of before: who complains is asked there now.
            Step::Who
        } else if matches!(step, Step::Extra(..)) && path.contains(&Step::Services) {
            // Saved while adding a service not yet chosen: the list of the decision's services.
            Step::Services
        } else {
            Step::Check
        };
        for s in path.iter().take_while(|s| **s != step) {
            app.visited.insert(*s);
        }
        app.enter(step);
        app
    }

    /// The answers.
    pub fn raw(&self) -> &RawCase {
        &self.raw
    }

    /// The state of the screen being shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The screen being shown.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The interface language.
    pub fn ui(&self) -> Ui {
        self.ui
    }

    /// Answers changed since the last export.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The open dialog, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// A number that changes whenever an answer changes or the person goes on to another
    /// screen: the run loop saves the draft when it has changed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The saved cases the start screen lists.
    pub fn listing(&self) -> &crate::store::Listing {
        &self.listing
    }

    /// Give the start screen the saved cases (the run loop reads them from disk).
    pub fn set_listing(&mut self, listing: crate::store::Listing) {
        self.listing = listing;
        // The rows have changed (a case deleted): the choice stays where it was, on a row that
        // is there.
        let mut screen = std::mem::replace(&mut self.screen, Screen::Empty);
        if let Screen::Start(s) = &mut screen {
            use self::steps::start::Row;
            let rows = self::steps::start::rows(self, &s.filter);
            let saved = |i: usize| matches!(rows.get(i), Some(Row::Case(_) | Row::Damaged(_)));
            if s.selected > 0 && !saved(s.selected) {
                s.selected = (0..s.selected).rev().find(|i| saved(*i)).unwrap_or(0);
            }
        }
        self.screen = screen;
    }

    /// How the autosave is going.
    pub fn save_status(&self) -> &SaveStatus {
        &self.save_status
    }

    /// The dialog about drafts, if one is open.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The run loop has saved the draft (or failed to).
    pub fn draft_saved(&mut self, result: SaveResult) {
        self::drafts::saved(self, result);
    }

    /// The run loop could not open a saved case: say why, and stay.
    pub fn draft_not_opened(&mut self, message: String) {
        self.notice = Some(Notice::NotOpened(message));
    }

    /// The kind of input that has the focus, for the keymap.
    pub fn mode(&self) -> Mode {
        if self.modal.is_some() || self.notice.is_some() {
            Mode::Nav
        } else {
            self.screen.mode(self)
        }
    }

    /// The window is too small to draw the wizard.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The screens the wizard goes through for the answers given so far and the letter being
    /// written (a follow-up letter's short flow leaves out what the case already has).
    pub fn path(&self) -> Vec<Step> {
        let mut p = self.full_path();
        p.retain(|s| !self.skip.contains(s));
        p
    }

    /// Every screen of the letter being written, the ones passed by included (for check
    /// answers).
    pub fn full_path(&self) -> Vec<Step> {
        self.derived().full_path.clone()
    }

    /// The rows of check answers for the answers as they are.
    pub fn check_items(&self) -> Rc<Vec<CheckItem>> {
        if let Some(items) = &self.derived().check_items {
            return Rc::clone(items);
        }
        let items = Rc::new(self::steps::check::items(self));
        self.derived.borrow_mut().check_items = Some(Rc::clone(&items));
        items
    }

    /// What the answers are worked into, worked out again when they have changed.
    fn derived(&self) -> std::cell::Ref<'_, Derived> {
        let key = (self.revision, self.ui, self.today, self.kind);
        if self.derived.borrow().key != Some(key) {
            *self.derived.borrow_mut() = Derived {
                key: Some(key),
                full_path: path_for(&self.raw, self.ui, self.today, self.kind),
                check_items: None,
            };
        }
        self.derived.borrow()
    }

    /// The letter being written.
    pub fn kind(&self) -> LetterKind {
        self.kind
    }

    /// Where an opened case stopped, offered on the case screen.
    pub fn resume(&self) -> Option<(LetterKind, Step)> {
        self.resume
    }

    /// Show the case screen of an opened case, offering to go on where it stopped.
    pub fn show_case(&mut self) {
        self.resume = Some((self.kind, self.step));
        self.changing = false;
        self.visit = None;
        self.enter(Step::Case);
    }

    /// Start writing a letter about this case: a follow-up letter goes through the questions
    /// the case has no answer to yet, and the questions of its own; the complaint goes on where
    /// it stopped (or from the start, for a new case). Returns the first screen.
    pub(crate) fn start_letter(&mut self, kind: LetterKind) -> Step {
        self.kind = kind;
        self.changing = false;
        self.visit = None;
        if kind == LetterKind::Complaint {
            self.skip.clear();
            if let Some((LetterKind::Complaint, step)) = self.resume {
                // A complaint already saved is looked over from check answers.
                return if step == Step::Done {
                    Step::Check
                } else {
                    step
                };
            }
            let path = self.path();
            return if is_new_case(&self.raw) {
                path.iter()
                    .copied()
                    .find(|s| *s != Step::Start)
                    .unwrap_or(Step::Who)
            } else {
                Step::Check
            };
        }
        self.skip = prefilled(&self.raw, self.ui, self.today, kind);
        if let Some((k, step)) = self.resume
            && k == kind
            && step != Step::Case
        {
            self.skip.remove(&step);
            return step;
        }
        let path = self.path();
        path.iter()
            .skip_while(|s| **s != Step::Case)
            .nth(1)
            .copied()
            .unwrap_or(Step::Check)
    }

    /// Answers that closing the case would lose: there are some, they changed since the last
    /// export, and no draft keeps them (counter mode keeps none; a save may have failed).
    pub fn would_lose_answers(&self) -> bool {
        let kept = !self.counter && matches!(self.save_status, SaveStatus::Saved(_));
        self.dirty && !kept && self::drafts::has_answers(&self.raw)
    }

    /// A number that changes each time the case in memory is closed.
    pub fn case_gen(&self) -> u64 {
        self.case_gen
    }

    /// Close the case in memory, and stand at the start screen with a blank one: no answers, no
    /// letter chosen, no screen remembered, nothing of it left in memory. Only what belongs to
    /// the program is kept: the window size, the theme, where letters are saved, the saved
    /// cases listed; and the interface language, except in counter mode, where the next person
    /// gets the language the program was started in (once someone has answered something). Before this, the run loop has saved the
    /// answers to the case's draft (when there is one); after it, it lets go of the draft.
    pub fn close_case(&mut self) {
        let options = Options {
            theme: None,
            counter: self.counter,
            export_dir: Some(self.export_dir.clone()),
            data_dir: None,
        };
        // Someone who has only chosen a language has not begun: they keep it.
        let ui = if self.counter && self::drafts::has_answers(&self.raw) {
            self.first_ui
        } else {
            self.ui
        };
        let mut fresh = App::new(ui, self.today, &options);
        fresh.theme = self.theme;
        fresh.size = self.size;
        fresh.first_ui = self.first_ui;
        fresh.listing = std::mem::take(&mut self.listing);
        fresh.case_gen = self.case_gen + 1;
        // Never back to a revision the session may have saved.
        fresh.revision = self.revision + 1;
        *self = fresh;
    }

    /// Start something new: close the case in memory, then show the start screen, the first
    /// question of a new complaint, the case screen of a new case, or open a saved case. The one
    /// way every "new" goes (the start screen's choices, "Neste person", opening a saved case).
    /// When answers would be lost ([`App::would_lose_answers`]), asks first.
    pub fn new_case(&mut self, what: NewCase) -> Effect {
        if self.would_lose_answers() {
            self.modal = Some(Modal::ConfirmDiscard(what));
            return Effect::None;
        }
        self.close_case();
        self.begin(what)
    }

    /// What follows on a blank case.
    fn begin(&mut self, what: NewCase) -> Effect {
        match what {
            NewCase::Start => {}
            NewCase::Complaint => {
                self.set_letter_language();
                self.go_next();
            }
            NewCase::Letter => {
                self.set_letter_language();
                self.enter(Step::Case);
            }
            NewCase::Open(id) => {
                return Effect::Draft(self::drafts::DraftRequest::Open(id));
            }
            NewCase::SameDecision(raw, ui, carers_own) => {
                self.begin_same_decision(*raw, ui, carers_own);
            }
        }
        Effect::None
    }

    /// The letter is written in the interface language when that is bokmål or nynorsk.
    fn set_letter_language(&mut self) {
        if self.raw.language.is_none() && self.ui != Ui::En {
            let code = if self.ui == Ui::Nn { "nn" } else { "nb" };
            self.edit(|r| r.language = Some(code.into()));
        }
    }

    /// Change the answers; marks them unsaved when something changed.
    pub(crate) fn edit(&mut self, f: impl FnOnce(&mut RawCase)) {
        let before = self.raw.clone();
        f(&mut self.raw);
        if self.raw != before {
            self.dirty = true;
            self.revision += 1;
        }
    }

    /// Keep the screen's scroll positions inside its text.
    fn fit_screen(&mut self) {
        let mut screen = std::mem::replace(&mut self.screen, Screen::Empty);
        screen.fit(self);
        self.screen = screen;
    }

    /// Show a step, with its screen state built from the answers.
    pub(crate) fn enter(&mut self, step: Step) {
        if step == Step::Start && self.step != Step::Start {
            self.left_from = Some(self.step);
        }
        if matches!(step, Step::Start | Step::Case) {
            self.check_from_case = false;
        }
        self.step = step;
        self.screen = Screen::for_step(step, self);
    }

    /// Back from a question asked outside the path, to the screen as it was.
    fn end_visit(&mut self) -> bool {
        let Some((step, screen)) = self.visit.take() else {
            return false;
        };
        self.step = step;
        self.screen = *screen;
        self.fit_screen();
        true
    }

    fn go_next(&mut self) {
        self.visited.insert(self.step);
        self.revision += 1;
        if self.end_visit() {
            if self.step == Step::Case {
                // An answer given from the case screen changes its timeline: it opens again at
                // the top, where the change shows.
                self.enter(Step::Case);
            }
            return;
        }
        let path = self.path();
        let pos = path.iter().position(|s| *s == self.step);
        let target = if self.changing {
            // Go through the questions the change has made necessary, then back to the check.
            let check = path
                .iter()
                .position(|s| *s == Step::Check)
                .unwrap_or(path.len());
            pos.and_then(|p| {
                path[p + 1..check]
                    .iter()
                    .find(|s| !self.visited.contains(s))
                    .copied()
            })
            .unwrap_or(Step::Check)
        } else {
            match pos {
                Some(p) => path.get(p + 1).copied().unwrap_or(Step::Done),
                None => Step::Check,
            }
        };
        if target == Step::Check {
            self.changing = false;
        }
        self.enter(target);
    }

    fn go_back(&mut self) -> Effect {
        if self.end_visit() {
            return Effect::None;
        }
        if self.changing {
            self.changing = false;
            self.enter(Step::Check);
            return Effect::None;
        }
        if self.step == Step::Check && self.check_from_case {
            // Back where the person came from, with nothing in a field to type into.
            self.enter(Step::Case);
            return Effect::None;
        }
        let path = self.path();
        match path.iter().position(|s| *s == self.step) {
            // Esc on the start screen never quits without asking.
            Some(0) => {
                self.modal = Some(Modal::ConfirmQuit);
                Effect::None
            }
            Some(p) => {
                self.enter(path[p - 1]);
                Effect::None
            }
            None => {
                self.enter(Step::Check);
                Effect::None
            }
        }
    }

    fn request_quit(&mut self) -> Effect {
        // Answers kept in a draft are not lost by quitting.
        if self.would_lose_answers() {
            self.modal = Some(Modal::ConfirmQuit);
            Effect::None
        } else {
            Effect::Quit
        }
    }

    /// Handle one action. Pure: no I/O and no drawing; side effects are returned.
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Noop => return Effect::None,
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.fit_screen();
                return Effect::None;
            }
            Action::ExportDone(report) => return self.export_done(report),
            Action::TakeDone(result) => {
                if let Screen::Done(d) = &mut self.screen {
                    d.taken = Some(result.map(|p| p.display().to_string()));
                }
                return Effect::None;
            }
            Action::EditorDone(result) => {
                self.editor_done(result);
                return Effect::None;
            }
            _ => {}
        }
        if let Some(notice) = self.notice.clone() {
            if action == Action::Quit {
                self.notice = None;
                return self.request_quit();
            }
            return self::drafts::update_notice(self, &notice, action);
        }
        if let Some(modal) = self.modal.clone() {
            return self.update_modal(modal, action);
        }
        if action == Action::Quit {
            return self.request_quit();
        }
        if self.too_small() {
            // Typing into a field is kept (the field is there, only not drawn); any other key
            // would act unseen, so it is not used, and the screen says so.
            let typing = matches!(self.screen.mode(self), Mode::Line | Mode::Multi)
                && match &action {
                    Action::Char(_) | Action::Paste(_) => true,
                    Action::Edit(k) => matches!(k.key, text_box::Key::Char(_)),
                    _ => false,
                };
            if !typing {
                self.small_ignored = true;
                return Effect::None;
            }
        } else {
            self.small_ignored = false;
        }
        if action == Action::Help {
            self.modal = Some(Modal::Help(0));
            return Effect::None;
        }
        let via_backspace = action == Action::Backspace;
        let guard = std::mem::take(&mut self.back_guard);
        // A held-down Backspace that has just gone back must not eat the previous answer.
        if action == Action::BackspaceHeld && guard {
            self.back_guard = true;
            return Effect::None;
        }
        let mut screen = std::mem::replace(&mut self.screen, Screen::Empty);
        let flow = screen.update(self, action);
        self.screen = screen;
        self.fit_screen();
        match flow {
            Flow::Stay => Effect::None,
            Flow::Next => {
                self.go_next();
                Effect::None
            }
            Flow::Back => {
                let e = self.go_back();
                self.back_guard = via_backspace;
                e
            }
            Flow::Change(step) => {
                // Another service of the decision, changed from check answers: all of its
                // questions are asked again, then back to the check.
                if let Step::Extra(k, _) = step {
                    self.visited
                        .retain(|s| !matches!(s, Step::Extra(j, _) if *j == k));
                }
                self.changing = step != Step::Check;
                self.enter(step);
                Effect::None
            }
            Flow::Effect(e) => e,
            Flow::Goto(step) => {
                self.check_from_case = self.step == Step::Case && step == Step::Check;
                self.changing = false;
                self.visit = None;
                self.enter(step);
                Effect::None
            }
            Flow::NewCase(what) => self.new_case(what),
            Flow::Visit(step) => {
                let screen = std::mem::replace(&mut self.screen, Screen::Empty);
                self.visit = Some((self.step, Box::new(screen)));
                self.enter(step);
                Effect::None
            }
        }
    }

    fn update_modal(&mut self, modal: Modal, action: Action) -> Effect {
        match modal {
            Modal::Help(scroll) => {
                let max = layout::help_max_scroll(self);
                match action {
                    Action::Down => self.modal = Some(Modal::Help((scroll + 1).min(max))),
                    Action::Up => self.modal = Some(Modal::Help(scroll.saturating_sub(1))),
                    Action::PageDown => self.modal = Some(Modal::Help((scroll + 5).min(max))),
                    Action::PageUp => self.modal = Some(Modal::Help(scroll.saturating_sub(5))),
                    Action::Back | Action::Enter | Action::Help | Action::Char(' ') => {
                        self.modal = None
                    }
                    Action::Quit => {
                        self.modal = None;
                        return self.request_quit();
                    }
                    _ => {}
                }
                Effect::None
            }
            Modal::ConfirmQuit => match action {
                Action::Enter | Action::Char('j' | 'J' | 'y' | 'Y') | Action::Quit => Effect::Quit,
                Action::Back | Action::Char('n' | 'N') => {
                    self.modal = None;
                    Effect::None
                }
                _ => Effect::None,
            },
            Modal::ConfirmDiscard(what) => match action {
                Action::Char('j' | 'J' | 'y' | 'Y') => {
                    self.modal = None;
                    self.close_case();
                    self.begin(what)
                }
                Action::Enter | Action::Back | Action::Char('n' | 'N') => {
                    self.modal = None;
                    // Asked on the start screen: back to the answers, where the person was.
                    if self.step == Step::Start {
                        let back = self
                            .left_from
                            .filter(|s| *s != Step::Start)
                            .or_else(|| self.path().get(1).copied())
                            .unwrap_or(Step::Who);
                        self.enter(back);
                    }
                    Effect::None
                }
                _ => Effect::None,
            },
            Modal::ConfirmRemoveService(k, _) => match action {
                Action::Char('j' | 'J' | 'y' | 'Y') => {
                    self.modal = None;
                    steps::services::remove(self, k);
                    Effect::None
                }
                Action::Enter | Action::Back | Action::Char('n' | 'N') => {
                    self.modal = None;
                    Effect::None
                }
                _ => Effect::None,
            },
            Modal::ConfirmDelete(id, _) => match action {
                Action::Char('j' | 'J' | 'y' | 'Y') => {
                    self.modal = None;
                    Effect::Draft(self::drafts::DraftRequest::Delete(id))
                }
                Action::Enter | Action::Back | Action::Char('n' | 'N') => {
                    self.modal = None;
                    Effect::None
                }
                _ => Effect::None,
            },
            Modal::ConfirmOverwrite(job, _) => match action {
                Action::Char('j' | 'J' | 'y' | 'Y') => {
                    self.modal = None;
                    let mut job = *job;
                    job.overwrite = true;
                    Effect::Export(Box::new(job))
                }
                Action::Enter | Action::Back | Action::Char('n' | 'N') => {
                    self.modal = None;
                    if let Screen::Done(d) = &mut self.screen {
                        d.not_overwritten();
                    }
                    Effect::None
                }
                _ => Effect::None,
            },
        }
    }

    fn export_done(&mut self, report: ExportReport) -> Effect {
        if !report.written.is_empty() && report.errors.is_empty() {
            // The complaint keeps the date it was saved with: opened after it was sent, it is
            // shown and reprinted as it was, and its deadline judged by that date.
            // A follow-up letter is recorded with its date, for the case's timeline.
            if let Some(d) = report.letter_date {
                let iso = d.format("%Y-%m-%d").to_string();
                if self.kind == LetterKind::Complaint {
                    self.edit(|r| r.letter_date = Some(iso));
                } else {
                    let entry = crate::domain::case::RawFollowUp {
                        letter: Some(self.kind.id().to_string()),
                        date: Some(iso),
                    };
                    self.edit(|r| {
                        let list = r.follow_ups.get_or_insert_with(Vec::new);
                        if !list.contains(&entry) {
                            list.push(entry);
                        }
                    });
                }
            }
            self.dirty = false;
        }
        if !report.exists.is_empty()
            && let Screen::Done(d) = &self.screen
            && let Some(job) = d.pending_job(self)
        {
            self.modal = Some(Modal::ConfirmOverwrite(
                Box::new(job),
                report.exists.clone(),
            ));
        }
        let mut screen = std::mem::replace(&mut self.screen, Screen::Empty);
        if let Screen::Done(d) = &mut screen {
            d.report(self, report);
        }
        self.screen = screen;
        Effect::None
    }

    /// The external editor has finished (or failed); the run loop calls this.
    pub fn editor_done(&mut self, result: Result<String, String>) {
        let mut screen = std::mem::replace(&mut self.screen, Screen::Empty);
        if let Screen::Long(l) = &mut screen {
            l.editor_done(self, result);
        }
        self.screen = screen;
    }
}
