//! Step 3, which service: the catalogue, filtered by typing, with the plain explanation of the
//! highlighted service beside (or under) the list.

use crate::domain::service::{CATALOGUE, RouteRule, Service};
use crate::i18n::t;
use crate::interview::action::Action;
use crate::interview::list;
use crate::interview::text_field::{FieldEvent, TextInput};
use crate::interview::{App, Flow, services};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceState {
    pub filter: TextInput,
    /// Index into [`matches`].
    pub selected: usize,
    /// The person is in the list: a service was chosen before, or an arrow key, a search or a
    /// first Enter brought them there. Until then nothing is highlighted and Enter chooses
    /// nothing.
    pub in_list: bool,
    /// Which service of the decision this screen chooses: 0 the first (`service`), `k` item `k`
    /// of `services` (another service of the same decision, issue #26).
    pub item: usize,
    /// Why the service chosen was not added to this letter (another route, or already in it).
    pub notice: Option<String>,
}

/// The name shown in the list.
pub fn list_name(s: &Service, app: &App) -> String {
    if s.id == "annet" {
        t(app.ui, "tui.service.other-label")
    } else {
        let n = s.ui_name(app.ui.code());
        let mut c = n.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    }
}

fn normal(s: &str) -> String {
    s.to_lowercase()
}

/// What the list says when no service fits what was typed. A carer's list has no "something
/// else" to point to (only the services a carer may complain about are in it).
pub fn none_message(filter: &str, app: &App) -> String {
    let key = if app.raw.complainant_is_carer == Some(true) {
        "tui.service.none-carer"
    } else {
        "tui.service.none"
    };
    crate::i18n::tf(app.ui, key, &[("filter", filter.to_string())])
}

/// The services that fit the filter, in catalogue order; "something else" is always there. A
/// carer complaining in their own name sees only the services a carer may complain about.
pub fn matches(filter: &str, app: &App) -> Vec<&'static Service> {
    let f = normal(filter.trim());
    let carer = app.raw.complainant_is_carer == Some(true);
    CATALOGUE
        .iter()
        .filter(|s| !carer || s.carer_may_complain)
        .filter(|s| {
            if f.is_empty() || s.id == "annet" {
                return true;
            }
            let ui = app.ui.code();
            [
                s.id,
                s.name_nb,
                s.name_nn,
                s.full_nb,
                s.full_nn,
                s.ui_name(ui),
                s.explain(ui),
            ]
            .iter()
            .any(|x| normal(x).contains(&f))
                || normal(&list_name(s, app)).contains(&f)
        })
        .collect()
}

impl ServiceState {
    pub fn new(app: &App) -> ServiceState {
        ServiceState::for_item(app, 0)
    }

    /// The screen for service `item` of the decision (0: the first).
    pub fn for_item(app: &App, item: usize) -> ServiceState {
        let list = matches("", app);
        let chosen = services::item(&app.raw, item).service;
        let selected = chosen
            .as_deref()
            .and_then(|id| list.iter().position(|s| s.id == id))
            .unwrap_or(0);
        ServiceState {
            filter: TextInput::new(""),
            selected,
            in_list: chosen.is_some(),
            item,
            notice: None,
        }
    }

    /// The service chosen on this screen before, if any.
    pub fn chosen(&self, app: &App) -> Option<String> {
        services::item(&app.raw, self.item).service
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let list = matches(self.filter.value(), app);
        let n = list.len();
        if !self.in_list {
            match action {
                // The first Enter moves into the list; it never chooses the first service.
                Action::Enter => {
                    self.in_list = true;
                    return Flow::Stay;
                }
                // The first arrow shows where the highlight is, at the top.
                Action::Up | Action::Down | Action::Tab | Action::BackTab => {
                    self.in_list = true;
                    return Flow::Stay;
                }
                Action::PageUp | Action::PageDown => self.in_list = true,
                _ => {}
            }
        }
        if !matches!(action, Action::Resize(..)) {
            self.notice = None;
        }
        match action {
            // Another service added and left before one was chosen: it is not added.
            Action::Back if self.item > 0 && self.chosen(app).is_none() => {
                super::services::remove(app, self.item);
                return Flow::Goto(crate::interview::Step::Services);
            }
            Action::Back => return Flow::Back,
            ref a if list::cursor(&mut self.selected, n, a, list::Keys::SEARCH) => {}
            Action::Enter => {
                if let Some(s) = list.get(self.selected) {
                    // Another route than the decision's other services, or already in the
                    // letter: said, and not chosen (also when the first service is changed).
                    if (self.item > 0 || !services::extras(&app.raw).is_empty())
                        && let Err(why) = services::may_add(&app.raw, self.item, s)
                    {
                        self.notice = Some(super::services::not_added_text(app, s, why));
                        return Flow::Stay;
                    }
                    if self.item > 0 {
                        choose_item(s, app, self.item);
                    } else {
                        choose(s, app);
                    }
                    return Flow::Next;
                }
            }
            other => {
                match self.filter.handle(&other) {
                    FieldEvent::BackspaceOnEmpty if self.item > 0 && self.chosen(app).is_none() => {
                        super::services::remove(app, self.item);
                        return Flow::Goto(crate::interview::Step::Services);
                    }
                    FieldEvent::BackspaceOnEmpty => return Flow::Back,
                    FieldEvent::Changed => {
                        self.in_list =
                            !self.filter.value().trim().is_empty() || self.chosen(app).is_some();
                        // Highlight the first service that fits ("something else" is always
                        // there, so it is not the first choice).
                        let list = matches(self.filter.value(), app);
                        let f = normal(self.filter.value().trim());
                        let by_name = |s: &&Service| {
                            s.id != "annet"
                                && [s.name_nb, s.name_nn, s.ui_name(app.ui.code()), s.id]
                                    .iter()
                                    .any(|n| normal(n).contains(&f))
                        };
                        self.selected = list
                            .iter()
                            .position(by_name)
                            .or_else(|| list.iter().position(|s| s.id != "annet"))
                            .unwrap_or(0);
                    }
                    _ => {}
                }
            }
        }
        Flow::Stay
    }
}

/// The explanation of a service: its name, what it is, and where a complaint goes when that is
/// not the usual way.
pub(crate) fn explanation(s: &Service, app: &App) -> String {
    let ui = app.ui;
    let mut text = format!("{}\n{}", list_name(s, app), s.explain(ui.code()));
    match s.route {
        RouteRule::Care => {}
        RouteRule::Klagenemnd => text.push_str(&format!("\n\n{}", t(ui, "tui.service.not-care"))),
        RouteRule::DependsOnDecision => {
            text.push_str(&format!("\n\n{}", t(ui, "tui.service.depends")))
        }
    }
    text
}

/// Choose a service, and drop answers that only belonged to another service.
fn choose(s: &'static Service, app: &mut App) {
    app.edit(|r| {
        r.service = Some(s.id.to_string());
        if s.id != "annet" {
            r.service_other = None;
        }
        if s.route != RouteRule::DependsOnDecision
            && let Some(d) = r.decision.as_mut()
        {
            d.route = None;
        }
        if !s.carer_may_complain {
            r.complainant_is_carer = None;
        }
    });
}

/// Choose another service of the same decision (item `k`): only that item changes.
fn choose_item(s: &'static Service, app: &mut App, k: usize) {
    app.edit(|r| {
        services::with_item(r, k, |v| {
            v.service = Some(s.id.to_string());
            if s.id != "annet" {
                v.service_other = None;
            }
        })
    });
}
