//! Oslo's 15 bydeler (districts). In Oslo the bydel where the person lives makes decisions on
//! health and care services, and the complaint is sent to that bydel (FACTS.md §9). The letter is
//! addressed "Oslo kommune, bydel Grünerløkka" and says "bydel Grünerløkka i Oslo kommune".

use super::{ascii_fold, normalize};

/// Oslo's municipality number.
pub const OSLO: &str = "0301";

/// The 15 bydeler, official names, in alphabetical order (FACTS.md §9).
pub const ALL: [&str; 15] = [
    "Alna",
    "Bjerke",
    "Frogner",
    "Gamle Oslo",
    "Grorud",
    "Grünerløkka",
    "Nordre Aker",
    "Nordstrand",
    "Sagene",
    "St. Hanshaugen",
    "Stovner",
    "Søndre Nordstrand",
    "Ullern",
    "Vestre Aker",
    "Østensjø",
];

/// Whether a municipality number is Oslo's, the one municipality with bydeler here.
#[must_use]
pub fn has_districts(municipality_number: &str) -> bool {
    municipality_number.trim() == OSLO
}

/// Who a letter is addressed to: "Tromsø kommune"; for a bydel, "Oslo kommune, bydel
/// Grünerløkka" (FACTS.md §9).
#[must_use]
pub fn addressee(m: &super::Municipality, district: Option<&str>) -> String {
    match district {
        Some(d) => format!("{}, bydel {d}", m.letter_name()),
        None => m.letter_name(),
    }
}

/// Who made the decision, as the letter's text says it: "Tromsø kommune"; for a bydel, "bydel
/// Grünerløkka i Oslo kommune" (FACTS.md §9).
#[must_use]
pub fn decision_maker(m: &super::Municipality, district: Option<&str>) -> String {
    match district {
        Some(d) => format!("bydel {d} i {}", m.letter_name()),
        None => m.letter_name(),
    }
}

/// What a person typed, as a key: lowercase, without accents ("ü" → "u"), without æ/ø/å
/// ("grunerlokka"), without the words "bydel" and "oslo"/"kommune" around it, "sankt" read as
/// "st".
fn key(typed: &str) -> String {
    let n = normalize(typed).replace('ü', "u");
    let words: Vec<&str> = n
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| if w == "sankt" { "st" } else { w })
        .collect();
    // "Bydel Grünerløkka", "Grünerløkka bydel", "bydel Grünerløkka i Oslo kommune".
    let mut words: Vec<&str> = words.into_iter().filter(|w| *w != "bydel").collect();
    if words.len() > 1 && words.last() == Some(&"kommune") {
        words.pop();
    }
    if words.len() > 1 && words.last() == Some(&"oslo") {
        words.pop();
        if words.last() == Some(&"i") {
            words.pop();
        }
    }
    if words.len() > 1 && words.first() == Some(&"oslo") {
        words.remove(0);
    }
    ascii_fold(&words.join(" "))
}

/// The official name of the bydel typed, forgiving about case, accents, æ/ø/å, "Bydel" before
/// and "i Oslo kommune" after: "grunerlokka", "Bydel Grünerløkka", "st hanshaugen" →
/// "Grünerløkka", "St. Hanshaugen". `None` when it is not one of the 15.
#[must_use]
pub fn find(typed: &str) -> Option<&'static str> {
    let k = key(typed);
    if k.is_empty() {
        return None;
    }
    ALL.iter().copied().find(|b| key(b) == k)
}

/// Type-ahead for the bydel question: the bydeler whose name (or a word of it) starts with what
/// was typed, then those that contain it, each in the order of [`ALL`]. All 15 for an empty
/// filter.
#[must_use]
pub fn filter(typed: &str) -> Vec<&'static str> {
    let k = key(typed);
    if k.is_empty() {
        return ALL.to_vec();
    }
    let starts = |b: &&str| {
        let bk = key(b);
        bk.starts_with(&k) || bk.split(' ').any(|w| w.starts_with(&k))
    };
    let mut out: Vec<&'static str> = ALL.iter().copied().filter(starts).collect();
    for b in ALL {
        if !out.contains(&b) && key(b).contains(&k) {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forgiving_input_gives_the_official_name() {
        for typed in [
            "Grünerløkka",
            "grunerlokka",
            "Bydel Grünerløkka",
            "GRÜNERLØKKA",
            "bydel grünerløkka i Oslo kommune",
            "Grunerløkka bydel",
        ] {
            assert_eq!(find(typed), Some("Grünerløkka"), "{typed:?}");
        }
        assert_eq!(find("st hanshaugen"), Some("St. Hanshaugen"));
        assert_eq!(find("Sankt Hanshaugen"), Some("St. Hanshaugen"));
        assert_eq!(find("ostensjo"), Some("Østensjø"));
        assert_eq!(find("Søndre  Nordstrand"), Some("Søndre Nordstrand"));
        assert_eq!(find("Gamle Oslo"), Some("Gamle Oslo"));
    }

    #[test]
    fn other_names_are_not_bydeler() {
        for typed in ["", "Oslo", "Bydel", "Majorstuen", "Tromsø", "Nord"] {
            assert_eq!(find(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn the_filter_narrows_the_list() {
        assert_eq!(filter("").len(), 15);
        assert_eq!(
            filter("nord"),
            ["Nordre Aker", "Nordstrand", "Søndre Nordstrand"]
        );
        assert_eq!(filter("aker"), ["Nordre Aker", "Vestre Aker"]);
        assert_eq!(filter("grun"), ["Grünerløkka"]);
        assert!(filter("xyz").is_empty());
    }

    #[test]
    fn only_oslo_has_bydeler() {
        assert!(has_districts("0301"));
        assert!(!has_districts("5501"));
    }
}
