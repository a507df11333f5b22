//! The screen being shown, described in words: what the line-by-line mode (`--plain`, for screen
//! readers and braille displays) prints. Pure: it only reads the wizard's state, the same state the
//! terminal screens draw, so that both ask the same questions and write the same letter.
//!
//! Nothing here depends on colour, layout or a window size. Texts that name keys of the terminal
//! screens (Esc, the arrow keys) have a `plain.*` variant in the catalogue, used instead.

use crate::i18n::{Ui, has, t, tf};

use super::action::ExportFormat;
use super::drafts;
use super::steps::checklist;
use super::steps::form;
use super::steps::{
    Screen, case, check, choice, district, done, info, longtext, municipality, service, start,
    title_and_hint, tr,
};
use super::{App, Modal, Section, Step};
use crate::interview::marks::DONE;

// The words of a description that name a screen's parts: the line-by-line mode reads them from
// here, never from the screens themselves.
pub use super::steps::done::Control;
pub use super::steps::form::Note;
pub use super::steps::longtext::{MAX_LONG_CHARS, too_long_message};

/// How an item of a list is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Nothing to mark.
    None,
    /// The answer given (a radio button that is on).
    Chosen,
    /// A ticked checkbox.
    Ticked,
    /// A checkbox that is not ticked.
    Unticked,
}

/// One part of the screen, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A heading over what follows.
    Heading(String),
    /// A paragraph.
    Text(String),
    /// A numbered item (numbers count the items only, from 1): an answer to choose, a service, a
    /// checkbox, an answer to change.
    Item {
        label: String,
        /// Explanation lines under the item.
        detail: Vec<String>,
        mark: Mark,
    },
}

/// A single-line field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldView {
    /// The label, with "(kan stå tomt)" for an optional field.
    pub label: String,
    /// The text in the field now.
    pub value: String,
    pub required: bool,
    /// The field asks for a date.
    pub date: bool,
    /// The value may be mistyped (a phone number, an e-mail address): said, never refused.
    pub warning: Option<String>,
    /// What the screen says under the field: an error, a date understood, an example.
    pub note: Option<Note>,
}

/// How the person answers this screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Choose one of the numbered items. Enter alone takes `default` (an index), when there is
    /// one; `current` says whether that is the answer given before.
    Choose {
        default: Option<usize>,
        current: bool,
    },
    /// The field `focus` of [`Description::fields`].
    Field { focus: usize },
    /// Type to search, or give the number of an item. Enter alone takes `default`.
    Search {
        label: String,
        default: Option<usize>,
        /// Enter alone keeps the answer given before (nothing typed, nothing listed).
        keep: Option<String>,
        /// A search that leaves one item chooses it (the bydel: a short list of names).
        one_chooses: bool,
    },
    /// Several lines; an empty line ends the answer.
    Lines { current: Option<String> },
    /// A number ticks or unticks an item; text adds an item when `add`; Enter goes on.
    Tick { add: bool },
    /// A number changes that answer; Enter goes on (only when `ready`).
    Change { ready: bool },
    /// Read, and press Enter to go on.
    Continue,
    /// Save the letter (the done screen).
    Save,
    /// Yes or no (a dialog).
    Confirm,
}

/// The screen in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    pub step: Step,
    /// Where in the wizard: "Steg 4 av 12: Datoene (spørsmål 1 av 2)".
    pub position: String,
    /// The question or page title.
    pub title: String,
    /// Explanations under the title.
    pub text: Vec<String>,
    /// Lists, headings and paragraphs, in order.
    pub entries: Vec<Entry>,
    /// The fields of a form.
    pub fields: Vec<FieldView>,
    /// A text shown as it is (the letter).
    pub body: Option<String>,
    /// What must be fixed before going on, in words.
    pub errors: Vec<String>,
    pub answer: Answer,
    /// The help for this screen (`?`).
    pub help: String,
}

/// A text in the interface language; the `plain.*` variant when there is one (texts that name
/// keys of the terminal screens), and the variant for a representative (`-rep`).
pub fn pt(app: &App, key: &str) -> String {
    let plain = format!("plain.{}", key.strip_prefix("tui.").unwrap_or(key));
    if has(Ui::Nb, &plain) {
        tr(app, &plain)
    } else {
        tr(app, key)
    }
}

fn item(label: String, detail: Vec<String>, mark: Mark) -> Entry {
    Entry::Item {
        label,
        detail,
        mark,
    }
}

/// The help for the current step: its question, why it is asked, and how to answer in this mode.
pub fn help(app: &App) -> String {
    let (title, _) = title_and_hint(app, app.step);
    format!(
        "{title}\n{}\n{}",
        pt(app, &app.step.help_key()),
        t(app.ui, "plain.help.keys")
    )
}

/// Describe the screen being shown (the dialog over it, when one is open).
pub fn describe(app: &App) -> Description {
    let ui = app.ui;
    let step = app.step;
    let (title, hint) = title_and_hint(app, step);
    let hint = plain_hint(app, step).unwrap_or(hint);
    let mut d = Description {
        step,
        position: step_indicator_text(app),
        title,
        text: if hint.is_empty() { vec![] } else { vec![hint] },
        entries: Vec::new(),
        fields: Vec::new(),
        body: None,
        errors: Vec::new(),
        answer: Answer::Continue,
        help: help(app),
    };
    if let Some(n) = app.notice() {
        let (title, text) = drafts::notice_text(ui, n);
        d.title = title;
        d.text = match n {
            // The choices are asked as yes or no.
            drafts::Notice::Conflict => vec![
                t(ui, "tui.drafts.conflict"),
                pt(app, "tui.drafts.conflict-choices"),
            ],
            _ => text
                .split('\n')
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
        };
        d.answer = match n {
            drafts::Notice::Conflict => Answer::Confirm,
            _ => Answer::Continue,
        };
        return d;
    }
    if let Some(m) = &app.modal {
        modal(app, m, &mut d);
        return d;
    }
    match &app.screen {
        Screen::Empty => {}
        Screen::Start(st) => {
            d.title = t(ui, "tui.start.title");
            d.text = vec![pt(app, "tui.start.intro")];
            if app.counter {
                d.text.push(t(ui, "tui.start.counter"));
            }
            let mut saved_heading = false;
            let mut lang_heading = false;
            for row in start::rows(app, &st.filter) {
                match row {
                    start::Row::New => {
                        d.entries
                            .push(item(t(ui, "tui.start.new"), vec![], Mark::None))
                    }
                    start::Row::NewLetter => {
                        d.entries
                            .push(item(t(ui, "tui.start.new-letter"), vec![], Mark::None))
                    }
                    start::Row::Case(i) => {
                        if !std::mem::replace(&mut saved_heading, true) {
                            d.entries
                                .push(Entry::Heading(t(ui, "tui.start.saved-heading")));
                        }
                        let (title, detail) = match app.listing().cases.get(i) {
                            Some(e) => {
                                let r = drafts::case_row(ui, e, app.today);
                                (r.title, vec![r.detail])
                            }
                            None => (String::new(), vec![]),
                        };
                        d.entries.push(item(title, detail, Mark::None));
                    }
                    start::Row::Damaged(i) => {
                        if !std::mem::replace(&mut saved_heading, true) {
                            d.entries
                                .push(Entry::Heading(t(ui, "tui.start.saved-heading")));
                        }
                        let text = app
                            .listing()
                            .damaged
                            .get(i)
                            .map(|x| drafts::damaged_row(ui, x))
                            .unwrap_or_default();
                        d.entries.push(item(text, vec![], Mark::None));
                    }
                    start::Row::Lang(lang) => {
                        if !std::mem::replace(&mut lang_heading, true) {
                            d.entries.push(Entry::Heading(t(ui, "tui.start.language")));
                        }
                        let mark = if lang == ui { Mark::Chosen } else { Mark::None };
                        let name = t(ui, &format!("tui.start.lang-{}", lang.code()));
                        d.entries.push(item(name, vec![], mark));
                    }
                }
            }
            d.entries
                .push(Entry::Text(pt(app, "tui.start.letter-note")));
            d.answer = Answer::Choose {
                default: Some(0),
                current: false,
            };
        }
        Screen::Case(_) => {
            d.title = t(ui, "tui.q.case.title");
            d.text = case::subject(app).into_iter().collect();
            d.text.extend(case::send_line(app));
            if app.counter {
                d.text.push(t(ui, "tui.case.counter"));
            }
            let timeline = case::timeline(app);
            if !timeline.is_empty() {
                d.entries.push(Entry::Heading(t(ui, "tui.case.timeline")));
                d.entries.extend(timeline.into_iter().map(Entry::Text));
            }
            d.entries.push(Entry::Heading(t(ui, "tui.case.what-now")));
            for o in case::options(app) {
                let detail = if o.hint.is_empty() {
                    vec![]
                } else {
                    vec![o.hint]
                };
                d.entries.push(item(o.label, detail, Mark::None));
            }
            d.answer = Answer::Choose {
                default: Some(0),
                current: false,
            };
        }
        Screen::Choice(s) => {
            let chosen = choice::current(s.step, app);
            for (i, o) in choice::options(s.step, app).into_iter().enumerate() {
                let mark = if chosen == Some(i) {
                    Mark::Chosen
                } else {
                    Mark::None
                };
                let detail = if o.hint.is_empty() {
                    vec![]
                } else {
                    vec![o.hint]
                };
                d.entries.push(item(o.label, detail, mark));
            }
            if let Some(e) = &s.error {
                d.errors.push(e.clone());
            }
            d.answer = Answer::Choose {
                // The list of the decision's services: Enter alone goes on (nothing is an
                // answer given before).
                default: chosen.or((s.step == Step::Services).then_some(0)),
                current: chosen.is_some(),
            };
        }
        Screen::Form(f) => {
            let optional = t(ui, "tui.optional");
            for (i, spec) in form::specs(f.step, &app.raw).iter().enumerate() {
                let name = tr(app, &format!("tui.field.{}", spec.id));
                let label = if spec.required {
                    name.clone()
                } else {
                    format!("{name} ({optional})")
                };
                let note = f.note(app, i).map(|n| match n {
                    Note::Ok(s) => Note::Ok(s.trim_start_matches(DONE).to_string()),
                    other => other,
                });
                if let Some(Note::Error(e)) = &note {
                    d.errors.push(format!("{name}: {e}"));
                }
                d.fields.push(FieldView {
                    label,
                    value: f
                        .inputs
                        .get(i)
                        .map(|x| x.value().to_string())
                        .unwrap_or_default(),
                    required: spec.required,
                    date: spec.kind == form::Kind::Date,
                    warning: f.warning(app, i),
                    note,
                });
            }
            d.answer = Answer::Field { focus: f.focus };
        }
        Screen::Service(s) => {
            let list = service::matches(s.filter.value(), app);
            let few = list.len() <= 6;
            let mut group = None;
            for sv in &list {
                let care = sv.is_care_service();
                if group != Some(care) {
                    let key = if care {
                        "tui.service.group-care"
                    } else {
                        "tui.service.group-other"
                    };
                    d.entries.push(Entry::Heading(t(ui, key)));
                    group = Some(care);
                }
                let mark = if s.chosen(app).as_deref() == Some(sv.id) {
                    Mark::Chosen
                } else {
                    Mark::None
                };
                // The whole list is long: explanations only when a search has narrowed it.
                let detail = if few {
                    vec![sv.explain(ui.code()).to_string()]
                } else {
                    vec![]
                };
                d.entries
                    .push(item(service::list_name(sv, app), detail, mark));
            }
            // "Something else" always fits: say when nothing else does.
            let f = s.filter.value().trim().to_lowercase();
            let only_other = list.iter().all(|sv| {
                sv.id == "annet"
                    && !sv.id.contains(&f)
                    && !service::list_name(sv, app).to_lowercase().contains(&f)
            });
            // A carer searching for the cared-for person's service (not in a carer's list): who
            // may complain about which part, instead of "nothing fits" as an error.
            let carer_note =
                crate::interview::steps::services::carer_search_note(app, s.filter.value());
            if only_other && !f.is_empty() && carer_note.is_none() {
                d.errors.push(service::none_message(s.filter.value(), app));
            }
            if let Some(n) = carer_note {
                d.entries.push(Entry::Text(n));
            }
            if let Some(n) = &s.notice {
                d.errors.push(n.clone());
            }
            let searched = !s.filter.value().trim().is_empty();
            d.answer = Answer::Search {
                label: t(ui, "tui.service.filter")
                    .trim_end_matches(':')
                    .to_string(),
                default: (searched || s.chosen(app).is_some())
                    .then_some(s.selected)
                    .filter(|i| *i < list.len()),
                keep: None,
                one_chooses: false,
            };
        }
        Screen::District(s) => {
            let chosen = district::current(app);
            let list = district::matches(s.filter.value());
            for b in &list {
                let mark = if chosen == Some(*b) {
                    Mark::Chosen
                } else {
                    Mark::None
                };
                d.entries.push(item((*b).to_string(), vec![], mark));
            }
            let typed = s.filter.value().trim();
            if list.is_empty() {
                d.errors.push(tf(
                    ui,
                    "tui.district.none",
                    &[("filter", typed.to_string())],
                ));
            }
            d.answer = Answer::Search {
                label: t(ui, "tui.district.filter")
                    .trim_end_matches(':')
                    .to_string(),
                default: (!typed.is_empty() || chosen.is_some())
                    .then_some(s.selected)
                    .filter(|i| *i < list.len()),
                keep: None,
                one_chooses: true,
            };
        }
        Screen::Municipality(s) => {
            let chosen = municipality::chosen(app);
            if let Some(m) = chosen {
                d.entries.push(Entry::Text(tf(
                    ui,
                    "tui.municipality.chosen",
                    &[("name", m.letter_name())],
                )));
            }
            let offer = municipality::offer(app, s.query.value());
            for note in &offer.notes {
                d.entries.push(Entry::Text(note.clone()));
            }
            if s.ask {
                d.errors.push(t(ui, "tui.municipality.ask"));
            }
            let highlighted = s.highlighted(&offer);
            let list = offer.list;
            for m in &list {
                let label = if m.names_county() {
                    format!("{} ({})", m.display(), m.number)
                } else {
                    format!("{} ({}, {})", m.display(), m.county, m.number)
                };
                let mark = if chosen.is_some_and(|c| c.number == m.number) {
                    Mark::Chosen
                } else {
                    Mark::None
                };
                d.entries.push(item(label, vec![], mark));
            }
            if list.is_empty() && !s.query.is_empty() {
                d.errors.push(tf(
                    ui,
                    "tui.municipality.none",
                    &[("query", s.query.value().to_string())],
                ));
            }
            d.answer = Answer::Search {
                label: t(ui, "tui.municipality.search")
                    .trim_end_matches(':')
                    .to_string(),
                default: highlighted,
                keep: (list.is_empty() && s.query.is_empty())
                    .then(|| chosen.map(|m| m.letter_name()))
                    .flatten(),
                one_chooses: false,
            };
        }
        Screen::Info(s) => {
            for (look, text) in info::paragraphs(s.step.unwrap_or(step), app) {
                d.entries.push(match look {
                    info::Look::Heading => Entry::Heading(text),
                    info::Look::Warning => {
                        let text = if text == t(ui, "tui.rights.no-dates") {
                            pt(app, "tui.rights.no-dates")
                        } else {
                            text
                        };
                        Entry::Text(format!("{}: {text}", t(ui, "word.warning")))
                    }
                    _ => Entry::Text(text),
                });
            }
            d.answer = Answer::Continue;
        }
        Screen::Long(l) => {
            if l.step == Step::Outcome
                && let Some(s) = longtext::suggestion(app)
            {
                d.text
                    .push(tf(ui, "tui.q.outcome.suggestion", &[("text", s)]));
            }
            if let Some(e) = &l.error {
                let e = if *e == t(ui, "tui.error.no-grounds") {
                    pt(app, "tui.error.no-grounds")
                } else {
                    e.clone()
                };
                d.errors.push(e);
            }
            let text = l.text();
            d.answer = Answer::Lines {
                current: (!text.trim().is_empty()).then_some(text),
            };
        }
        Screen::Checklist(c) => {
            let lang = info::law_lang(ui);
            for (n, it) in c.items.iter().enumerate() {
                let mark = if it.checked {
                    Mark::Ticked
                } else {
                    Mark::Unticked
                };
                let detail = match &it.kind {
                    checklist::Kind::Innsyn => vec![tf(
                        ui,
                        "tui.request.innsyn.hint",
                        &[("rule", crate::domain::law::FVL_18.full(lang))],
                    )],
                    checklist::Kind::Postponement(_) if c.ends_postponement(n) => vec![tf(
                        ui,
                        "tui.request.postponement.hint",
                        &[("rule", crate::domain::law::FVL_42.full(lang))],
                    )],
                    checklist::Kind::Reasons => vec![checklist::reasons_hint(app)],
                    checklist::Kind::RepDoc(_) => vec![t(ui, "tui.attach.doc.hint")],
                    checklist::Kind::File { path, info } => {
                        vec![format!("{} – {path}", checklist::file_detail(ui, info))]
                    }
                    _ => vec![],
                };
                d.entries.push(item(it.label.clone(), detail, mark));
            }
            if let Some(e) = &c.error {
                d.errors.push(e.clone());
            }
            let add = c.step == Step::Attachments;
            d.answer = Answer::Tick { add };
            // The field below the list names an attachment or asks where the representative's
            // document is: one field, asked as a form's field is.
            if c.editing.is_some() {
                d.fields.push(FieldView {
                    label: checklist::field_label(app, c.editing)
                        .trim_end_matches(':')
                        .to_string(),
                    value: c.input.value().to_string(),
                    required: true,
                    date: false,
                    warning: None,
                    note: None,
                });
                d.answer = Answer::Field { focus: 0 };
            }
        }
        Screen::Check(_) => {
            let items = check::items(app);
            let mut ready = true;
            for it in items {
                match it {
                    check::Item::Heading { text, error } => {
                        d.entries.push(Entry::Heading(if error {
                            format!("{}: {text}", t(ui, "word.error"))
                        } else {
                            text
                        }))
                    }
                    check::Item::Problem { text, step, error } => {
                        let word = if error {
                            t(ui, "word.error")
                        } else {
                            t(ui, "word.warning")
                        };
                        let text = format!("{word}: {text}");
                        if step.is_some() {
                            d.entries.push(item(text, vec![], Mark::None));
                        } else {
                            d.entries.push(Entry::Text(text));
                        }
                    }
                    check::Item::Row { label, value, .. } => {
                        let value = value
                            .map(|v| v.replace('\n', " "))
                            .unwrap_or_else(|| t(ui, "tui.check.not-given"));
                        d.entries
                            .push(item(format!("{label}: {value}"), vec![], Mark::None));
                    }
                    check::Item::GoOn { ready: r } => ready = r,
                    check::Item::Blank => {}
                }
            }
            if !ready {
                d.errors.push(t(ui, "tui.check.fix-first"));
            }
            d.answer = Answer::Change { ready };
        }
        Screen::Preview(p) => {
            match &p.text {
                Ok(letter) => d.body = Some(letter.clone()),
                Err(e) => d.errors.push(e.clone()),
            }
            d.answer = Answer::Continue;
        }
        Screen::Done(s) => {
            d.title = t(ui, "tui.q.done.title");
            d.text.clear();
            for (format, key) in FORMATS {
                let mark = if format == s.format {
                    Mark::Chosen
                } else {
                    Mark::None
                };
                d.entries.push(item(t(ui, key), vec![], mark));
            }
            if let Some(v) = save_view(app) {
                d.errors = v.errors;
            }
            d.answer = Answer::Save;
        }
    }
    d
}

/// The formats to save in, with their labels.
const FORMATS: [(ExportFormat, &str); 3] = [
    (ExportFormat::Text, "tui.done.format-text"),
    (ExportFormat::Pdf, "tui.done.format-pdf"),
    (ExportFormat::Both, "tui.done.format-both"),
];

/// The hint of a step, where the terminal screen's hint names keys.
fn plain_hint(app: &App, step: Step) -> Option<String> {
    let id = match step {
        Step::Ground(_) => return None,
        s => s.id(),
    };
    let variant = format!("plain.q.{id}.hint{}", super::steps::hint_variant(app, step));
    let key = if has(Ui::Nb, &variant) {
        variant
    } else {
        format!("plain.q.{id}.hint")
    };
    has(Ui::Nb, &key).then(|| tr(app, &key))
}

fn modal(app: &App, m: &Modal, d: &mut Description) {
    let ui = app.ui;
    match m {
        Modal::Help(_) => {
            d.title = t(ui, "tui.help.title");
            d.text = vec![d.help.clone()];
            d.answer = Answer::Continue;
        }
        Modal::ConfirmQuit => {
            d.title = t(ui, "tui.quit.question");
            d.text = vec![t(ui, quit_text_key(app))];
            d.answer = Answer::Confirm;
        }
        Modal::ConfirmDiscard(_) => {
            d.title = t(ui, discard_text_key(app));
            d.text = vec![t(ui, "plain.discard.choices")];
            d.answer = Answer::Confirm;
        }
        Modal::ConfirmRemoveService(_, name) => {
            d.title = tf(
                ui,
                "tui.remove-service.question",
                &[("service", name.clone())],
            );
            d.text = vec![t(ui, "tui.remove-service.explain")];
            d.answer = Answer::Confirm;
        }
        Modal::ConfirmDelete(_, name) => {
            d.title = tf(ui, "tui.delete.question", &[("case", name.clone())]);
            d.text = vec![t(ui, "tui.delete.explain")];
            d.answer = Answer::Confirm;
        }
        Modal::ConfirmOverwrite(_, files) => {
            d.title = t(ui, "tui.overwrite.question");
            d.text = files.iter().map(|f| f.display().to_string()).collect();
            d.text.push(t(ui, "tui.overwrite.explain"));
            d.text.push(t(ui, "plain.overwrite.ask"));
            d.answer = Answer::Confirm;
        }
    }
}

/// The done screen's extra parts: whether a power of attorney is offered (and for whom), the base
/// of the file name, the files the choices give, and what to do next.
pub struct SaveView {
    /// The control with the focus.
    pub control: done::Control,
    /// How many controls the screen has ("Neste person" is the last).
    pub controls: usize,
    /// The controls, top to bottom, and which has the focus.
    pub all: Vec<done::Control>,
    pub focus: usize,
    /// Counter mode, "take the case with you": the folder it goes to, and the file written (or
    /// why it could not be).
    pub take_dir: String,
    pub taken: Option<Result<String, String>>,
    /// When to use "a new complaint on the same decision" (offered when it is in `all`).
    pub same_decision: String,
    /// The offer of a power of attorney, and whether it is ticked.
    pub fullmakt: Option<(String, bool)>,
    pub path: String,
    pub files: Vec<String>,
    /// Files written.
    pub saved: Vec<String>,
    /// What went wrong when saving.
    pub errors: Vec<String>,
    pub next: Vec<String>,
}

/// What the done screen offers, when it is shown.
pub fn save_view(app: &App) -> Option<SaveView> {
    let Screen::Done(s) = &app.screen else {
        return None;
    };
    let name = super::applicant_name(&app.raw);
    let fullmakt = done::fullmakt_offered(app).then(|| {
        (
            tf(app.ui, "tui.done.fullmakt", &[("name", name)]),
            s.fullmakt,
        )
    });
    let base = crate::export::base_of(s.path.value());
    let exts: &[&str] = match s.format {
        ExportFormat::Text => &["txt"],
        ExportFormat::Pdf => &["pdf"],
        ExportFormat::Both => &["txt", "pdf"],
    };
    let mut saved = Vec::new();
    let mut errors = Vec::new();
    for st in &s.status {
        match st {
            done::Status::Ok(f) => saved.push(f.clone()),
            done::Status::Error(e) => errors.push(e.clone()),
            done::Status::Info(_) => errors.push(t(app.ui, "tui.done.not-overwritten")),
        }
    }
    let controls = s.controls(app);
    Some(SaveView {
        control: controls
            .get(s.focus)
            .copied()
            .unwrap_or(done::Control::Save),
        controls: controls.len(),
        all: controls.clone(),
        focus: s.focus,
        take_dir: s.take_field().value().to_string(),
        taken: s.taken.clone(),
        same_decision: done::same_decision_hint(app),
        fullmakt,
        path: s.path.value().to_string(),
        files: exts
            .iter()
            .map(|e| crate::export::file_name(&base, e).display().to_string())
            .collect(),
        saved,
        errors,
        next: done::next_steps(app),
    })
}

/// "Steg 4 av 12: Datoene" (with "spørsmål 2 av 7" inside a part with several questions).
pub fn step_indicator_text(app: &App) -> String {
    let ui = app.ui;
    let Some(section) = app.step.section() else {
        return if app.step == Step::Done {
            t(ui, "tui.section.done")
        } else {
            t(ui, "tui.app-title")
        };
    };
    let path = app.path();
    // A question asked outside the letter's path ("Har du sendt klagen?" after saving, or from
    // the case screen) is no step of it.
    if !path.contains(&app.step) {
        return t(ui, "tui.app-title");
    }
    let mut sections: Vec<Section> = Vec::new();
    for s in path.iter().filter_map(|s| s.section()) {
        if !sections.contains(&s) {
            sections.push(s);
        }
    }
    let n = sections
        .iter()
        .position(|s| *s == section)
        .map(|i| i + 1)
        .unwrap_or(1);
    // Another service of the decision: its own title ("Tjeneste 2") and its own questions,
    // within the step where it is asked.
    let extra = match app.step {
        Step::Extra(k, _) => Some(k),
        _ => None,
    };
    let title = match extra {
        Some(k) => tf(
            ui,
            "tui.check.extra-service",
            &[("n", (usize::from(k) + 1).to_string())],
        ),
        None => t(ui, section.title_key()),
    };
    let same_part = |s: &Step| match (extra, s) {
        (Some(k), Step::Extra(j, _)) => *j == k,
        (Some(_), _) => false,
        (None, s) => s.section() == Some(section) && !matches!(s, Step::Extra(..)),
    };
    let mut text = tf(
        ui,
        "tui.step-of",
        &[
            ("n", n.to_string()),
            ("total", sections.len().to_string()),
            ("title", title),
        ],
    );
    let in_section: Vec<&Step> = path.iter().filter(|s| same_part(s)).collect();
    if in_section.len() > 1
        && let Some(i) = in_section.iter().position(|s| **s == app.step)
    {
        text.push(' ');
        text.push_str(&tf(
            ui,
            "tui.question-of",
            &[
                ("n", (i + 1).to_string()),
                ("total", in_section.len().to_string()),
            ],
        ));
    }
    text
}

/// What the quit dialog says about the answers: lost (counter mode or not saved), or kept.
pub fn quit_text_key(app: &App) -> &'static str {
    match (app.would_lose_answers(), app.counter) {
        (true, true) => "tui.quit.unsaved-counter",
        (true, false) => "tui.quit.unsaved",
        (false, true) => "tui.quit.counter",
        (false, false) => "tui.quit.kept",
    }
}

/// The question before answers are deleted to start something new: the previous person's (counter
/// mode), or answers that could not be saved.
pub fn discard_text_key(app: &App) -> &'static str {
    if app.counter {
        "tui.discard.counter"
    } else {
        "tui.discard.unsaved"
    }
}
