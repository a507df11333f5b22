//! Accessibility of the full-screen wizard: every screen usable in a zoomed window (40×20, the
//! smallest size the wizard draws in is 40×15) and at 80×24; nothing told by colour alone (the
//! no-colour theme has no colours, and the selected row, chosen answers, ticks and errors carry
//! a symbol or a word); a message with the size needed below the minimum; help on every screen,
//! in every interface language.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::{Ground, RawCase};
use omsorgsklage::i18n::{Ui, has, t};
use omsorgsklage::interview::App;
use omsorgsklage::interview::Step;
use omsorgsklage::interview::action::{Action, ExportReport};
use omsorgsklage::tui::theme::{Theme, ThemeName};
use omsorgsklage::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tui_common::*;

fn with(f: impl FnOnce(&mut RawCase)) -> RawCase {
    let mut raw = daughter_case();
    f(&mut raw);
    raw
}

fn late() -> RawCase {
    with(|r| {
        if let Some(d) = r.decision.as_mut() {
            d.date = Some("2026-09-01".into());
            d.received = Some("2026-09-03".into());
        }
    })
}

/// What a screen must show without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shows {
    /// A list or form with a selected row or focused field: "▶".
    Selection,
    /// An error: the word "Feil".
    Error,
    /// Only text to read.
    Text,
}

/// Every kind of screen, in states worth seeing: (name, app, what it must show).
fn screens() -> Vec<(&'static str, App, Shows)> {
    use Shows::*;
    let mut v: Vec<(&'static str, App, Shows)> = vec![
        ("01_start", new_app(), Selection),
        (
            "01b_letter_language",
            app_at_in(empty_case(), Step::LetterLang, Ui::En),
            Selection,
        ),
        ("02_who", app_at(daughter_case(), Step::Who), Selection),
        (
            "02b_relation",
            app_at(daughter_case(), Step::Relation),
            Selection,
        ),
        (
            "02c_fullmakt",
            app_at(daughter_case(), Step::Fullmakt),
            Selection,
        ),
        // Nothing chosen yet: nothing highlighted, so Enter cannot choose by accident.
        ("03_service", app_at(empty_case(), Step::Service), Text),
    ];
    let mut a = app_at(empty_case(), Step::Service);
    enter(&mut a);
    v.push(("03_service_in_list", a, Selection));
    let mut a = app_at(empty_case(), Step::Service);
    type_text(&mut a, "bolig");
    v.push(("03_service_filtered", a, Selection));
    let raw = with(|r| r.service = Some("annet".into()));
    v.push((
        "03b_service_other",
        app_at(raw, Step::ServiceOther),
        Selection,
    ));
    // A carer in their own name: the services a carer may complain about (#25).
    let raw = with(|r| {
        r.service = Some("avlastning".into());
        r.representative = None;
        r.complainant_is_carer = Some(true);
    });
    v.push(("03c_carer", app_at(raw, Step::Service), Selection));
    let raw = with(|r| r.service = Some("trygghetsalarm".into()));
    v.push(("03d_route_law", app_at(raw, Step::RouteLaw), Selection));
    let raw = with(|r| r.service = Some("omsorgsbolig".into()));
    v.push(("03e_routing", app_at(raw, Step::Routing), Text));
    v.push((
        "04_situation",
        app_at(daughter_case(), Step::Situation),
        Selection,
    ));
    v.push((
        "04b_decision_date",
        app_at(daughter_case(), Step::DecisionDate),
        Selection,
    ));
    let mut a = app_at(daughter_case(), Step::Received);
    press(&mut a, KeyCode::Backspace);
    type_text(&mut a, "7");
    enter(&mut a);
    v.push(("04c_received_error", a, Error));
    v.push(("05_rights", app_at(daughter_case(), Step::Rights), Text));
    v.push(("05_rights_late", app_at(late(), Step::Rights), Text));
    v.push(("05b_late_reason", app_at(late(), Step::LateReason), Text));
    v.push((
        "06_decision",
        app_at(daughter_case(), Step::Decision),
        Selection,
    ));
    v.push((
        "07_ground_health",
        app_at(daughter_case(), Step::Ground(Ground::Health)),
        Text,
    ));
    let mut raw = daughter_case();
    raw.grounds = None;
    let mut a = app_at(raw, Step::Ground(Ground::Other));
    tab(&mut a);
    v.push(("07_ground_other_error", a, Error));
    v.push(("08_outcome", app_at(daughter_case(), Step::Outcome), Text));
    v.push((
        "08b_requests",
        app_at(daughter_case(), Step::Requests),
        Selection,
    ));
    // Below the suggestions, the fullmakt's own line (#25); then the field.
    let mut a = app_at(daughter_case(), Step::Attachments);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    type_text(&mut a, "Uttalelse fra fastlegen");
    v.push(("09_attachments", a, Selection));
    v.push((
        "10_applicant",
        app_at(daughter_case(), Step::Applicant),
        Selection,
    ));
    let raw = with(|r| {
        r.representative = None;
        r.applicant = None;
    });
    let mut a = app_at(raw, Step::Applicant);
    type_text(&mut a, "Kari Nordmann\n\n901");
    for _ in 0..5 {
        tab(&mut a);
    }
    v.push(("10_applicant_errors", a, Error));
    v.push((
        "10b_representative",
        app_at(daughter_case(), Step::Representative),
        Selection,
    ));
    let mut a = app_at(daughter_case(), Step::Municipality);
    press_mod(
        &mut a,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    type_text(&mut a, "her");
    v.push(("10c_municipality", a, Selection));
    v.push((
        "10d_municipality_address",
        app_at(daughter_case(), Step::MunicipalityAddress),
        Selection,
    ));
    v.push(("11_check", app_at(daughter_case(), Step::Check), Selection));
    let raw = with(|r| {
        r.applicant = None;
        r.grounds = None;
    });
    v.push(("11_check_errors", app_at(raw, Step::Check), Error));
    v.push(("12_preview", app_at(daughter_case(), Step::Preview), Text));
    v.push(("13_done", app_at(daughter_case(), Step::Done), Selection));
    let mut a = app_at(daughter_case(), Step::Done);
    a.update(Action::ExportDone(ExportReport {
        written: vec!["/home/kari/Dokumenter/klage-ola-hansen-2026-11-20.txt".into()],
        exists: vec![],
        errors: vec!["Kunne ikke lage PDF: disken er full".into()],
        bundled: false,
        letter_date: None,
    }));
    v.push(("13_done_saved", a, Error));
    let mut a = app_at(daughter_case(), Step::Received);
    press(&mut a, KeyCode::F(1));
    v.push(("dialog_help", a, Text));
    let mut a = app_at(daughter_case(), Step::Situation);
    press(&mut a, KeyCode::Char('2'));
    press(&mut a, KeyCode::Esc);
    press_mod(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    v.push(("dialog_quit", a, Text));
    // After the complaint: the case screen, the date it was sent, new information.
    let mut raw = daughter_case();
    raw.sent = Some("2026-11-10".into());
    let mut a = app_at(raw.clone(), Step::Done);
    a.show_case();
    v.push(("14_case", a, Selection));
    let mut a = app_at(raw.clone(), Step::Done);
    a.show_case();
    press(&mut a, KeyCode::Char('2'));
    v.push(("14b_sent", a, Selection));
    let mut a = app_at(raw, Step::Done);
    a.show_case();
    press(&mut a, KeyCode::End);
    press(&mut a, KeyCode::Up);
    enter(&mut a);
    assert_eq!(
        a.step(),
        Step::Supplement,
        "tilleggsopplysninger is next to last"
    );
    v.push(("14c_supplement", a, Text));
    v
}

fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    terminal.backend().buffer().clone()
}

fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn every_screen_at_40_by_20() {
    for (name, mut app, _) in screens() {
        let buf = draw(&mut app, 40, 20);
        insta::assert_snapshot!(format!("{name}_40x20"), text_of(&buf));
    }
}

/// The styles of the default theme that carry a meaning, and the sign that must say the same
/// without colour somewhere on the screen.
fn colour_meanings(th: &Theme) -> Vec<(ratatui::style::Style, &'static [&'static str])> {
    vec![
        (th.selected, &["▶"]),
        (th.error, &["Feil", "SKADET", "FRISTEN"]),
        (th.success, &["✓"]),
        (th.warning, &["Merk", "DAGER", "Skrankemodus"]),
    ]
}

#[test]
fn nothing_is_told_by_colour_alone() {
    for (w, h) in [(80, 24), (40, 20), (40, 15)] {
        for (name, mut app, shows) in screens() {
            // Without colour: no colour at all, and the signs are there.
            app.set_theme(Theme::new(ThemeName::NoColor));
            let buf = draw(&mut app, w, h);
            let text = text_of(&buf);
            for cell in buf.content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{name} at {w}×{h}: a colour in the no-colour theme"
                );
            }
            match shows {
                Shows::Selection => assert!(
                    text.contains('▶'),
                    "{name} at {w}×{h}: the focus cannot be seen:\n{text}"
                ),
                Shows::Error => assert!(
                    text.contains("Feil"),
                    "{name} at {w}×{h}: an error without the word:\n{text}"
                ),
                Shows::Text => {}
            }
            // With colour (default and high contrast): every coloured meaning also has its sign.
            for theme in [ThemeName::Default, ThemeName::HighContrast] {
                let th = Theme::new(theme);
                app.set_theme(th);
                let buf = draw(&mut app, w, h);
                let text = text_of(&buf);
                // The screen above the help bar (whose keys have their own colour).
                let rule = text
                    .lines()
                    .collect::<Vec<_>>()
                    .iter()
                    .rposition(|l| l.starts_with('─'))
                    .unwrap_or(usize::from(h));
                let rule = u16::try_from(rule).unwrap_or(h);
                let cells: Vec<&ratatui::buffer::Cell> = (0..rule)
                    .flat_map(|y| (0..w).map(move |x| (x, y)))
                    .map(|p| &buf[p])
                    .collect();
                for (style, signs) in colour_meanings(&th) {
                    // A style with a background is known by it, else by its text colour.
                    let used = cells.iter().any(|c| match (style.bg, style.fg) {
                        (Some(b), _) => c.bg == b && Some(b) != th.base.bg,
                        (None, Some(f)) => c.fg == f && Some(f) != th.base.fg,
                        (None, None) => false,
                    });
                    if used {
                        assert!(
                            signs.iter().any(|s| text.contains(s)),
                            "{name} at {w}×{h} ({theme:?}): {style:?} is used without {signs:?}:\n{text}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_chosen_answer_and_a_tick_are_symbols() {
    let app = app_at(daughter_case(), Step::Situation);
    let text = screen_text(&app);
    assert!(text.contains("▶ (x) 3."), "{text}");
    assert!(text.contains("( ) 1."), "{text}");
    let app = app_at(daughter_case(), Step::Requests);
    let text = screen_text(&app);
    assert!(text.contains("▶ [x] Be om å få se"), "{text}");
    let mut app = app_at(daughter_case(), Step::Attachments);
    press(&mut app, KeyCode::Down);
    let text = screen_text(&app);
    assert!(text.contains("▶ [ ] Legeerklæring"), "{text}");
}

#[test]
fn below_the_minimum_size_a_message_says_what_is_needed() {
    for (w, h) in [(39, 20), (80, 14), (20, 10)] {
        let mut app = app_at(daughter_case(), Step::Situation);
        let text = text_of(&draw(&mut app, w, h)).replace('\n', " ");
        assert!(text.contains("40 × 15"), "{w}×{h}: {text}");
        assert!(text.contains(&format!("{w} × {h}")), "{w}×{h}: {text}");
    }
    // At the minimum, the wizard is drawn.
    let mut app = app_at(daughter_case(), Step::Situation);
    let text = text_of(&draw(&mut app, 40, 15));
    assert!(text.contains("▶ (x) 3."), "{text}");
}

#[test]
fn a_form_scrolls_to_the_field_with_the_focus_in_a_low_window() {
    let mut app = app_at(daughter_case(), Step::Applicant);
    app.update(Action::Resize(40, 20));
    for _ in 0..6 {
        tab(&mut app);
    }
    let text = text_of(&draw(&mut app, 40, 20));
    assert!(text.contains("▶ Fødselsdato"), "{text}");
    assert!(text.contains('↑'), "{text}");
}

#[test]
fn every_step_has_help_in_every_language() {
    for ui in Ui::ALL {
        for step in Step::all() {
            let key = step.help_key();
            assert!(has(ui, &key), "{}: no {key}", ui.code());
            let help = t(ui, &key);
            assert!(
                help.split_whitespace().count() >= 8,
                "{}: {key} is too short: {help}",
                ui.code()
            );
        }
    }
}

#[test]
fn help_opens_on_every_screen() {
    for (name, mut app, _) in screens() {
        if app.modal().is_some() {
            continue;
        }
        press(&mut app, KeyCode::F(1));
        assert!(
            matches!(app.modal(), Some(omsorgsklage::interview::Modal::Help(_))),
            "{name}: F1 did not open the help"
        );
        let help = t(app.ui(), &app.step().help_key());
        let first: String = help
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let text = text_of(&draw(&mut app, 80, 24)).replace('\n', " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&first), "{name}: {first:?} not in\n{text}");
    }
}

#[test]
fn every_screen_can_be_described_in_words() {
    use omsorgsklage::interview::describe::{Answer, Entry, Mark, describe};
    for (name, app, _) in screens() {
        let d = describe(&app);
        assert!(!d.title.is_empty(), "{name}");
        assert!(!d.help.is_empty(), "{name}");
        let words = format!("{d:?}");
        assert!(
            !words.contains('\u{2500}') && !words.contains('▶'),
            "{name}: {words}"
        );
        if let Answer::Choose {
            default: Some(i),
            current: true,
        } = d.answer
        {
            let marks: Vec<Mark> = d
                .entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Item { mark, .. } => Some(*mark),
                    _ => None,
                })
                .collect();
            assert_eq!(marks.get(i), Some(&Mark::Chosen), "{name}");
        }
    }
}

#[test]
fn at_40_by_15_the_guidance_above_a_text_box_is_still_there() {
    let mut app = app_at(daughter_case(), Step::Ground(Ground::ALL[0]));
    app.update(Action::Resize(40, 15));
    let text = text_of(&draw(&mut app, 40, 15));
    assert!(text.contains("Skriv om sykdommer"), "{text}");
}

#[test]
fn a_scroll_arrow_never_covers_the_last_letter_of_a_line() {
    for (step, w, h) in [
        (Step::Case, 40, 15),
        (Step::Case, 40, 20),
        (Step::Applicant, 40, 15),
        (Step::Case, 80, 24),
    ] {
        let mut app = if step == Step::Case {
            let mut a = app_at(daughter_case(), Step::Done);
            a.show_case();
            a
        } else {
            app_at(daughter_case(), step)
        };
        assert_eq!(app.step(), step);
        app.update(Action::Resize(w, h));
        let buf = draw(&mut app, w, h);
        let margin = if w >= 60 { 2 } else { 1 };
        // Above the rule over the key help (whose "↑↓" names keys).
        let rule = (0..h).find(|y| buf[(0, *y)].symbol() == "─").unwrap_or(h);
        for y in 0..rule {
            for x in 0..w {
                let s = buf[(x, y)].symbol();
                if s == "↑" || s == "↓" {
                    // In the window's right margin, where no text goes.
                    assert!(
                        x >= w - margin,
                        "{step:?} at {w}×{h}: an arrow at column {x}:\n{}",
                        text_of(&buf)
                    );
                }
            }
        }
    }
}
