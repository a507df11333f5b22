//! The municipality that made the decision: type-ahead over the 357 municipalities; Enter picks
//! the highlighted one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::case::RawMunicipality;
use crate::domain::municipality::{self, Municipality};
use crate::i18n::{t, tf};
use crate::tui::action::Action;
use crate::tui::app::{App, Flow, Step};
use crate::tui::theme::{DONE, SELECTED, UNSELECTED};
use crate::tui::widgets::list::{self, Keys};
use crate::tui::widgets::text_field::{FieldEvent, TextInput};
use crate::tui::widgets::{self, ellipsize};

use super::{centred_offset, question, title_and_hint};

/// How many matches are listed at most.
const MAX_SHOWN: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityState {
    pub query: TextInput,
    pub selected: usize,
}

/// The municipality chosen so far.
pub fn chosen(app: &App) -> Option<&'static Municipality> {
    let m = app.raw.municipality.as_ref()?;
    match municipality::find(m.number.as_deref(), m.name.as_deref()) {
        municipality::Lookup::Found(m) => Some(m),
        _ => None,
    }
}

/// The matches for a query (none for an empty query), or the closest names when nothing matches
/// ("Bærun" → Bærum).
pub fn found(query: &str) -> municipality::Found {
    if query.trim().is_empty() {
        return municipality::Found {
            list: Vec::new(),
            suggested: false,
        };
    }
    let mut f = municipality::search_forgiving(query);
    f.list.truncate(MAX_SHOWN);
    f
}

/// The municipalities listed for a query: [`found`]'s list.
pub fn matches(query: &str) -> Vec<&'static Municipality> {
    found(query).list
}

impl MunicipalityState {
    pub fn new(app: &App) -> MunicipalityState {
        // Start from the choice made before, else from the person's town: often the same name.
        let query = match chosen(app) {
            Some(m) => m.display().to_string(),
            None => app
                .raw
                .applicant
                .as_ref()
                .and_then(|a| a.city.clone())
                .filter(|c| !matches(c).is_empty())
                .unwrap_or_default(),
        };
        MunicipalityState {
            query: TextInput::new(&query),
            selected: 0,
        }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let list = matches(self.query.value());
        let keys = Keys {
            tab: false,
            back_tab: true,
            page: 5,
            ends: false,
        };
        if list::cursor(&mut self.selected, list.len(), &action, keys) {
            return Flow::Stay;
        }
        match action {
            Action::Back => return Flow::Back,
            Action::Enter | Action::Tab => {
                if let Some(m) = list.get(self.selected) {
                    let m = *m;
                    let same = chosen(app).is_some_and(|c| c.number == m.number);
                    app.edit(|r| {
                        let address = if same {
                            r.municipality.as_ref().and_then(|x| x.address.clone())
                        } else {
                            None
                        };
                        r.municipality = Some(RawMunicipality {
                            number: Some(m.number.to_string()),
                            name: Some(m.display().to_string()),
                            address,
                            district: None,
                        });
                    });
                    return Flow::Next;
                }
                if self.query.is_empty() && chosen(app).is_some() {
                    return Flow::Next;
                }
            }
            other => match self.query.handle(&other) {
                FieldEvent::BackspaceOnEmpty => return Flow::Back,
                FieldEvent::Changed => self.selected = 0,
                _ => {}
            },
        }
        Flow::Stay
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = &app.theme;
        let ui = app.ui;
        let (title, hint) = title_and_hint(app, Step::Municipality);
        let rest = question(app, &title, &hint, area, buf);
        let label = t(ui, "tui.municipality.search");
        let lw = u16::try_from(label.chars().count() + 1).unwrap_or(8);
        buf.set_string(rest.x, rest.y, &label, th.label);
        let fw = rest.width.saturating_sub(lw).min(40);
        let cursor = self.query.render(
            Rect::new(rest.x + lw, rest.y, fw, 1),
            buf,
            th.field_focus,
            th.base,
            true,
        );
        let mut y = 2;
        if let Some(m) = chosen(app) {
            let s = tf(ui, "tui.municipality.chosen", &[("name", m.letter_name())]);
            y += widgets::put_wrapped(
                &format!("{DONE}{s}"),
                widgets::below(rest, y),
                buf,
                th.success,
            ) + 1;
        }
        let found = found(self.query.value());
        if found.suggested && !found.list.is_empty() {
            let s = tf(
                ui,
                "tui.municipality.near",
                &[("query", self.query.value().to_string())],
            );
            y += widgets::put_wrapped(&s, widgets::below(rest, y), buf, th.hint);
        }
        let list_area = widgets::below(rest, y);
        let list = found.list;
        if list.is_empty() {
            let msg = if self.query.is_empty() {
                t(ui, "tui.municipality.type")
            } else {
                tf(
                    ui,
                    "tui.municipality.none",
                    &[("query", self.query.value().to_string())],
                )
            };
            widgets::put_wrapped(&msg, list_area, buf, th.hint);
            return cursor;
        }
        let height = usize::from(list_area.height);
        let off = centred_offset(self.selected, self.selected + 1, list.len(), height);
        for (n, m) in list.iter().enumerate().skip(off).take(height) {
            let sel = n == self.selected;
            let mark = if sel { SELECTED } else { UNSELECTED };
            // Shared names carry their county already: "Herøy (Nordland)".
            let text = if m.names_county() {
                format!("{mark}{}  ({})", m.display(), m.number)
            } else {
                format!("{mark}{}  ({}, {})", m.display(), m.county, m.number)
            };
            let style = if sel { th.selected } else { th.base };
            let row = list_area.y + u16::try_from(n - off).unwrap_or(0);
            buf.set_string(
                list_area.x,
                row,
                ellipsize(&text, usize::from(list_area.width)),
                style,
            );
        }
        widgets::scroll_marks(list_area, off, height, list.len(), buf, th.dim);
        cursor
    }
}
