//! Explanation screens: the routing screen (a service that is not a care service: where the
//! complaint goes instead) and step 5, your right to complain, with the deadline computed from
//! the dates given. Scrollable.

use crate::domain::law;
use crate::domain::letter::Lang;
use crate::domain::routing::{Route, RouteBasis, route_for};
use crate::domain::situation::Situation;
use crate::i18n::{Ui, t, tf};
use crate::interview::action::Action;
use crate::interview::layout;
use crate::interview::list;
use crate::interview::wrap as widgets;
use crate::interview::{
    App, Flow, Step, chosen_service, date_answer, deadline, letter_date, route,
};
use crate::summary::explain_deadline;

use super::title_and_hint;

/// How a paragraph looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Heading,
    Text,
    /// Important: the deadline, a passed deadline.
    Strong,
    Warning,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InfoState {
    pub step: Option<Step>,
    pub scroll: usize,
}

/// The language law names are written in on screens.
pub fn law_lang(ui: Ui) -> Lang {
    crate::summary::cite_lang(ui)
}

/// The paragraphs of an explanation screen.
pub fn paragraphs(step: Step, app: &App) -> Vec<(Look, String)> {
    let ui = app.ui;
    let lang = law_lang(ui);
    let raw = &app.raw;
    let mut out = Vec::new();
    let mut p = |look, text: String| out.push((look, text));
    match step {
        Step::Routing => {
            let id = chosen_service(raw).map(|s| s.id).unwrap_or("omsorgsbolig");
            let key = format!("tui.routing.{id}");
            if crate::i18n::has(Ui::Nb, &key) {
                p(Look::Text, t(ui, &key));
            }
            p(
                Look::Text,
                tf(
                    ui,
                    "tui.routing.where",
                    &[
                        ("send_rule", law::FVL_32.full(lang)),
                        ("appeal_rule", law::FVL_28_2.full(lang)),
                    ],
                ),
            );
            p(
                Look::Strong,
                tf(
                    ui,
                    "tui.routing.deadline",
                    &[("rule", law::FVL_29.full(lang))],
                ),
            );
            p(Look::Text, t(ui, "tui.routing.check-decision"));
            p(
                Look::Text,
                tf(ui, "tui.routing.go-on", &[("rule", law::FVL_28.full(lang))]),
            );
        }
        Step::Rights => {
            let r = route(raw).unwrap_or(Route::Statsforvalteren);
            p(
                Look::Text,
                tf(
                    ui,
                    "tui.rights.may-complain",
                    &[("rule", r.complaint_right().full(lang))],
                ),
            );
            p(
                Look::Text,
                match r {
                    Route::Statsforvalteren => t(ui, "tui.rights.send-a"),
                    Route::Klagenemnd => tf(
                        ui,
                        "tui.rights.send-b",
                        &[("rule", law::FVL_28_2.full(lang))],
                    ),
                },
            );
            p(Look::Heading, t(ui, "tui.rights.deadline-heading"));
            let today = letter_date(raw, app.today);
            match deadline(raw) {
                Some(dl) => {
                    // The last day and how many days are left first; then how it was counted.
                    let decided = date_answer(raw.decision.as_ref().and_then(|d| d.date.as_ref()));
                    // More than a year after the decision no complaint can be considered (fvl
                    // § 31 tredje ledd): that message is the last line, shown as a warning.
                    let beyond = today > dl.last_day
                        && crate::domain::deadline::beyond_one_year(
                            decided.unwrap_or(dl.received),
                            today,
                        );
                    let mut lines = explain_deadline(ui, &dl, r, today, decided);
                    let one_year = if beyond { lines.pop() } else { None };
                    let status =
                        (!beyond && lines.len() >= 3).then(|| lines.remove(lines.len() - 2));
                    for (i, line) in lines.into_iter().enumerate() {
                        match (i, &status) {
                            (0, Some(s)) => p(Look::Strong, format!("{line}\n{s}")),
                            (0, None) => p(Look::Strong, line),
                            _ => p(Look::Text, line),
                        }
                    }
                    if let Some(s) = chosen_service(raw) {
                        let from = raw
                            .decision
                            .as_ref()
                            .and_then(|d| d.route.as_deref())
                            .and_then(Route::from_id);
                        if route_for(s, from).1 == RouteBasis::AssumedShorter {
                            p(Look::Warning, t(ui, "deadline.route-assumed"));
                        }
                    }
                    if let Some(m) = one_year {
                        p(Look::Warning, m);
                    } else if today > dl.last_day {
                        p(Look::Warning, t(ui, "tui.rights.late"));
                    }
                }
                None => p(Look::Warning, t(ui, "tui.rights.no-dates")),
            }
            p(Look::Heading, t(ui, "tui.rights.more-heading"));
            p(
                Look::Text,
                tf(ui, "tui.rights.innsyn", &[("rule", law::FVL_18.full(lang))]),
            );
            let cut = raw
                .situation
                .as_deref()
                .and_then(Situation::from_id)
                .is_some_and(|s| s.takes_away_service());
            if cut {
                p(
                    Look::Text,
                    tf(
                        ui,
                        "tui.rights.postponement",
                        &[("rule", law::FVL_42.full(lang))],
                    ),
                );
            }
            if r == Route::Statsforvalteren {
                p(Look::Text, t(ui, "tui.rights.ombud"));
            }
            p(
                Look::Text,
                tf(
                    ui,
                    "tui.rights.municipality-help",
                    &[("rule", law::FVL_11.full(lang))],
                ),
            );
        }
        _ => {}
    }
    out
}

/// All lines of the screen at this width (title and hint first), each with its look.
pub fn lines(step: Step, app: &App, width: u16) -> Vec<(Look, String)> {
    let (title, hint) = title_and_hint(app, step);
    let mut out: Vec<(Look, String)> = Vec::new();
    for l in widgets::wrap(&title, width) {
        out.push((Look::Heading, l));
    }
    if !hint.is_empty() {
        out.push((Look::Text, String::new()));
        for l in widgets::wrap(&hint, width) {
            out.push((Look::Text, l));
        }
    }
    for (look, text) in paragraphs(step, app) {
        out.push((Look::Text, String::new()));
        let text = if look == Look::Warning {
            format!("{}: {text}", t(app.ui, "word.warning"))
        } else {
            text
        };
        for l in widgets::wrap(&text, width) {
            out.push((look, l));
        }
    }
    out
}

impl InfoState {
    pub fn new(step: Step) -> InfoState {
        InfoState {
            step: Some(step),
            scroll: 0,
        }
    }

    pub(crate) fn step(&self) -> Step {
        self.step.unwrap_or(Step::Rights)
    }

    fn max_scroll(&self, app: &App) -> usize {
        let body = layout::body_area(app);
        let n = lines(self.step(), app, body.width).len();
        n.saturating_sub(usize::from(body.height))
    }

    pub fn fit(&mut self, app: &App) {
        self.scroll = self.scroll.min(self.max_scroll(app));
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let page = usize::from(layout::body_area(app).height.saturating_sub(2)).max(1);
        match action {
            Action::Enter | Action::Tab | Action::Char(' ') => return Flow::Next,
            Action::Back => return Flow::Back,
            a => {
                list::scroll(&mut self.scroll, &a, page);
            }
        }
        self.fit(app);
        Flow::Stay
    }
}
