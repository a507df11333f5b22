//! Postcode → town (postnummer → poststed), from Bring's register of 2021-05-31 as in the
//! MIT-licensed npm package `norway-postal-codes` (`data/postnummer.tsv`, see
//! `data/LICENSE-postnummer.md`). Compiled in, parsed on first use. A postcode not in the table is
//! simply not known: it may be newer than the data.

use std::collections::HashMap;
use std::sync::LazyLock;

const TSV: &str = include_str!("../../data/postnummer.tsv");

static TABLE: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    TSV.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, town)| (code.trim(), town.trim()))
        .filter(|(code, town)| code.len() == 4 && !town.is_empty())
        .collect()
});

/// The town of a four-digit postcode, written as on an envelope: "0150" → "Oslo", "8622" → "Mo i
/// Rana". `None` for anything else, and for a postcode the data does not know.
#[must_use]
pub fn town(postcode: &str) -> Option<String> {
    let code = postcode.trim();
    if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    TABLE.get(code).map(|t| title_case(t))
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
        assert_eq!(count(), 5132);
    }

    #[test]
    fn towns_are_written_as_names() {
        assert_eq!(title_case("VANG PÅ HEDMARKEN"), "Vang på Hedmarken");
        assert_eq!(title_case("NORD-ODAL"), "Nord-Odal");
        assert_eq!(title_case("ÅL"), "Ål");
    }
}
