//! Every screen of the wizard at 80×24 (ratatui `TestBackend`), as insta snapshots. Styles are
//! not in the snapshots, so every selection is also visible as a symbol (▶, (x), [x]).

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::{Ground, RawCase};
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::Step;
use omsorgsklage::interview::action::Action;
use tui_common::*;

fn snap(name: &str, app: &omsorgsklage::interview::App) {
    insta::assert_snapshot!(name, screen(app));
}

fn with(f: impl FnOnce(&mut RawCase)) -> RawCase {
    let mut raw = daughter_case();
    f(&mut raw);
    raw
}

#[test]
fn screen_01_start() {
    snap("01_start", &new_app());
}

#[test]
fn screen_01_start_in_english() {
    let mut app = new_app();
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    enter(&mut app);
    snap("01_start_english", &app);
}

#[test]
fn screen_01b_letter_language_english_interface() {
    snap(
        "01b_letter_language",
        &app_at_in(empty_case(), Step::LetterLang, Ui::En),
    );
}

#[test]
fn screen_02_who() {
    snap("02_who", &app_at(empty_case(), Step::Who));
}

#[test]
fn screen_02a_role() {
    snap("02a_role", &app_at(daughter_case(), Step::Role));
}

#[test]
fn screen_03c_cared_for() {
    let mut raw = empty_case();
    raw.service = Some("omsorgsstonad".into());
    raw.complainant_is_carer = Some(true);
    snap("03c_cared_for", &app_at(raw, Step::CaredFor));
}

#[test]
fn screen_02d_person() {
    // A mother names her child before the details (#25).
    let raw = with(|r| {
        let rep = r.representative.as_mut().expect("rep");
        rep.role = Some("forelder".into());
        rep.relation = Some("mor".into());
        rep.power_of_attorney = None;
        r.applicant = None;
    });
    snap("02d_person", &app_at(raw, Step::Person));
}

#[test]
fn screen_02b_relation() {
    snap("02b_relation", &app_at(daughter_case(), Step::Relation));
}

#[test]
fn screen_02c_fullmakt() {
    snap("02c_fullmakt", &app_at(daughter_case(), Step::Fullmakt));
}

#[test]
fn screen_03_service_list() {
    snap("03_service", &app_at(empty_case(), Step::Service));
}

#[test]
fn screen_03_service_filtered() {
    let mut app = app_at(empty_case(), Step::Service);
    type_text(&mut app, "bolig");
    snap("03_service_filtered", &app);
}

#[test]
fn screen_03b_service_other() {
    let raw = with(|r| r.service = Some("annet".into()));
    snap("03b_service_other", &app_at(raw, Step::ServiceOther));
}

#[test]
fn screen_03c_carer() {
    // A carer in their own name (answered on who complains): the services a carer may
    // complain about, and why only they are listed.
    let raw = with(|r| {
        r.service = None;
        r.representative = None;
        r.complainant_is_carer = Some(true);
    });
    snap("03c_carer", &app_at(raw, Step::Service));
}

#[test]
fn screen_03d_route_law() {
    let raw = with(|r| r.service = Some("trygghetsalarm".into()));
    snap("03d_route_law", &app_at(raw, Step::RouteLaw));
}

#[test]
fn screen_03e_routing_omsorgsbolig() {
    let raw = with(|r| r.service = Some("omsorgsbolig".into()));
    snap("03e_routing_omsorgsbolig", &app_at(raw, Step::Routing));
}

#[test]
fn screen_04_situation() {
    snap("04_situation", &app_at(daughter_case(), Step::Situation));
}

#[test]
fn screen_04b_decision_date_as_typed() {
    let mut raw = daughter_case();
    raw.decision = None;
    let mut app = app_at(raw, Step::DecisionDate);
    type_text(&mut app, "02.11.2026");
    snap("04b_decision_date", &app);
}

#[test]
fn screen_04c_received_with_error() {
    let mut app = app_at(daughter_case(), Step::Received);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "7");
    enter(&mut app);
    snap("04c_received_error", &app);
}

#[test]
fn screen_05_rights() {
    snap("05_rights", &app_at(daughter_case(), Step::Rights));
}

#[test]
fn screen_05_rights_scrolled() {
    let mut app = app_at(daughter_case(), Step::Rights);
    // As in the program, the screen is drawn before the first key: the wizard tells the
    // interview how many rows its help line takes, which the page size depends on.
    screen(&app);
    press(&mut app, KeyCode::End);
    snap("05_rights_end", &app);
}

#[test]
fn screen_05_rights_late() {
    let raw = with(|r| {
        if let Some(d) = r.decision.as_mut() {
            d.date = Some("2026-09-01".into());
            d.received = Some("2026-09-03".into());
        }
    });
    snap("05_rights_late", &app_at(raw, Step::Rights));
}

/// The rights screen, tall enough to show all of it, as one line of words.
fn rights_words(raw: RawCase) -> String {
    let text = screen_sized(&app_at(raw, Step::Rights), 80, 60);
    text.replace(['"', '│'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_rights_screen_says_plainly_when_a_complaint_can_no_longer_be_considered() {
    // Decided 1 September 2025; today is 20 November 2026: more than a year.
    let old = rights_words(with(|r| {
        if let Some(d) = r.decision.as_mut() {
            d.date = Some("2025-09-01".into());
            d.received = Some("2025-09-03".into());
        }
    }));
    for want in [
        "Det har gått mer enn ett år siden vedtaket ble gjort. Da kan klagen ikke lenger tas under behandling (forvaltningsloven § 31 tredje ledd).",
        "Søk på nytt, og skriv hvilken hjelp du trenger i dag.",
        "(forvaltningsloven § 35)",
        "telefon 40 50 16 00",
    ] {
        assert!(old.contains(want), "missing {want:?}: {old}");
    }
    assert!(!old.contains("likevel"), "{old}");
    assert!(!old.contains("På neste side skriver du hvorfor"), "{old}");
    // Late, but within the year: the test of fvl § 31 in plain words, and no one-year message.
    let late = rights_words(with(|r| {
        if let Some(d) = r.decision.as_mut() {
            d.date = Some("2026-09-01".into());
            d.received = Some("2026-09-03".into());
        }
    }));
    assert!(
        late.contains("ikke kan lastes for at den er sen, eller hvis det er særlige grunner"),
        "{late}"
    );
    assert!(!late.contains("ett år siden vedtaket ble gjort"), "{late}");
    assert!(!late.contains("Du kan likevel klage"), "{late}");
}

#[test]
fn screen_05b_late_reason() {
    let raw = with(|r| {
        if let Some(d) = r.decision.as_mut() {
            d.date = Some("2026-09-01".into());
            d.received = Some("2026-09-03".into());
        }
    });
    snap("05b_late_reason", &app_at(raw, Step::LateReason));
}

#[test]
fn screen_06_decision() {
    snap("06_decision", &app_at(daughter_case(), Step::Decision));
}

#[test]
fn screen_07_ground_health() {
    snap(
        "07_ground_health",
        &app_at(daughter_case(), Step::Ground(Ground::Health)),
    );
}

#[test]
fn screen_07_ground_other_needs_one() {
    let mut raw = daughter_case();
    raw.grounds = None;
    let mut app = app_at(raw, Step::Ground(Ground::Other));
    tab(&mut app);
    snap("07_ground_other_error", &app);
}

#[test]
fn screen_08_outcome_with_suggestion() {
    snap("08_outcome", &app_at(daughter_case(), Step::Outcome));
}

/// One decision on several services (issue #26): the list with two, and the questions about
/// the second; a route-B matter not added, said under the list.
#[test]
fn screen_08a_services() {
    let mut raw = daughter_case();
    raw.services = Some(vec![omsorgsklage::domain::case::RawServiceItem {
        service: Some("praktisk-bistand".into()),
        situation: Some("avslag".into()),
        ..Default::default()
    }]);
    snap("08a_services", &app_at(raw.clone(), Step::Services));
    let extra = |p| Step::Extra(1, p);
    use omsorgsklage::step::ExtraPart;
    snap(
        "08a_services_situation",
        &app_at(raw.clone(), extra(ExtraPart::Situation)),
    );
    let mut app = app_at(raw, extra(ExtraPart::Service));
    type_text(&mut app, "omsorgsbolig");
    press(&mut app, KeyCode::Enter);
    snap("08a_services_other_route", &app);
}

#[test]
fn screen_08b_requests() {
    snap("08b_requests", &app_at(daughter_case(), Step::Requests));
}

#[test]
fn screen_09_attachments() {
    // Below the suggestions, the fullmakt's own line (#25); then the field.
    let mut app = app_at(daughter_case(), Step::Attachments);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "Uttalelse fra fastlegen");
    snap("09_attachments", &app);
}

#[test]
fn screen_10_applicant() {
    snap("10_applicant", &app_at(daughter_case(), Step::Applicant));
}

#[test]
fn screen_10_applicant_for_self_with_errors() {
    let raw = with(|r| {
        r.representative = None;
        r.applicant = None;
    });
    let mut app = app_at(raw, Step::Applicant);
    type_text(&mut app, "Kari Nordmann\n\n901");
    tab(&mut app);
    tab(&mut app);
    tab(&mut app);
    tab(&mut app);
    tab(&mut app);
    snap("10_applicant_self_errors", &app);
}

#[test]
fn screen_10b_representative() {
    snap(
        "10b_representative",
        &app_at(daughter_case(), Step::Representative),
    );
}

#[test]
fn screen_10c_municipality() {
    let mut app = app_at(daughter_case(), Step::Municipality);
    press_mod(
        &mut app,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    type_text(&mut app, "her");
    snap("10c_municipality", &app);
}

#[test]
fn screen_10d_municipality_address() {
    snap(
        "10d_municipality_address",
        &app_at(daughter_case(), Step::MunicipalityAddress),
    );
}

#[test]
fn screen_11_check_answers() {
    snap("11_check", &app_at(daughter_case(), Step::Check));
}

#[test]
fn screen_11_check_answers_scrolled() {
    let mut app = app_at(daughter_case(), Step::Check);
    press(&mut app, KeyCode::End);
    snap("11_check_end", &app);
}

#[test]
fn screen_11_check_answers_with_errors() {
    let raw = with(|r| {
        r.applicant = None;
        r.grounds = None;
        if let Some(d) = r.decision.as_mut() {
            d.received = None;
        }
    });
    snap("11_check_errors", &app_at(raw, Step::Check));
}

#[test]
fn screen_12_preview() {
    snap("12_preview", &app_at(daughter_case(), Step::Preview));
}

#[test]
fn screen_12_preview_page_down() {
    let mut app = app_at(daughter_case(), Step::Preview);
    // As in the program, the screen is drawn before the first key: the wizard tells the
    // interview how many rows its help line takes, which the page size depends on.
    screen(&app);
    press(&mut app, KeyCode::PageDown);
    snap("12_preview_page_2", &app);
}

#[test]
fn screen_13_done() {
    snap("13_done", &app_at(daughter_case(), Step::Done));
}

#[test]
fn screen_13_done_without_fullmakt() {
    let raw = with(|r| {
        if let Some(rep) = r.representative.as_mut() {
            rep.power_of_attorney = Some(false);
        }
    });
    snap("13_done_offers_fullmakt", &app_at(raw, Step::Done));
}

#[test]
fn screen_13_done_after_saving() {
    let mut app = app_at(daughter_case(), Step::Done);
    app.update(Action::ExportDone(
        omsorgsklage::interview::action::ExportReport {
            written: vec!["/home/kari/Dokumenter/klage-ola-hansen-2026-11-20.txt".into()],
            exists: vec![],
            errors: vec!["Kunne ikke lage PDF: PDF: ikke ferdig".into()],
            bundled: false,
            letter_date: None,
        },
    ));
    snap("13_done_saved", &app);
}

#[test]
fn dialog_help() {
    let mut app = app_at(daughter_case(), Step::Received);
    press(&mut app, KeyCode::F(1));
    snap("dialog_help", &app);
}

#[test]
fn dialog_quit() {
    let mut app = app_at(daughter_case(), Step::Situation);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Esc);
    press_mod(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    snap("dialog_quit", &app);
}

#[test]
fn dialog_overwrite() {
    let mut app = app_at(daughter_case(), Step::Done);
    app.update(Action::ExportDone(
        omsorgsklage::interview::action::ExportReport {
            written: vec![],
            exists: vec!["/home/kari/Dokumenter/klage-ola-hansen-2026-11-20.txt".into()],
            errors: vec![],
            bundled: false,
            letter_date: None,
        },
    ));
    snap("dialog_overwrite", &app);
}

#[test]
fn window_too_small() {
    let mut app = app_at(daughter_case(), Step::Situation);
    app.update(Action::Resize(39, 14));
    insta::assert_snapshot!("window_too_small", screen_sized(&app, 39, 14));
}

#[test]
fn narrow_window_still_works() {
    let mut app = app_at(daughter_case(), Step::Service);
    app.update(Action::Resize(50, 20));
    insta::assert_snapshot!("narrow_service", screen_sized(&app, 50, 20));
}
