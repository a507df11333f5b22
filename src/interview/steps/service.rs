//! Step 3, which service: the catalogue, filtered by typing, with the plain explanation of the
//! highlighted service beside (or under) the list.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::service::{CATALOGUE, RouteRule, Service};
use crate::i18n::{t, tf};
use crate::interview::action::Action;
use crate::interview::app::{App, Flow, Step};
use crate::tui::theme::{SELECTED, UNSELECTED};
use crate::interview::text_field::{FieldEvent, TextInput};
use crate::tui::widgets::{self, ellipsize};

use super::{LowWindow, centred_offset, question_with_room, title_and_hint};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceState {
    pub filter: TextInput,
    /// Index into [`matches`].
    pub selected: usize,
    /// The person is in the list: a service was chosen before, or an arrow key, a search or a
    /// first Enter brought them there. Until then nothing is highlighted and Enter chooses
    /// nothing.
    pub in_list: bool,
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

/// The services that fit the filter, in catalogue order; "something else" is always there.
pub fn matches(filter: &str, app: &App) -> Vec<&'static Service> {
    let f = normal(filter.trim());
    CATALOGUE
        .iter()
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
        let list = matches("", app);
        let selected = app
            .raw
            .service
            .as_deref()
            .and_then(|id| list.iter().position(|s| s.id == id))
            .unwrap_or(0);
        ServiceState {
            filter: TextInput::new(""),
            selected,
            in_list: app.raw.service.is_some(),
        }
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
        match action {
            Action::Back => return Flow::Back,
            Action::Up | Action::BackTab => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::Tab => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1))
            }
            Action::PageUp => self.selected = self.selected.saturating_sub(5),
            Action::PageDown => self.selected = (self.selected + 5).min(n.saturating_sub(1)),
            Action::Enter => {
                if let Some(s) = list.get(self.selected) {
                    choose(s, app);
                    return Flow::Next;
                }
            }
            other => {
                match self.filter.handle(&other) {
                    FieldEvent::BackspaceOnEmpty => return Flow::Back,
                    FieldEvent::Changed => {
                        self.in_list =
                            !self.filter.value().trim().is_empty() || app.raw.service.is_some();
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

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = &app.theme;
        let ui = app.ui;
        let (title, hint) = title_and_hint(app, Step::Service);
        // The list and the explanation need room: in a low window the hint goes (F1 has it).
        let rest = question_with_room(app, &title, &hint, area, buf, 12, LowWindow::DropHint);
        // The filter field.
        let label = t(ui, "tui.service.filter");
        let lw = u16::try_from(label.chars().count() + 1).unwrap_or(8);
        buf.set_string(rest.x, rest.y, &label, th.label);
        let fw = rest.width.saturating_sub(lw).min(40);
        let cursor = self.filter.render(
            Rect::new(rest.x + lw, rest.y, fw, 1),
            buf,
            th.field_focus,
            th.base,
            true,
        );
        let body = widgets::below(rest, 2);
        let list = matches(self.filter.value(), app);
        let wide = body.width >= 70;
        let (list_area, explain_area) = if wide {
            let lw = (body.width * 62 / 100).min(48);
            (
                Rect::new(body.x, body.y, lw, body.height),
                Rect::new(body.x + lw + 2, body.y, body.width - lw - 2, body.height),
            )
        } else {
            // The explanation under the list, whole when the list keeps four rows, after a
            // blank row.
            let need = if self.in_list {
                list.get(self.selected)
                    .map(|s| widgets::wrap(&explanation(s, app), body.width).len())
                    .unwrap_or(0)
            } else {
                widgets::wrap(&t(ui, "tui.service.pick"), body.width).len()
            };
            let need = u16::try_from(need).unwrap_or(u16::MAX);
            let eh = need.min(body.height.saturating_sub(5));
            let gap = u16::from(eh > 0);
            (
                Rect::new(body.x, body.y, body.width, body.height - eh - gap),
                Rect::new(body.x, body.bottom() - eh, body.width, eh),
            )
        };
        // The list, with a heading before each group.
        let mut rows: Vec<(String, Option<usize>)> = Vec::new();
        let mut group: Option<bool> = None;
        for (i, s) in list.iter().enumerate() {
            let care = s.is_care_service();
            if group != Some(care) {
                if group.is_some() {
                    rows.push((String::new(), None));
                }
                let key = if care {
                    "tui.service.group-care"
                } else {
                    "tui.service.group-other"
                };
                rows.push((t(ui, key), None));
                group = Some(care);
            }
            let mark = if self.in_list && i == self.selected {
                SELECTED
            } else {
                UNSELECTED
            };
            rows.push((format!("{mark}{}", list_name(s, app)), Some(i)));
        }
        let sel_row = rows
            .iter()
            .position(|(_, i)| *i == Some(self.selected))
            .unwrap_or(0);
        let height = usize::from(list_area.height);
        let off = centred_offset(sel_row, sel_row + 1, rows.len(), height);
        for (n, (text, idx)) in rows.iter().skip(off).take(height).enumerate() {
            let y = list_area.y + u16::try_from(n).unwrap_or(0);
            let style = match idx {
                Some(i) if self.in_list && *i == self.selected => th.selected,
                Some(_) => th.base,
                None => th.dim,
            };
            let text = ellipsize(text, usize::from(list_area.width));
            buf.set_string(list_area.x, y, text, style);
        }
        // The marks right of the list (in the margin or the gap before the explanation), never
        // over its last letters.
        widgets::scroll_marks(list_area, off, height, rows.len(), buf, th.dim);
        // The explanation of the highlighted service.
        if !self.in_list {
            widgets::put_wrapped(&t(ui, "tui.service.pick"), explain_area, buf, th.hint);
        } else if let Some(s) = list.get(self.selected) {
            let text = explanation(s, app);
            let lines = widgets::wrap(&text, explain_area.width);
            for (n, l) in lines
                .iter()
                .take(usize::from(explain_area.height))
                .enumerate()
            {
                let style = if n == 0 { th.label } else { th.hint };
                buf.set_string(
                    explain_area.x,
                    explain_area.y + u16::try_from(n).unwrap_or(0),
                    l,
                    style,
                );
            }
        } else {
            let msg = tf(
                ui,
                "tui.service.none",
                &[("filter", self.filter.value().to_string())],
            );
            widgets::put_wrapped(&msg, list_area, buf, th.hint);
        }
        cursor
    }
}

/// The explanation of a service: its name, what it is, and where a complaint goes when that is
/// not the usual way.
fn explanation(s: &Service, app: &App) -> String {
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
