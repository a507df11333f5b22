//! One file per kind of screen: its state, its update and its drawing. Screens that ask the same
//! kind of question (a choice, a form of single-line fields, a long text) share a file; what they
//! ask is defined there, per [`Step`].

pub mod case;
pub mod check;
pub mod checklist;
pub mod choice;
pub mod district;
pub mod done;
pub mod form;
pub mod info;
pub mod longtext;
pub mod municipality;
pub mod preview;
pub mod service;
pub mod services;
pub mod start;

use crate::i18n::{has, t};

use super::action::Action;
use super::{App, Flow, Step, has_representative};
use crate::interview::action::Mode;
use crate::interview::wrap as widgets;
use crate::step::ExtraPart;

/// The state of the screen being shown.
pub enum Screen {
    /// Between two screens (while a screen's update runs).
    Empty,
    Start(start::StartState),
    Case(case::CaseState),
    Choice(choice::ChoiceState),
    Form(form::FormState),
    Service(service::ServiceState),
    District(district::DistrictState),
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
            Step::District => Screen::District(district::DistrictState::new(app)),
            Step::Relation
            | Step::Person
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
            // Another service of the same decision: the first service's screens, on its item.
            Step::Services | Step::Extra(_, ExtraPart::Situation) => {
                Screen::Choice(choice::ChoiceState::new(step, app))
            }
            Step::Extra(k, ExtraPart::Service) => {
                Screen::Service(service::ServiceState::for_item(app, usize::from(k)))
            }
            Step::Extra(_, ExtraPart::Other | ExtraPart::Decision) => {
                Screen::Form(form::FormState::new(step, app))
            }
            Step::Extra(_, ExtraPart::Outcome) => {
                Screen::Long(Box::new(longtext::LongState::new(step, app)))
            }
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
            Screen::Form(_)
            | Screen::Service(_)
            | Screen::District(_)
            | Screen::Municipality(_) => Mode::Line,
            Screen::Long(_) => Mode::Multi,
            Screen::Checklist(c) => c.mode(),
            Screen::Done(d) => d.mode(app),
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
            Screen::District(s) => s.update(app, action),
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
    // A child (a parent writes, or the birth date says under 18): prompts about a child's day.
    let child = format!("{key}-child");
    // Someone who helps a carer is asked about the carer, not about themselves.
    let helped = format!("{key}-carer-helped");
    let carer_complaint = crate::interview::is_carer_complaint(&app.raw);
    if carer_complaint && has_representative(&app.raw) && has(crate::i18n::Ui::Nb, &helped) {
        t(app.ui, &helped)
    } else if carer_complaint && has(crate::i18n::Ui::Nb, &carer) {
        t(app.ui, &carer)
    } else if is_child(app) && has(crate::i18n::Ui::Nb, &child) {
        t(app.ui, &child)
    } else if has_representative(&app.raw)
        && crate::interview::rep_role(&app.raw) == crate::domain::case::Role::Forelder
        && has(crate::i18n::Ui::Nb, &parent)
    {
        t(app.ui, &parent)
    } else if has_representative(&app.raw) && has(crate::i18n::Ui::Nb, &rep) {
        t(app.ui, &rep)
    } else {
        t(app.ui, key)
    }
}

/// The decision is about a child: a parent writes, or the birth date given says under 18 (not a
/// carer's own complaint, where the applicant is the carer).
pub fn is_child(app: &App) -> bool {
    if crate::interview::is_carer_complaint(&app.raw) {
        return false;
    }
    if has_representative(&app.raw)
        && crate::interview::rep_role(&app.raw) == crate::domain::case::Role::Forelder
    {
        return true;
    }
    crate::interview::date_answer(
        app.raw
            .applicant
            .as_ref()
            .and_then(|a| a.birth_date.as_ref()),
    )
    .is_some_and(|b| {
        crate::domain::case::age_on(b, crate::interview::letter_date(&app.raw, app.today)) < 18
    })
}

/// The name of the person the decision is about, once given, when someone writes for them
/// (the screens then say the name, not "den du skriver for").
pub fn their_name(app: &App) -> Option<String> {
    if !has_representative(&app.raw) || crate::interview::is_carer_complaint(&app.raw) {
        return None;
    }
    let name = crate::interview::applicant_name(&app.raw);
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
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

/// The title and hint of a step: `tui.q.<id>.title` and `tui.q.<id>.hint`.
pub fn title_and_hint(app: &App, step: Step) -> (String, String) {
    if let Step::Extra(k, part) = step {
        return crate::interview::steps::services::title_and_hint(app, usize::from(k), part);
    }
    if step == Step::Services {
        return (
            t(app.ui, "tui.q.services.title"),
            crate::interview::steps::services::overview_hint(app),
        );
    }
    let id = match step {
        Step::Ground(g) => format!("ground.{}", g.id()),
        s => s.id(),
    };
    let named = format!("tui.q.{id}.title-named");
    // Someone who helps a carer is asked about the carer (the carer complains).
    let helped_carer = step == Step::Person && app.raw.complainant_is_carer == Some(true);
    let title = match their_name(app) {
        _ if helped_carer => t(app.ui, "tui.q.person.title-helped"),
        Some(name) if has(crate::i18n::Ui::Nb, &named) => {
            crate::i18n::tf(app.ui, &named, &[("name", name)])
        }
        _ => tr(app, &format!("tui.q.{id}.title")),
    };
    let hint_key = format!("tui.q.{id}.hint{}", hint_variant(app, step));
    let hint = if has(crate::i18n::Ui::Nb, &hint_key) {
        tr(app, &hint_key)
    } else {
        String::new()
    };
    (title, hint)
}

/// The variant of a step's hint that fits the answers so far: "-one" when the requests screen
/// has two checkboxes (not "Alle kan stå tomme"), "-own" for the writer's own details when the
/// writer needs no fullmakt, "-other" for the decision screen of a service
/// other than home nursing (its example is about home nursing), "-district" for the address in
/// Oslo (the bydel's).
pub fn hint_variant(app: &App, step: Step) -> &'static str {
    match step {
        Step::Requests if !checklist::cut(app) => "-one",
        // A carer in their own name: the list holds only the services a carer may complain
        // about, and the hint says why.
        Step::Service | Step::Extra(_, ExtraPart::Service)
            if app.raw.complainant_is_carer == Some(true) =>
        {
            "-carer"
        }
        // A parent, a verge or a lawyer needs no fullmakt: nothing about one is said to them.
        Step::Representative
            if crate::interview::rep_role(&app.raw) != crate::domain::case::Role::Fullmektig =>
        {
            "-own"
        }
        // In Oslo the address is the bydel's (the example is another municipality's).
        Step::MunicipalityAddress if crate::interview::path::asks_district(&app.raw) => "-district",
        // A cut or a stop: before and after, not applied for and granted.
        Step::Decision
            if matches!(app.raw.situation.as_deref(), Some("redusert" | "avsluttet")) =>
        {
            "-cut"
        }
        Step::Extra(k, ExtraPart::Decision)
            if matches!(
                crate::interview::services::item(&app.raw, usize::from(k))
                    .situation
                    .as_deref(),
                Some("redusert" | "avsluttet")
            ) =>
        {
            "-cut"
        }
        Step::Decision
            if app
                .raw
                .service
                .as_deref()
                .is_some_and(|s| s != "hjemmesykepleie") =>
        {
            "-other"
        }
        Step::Extra(k, ExtraPart::Decision)
            if crate::interview::services::item(&app.raw, usize::from(k))
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
