//! The case screen: who and what the case is about, its timeline (decision, deadline, when the
//! complaint was sent, when an answer is due), and what to do now: go on with the complaint,
//! say when it was sent, or write one of the follow-up letters (innsyn, begrunnelse, utsatt
//! iverksetting, purring, tilleggsopplysninger, fullmakt). Shown when a saved case is opened, from
//! "write another letter" on the start screen, and from the done screen.

use crate::domain::dates;
use crate::domain::letter::LetterKind;
use crate::i18n::{t, tf};
use crate::interview::action::Action;
use crate::interview::list::{self, Keys};
use crate::interview::{App, Flow, Step, date_answer, is_new_case};

use super::tr;

/// What the person can do from the case screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Go on with a follow-up letter where the saved case stopped.
    Resume(LetterKind, Step),
    /// Write (or go on with, or look over) a letter.
    Letter(LetterKind),
    /// Say when the complaint was sent.
    Sent,
}

/// One choice with its label and explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    pub choice: Choice,
    pub label: String,
    pub hint: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseState {
    pub selected: usize,
}

/// The name of a letter in the interface language ("Krav om innsyn").
pub fn letter_name(app: &App, kind: LetterKind) -> String {
    t(app.ui, &format!("tui.letter.{}", kind.id()))
}

/// The follow-up letters that make sense for this case: postponement only for a service that is
/// cut or stopped (or when what happened is not known yet).
fn followups(app: &App) -> Vec<LetterKind> {
    // Some service of the decision is cut or stopped, or what happened is not known yet.
    let cut = app.raw.situation.is_none() || crate::interview::services::any_cut(&app.raw);
    [
        LetterKind::Innsyn,
        LetterKind::Reasons,
        LetterKind::Postponement,
        LetterKind::Reminder,
        LetterKind::Supplement,
        LetterKind::Fullmakt,
    ]
    .into_iter()
    .filter(|k| *k != LetterKind::Postponement || cut)
    .collect()
}

/// The choices, top to bottom.
pub fn options(app: &App) -> Vec<Opt> {
    let ui = app.ui;
    let new = is_new_case(&app.raw);
    let mut v = Vec::new();
    let resume = app.resume().filter(|(_, s)| *s != Step::Done);
    if let Some((kind, step)) = resume.filter(|(k, _)| *k != LetterKind::Complaint) {
        v.push(Opt {
            choice: Choice::Resume(kind, step),
            label: tf(ui, "tui.case.resume", &[("letter", letter_name(app, kind))]),
            hint: t(ui, "tui.case.resume.hint"),
        });
    }
    // Saved, or even sent: looked over rather than gone on with.
    let complaint_done = app.raw.sent.is_some()
        || app
            .resume()
            .is_some_and(|(k, s)| k == LetterKind::Complaint && s == Step::Done);
    let key = if new {
        "tui.case.complaint-new"
    } else if complaint_done {
        "tui.case.complaint-again"
    } else {
        "tui.case.complaint-go-on"
    };
    v.push(Opt {
        choice: Choice::Letter(LetterKind::Complaint),
        label: t(ui, key),
        hint: t(ui, &format!("{key}.hint")),
    });
    // In counter mode the date could not be kept past this session: not offered.
    if !new && !app.counter {
        let sent = date_answer(app.raw.sent.as_ref());
        v.push(Opt {
            choice: Choice::Sent,
            label: match sent {
                Some(d) => tf(
                    ui,
                    "tui.case.sent-change",
                    &[("date", dates::in_words(d, ui.code()))],
                ),
                None => t(ui, "tui.case.sent"),
            },
            hint: t(ui, "tui.case.sent.hint"),
        });
    }
    for kind in followups(app) {
        v.push(Opt {
            choice: Choice::Letter(kind),
            label: letter_name(app, kind),
            hint: tr(app, &format!("tui.letter.{}.hint", kind.id())),
        });
    }
    v
}

/// The case in one line ("Ola Hansen – hjemmesykepleie"), when there is something to name.
pub fn subject(app: &App) -> Option<String> {
    if is_new_case(&app.raw) {
        return None;
    }
    Some(format!(
        "{} – {}",
        crate::summary::person_label(app.ui, &app.raw),
        // Every service of the decision ("omsorgsstønad og avlastning").
        crate::summary::service_label(app.ui, &crate::interview::services::to_file(&app.raw))
    ))
}

/// Where the complaint is sent ("Klagen sendes til Oslo kommune, bydel Grünerløkka."), for a
/// saved case whose municipality is known: the same words as the done screen and `cases list`
/// (`summary::send_to`).
pub fn send_line(app: &App) -> Option<String> {
    if is_new_case(&app.raw) {
        return None;
    }
    let to = crate::summary::send_to(&app.raw)?;
    Some(tf(app.ui, "tui.case.send-to", &[("to", to)]))
}

/// The timeline lines (empty for a case without dates).
pub fn timeline(app: &App) -> Vec<String> {
    crate::timeline::lines(app.ui, &app.raw, app.today)
}

impl CaseState {
    pub fn new(_app: &App) -> CaseState {
        CaseState { selected: 0 }
    }

    fn choose(app: &mut App, choice: Choice) -> Flow {
        match choice {
            Choice::Sent => Flow::Visit(Step::Sent),
            Choice::Resume(kind, _) => Flow::Goto(app.start_letter(kind)),
            Choice::Letter(kind) => {
                if kind != LetterKind::Complaint {
                    // A new follow-up letter starts from its first question, not where an
                    // earlier one stopped.
                    app.resume = app.resume.filter(|(k, _)| *k == LetterKind::Complaint);
                }
                Flow::Goto(app.start_letter(kind))
            }
        }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let opts = options(app);
        if list::cursor(&mut self.selected, opts.len(), &action, Keys::CHOICES) {
            return Flow::Stay;
        }
        match action {
            Action::Enter | Action::Char(' ') => {
                if let Some(o) = opts.get(self.selected) {
                    return Self::choose(app, o.choice);
                }
            }
            Action::Char(c) if c.is_ascii_digit() => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if i >= 1 && i <= opts.len() {
                    self.selected = i - 1;
                    return Self::choose(app, opts[i - 1].choice);
                }
            }
            Action::Back => return Flow::Goto(Step::Start),
            _ => {}
        }
        Flow::Stay
    }
}
