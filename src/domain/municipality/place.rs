//! From what a person knows to their municipality: a postcode, or a place name that may be a town
//! rather than a municipality ("Førde" is a town in Sunnfjord, "Sandvika" in Bærum, "Valderøya"
//! in Giske; FACTS.md §9). The table is Bring's postcode register ([`crate::domain::postcode`]).

use super::{Lookup, Municipality, ascii_fold, by_number, find_by_name, query_key, suggestions};
use crate::domain::postcode;

/// The municipality a postcode lies in: "6800" → Sunnfjord. `None` for a postcode the register
/// does not know, and for Svalbard (2100) and Jan Mayen (2211), which are not municipalities.
#[must_use]
pub fn for_postcode(postcode: &str) -> Option<&'static Municipality> {
    postcode::municipality_number(postcode).and_then(by_number)
}

/// The postcode lies on Svalbard or Jan Mayen: places with postcodes that belong to no
/// municipality (their care services are not a municipality's).
#[must_use]
pub fn outside_municipalities(postcode: &str) -> bool {
    matches!(
        postcode::municipality_number(postcode),
        Some("2100" | "2211")
    )
}

/// Towns (poststeder) with exactly this name, each with its municipality: "Førde" → [("Førde",
/// Sunnfjord)]. Matching is as forgiving as for municipalities (case, accents, "kommune"), and
/// also without æ, ø, å ("Forde"). A town whose municipality has the same name ("Tromsø" in
/// Tromsø) is left out: it says nothing new.
#[must_use]
pub fn towns_named(typed: &str) -> Vec<(String, &'static Municipality)> {
    let key = query_key(typed);
    if key.is_empty() {
        return Vec::new();
    }
    let folded = ascii_fold(&key);
    let mut exact = Vec::new();
    let mut loose = Vec::new();
    for ((town, number), (town_key, town_folded)) in postcode::towns().iter().zip(town_keys()) {
        let is_exact = *town_key == key;
        if !is_exact && *town_folded != folded {
            continue;
        }
        let Some(m) = by_number(number) else { continue };
        if super::Keys::new(m.name).iter().any(|k| k == town_key) {
            continue;
        }
        if is_exact {
            exact.push((town.clone(), m));
        } else {
            loose.push((town.clone(), m));
        }
    }
    if exact.is_empty() { loose } else { exact }
}

/// The match keys of [`postcode::towns`], same order: as typed ([`query_key`]) and without æ,
/// ø, å. Built once, the first time a town is looked up.
fn town_keys() -> &'static [(String, String)] {
    static KEYS: std::sync::LazyLock<Vec<(String, String)>> = std::sync::LazyLock::new(|| {
        postcode::towns()
            .iter()
            .map(|(town, _)| {
                let key = query_key(town);
                let folded = ascii_fold(&key);
                (key, folded)
            })
            .collect()
    });
    &KEYS
}

/// How a typed place name was understood, for the municipality question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// The name is this municipality's.
    Municipality(&'static Municipality),
    /// The name is a town in this municipality: "Førde ligger i Sunnfjord kommune".
    Town {
        /// The town, written as a name: "Førde".
        town: String,
        municipality: &'static Municipality,
    },
    /// Several municipalities fit (a shared name like "Herøy", or a town name found in several
    /// municipalities): ask which. The postcode's municipality, when it is one of them, first.
    Choose {
        /// The town, when the name is a town's.
        town: Option<String>,
        candidates: Vec<&'static Municipality>,
    },
    /// Nothing fits the name. `suggestions` are spelling guesses (up to 5), never to be chosen
    /// for the person: the screen lists them with nothing selected. A guess that is not the
    /// postcode's municipality is only listed after it.
    Guess {
        /// The municipality of the person's postcode, when known: the proposal to offer first.
        from_postcode: Option<&'static Municipality>,
        suggestions: Vec<&'static Municipality>,
    },
}

impl Resolution {
    /// The municipality understood without asking: a municipality's own name, or a town that
    /// lies in one municipality. Never a spelling guess.
    #[must_use]
    pub fn chosen(&self) -> Option<&'static Municipality> {
        match self {
            Resolution::Municipality(m) => Some(m),
            Resolution::Town { municipality, .. } => Some(municipality),
            Resolution::Choose { .. } | Resolution::Guess { .. } => None,
        }
    }
}

/// Understand a typed place name, with the person's postcode when known.
///
/// In this order, the first that fits:
/// 1. the name of a municipality ("Bærum", "Trondheim"); a shared name ("Herøy") gives
///    [`Resolution::Choose`], or the postcode's municipality when it is one of them;
/// 2. the name of a town in the postcode register ("Førde" → Sunnfjord, "Sandvika" → Bærum); a
///    town in several municipalities gives `Choose`, or the postcode's one when it is among them;
/// 3. nothing fits: [`Resolution::Guess`], with the postcode's municipality (if known) to propose
///    first and the spelling guesses after it; none of them is chosen.
///
/// A name that fits (steps 1 and 2) but is not the postcode's municipality is still what the
/// person typed: people may complain to another municipality than where they live. The caller
/// compares it with [`for_postcode`] to say so.
#[must_use]
pub fn resolve(typed: &str, postcode: Option<&str>) -> Resolution {
    let home = postcode.and_then(for_postcode);
    let prefer = |candidates: Vec<&'static Municipality>| match home {
        Some(h) if candidates.contains(&h) => Err(h),
        _ => Ok(candidates),
    };
    match find_by_name(typed) {
        Lookup::Found(m) => return Resolution::Municipality(m),
        Lookup::Ambiguous(list) => {
            return match prefer(list) {
                Err(h) => Resolution::Municipality(h),
                Ok(candidates) => Resolution::Choose {
                    town: None,
                    candidates,
                },
            };
        }
        Lookup::NotFound { .. } | Lookup::Mismatch { .. } => {}
    }
    let mut towns = towns_named(typed);
    if towns.len() == 1
        && let Some((town, municipality)) = towns.pop()
    {
        return Resolution::Town { town, municipality };
    }
    if let Some((town, _)) = towns.first() {
        let town = town.clone();
        let candidates: Vec<_> = towns.iter().map(|(_, m)| *m).collect();
        return match prefer(candidates) {
            Err(h) => Resolution::Town {
                town,
                municipality: h,
            },
            Ok(candidates) => Resolution::Choose {
                town: Some(town),
                candidates,
            },
        };
    }
    let mut guesses = suggestions(&query_key(typed), Vec::new());
    if let Some(h) = home {
        guesses.retain(|m| *m != h);
    }
    Resolution::Guess {
        from_postcode: home,
        suggestions: guesses,
    }
}
