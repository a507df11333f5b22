//! Long texts in a multi-line text box ([`TextBox`]): the guided prompts of "why the decision
//! is wrong" (step 7, each optional, at least one), what the person asks for (step 8, with the
//! sentence the letter will use when it is left empty), and why a late complaint is late.
//!
//! Enter makes a new line (a blank line is a new paragraph); Tab goes on; Ctrl+E opens the text
//! in the person's own editor.

use crate::domain::case::{self, Ground, RawCase};
use crate::domain::letter::Block as LetterBlock;
use crate::i18n::{t, tf};
use crate::interview::action::{Action, Effect};
use crate::interview::text_box::TextBox;
use crate::interview::{App, Flow, Step, letter_ui, services};
use crate::render;
use crate::step::ExtraPart;

/// The most characters a long text takes (about four pages). With every field at its limit a
/// draft still fits within [`case::MAX_BYTES`], so whatever the wizard saves it can open again
/// (tested in `tests/store.rs`).
pub const MAX_LONG_CHARS: usize = 10_000;

/// What the person is told when a text was longer than [`MAX_LONG_CHARS`].
pub fn too_long_message(ui: crate::i18n::Ui) -> String {
    tf(
        ui,
        "tui.long.too-long",
        &[("max", crate::i18n::grouped(MAX_LONG_CHARS as i64))],
    )
}

pub struct LongState {
    pub step: Step,
    /// The text and its cursor.
    pub text: TextBox,
    /// The theme the box is drawn in: the one chosen when the screen opened.
    pub theme: crate::interview::ThemeName,
    /// Why the person cannot go on yet.
    pub error: Option<String>,
    /// A message from the external editor.
    pub note: Option<String>,
}

/// The text of a step in the case.
pub fn get(step: Step, raw: &RawCase) -> Option<String> {
    match step {
        Step::Ground(g) => raw.grounds.as_ref().and_then(|x| x.get(g).cloned()),
        Step::Outcome => raw.outcome.clone(),
        Step::Extra(k, ExtraPart::Outcome) => services::item(raw, usize::from(k)).outcome,
        Step::LateReason => raw.late_reason.clone(),
        Step::Supplement => raw.supplement.clone(),
        _ => None,
    }
}

fn set(step: Step, raw: &mut RawCase, value: Option<String>) {
    match step {
        Step::Ground(g) => *raw.grounds.get_or_insert_with(Default::default).get_mut(g) = value,
        Step::Outcome => raw.outcome = value,
        Step::Extra(k, ExtraPart::Outcome) => {
            services::with_item(raw, usize::from(k), |v| v.outcome = value)
        }
        Step::LateReason => raw.late_reason = value,
        Step::Supplement => raw.supplement = value,
        _ => {}
    }
}

/// At least one of the grounds has text.
pub fn has_grounds(raw: &RawCase) -> bool {
    raw.grounds.as_ref().is_some_and(|g| {
        Ground::ALL
            .iter()
            .any(|x| g.get(*x).is_some_and(|t| !t.trim().is_empty()))
    })
}

/// Line breaks as the editor keeps them.
fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn new_box(text: &str) -> TextBox {
    TextBox::new(&normalise(text))
}

impl LongState {
    pub fn new(step: Step, app: &App) -> LongState {
        let text = get(step, &app.raw).unwrap_or_default();
        LongState {
            step,
            text: new_box(&text),
            theme: app.theme,
            error: None,
            note: None,
        }
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.text.text()
    }

    /// Characters in the text, line breaks included.
    fn chars(&self) -> usize {
        self.text.chars()
    }

    fn too_long(&mut self, app: &App) {
        self.error = Some(too_long_message(app.ui));
    }

    fn write(&self, app: &mut App) {
        let text = self.text();
        let value = (!text.trim().is_empty()).then_some(text);
        let step = self.step;
        app.edit(|r| set(step, r, value));
    }

    /// Go on to the next screen, unless an answer is needed here.
    fn go_on(&mut self, app: &App) -> Flow {
        self.error = None;
        if self.step == Step::Ground(Ground::Other) && !has_grounds(&app.raw) {
            self.error = Some(t(app.ui, "tui.error.no-grounds"));
            return Flow::Stay;
        }
        if self.step == Step::LateReason && self.text().trim().is_empty() {
            self.error = Some(t(app.ui, "tui.error.late-reason"));
            return Flow::Stay;
        }
        // The last question about another service: back to the list of the decision's
        // services (unless an answer is being changed from check answers).
        if matches!(self.step, Step::Extra(_, ExtraPart::Outcome)) && !app.changing {
            return Flow::Goto(Step::Services);
        }
        Flow::Next
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        match action {
            Action::Back | Action::BackTab => return Flow::Back,
            Action::Tab => return self.go_on(app),
            Action::Editor => return Flow::Effect(Effect::Editor(self.text())),
            // Enter is always a line break (a blank line is a new paragraph); Tab goes on.
            // Full: typing more is refused, and the person is told (deleting still works).
            Action::Edit(key) if key.is_typing() && self.chars() >= MAX_LONG_CHARS => {
                self.too_long(app);
            }
            Action::Edit(key) => {
                self.note = None;
                if self.text.key(key) {
                    self.error = None;
                    self.write(app);
                }
            }
            Action::Paste(s) => {
                let s = normalise(&s);
                let room = MAX_LONG_CHARS.saturating_sub(self.chars());
                let cut = s.chars().count() > room;
                let s: String = s.chars().take(room).collect();
                if self.text.insert_str(&s) {
                    self.error = None;
                    self.write(app);
                }
                if cut {
                    self.too_long(app);
                }
            }
            _ => {}
        }
        Flow::Stay
    }

    /// The external editor has finished.
    pub fn editor_done(&mut self, app: &mut App, result: Result<String, String>) {
        match result {
            Ok(text) => {
                let text = normalise(&text);
                let text = text.strip_suffix('\n').unwrap_or(&text);
                let cut = text.chars().count() > MAX_LONG_CHARS;
                let text: String = text.chars().take(MAX_LONG_CHARS).collect();
                self.text = new_box(&text);
                self.note = Some(t(app.ui, "tui.editor.done"));
                self.error = None;
                self.write(app);
                if cut {
                    self.too_long(app);
                }
            }
            Err(e) => self.note = Some(tf(app.ui, "tui.editor.failed", &[("reason", e)])),
        }
    }
}

/// What the letter says when the person leaves "what you ask for" empty: the letter is made
/// with stand-ins for answers not given yet, and the sentence is taken from it.
pub fn suggestion(app: &App) -> Option<String> {
    const MARK: &str = "OMSORGSKLAGE-MARK";
    let ui = letter_ui(&app.raw);
    let mut raw = app.raw.clone();
    // The first service's sentence (the other services of the decision have their own).
    raw.services = None;
    raw.service.as_ref()?;
    raw.situation.as_ref()?;
    let stand_in = t(ui, "tui.outcome.stand-in");
    let name = t(ui, "tui.outcome.stand-in-name");
    let fill = |v: &mut Option<String>, with: &str| {
        if v.as_deref().is_none_or(|s| s.trim().is_empty()) {
            *v = Some(with.to_string());
        }
    };
    let a = raw.applicant.get_or_insert_with(Default::default);
    fill(&mut a.name, &name);
    a.address = Some(stand_in.clone());
    a.postcode = Some("0000".into());
    a.city = Some(stand_in.clone());
    a.birth_date = None;
    if let Some(r) = raw.representative.as_mut() {
        r.name = Some(stand_in.clone());
        r.address = Some(stand_in.clone());
        r.postcode = Some("0000".into());
        r.city = Some(stand_in.clone());
    }
    raw.municipality = Some(case::RawMunicipality {
        number: Some("0301".into()),
        name: None,
        address: None,
        district: None,
    });
    let d = raw.decision.get_or_insert_with(Default::default);
    let today = app.today.format("%Y-%m-%d").to_string();
    d.date = Some(today.clone());
    d.received = Some(today);
    raw.late_reason = Some(stand_in.clone());
    fill(&mut raw.service_other, &stand_in);
    let g = raw.grounds.get_or_insert_with(Default::default);
    g.other = Some(stand_in);
    raw.letter_date = None;
    raw.outcome = None;
    let blocks = |raw: &RawCase| -> Option<Vec<LetterBlock>> {
        let case = case::check(raw, app.today).case?;
        Some(render::complaint(&case).ok()?.blocks)
    };
    let plain = blocks(&raw)?;
    raw.outcome = Some(MARK.into());
    let marked = blocks(&raw)?;
    let i = marked
        .iter()
        .position(|b| *b == LetterBlock::Paragraph(MARK.into()))?;
    match plain.get(i) {
        Some(LetterBlock::Paragraph(p)) => Some(p.clone()),
        _ => None,
    }
}
