//! Issue 26: the municipality from the postcode and towns, Oslo's bydeler, and one decision on
//! several services: the commands (`kommuner`, `check`, `render`) and the letters.

mod common;

use common::{case_json, cmd, letter_text, raw_from_file, today, write_json};
use omsorgsklage::domain::case::{self, RawCase};
use predicates::prelude::*;
use predicates::str::contains;

/// Text with line breaks folded into spaces (letters are wrapped at 80 columns).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn raw(json: &serde_json::Value) -> RawCase {
    case::read(&serde_json::to_vec(json).expect("json")).expect("readable")
}

/// `check` on a JSON value: (exit code, stdout and stderr, folded).
fn check(json: &serde_json::Value) -> (i32, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_json(dir.path(), "sak.json", json);
    let out = cmd()
        .args(["check", path.to_str().expect("path")])
        .output()
        .expect("run");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), flat(&text))
}

// ---- kommuner ----

#[test]
fn kommuner_forde_shows_sunnfjord_and_why_not_a_spelling_guess() {
    cmd().args(["kommuner", "Førde"]).assert().success().stdout(
        contains("Førde ligger i Sunnfjord kommune.")
            .and(contains("4647  Sunnfjord"))
            .and(contains("Statsforvaltaren i Vestland"))
            .and(contains("1578").not())
            .and(contains("Mente du").not()),
    );
    cmd()
        .args(["kommuner", "sandvika"])
        .assert()
        .success()
        .stdout(contains("Sandvika ligger i Bærum kommune.").and(contains("3201  Bærum")));
    cmd()
        .args(["kommuner", "Valderøya"])
        .assert()
        .success()
        .stdout(contains("Valderøya ligger i Giske kommune."));
}

#[test]
fn kommuner_with_a_postcode_names_its_municipality_and_svalbard_none() {
    cmd()
        .args(["kommuner", "6800"])
        .assert()
        .success()
        .stdout(contains(
            "Postnummer 6800 Førde ligger i Sunnfjord kommune.",
        ));
    cmd()
        .args(["kommuner", "9170"])
        .assert()
        .failure()
        .stdout(contains(
            "Postnummer 9170 Longyearbyen ligger ikke i noen kommune.",
        ));
}

// ---- check: the postcode's municipality ----

#[test]
fn check_warns_when_the_municipality_is_not_the_postcodes_naming_both() {
    let mut json = case_json("minimal-bpa.json");
    json["applicant"]["postcode"] = "6800".into();
    json["applicant"]["city"] = "Førde".into();
    let (code, text) = check(&json);
    assert_eq!(code, 0, "a warning, not an error: {text}");
    assert!(text.contains("Saken er komplett"), "{text}");
    assert!(
        text.contains(
            "municipality: postnummeret 6800 Førde ligger i Sunnfjord kommune, men klagen går til \
             Bærum kommune."
        ),
        "{text}"
    );
    // The postcode's own municipality: no such warning.
    let (_, text) = check(&case_json("minimal-bpa.json"));
    assert!(!text.contains("postnummeret"), "{text}");
}

// ---- Oslo's bydeler ----

#[test]
fn the_oslo_letter_goes_to_the_bydel_in_both_languages() {
    for (file, made_by) in [
        (
            "oslo-bydel-nb.json",
            "Jeg klager på vedtaket fra bydel Grünerløkka i Oslo kommune datert",
        ),
        (
            "oslo-bydel-nn.json",
            "Eg klagar på vedtaket frå bydel Grünerløkka i Oslo kommune datert",
        ),
    ] {
        let text = letter_text(&raw_from_file(
            &std::path::Path::new("tests/cases").join(file),
        ));
        let lines: Vec<&str> = text.lines().collect();
        let to = lines
            .iter()
            .position(|l| l.starts_with("Oslo kommune"))
            .expect("recipient");
        assert_eq!(lines[to], "Oslo kommune, bydel Grünerløkka", "{file}");
        // The address line that only repeats the bydel is left out.
        assert_eq!(lines[to + 1], "Postboks 2128 Grünerløkka", "{file}");
        assert!(flat(&text).contains(made_by), "{file}: {text}");
    }
}

#[test]
fn a_bydel_is_read_forgivingly_and_an_unknown_one_lists_them() {
    let mut json = case_json("oslo-bydel-nb.json");
    for typed in [
        "Grünerløkka",
        "grunerlokka",
        "Bydel Grünerløkka",
        "BYDEL GRUNERLØKKA",
    ] {
        json["municipality"]["district"] = typed.into();
        let text = letter_text(&raw(&json));
        assert!(
            text.contains("Oslo kommune, bydel Grünerløkka\n"),
            "{typed}"
        );
    }
    json["municipality"]["district"] = "Majorstuen".into();
    let (code, text) = check(&json);
    assert_ne!(code, 0, "{text}");
    assert!(
        text.contains("municipality.district: «Majorstuen» er ikke en bydel i Oslo. Bydelene er: Alna, Bjerke,"),
        "{text}"
    );
    assert!(
        text.contains("St. Hanshaugen") && text.contains("Østensjø."),
        "{text}"
    );
}

#[test]
fn a_district_for_another_municipality_is_an_error_and_oslo_without_one_a_warning() {
    let mut json = case_json("minimal-bpa.json");
    json["municipality"]["district"] = "Grünerløkka".into();
    let (code, text) = check(&json);
    assert_ne!(code, 0, "{text}");
    assert!(
        text.contains("municipality.district: Bærum kommune har ikke bydeler"),
        "{text}"
    );
    let mut json = case_json("oslo-bydel-nb.json");
    json["municipality"]
        .as_object_mut()
        .expect("object")
        .remove("district");
    let (code, text) = check(&json);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("municipality.district: i Oslo er det bydelen som gjør vedtaket"),
        "{text}"
    );
}

#[test]
fn the_case_list_says_the_bydel() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_json(dir.path(), "oslo.json", &case_json("oslo-bydel-nb.json"));
    common::cmd_in(data.path())
        .args(["cases", "import", path.to_str().expect("path")])
        .assert()
        .success();
    common::cmd_in(data.path())
        .args(["cases", "list"])
        .assert()
        .success()
        .stdout(contains(
            "Sara Ahmed – praktisk bistand – Oslo kommune, bydel Grünerløkka",
        ));
}

// ---- several services in one decision ----

#[test]
fn a_two_service_letter_covers_both_in_both_languages() {
    for (file, expected) in [
        (
            "two-services-carer-nb.json",
            [
                "Klage på vedtak om omsorgsstønad og avlastning",
                "Om omsorgsstønad: Kommunen avslår søknaden.",
                "Om avlastning: Kommunen reduserer tjenesten jeg har i dag.",
                "omsorgsstønad, etter helse- og omsorgstjenesteloven § 3-6 første ledd nr. 3",
                "første ledd nr. 2 og pasient- og brukerrettighetsloven § 2-8",
                "Jeg ber om at vedtaket om avlastning ikke settes i verk",
            ],
        ),
        (
            "two-services-carer-nn.json",
            [
                "Klage på vedtak om omsorgsstønad og avlasting",
                "Om omsorgsstønad: Kommunen avslår søknaden.",
                "Om avlasting: Kommunen reduserer tenesta eg har i dag.",
                "omsorgsstønad, etter helse- og omsorgstenestelova § 3-6 første ledd nr. 3",
                "første ledd nr. 2 og pasient- og brukarrettslova § 2-8",
                "Eg ber om at vedtaket om avlasting ikkje blir sett i verk",
            ],
        ),
    ] {
        let text = flat(&letter_text(&raw_from_file(
            &std::path::Path::new("tests/cases").join(file),
        )));
        for e in expected {
            assert!(text.contains(e), "{file}: {e:?} missing in {text}");
        }
        // Postponement only for the cut service, once; the omsorgsstønad refusal is not cut.
        assert_eq!(
            text.matches("settes i verk").count() + text.matches("sett i verk").count(),
            1
        );
        assert!(
            !text.contains("Andre grunner") && !text.contains("Andre grunnar"),
            "{file}"
        );
    }
}

#[test]
fn a_two_service_case_has_one_deadline() {
    let raw = raw_from_file(std::path::Path::new(
        "tests/cases/two-services-carer-nb.json",
    ));
    let checked = case::check(&raw, today());
    let case = checked.case.expect("complete");
    assert_eq!(case.services.len(), 2);
    // Received 5 November, four weeks: 3 December, as for one service.
    assert_eq!(case.deadline.last_day.to_string(), "2026-12-03");
}

#[test]
fn two_cut_services_with_postponement_for_one_ask_it_for_that_one_only() {
    // nb: `requests.postponement` false, avlastning's own `postponement` true; nn: the other
    // way round, `requests.postponement` true and omsorgsstønad's own false.
    for (file, expected, not) in [
        (
            "two-cuts-one-postponed-nb.json",
            [
                "Om omsorgsstønad: Kommunen reduserer tjenesten jeg har i dag.",
                "Om avlastning: Kommunen reduserer tjenesten jeg har i dag.",
                "Jeg ber om at vedtaket om avlastning ikke settes i verk før klagen er endelig \
                 avgjort (utsatt iverksetting)",
            ],
            "vedtaket om omsorgsstønad",
        ),
        (
            "two-cuts-one-postponed-nn.json",
            [
                "Om omsorgsstønad: Kommunen reduserer tenesta eg har i dag.",
                "Om avlasting: Kommunen reduserer tenesta eg har i dag.",
                "Eg ber om at vedtaket om avlasting ikkje blir sett i verk før klaga er endeleg \
                 avgjord (utsett iverksetjing)",
            ],
            "vedtaket om omsorgsstønad",
        ),
    ] {
        let file_raw = raw_from_file(&std::path::Path::new("tests/cases").join(file));
        let text = flat(&letter_text(&file_raw));
        for e in expected {
            assert!(text.contains(e), "{file}: {e:?} missing in {text}");
        }
        assert!(!text.contains(not), "{file}: {text}");
        assert_eq!(
            text.matches("settes i verk").count() + text.matches("sett i verk").count(),
            1,
            "{file}: {text}"
        );
        // No warning: each service asks what it says.
        let checked = case::check(&file_raw, today());
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        // Both cut and asked for both (the item's choice taken away): both named, once.
        let mut json = case_json(file);
        json["requests"]["postponement"] = true.into();
        for item in json["services"].as_array_mut().expect("list") {
            item.as_object_mut().expect("item").remove("postponement");
        }
        let both = flat(&letter_text(&raw(&json)));
        assert!(
            both.contains("vedtaket om omsorgsstønad og avlastning ikke settes i verk")
                || both.contains("vedtaket om omsorgsstønad og avlasting ikkje blir sett i verk"),
            "{file}: {both}"
        );
    }
}

#[test]
fn postponement_for_a_service_not_cut_is_a_warning_naming_the_item_and_left_out() {
    // The omsorgsstønad was refused (not cut): its own `postponement: true` means nothing.
    let mut json = case_json("two-services-carer-nb.json");
    json["services"][0]["postponement"] = true.into();
    let (code, text) = check(&json);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains(
            "services.0.postponement: omsorgsstønad blir ikke redusert eller avsluttet i \
             vedtaket. Utsatt iverksetting gir bare mening når en tjeneste du har, blir \
             redusert eller avsluttet. Brevet ber ikke om det for omsorgsstønad."
        ),
        "{text}"
    );
    // The letter is the one without it, word for word.
    assert_eq!(
        letter_text(&raw(&json)),
        letter_text(&raw(&case_json("two-services-carer-nb.json")))
    );
    // In every interface language, in plain words.
    let checked = case::check(&raw(&json), today());
    let p = checked
        .problems
        .iter()
        .find(|p| p.field == "services.0.postponement")
        .expect("warning");
    assert!(!p.is_error());
    use omsorgsklage::i18n::{Ui, problem_text};
    assert!(problem_text(Ui::Nn, p).starts_with("omsorgsstønad blir ikkje redusert"));
    assert!(problem_text(Ui::En, p).contains("is not reduced or stopped by the decision"));
    // `false` on it, or on a cut service, is no problem.
    json["services"][0]["postponement"] = false.into();
    json["services"][1]["postponement"] = true.into();
    let (code, text) = check(&json);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("postponement"), "{text}");
}

#[test]
fn care_and_omsorgsbolig_in_one_file_is_an_error_naming_services() {
    cmd()
        .args(["check", "tests/bad/mixed-routes.json"])
        .assert()
        .failure()
        .stdout(contains(
            "services: vedtaket gjelder både helse- og omsorgstjenester (omsorgsstønad) og noe \
             som ikke er en helse- og omsorgstjeneste (omsorgsbolig).",
        ))
        .stdout(contains("Skriv ett brev for hver"));
}

#[test]
fn services_with_the_single_fields_or_one_item_is_an_error_naming_services() {
    let mut json = case_json("two-services-carer-nb.json");
    json["service"] = "avlastning".into();
    let (code, text) = check(&json);
    assert_ne!(code, 0);
    assert!(
        text.contains("services: filen har både «services» og service."),
        "{text}"
    );

    let mut json = case_json("two-services-carer-nb.json");
    json["services"].as_array_mut().expect("list").truncate(1);
    let (code, text) = check(&json);
    assert_ne!(code, 0);
    assert!(
        text.contains("services: «services» er for vedtak om to eller flere"),
        "{text}"
    );

    let mut json = case_json("two-services-carer-nb.json");
    json["services"][1]["servise"] = "x".into();
    let (_, text) = check(&json);
    assert!(
        text.contains("services.1.servise: ukjent felt. Mente du «services.1.service»?"),
        "{text}"
    );
}

#[test]
fn a_carers_complaint_cannot_take_in_the_persons_own_service() {
    let mut json = case_json("two-services-carer-nb.json");
    json["services"][1]["service"] = "hjemmesykepleie".into();
    let (code, text) = check(&json);
    assert_ne!(code, 0);
    assert!(
        text.contains("services.1.service: den som gir omsorg, kan klage på egne vegne bare om"),
        "{text}"
    );
    assert!(
        text.contains("hjemmesykepleie er tjenesten til den du gir omsorg til"),
        "{text}"
    );
}

// ---- the words the screens will use ----

#[test]
fn the_last_screen_sends_to_the_bydel() {
    use omsorgsklage::summary::send_to;
    let raw = raw_from_file(std::path::Path::new("tests/cases/oslo-bydel-nb.json"));
    assert_eq!(
        send_to(&raw).as_deref(),
        Some("Oslo kommune, bydel Grünerløkka")
    );
    let raw = raw_from_file(std::path::Path::new("tests/cases/minimal-bpa.json"));
    assert_eq!(send_to(&raw).as_deref(), Some("Bærum kommune"));
}

#[test]
fn a_carer_is_told_who_may_complain_about_which_part() {
    use omsorgsklage::i18n::Ui;
    use omsorgsklage::summary::who_may_complain;
    let mut json = case_json("two-services-carer-nb.json");
    json["services"][1]["service"] = "hjemmesykepleie".into();
    let words = who_may_complain(Ui::Nb, &raw(&json), "Anne Berg");
    assert_eq!(
        words,
        [
            "Du kan klage på egne vegne om omsorgsstønad, fordi du gir omsorg.",
            "Om hjemmesykepleie klager Anne Berg. Du kan skrive for Anne Berg som forelder, verge \
             eller med fullmakt.",
            "Vedtaket gjelder både deg som gir omsorg, og Anne Berg. Derfor blir det to brev: ett \
             der du klager på egne vegne, og ett fra Anne Berg.",
        ]
    );
    // Only the carer's own services: nothing to explain.
    let json = case_json("two-services-carer-nb.json");
    assert!(who_may_complain(Ui::Nb, &raw(&json), "Anne Berg").is_empty());
}

/// A son who helps his father, the carer, is told about his father, by name: not "du kan klage
/// på egne vegne", which is not true of the son.
#[test]
fn a_carer_s_helper_is_told_who_may_complain_about_the_carer_by_name() {
    use omsorgsklage::i18n::Ui;
    use omsorgsklage::summary::who_may_complain;
    let mut json = case_json("carer-helped-nb.json");
    json["services"] = serde_json::json!([
        { "service": "avlastning", "situation": "redusert" },
        { "service": "hjemmesykepleie", "situation": "redusert" }
    ]);
    json["service"] = serde_json::Value::Null;
    json["situation"] = serde_json::Value::Null;
    let words = who_may_complain(Ui::Nb, &raw(&json), "Astrid Nilsen");
    assert_eq!(
        words,
        [
            "Om avlastning kan Ola Nilsen klage på egne vegne, som den som gir omsorg.",
            "Om hjemmesykepleie klager Astrid Nilsen. En forelder, en verge eller en med fullmakt \
             kan skrive for Astrid Nilsen.",
            "Vedtaket gjelder både Ola Nilsen og Astrid Nilsen. Derfor blir det to brev: ett der \
             Ola Nilsen klager på egne vegne, og ett fra Astrid Nilsen.",
        ]
    );
    assert!(!words.concat().contains("Du kan"), "{words:?}");
}
