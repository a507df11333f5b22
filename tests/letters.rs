//! The complaint letter: snapshots per case file, per service and per situation, in bokmål and
//! nynorsk, and the rules of law each letter must follow.

mod common;

use common::{forbidden, letter_text, raw_from_file, today};
use omsorgsklage::domain::case::RawCase;
use omsorgsklage::domain::service::CATALOGUE;
use omsorgsklage::domain::situation::Situation;
use omsorgsklage::example;

fn with_lang(mut raw: RawCase, lang: &str) -> RawCase {
    raw.language = Some(lang.to_string());
    raw
}

#[test]
fn case_file_letters() {
    insta::glob!("cases/*.json", |path| {
        insta::assert_snapshot!(letter_text(&raw_from_file(path)));
    });
}

#[test]
fn one_letter_per_service_in_both_languages() {
    for s in CATALOGUE {
        for lang in ["nb", "nn"] {
            let text = letter_text(&with_lang(example::case(s, today()), lang));
            insta::assert_snapshot!(format!("service_{}_{lang}", s.id), text);
        }
    }
}

#[test]
fn one_letter_per_situation_in_both_languages() {
    for sit in Situation::ALL {
        for lang in ["nb", "nn"] {
            let mut raw = with_lang(
                example::case(
                    omsorgsklage::domain::service::by_id("korttidsopphold").expect("s"),
                    today(),
                ),
                lang,
            );
            if sit == Situation::Venteliste {
                raw.service = Some("langtidsopphold".into());
            }
            raw.situation = Some(sit.id().into());
            raw.outcome = None;
            let text = letter_text(&raw);
            insta::assert_snapshot!(format!("situation_{}_{lang}", sit.id()), text);
        }
    }
}

/// Every letter the catalogue can produce, for the rule tests below.
fn all_letters() -> Vec<(String, RawCase, String)> {
    let mut out = Vec::new();
    for s in CATALOGUE {
        for lang in ["nb", "nn"] {
            for sit in Situation::ALL {
                if sit == Situation::Venteliste && !s.waiting_list {
                    continue;
                }
                let mut raw = with_lang(example::case(s, today()), lang);
                raw.situation = Some(sit.id().into());
                let text = letter_text(&raw);
                out.push((format!("{} {lang} {}", s.id, sit.id()), raw, text));
            }
        }
    }
    out
}

#[test]
fn care_service_letters_ask_to_forward_to_the_right_statsforvalteren() {
    for (name, raw, text) in all_letters() {
        let s =
            omsorgsklage::domain::service::by_id(raw.service.as_deref().expect("id")).expect("s");
        let care = s.is_care_service()
            || raw.decision.as_ref().and_then(|d| d.route.as_deref()) == Some("statsforvalteren");
        let office = if raw.language.as_deref() == Some("nn") {
            "Statsforvaltaren i Troms og Finnmark"
        } else {
            "Statsforvalteren i Troms og Finnmark"
        };
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if care {
            assert!(flat.contains(office), "{name}: no {office}");
            assert!(flat.contains("§ 7-2"), "{name}: no pbrl § 7-2");
        } else {
            assert!(
                !flat.contains("Statsforvalt"),
                "{name}: route B must not name Statsforvalteren"
            );
            assert!(
                flat.contains("§ 28 andre ledd"),
                "{name}: route B names the klagenemnd"
            );
        }
    }
}

#[test]
fn no_letter_has_outdated_names_or_repealed_law_and_lines_fit_80_columns() {
    for (name, _, text) in all_letters() {
        for bad in forbidden() {
            assert!(!text.contains(&bad), "{name}: contains {bad}");
        }
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "{name}: line too long: {line}");
        }
    }
}

#[test]
fn every_section_cited_in_a_letter_is_in_the_fact_sheet() {
    let facts = include_str!("../docs/FACTS.md");
    for (name, _, text) in all_letters() {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (i, _) in flat.match_indices("§ ") {
            let section: String = flat[i + "§ ".len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            let cited = format!("§ {section}");
            assert!(
                facts.contains(&cited),
                "{name}: cites {cited}, which FACTS.md does not have"
            );
        }
    }
}

#[test]
fn a_representative_letter_names_both_people_and_the_fullmakt() {
    let raw = raw_from_file(std::path::Path::new(
        "tests/cases/langtidsopphold-venteliste-bergen-nn.json",
    ));
    let text = letter_text(&raw);
    assert!(
        text.starts_with("Ola Nordmann\n"),
        "the representative is the sender"
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Eg klagar på vegner av Kari Nordmann"),
        "{flat}"
    );
    assert!(
        flat.contains("Kari Nordmann, fødd 2. april 1938, bur i Storgata 1"),
        "{flat}"
    );
    assert!(text.contains("skriftleg fullmakt"));
    assert!(text.contains("fullmektig for Kari Nordmann"));
    assert!(
        text.contains("- Fullmakt"),
        "the fullmakt is listed as an attachment"
    );
}

#[test]
fn without_a_fullmakt_the_person_signs_too() {
    let text = letter_text(&raw_from_file(std::path::Path::new(
        "tests/cases/representative-without-fullmakt.json",
    )));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("____")).count(),
        2,
        "two signature lines"
    );
    assert!(
        flat.contains("Kari Nordmann skriver også under på klagen"),
        "{flat}"
    );
    assert!(!text.contains("- Fullmakt"));
}

#[test]
fn a_late_complaint_says_so_and_gives_the_reason() {
    let text = letter_text(&raw_from_file(std::path::Path::new(
        "tests/cases/late-with-reason.json",
    )));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Received 5 Nov 2026 + 4 weeks = Thursday 3 Dec 2026.
    assert!(
        flat.contains("Klagefristen gikk ut 3. desember 2026"),
        "{flat}"
    );
    assert!(flat.contains("pasient- og brukerrettighetsloven § 7-7 og forvaltningsloven § 31"));
    assert!(flat.contains("Grunnen til at klagen kommer for sent: Jeg lå på sykehus"));
}

#[test]
fn postponement_is_only_asked_for_when_a_service_is_taken_away() {
    for (name, raw, text) in all_letters() {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let asks = flat.contains("utsatt iverksetting") || flat.contains("utsett iverksetjing");
        let takes_away = matches!(raw.situation.as_deref(), Some("redusert" | "avsluttet"));
        let requested = raw
            .requests
            .as_ref()
            .and_then(|r| r.postponement)
            .unwrap_or(false);
        assert_eq!(asks, takes_away && requested, "{name}");
    }
}

#[test]
fn nynorsk_letters_are_nynorsk() {
    let text = letter_text(&raw_from_file(std::path::Path::new(
        "tests/cases/carer-avlastning-nn.json",
    )));
    for word in [
        "Eg klagar",
        "Med venleg helsing",
        "pasient- og brukarrettslova § 2-8",
        "særleg tyngande omsorgsarbeid",
    ] {
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(word),
            "missing {word}"
        );
    }
    for bokmal in ["Jeg ", "Med vennlig hilsen", "brukerrettighetsloven"] {
        assert!(
            !text.contains(bokmal),
            "bokmål word {bokmal} in a nynorsk letter"
        );
    }
}

#[test]
fn the_example_letters_in_docs_are_what_the_program_writes() {
    let raw = raw_from_file(std::path::Path::new(
        "docs/examples/sak-hjemmesykepleie.json",
    ));
    assert_eq!(
        letter_text(&raw),
        include_str!("../docs/examples/klage-hjemmesykepleie.nb.txt")
    );
    assert_eq!(
        letter_text(&with_lang(raw, "nn")),
        include_str!("../docs/examples/klage-hjemmesykepleie.nn.txt")
    );
}
