//! The municipality that made the decision: type-ahead over the 357 municipalities; Enter picks
//! the highlighted one.

use crate::domain::case::RawMunicipality;
use crate::domain::municipality::{self, Municipality};
use crate::i18n::tf;
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
    /// The person moved the cursor: the highlighted item is their choice, even in a list of
    /// spelling guesses (which is never highlighted for them).
    pub moved: bool,
    /// Enter was pressed with nothing chosen: ask to choose.
    pub ask: bool,
}

/// What the screen offers for the text typed (issue #26): the list, whether its first item is
/// proposed (highlighted) for the person, and the sentences that say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub list: Vec<&'static Municipality>,
    /// The first item is proposed: a municipality's own name, a town in one municipality, the
    /// postcode's municipality, or a type-ahead match. Never a spelling guess.
    pub proposed: bool,
    /// The sentences above the list ("Postnummeret ditt, 6800, hører til Sunnfjord kommune.",
    /// "Førde ligger i Sunnfjord kommune.", "Ingen kommune heter «X». Mente du en av disse?").
    pub notes: Vec<String>,
}

/// The applicant's postcode, when given.
pub fn postcode(app: &App) -> Option<String> {
    app.raw
        .applicant
        .as_ref()
        .and_then(|a| a.postcode.clone())
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
}

/// What the screen offers for `query`: the postcode's municipality for nothing typed; for a
/// name, a municipality's own name, then a town through the postcode table ("Førde" →
/// Sunnfjord), then type-ahead matches, and only then spelling guesses, listed with nothing
/// chosen and after the postcode's municipality.
pub fn offer(app: &App, query: &str) -> Offer {
    let ui = app.ui;
    let pc = postcode(app);
    let home = pc.as_deref().and_then(municipality::for_postcode);
    // The postcode is the person's the decision is about: "ditt" only when that is the writer.
    let person = super::their_name(app);
    let home_note = |m: &Municipality| {
        let mut args = vec![
            ("postcode", pc.clone().unwrap_or_default()),
            ("name", m.letter_name()),
        ];
        let key = match &person {
            Some(p) => {
                args.push(("person", p.clone()));
                "tui.municipality.postcode-named"
            }
            None => "tui.municipality.postcode",
        };
        tf(ui, key, &args)
    };
    if query.trim().is_empty() {
        return match home {
            Some(h) => Offer {
                list: vec![h],
                proposed: true,
                notes: vec![home_note(h)],
            },
            None => Offer {
                list: Vec::new(),
                proposed: false,
                notes: Vec::new(),
            },
        };
    }
    let typed = found(query);
    let with_rest = |first: &'static Municipality| {
        let mut list = vec![first];
        if !typed.suggested {
            list.extend(typed.list.iter().copied().filter(|m| *m != first));
        }
        list.truncate(MAX_SHOWN);
        list
    };
    match municipality::resolve(query, pc.as_deref()) {
        municipality::Resolution::Municipality(m) => Offer {
            list: with_rest(m),
            proposed: true,
            notes: Vec::new(),
        },
        municipality::Resolution::Town { town, municipality } => Offer {
            list: with_rest(municipality),
            proposed: true,
            notes: vec![tf(
                ui,
                "tui.municipality.town",
                &[("town", town), ("name", municipality.letter_name())],
            )],
        },
        municipality::Resolution::Choose { town, candidates } => {
            let mut notes = Vec::new();
            if let Some(town) = town {
                notes.push(tf(ui, "tui.municipality.towns", &[("town", town)]));
            }
            Offer {
                list: candidates,
                proposed: false,
                notes,
            }
        }
        municipality::Resolution::Guess {
            from_postcode,
            suggestions,
        } => {
            if !typed.suggested && !typed.list.is_empty() {
                // Type-ahead: the first letters of real names.
                return Offer {
                    list: typed.list,
                    proposed: true,
                    notes: Vec::new(),
                };
            }
            let mut notes = Vec::new();
            let mut list = Vec::new();
            if let Some(h) = from_postcode {
                notes.push(home_note(h));
                list.push(h);
            }
            if !suggestions.is_empty() {
                notes.push(tf(
                    ui,
                    "tui.municipality.near",
                    &[("query", query.to_string())],
                ));
            }
            list.extend(suggestions);
            Offer {
                list,
                proposed: false,
                notes,
            }
        }
    }
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

impl MunicipalityState {
    pub fn new(app: &App) -> MunicipalityState {
        // Start from the choice made before; else the postcode's municipality (nothing typed);
        // else the person's town when it is a municipality's or a town's name (never a guess).
        let pc = postcode(app);
        let query = match chosen(app) {
            Some(m) => m.display().to_string(),
            None if pc.as_deref().and_then(municipality::for_postcode).is_some() => String::new(),
            None => app
                .raw
                .applicant
                .as_ref()
                .and_then(|a| a.city.clone())
                .filter(|c| municipality::resolve(c, pc.as_deref()).chosen().is_some())
                .unwrap_or_default(),
        };
        MunicipalityState {
            query: TextInput::new(&query),
            selected: 0,
            moved: false,
            ask: false,
        }
    }

    /// The item highlighted as the answer Enter takes, if any.
    pub fn highlighted(&self, offer: &Offer) -> Option<usize> {
        ((offer.proposed || self.moved) && self.selected < offer.list.len())
            .then_some(self.selected)
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let offer = offer(app, self.query.value());
        let list = offer.list.clone();
        let keys = Keys {
            tab: false,
            back_tab: true,
            page: 5,
            ends: false,
        };
        // Nothing highlighted (spelling guesses): the first arrow down highlights the first.
        if self.highlighted(&offer).is_none() && action == Action::Down && !list.is_empty() {
            self.selected = 0;
            self.moved = true;
            self.ask = false;
            return Flow::Stay;
        }
        if list::cursor(&mut self.selected, list.len(), &action, keys) {
            self.moved = true;
            self.ask = false;
            return Flow::Stay;
        }
        match action {
            Action::Back => return Flow::Back,
            Action::Enter | Action::Tab => {
                if let Some(m) = self.highlighted(&offer).and_then(|i| list.get(i)) {
                    let m = *m;
                    let same = chosen(app).is_some_and(|c| c.number == m.number);
                    app.edit(|r| {
                        let old = r.municipality.as_ref().filter(|_| same);
                        let address = old.and_then(|x| x.address.clone());
                        let district = old.and_then(|x| x.district.clone());
                        r.municipality = Some(RawMunicipality {
                            number: Some(m.number.to_string()),
                            name: Some(m.display().to_string()),
                            address,
                            district,
                        });
                    });
                    return Flow::Next;
                }
                if self.query.is_empty() && chosen(app).is_some() {
                    return Flow::Next;
                }
                self.ask = !list.is_empty();
            }
            other => match self.query.handle(&other) {
                FieldEvent::BackspaceOnEmpty => return Flow::Back,
                FieldEvent::Changed => {
                    self.selected = 0;
                    self.moved = false;
                    self.ask = false;
                }
                _ => {}
            },
        }
        Flow::Stay
    }
}
