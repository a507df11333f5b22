//! Screens that ask one question with a few answers: the letter's language, who is writing,
//! the power of attorney, the carer's own complaint, the law the decision cites, and what
//! happened (situation).

use crate::domain::routing::Route;
use crate::domain::situation::Situation;
use crate::i18n::t;
use crate::interview::action::Action;
use crate::interview::list::{self, Keys};
use crate::interview::{App, Flow, Step, chosen_service, services};
use crate::step::ExtraPart;

use super::tr;

/// One answer: its value in the case file (or a marker), its label and an explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    pub value: &'static str,
    pub label: String,
    pub hint: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceState {
    pub step: Step,
    pub selected: usize,
    /// The highlight is shown. What the writer is by law starts with nothing chosen (like the
    /// service list): until an arrow key or a number, Enter chooses nothing and says so.
    pub picked: bool,
    /// Why the last Enter chose nothing.
    pub error: Option<String>,
}

/// The answers for a step.
pub fn options(step: Step, app: &App) -> Vec<Opt> {
    let o = |value: &'static str, key: &str| Opt {
        value,
        label: tr(app, key),
        hint: {
            let h = format!("{key}.hint");
            if crate::i18n::has(crate::i18n::Ui::Nb, &h) {
                tr(app, &h)
            } else {
                String::new()
            }
        },
    };
    match step {
        Step::LetterLang => vec![o("nb", "tui.opt.letter-nb"), o("nn", "tui.opt.letter-nn")],
        // Who complains, asked once before the details: the person the decision is about
        // (alone, or someone writes for them), or a carer in their own name (alone, or helped).
        Step::Who => vec![
            o("self", "tui.opt.who-self"),
            o("rep", "tui.opt.who-rep"),
            o("carer", "tui.opt.who-carer"),
            o("carer-helped", "tui.opt.who-helper"),
        ],
        Step::Role => vec![
            o("forelder", "tui.opt.role-forelder"),
            o("verge", "tui.opt.role-verge"),
            o("advokat", "tui.opt.role-advokat"),
            o("fullmektig", "tui.opt.role-fullmektig"),
        ],
        Step::Fullmakt => vec![
            o("yes", "tui.opt.fullmakt-yes"),
            o("no", "tui.opt.fullmakt-no"),
        ],
        Step::Carer => vec![o("no", "tui.opt.carer-no"), o("yes", "tui.opt.carer-yes")],
        Step::RouteLaw => vec![
            o("statsforvalteren", "tui.opt.route-hol"),
            o("klagenemnd", "tui.opt.route-fvl"),
            o("unknown", "tui.opt.route-unknown"),
        ],
        Step::Services => super::services::overview_options(app)
            .into_iter()
            .map(|(value, label, hint)| Opt { value, label, hint })
            .collect(),
        Step::Situation | Step::Extra(_, ExtraPart::Situation) => {
            let raw = match step {
                Step::Extra(k, _) => services::view(&app.raw, usize::from(k)),
                _ => std::borrow::Cow::Borrowed(&app.raw),
            };
            let waiting = chosen_service(&raw).is_some_and(|s| s.waiting_list)
                || raw.situation.as_deref() == Some("venteliste");
            Situation::ALL
                .into_iter()
                .filter(|s| *s != Situation::Venteliste || waiting)
                .map(|s| o(s.id(), &format!("tui.opt.situation-{}", s.id())))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The answer given so far, as an index into [`options`].
pub fn current(step: Step, app: &App) -> Option<usize> {
    let raw = &app.raw;
    let value: Option<&str> = match step {
        Step::LetterLang => raw.language.as_deref(),
        Step::Who => {
            let carer = raw.complainant_is_carer == Some(true);
            if carer && raw.representative.is_some() {
                Some("carer-helped")
            } else if carer {
                Some("carer")
            } else if raw.representative.is_some() {
                Some("rep")
            } else if app.visited.contains(&Step::Who) {
                Some("self")
            } else {
                None
            }
        }
        Step::Role => match raw.representative.as_ref().and_then(|r| r.role.as_deref()) {
            Some(r) => Some(r),
            // A draft from before the question: a helper, as the letter reads it.
            None if raw.representative.is_some() && app.visited.contains(&Step::Role) => {
                Some("fullmektig")
            }
            None => None,
        },
        Step::Fullmakt => raw
            .representative
            .as_ref()
            .and_then(|r| r.power_of_attorney)
            .map(|b| if b { "yes" } else { "no" }),
        Step::Carer => raw
            .complainant_is_carer
            .map(|b| if b { "yes" } else { "no" }),
        Step::RouteLaw => match raw.decision.as_ref().and_then(|d| d.route.as_deref()) {
            Some(r) => Some(r),
            None if app.visited.contains(&Step::RouteLaw) => Some("unknown"),
            None => None,
        },
        Step::Situation => raw.situation.as_deref(),
        Step::Extra(k, ExtraPart::Situation) => {
            let v = services::item(raw, usize::from(k)).situation;
            let v = v?;
            return options(step, app).iter().position(|o| o.value == v);
        }
        _ => None,
    };
    let value = value?;
    options(step, app).iter().position(|o| o.value == value)
}

/// Write the answer.
fn apply(step: Step, value: &str, app: &mut App) {
    match step {
        Step::LetterLang => {
            let v = value.to_string();
            app.edit(|r| r.language = Some(v));
        }
        Step::Who => {
            let carer = value.starts_with("carer");
            let was_carer = app.raw.complainant_is_carer == Some(true);
            app.edit(|r| {
                // The carer's own complaint is answered here, never again after the service.
                r.complainant_is_carer = carer.then_some(true);
                if !carer && was_carer {
                    r.cared_for = None;
                }
            });
            if matches!(value, "self" | "carer") {
                if let Some(rep) = app.raw.representative.clone() {
                    app.rep_stash = Some(rep);
                }
                app.edit(|r| r.representative = None);
            } else if app.raw.representative.is_none() {
                let rep = app.rep_stash.take().unwrap_or_default();
                app.edit(|r| r.representative = Some(rep));
            }
            // "Who is writing" is an answer even when nothing in the case file changed.
            app.dirty = true;
        }
        Step::Role => {
            let v = value.to_string();
            app.edit(|r| {
                let rep = r.representative.get_or_insert_with(Default::default);
                // Only a relative, friend or other helper is asked about a fullmakt; a parent,
                // verge or lawyer needs none, so an old answer must not put one in the letter.
                if v != "fullmektig" {
                    rep.power_of_attorney = None;
                }
                if !matches!(v.as_str(), "forelder" | "fullmektig") {
                    rep.relation = None;
                }
                rep.role = Some(v);
            });
        }
        Step::Fullmakt => {
            let yes = value == "yes";
            app.edit(|r| {
                r.representative
                    .get_or_insert_with(Default::default)
                    .power_of_attorney = Some(yes)
            });
        }
        Step::Carer => {
            let yes = value == "yes";
            app.edit(|r| {
                r.complainant_is_carer = Some(yes);
                // The person cared for belongs to the carer's own complaint only.
                if !yes {
                    r.cared_for = None;
                }
            });
        }
        Step::RouteLaw => {
            let route = Route::from_id(value).map(|r| r.id().to_string());
            app.edit(|r| r.decision.get_or_insert_with(Default::default).route = route);
        }
        Step::Situation | Step::Extra(_, ExtraPart::Situation) => {
            let v = value.to_string();
            let k = match step {
                Step::Extra(k, _) => usize::from(k),
                _ => 0,
            };
            app.edit(|r| {
                services::with_item(r, k, |x| x.situation = Some(v));
                // Postponed implementation only means something for a cut or a stop (of
                // some service of the decision).
                services::tidy_postponement(r);
            });
        }
        _ => {}
    }
}

impl ChoiceState {
    pub fn new(step: Step, app: &App) -> ChoiceState {
        // Before an answer, the highlight is on the first answer; what the writer is by law
        // starts with nothing highlighted: a guess there decides who signs the letter.
        let chosen = current(step, app);
        ChoiceState {
            step,
            selected: chosen.unwrap_or(0),
            picked: chosen.is_some() || step != Step::Role,
            error: None,
        }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let opts = options(self.step, app);
        if !self.picked
            && matches!(
                action,
                Action::Up | Action::Down | Action::Tab | Action::BackTab | Action::Home
            )
        {
            // The first arrow shows the highlight, on the first answer.
            self.picked = true;
            self.error = None;
            return Flow::Stay;
        }
        if list::cursor(&mut self.selected, opts.len(), &action, Keys::CHOICES) {
            self.picked = true;
            self.error = None;
            return Flow::Stay;
        }
        match action {
            Action::Enter | Action::Char(' ') if !self.picked => {
                self.error = Some(tr(app, "tui.choice.choose-first"));
            }
            Action::Enter | Action::Char(' ') if self.step == Step::Services => {
                if let Some(o) = opts.get(self.selected) {
                    let flow = super::services::choose(app, o.value);
                    self.selected = self.selected.min(options(self.step, app).len() - 1);
                    return flow;
                }
            }
            Action::Char(c) if c.is_ascii_digit() && self.step == Step::Services => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if i >= 1 && i <= opts.len() {
                    self.selected = i - 1;
                    let flow = super::services::choose(app, opts[i - 1].value);
                    self.selected = self.selected.min(options(self.step, app).len() - 1);
                    return flow;
                }
            }
            Action::Enter | Action::Char(' ') => {
                if let Some(o) = opts.get(self.selected) {
                    apply(self.step, o.value, app);
                    return Flow::Next;
                }
            }
            Action::Char(c) if c.is_ascii_digit() => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if i >= 1 && i <= opts.len() {
                    self.selected = i - 1;
                    self.picked = true;
                    self.error = None;
                    apply(self.step, opts[i - 1].value, app);
                    return Flow::Next;
                }
            }
            Action::Back => return Flow::Back,
            _ => {}
        }
        Flow::Stay
    }

    /// The label of the chosen answer (for "check your answers").
    pub fn answer_label(step: Step, app: &App) -> Option<String> {
        let i = current(step, app)?;
        options(step, app).get(i).map(|o| o.label.clone())
    }
}

/// The label of an answer without the app's representative variant (used where only the id is
/// known).
pub fn label_for(app: &App, key: &str) -> String {
    t(app.ui, key)
}
