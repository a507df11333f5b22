//! One file per kind of screen: its state, its update and its drawing. Screens that ask the same
//! kind of question (a choice, a form of single-line fields, a long text) share a file; what they
//! ask is defined there, per [`Step`].

pub mod case;
pub mod check;
pub mod checklist;
pub mod choice;
pub mod done;
pub mod form;
pub mod info;
pub mod longtext;
pub mod municipality;
pub mod preview;
pub mod service;
pub mod start;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::i18n::{has, t};

use super::action::Action;
use super::app::{App, Flow, Step, has_representative};
use super::keymap::Mode;
use super::widgets::{self, help_bar::KeyHelp};

/// The state of the screen being shown.
pub enum Screen {
    /// Between two screens (while a screen's update runs).
    Empty,
    Start(start::StartState),
    Case(case::CaseState),
    Choice(choice::ChoiceState),
    Form(form::FormState),
    Service(service::ServiceState),
    Info(info::InfoState),
    Long(Box<longtext::LongState>),
    Checklist(checklist::ChecklistState),
    Municipality(municipality::MunicipalityState),
    Check(check::CheckState),
    Preview(preview::PreviewState),
    Done(done::DoneState),
}

impl Screen {
    /// The screen for a step, filled in from the answers.
    pub fn for_step(step: Step, app: &App) -> Screen {
        match step {
            Step::Start => Screen::Start(start::StartState::new(app)),
            Step::Case => Screen::Case(case::CaseState::new(app)),
            Step::LetterLang
            | Step::Who
            | Step::Role
            | Step::Fullmakt
            | Step::Carer
            | Step::RouteLaw
            | Step::Situation => Screen::Choice(choice::ChoiceState::new(step, app)),
            Step::Relation
            | Step::CaredFor
            | Step::ServiceOther
            | Step::DecisionDate
            | Step::Received
            | Step::Sent
            | Step::Decision
            | Step::Applicant
            | Step::Representative
            | Step::MunicipalityAddress => Screen::Form(form::FormState::new(step, app)),
            Step::Service => Screen::Service(service::ServiceState::new(app)),
            Step::Routing | Step::Rights => Screen::Info(info::InfoState::new(step)),
            Step::LateReason | Step::Ground(_) | Step::Outcome | Step::Supplement => {
                Screen::Long(Box::new(longtext::LongState::new(step, app)))
            }
            Step::Requests | Step::Attachments => {
                Screen::Checklist(checklist::ChecklistState::new(step, app))
            }
            Step::Municipality => Screen::Municipality(municipality::MunicipalityState::new(app)),
            Step::Check => Screen::Check(check::CheckState::new(app)),
            Step::Preview => Screen::Preview(preview::PreviewState::new(app)),
            Step::Done => Screen::Done(done::DoneState::new(app)),
        }
    }

    /// What kind of input has the focus.
    pub fn mode(&self, app: &App) -> Mode {
        match self {
            Screen::Start(s) => s.mode(app),
            Screen::Form(_) | Screen::Service(_) | Screen::Municipality(_) => Mode::Line,
            Screen::Long(_) => Mode::Multi,
            Screen::Checklist(c) => c.mode(),
            Screen::Done(d) => d.mode(),
            _ => Mode::Nav,
        }
    }

    /// Handle an action. `app.screen` is [`Screen::Empty`] meanwhile.
    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        match self {
            Screen::Empty => Flow::Stay,
            Screen::Start(s) => s.update(app, action),
            Screen::Case(s) => s.update(app, action),
            Screen::Choice(s) => s.update(app, action),
            Screen::Form(s) => s.update(app, action),
            Screen::Service(s) => s.update(app, action),
            Screen::Info(s) => s.update(app, action),
            Screen::Long(s) => s.update(app, action),
            Screen::Checklist(s) => s.update(app, action),
            Screen::Municipality(s) => s.update(app, action),
            Screen::Check(s) => s.update(app, action),
            Screen::Preview(s) => s.update(app, action),
            Screen::Done(s) => s.update(app, action),
        }
    }

    /// Keep scroll positions inside the text after a resize or a change.
    pub fn fit(&mut self, app: &App) {
        match self {
            Screen::Info(s) => s.fit(app),
            Screen::Preview(s) => s.fit(app),
            Screen::Done(s) => s.fit(app),
            _ => {}
        }
    }

    /// Draw into the body area; returns where the terminal cursor goes, if anywhere.
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        match self {
            Screen::Empty => None,
            Screen::Start(s) => s.render(app, area, buf),
            Screen::Case(s) => s.render(app, area, buf),
            Screen::Choice(s) => s.render(app, area, buf),
            Screen::Form(s) => s.render(app, area, buf),
            Screen::Service(s) => s.render(app, area, buf),
            Screen::Info(s) => s.render(app, area, buf),
            Screen::Long(s) => s.render(app, area, buf),
            Screen::Checklist(s) => s.render(app, area, buf),
            Screen::Municipality(s) => s.render(app, area, buf),
            Screen::Check(s) => s.render(app, area, buf),
            Screen::Preview(s) => s.render(app, area, buf),
            Screen::Done(s) => s.render(app, area, buf),
        }
    }

    /// The keys of this screen, for the help bar (the keys for back, help and quit are added).
    pub fn keys(&self, app: &App) -> Vec<KeyHelp> {
        let k = |key: &str, what: &str| (t(app.ui, key), t(app.ui, what));
        match self {
            Screen::Empty => Vec::new(),
            Screen::Start(s) => s.keys(app),
            Screen::Choice(_) | Screen::Case(_) => vec![
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.enter", "tui.key.choose"),
            ],
            Screen::Form(f) if f.inputs.len() == 1 => vec![k("tui.key.enter", "tui.key.go-on")],
            Screen::Form(_) => vec![
                k("tui.key.enter", "tui.key.next-field"),
                k("tui.key.tab-arrows", "tui.key.between-fields"),
            ],
            Screen::Service(_) | Screen::Municipality(_) => vec![
                k("tui.key.type", "tui.key.filter"),
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.enter", "tui.key.choose"),
            ],
            Screen::Info(_) => vec![
                k("tui.key.enter", "tui.key.go-on"),
                k("tui.key.scroll", "tui.key.read-more"),
            ],
            Screen::Long(_) => {
                let mut keys = vec![
                    k("tui.key.enter", "tui.key.new-line"),
                    k("tui.key.enter-twice", "tui.key.go-on"),
                ];
                // Not offered where no editor was found.
                if crate::tui::editor::offered() {
                    keys.push(k("tui.key.ctrl-e", "tui.key.editor"));
                }
                keys
            }
            Screen::Checklist(c) => c.keys(app),
            Screen::Check(_) => vec![
                k("tui.key.arrows", "tui.key.move"),
                k("tui.key.enter", "tui.key.change"),
                k("tui.key.tab", "tui.key.to-preview"),
            ],
            Screen::Preview(_) => vec![
                k("tui.key.scroll", "tui.key.read-more"),
                k("tui.key.enter", "tui.key.to-save"),
            ],
            Screen::Done(d) => d.keys(app),
        }
    }
}

/// A text in the interface language, with the variant for someone writing on behalf of another
/// (`<key>-rep`) when there is one.
pub fn tr(app: &App, key: &str) -> String {
    let rep = format!("{key}-rep");
    // A carer's own complaint: the questions speak to the carer (the care work, how heavy it
    // is, the carer's own health).
    let carer = format!("{key}-carer");
    // A parent is asked as a parent ("mor eller far").
    let parent = format!("{key}-forelder");
    if crate::tui::app::is_carer_complaint(&app.raw) && has(crate::i18n::Ui::Nb, &carer) {
        t(app.ui, &carer)
    } else if has_representative(&app.raw)
        && crate::tui::app::rep_role(&app.raw) == crate::domain::case::Role::Forelder
        && has(crate::i18n::Ui::Nb, &parent)
    {
        t(app.ui, &parent)
    } else if has_representative(&app.raw) && has(crate::i18n::Ui::Nb, &rep) {
        t(app.ui, &rep)
    } else {
        t(app.ui, key)
    }
}

/// "↓ More text below (arrow down or PgDn)", shorter when the window is narrow.
pub fn more_below(app: &App, width: u16) -> String {
    let long = t(app.ui, "tui.more-below");
    if long.chars().count() <= usize::from(width) {
        long
    } else {
        t(app.ui, "tui.more-below-short")
    }
}

/// Draw a question's title and hint; returns the area below them. In a very low window the hint
/// is left out (F1 shows it), so that the answer still has room.
pub fn question(app: &App, title: &str, hint: &str, area: Rect, buf: &mut Buffer) -> Rect {
    question_with_room(app, title, hint, area, buf, 5, LowWindow::DropHint)
}

/// What [`question_with_room`] does with the hint when the window is too low for all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LowWindow {
    /// Leave the hint out.
    DropHint,
    /// Keep what fits, cut short with "…" (F1 has it in full): for a text box, whose guidance
    /// matters while writing.
    CutHint,
}

/// [`question`], keeping `room` rows for the answer below.
pub fn question_with_room(
    app: &App,
    title: &str,
    hint: &str,
    area: Rect,
    buf: &mut Buffer,
    room: u16,
    low: LowWindow,
) -> Rect {
    let th = &app.theme;
    let mut used = widgets::put_wrapped(title, area, buf, th.title) + 1;
    let mut lines = widgets::wrap(hint, area.width);
    let fit = usize::from(area.height.saturating_sub(used + 1 + room));
    if hint.is_empty() || fit == 0 || (lines.len() > fit && low == LowWindow::DropHint) {
        return widgets::below(area, used);
    }
    if lines.len() > fit {
        lines.truncate(fit);
        if let Some(last) = lines.last_mut() {
            *last = widgets::ellipsize(&format!("{last} …"), usize::from(area.width));
        }
    }
    used += widgets::put_lines(&lines, widgets::below(area, used), buf, th.hint) + 1;
    widgets::below(area, used)
}

/// The title and hint of a step: `tui.q.<id>.title` and `tui.q.<id>.hint`.
pub fn title_and_hint(app: &App, step: Step) -> (String, String) {
    let id = match step {
        Step::Ground(g) => format!("ground.{}", g.id()),
        s => s.id(),
    };
    let title = tr(app, &format!("tui.q.{id}.title"));
    let hint_key = format!("tui.q.{id}.hint{}", hint_variant(app, step));
    let hint = if has(crate::i18n::Ui::Nb, &hint_key) {
        tr(app, &hint_key)
    } else {
        String::new()
    };
    (title, hint)
}

/// The variant of a step's hint that fits the answers so far: "-one" when the requests screen
/// has one checkbox (not "Begge kan stå tomme"), "-other" for the decision screen of a service
/// other than home nursing (its example is about home nursing).
pub fn hint_variant(app: &App, step: Step) -> &'static str {
    match step {
        Step::Requests if !checklist::cut(app) => "-one",
        Step::Decision
            if app
                .raw
                .service
                .as_deref()
                .is_some_and(|s| s != "hjemmesykepleie") =>
        {
            "-other"
        }
        _ => "",
    }
}

/// The top row of a window of `height` rows that keeps rows `start..end` of `total` in view,
/// with the selection near the middle.
pub fn centred_offset(start: usize, end: usize, total: usize, height: usize) -> usize {
    if total <= height {
        return 0;
    }
    let mid = (start + end) / 2;
    let off = mid.saturating_sub(height / 2);
    let off = off.min(total - height);
    // The whole selection must be visible when it fits.
    widgets::scroll_to(off, start, end, height)
}
