//! The municipality that made the decision: type-ahead over the 357 municipalities; Enter picks
//! the highlighted one.

use crate::domain::case::RawMunicipality;
use crate::domain::municipality::{self, Municipality};
use crate::interview::action::Action;
use crate::interview::list::{self, Keys};
use crate::interview::text_field::{FieldEvent, TextInput};
use crate::interview::{App, Flow};

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
}
