//! Postcode → town and municipality (postnummer → poststed and kommune), from Bring's postcode
//! register with the 2024 municipality numbers, as kept in NAV's MIT-licensed `navikt/pam-geography`
//! (`data/postnummer-kommune.tsv`, see `data/LICENSE-postnummer-kommune.md`). Compiled in, parsed on
//! first use. A postcode not in the table is simply not known: it may be newer than the data.
//!
//! Two rows name places that are not municipalities: 2100 Svalbard and 2211 Jan Mayen (the
//! municipality column holds those numbers, but no municipality has them). [`municipality_number`]
//! gives their number all the same; `municipality::for_postcode` gives no municipality for them.

use std::collections::HashMap;
use std::sync::LazyLock;

const TSV: &str = include_str!("../../data/postnummer-kommune.tsv");

/// One row of the register.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// The town in capitals, as Bring writes it: "MO I RANA".
    town: &'static str,
    /// The municipality number (2024): "1833".
    municipality: &'static str,
}

/// One data line ("6800\tFØRDE\t4647\tSUNNFJORD\tG") as a row, when it is one.
fn parse(line: &'static str) -> Option<(&'static str, Row)> {
    if line.starts_with('#') {
        return None;
    }
    let mut f = line.split('\t').map(str::trim);
    let (code, town, municipality) = (f.next()?, f.next()?, f.next()?);
    let ok = code.len() == 4
        && code.bytes().all(|b| b.is_ascii_digit())
        && !town.is_empty()
        && municipality.len() == 4;
    ok.then_some((code, Row { town, municipality }))
}

/// Every row, for the lists ([`count`], [`towns`]).
static TABLE: LazyLock<HashMap<&'static str, Row>> =
    LazyLock::new(|| TSV.lines().filter_map(parse).collect());

/// The row of one postcode, found in the text itself: a single lookup (the `check` of every
/// case file does one) needs no table built.
fn lookup(code: &str) -> Option<Row> {
    let needle = format!("\n{code}\t");
    let start = TSV.find(&needle)? + 1;
    let line = TSV[start..].lines().next()?;
    parse(line).map(|(_, row)| row)
}

/// The postcode, trimmed, when it is four ASCII digits.
fn code(postcode: &str) -> Option<&str> {
    let code = postcode.trim();
    (code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

/// The town of a four-digit postcode, written as on an envelope: "0150" → "Oslo", "8622" → "Mo i
/// Rana". `None` for anything else, and for a postcode the data does not know.
#[must_use]
pub fn town(postcode: &str) -> Option<String> {
    lookup(code(postcode)?).map(|r| title_case(r.town))
}

/// The number of the municipality a postcode lies in (2024 numbering): "6800" → "4647"
/// (Sunnfjord). "2100" and "2211" for Svalbard and Jan Mayen, which are not municipalities.
#[must_use]
pub fn municipality_number(postcode: &str) -> Option<&'static str> {
    lookup(code(postcode)?).map(|r| r.municipality)
}

/// Every town (poststed) with the municipality number of each of its postcodes, one pair per
/// distinct (town, municipality), towns written as names ("Førde", "4647"). Sorted by town.
#[must_use]
pub fn towns() -> &'static [(String, &'static str)] {
    static TOWNS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
        let mut v: Vec<(&'static str, &'static str)> =
            TABLE.values().map(|r| (r.town, r.municipality)).collect();
        v.sort_unstable();
        v.dedup();
        v.into_iter().map(|(t, m)| (title_case(t), m)).collect()
    });
    &TOWNS
}

/// How many postcodes the table holds.
#[must_use]
pub fn count() -> usize {
    TABLE.len()
}

/// "MO I RANA" → "Mo i Rana", "VANG PÅ HEDMARKEN" → "Vang på Hedmarken", "NORD-ODAL" →
/// "Nord-Odal": a capital at the start of each word and after a dash, except the small words
/// "i", "på" and "og" inside a name.
fn title_case(upper: &str) -> String {
    upper
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && matches!(lower.as_str(), "i" | "på" | "og") {
                lower
            } else {
                lower.split('-').map(capital).collect::<Vec<_>>().join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capital(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_postcodes_give_their_town() {
        assert_eq!(town("0150").as_deref(), Some("Oslo"));
        assert_eq!(town(" 9008 ").as_deref(), Some("Tromsø"));
        assert_eq!(town("1337").as_deref(), Some("Sandvika"));
        assert_eq!(town("8622").as_deref(), Some("Mo i Rana"));
        assert_eq!(town("5003").as_deref(), Some("Bergen"));
    }

    #[test]
    fn unknown_and_malformed_postcodes_give_nothing() {
        for s in ["0000", "9999", "", "123", "12345", "abcd", "１２３４"] {
            assert_eq!(town(s), None, "{s:?}");
        }
    }

    #[test]
    fn the_whole_register_is_read() {
        assert_eq!(count(), 5137);
    }

    #[test]
    fn postcodes_give_their_municipality() {
        assert_eq!(municipality_number("6800"), Some("4647"));
        assert_eq!(municipality_number("1337"), Some("3201"));
        assert_eq!(municipality_number("6050"), Some("1532"));
        assert_eq!(municipality_number("9170"), Some("2100"));
        assert_eq!(municipality_number("12345"), None);
    }

    #[test]
    fn towns_list_each_town_once_per_municipality() {
        let forde: Vec<_> = towns().iter().filter(|(t, _)| t == "Førde").collect();
        assert_eq!(forde.len(), 1, "{forde:?}");
        assert_eq!(forde[0].1, "4647");
    }

    #[test]
    fn towns_are_written_as_names() {
        assert_eq!(title_case("VANG PÅ HEDMARKEN"), "Vang på Hedmarken");
        assert_eq!(title_case("NORD-ODAL"), "Nord-Odal");
        assert_eq!(title_case("ÅL"), "Ål");
    }
}
