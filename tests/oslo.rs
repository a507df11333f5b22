//! Oslo (issue #26): the bydel that made the decision, found by typing part of its name in the
//! wizard and in line mode, and where to send the complaint ("Oslo kommune, bydel Grünerløkka")
//! said the same way on the case screen, the done screen and in `cases list`.

mod common;
mod tui_common;

use std::path::Path;
use std::process::Output;

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::{RawCase, RawMunicipality};
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::Step;
use tui_common::*;

/// Text with line breaks and indentation folded into single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The daughter's case, in Oslo, bydel Grünerløkka.
fn oslo_case() -> RawCase {
    RawCase {
        municipality: Some(RawMunicipality {
            number: Some("0301".into()),
            name: Some("Oslo".into()),
            district: Some("Grünerløkka".into()),
            address: Some(vec!["Postboks 2128 Grünerløkka".into(), "0505 Oslo".into()]),
        }),
        ..daughter_case()
    }
}

/// The wizard at the bydel question, after "Oslo" on the municipality screen.
fn at_district() -> omsorgsklage::interview::App {
    let mut app = app_at(daughter_case(), Step::Municipality);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "Oslo");
    enter(&mut app);
    assert_eq!(app.step(), Step::District);
    app
}

/// The row of the screen that is highlighted (starts with the selection mark).
fn highlighted(app: &omsorgsklage::interview::App) -> Vec<String> {
    screen_text(app)
        .lines()
        .filter(|l| l.trim_start().starts_with('▶'))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn the_bydel_is_found_by_typing_part_of_its_name() {
    for typed in ["grün", "grun", "løkka", "GRUNERLOKKA", "bydel grünerløkka"] {
        let mut app = at_district();
        // Nothing highlighted before the person types or moves into the list.
        assert!(highlighted(&app).is_empty(), "{}", screen_text(&app));
        type_text(&mut app, typed);
        let shown = screen_text(&app);
        assert!(shown.contains("Grünerløkka"), "{typed}: {shown}");
        // Only the one that fits is listed, and it is highlighted.
        assert!(!shown.contains("Alna"), "{typed}: {shown}");
        assert!(!shown.contains("Frogner"), "{typed}: {shown}");
        assert_eq!(highlighted(&app).len(), 1, "{typed}: {shown}");
        assert!(highlighted(&app)[0].contains("Grünerløkka"), "{shown}");
        enter(&mut app);
        assert_eq!(app.step(), Step::MunicipalityAddress, "{typed}");
        // The address asked for is the bydel's, not "Postboks 6900, 9299 Tromsø".
        let shown = flat(&screen_text(&app));
        assert!(
            shown.contains("Adressen til bydelen står i vedtaket"),
            "{shown}"
        );
        assert!(!shown.contains("Tromsø"), "{shown}");
        let m = app.raw().municipality.clone().expect("municipality");
        assert_eq!(m.district.as_deref(), Some("Grünerløkka"), "{typed}");
    }
}

#[test]
fn several_matches_are_listed_and_the_arrows_choose_among_them() {
    let mut app = at_district();
    type_text(&mut app, "nord");
    let shown = screen_text(&app);
    for b in ["Nordre Aker", "Nordstrand", "Søndre Nordstrand"] {
        assert!(shown.contains(b), "{shown}");
    }
    assert!(!shown.contains("Grünerløkka"), "{shown}");
    assert!(highlighted(&app)[0].contains("Nordre Aker"), "{shown}");
    press(&mut app, KeyCode::Down);
    assert!(
        highlighted(&app)[0].contains("Nordstrand"),
        "{}",
        screen_text(&app)
    );
    enter(&mut app);
    assert_eq!(
        app.raw()
            .municipality
            .as_ref()
            .and_then(|m| m.district.as_deref()),
        Some("Nordstrand")
    );
}

#[test]
fn the_first_enter_moves_into_the_list_and_never_chooses() {
    let mut app = at_district();
    let shown = screen_text(&app);
    assert!(shown.contains("Skriv noen bokstaver av navnet"), "{shown}");
    assert!(shown.contains("Bydel:"), "{shown}");
    enter(&mut app);
    assert_eq!(app.step(), Step::District);
    assert!(app.raw().municipality.as_ref().unwrap().district.is_none());
    assert!(
        highlighted(&app)[0].contains("Alna"),
        "{}",
        screen_text(&app)
    );
    // A name that is no bydel: said, nothing chosen.
    type_text(&mut app, "Majorstuen");
    let shown = flat(&screen_text(&app));
    assert!(
        shown.contains("Ingen bydel i Oslo passer «Majorstuen»"),
        "{shown}"
    );
    enter(&mut app);
    assert_eq!(app.step(), Step::District);
}

#[test]
fn a_bydel_chosen_before_is_marked_and_kept_by_enter() {
    let mut app = app_at(oslo_case(), Step::District);
    let rows = highlighted(&app);
    assert!(rows[0].contains("Grünerløkka"), "{}", screen_text(&app));
    enter(&mut app);
    assert_eq!(app.step(), Step::MunicipalityAddress);
}

/// FACTS.md §9 says the bydel decides on health and care services. A decision on omsorgsbolig
/// (not a care service) is not asked about a bydel, and `check` does not warn that one is
/// missing; a care service in Oslo still is and does.
#[test]
fn the_bydel_is_asked_for_care_services_only() {
    use omsorgsklage::domain::case;
    let mut raw = oslo_case();
    raw.municipality.as_mut().expect("oslo").district = None;
    let path = omsorgsklage::interview::path::path(&raw, Ui::Nb, today());
    assert!(path.contains(&Step::District), "{path:?}");
    let warned = |r: &RawCase| {
        case::check(r, today())
            .problems
            .iter()
            .any(|p| p.field == "municipality.district")
    };
    assert!(warned(&raw));
    raw.service = Some("omsorgsbolig".into());
    let path = omsorgsklage::interview::path::path(&raw, Ui::Nb, today());
    assert!(!path.contains(&Step::District), "{path:?}");
    assert!(!warned(&raw));
}

#[test]
fn check_answers_names_the_bydel_by_its_official_name() {
    // A case file may spell it as typed ("grunerlokka", tests/cases/oslo-bydel-nb.json).
    let mut raw = oslo_case();
    raw.municipality.as_mut().unwrap().district = Some("grunerlokka".into());
    let mut app = app_at(raw, Step::Check);
    for _ in 0..40 {
        press(&mut app, KeyCode::Down);
    }
    let shown = screen_text(&app);
    let row = shown
        .lines()
        .find(|l| {
            l.trim_start()
                .trim_start_matches('▶')
                .trim()
                .starts_with("Bydel")
        })
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(row.contains("Grünerløkka"), "{shown}");
}

#[test]
fn the_case_screen_says_where_to_send_it_in_each_language() {
    for (ui, words) in [
        (Ui::Nb, "Klagen sendes til Oslo kommune, bydel Grünerløkka."),
        (
            Ui::Nn,
            "Klaga blir send til Oslo kommune, bydel Grünerløkka.",
        ),
        (
            Ui::En,
            "The complaint goes to Oslo kommune, bydel Grünerløkka.",
        ),
    ] {
        let mut app = app_at_in(oslo_case(), Step::Done, ui);
        app.show_case();
        assert_eq!(app.step(), Step::Case);
        let shown = flat(&screen_text(&app));
        assert!(shown.contains(words), "{shown}");
        // Line mode reads the same words.
        let d = omsorgsklage::interview::describe::describe(&app);
        assert!(d.text.iter().any(|t| t == words), "{d:?}");
    }
    // Outside Oslo: the municipality alone.
    let mut app = app_at(daughter_case(), Step::Done);
    app.show_case();
    assert!(
        flat(&screen_text(&app)).contains("Klagen sendes til Tromsø kommune."),
        "{}",
        screen_text(&app)
    );
}

#[test]
fn the_done_screen_says_where_to_send_it_as_the_letter_is_addressed() {
    for (ui, words) in [
        (
            Ui::Nb,
            "Send klagen i posten til Oslo kommune, bydel Grünerløkka, eller",
        ),
        (
            Ui::Nn,
            "Send klaga i posten til Oslo kommune, bydel Grünerløkka, eller",
        ),
        (
            Ui::En,
            "Send the complaint by post to Oslo kommune, bydel Grünerløkka, or",
        ),
    ] {
        let app = app_at_in(oslo_case(), Step::Done, ui);
        let next = omsorgsklage::interview::describe::save_view(&app)
            .expect("done")
            .next;
        assert!(next.iter().any(|l| l.starts_with(words)), "{next:?}");
    }
    let app = app_at(oslo_case(), Step::Done);
    let shown = flat(&screen_text(&app));
    assert!(
        shown.contains("Send klagen i posten til Oslo kommune, bydel Grünerløkka,"),
        "{shown}"
    );
}

#[test]
fn cases_list_says_the_bydel_as_the_case_screen_does() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = common::write_json(
        dir.path(),
        "oslo.json",
        &common::case_json("oslo-bydel-nn.json"),
    );
    common::cmd_in(data.path())
        .args(["cases", "import", path.to_str().expect("path")])
        .assert()
        .success();
    let out = common::cmd_in(data.path())
        .args(["cases", "list"])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("Oslo kommune, bydel Grünerløkka"), "{text}");
}

// ---- line mode ----

fn run_plain(lang: &str, input: &[&str], data: &Path) -> Output {
    common::plain::run(lang, &common::plain::lines(input), data, &["--plain"])
}

/// A bokmål complaint for oneself up to the municipality screen, with Oslo's postcode.
fn to_municipality() -> Vec<&'static str> {
    [
        common::plain::TO_SERVICES,
        &[
            "", // one service in the decision: go on
            "", // requests
            "", // attachments
            "Sara Ahmed",
            "Thorvald Meyers gate 10",
            "0555",
            "Oslo",
            "",
            "",
            "",
            "Oslo",
        ],
    ]
    .concat()
}

/// The bydel saved in the draft.
fn saved_district(data: &Path) -> Option<String> {
    let files = common::case_files(&data.join("data"));
    common::raw_from_file(files.first().expect("a draft"))
        .municipality
        .and_then(|m| m.district)
}

#[test]
fn line_mode_chooses_the_one_bydel_that_fits_what_is_typed() {
    let dir = tempfile::tempdir().expect("dir");
    let mut answers = to_municipality();
    answers.extend(["", "løkka"]);
    let out = run_plain("nb", &answers, dir.path());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("Hvilken bydel i Oslo har gjort vedtaket?"),
        "{text}"
    );
    // The plain hint names no keys of the wizard.
    let bydel = text.split("Hvilken bydel i Oslo").nth(1).expect("asked");
    assert!(!bydel.contains("pilene"), "{bydel}");
    assert!(text.contains("Grünerløkka, valgt."), "{text}");
    assert!(text.contains("Hva er kommunens postadresse?"), "{text}");
    assert_eq!(saved_district(dir.path()).as_deref(), Some("Grünerløkka"));
}

#[test]
fn line_mode_lists_several_matches_and_a_number_chooses() {
    let dir = tempfile::tempdir().expect("dir");
    let mut answers = to_municipality();
    answers.extend(["", "majorstuen", "aker", "2"]);
    let out = run_plain("nb", &answers, dir.path());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let flat = flat(&text);
    assert!(
        flat.contains("Feil: Ingen bydel i Oslo passer «majorstuen»"),
        "{text}"
    );
    assert!(text.contains("1. Nordre Aker\n2. Vestre Aker\n"), "{text}");
    assert!(flat.contains("[Enter velger 1. Nordre Aker]"), "{text}");
    assert_eq!(saved_district(dir.path()).as_deref(), Some("Vestre Aker"));
}
