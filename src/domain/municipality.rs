//! Norway's 357 municipalities (kommuner, valid from 2024-01-01) and the Statsforvalteren office each
//! belongs to.
//!
//! *Statsforvalteren* is the state's regional office (earlier called by another name, now outdated)
//! that finally decides a complaint about a municipality's decision on health and care services, when
//! the municipality does not change the decision itself. There are ten offices since 2024.
//!
//! The table is `data/kommuner.tsv`: Statistics Norway (SSB), Klass classification 131 "Kommuner i
//! Norge", licensed under NLOD 2.0 / CC BY 4.0 (see `data/LICENSE-kommuner.md`). It is compiled into the
//! program and parsed once, on first use.
//!
//! Names in the table come in three shapes, and matching treats them by data, never by a list of
//! special names (only [`Municipality::letter_name`] needs a short list, explained there):
//! - a plain name: `Tromsø`;
//! - a double (or triple) name, Norwegian and Sami and/or Kven, joined by `" - "`:
//!   `Trondheim - Tråante`, `Guovdageaidnu - Kautokeino`, `Porsanger - Porsángu - Porsanki`;
//! - a name that several municipalities share, told apart by SSB with the county in parentheses:
//!   `Herøy (Møre og Romsdal)` and `Herøy (Nordland)`, `Våler (Østfold)` and `Våler (Innlandet)`.
//!   The name itself ("Herøy") is the part before the parentheses.

use std::cmp::Ordering;
use std::sync::LazyLock;

pub mod bydel;
mod place;

pub use bydel::{addressee, decision_maker};
pub use place::{Resolution, for_postcode, outside_municipalities, resolve, towns_named};

/// The SSB table, compiled in.
const TSV: &str = include_str!("../../data/kommuner.tsv");

/// How many suggestions [`Lookup::NotFound`] carries at most.
const MAX_SUGGESTIONS: usize = 5;

/// Queries longer than this (in characters) get no edit-distance suggestions: no municipality's
/// name is nearly that long, and it keeps the work bounded for any input.
const MAX_FUZZY_CHARS: usize = 64;

/// Words that name the municipality as an institution rather than being part of its name:
/// "kommune" (Norwegian), "suohkan" and "gielda" (Northern Sami), "tjïelte" (Southern Sami, written
/// here as it is after [`normalize`]), "kunta" (Kven). They are ignored in what people type.
const INSTITUTION_WORDS: &[&str] = &["kommune", "suohkan", "gielda", "tjielte", "kunta"];

/// For double names whose Norwegian form is not the first part: the municipality number and its
/// Norwegian part, used by [`Municipality::letter_name`]. A letter in bokmål or nynorsk addresses
/// "Kautokeino kommune", not "Guovdageaidnu kommune" (the Sami form would be a different phrase
/// altogether, "Guovdageainnu suohkan"). Every other double name has its Norwegian form first
/// ("Trondheim - Tråante"). A test checks that each entry is a part of its row's name; if the data
/// ever disagrees, the first part is used.
const NORWEGIAN_PART_NOT_FIRST: &[(&str, &str)] = &[
    ("1826", "Hattfjelldal"),
    ("1875", "Hamarøy"),
    ("5041", "Snåsa"),
    ("5043", "Røyrvik"),
    ("5512", "Tjeldsund"),
    ("5518", "Lavangen"),
    ("5540", "Kåfjord"),
    ("5610", "Karasjok"),
    ("5612", "Kautokeino"),
    ("5628", "Tana"),
    ("5636", "Nesseby"),
];

/// One municipality (kommune), as in the SSB table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Municipality {
    /// The four-digit municipality number, e.g. `"5501"`; `"0301"` for Oslo.
    pub number: &'static str,
    /// The name as in the table: `"Tromsø"`, `"Trondheim - Tråante"`, `"Herøy (Nordland)"`.
    pub name: &'static str,
    /// The county (fylke), e.g. `"Troms"`.
    pub county: &'static str,
    /// The Statsforvalteren column as in the file, e.g. `"Statsforvalteren i Troms og Finnmark"`.
    /// Use [`Municipality::statsforvalteren`] to write it in a letter.
    statsforvalteren: &'static str,
}

impl Municipality {
    /// Name to write as a letter's recipient: `"Tromsø kommune"`.
    ///
    /// The county qualifier SSB adds to shared names is left out (`"Herøy (Nordland)"` → `"Herøy
    /// kommune"`; the address lines tell the two apart). For a double name the Norwegian part is
    /// used, followed by " kommune", because the letter is written in Norwegian and that is how
    /// these municipalities are addressed in Norwegian: `"Trondheim - Tråante"` → `"Trondheim
    /// kommune"` (what Trondheim itself uses on letters), `"Guovdageaidnu - Kautokeino"` →
    /// `"Kautokeino kommune"`, `"Gáivuotna - Kåfjord - Kaivuono"` → `"Kåfjord kommune"`. The whole
    /// double name followed by "kommune" does not read right ("Trondheim - Tråante kommune" attaches
    /// the Norwegian word to the Sami name), and neither does a Sami name with the Norwegian word
    /// ("Guovdageaidnu kommune"). The Norwegian part is the first part, except for the eleven
    /// municipalities whose official name puts the Sami form first (listed in this module's source).
    #[must_use]
    pub fn letter_name(&self) -> String {
        format!("{} kommune", self.norwegian_name())
    }

    /// The Statsforvalteren office, written in bokmål (`nynorsk == false`) or nynorsk.
    ///
    /// Bokmål: "Statsforvalteren i Troms og Finnmark"; nynorsk: "Statsforvaltaren i Troms og
    /// Finnmark". Vestland's office has the nynorsk name as its official name, so it is
    /// "Statsforvaltaren i Vestland" in both.
    #[must_use]
    pub fn statsforvalteren(&self, nynorsk: bool) -> String {
        let region = office_region(self.statsforvalteren);
        if nynorsk || region == "Vestland" {
            format!("Statsforvaltaren i {region}")
        } else {
            format!("Statsforvalteren i {region}")
        }
    }

    /// The name people type or read: the table name (`"Trondheim - Tråante"`, `"Herøy (Nordland)"`).
    #[must_use]
    pub fn display(&self) -> &'static str {
        self.name
    }

    /// The table name carries the county already: "Herøy (Nordland)". Not "Tromsø", although
    /// "Troms" is in it: only the qualifier in parentheses counts.
    #[must_use]
    pub fn names_county(&self) -> bool {
        self.name.ends_with(&format!("({})", self.county))
    }

    /// The Norwegian form of the name, without county qualifier; see [`Municipality::letter_name`].
    fn norwegian_name(&self) -> &'static str {
        let base = base_name(self.name);
        let listed = NORWEGIAN_PART_NOT_FIRST
            .iter()
            .find(|(number, _)| *number == self.number)
            .and_then(|(_, part)| name_parts(base).find(|p| p == part));
        listed.or_else(|| name_parts(base).next()).unwrap_or(base)
    }
}

/// All municipalities, in file order (by number): 357 rows.
#[must_use]
pub fn all() -> &'static [Municipality] {
    &ROWS
}

/// The municipality with this number, e.g. `"5501"`.
///
/// Surrounding whitespace is ignored; otherwise the number must be exactly four ASCII digits, so
/// `"301"` does not find Oslo (`"0301"`). [`find`] suggests the padded number instead.
#[must_use]
pub fn by_number(number: &str) -> Option<&'static Municipality> {
    let number = number.trim();
    if !is_number(number) {
        return None;
    }
    all().iter().find(|m| m.number == number)
}

/// The result of looking a municipality up by number and/or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Exactly one municipality fits.
    Found(&'static Municipality),
    /// The name fits several (e.g. "Herøy"): the candidates, in file order, to ask which one.
    Ambiguous(Vec<&'static Municipality>),
    /// Nothing fits: up to 5 closest names as suggestions, best first (may be empty).
    NotFound {
        /// Municipalities the user may have meant.
        suggestions: Vec<&'static Municipality>,
    },
    /// Number and name were both given and point to different municipalities.
    Mismatch {
        /// The municipality the number names.
        by_number: &'static Municipality,
        /// The municipalities the name fits (several when the name is shared, e.g. "Herøy"); empty
        /// when the name fits none.
        by_name: Vec<&'static Municipality>,
    },
}

/// Find a municipality from a case file's `number` and/or `name`.
///
/// A missing or blank value counts as not given.
/// - Neither: [`Lookup::NotFound`] without suggestions.
/// - Name only: as [`find_by_name`].
/// - Number only: [`Lookup::Found`], or [`Lookup::NotFound`] (suggesting `"0301"` for `"301"`).
/// - Both, and the number is known: `Found` when the name fits that municipality, also when the name
///   is shared ("Herøy" with 1818) or has a small typo ("Tromso" with 5501); otherwise
///   [`Lookup::Mismatch`].
/// - Both, and the number is unknown (e.g. a number from before 2024): `NotFound`, with what the
///   name fits as suggestions, so the user can be asked "did you mean Tromsø (5501)?".
#[must_use]
pub fn find(number: Option<&str>, name: Option<&str>) -> Lookup {
    let number = number.map(str::trim).filter(|s| !s.is_empty());
    let name = name.filter(|s| !s.trim().is_empty());
    match (number, name) {
        (None, None) => Lookup::NotFound {
            suggestions: Vec::new(),
        },
        (None, Some(name)) => find_by_name(name),
        (Some(number), None) => match by_number(number) {
            Some(m) => Lookup::Found(m),
            None => Lookup::NotFound {
                suggestions: padded_number(number).into_iter().collect(),
            },
        },
        (Some(number), Some(name)) => find_both(number, name),
    }
}

/// [`find`] with both number and name given (neither blank).
fn find_both(number: &str, name: &str) -> Lookup {
    // The usual case, a number and its own name: found from that one row's keys, without
    // building the search keys of all 357 (what the full search below would give as well: the
    // name's exact matches include this row, so the answer is this row).
    if let Some(m) = by_number(number) {
        let query = query_key(name);
        if Keys::new(m.name).iter().any(|k| k == query) {
            return Lookup::Found(m);
        }
    }
    let by_name = find_by_name(name);
    let Some(m) = by_number(number) else {
        let mut suggestions = match by_name {
            Lookup::Found(m) => vec![m],
            Lookup::Ambiguous(v) | Lookup::Mismatch { by_name: v, .. } => v,
            Lookup::NotFound { suggestions } => suggestions,
        };
        if let Some(m) = padded_number(number)
            && !suggestions.contains(&m)
        {
            suggestions.push(m);
        }
        suggestions.truncate(MAX_SUGGESTIONS);
        return Lookup::NotFound { suggestions };
    };
    match by_name {
        Lookup::Found(x) if x == m => Lookup::Found(m),
        Lookup::Found(x) => Lookup::Mismatch {
            by_number: m,
            by_name: vec![x],
        },
        // find_by_name never gives Mismatch; treated like Ambiguous.
        Lookup::Ambiguous(v) | Lookup::Mismatch { by_name: v, .. } => {
            if v.contains(&m) {
                Lookup::Found(m)
            } else {
                Lookup::Mismatch {
                    by_number: m,
                    by_name: v,
                }
            }
        }
        // A small typo of the number's own name is no mismatch.
        Lookup::NotFound { suggestions } => {
            if suggestions.contains(&m) {
                Lookup::Found(m)
            } else {
                Lookup::Mismatch {
                    by_number: m,
                    by_name: Vec::new(),
                }
            }
        }
    }
}

/// Forgiving name match.
///
/// Case-insensitive (including æøå/ÆØÅ and Sami letters; Sami accents are optional, so "Karasjohka"
/// finds "Kárášjohka"; "ä"/"ö" count as "æ"/"ø"); trims; ignores the words "kommune" (also
/// "kommune."), "suohkan", "gielda", "tjïelte" and "kunta"; accepts the whole name, any part of a
/// double name ("Trondheim", "Tråante", "Kautokeino", "Guovdageaidnu–Kautokeino") or two
/// neighbouring parts of a triple name ("Porsanger - Porsángu"); treats "-", "–", punctuation and
/// runs of spaces alike.
///
/// A shared name ("Herøy", "Våler") gives [`Lookup::Ambiguous`] with every municipality of that
/// name; adding the county picks one: "Herøy (Nordland)", "Herøy Nordland", "Herøy i Nordland",
/// "Herøy, Nordland". A county that has no municipality of that name gives [`Lookup::NotFound`]
/// suggesting the ones that do exist.
///
/// Otherwise [`Lookup::NotFound`] suggests up to 5 names by edit distance (Levenshtein over
/// characters, on the lowercased form, against the whole name and each part), smallest first, only
/// those within `max(2, length / 3)`; a name that starts with what was typed, or has it as a whole
/// word ("Fron" in "Nord-Fron"), counts as distance 1 when 3 characters or more were typed. Ties go
/// in alphabetical order. "Tromso" suggests Tromsø first. Never returns [`Lookup::Mismatch`].
#[must_use]
pub fn find_by_name(name: &str) -> Lookup {
    let query = query_key(name);
    if query.is_empty() {
        return Lookup::NotFound {
            suggestions: Vec::new(),
        };
    }
    let hits = exact_matches(&query);
    if !hits.is_empty() {
        return from_hits(hits);
    }
    let mut near = Vec::new();
    if let Some((base, county)) = split_county(&query) {
        let base_hits = exact_matches(base);
        let in_county: Vec<_> = base_hits
            .iter()
            .copied()
            .filter(|m| normalize(m.county) == county)
            .collect();
        if !in_county.is_empty() {
            return from_hits(in_county);
        }
        near = base_hits;
    }
    Lookup::NotFound {
        suggestions: suggestions(&query, near),
    }
}

/// Type-ahead and `omsorgsklage kommuner SEARCH`.
///
/// Matching is as loose as [`find_by_name`] about case, accents, dashes and the word "kommune".
/// First the municipalities whose whole name or any name part starts with the query, then those
/// whose name contains it, each group in Norwegian alphabetical order (… x y z æ ø å); then, when the
/// query is digits, those whose number starts with it, by number. No municipality appears twice.
/// An empty query gives all municipalities, in file order (by number).
#[must_use]
pub fn search(query: &str) -> Vec<&'static Municipality> {
    let key = query_key(query);
    if key.is_empty() {
        return all().iter().collect();
    }
    let found = search_key(&key);
    if !found.is_empty() {
        return found;
    }
    // While typing "Bærum komm", the last word is the start of "kommune": ignore it.
    if let Some((rest, last)) = key.rsplit_once(' ')
        && INSTITUTION_WORDS.iter().any(|w| w.starts_with(last))
    {
        let found = search_key(rest);
        if !found.is_empty() {
            return found;
        }
    }
    // Written without æ, ø, å: "Baerum", "Tromso", "Alesund", "Aal".
    search_folded(&ascii_fold(&key))
}

/// What [`search_forgiving`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The municipalities, best first.
    pub list: Vec<&'static Municipality>,
    /// Nothing matched what was typed: these are the closest names ("Bærun" → Bærum).
    pub suggested: bool,
}

/// [`search`], and when it finds nothing, the closest names by edit distance (as
/// [`find_by_name`] suggests them): "Bærun" → Bærum, "Kristiansnad" → Kristiansand. The wizard,
/// line mode and `omsorgsklage kommuner` all search with this.
#[must_use]
pub fn search_forgiving(query: &str) -> Found {
    let list = search(query);
    if !list.is_empty() {
        return Found {
            list,
            suggested: false,
        };
    }
    let key = query_key(query);
    Found {
        list: suggestions(&key, Vec::new()),
        suggested: true,
    }
}

// ---------------------------------------------------------------------------------------------
// The parsed table and its match keys.

/// The rows, and for each row (same index) the normalised forms of its names.
/// What searching by name needs, built from [`ROWS`] the first time a name is looked up (a
/// lookup by number never builds it: it was a fifth of a `render` run).
struct Table {
    /// One per row of [`ROWS`], in the same order.
    keys: Vec<Keys>,
    /// The distinct counties, normalised.
    counties: Vec<String>,
}

/// One row's names, normalised with [`normalize`].
struct Keys {
    /// The whole table name: "herøy nordland", "trondheim tråante".
    full: String,
    /// The name without county qualifier: "herøy".
    base: String,
    /// The parts of a double name: `["trondheim", "tråante"]`; one part for a plain name.
    parts: Vec<String>,
    /// For a triple name, the runs of two neighbouring parts: `"porsanger porsangu"`,
    /// `"porsangu porsanki"`.
    runs: Vec<String>,
    /// Every form above written without æ, ø, å ([`ascii_fold`]): "baerum", "tromso".
    folded: Vec<String>,
}

impl Keys {
    fn new(name: &str) -> Self {
        let base = base_name(name);
        let parts: Vec<String> = name_parts(base).map(normalize).collect();
        let runs = if parts.len() > 2 {
            parts.windows(2).map(|w| w.join(" ")).collect()
        } else {
            Vec::new()
        };
        let mut keys = Keys {
            full: normalize(name),
            base: normalize(base),
            parts,
            runs,
            folded: Vec::new(),
        };
        let mut folded: Vec<String> = keys.iter().map(ascii_fold).collect();
        folded.dedup();
        keys.folded = folded;
        keys
    }

    /// Every form the row's name may be typed in: the whole name, the name without county, each
    /// part, and each run of neighbouring parts.
    fn iter(&self) -> impl Iterator<Item = &str> {
        [self.full.as_str(), self.base.as_str()]
            .into_iter()
            .chain(self.parts.iter().map(String::as_str))
            .chain(self.runs.iter().map(String::as_str))
    }
}

/// The rows of the data file.
static ROWS: LazyLock<Vec<Municipality>> = LazyLock::new(|| parse(TSV));

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let rows = &*ROWS;
    let keys = rows.iter().map(|m| Keys::new(m.name)).collect();
    let mut counties: Vec<String> = Vec::new();
    for m in rows {
        let county = normalize(m.county);
        if !county.is_empty() && !counties.contains(&county) {
            counties.push(county);
        }
    }
    Table { keys, counties }
});

/// Parse the TSV: `#` lines are comments; a line is a row when it has four tab-separated fields and
/// the first is a four-digit number (so the header line and anything malformed are skipped).
fn parse(text: &'static str) -> Vec<Municipality> {
    let mut rows = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t').map(str::trim);
        let (Some(number), Some(name), Some(county), Some(statsforvalteren)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        if is_number(number) && !name.is_empty() {
            rows.push(Municipality {
                number,
                name,
                county,
                statsforvalteren,
            });
        }
    }
    rows
}

fn rows_with_keys() -> impl Iterator<Item = (&'static Municipality, &'static Keys)> {
    ROWS.iter().zip(TABLE.keys.iter())
}

fn is_number(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// "301" → Oslo ("0301"): a number given with its leading zeros dropped.
fn padded_number(number: &str) -> Option<&'static Municipality> {
    let number = number.trim();
    if (1..4).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) {
        by_number(&format!("{number:0>4}"))
    } else {
        None
    }
}

/// The name without SSB's county qualifier: "Herøy (Nordland)" → "Herøy".
fn base_name(name: &str) -> &str {
    match name.split_once(" (") {
        Some((base, rest)) if rest.ends_with(')') && !base.trim().is_empty() => base.trim(),
        _ => name.trim(),
    }
}

/// The parts of a double name: "Porsanger - Porsángu - Porsanki" → Porsanger, Porsángu, Porsanki.
/// Only a dash between spaces separates parts; "Nord-Fron" is one name.
fn name_parts(base: &str) -> impl Iterator<Item = &str> {
    base.split(" - ")
        .flat_map(|p| p.split(" – "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The region of an office from the file's column: "Statsforvalteren i Agder" → "Agder".
fn office_region(column: &str) -> &str {
    column
        .strip_prefix("Statsforvalteren i ")
        .or_else(|| column.strip_prefix("Statsforvaltaren i "))
        .unwrap_or(column)
        .trim()
}

// ---------------------------------------------------------------------------------------------
// Normalising and comparing names.

/// Lowercase; fold Sami and other accents to the plain letter (á→a, š→s, č→c, đ→d, ŋ→n, ŧ→t, ž→z,
/// ï→i, …) while keeping the Norwegian letters æ, ø, å (and reading ä/ö as æ/ø); compose the common
/// decomposed forms (a + ring → å); turn everything that is not a letter or digit (dashes, en
/// dashes, parentheses, commas, full stops, any whitespace) into a single space; trim.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            // A combining mark belongs to the letter just written (if any, and no gap since).
            if !gap {
                let composed = match (out.chars().last(), c) {
                    (Some('a'), '\u{30a}') => Some('å'),
                    (Some('a'), '\u{308}') => Some('æ'),
                    (Some('o'), '\u{308}' | '\u{338}') => Some('ø'),
                    _ => None,
                };
                if let Some(composed) = composed {
                    out.pop();
                    out.push(composed);
                }
            }
            continue;
        }
        let c = fold(c);
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// One lowercase character with its accent removed, except the Norwegian æ, ø, å.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ā' => 'a',
        'ä' => 'æ',
        'ö' | 'ǿ' => 'ø',
        'č' | 'ç' | 'ć' => 'c',
        'đ' | 'ð' => 'd',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ŋ' | 'ń' | 'ñ' => 'n',
        'ó' | 'ò' | 'ô' | 'õ' | 'ō' => 'o',
        'š' | 'ś' => 's',
        'ŧ' => 't',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        _ => c,
    }
}

/// What a user typed, normalised, with the institution words ("kommune", …) removed.
fn query_key(s: &str) -> String {
    normalize(s)
        .split(' ')
        .filter(|w| !w.is_empty() && !INSTITUTION_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rows with a name key equal to `key`, in file order.
fn exact_matches(key: &str) -> Vec<&'static Municipality> {
    rows_with_keys()
        .filter(|(_, keys)| keys.iter().any(|k| k == key))
        .map(|(m, _)| m)
        .collect()
}

fn from_hits(mut hits: Vec<&'static Municipality>) -> Lookup {
    if hits.len() == 1
        && let Some(m) = hits.pop()
    {
        return Lookup::Found(m);
    }
    if hits.is_empty() {
        Lookup::NotFound {
            suggestions: Vec::new(),
        }
    } else {
        Lookup::Ambiguous(hits)
    }
}

/// "herøy i nordland" → ("herøy", "nordland"): a county (from the data) at the end of the query,
/// after a space and an optional "i". The longest county that fits wins.
fn split_county(query: &str) -> Option<(&str, &'static str)> {
    TABLE
        .counties
        .iter()
        .filter_map(|county| {
            let base = query.strip_suffix(county.as_str())?.strip_suffix(' ')?;
            let base = base.strip_suffix(" i").unwrap_or(base).trim();
            (!base.is_empty()).then_some((base, county.as_str()))
        })
        .max_by_key(|(_, county)| county.len())
}

/// Up to [`MAX_SUGGESTIONS`]: `first` (in its order), then the closest names by edit distance.
fn suggestions(query: &str, first: Vec<&'static Municipality>) -> Vec<&'static Municipality> {
    let mut out = first;
    let q: Vec<char> = query.chars().collect();
    let folded = ascii_fold(query);
    let f: Vec<char> = folded.chars().collect();
    if !q.is_empty() && q.len() <= MAX_FUZZY_CHARS {
        let limit = (q.len() / 3).max(2);
        let mut scored: Vec<(usize, &'static Municipality, &'static Keys)> = rows_with_keys()
            .filter_map(|(m, keys)| {
                // Compared as typed, and without æ, ø, å on both sides ("Bærun", "Tromso").
                let d = keys
                    .iter()
                    .map(|k| distance(query, &q, k, limit))
                    .chain(keys.folded.iter().map(|k| distance(&folded, &f, k, limit)))
                    .min()?;
                (d <= limit).then_some((d, m, keys))
            })
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| alphabetical(a.2, a.1, b.2, b.1)));
        for (_, m, _) in scored {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    out.truncate(MAX_SUGGESTIONS);
    out
}

/// Edit distance from the query to one name key, or more than `limit` when clearly too far. A key
/// that starts with a query of 3 characters or more, or has it as a whole word ("Fron" in
/// "Nord-Fron"), counts as 1.
fn distance(query: &str, q: &[char], key: &str, limit: usize) -> usize {
    if q.len() >= 3 && (key.starts_with(query) || key.split(' ').any(|w| w == query)) {
        return 1;
    }
    if key.chars().count().abs_diff(q.len()) > limit {
        return limit + 1;
    }
    crate::domain::case::levenshtein(query, key)
}

/// A normalised name written with the letters of an English keyboard, as people do without æ, ø,
/// å: æ → ae, ø → o, å → a, and "aa" (the old spelling of å) → a. "bærum" → "baerum", "tromsø" →
/// "tromso", "ålesund" and "aalesund" → "alesund".
fn ascii_fold(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            _ => out.push(c),
        }
    }
    out.replace("aa", "a")
}

/// [`search_key`] on the folded forms: the same order (starts, then contains).
fn search_folded(folded: &str) -> Vec<&'static Municipality> {
    if folded.is_empty() {
        return Vec::new();
    }
    let mut starts: Vec<(&'static Municipality, &'static Keys)> = Vec::new();
    let mut contains = Vec::new();
    for (m, keys) in rows_with_keys() {
        if keys.folded.iter().any(|k| k.starts_with(folded)) {
            starts.push((m, keys));
        } else if keys.folded.iter().any(|k| k.contains(folded)) {
            contains.push((m, keys));
        }
    }
    let by_name =
        |a: &(&Municipality, &Keys), b: &(&Municipality, &Keys)| alphabetical(a.1, a.0, b.1, b.0);
    starts.sort_by(by_name);
    contains.sort_by(by_name);
    starts.into_iter().chain(contains).map(|(m, _)| m).collect()
}

/// Norwegian alphabetical order of two rows: by [`collation`] of the whole name, then by number.
fn alphabetical(ka: &Keys, ma: &Municipality, kb: &Keys, mb: &Municipality) -> Ordering {
    collation(&ka.full)
        .cmp(collation(&kb.full))
        .then_with(|| ma.number.cmp(mb.number))
}

/// Sort key of a normalised name: space, digits, a–z, then æ, ø, å (Norwegian order).
fn collation(key: &str) -> impl Iterator<Item = u32> + '_ {
    key.chars().map(|c| match c {
        ' ' => 0,
        '0'..='9' => 1 + u32::from(c) - u32::from('0'),
        'a'..='z' => 20 + u32::from(c) - u32::from('a'),
        'æ' => 46,
        'ø' => 47,
        'å' => 48,
        _ => 100 + u32::from(c),
    })
}

fn search_key(key: &str) -> Vec<&'static Municipality> {
    let mut starts: Vec<(&'static Municipality, &'static Keys)> = Vec::new();
    let mut contains = Vec::new();
    for (m, keys) in rows_with_keys() {
        if keys.iter().any(|k| k.starts_with(key)) {
            starts.push((m, keys));
        } else if keys.iter().any(|k| k.contains(key)) {
            contains.push((m, keys));
        }
    }
    let by_name =
        |a: &(&Municipality, &Keys), b: &(&Municipality, &Keys)| alphabetical(a.1, a.0, b.1, b.0);
    starts.sort_by(by_name);
    contains.sort_by(by_name);
    let mut out: Vec<&'static Municipality> =
        starts.into_iter().chain(contains).map(|(m, _)| m).collect();
    if key.bytes().all(|b| b.is_ascii_digit()) {
        for m in all() {
            if m.number.starts_with(key) && !out.contains(&m) {
                out.push(m);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
