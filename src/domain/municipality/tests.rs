//! Tests of the municipality table and its lookups.

use super::*;
use std::collections::{BTreeMap, BTreeSet};

fn num(n: &str) -> &'static Municipality {
    by_number(n).unwrap_or_else(|| panic!("no municipality {n}"))
}

fn found(name: &str) -> &'static str {
    match find_by_name(name) {
        Lookup::Found(m) => m.number,
        other => panic!("{name:?}: expected Found, got {other:?}"),
    }
}

fn numbers(v: &[&Municipality]) -> Vec<&'static str> {
    v.iter().map(|m| m.number).collect()
}

// --- the data ---

#[test]
fn there_are_357_rows_in_file_order() {
    assert_eq!(all().len(), 357);
    assert_eq!(all()[0].number, "0301");
    assert_eq!(all()[356].number, "5636");
    let nums: Vec<_> = all().iter().map(|m| m.number).collect();
    let mut sorted = nums.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(nums, sorted, "numbers are unique and in file order");
}

#[test]
fn every_row_is_complete() {
    for m in all() {
        assert!(is_number(m.number), "{m:?}");
        assert!(!m.name.is_empty() && !m.county.is_empty(), "{m:?}");
        assert!(
            m.statsforvalteren.starts_with("Statsforvalteren i "),
            "{m:?}"
        );
        assert!(!office_region(m.statsforvalteren).is_empty(), "{m:?}");
    }
}

#[test]
fn ten_distinct_offices() {
    let bokmal: BTreeSet<_> = all().iter().map(|m| m.statsforvalteren(false)).collect();
    let nynorsk: BTreeSet<_> = all().iter().map(|m| m.statsforvalteren(true)).collect();
    assert_eq!(bokmal.len(), 10, "{bokmal:?}");
    assert_eq!(nynorsk.len(), 10, "{nynorsk:?}");
    let expected = [
        "Statsforvalteren i Agder",
        "Statsforvalteren i Innlandet",
        "Statsforvalteren i Møre og Romsdal",
        "Statsforvalteren i Nordland",
        "Statsforvalteren i Rogaland",
        "Statsforvalteren i Troms og Finnmark",
        "Statsforvalteren i Trøndelag",
        "Statsforvalteren i Vestfold og Telemark",
        "Statsforvaltaren i Vestland",
        "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
    ];
    assert_eq!(bokmal, expected.into_iter().map(String::from).collect());
}

#[test]
fn shared_names_are_found_from_the_data() {
    let mut by_base: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in all() {
        by_base.entry(base_name(m.name)).or_default().push(m.number);
    }
    let shared: BTreeMap<_, _> = by_base.into_iter().filter(|(_, v)| v.len() > 1).collect();
    let expected: BTreeMap<&str, Vec<&str>> = [
        ("Herøy", vec!["1515", "1818"]),
        ("Våler", vec!["3114", "3419"]),
    ]
    .into_iter()
    .collect();
    assert_eq!(shared, expected);
    // No part of a double name collides with another municipality's name either.
    let mut parts: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (m, keys) in rows_with_keys() {
        for k in keys.iter() {
            parts.entry(k.to_string()).or_default().insert(m.number);
        }
    }
    let colliding: BTreeSet<_> = parts
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| k)
        .collect();
    assert_eq!(colliding, ["herøy", "våler"].map(String::from).into());
}

// --- letter_name, statsforvalteren, display ---

#[test]
fn letter_names() {
    assert_eq!(num("5501").letter_name(), "Tromsø kommune");
    assert_eq!(num("0301").letter_name(), "Oslo kommune");
    assert_eq!(num("5001").letter_name(), "Trondheim kommune");
    assert_eq!(num("5612").letter_name(), "Kautokeino kommune");
    assert_eq!(num("5540").letter_name(), "Kåfjord kommune");
    assert_eq!(num("5622").letter_name(), "Porsanger kommune");
    assert_eq!(num("1826").letter_name(), "Hattfjelldal kommune");
    assert_eq!(num("1818").letter_name(), "Herøy kommune");
    assert_eq!(num("1515").letter_name(), "Herøy kommune");
    assert_eq!(num("3114").letter_name(), "Våler kommune");
    assert_eq!(num("4219").letter_name(), "Evje og Hornnes kommune");
}

#[test]
fn every_letter_name_is_one_plain_name_and_kommune() {
    for m in all() {
        let name = m.letter_name();
        let plain = name
            .strip_suffix(" kommune")
            .unwrap_or_else(|| panic!("{name}"));
        assert!(!plain.is_empty() && !plain.contains(" - "), "{name}");
        assert!(!plain.contains('(') && !plain.contains(')'), "{name}");
        assert!(name_parts(base_name(m.name)).any(|p| p == plain), "{name}");
    }
}

#[test]
fn norwegian_parts_listed_exist_in_the_data() {
    for (number, part) in NORWEGIAN_PART_NOT_FIRST {
        let m = num(number);
        assert!(m.name.contains(" - "), "{m:?} is not a double name");
        assert!(
            name_parts(m.name).skip(1).any(|p| p == *part),
            "{part} is not a later part of {m:?}"
        );
        assert_eq!(m.letter_name(), format!("{part} kommune"));
    }
}

#[test]
fn statsforvalteren_in_both_forms() {
    let tromso = num("5501");
    assert_eq!(
        tromso.statsforvalteren(false),
        "Statsforvalteren i Troms og Finnmark"
    );
    assert_eq!(
        tromso.statsforvalteren(true),
        "Statsforvaltaren i Troms og Finnmark"
    );
    let bergen = num("4601");
    assert_eq!(
        bergen.statsforvalteren(false),
        "Statsforvaltaren i Vestland"
    );
    assert_eq!(bergen.statsforvalteren(true), "Statsforvaltaren i Vestland");
    let oslo = num("0301");
    assert_eq!(
        oslo.statsforvalteren(false),
        "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus"
    );
    assert_eq!(
        oslo.statsforvalteren(true),
        "Statsforvaltaren i Østfold, Buskerud, Oslo og Akershus"
    );
    for m in all() {
        assert!(m.statsforvalteren(true).starts_with("Statsforvaltaren i "));
    }
}

#[test]
fn no_output_uses_an_outdated_office_name() {
    // Split so that a plain-text scan of src/ for outdated names does not stop at this test.
    let outdated = [
        ["Fylkes", "mannen"].concat(),
        ["Oslo og ", "Viken"].concat(),
        "Viken".to_string(),
    ];
    for m in all() {
        let outputs = [
            m.letter_name(),
            m.statsforvalteren(false),
            m.statsforvalteren(true),
            m.display().to_string(),
            m.county.to_string(),
        ];
        for out in &outputs {
            for old in &outdated {
                assert!(!out.to_lowercase().contains(&old.to_lowercase()), "{out}");
            }
        }
    }
}

#[test]
fn display_is_the_table_name() {
    assert_eq!(num("5001").display(), "Trondheim - Tråante");
    assert_eq!(num("1818").display(), "Herøy (Nordland)");
    assert_eq!(num("5501").display(), "Tromsø");
}

// --- by_number ---

#[test]
fn every_number_finds_itself() {
    for m in all() {
        assert_eq!(by_number(m.number), Some(m));
        assert_eq!(by_number(&format!("  {}\t", m.number)), Some(m));
        assert_eq!(find(Some(m.number), None), Lookup::Found(m));
    }
}

#[test]
fn numbers_must_be_exactly_four_digits() {
    assert_eq!(by_number(" 5501 ").map(|m| m.name), Some("Tromsø"));
    assert_eq!(by_number("0301").map(|m| m.name), Some("Oslo - Oslove"));
    for bad in [
        "301",
        "03010",
        "",
        "  ",
        "abcd",
        "5 501",
        "+301",
        "５５０１",
        "0000",
        "9999",
    ] {
        assert_eq!(by_number(bad), None, "{bad:?}");
    }
}

// --- find_by_name ---

#[test]
fn every_name_finds_itself() {
    for m in all() {
        assert_eq!(find_by_name(m.name), Lookup::Found(m), "{}", m.name);
        assert_eq!(find_by_name(&m.name.to_uppercase()), Lookup::Found(m));
        assert_eq!(
            find_by_name(&m.letter_name()),
            lookup_of_base(m),
            "{}",
            m.name
        );
        for part in name_parts(base_name(m.name)) {
            assert_eq!(find_by_name(part), lookup_of_base(m), "{part}");
        }
        assert_eq!(find(None, Some(m.name)), Lookup::Found(m));
        assert_eq!(find(Some(m.number), Some(m.name)), Lookup::Found(m));
        assert_eq!(
            find(Some(m.number), Some(base_name(m.name))),
            Lookup::Found(m)
        );
    }
}

/// Found, or for a shared name Ambiguous with every row of that name (including `m`).
fn lookup_of_base(m: &'static Municipality) -> Lookup {
    let same: Vec<_> = all()
        .iter()
        .filter(|o| base_name(o.name) == base_name(m.name))
        .collect();
    assert!(same.contains(&m));
    if same.len() == 1 {
        Lookup::Found(m)
    } else {
        Lookup::Ambiguous(same)
    }
}

#[test]
fn the_examples() {
    assert_eq!(found("Bærum kommune"), "3201");
    assert_eq!(found("  bærum   KOMMUNE. "), "3201");
    assert_eq!(found("BÆRUM"), "3201");
    assert_eq!(found("Oslo"), "0301");
    assert_eq!(found("Oslo kommune"), "0301");
    assert_eq!(found("Trondheim"), "5001");
    assert_eq!(found("tråante"), "5001");
    assert_eq!(found("TRÅANTE"), "5001");
    assert_eq!(found("Trondheim - Tråante"), "5001");
    assert_eq!(found("Trondheim–Tråante"), "5001");
    assert_eq!(found("trondheim tråante kommune"), "5001");
    assert_eq!(found("Kautokeino"), "5612");
    assert_eq!(found("Guovdageaidnu"), "5612");
    assert_eq!(found("Guovdageaidnu – Kautokeino"), "5612");
    assert_eq!(found("Guovdageaidnu-Kautokeino"), "5612");
    assert_eq!(found("Kautokeino suohkan"), "5612");
    assert_eq!(found("Kárášjohka"), "5610");
    assert_eq!(found("KÁRÁŠJOHKA"), "5610");
    assert_eq!(found("karasjohka"), "5610");
    assert_eq!(found("Karasjok"), "5610");
    assert_eq!(found("Porsángu"), "5622");
    assert_eq!(found("porsanki"), "5622");
    assert_eq!(found("Porsanger - Porsángu"), "5622");
    assert_eq!(found("Omasvuotna-Omasvuono"), "5538");
    assert_eq!(found("Nord-Fron"), "3436");
    assert_eq!(found("nord fron"), "3436");
    assert_eq!(found("Tromsø"), "5501");
    assert_eq!(found("TROMSØ"), "5501");
}

#[test]
fn decomposed_letters_are_understood() {
    assert_eq!(found("A\u{30a}s"), num("3218").number); // Ås, "A" + combining ring
    assert_eq!(found("Tra\u{30a}ante"), "5001");
    assert_eq!(found("Ka\u{301}ra\u{301}s\u{30c}johka"), "5610");
}

#[test]
fn heroy_is_ambiguous_until_the_county_is_given() {
    let Lookup::Ambiguous(v) = find_by_name("Herøy") else {
        panic!("Herøy should be ambiguous");
    };
    assert_eq!(numbers(&v), ["1515", "1818"]);
    assert_eq!(find_by_name("herøy kommune"), Lookup::Ambiguous(v));
    for q in [
        "Herøy (Nordland)",
        "Herøy Nordland",
        "herøy i nordland",
        "Herøy, Nordland",
        "HERØY KOMMUNE (NORDLAND)",
        "Herøy kommune i Nordland",
    ] {
        assert_eq!(found(q), "1818", "{q}");
    }
    for q in [
        "Herøy (Møre og Romsdal)",
        "Herøy Møre og Romsdal",
        "herøy i møre og romsdal",
    ] {
        assert_eq!(found(q), "1515", "{q}");
    }
    // A county without a Herøy: not found, both Herøys suggested.
    let Lookup::NotFound { suggestions } = find_by_name("Herøy (Rogaland)") else {
        panic!("expected NotFound");
    };
    assert_eq!(numbers(&suggestions)[..2], ["1515", "1818"]);
}

#[test]
fn valer_likewise() {
    let Lookup::Ambiguous(v) = find_by_name("Våler") else {
        panic!("Våler should be ambiguous");
    };
    assert_eq!(numbers(&v), ["3114", "3419"]);
    assert_eq!(found("Våler (Innlandet)"), "3419");
    assert_eq!(found("våler østfold"), "3114");
    assert_eq!(found("Os"), "3430");
}

#[test]
fn tromso_suggests_tromso_first() {
    let Lookup::NotFound { suggestions } = find_by_name("Tromso") else {
        panic!("expected NotFound");
    };
    assert_eq!(suggestions.first().map(|m| m.number), Some("5501"));
    assert!(suggestions.len() <= 5);
}

#[test]
fn typos_and_beginnings_get_suggestions() {
    for (typed, expected) in [
        ("Bergne", "4601"),
        ("Troms", "5501"),
        ("Kristiansan", "4204"),
        ("Baerum", "3201"),
        ("Snasa", "5041"),
        ("Fron", "3436"),
    ] {
        let Lookup::NotFound { suggestions } = find_by_name(typed) else {
            panic!("{typed}: expected NotFound");
        };
        assert!(
            numbers(&suggestions).contains(&expected),
            "{typed}: {suggestions:?}"
        );
        assert!(suggestions.len() <= 5);
    }
}

#[test]
fn nonsense_is_not_found() {
    let Lookup::NotFound { suggestions } = find_by_name("Atlantis") else {
        panic!("expected NotFound");
    };
    assert!(suggestions.len() <= 1, "{suggestions:?}");
    for q in ["", "   ", "kommune", "Kommune.", "-", "()", "–", "\u{0}"] {
        assert_eq!(
            find_by_name(q),
            Lookup::NotFound {
                suggestions: Vec::new()
            },
            "{q:?}"
        );
    }
}

#[test]
fn no_input_panics() {
    let long = "å".repeat(200_000);
    let inputs = [
        "(",
        ")",
        "Herøy (",
        "Herøy ()",
        " (Nordland)",
        "i Nordland",
        "Nordland",
        " - - ",
        "\u{30a}\u{301}",
        " \u{30a}",
        "İstanbul",
        "ß",
        "🙂 Tromsø 🙂",
        "\u{202e}øsmorT",
        "\r\n\t",
        "0301",
        "Herøy\u{0}Nordland",
        long.as_str(),
    ];
    for q in inputs {
        let _ = find_by_name(q);
        let _ = search(q);
        let _ = by_number(q);
        let _ = find(Some(q), Some(q));
        let _ = find(Some("5501"), Some(q));
        let _ = find(Some(q), None);
    }
}

// --- find ---

#[test]
fn find_with_number_and_name() {
    let tromso = num("5501");
    assert_eq!(
        find(Some("5501"), Some("Tromsø kommune")),
        Lookup::Found(tromso)
    );
    assert_eq!(find(Some(" 5501 "), Some("Tromso")), Lookup::Found(tromso));
    assert_eq!(find(Some(""), Some("Tromsø")), Lookup::Found(tromso));
    assert_eq!(find(Some("5501"), Some("  ")), Lookup::Found(tromso));
    assert_eq!(
        find(Some("5501"), Some("Bergen")),
        Lookup::Mismatch {
            by_number: tromso,
            by_name: vec![num("4601")]
        }
    );
    assert_eq!(
        find(Some("5501"), Some("Atlantis")),
        Lookup::Mismatch {
            by_number: tromso,
            by_name: Vec::new()
        }
    );
    // A shared name is settled by the number ...
    assert_eq!(
        find(Some("1818"), Some("Herøy")),
        Lookup::Found(num("1818"))
    );
    assert_eq!(
        find(Some("1515"), Some("Herøy kommune")),
        Lookup::Found(num("1515"))
    );
    // ... unless the number is another municipality's.
    assert_eq!(
        find(Some("5501"), Some("Herøy")),
        Lookup::Mismatch {
            by_number: tromso,
            by_name: vec![num("1515"), num("1818")]
        }
    );
    assert_eq!(
        find(Some("1515"), Some("Herøy (Nordland)")),
        Lookup::Mismatch {
            by_number: num("1515"),
            by_name: vec![num("1818")]
        }
    );
}

#[test]
fn find_with_missing_or_unknown_parts() {
    let none = Lookup::NotFound {
        suggestions: Vec::new(),
    };
    assert_eq!(find(None, None), none);
    assert_eq!(find(Some("  "), Some("")), none);
    assert_eq!(find(Some("9999"), None), none);
    assert_eq!(
        find(Some("301"), None),
        Lookup::NotFound {
            suggestions: vec![num("0301")]
        }
    );
    // A number from before 2024 (Tromsø was 5401): the name is offered instead.
    assert_eq!(
        find(Some("5401"), Some("Tromsø")),
        Lookup::NotFound {
            suggestions: vec![num("5501")]
        }
    );
    assert_eq!(find(None, Some("Herøy")), find_by_name("Herøy"));
}

// --- search ---

#[test]
fn empty_search_gives_all_in_file_order() {
    assert_eq!(search(""), all().iter().collect::<Vec<_>>());
    assert_eq!(search("   ").len(), 357);
}

#[test]
fn search_starts_with_before_contains_alphabetical() {
    let got = search("her");
    let names: Vec<_> = got.iter().map(|m| m.name).collect();
    assert_eq!(names[..2], ["Herøy (Møre og Romsdal)", "Herøy (Nordland)"]);
    let keys: Vec<&Keys> = got
        .iter()
        .map(|m| &TABLE.keys[all().iter().position(|o| o == *m).unwrap()])
        .collect();
    let starts = keys
        .iter()
        .take_while(|k| k.iter().any(|s| s.starts_with("her")))
        .count();
    assert!(starts >= 2);
    for k in &keys[starts..] {
        assert!(k.iter().any(|s| s.contains("her")));
        assert!(!k.iter().any(|s| s.starts_with("her")));
    }
    for group in [&keys[..starts], &keys[starts..]] {
        for pair in group.windows(2) {
            assert!(collation(&pair[0].full).le(collation(&pair[1].full)));
        }
    }
    assert_eq!(names[starts..], ["Krødsherad", "Kvinnherad"]);
}

#[test]
fn search_examples() {
    assert_eq!(search("trom").first().map(|m| m.number), Some("5501"));
    assert_eq!(numbers(&search("Tråante")), ["5001"]);
    assert_eq!(numbers(&search("kautokeino")), ["5612"]);
    assert_eq!(numbers(&search("GUOVDAGEAIDNU")), ["5612"]);
    assert_eq!(numbers(&search("Bærum kommune")), ["3201"]);
    assert_eq!(numbers(&search("Bærum komm")), ["3201"]);
    let aas = search("ås");
    assert_eq!(
        aas.iter().take(3).map(|m| m.name).collect::<Vec<_>>(),
        ["Ås", "Åseral", "Åsnes"]
    );
    assert!(search("atlantis").is_empty());
}

#[test]
fn search_by_number_prefix() {
    let got = search("55");
    assert!(!got.is_empty());
    assert!(got.iter().all(|m| m.number.starts_with("55")));
    assert_eq!(
        got.len(),
        all().iter().filter(|m| m.number.starts_with("55")).count()
    );
    assert_eq!(numbers(&search("0301")), ["0301"]);
    assert_eq!(numbers(&search(" 5501 ")), ["5501"]);
}

#[test]
fn search_never_repeats() {
    for q in ["", "a", "e", "n", "nord", "1", "5", "ø", "-", "kommune"] {
        let got = search(q);
        let unique: BTreeSet<_> = got.iter().map(|m| m.number).collect();
        assert_eq!(unique.len(), got.len(), "{q}");
    }
}

#[test]
fn norwegian_alphabetical_order() {
    let order = |a: &str, b: &str| collation(&normalize(a)).cmp(collation(&normalize(b)));
    assert_eq!(order("Zeta", "Ørland"), Ordering::Less);
    assert_eq!(order("Ørland", "Åfjord"), Ordering::Less);
    assert_eq!(order("Æ", "Ø"), Ordering::Less);
    assert_eq!(order("Kárášjohka", "Karasjok"), Ordering::Less);
}

#[test]
fn three_official_names_have_sami_forms_and_letters_keep_the_norwegian_name() {
    // FACTS.md section 9 (updated 2026-12-03): lists show the official name; letters may keep
    // "Oslo kommune".
    for (number, official, letter, sami) in [
        ("0301", "Oslo - Oslove", "Oslo kommune", "Oslove"),
        (
            "5006",
            "Steinkjer - Stïentje",
            "Steinkjer kommune",
            "Stïentje",
        ),
        ("5536", "Lyngen - Ivgu - Yykeä", "Lyngen kommune", "Ivgu"),
    ] {
        let m = by_number(number).expect("municipality");
        assert_eq!(m.display(), official);
        assert_eq!(m.letter_name(), letter);
        assert_eq!(found(sami), number);
        assert_eq!(found(&letter.replace(" kommune", "")), number);
    }
}

// --- postcode and town → municipality (issue 26) ---

#[test]
fn a_postcode_gives_its_municipality() {
    assert_eq!(for_postcode("6800").map(|m| m.number), Some("4647"));
    assert_eq!(for_postcode(" 1337 ").map(|m| m.number), Some("3201"));
    assert_eq!(for_postcode("9008").map(|m| m.number), Some("5501"));
    assert_eq!(for_postcode("0150").map(|m| m.number), Some("0301"));
    assert_eq!(for_postcode("0000"), None);
    assert_eq!(for_postcode("abcd"), None);
}

#[test]
fn svalbard_and_jan_mayen_are_no_municipality() {
    assert_eq!(for_postcode("9170"), None);
    assert_eq!(for_postcode("8099"), None);
    assert!(outside_municipalities("9170"));
    assert!(outside_municipalities("8099"));
    assert!(!outside_municipalities("6800"));
}

#[test]
fn every_municipality_of_the_register_is_in_the_table() {
    for (town, number) in crate::domain::postcode::towns() {
        assert!(
            by_number(number).is_some() || matches!(*number, "2100" | "2211"),
            "{town} {number}"
        );
    }
}

#[test]
fn a_town_resolves_to_its_municipality_before_any_spelling_guess() {
    for (typed, number) in [
        ("Førde", "4647"),
        ("forde", "4647"),
        ("Førde kommune", "4647"),
        ("Sandvika", "3201"),
        ("Valderøya", "1532"),
        ("valderoya", "1532"),
    ] {
        match resolve(typed, None) {
            Resolution::Town { municipality, .. } => {
                assert_eq!(municipality.number, number, "{typed:?}")
            }
            other => panic!("{typed:?}: expected a town, got {other:?}"),
        }
    }
    let Resolution::Town { town, municipality } = resolve("Førde", Some("6800")) else {
        panic!("Førde is a town");
    };
    assert_eq!(
        (town.as_str(), municipality.display()),
        ("Førde", "Sunnfjord")
    );
}

#[test]
fn a_municipality_name_is_itself() {
    assert_eq!(
        resolve("Bærum", Some("6800")).chosen().map(|m| m.number),
        Some("3201")
    );
    assert_eq!(
        resolve("Tromsø", None).chosen().map(|m| m.number),
        Some("5501")
    );
}

#[test]
fn a_shared_name_is_settled_by_the_postcode_or_asked() {
    // 6090 Fosnavåg is in Herøy (Møre og Romsdal).
    assert_eq!(
        resolve("Herøy", Some("6090")).chosen().map(|m| m.number),
        Some("1515")
    );
    match resolve("Herøy", Some("6800")) {
        Resolution::Choose { candidates, .. } => assert_eq!(candidates.len(), 2),
        other => panic!("expected a choice, got {other:?}"),
    }
}

#[test]
fn a_spelling_guess_is_never_chosen_and_never_before_the_postcode() {
    let r = resolve("Førdee", Some("6800"));
    assert_eq!(r.chosen(), None);
    let Resolution::Guess {
        from_postcode,
        suggestions,
    } = r
    else {
        panic!("expected guesses, got {r:?}");
    };
    assert_eq!(from_postcode.map(|m| m.number), Some("4647"));
    assert!(!suggestions.iter().any(|m| m.number == "4647"));
    // Without a postcode: guesses only, nothing chosen.
    let r = resolve("Tromso", None);
    assert_eq!(r.chosen(), None, "{r:?}");
    assert!(matches!(
        r,
        Resolution::Guess {
            from_postcode: None,
            ..
        }
    ));
}

#[test]
fn a_town_that_is_its_municipality_adds_nothing() {
    assert!(towns_named("Tromsø").is_empty());
    assert!(towns_named("").is_empty());
    assert_eq!(towns_named("Førde").len(), 1);
}
