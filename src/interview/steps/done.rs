//! Step 13, done: save the letter as text, PDF or both (the path shown and editable; existing
//! files are never replaced without asking), and what to do next.

use std::path::PathBuf;

use crate::interview::layout::Area;
use chrono::Months;

use crate::domain::law;
use crate::domain::letter::LetterKind;
use crate::domain::routing::Route;
use crate::export::{base_of, default_file_name, file_name};
use crate::i18n::{t, tf};
use crate::interview::action::Mode;
use crate::interview::action::{Action, Effect, ExportFormat, ExportJob, ExportReport, TakeJob};
use crate::interview::layout;
use crate::interview::marks::{
    CHECKED, DONE, RADIO_OFF, RADIO_ON, SELECTED, UNCHECKED, UNSELECTED,
};
use crate::interview::text_field::TextInput;
use crate::interview::wrap as widgets;
use crate::interview::{
    App, Flow, NewCase, Step, applicant_name, date_answer, deadline, letter_date, route,
};

use super::info::law_lang;

/// The controls' lines (text, look, whether it holds the path field), the rows left for "what to
/// do next", and its lines (look, text).
type DoneLayout = (Vec<DoneLine>, u16, Vec<(u8, String)>);

/// A line of the done screen: its text, its look (0 plain, 1 focused, 2 dim, 3 success, 4 error,
/// 5 heading) and, on a line that holds a field (the letter's file, the folder to take the case
/// to), the index of its control.
pub(crate) type DoneLine = (String, u8, Option<usize>);

/// Fewer rows than this for "what to do next" below the controls (a low window: a zoomed
/// terminal at 40×15), and the screen is one page that scrolls as a whole ([`DoneState::page`]).
const MIN_TEXT_ROWS: u16 = 4;

/// The controls, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Format,
    Path,
    Fullmakt,
    Save,
    /// "Have you sent the complaint? Enter the date" (after the complaint is saved).
    Sent,
    /// To the case screen: the timeline and the other letters.
    ToCase,
    /// After the complaint is saved: a new complaint on the same decision (issue #26), for the
    /// part that needs a letter of its own.
    SameDecision,
    /// Counter mode, "take the case with you": the folder (a field, the letter's folder until
    /// another is typed, e.g. a USB stick); Enter writes the case file there. Nothing else is
    /// kept on this machine.
    Take,
    /// Counter mode: forget this person's answers and go to the start screen for the next.
    NextPerson,
}

/// A line of the status after saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Ok(String),
    Error(String),
    Info(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneState {
    pub format: ExportFormat,
    pub path: TextInput,
    /// Also write a fullmakt for the person to sign.
    pub fullmakt: bool,
    pub focus: usize,
    pub status: Vec<Status>,
    /// How far "what to do next" is scrolled.
    pub scroll: usize,
    /// Counter mode, "take the case with you": the folder typed (`None`: the letter's folder).
    pub take_dir: Option<TextInput>,
    /// Counter mode, "take the case with you": the file written, or why it could not be.
    pub taken: Option<Result<String, String>>,
}

/// A fullmakt is offered with the complaint: someone writes on another's behalf without a
/// signed one.
pub fn fullmakt_offered(app: &App) -> bool {
    app.kind == LetterKind::Complaint && rep_without_fullmakt(app)
}

/// A relative, friend or other helper writes on another's behalf without a signed power of
/// attorney (a parent, verge or lawyer needs none).
fn rep_without_fullmakt(app: &App) -> bool {
    crate::interview::rep_role(&app.raw) == crate::domain::case::Role::Fullmektig
        && app
            .raw
            .representative
            .as_ref()
            .is_some_and(|r| r.power_of_attorney != Some(true))
}

/// The person the decision is about signs the letter too: with a helper who has no fullmakt, or
/// a young person of 16 or 17 with a parent.
fn person_signs_too(app: &App) -> bool {
    if crate::interview::rep_role(&app.raw) != crate::domain::case::Role::Forelder {
        return rep_without_fullmakt(app);
    }
    let born = app
        .raw
        .applicant
        .as_ref()
        .and_then(|a| crate::interview::date_answer(a.birth_date.as_ref()));
    let on = crate::interview::letter_date(&app.raw, app.today);
    born.map(|b| crate::domain::case::age_on(b, on))
        .is_some_and(|age| (16..18).contains(&age))
}

/// "/home/kari/Dokumenter/klage-ola-hansen-2026-11-20"
pub fn default_base(app: &App) -> PathBuf {
    let name = applicant_name(&app.raw);
    app.export_dir.join(default_file_name(
        app.kind,
        &name,
        letter_date(&app.raw, app.today),
    ))
}

impl DoneState {
    pub fn new(app: &App) -> DoneState {
        DoneState {
            format: ExportFormat::Text,
            path: TextInput::new(&default_base(app).display().to_string()),
            fullmakt: fullmakt_offered(app),
            focus: 0,
            status: Vec::new(),
            scroll: 0,
            take_dir: None,
            taken: None,
        }
    }

    pub fn controls(&self, app: &App) -> Vec<Control> {
        let mut v = vec![Control::Format, Control::Path];
        if fullmakt_offered(app) {
            v.push(Control::Fullmakt);
        }
        v.push(Control::Save);
        // In counter mode the date could not be kept past this session: not asked.
        if self.saved() && app.kind == LetterKind::Complaint && !app.counter {
            v.push(Control::Sent);
        }
        v.push(Control::ToCase);
        if self.saved() && app.kind == LetterKind::Complaint {
            v.push(Control::SameDecision);
        }
        if app.counter {
            v.push(Control::Take);
            v.push(Control::NextPerson);
        }
        v
    }

    /// The folder of the letter's file field: where the case file goes until another is typed.
    /// A bare file name gives none: the person is asked for a folder, never given whatever
    /// folder the program was started in.
    fn letter_dir(&self) -> String {
        let typed = self.path.value().trim();
        match std::path::Path::new(typed).parent() {
            Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
            _ => String::new(),
        }
    }

    /// The folder field of "take the case with you", as it is shown.
    pub fn take_field(&self) -> TextInput {
        self.take_dir
            .clone()
            .unwrap_or_else(|| TextInput::new(&self.letter_dir()))
    }

    /// The case file to write for "take the case with you": the answers, to the folder in the
    /// field, named as the complaint is ("klage-kari-nordmann-2026-11-20.json").
    pub fn take_job(&self, app: &App) -> TakeJob {
        let name = default_file_name(
            LetterKind::Complaint,
            &applicant_name(&app.raw),
            letter_date(&app.raw, app.today),
        );
        TakeJob {
            ui: app.ui,
            raw: app.raw.clone(),
            dir: PathBuf::from(self.take_field().value().trim()),
            name: name.display().to_string(),
        }
    }

    /// The letter has been written to a file.
    pub fn saved(&self) -> bool {
        self.status.iter().any(|s| matches!(s, Status::Ok(_)))
    }

    pub(crate) fn control(&self, app: &App) -> Control {
        let c = self.controls(app);
        c.get(self.focus).copied().unwrap_or(Control::Save)
    }

    pub fn mode(&self, app: &App) -> Mode {
        // The letter's file and the folder to take the case to are fields.
        match self.control(app) {
            Control::Path | Control::Take => Mode::Line,
            _ => Mode::Nav,
        }
    }

    /// The export for the current choices.
    pub fn job(&self, app: &App, overwrite: bool) -> ExportJob {
        ExportJob {
            ui: app.ui,
            raw: app.raw.clone(),
            today: app.today,
            format: self.format,
            kind: app.kind,
            base: base_of(self.path.value()),
            fullmakt: self.fullmakt && fullmakt_offered(app),
            overwrite,
        }
    }

    /// The export to repeat when the person agrees to replace files.
    pub fn pending_job(&self, app: &App) -> Option<ExportJob> {
        Some(self.job(app, true))
    }

    /// The person did not want to replace files.
    pub fn not_overwritten(&mut self) {
        self.status = vec![Status::Info(String::new())];
    }

    /// The export has finished. After the complaint is saved, the question whether it has been
    /// sent has the focus (in counter mode: "Neste person").
    pub fn report(&mut self, app: &App, r: ExportReport) {
        let mut s = Vec::new();
        for f in &r.written {
            s.push(Status::Ok(f.display().to_string()));
        }
        for e in &r.errors {
            s.push(Status::Error(e.clone()));
        }
        self.status = s;
        // A page scrolled in a low window goes back to show what happened.
        self.scroll = 0;
        if r.errors.is_empty() && !r.written.is_empty() {
            let controls = self.controls(app);
            // "Har du sendt klagen?"; in counter mode "Neste person"; else on to the case.
            let want = [Control::Sent, Control::NextPerson, Control::ToCase];
            if let Some(i) = want
                .iter()
                .find_map(|w| controls.iter().position(|c| c == w))
            {
                self.focus = i;
            }
        }
    }

    pub fn fit(&mut self, app: &App) {
        let area = layout::body_area(app);
        if let Some((lines, first)) = self.page(app, area) {
            let max = lines.len().saturating_sub(usize::from(area.height));
            self.scroll = self.scroll.min(max.saturating_sub(first));
            return;
        }
        let (_, text_h, lines) = self.layout(app, area);
        self.scroll = self
            .scroll
            .min(lines.len().saturating_sub(usize::from(text_h)));
    }

    /// Whether PgUp/PgDn show anything more (else they are not offered).
    pub fn scrolls(&self, app: &App, area: Area) -> bool {
        if let Some((lines, _)) = self.page(app, area) {
            return lines.len() > usize::from(area.height);
        }
        let (_, text_h, lines) = self.layout(app, area);
        lines.len() > usize::from(text_h) || self.scroll > 0
    }

    /// In a low window, where the controls leave too few rows for "what to do next": the whole
    /// screen as one page (the controls, a blank line, "what to do next"), and the first line
    /// shown before PgDn. That line keeps the focused control in view; after saving, the page
    /// starts at "✓ Saved …", so that it is seen together with the question below it and the
    /// heading "what to do next". `None` when the window has room for both parts.
    pub(crate) fn page(&self, app: &App, area: Area) -> Option<(Vec<DoneLine>, usize)> {
        let ((top, text_h, next), spans) = self.layout_spans(app, area);
        if text_h >= MIN_TEXT_ROWS {
            return None;
        }
        let h = usize::from(area.height.max(1));
        let controls = self.controls(app);
        let (s, e) = spans.get(self.focus).copied().unwrap_or((0, 1));
        let save = controls.iter().position(|c| *c == Control::Save);
        let anchor = match save {
            // The status lines follow the save button's own line.
            Some(i) if self.focus > i && !self.status.is_empty() => spans[i].0 + 1,
            _ => s,
        };
        let first = if e <= h {
            0
        } else {
            anchor.max(e.saturating_sub(h))
        };
        let mut lines = top;
        lines.extend(next.into_iter().map(|(kind, l)| (l, kind, None)));
        let first = first.min(lines.len().saturating_sub(h));
        Some((lines, first))
    }

    /// In a low window scrolled with PgDn so far that the focused control is out of sight.
    fn focus_hidden(&self, app: &App) -> bool {
        let area = layout::body_area(app);
        let Some((lines, first)) = self.page(app, area) else {
            return false;
        };
        let h = usize::from(area.height.max(1));
        let off = (first + self.scroll).min(lines.len().saturating_sub(h));
        let (_, spans) = self.layout_spans(app, area);
        let (s, e) = spans.get(self.focus).copied().unwrap_or((0, 1));
        s < off || e > off + h
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let controls = self.controls(app);
        let last = controls.len() - 1;
        let control = self.control(app);
        let save = |s: &Self, app: &App| Flow::Effect(Effect::Export(Box::new(s.job(app, false))));
        match action {
            Action::Back => return Flow::Back,
            Action::Up | Action::BackTab => {
                self.focus = self.focus.saturating_sub(1);
                self.scroll_with_focus(app);
            }
            Action::Down | Action::Tab => {
                self.focus = (self.focus + 1).min(last);
                self.scroll_with_focus(app);
            }
            Action::PageDown => self.scroll += 5,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(5),
            // A key for the focused control while it is scrolled out of sight: first back to
            // it, so that nothing happens that the person did not see.
            Action::Enter
            | Action::Char(_)
            | Action::Left
            | Action::Right
            | Action::Paste(_)
            | Action::Backspace
            | Action::Delete
            | Action::ClearLine
                if self.focus_hidden(app) =>
            {
                self.scroll = 0
            }
            _ => match control {
                Control::Format => {
                    let i = ExportFormat::ALL
                        .iter()
                        .position(|f| *f == self.format)
                        .unwrap_or(0);
                    match action {
                        Action::Left => self.format = ExportFormat::ALL[i.saturating_sub(1)],
                        Action::Right | Action::Char(' ') => {
                            self.format = ExportFormat::ALL[(i + 1) % ExportFormat::ALL.len()]
                        }
                        Action::Char(c @ '1'..='3') => {
                            self.format = ExportFormat::ALL[(c as usize) - ('1' as usize)]
                        }
                        Action::Enter => self.focus += 1,
                        _ => {}
                    }
                }
                Control::Path => match action {
                    Action::Enter => return save(self, app),
                    other => {
                        self.path.handle(&other);
                    }
                },
                Control::Fullmakt => {
                    if matches!(action, Action::Enter | Action::Char(' ')) {
                        self.fullmakt = !self.fullmakt;
                    }
                }
                Control::Save => {
                    if matches!(action, Action::Enter | Action::Char(' ')) {
                        return save(self, app);
                    }
                }
                Control::Sent => {
                    if matches!(action, Action::Enter | Action::Char(' ')) {
                        return Flow::Visit(Step::Sent);
                    }
                }
                Control::ToCase => {
                    if matches!(action, Action::Enter | Action::Char(' ')) {
                        app.resume = Some((app.kind, Step::Done));
                        return Flow::Goto(Step::Case);
                    }
                }
                Control::SameDecision => {
                    if matches!(action, Action::Enter | Action::Char(' ')) {
                        let carers_own = crate::interview::same_decision::is_carers_own(&app.raw);
                        let raw = crate::interview::same_decision::carry(&app.raw);
                        return Flow::NewCase(NewCase::SameDecision(
                            Box::new(raw),
                            app.ui,
                            carers_own,
                        ));
                    }
                }
                Control::Take => match action {
                    Action::Enter => {
                        return Flow::Effect(Effect::TakeCase(Box::new(self.take_job(app))));
                    }
                    other => {
                        let dir = self.letter_dir();
                        self.take_dir
                            .get_or_insert_with(|| TextInput::new(&dir))
                            .handle(&other);
                    }
                },
                Control::NextPerson => {
                    if matches!(action, Action::Enter | Action::Char(' ')) {
                        return Flow::NewCase(NewCase::Start);
                    }
                }
            },
        }
        Flow::Stay
    }

    /// In a low window the page follows the focus: scrolled back to show the focused control.
    fn scroll_with_focus(&mut self, app: &App) {
        if self.page(app, layout::body_area(app)).is_some() {
            self.scroll = 0;
        }
    }

    /// The file names the current choices give.
    fn files(&self) -> Vec<PathBuf> {
        let base = base_of(self.path.value());
        match self.format {
            ExportFormat::Text => vec![file_name(&base, "txt")],
            ExportFormat::Pdf => vec![file_name(&base, "pdf")],
            ExportFormat::Both => vec![file_name(&base, "txt"), file_name(&base, "pdf")],
        }
    }

    /// The controls' lines, the height left for "what to do next", and its lines.
    pub(crate) fn layout(&self, app: &App, area: Area) -> DoneLayout {
        self.layout_spans(app, area).0
    }

    /// [`layout`](Self::layout), and for each control the range of the lines it takes.
    fn layout_spans(&self, app: &App, area: Area) -> (DoneLayout, Vec<(usize, usize)>) {
        let ui = app.ui;
        let w = area.width;
        let mut top: Vec<(String, u8, Option<usize>)> = Vec::new();
        let controls = self.controls(app);
        let mut spans = Vec::new();
        for (i, c) in controls.iter().enumerate() {
            let start = top.len();
            let sel = i == self.focus;
            let mark = if sel { SELECTED } else { UNSELECTED };
            let kind = u8::from(sel);
            match c {
                Control::Format => {
                    let opts: Vec<String> = ExportFormat::ALL
                        .iter()
                        .map(|f| {
                            let r = if *f == self.format {
                                RADIO_ON
                            } else {
                                RADIO_OFF
                            };
                            let key = match f {
                                ExportFormat::Text => "tui.done.format-text",
                                ExportFormat::Pdf => "tui.done.format-pdf",
                                ExportFormat::Both => "tui.done.format-both",
                            };
                            format!("{r}{}", t(ui, key))
                        })
                        .collect();
                    // The choices on as few lines as the width allows, never cut.
                    let mut line = format!("{mark}{}", t(ui, "tui.done.format"));
                    let indent = " ".repeat(line.chars().count() + 1);
                    for (n, o) in opts.iter().enumerate() {
                        let sep = if n == 0 { " " } else { "  " };
                        let len = line.chars().count();
                        if n > 0 && len + sep.len() + o.chars().count() > usize::from(w) {
                            top.push((std::mem::take(&mut line), kind, None));
                            line = format!("{indent}{o}");
                        } else {
                            line = format!("{line}{sep}{o}");
                        }
                    }
                    top.push((line, kind, None));
                }
                Control::Path => {
                    top.push((format!("{mark}{}", t(ui, "tui.done.file")), kind, Some(i)));
                    let names: Vec<String> = self
                        .files()
                        .iter()
                        .map(|p| {
                            p.file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default()
                        })
                        .collect();
                    let s = tf(ui, "tui.done.will-be", &[("files", names.join(", "))]);
                    for l in widgets::wrap_hanging(&s, w, "    ") {
                        top.push((l, 2, None));
                    }
                }
                Control::Fullmakt => {
                    let cb = if self.fullmakt { CHECKED } else { UNCHECKED };
                    let name = applicant_name(&app.raw);
                    let s = tf(ui, "tui.done.fullmakt", &[("name", name)]);
                    for l in widgets::wrap_hanging(&s, w, &format!("{mark}{cb}")) {
                        top.push((l, kind, None));
                    }
                }
                Control::Save => {
                    top.push((format!("{mark}[ {} ]", t(ui, "tui.done.save")), kind, None));
                    for st in &self.status {
                        let (text, kind) = match st {
                            Status::Ok(f) => (
                                format!(
                                    "{DONE}{}",
                                    tf(ui, "tui.done.saved", &[("file", f.clone())])
                                ),
                                3,
                            ),
                            Status::Error(e) => (format!("{}: {e}", t(ui, "word.error")), 4),
                            Status::Info(_) => (t(ui, "tui.done.not-overwritten"), 2),
                        };
                        for l in widgets::wrap(&text, w) {
                            top.push((l, kind, None));
                        }
                    }
                }
                Control::Sent => {
                    let s = format!("[ {} ]", t(ui, "tui.done.sent-ask"));
                    for l in widgets::wrap_hanging(&s, w, mark) {
                        top.push((l, kind, None));
                    }
                    if let Some(d) = date_answer(app.raw.sent.as_ref()) {
                        let s = tf(
                            ui,
                            "tui.done.sent-now",
                            &[("date", crate::domain::dates::in_words(d, ui.code()))],
                        );
                        for l in widgets::wrap_hanging(&s, w, &format!("  {DONE}")) {
                            top.push((l, 3, None));
                        }
                    }
                }
                Control::ToCase => {
                    let s = format!("[ {} ]", t(ui, "tui.done.to-case"));
                    for l in widgets::wrap_hanging(&s, w, mark) {
                        top.push((l, kind, None));
                    }
                }
                Control::SameDecision => {
                    let s = format!("[ {} ]", t(ui, "tui.done.same-decision"));
                    for l in widgets::wrap_hanging(&s, w, mark) {
                        top.push((l, kind, None));
                    }
                    if sel {
                        let s = same_decision_hint(app);
                        for l in widgets::wrap_hanging(&s, w, "    ") {
                            top.push((l, 2, None));
                        }
                    }
                }
                Control::Take => {
                    top.push((format!("{mark}{}", t(ui, "tui.done.take")), kind, None));
                    top.push((
                        format!("    {}", t(ui, "tui.done.take.folder")),
                        kind,
                        Some(i),
                    ));
                    let (text, look) = match &self.taken {
                        None if sel => (t(ui, "tui.done.take.hint"), 2),
                        None => (String::new(), 2),
                        Some(Ok(f)) => (
                            format!("{DONE}{}", tf(ui, "tui.done.taken", &[("file", f.clone())])),
                            3,
                        ),
                        Some(Err(e)) => (format!("{}: {e}", t(ui, "word.error")), 4),
                    };
                    if !text.is_empty() {
                        for l in widgets::wrap_hanging(&text, w, "    ") {
                            top.push((l, look, None));
                        }
                    }
                }
                Control::NextPerson => {
                    let s = format!("[ {} ]", t(ui, "tui.done.next-person"));
                    for l in widgets::wrap_hanging(&s, w, mark) {
                        top.push((l, kind, None));
                    }
                    if sel {
                        let s = t(ui, "tui.done.next-person.hint");
                        for l in widgets::wrap_hanging(&s, w, "    ") {
                            top.push((l, 2, None));
                        }
                    }
                }
            }
            // "Ta med saken" is seen when its name and its folder are: its words below may take
            // more rows than a low window has, and follow with PgDn.
            let end = match c {
                Control::Take => (start + 2).min(top.len()),
                _ => top.len(),
            };
            spans.push((start, end));
        }
        top.push((String::new(), 0, None));
        let used = u16::try_from(top.len() + 1).unwrap_or(0);
        let text_h = area.height.saturating_sub(used);
        let mut lines = vec![(5, t(ui, "tui.done.next-heading"))];
        for (i, p) in next_steps(app).iter().enumerate() {
            let first = format!("{}. ", i + 1);
            for l in widgets::wrap_hanging(p, w, &first) {
                lines.push((0, l));
            }
        }
        ((top, text_h, lines), spans)
    }
}

/// When to use "a new complaint on the same decision": another service of the decision that
/// needs its own letter; after a carer's own complaint, the part the cared-for person complains
/// about (issue #26).
pub fn same_decision_hint(app: &App) -> String {
    let ui = app.ui;
    if crate::interview::same_decision::is_carers_own(&app.raw) {
        let name = app
            .raw
            .cared_for
            .as_ref()
            .and_then(|c| c.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| t(ui, "tui.done.same-decision.the-person"));
        tf(ui, "tui.done.same-decision.hint-carer", &[("name", name)])
    } else {
        t(ui, "tui.done.same-decision.hint")
    }
}

/// What to do next after a follow-up letter, in plain words (FACTS.md sections 5, 6 and 8).
fn next_steps_followup(app: &App) -> Vec<String> {
    let ui = app.ui;
    let lang = law_lang(ui);
    let name = applicant_name(&app.raw);
    let municipality = send_to(app);
    let mut v = Vec::new();
    if app.kind == LetterKind::Fullmakt {
        v.push(tf(ui, "tui.next.fullmakt-sign", &[("name", name)]));
        v.push(t(ui, "tui.next.fullmakt-keep"));
        return v;
    }
    v.push(if person_signs_too(app) {
        tf(ui, "tui.next.sign-both", &[("name", name)])
    } else {
        t(ui, "tui.next.sign")
    });
    v.push(tf(
        ui,
        "tui.next.send-letter",
        &[("municipality", municipality)],
    ));
    match app.kind {
        // Asking for reasons stops no deadline for a refusal or a cut (fvl § 29 tredje ledd
        // covers only a decision granted in full, FACTS.md section 1): complain in time anyway.
        LetterKind::Reasons => v.push(match route(&app.raw) {
            Some(Route::Klagenemnd) => tf(
                ui,
                "tui.next.reasons-deadline",
                &[("rule", law::FVL_29.full(lang))],
            ),
            _ => tf(
                ui,
                "tui.next.reasons-deadline-a",
                &[("rule", law::PBRL_7_5.full(lang))],
            ),
        }),
        LetterKind::Postponement => v.push(t(ui, "tui.next.postponement-soon")),
        _ => {}
    }
    v.push(t(ui, "tui.next.copy-letter"));
    v.push(t(ui, "tui.next.help-ombud"));
    v.push(tf(
        ui,
        "tui.next.help-municipality",
        &[("rule", law::FVL_11.full(lang))],
    ));
    v
}

/// What to do next, in plain words (FACTS.md sections 1 and 8).
/// The PDF chosen carries the attachments' files (the envelope).
fn bundles(app: &App) -> bool {
    let files = app
        .raw
        .attachments
        .iter()
        .flatten()
        .any(|a| a.file().is_some());
    files
        && matches!(&app.screen, crate::interview::steps::Screen::Done(d) if d.format != ExportFormat::Text)
}

pub fn next_steps(app: &App) -> Vec<String> {
    if app.kind != LetterKind::Complaint {
        return next_steps_followup(app);
    }
    let ui = app.ui;
    let lang = law_lang(ui);
    let raw = &app.raw;
    let mut v = Vec::new();
    let name = applicant_name(raw);
    v.push(if person_signs_too(app) {
        tf(ui, "tui.next.sign-both", &[("name", name)])
    } else {
        t(ui, "tui.next.sign")
    });
    let municipality = send_to(app);
    v.push(tf(ui, "tui.next.send", &[("municipality", municipality)]));
    if bundles(app) {
        v.push(t(ui, "tui.done.bundled"));
    }
    if let Some(dl) = deadline(raw) {
        let today = letter_date(raw, app.today);
        let key = if today > dl.last_day {
            "tui.next.deadline-passed"
        } else {
            "tui.next.deadline"
        };
        v.push(tf(
            ui,
            key,
            &[
                (
                    "date",
                    crate::domain::dates::with_weekday(dl.last_day, ui.code()),
                ),
                ("rule", law::FVL_30.full(lang)),
            ],
        ));
    }
    v.push(t(ui, "tui.next.copy"));
    // One month from the day the complaint is sent, not from today: before it is sent, in words.
    match date_answer(raw.sent.as_ref()).and_then(|s| s.checked_add_months(Months::new(1))) {
        Some(month) => v.push(tf(
            ui,
            "tui.next.answer",
            &[
                ("date", crate::domain::dates::in_words(month, ui.code())),
                ("rule", law::FVL_11_A.full(lang)),
            ],
        )),
        None => v.push(tf(
            ui,
            "tui.next.answer-unsent",
            &[("rule", law::FVL_11_A.full(lang))],
        )),
    }
    match route(raw).unwrap_or(Route::Statsforvalteren) {
        Route::Statsforvalteren => {
            let office = super::municipality::chosen(app)
                .map(|m| m.statsforvalteren(ui == crate::i18n::Ui::Nn))
                .unwrap_or_else(|| t(ui, "tui.next.statsforvalteren"));
            v.push(tf(ui, "tui.next.forward-a", &[("office", office)]));
            v.push(t(ui, "tui.next.help-ombud"));
        }
        Route::Klagenemnd => v.push(t(ui, "tui.next.forward-b")),
    }
    v.push(tf(
        ui,
        "tui.next.help-municipality",
        &[("rule", law::FVL_11.full(lang))],
    ));
    v
}

/// Who the complaint is sent to, as the letter is addressed: the municipality, or in Oslo
/// "Oslo kommune, bydel Grünerløkka" (FACTS.md §9; the same words as the case screen and
/// `cases list`); "kommunen" while no municipality is chosen.
fn send_to(app: &App) -> String {
    crate::summary::send_to(&app.raw).unwrap_or_else(|| t(app.ui, "tui.next.the-municipality"))
}
