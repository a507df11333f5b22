//! Screens of single-line fields: the representative's relation, the service in the person's
//! own words, the two dates, the decision's details, the people's names and addresses, and the
//! municipality's postal address.
//!
//! Every key press writes the answer into the case at once (dates as ISO when they can be read),
//! so that nothing is lost when the person goes back.

use chrono::NaiveDate;

use crate::domain::case::{
    RawCaredFor, RawCase, RawDecision, RawMunicipality, RawPerson, RawRepresentative,
};
use crate::domain::{contact, dates, postcode};
use crate::i18n::{t, tf};
use crate::interview::action::Action;
use crate::interview::marks::DONE;
use crate::interview::text_field::{FieldEvent, TextInput};
use crate::interview::{App, Flow, Step, date_answer};

use super::tr;

/// What a field holds, for checking it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A date, typed as 05.11.2026 or 2026-11-05; saved as ISO.
    Date,
    /// Four digits.
    Postcode,
}

/// One field of a form.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The label's key: `tui.field.<id>`.
    pub id: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// The field in the case file, as problems name it.
    pub path: &'static str,
    pub get: fn(&RawCase) -> Option<String>,
    pub set: fn(&mut RawCase, Option<String>),
}

fn person(raw: &mut RawCase) -> &mut RawPerson {
    raw.applicant.get_or_insert_with(Default::default)
}
fn rep(raw: &mut RawCase) -> &mut RawRepresentative {
    raw.representative.get_or_insert_with(Default::default)
}
fn cared_for(raw: &mut RawCase) -> &mut RawCaredFor {
    raw.cared_for.get_or_insert_with(Default::default)
}
fn decision(raw: &mut RawCase) -> &mut RawDecision {
    raw.decision.get_or_insert_with(Default::default)
}
fn muni(raw: &mut RawCase) -> &mut RawMunicipality {
    raw.municipality.get_or_insert_with(Default::default)
}

macro_rules! field {
    ($id:literal, $kind:expr, $req:expr, $path:literal, |$r:ident| $get:expr, |$w:ident, $v:ident| $set:expr) => {
        FieldSpec {
            id: $id,
            kind: $kind,
            required: $req,
            path: $path,
            get: |$r: &RawCase| $get,
            set: |$w: &mut RawCase, $v: Option<String>| $set,
        }
    };
}

fn address_line(raw: &RawCase, i: usize) -> Option<String> {
    raw.municipality
        .as_ref()
        .and_then(|m| m.address.as_ref())
        .and_then(|a| a.get(i).cloned())
}

fn set_address_line(raw: &mut RawCase, i: usize, v: Option<String>) {
    let lines = muni(raw).address.get_or_insert_with(Vec::new);
    while lines.len() <= i {
        lines.push(String::new());
    }
    lines[i] = v.unwrap_or_default();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    if lines.is_empty() {
        muni(raw).address = None;
    }
}

/// Which service of the decision a step's fields are about (0: the first).
fn item_of(step: Step) -> usize {
    match step {
        Step::Extra(k, _) => usize::from(k),
        _ => 0,
    }
}

/// The fields of a step.
pub fn specs(step: Step, raw: &RawCase) -> Vec<FieldSpec> {
    use Kind::*;
    // Another service of the same decision: the first service's fields, read and written on
    // its item (see `services::view`); the reference is the decision's, asked once.
    if let Step::Extra(k, part) = step {
        let view = crate::interview::services::view(raw, usize::from(k));
        let mut v = specs(part.step(), &view);
        v.retain(|s| s.id != "reference");
        return v;
    }
    let situation = raw.situation.as_deref().unwrap_or("");
    match step {
        Step::Relation => vec![field!(
            "relation",
            Text,
            false,
            "representative.relation",
            |r| r.representative.as_ref().and_then(|p| p.relation.clone()),
            |w, v| rep(w).relation = v
        )],
        Step::CaredFor => vec![
            field!(
                "cared-for-name",
                Text,
                true,
                "cared_for.name",
                |r| r.cared_for.as_ref().and_then(|c| c.name.clone()),
                |w, v| cared_for(w).name = v
            ),
            field!(
                "birth-date",
                Date,
                false,
                "cared_for.birth_date",
                |r| r.cared_for.as_ref().and_then(|c| c.birth_date.clone()),
                |w, v| cared_for(w).birth_date = v
            ),
            field!(
                "cared-for-relation",
                Text,
                false,
                "cared_for.relation",
                |r| r.cared_for.as_ref().and_then(|c| c.relation.clone()),
                |w, v| cared_for(w).relation = v
            ),
        ],
        Step::ServiceOther => vec![field!(
            "service-other",
            Text,
            true,
            "service_other",
            |r| r.service_other.clone(),
            |w, v| w.service_other = v
        )],
        Step::DecisionDate => vec![field!(
            "decision-date",
            Date,
            true,
            "decision.date",
            |r| r.decision.as_ref().and_then(|d| d.date.clone()),
            |w, v| decision(w).date = v
        )],
        Step::Received => vec![field!(
            "received",
            Date,
            true,
            "decision.received",
            |r| r.decision.as_ref().and_then(|d| d.received.clone()),
            |w, v| decision(w).received = v
        )],
        // Not required here: a request for postponement may come before the complaint is sent,
        // and the letters that need the date say so on the check page.
        Step::Sent => vec![field!(
            "sent",
            Date,
            false,
            "sent",
            |r| r.sent.clone(),
            |w, v| w.sent = v
        )],
        Step::Decision => {
            let mut v = vec![field!(
                "reference",
                Text,
                false,
                "decision.reference",
                |r| r.decision.as_ref().and_then(|d| d.reference.clone()),
                |w, v| decision(w).reference = v
            )];
            // A cut or a stop: what the person had before and has after; else what was
            // applied for and granted. The same fields of the file.
            let mut applied = field!(
                "applied-for",
                Text,
                false,
                "decision.applied_for",
                |r| r.decision.as_ref().and_then(|d| d.applied_for.clone()),
                |w, v| decision(w).applied_for = v
            );
            let mut granted = field!(
                "granted",
                Text,
                false,
                "decision.granted",
                |r| r.decision.as_ref().and_then(|d| d.granted.clone()),
                |w, v| decision(w).granted = v
            );
            if matches!(situation, "redusert" | "avsluttet") {
                applied.id = "had-before";
                granted.id = "has-after";
            }
            v.push(applied);
            // Nothing is granted on a refusal, but an answer given earlier stays visible.
            let has_granted = raw.decision.as_ref().is_some_and(|d| d.granted.is_some());
            if !matches!(situation, "avslag" | "venteliste") || has_granted {
                v.push(granted);
            }
            v
        }
        // Who the person is, asked early of someone writing for them: the same fields as on
        // the applicant's screen, which shows them again with the address.
        Step::Person => vec![
            field!(
                "name",
                Text,
                true,
                "applicant.name",
                |r| r.applicant.as_ref().and_then(|p| p.name.clone()),
                |w, v| person(w).name = v
            ),
            // A parent's letter needs the child's birth date: it decides who signs.
            field!(
                "birth-date",
                Date,
                crate::interview::has_representative(raw)
                    && crate::interview::rep_role(raw) == crate::domain::case::Role::Forelder,
                "applicant.birth_date",
                |r| r.applicant.as_ref().and_then(|p| p.birth_date.clone()),
                |w, v| person(w).birth_date = v
            ),
        ],
        Step::Applicant => vec![
            field!(
                "name",
                Text,
                true,
                "applicant.name",
                |r| r.applicant.as_ref().and_then(|p| p.name.clone()),
                |w, v| person(w).name = v
            ),
            field!(
                "address",
                Text,
                true,
                "applicant.address",
                |r| r.applicant.as_ref().and_then(|p| p.address.clone()),
                |w, v| person(w).address = v
            ),
            field!(
                "postcode",
                Postcode,
                true,
                "applicant.postcode",
                |r| r.applicant.as_ref().and_then(|p| p.postcode.clone()),
                |w, v| person(w).postcode = v
            ),
            field!(
                "city",
                Text,
                true,
                "applicant.city",
                |r| r.applicant.as_ref().and_then(|p| p.city.clone()),
                |w, v| person(w).city = v
            ),
            field!(
                "phone",
                Text,
                false,
                "applicant.phone",
                |r| r.applicant.as_ref().and_then(|p| p.phone.clone()),
                |w, v| person(w).phone = v
            ),
            field!(
                "email",
                Text,
                false,
                "applicant.email",
                |r| r.applicant.as_ref().and_then(|p| p.email.clone()),
                |w, v| person(w).email = v
            ),
            field!(
                "birth-date",
                Date,
                false,
                "applicant.birth_date",
                |r| r.applicant.as_ref().and_then(|p| p.birth_date.clone()),
                |w, v| person(w).birth_date = v
            ),
        ],
        Step::Representative => vec![
            field!(
                "name",
                Text,
                true,
                "representative.name",
                |r| r.representative.as_ref().and_then(|p| p.name.clone()),
                |w, v| rep(w).name = v
            ),
            field!(
                "address",
                Text,
                true,
                "representative.address",
                |r| r.representative.as_ref().and_then(|p| p.address.clone()),
                |w, v| rep(w).address = v
            ),
            field!(
                "postcode",
                Postcode,
                true,
                "representative.postcode",
                |r| r.representative.as_ref().and_then(|p| p.postcode.clone()),
                |w, v| rep(w).postcode = v
            ),
            field!(
                "city",
                Text,
                true,
                "representative.city",
                |r| r.representative.as_ref().and_then(|p| p.city.clone()),
                |w, v| rep(w).city = v
            ),
            field!(
                "phone",
                Text,
                false,
                "representative.phone",
                |r| r.representative.as_ref().and_then(|p| p.phone.clone()),
                |w, v| rep(w).phone = v
            ),
            field!(
                "email",
                Text,
                false,
                "representative.email",
                |r| r.representative.as_ref().and_then(|p| p.email.clone()),
                |w, v| rep(w).email = v
            ),
        ],
        Step::MunicipalityAddress => vec![
            field!(
                "address-1",
                Text,
                false,
                "municipality.address.0",
                |r| address_line(r, 0),
                |w, v| set_address_line(w, 0, v)
            ),
            field!(
                "address-2",
                Text,
                false,
                "municipality.address.1",
                |r| address_line(r, 1),
                |w, v| set_address_line(w, 1, v)
            ),
            field!(
                "address-3",
                Text,
                false,
                "municipality.address.2",
                |r| address_line(r, 2),
                |w, v| set_address_line(w, 2, v)
            ),
        ],
        _ => Vec::new(),
    }
}

/// The state of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormState {
    pub step: Step,
    pub inputs: Vec<TextInput>,
    pub focus: usize,
    /// The person tried to go on: show every error, also in fields not yet left.
    pub tried: bool,
    /// Fields the person has left (their errors are shown).
    pub touched: Vec<bool>,
    /// The town last suggested from the postcode (replaced when the postcode changes, unless the
    /// person has written another town).
    pub suggested: Option<String>,
}

/// A message under a field: an error, or a confirmation (a date read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Error(String),
    Ok(String),
    Hint(String),
    /// Something that may be mistyped, but may be right (a foreign phone number): never stops.
    Warning(String),
}

/// How a date is shown in a field: the Norwegian short form.
fn date_for_field(value: &str) -> String {
    match dates::parse_iso(value) {
        Some(d) => dates::short(d),
        None => value.to_string(),
    }
}

impl FormState {
    pub fn new(step: Step, app: &App) -> FormState {
        let specs = specs(step, &app.raw);
        let raw = crate::interview::services::view(&app.raw, item_of(step));
        let inputs: Vec<TextInput> = specs
            .iter()
            .map(|s| {
                let v = (s.get)(&raw).unwrap_or_default();
                let v = if s.kind == Kind::Date {
                    date_for_field(&v)
                } else {
                    v
                };
                TextInput::new(&v)
            })
            .collect();
        FormState {
            step,
            touched: vec![false; inputs.len()],
            inputs,
            focus: 0,
            tried: false,
            suggested: None,
        }
    }

    pub(crate) fn specs(&self, app: &App) -> Vec<FieldSpec> {
        specs(self.step, &app.raw)
    }

    /// What to say under field `i` right now.
    pub fn note(&self, app: &App, i: usize) -> Option<Note> {
        let spec = *self.specs(app).get(i)?;
        let input = self.inputs.get(i)?;
        let ui = app.ui;
        let show_errors = self.tried || self.touched.get(i).copied().unwrap_or(false);
        let value = input.value().trim();
        if value.is_empty() {
            return if spec.required && show_errors {
                Some(Note::Error(tr(
                    app,
                    &format!("tui.error.required.{}", spec.id),
                )))
            } else if spec.kind == Kind::Date && i == self.focus {
                Some(Note::Hint(t(ui, "tui.date.example")))
            } else {
                None
            };
        }
        match spec.kind {
            Kind::Text if spec.id == "city" => {
                // The town that goes with the postcode: say where it came from.
                let postcode = self
                    .specs(app)
                    .iter()
                    .position(|s| s.kind == Kind::Postcode)
                    .and_then(|p| self.inputs.get(p))
                    .and_then(|p| postcode::town(p.value()));
                (postcode.as_deref() == Some(value))
                    .then(|| Note::Hint(t(ui, "tui.postcode.town-suggested")))
            }
            Kind::Text if show_errors && self.warning(app, i).is_some() => {
                self.warning(app, i).map(Note::Warning)
            }
            Kind::Text => None,
            Kind::Postcode => {
                let ok = value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit());
                (!ok && (show_errors || value.chars().count() > 4)).then(|| {
                    Note::Error(tf(
                        ui,
                        "tui.error.postcode",
                        &[("value", value.to_string())],
                    ))
                })
            }
            Kind::Date => match dates::parse(value, app.today) {
                // A day the month does not have: say so at once ("Februar 2026 har bare 28 dager").
                Err(
                    e @ (dates::DateError::NoSuchDay { .. } | dates::DateError::NoSuchMonth(_)),
                ) => Some(Note::Error(crate::input::date_error(ui, value, e))),
                Err(e) => {
                    // While typing "5. nov" it is too early to complain.
                    if show_errors || value.chars().count() >= 10 {
                        Some(Note::Error(crate::input::date_error(ui, value, e)))
                    } else {
                        Some(Note::Hint(t(ui, "tui.date.example")))
                    }
                }
                Ok(d) => Some(match date_problem(spec.path, d, app) {
                    Some(e) => Note::Error(e),
                    None if child_warning(spec.path, d, app).is_some() => {
                        Note::Warning(child_warning(spec.path, d, app).unwrap_or_default())
                    }
                    None => Note::Ok(format!(
                        "{DONE}{}",
                        tf(
                            ui,
                            "tui.date.understood",
                            &[("value", dates::with_weekday(d, ui.code()))]
                        )
                    )),
                }),
            },
        }
    }

    /// A phone number or e-mail address in field `i` that may be mistyped (shown once the field
    /// is left): the same warning `check` gives for `applicant.phone` / `applicant.email`.
    pub fn warning(&self, app: &App, i: usize) -> Option<String> {
        let spec = *self.specs(app).get(i)?;
        let value = self.inputs.get(i)?.value().trim();
        let key = match spec.id {
            "phone" if !value.is_empty() && contact::phone_looks_wrong(value) => {
                "problem.phone-unusual"
            }
            "email" if !value.is_empty() && contact::email_looks_wrong(value) => {
                "problem.email-unusual"
            }
            _ => return None,
        };
        Some(tf(app.ui, key, &[("found", value.to_string())]))
    }

    fn has_error(&self, app: &App, i: usize) -> bool {
        let spec = match self.specs(app).get(i) {
            Some(s) => *s,
            None => return false,
        };
        let value = self.inputs[i].value().trim();
        if value.is_empty() {
            return spec.required;
        }
        match spec.kind {
            Kind::Text => false,
            Kind::Postcode => !(value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit())),
            Kind::Date => match dates::parse(value, app.today) {
                Err(_) => true,
                Ok(d) => date_problem(spec.path, d, app).is_some(),
            },
        }
    }

    fn write(&self, app: &mut App, i: usize) {
        let Some(spec) = self.specs(app).get(i).copied() else {
            return;
        };
        let input = &self.inputs[i];
        let value = match spec.kind {
            Kind::Date => input.answer().map(|v| match dates::parse(&v, app.today) {
                Ok(d) => d.format("%Y-%m-%d").to_string(),
                Err(_) => v,
            }),
            _ => input.answer(),
        };
        let k = item_of(self.step);
        app.edit(|r| crate::interview::services::with_item(r, k, |v| (spec.set)(v, value)));
        if self.step == Step::MunicipalityAddress {
            // Keep the case file free of an empty address list.
            app.edit(|r| {
                if let Some(m) = r.municipality.as_mut()
                    && m.address.as_ref().is_some_and(|a| a.is_empty())
                {
                    m.address = None;
                }
            });
        }
    }

    /// A known postcode just typed: its town goes into the town field when that is empty or
    /// still holds the town suggested before (the person can change it). An unknown postcode
    /// suggests nothing.
    fn suggest_town(&mut self, app: &mut App) {
        let specs = self.specs(app);
        if specs.get(self.focus).map(|s| s.kind) != Some(Kind::Postcode) {
            return;
        }
        let Some(city) = specs.iter().position(|s| s.id == "city") else {
            return;
        };
        let Some(town) = postcode::town(self.inputs[self.focus].value()) else {
            return;
        };
        let now = self.inputs[city].value().trim().to_string();
        let suggested_before = self.inputs[self.focus].value().len() == 4
            && (now.is_empty() || self.suggested.as_deref() == Some(now.as_str()));
        if suggested_before && now != town {
            self.inputs[city] = TextInput::new(&town);
            self.write(app, city);
        }
        self.suggested = Some(town);
    }

    fn submit(&mut self, app: &App) -> Flow {
        self.tried = true;
        match (0..self.inputs.len()).find(|i| self.has_error(app, *i)) {
            Some(i) => {
                self.focus = i;
                Flow::Stay
            }
            None => Flow::Next,
        }
    }

    fn leave_field(&mut self) {
        if let Some(t) = self.touched.get_mut(self.focus) {
            *t = true;
        }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let last = self.inputs.len().saturating_sub(1);
        match action {
            Action::Back => return Flow::Back,
            Action::Enter => {
                self.leave_field();
                if self.focus < last {
                    self.focus += 1;
                } else {
                    return self.submit(app);
                }
            }
            Action::Tab | Action::Down => {
                self.leave_field();
                if self.focus < last {
                    self.focus += 1;
                } else if action == Action::Tab {
                    return self.submit(app);
                }
            }
            Action::BackTab | Action::Up => {
                self.leave_field();
                self.focus = self.focus.saturating_sub(1);
            }
            other => {
                // The town suggested from the postcode is replaced by what is typed over it, as a
                // selected text would be ("Tromsø" typed after it is not "TromsøTromsø").
                let on_suggestion = self.specs(app).get(self.focus).map(|s| s.id) == Some("city")
                    && self.suggested.as_deref()
                        == self.inputs.get(self.focus).map(|i| i.value().trim());
                if on_suggestion && matches!(other, Action::Char(_) | Action::Paste(_)) {
                    self.inputs[self.focus] = TextInput::new("");
                }
                let Some(input) = self.inputs.get_mut(self.focus) else {
                    return Flow::Stay;
                };
                match input.handle(&other) {
                    FieldEvent::Changed => {
                        self.write(app, self.focus);
                        self.suggest_town(app);
                    }
                    FieldEvent::BackspaceOnEmpty => {
                        if self.focus == 0 {
                            return Flow::Back;
                        }
                        self.focus -= 1;
                    }
                    FieldEvent::Moved | FieldEvent::Ignored => {}
                }
            }
        }
        Flow::Stay
    }
}

/// A birth date under 18 when nobody writes for the child, or the writer is a helper: a child
/// never signs alone, and only a parent, a verge or a lawyer writes for one (FACTS.md §5). Said
/// at once under the field; check answers then leads to the question to change.
pub fn child_warning(path: &str, birth: NaiveDate, app: &App) -> Option<String> {
    if path != "applicant.birth_date" || crate::interview::is_carer_complaint(&app.raw) {
        return None;
    }
    let age =
        crate::domain::case::age_on(birth, crate::interview::letter_date(&app.raw, app.today));
    if !(0..18).contains(&age) {
        return None;
    }
    let key = if !crate::interview::has_representative(&app.raw) {
        "tui.child.alone"
    } else if crate::interview::rep_role(&app.raw) == crate::domain::case::Role::Fullmektig {
        "tui.child.helper"
    } else {
        return None;
    };
    Some(tf(app.ui, key, &[("age", age.to_string())]))
}

/// A date that can be read but is not possible for this field.
fn date_problem(path: &str, d: NaiveDate, app: &App) -> Option<String> {
    let ui = app.ui;
    let today = app.today;
    match path {
        "decision.date" | "decision.received" => {
            if d > today {
                return Some(t(ui, "tui.error.date-future"));
            }
            if path == "decision.received" {
                let decided = date_answer(app.raw.decision.as_ref().and_then(|x| x.date.as_ref()));
                if decided.is_some_and(|dd| d < dd) {
                    return Some(t(ui, "tui.error.received-before"));
                }
            }
            None
        }
        "applicant.birth_date" | "cared_for.birth_date" => {
            (d > today).then(|| t(ui, "tui.error.date-future"))
        }
        "sent" => {
            if d > today {
                return Some(t(ui, "tui.error.sent-future"));
            }
            let decided = date_answer(app.raw.decision.as_ref().and_then(|x| x.date.as_ref()));
            decided
                .is_some_and(|dd| d < dd)
                .then(|| t(ui, "tui.error.sent-before"))
        }
        _ => None,
    }
}
