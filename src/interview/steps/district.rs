//! In Oslo, which bydel made the decision (issue #26; FACTS.md §9): Oslo's 15 bydeler, filtered
//! by what is typed ("grün", "grun" and "løkka" all find Grünerløkka), like the service list.
//! Nothing is highlighted until the person moves into the list or types; Enter chooses the
//! highlighted bydel, the one left when only one fits.

use crate::domain::municipality::bydel;
use crate::interview::action::Action;
use crate::interview::list;
use crate::interview::text_field::{FieldEvent, TextInput};
use crate::interview::{App, Flow};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictState {
    pub filter: TextInput,
    /// Index into [`matches`].
    pub selected: usize,
    /// The person is in the list: a bydel was chosen before, or an arrow key, a search or a
    /// first Enter brought them there. Until then nothing is highlighted and Enter chooses
    /// nothing.
    pub in_list: bool,
}

/// The bydeler that fit what was typed (all 15 for nothing typed), forgiving about case,
/// accents and æ/ø/å.
pub fn matches(filter: &str) -> Vec<&'static str> {
    bydel::filter(filter)
}

/// The bydel chosen before, by its official name.
pub fn current(app: &App) -> Option<&'static str> {
    app.raw
        .municipality
        .as_ref()
        .and_then(|m| m.district.as_deref())
        .and_then(bydel::find)
}

impl DistrictState {
    pub fn new(app: &App) -> DistrictState {
        let chosen = current(app);
        DistrictState {
            filter: TextInput::new(""),
            selected: chosen
                .and_then(|c| matches("").iter().position(|b| *b == c))
                .unwrap_or(0),
            in_list: chosen.is_some(),
        }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let list = matches(self.filter.value());
        let n = list.len();
        if !self.in_list {
            match action {
                // The first Enter moves into the list; it never chooses the first bydel.
                Action::Enter
                | Action::Up
                | Action::Down
                | Action::Tab
                | Action::BackTab
                | Action::PageUp
                | Action::PageDown => {
                    self.in_list = true;
                    return Flow::Stay;
                }
                _ => {}
            }
        }
        match action {
            Action::Back => return Flow::Back,
            ref a if list::cursor(&mut self.selected, n, a, list::Keys::SEARCH) => {}
            Action::Enter => {
                if let Some(b) = list.get(self.selected) {
                    let v = (*b).to_string();
                    app.edit(|r| {
                        r.municipality.get_or_insert_with(Default::default).district = Some(v)
                    });
                    return Flow::Next;
                }
            }
            other => match self.filter.handle(&other) {
                FieldEvent::BackspaceOnEmpty => return Flow::Back,
                FieldEvent::Changed => {
                    let typed = !self.filter.value().trim().is_empty();
                    self.in_list = typed || current(app).is_some();
                    // The first that fits; with nothing typed, the one chosen before.
                    self.selected = if typed {
                        0
                    } else {
                        current(app)
                            .and_then(|c| matches("").iter().position(|b| *b == c))
                            .unwrap_or(0)
                    };
                }
                _ => {}
            },
        }
        Flow::Stay
    }
}
