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
        flat.contains("Kari Nordmann skriver selv under på klagen"),
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

// ---- Representatives by law, the carer's own complaint, route rules (FACTS.md §§ 1, 2, 5) ----

fn file(name: &str) -> RawCase {
    raw_from_file(&std::path::Path::new("tests/cases").join(name))
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The printed names under the signature lines, in order.
fn signers(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("____"))
        .filter_map(|(i, _)| lines.get(i + 1).map(|s| s.to_string()))
        .collect()
}

fn problems_of(raw: &RawCase) -> Vec<omsorgsklage::domain::case::Problem> {
    omsorgsklage::domain::case::check(raw, today()).problems
}

/// A case file, who signs, words that must be there, words that must never be there.
type RoleRow = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn each_role_signs_and_attaches_as_the_law_says() {
    use omsorgsklage::domain::case::ProblemKind;
    // (file, who signs, words that must be there, words that must never be there)
    let table: &[RoleRow] = &[
        (
            "role-forelder-child-nb.json",
            &["Anne Berg"],
            &[
                "Jeg klager som forelder på vegne av Emma Berg",
                "Jeg er moren til Emma Berg",
                "mor til Emma Berg",
            ],
            &["fullmakt", "Fullmakt", "skriver også under"],
        ),
        (
            "role-forelder-child-nn.json",
            &["Anne Berg"],
            &[
                "Eg klagar som forelder på vegner av Emma Berg",
                "Eg er mora til Emma Berg",
            ],
            &["fullmakt", "Fullmakt", "skriv òg under"],
        ),
        (
            "role-forelder-16-nb.json",
            &["Jonas Lie", "Per Lie"],
            &[
                "Jonas Lie har fylt 16 år og skriver også under på klagen",
                "far til Jonas Lie",
            ],
            &["fullmakt"],
        ),
        (
            "role-forelder-16-nn.json",
            &["Jonas Lie", "Per Lie"],
            &["Jonas Lie har fylt 16 år og skriv òg under på klaga"],
            &["fullmakt"],
        ),
        (
            "role-verge-nb.json",
            &["Liv Strand"],
            &[
                "Jeg klager som verge for Arne Hansen",
                "Vergefullmakten ligger ved",
                "verge for Arne Hansen",
                "- Vergefullmakt",
            ],
            &["- Fullmakt", "skriftlig fullmakt"],
        ),
        (
            "role-verge-nn.json",
            &["Liv Strand"],
            &[
                "Eg klagar som verje for Arne Hansen",
                "Verjefullmakta ligg ved",
                "- Verjefullmakt",
            ],
            &["- Fullmakt", "skriftleg fullmakt"],
        ),
        (
            "role-advokat-nb.json",
            &["Nils Moe"],
            &[
                "Jeg klager som advokat for Arne Hansen",
                "advokat for Arne Hansen",
                "forvaltningsloven § 12",
            ],
            &["fullmakt", "Fullmakt"],
        ),
        (
            "role-advokat-nn.json",
            &["Nils Moe"],
            &[
                "Eg klagar som advokat for Arne Hansen",
                "forvaltningslova § 12",
            ],
            &["fullmakt", "Fullmakt"],
        ),
        (
            "role-fullmektig-datter-nb.json",
            &["Kari Hansen"],
            &[
                "Jeg er datteren til Arne Hansen og har skriftlig fullmakt",
                "fullmektig for Arne Hansen",
                "- Fullmakt",
            ],
            &["Jeg er datter "],
        ),
        (
            "role-fullmektig-datter-nn.json",
            &["Kari Hansen"],
            &[
                "Eg er dottera til Arne Hansen og har skriftleg fullmakt",
                "- Fullmakt",
            ],
            &["Eg er dotter "],
        ),
        (
            "representative-without-fullmakt.json",
            &["Kari Nordmann", "Ola Nordmann"],
            &[
                "Kari Nordmann klager på vedtaket",
                "Jeg er naboen til Kari Nordmann og har hjulpet med å skrive klagen",
                "Kari Nordmann skriver selv under på klagen",
            ],
            &["på vegne av", "- Fullmakt"],
        ),
        (
            "representative-without-fullmakt-nn.json",
            &["Arne Hansen", "Kari Hansen"],
            &[
                "Arne Hansen klagar på vedtaket",
                "Eg er dottera til Arne Hansen og har hjelpt til med å skrive klaga",
            ],
            &["på vegner av", "- Fullmakt"],
        ),
    ];
    for (name, signs, must, never) in table {
        let raw = file(name);
        let text = letter_text(&raw);
        let f = flat(&text);
        assert_eq!(&signers(&text), signs, "{name}: who signs");
        for m in *must {
            assert!(f.contains(m), "{name}: missing «{m}»\n{text}");
        }
        for n in *never {
            assert!(!f.contains(n), "{name}: must not say «{n}»\n{text}");
        }
        // Only a helper without a fullmakt is warned about one.
        let warned = problems_of(&raw)
            .iter()
            .any(|p| p.kind == ProblemKind::NoPowerOfAttorney);
        assert_eq!(warned, name.starts_with("representative-without"), "{name}");
    }
}

#[test]
fn a_parent_of_someone_18_or_over_is_an_error_naming_the_role() {
    use omsorgsklage::domain::case::ProblemKind;
    let mut raw = file("role-forelder-child-nb.json");
    // 18 on the letter date (20 November 2026): an error.
    raw.applicant.as_mut().expect("applicant").birth_date = Some("2008-11-20".into());
    let checked = omsorgsklage::domain::case::check(&raw, today());
    assert!(checked.case.is_none());
    let p = checked
        .problems
        .iter()
        .find(|p| p.field == "representative.role")
        .expect("an error on representative.role");
    assert!(p.is_error());
    assert_eq!(p.kind, ProblemKind::ParentOfAdult { age: 18 });
    let line = omsorgsklage::i18n::problem_line(omsorgsklage::i18n::Ui::Nb, p);
    assert!(line.starts_with("representative.role"), "{line}");
    // One day younger: 17, both sign.
    raw.applicant.as_mut().expect("applicant").birth_date = Some("2008-11-21".into());
    let text = letter_text(&raw);
    assert_eq!(signers(&text), ["Emma Berg", "Anne Berg"]);
    // No birth date: a warning on it, and the parent signs alone.
    raw.applicant.as_mut().expect("applicant").birth_date = None;
    assert!(
        problems_of(&raw)
            .iter()
            .any(|p| p.field == "applicant.birth_date"
                && p.kind == ProblemKind::ParentNeedsBirthDate)
    );
    assert_eq!(signers(&letter_text(&raw)), ["Anne Berg"]);
}

#[test]
fn an_unknown_role_is_an_error_and_no_role_reads_as_before() {
    use omsorgsklage::domain::case::ProblemKind;
    let mut raw = file("role-verge-nb.json");
    raw.representative.as_mut().expect("rep").role = Some("bestemor".into());
    let checked = omsorgsklage::domain::case::check(&raw, today());
    assert!(checked.case.is_none());
    assert!(
        checked
            .problems
            .iter()
            .any(|p| p.field == "representative.role"
                && p.kind
                    == ProblemKind::UnknownRole {
                        found: "bestemor".into()
                    })
    );
    // A 0.1 file has no role: a fullmektig, as before.
    let old = file("langtidsopphold-venteliste-bergen-nn.json");
    assert!(old.representative.as_ref().expect("rep").role.is_none());
    assert!(flat(&letter_text(&old)).contains("fullmektig for Kari Nordmann"));
}

#[test]
fn a_carers_complaint_names_the_person_cared_for_and_speaks_of_the_care_work() {
    use omsorgsklage::domain::case::ProblemKind;
    for (name, must) in [
        (
            "carer-cared-for-nb.json",
            [
                "Jeg gir omsorg til min sønn, Tobias Haugen, født 14. september 2012",
                "Omsorgsarbeidet er særlig tyngende",
                "Min egen helse",
                "Hvor tungt omsorgsarbeidet er",
            ],
        ),
        (
            "carer-cared-for-nn.json",
            [
                "Eg gir omsorg til son min, Tobias Haugen, fødd 14. september 2012",
                "Omsorgsarbeidet er særleg tyngande",
                "Helsa mi",
                "Kor tungt omsorgsarbeidet er",
            ],
        ),
    ] {
        let text = letter_text(&file(name));
        let f = flat(&text);
        for m in must {
            assert!(f.contains(m), "{name}: missing «{m}»\n{text}");
        }
        assert!(!f.contains("Helse og diagnose"), "{name}");
        assert_eq!(signers(&text), ["Siri Haugen"]);
    }
    // A 0.1 carer's file without `cared_for`: a warning, and the letter is still written.
    let old = file("carer-avlastning-nn.json");
    let checked = omsorgsklage::domain::case::check(&old, today());
    assert!(checked.case.is_some());
    assert!(checked.problems.iter().any(|p| p.field == "cared_for"
        && p.kind == ProblemKind::CaredForMissing
        && !p.is_error()));
    assert!(!flat(&letter_text(&old)).contains("Eg gir omsorg til"));
}

#[test]
fn route_b_letters_say_klageinstans_and_never_klagenemnd() {
    for (name, raw, text) in all_letters() {
        let s =
            omsorgsklage::domain::service::by_id(raw.service.as_deref().expect("id")).expect("s");
        let route_b = !s.is_care_service()
            && raw.decision.as_ref().and_then(|d| d.route.as_deref()) != Some("statsforvalteren");
        let f = flat(&text);
        assert!(!f.to_lowercase().contains("klagenemnd"), "{name}");
        if route_b {
            let body = if raw.language.as_deref() == Some("nn") {
                "klageinstansen i kommunen"
            } else {
                "kommunens klageinstans"
            };
            assert!(f.contains(body), "{name}");
        }
    }
    let text = letter_text(&file("trygghetsalarm-klageinstans-nn.json"));
    assert!(flat(&text).contains("til klageinstansen i kommunen for endeleg avgjerd"));
    assert!(!text.contains("Statsforvalt"));
}

#[test]
fn fvl_duties_are_cited_only_for_nr_6_3_6_3_8_and_route_b() {
    use omsorgsklage::domain::routing;
    for s in CATALOGUE {
        for lang in ["nb", "nn"] {
            let mut raw = with_lang(example::case(s, today()), lang);
            raw.grounds
                .get_or_insert_with(Default::default)
                .not_considered = Some("Ingen snakket med meg.".into());
            let checked = omsorgsklage::domain::case::check(&raw, today());
            let case = checked.case.expect("complete");
            let f = flat(&letter_text(&raw));
            let cites = ["§ 16", "§ 17", "§ 24", "§ 25"].iter().any(|sec| {
                f.contains(&format!("forvaltningsloven {sec}"))
                    || f.contains(&format!("forvaltningslova {sec}"))
            });
            assert_eq!(
                cites,
                routing::fvl_duties_apply(case.service, case.route),
                "{} {lang}",
                s.id
            );
        }
    }
    for name in ["dagaktivitet-nb.json", "dagaktivitet-nn.json"] {
        let f = flat(&letter_text(&file(name)));
        assert!(!f.contains("§ 17") && !f.contains("§ 24"), "{name}");
    }
}

#[test]
fn omsorgsstonad_letters_ask_for_the_whole_offer_assessment() {
    for (name, raw, text) in all_letters() {
        let asks = flat(&text).contains("2024/3854");
        assert_eq!(
            asks,
            raw.service.as_deref() == Some("omsorgsstonad"),
            "{name}"
        );
    }
    let f = flat(&letter_text(&file("omsorgsstonad-carer-nb.json")));
    assert!(f.contains("selv vurderer om hele tilbudet til familien er forsvarlig, jf. helse- og omsorgstjenesteloven § 4-1"), "{f}");
}

#[test]
fn a_late_complaint_on_route_a_cites_pbrl_7_7_and_fvl_31_in_both_languages() {
    let mut raw = file("late-with-reason.json");
    assert!(
        flat(&letter_text(&raw))
            .contains("pasient- og brukerrettighetsloven § 7-7 og forvaltningsloven § 31")
    );
    raw.language = Some("nn".into());
    assert!(
        flat(&letter_text(&raw))
            .contains("pasient- og brukarrettslova § 7-7 og forvaltningslova § 31")
    );
}

#[test]
fn the_place_is_the_senders_city() {
    // No `place` in the file: the representative's city (Finnsnes), not the applicant's.
    let text = letter_text(&file("role-fullmektig-datter-nb.json"));
    assert!(text.contains("Finnsnes, 20. november 2026"), "{text}");
    let text = letter_text(&file("carer-cared-for-nb.json"));
    assert!(text.contains("Tromsø, 20. november 2026"), "{text}");
}

/// The reasons letter (`--letter reasons`) for each route.
fn reasons_text(raw: &RawCase) -> String {
    use omsorgsklage::domain::letter::LetterKind;
    let checked = omsorgsklage::domain::case::check_for(raw, today(), LetterKind::Reasons);
    let case = checked
        .case
        .unwrap_or_else(|| panic!("{:?}", checked.problems));
    omsorgsklage::render::text::render(
        &omsorgsklage::render::letter(&case, LetterKind::Reasons).expect("renders"),
    )
}

#[test]
fn the_reasons_letter_follows_the_route() {
    for lang in ["nb", "nn"] {
        // Route A: never says the deadline is interrupted; complain within four weeks anyway.
        let a = with_lang(file("role-verge-nb.json"), lang);
        let text = reasons_text(&a);
        insta::assert_snapshot!(format!("reasons_route_a_{lang}"), text);
        let f = flat(&text);
        for never in ["avbrytes", "avbroten", "§ 29"] {
            assert!(!f.contains(never), "route A {lang}: {never}");
        }
        let (weeks, rule, later) = if lang == "nb" {
            (
                "fire uker",
                "pasient- og brukerrettighetsloven § 7-5",
                "tilleggsopplysninger",
            )
        } else {
            (
                "fire veker",
                "pasient- og brukarrettslova § 7-5",
                "tilleggsopplysningar",
            )
        };
        assert!(
            f.contains(weeks) && f.contains(rule) && f.contains(later),
            "{f}"
        );
        assert!(
            f.contains("§ 24") && f.contains("§ 25"),
            "hjemmesykepleie: fvl duties"
        );
        // Route B keeps fvl § 29 with § 24.
        let b = with_lang(file("omsorgsbolig-avslag.json"), lang);
        let text = reasons_text(&b);
        insta::assert_snapshot!(format!("reasons_route_b_{lang}"), text);
        let f = flat(&text);
        // No promised interruption for a refusal: complain within three weeks anyway (fvl § 29).
        assert!(!f.contains("avbr"), "{f}");
        assert!(
            f.contains(if lang == "nb" {
                "tre uker"
            } else {
                "tre veker"
            }),
            "{f}"
        );
        assert!(
            f.contains("§ 29")
                && f.contains(if lang == "nb" {
                    "stopper ikke"
                } else {
                    "stoppar ikkje"
                }),
            "{f}"
        );
        // Dagaktivitet: asks for reasons without citing fvl § 24 or § 25 as a duty.
        let d = with_lang(file("dagaktivitet-nb.json"), lang);
        let f = flat(&reasons_text(&d));
        assert!(!f.contains("§ 24") && !f.contains("§ 25"), "{f}");
    }
}

#[test]
fn follow_up_letters_speak_for_each_role() {
    use omsorgsklage::domain::letter::LetterKind;
    for (name, must, signs) in [
        (
            "role-verge-nb.json",
            "Jeg skriver som verge for Arne Hansen",
            vec!["Liv Strand"],
        ),
        (
            "role-forelder-child-nn.json",
            "Eg skriv som forelder for Emma Berg",
            vec!["Anne Berg"],
        ),
        (
            "role-advokat-nb.json",
            "Jeg skriver som advokat for Arne Hansen",
            vec!["Nils Moe"],
        ),
        (
            "representative-without-fullmakt.json",
            "Jeg har hjulpet med å skrive brevet",
            vec!["Kari Nordmann", "Ola Nordmann"],
        ),
    ] {
        let raw = file(name);
        let checked = omsorgsklage::domain::case::check_for(&raw, today(), LetterKind::Innsyn);
        let case = checked.case.expect("complete");
        let text = omsorgsklage::render::text::render(
            &omsorgsklage::render::letter(&case, LetterKind::Innsyn).expect("renders"),
        );
        assert!(flat(&text).contains(must), "{name}\n{text}");
        assert!(
            !flat(&text).contains("på vegne av") || name.contains("fullmektig"),
            "{name}"
        );
        assert_eq!(signers(&text), signs, "{name}");
    }
}

/// The complaint for `name` with other dates, written with `table`.
fn letter_on(
    name: &str,
    table: &[omsorgsklage::domain::law::Row],
    decided: &str,
    received: &str,
    letter_date: &str,
) -> String {
    let mut raw = file(name);
    let d = raw.decision.as_mut().expect("decision");
    d.date = Some(decided.into());
    d.received = Some(received.into());
    raw.letter_date = Some(letter_date.into());
    raw.late_reason = Some("Jeg lå på sykehus.".into());
    let case = omsorgsklage::domain::case::check(&raw, today())
        .case
        .expect("complete");
    let ctx = omsorgsklage::domain::compose::complaint_with(&case, table);
    let l = omsorgsklage::render::template::compose("complaint", case.lang, case.letter_date, &ctx)
        .expect("renders");
    flat(&omsorgsklage::render::text::render(&l))
}

#[test]
fn the_right_to_services_is_pbrl_2_1_andre_ledd_for_decisions_from_june_2024() {
    use omsorgsklage::domain::law;
    // Today's letters: § 2-1 andre ledd, and `annet` cites § 2-1 (FACTS.md section 2).
    let f = flat(&letter_text(&file("role-verge-nb.json")));
    assert!(
        f.contains("Etter pasient- og brukerrettighetsloven § 2-1 andre ledd har Arne Hansen rett"),
        "{f}"
    );
    let f = flat(&letter_text(&file("annet-ergoterapi.json")));
    assert!(
        f.contains(
            "pasient- og brukerrettighetsloven § 2-1 og helse- og omsorgstjenesteloven § 3-1"
        ),
        "{f}"
    );
    // The decision's date chooses: 31 May 2024 is the old numbering, 1 June 2024 the new.
    let before = letter_on(
        "role-verge-nb.json",
        law::TABLE,
        "2024-05-31",
        "2024-06-03",
        "2024-06-10",
    );
    assert!(
        before.contains("pasient- og brukerrettighetsloven § 2-1 a andre ledd"),
        "{before}"
    );
    let after = letter_on(
        "role-verge-nb.json",
        law::TABLE,
        "2024-06-01",
        "2024-06-03",
        "2024-06-10",
    );
    assert!(
        after.contains("pasient- og brukerrettighetsloven § 2-1 andre ledd"),
        "{after}"
    );
    assert!(!after.contains("§ 2-1 a andre"), "{after}");
}

#[test]
fn no_letter_cites_the_new_forvaltningsloven_until_it_has_a_start_date() {
    use omsorgsklage::domain::law;
    // Today: the 1967 numbering, even for a decision far in the future.
    let today_table = letter_on(
        "omsorgsbolig-avslag.json",
        law::TABLE,
        "2030-01-07",
        "2030-01-09",
        "2030-01-20",
    );
    assert!(
        today_table.contains("forvaltningsloven § 28 andre ledd"),
        "{today_table}"
    );
    // With a hypothetical start date, a decision after it cites the new act, one before the old.
    let table = law::with_new_fvl_from(law::TABLE, "2030-01-01", "2029-12-31");
    let after = letter_on(
        "omsorgsbolig-avslag.json",
        &table,
        "2030-01-07",
        "2030-01-09",
        "2030-01-20",
    );
    assert!(
        after.contains("forvaltningsloven § 62 andre ledd"),
        "{after}"
    );
    assert!(!after.contains("§ 28 andre ledd"), "{after}");
    let before = letter_on(
        "omsorgsbolig-avslag.json",
        &table,
        "2029-12-20",
        "2029-12-21",
        "2030-01-05",
    );
    assert!(
        before.contains("forvaltningsloven § 28 andre ledd"),
        "{before}"
    );
}

#[test]
fn pbrl_3_1_is_quoted_with_eller_and_cited_as_andre_ledd() {
    for (name, lang) in [("role-verge-nb.json", "nb"), ("role-verge-nn.json", "nn")] {
        let f = flat(&letter_text(&file(name)));
        let want = if lang == "nb" {
            "Etter pasient- og brukerrettighetsloven § 3-1 andre ledd skal det legges stor vekt på hva pasienten eller brukeren mener"
        } else {
            "Etter pasient- og brukarrettslova § 3-1 andre ledd skal det leggjast stor vekt på kva pasienten eller brukaren meiner"
        };
        assert!(f.contains(want), "{f}");
    }
}

#[test]
fn a_long_term_place_letter_cites_the_fvl_duties() {
    let mut raw = file("langtidsopphold-venteliste-bergen-nn.json");
    raw.grounds
        .get_or_insert_with(Default::default)
        .not_considered = Some("Ingen snakka med mor.".into());
    let f = flat(&letter_text(&raw));
    assert!(
        f.contains("Etter forvaltningslova § 17 skal kommunen"),
        "{f}"
    );
}

#[test]
fn a_late_complaint_is_argued_right_after_the_opening_in_both_languages() {
    for (lang, heading, test, blame, next) in [
        (
            "nb",
            "Klagen kommer etter fristen",
            "ikke kan lastes for å ha oversittet fristen eller for å ha ventet med å klage etterpå, eller hvis det av særlige grunner er rimelig at klagen blir prøvd",
            "Jeg kan ikke lastes for at klagen kommer sent",
            "Hva jeg ber om",
        ),
        (
            "nn",
            "Klaga kjem etter fristen",
            "ikkje kan lastast for å ha oversitte fristen eller for å ha venta med å klage etterpå, eller dersom det av særlege grunnar er rimeleg at klaga blir prøvd",
            "Eg kan ikkje lastast for at klaga kjem seint",
            "Kva eg ber om",
        ),
    ] {
        let text = letter_text(&with_lang(file("late-with-reason.json"), lang));
        let f = flat(&text);
        assert!(f.contains(test), "{lang}: {f}");
        assert!(f.contains(blame), "{lang}: {f}");
        let reason = f.find("Jeg lå på sykehus").expect("the reason is quoted");
        let late = f.find(heading).expect("heading");
        // Before the grounds and the requests: the case officer decides on it first.
        assert!(late < f.find(next).expect("requests"), "{lang}: {f}");
        assert!(late < reason, "{lang}");
        assert!(
            late < f
                .find("Det rettslige grunnlaget")
                .or(f.find("Det rettslege grunnlaget"))
                .expect("law"),
            "{lang}"
        );
    }
}

#[test]
fn every_complaint_names_the_person_with_their_birth_date() {
    // Someone writing for themselves.
    let mut raw = file("self-avslag-praktisk-bistand.json");
    raw.applicant.as_mut().expect("applicant").birth_date = Some("1941-03-03".into());
    let f = flat(&letter_text(&raw));
    assert!(f.contains(", født 3. mars 1941."), "{f}");
    let f = flat(&letter_text(&with_lang(raw, "nn")));
    assert!(f.contains(", fødd 3. mars 1941."), "{f}");
}

#[test]
fn a_carer_asks_for_their_own_documents_not_the_journal() {
    use omsorgsklage::domain::letter::LetterKind;
    for name in ["carer-cared-for-nb.json", "carer-cared-for-nn.json"] {
        let mut raw = file(name);
        raw.requests
            .get_or_insert_with(Default::default)
            .access_to_documents = Some(true);
        let f = flat(&letter_text(&raw));
        assert!(f.contains("§ 18"), "{name}: {f}");
        assert!(
            !f.contains("§ 5-1") && !f.contains("journal"),
            "{name}: {f}"
        );
        let checked = omsorgsklage::domain::case::check_for(&raw, today(), LetterKind::Innsyn);
        let case = checked.case.expect("complete");
        let l = omsorgsklage::render::letter(&case, LetterKind::Innsyn).expect("renders");
        let f = flat(&omsorgsklage::render::text::render(&l));
        assert!(f.contains("§ 18"), "{name}: {f}");
        assert!(
            !f.contains("§ 5-1") && !f.contains("journal"),
            "{name}: {f}"
        );
    }
    // The person themselves still asks for the journal.
    let mut raw = file("role-verge-nb.json");
    raw.requests
        .get_or_insert_with(Default::default)
        .access_to_documents = Some(true);
    assert!(flat(&letter_text(&raw)).contains("pasient- og brukerrettighetsloven § 5-1"));
}

#[test]
fn a_refusal_is_never_written_as_what_the_municipality_granted() {
    for (name, _, text) in all_letters() {
        let f = flat(&text);
        assert!(
            !f.contains("innvilget: Avslag") && !f.contains("innvilga: Avslag"),
            "{name}"
        );
    }
    let mut raw = file("self-avslag-praktisk-bistand.json");
    raw.decision.as_mut().expect("decision").granted = Some("Avslag.".into());
    let f = flat(&letter_text(&raw));
    assert!(f.contains("Vedtaket: Avslag."), "{f}");
    assert!(!f.contains("Kommunen innvilget"), "{f}");
}

#[test]
fn a_fullmakt_letter_for_a_parent_verge_or_lawyer_gets_a_warning() {
    use omsorgsklage::domain::case::ProblemKind;
    use omsorgsklage::domain::letter::LetterKind;
    for (name, warned) in [
        ("role-verge-nb.json", true),
        ("role-forelder-child-nb.json", true),
        ("role-advokat-nb.json", true),
        ("role-fullmektig-datter-nb.json", false),
    ] {
        let checked =
            omsorgsklage::domain::case::check_for(&file(name), today(), LetterKind::Fullmakt);
        let found = checked
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::FullmaktNotNeeded && !p.is_error());
        assert_eq!(found, warned, "{name}");
    }
}

#[test]
fn a_complaint_about_a_child_asks_for_the_childs_best_interests_and_view() {
    let f = flat(&letter_text(&file("role-forelder-child-nb.json")));
    assert!(
        f.contains("Vedtaket gjelder et barn. Etter Grunnloven § 104 andre ledd skal barnets beste være et grunnleggende hensyn"),
        "{f}"
    );
    assert!(
        f.contains("etter Grunnloven § 104 første ledd har barn rett til å bli hørt"),
        "{f}"
    );
    let f = flat(&letter_text(&file("role-forelder-child-nn.json")));
    assert!(
        f.contains("Vedtaket gjeld eit barn. Etter Grunnlova § 104 andre ledd"),
        "{f}"
    );
    // An adult, and a carer complaining in their own name, get no such paragraph.
    for name in ["role-verge-nb.json", "carer-cared-for-nb.json"] {
        assert!(!flat(&letter_text(&file(name))).contains("§ 104"), "{name}");
    }
}

// ---- Who complains, and for whom (issue #25; FACTS.md §5 and §6) ----

/// The problems of a case file, as (field, is an error), and whether a letter is written.
fn check_file(raw: &RawCase) -> (Vec<(String, bool)>, bool) {
    let checked = omsorgsklage::domain::case::check(raw, today());
    (
        checked
            .problems
            .iter()
            .map(|p| (p.field.clone(), p.is_error()))
            .collect(),
        checked.case.is_some(),
    )
}

#[test]
fn a_child_under_18_never_signs_alone_whatever_the_role() {
    use omsorgsklage::domain::case::ProblemKind;
    // Issue #25, 1: a mother who pressed Enter on "helper" for her 12-year-old.
    let helper = file("../bad/child-12-helper.json");
    let checked = omsorgsklage::domain::case::check(&helper, today());
    assert!(
        checked.case.is_none(),
        "no letter for a child signing alone"
    );
    let p = checked
        .problems
        .iter()
        .find(|p| p.field == "representative.role")
        .expect("an error on representative.role");
    assert!(p.is_error());
    assert_eq!(p.kind, ProblemKind::ChildNeedsParent { age: 12 });
    let line = omsorgsklage::i18n::problem_line(omsorgsklage::i18n::Ui::Nb, p);
    assert!(
        line.starts_with("representative.role: den vedtaket gjelder, er 12 år"),
        "{line}"
    );
    // The helper's warning about signing together is not given to a child.
    assert!(
        !checked
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::NoPowerOfAttorney)
    );
    // A fullmakt from a child does not make it right either.
    let mut with_fullmakt = helper.clone();
    with_fullmakt
        .representative
        .as_mut()
        .expect("rep")
        .power_of_attorney = Some(true);
    assert!(
        check_file(&with_fullmakt)
            .0
            .contains(&("representative.role".into(), true))
    );
    // Nobody writing for the child: the field to fill in is the representative.
    let alone = file("../bad/child-12-alone.json");
    let checked = omsorgsklage::domain::case::check(&alone, today());
    assert!(checked.case.is_none());
    assert!(checked.problems.iter().any(|p| p.field == "representative"
        && p.kind == ProblemKind::ChildAlone { age: 12 }
        && p.is_error()));
    // A parent, a verge, a lawyer: the letter is written and signed by them (under 16), by
    // the parent and the young person at 16 or 17.
    for (role, birth, signs) in [
        ("forelder", "2014-03-14", vec!["Anne Berg"]),
        ("forelder", "2009-11-21", vec!["Emil Haugen", "Anne Berg"]),
        ("verge", "2014-03-14", vec!["Anne Berg"]),
        ("advokat", "2009-11-21", vec!["Anne Berg"]),
    ] {
        let mut raw = helper.clone();
        raw.representative.as_mut().expect("rep").role = Some(role.into());
        raw.applicant.as_mut().expect("applicant").birth_date = Some(birth.into());
        let (problems, written) = check_file(&raw);
        assert!(written, "{role} {birth}: {problems:?}");
        assert_eq!(signers(&letter_text(&raw)), signs, "{role} {birth}");
    }
    // 18 on the letter date: the person may write and sign alone.
    let mut adult = alone.clone();
    adult.applicant.as_mut().expect("applicant").birth_date = Some("2008-11-20".into());
    assert!(check_file(&adult).1);
}

#[test]
fn answers_that_contradict_who_complains_are_errors_naming_the_field() {
    // A carer's own complaint about a service a carer may not complain about (was a warning).
    let (problems, written) = check_file(&file("../bad/carer-other-service.json"));
    assert!(!written);
    assert!(problems.contains(&("complainant_is_carer".into(), true)));
    // "I write for another" + "I give care and complain on my own behalf": the file says the
    // person cared for is the one complaining as carer.
    let (problems, written) = check_file(&file("../bad/carer-cares-for-self.json"));
    assert!(!written);
    assert!(
        problems.contains(&("cared_for.name".into(), true)),
        "{problems:?}"
    );
}

#[test]
fn a_helped_carers_letter_is_in_the_carers_name_and_nobody_else_gives_care() {
    // (file, who signs, must say)
    let table: &[(&str, &[&str], &[&str])] = &[
        (
            "carer-helped-fullmakt-nb.json",
            &["Kari Nilsen"],
            &[
                "Jeg klager på vegne av Ola Nilsen",
                "Ola Nilsen gir omsorg til Astrid Nilsen, født 30. mai 1943 (kone)",
                "Ola Nilsen klager på egne vegne etter pasient- og brukerrettighetsloven § 2-8",
                "Jeg er datteren til Ola Nilsen og har skriftlig fullmakt",
                "Helsen til Ola Nilsen",
                "fullmektig for Ola Nilsen",
            ],
        ),
        (
            "carer-helped-fullmakt-nn.json",
            &["Kari Nilsen"],
            &[
                "Eg klagar på vegner av Ola Nilsen",
                "Ola Nilsen gir omsorg til Astrid Nilsen, fødd 30. mai 1943 (kone)",
                "Ola Nilsen klagar på eigne vegner etter pasient- og brukarrettslova § 2-8",
                "Helsa til Ola Nilsen",
            ],
        ),
        (
            "carer-helped-nb.json",
            &["Ola Nilsen", "Per Nilsen"],
            &[
                "Ola Nilsen klager på vedtaket",
                "Ola Nilsen gir omsorg til Astrid Nilsen",
                "Jeg er sønnen til Ola Nilsen og har hjulpet med å skrive klagen",
            ],
        ),
        (
            "carer-helped-nn.json",
            &["Ola Nilsen", "Per Nilsen"],
            &[
                "Ola Nilsen klagar på vedtaket",
                "Ola Nilsen gir omsorg til Astrid Nilsen",
                "Eg er sonen til Ola Nilsen og har hjelpt til med å skrive klaga",
            ],
        ),
    ];
    let never = [
        "Jeg gir omsorg",
        "jeg klager på egne vegne",
        "Jeg har særlig tyngende omsorgsarbeid",
        "Min egen helse",
        "Eg gir omsorg",
        "eg klagar på eigne vegner",
        "Eg har særleg tyngande omsorgsarbeid",
        "Helsa mi",
        "har i dag",
    ];
    for (name, signs, must) in table {
        let text = letter_text(&file(name));
        let f = flat(&text);
        assert_eq!(&signers(&text), signs, "{name}");
        for m in *must {
            assert!(f.contains(m), "{name}: missing «{m}»\n{text}");
        }
        for n in never {
            assert!(!f.contains(n), "{name}: must not say «{n}»\n{text}");
        }
        // Without a birth date or relation the sentence still reads.
        let mut raw = file(name);
        raw.cared_for = None;
        let f = flat(&letter_text(&raw));
        assert!(
            f.contains("Ola Nilsen har særlig tyngende omsorgsarbeid og klager på egne vegne")
                || f.contains(
                    "Ola Nilsen har særleg tyngande omsorgsarbeid og klagar på eigne vegner"
                ),
            "{name}: {f}"
        );
    }
    // A carer writing alone about a cut: the respite is not "the service I have today".
    for name in ["carer-cared-for-nb.json", "carer-cared-for-nn.json"] {
        let mut raw = file(name);
        raw.situation = Some("redusert".into());
        let f = flat(&letter_text(&raw));
        assert!(!f.contains("har i dag"), "{name}: {f}");
        assert!(
            f.contains("I vedtaket reduserer kommunen tjenesten.")
                || f.contains("I vedtaket reduserer kommunen tenesta."),
            "{name}: {f}"
        );
    }
}

#[test]
fn the_complaint_asks_for_missing_reasons_as_a_fault_of_the_decision() {
    for (name, must) in [
        (
            "reasons-verge-nb.json",
            [
                "Vedtaket mangler begrunnelse",
                "Jeg mener at dette er en feil ved vedtaket",
                "Et vedtak skal begrunnes, jf. forvaltningsloven § 24",
                "jf. forvaltningsloven § 25",
            ],
        ),
        (
            "reasons-verge-nn.json",
            [
                "Vedtaket manglar grunngjeving",
                "Eg meiner at dette er ein feil ved vedtaket",
                "Eit vedtak skal grunngjevast, jf. forvaltningslova § 24",
                "jf. forvaltningslova § 25",
            ],
        ),
    ] {
        let raw = file(name);
        let f = flat(&letter_text(&raw));
        for m in must {
            assert!(f.contains(m), "{name}: missing «{m}»\n{f}");
        }
        // Never as something that stops the deadline.
        for n in ["avbryt", "avbrot", "utset fristen", "utsetter fristen"] {
            assert!(!f.contains(n), "{name}: «{n}»");
        }
        // Not asked: not there (the default of 0.1 and 0.2 files).
        let mut without = raw.clone();
        without.requests.as_mut().expect("requests").reasons = None;
        let f = flat(&letter_text(&without));
        assert!(!f.contains("Vedtaket mangler begrunnelse"), "{name}");
        assert!(!f.contains("Vedtaket manglar grunngjeving"), "{name}");
    }
    // Every service: asked in words; fvl § 24 and § 25 cited only where they are duties.
    for s in CATALOGUE {
        let mut raw = example::case(s, today());
        raw.requests.get_or_insert_with(Default::default).reasons = Some(true);
        let c = omsorgsklage::domain::case::check(&raw, today())
            .case
            .expect("complete");
        let f = flat(&letter_text(&raw));
        assert!(f.contains("Vedtaket mangler begrunnelse"), "{}", s.id);
        assert!(
            f.contains("Jeg ber om at kommunen gir en begrunnelse for vedtaket"),
            "{}",
            s.id
        );
        let duties = omsorgsklage::domain::routing::fvl_duties_apply(s, c.route);
        assert_eq!(
            f.contains("forvaltningsloven § 24"),
            duties,
            "{}: § 24 only where it is a duty",
            s.id
        );
    }
}

#[test]
fn the_representatives_document_is_one_line_in_the_letters_language() {
    use omsorgsklage::domain::attachment::{RawAttachment, RawAttachmentFile};
    let attachments = |raw: &RawCase, envelope: bool| {
        let c = omsorgsklage::domain::case::check(raw, today())
            .case
            .expect("complete");
        let l = if envelope {
            omsorgsklage::render::envelope_letter(
                &c,
                omsorgsklage::domain::letter::LetterKind::Complaint,
            )
        } else {
            omsorgsklage::render::complaint(&c)
        };
        l.expect("letter").attachments
    };
    // Written in the other language: listed once, in the letter's.
    assert_eq!(
        attachments(&file("reasons-verge-nn.json"), false),
        ["Vedtak foto", "Verjefullmakt"]
    );
    assert_eq!(
        attachments(&file("reasons-verge-nb.json"), false),
        ["Vedtak foto", "Vergefullmakt"]
    );
    // Added as a file too (issue #25, 4): one line, which the PDF says is inside it; the text
    // letter does not.
    let mut raw = file("reasons-verge-nn.json");
    let f = |title: &str, file: &str| {
        RawAttachment::File(RawAttachmentFile {
            title: Some(title.into()),
            file: Some(file.into()),
        })
    };
    raw.attachments = Some(vec![
        f("Vergefullmakt", "vergefullmakt.pdf"),
        f("Vedtak foto", "vedtak.jpg"),
        "Verjefullmakt".into(),
    ]);
    assert_eq!(attachments(&raw, false), ["Verjefullmakt", "Vedtak foto"]);
    assert_eq!(
        attachments(&raw, true),
        [
            "Verjefullmakt (ligg ved i denne fila)",
            "Vedtak foto (ligg ved i denne fila)"
        ]
    );
    // A signed fullmakt by its own title: not listed twice.
    let helped = file("carer-helped-fullmakt-nb.json");
    assert_eq!(
        attachments(&helped, false),
        ["Vedtaket", "Fullmakt fra Ola Nilsen"]
    );
}
