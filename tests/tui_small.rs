//! The wizard in the smallest window it draws in, 40×15 (a zoomed terminal, large letters):
//! the save result is seen, PgDn shows more, a text box has a line to type on, the preview
//! breaks lines between words, a date is seen whole. Snapshots of the screens (styles are not in
//! them: every focus and choice is also a symbol, as with NO_COLOR), and what the keys do there.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::RawMunicipality;
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::action::{Action, ExportReport};
use omsorgsklage::interview::{App, Step};
use omsorgsklage::tui::theme::{Theme, ThemeName};
use tui_common::*;

const W: u16 = 40;
const H: u16 = 15;

fn small(mut app: App) -> App {
    app.update(Action::Resize(W, H));
    app
}

/// The screen at 40×15, as the backend shows it (each row in quotes).
fn shot(app: &App) -> String {
    screen_sized(app, W, H)
}

/// The screen's rows at 40×15, without quotes and without trailing spaces.
fn rows(app: &App) -> Vec<String> {
    shot(app)
        .lines()
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

fn saved(app: &mut App) {
    app.update(Action::ExportDone(ExportReport {
        written: vec!["/home/kari/Dokumenter/klage-ola-hansen-2026-11-20.txt".into()],
        exists: vec![],
        errors: vec![],
        bundled: false,
        letter_date: None,
    }));
}

#[test]
fn after_saving_the_result_and_what_to_do_next_are_on_the_screen() {
    let mut app = small(app_at(daughter_case(), Step::Done));
    saved(&mut app);
    let screen = shot(&app);
    insta::assert_snapshot!("small_done_saved", screen);
    assert!(screen.contains("✓ Lagret:"), "{screen}");
    // The question that has the focus after saving is seen, with its mark, and the other
    // choices below it; "what to do next" is one PgDn away, and the ↓ says so.
    assert!(screen.contains("▶ [ Har du sendt klagen?"), "{screen}");
    assert!(screen.contains("[ Ny klage på samme vedtak ]"), "{screen}");
    assert!(screen.contains("↓"), "{screen}");
    press(&mut app, KeyCode::PageDown);
    assert!(shot(&app).contains("Hva gjør du nå?"), "{}", shot(&app));
}

#[test]
fn counter_mode_s_take_the_case_is_seen_with_its_folder_and_words_in_a_low_window() {
    let mut options = options();
    options.counter = true;
    let mut app = App::from_raw(daughter_case(), Step::Done, Ui::Nb, today(), &options);
    app.set_theme(Theme::new(ThemeName::NoColor));
    let mut app = small(app);
    saved(&mut app);
    press(&mut app, KeyCode::Up);
    let screen = shot(&app);
    insta::assert_snapshot!("small_done_take", screen);
    assert!(screen.contains("▶ Ta med saken"), "{screen}");
    assert!(screen.contains("Mappe: [/home/kari/Dokumenter"), "{screen}");
    // Typing there is typing, not lost to a control out of sight.
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "/media/usb");
    assert!(shot(&app).contains("Mappe: [/media/usb"), "{}", shot(&app));
    // Its words follow with PgDn, to the end.
    let mut all = rows(&app).join(" ");
    for _ in 0..3 {
        press(&mut app, KeyCode::PageDown);
        all.push(' ');
        all.push_str(&rows(&app).join(" "));
    }
    let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(all.contains("Filen inneholder helseopplysninger"), "{all}");
}

#[test]
fn before_saving_the_low_done_screen_says_there_is_more_below() {
    let app = small(app_at(daughter_case(), Step::Done));
    let screen = shot(&app);
    insta::assert_snapshot!("small_done", screen);
    assert!(screen.contains("▶ Lagre som:"), "{screen}");
    assert!(screen.contains("↓"), "{screen}");
}

#[test]
fn page_down_on_the_low_done_screen_shows_what_to_do_next_and_up_goes_back_to_the_focus() {
    let mut app = small(app_at(daughter_case(), Step::Done));
    saved(&mut app);
    let before = shot(&app);
    assert!(!before.contains("1. Skriv ut brevet"), "{before}");
    press(&mut app, KeyCode::PageDown);
    let after = shot(&app);
    assert_ne!(before, after, "PgDn moved nothing that is seen");
    assert!(after.contains("1. Skriv ut brevet"), "{after}");
    // To the end and no further: the last of "what to do next" is seen.
    for _ in 0..20 {
        press(&mut app, KeyCode::PageDown);
    }
    let end = rows(&app).join("\n");
    assert!(end.contains("8. Kommunen skal også veilede deg"), "{end}");
    press(&mut app, KeyCode::PageUp);
    assert_ne!(end, rows(&app).join("\n"), "PgUp scrolls back");
    // Enter while the focused question is out of sight only brings it back into view.
    enter(&mut app);
    assert_eq!(
        app.step(),
        Step::Done,
        "Enter on a control not seen did nothing"
    );
    let screen = shot(&app);
    assert!(screen.contains("▶ [ Har du sendt klagen?"), "{screen}");
    press(&mut app, KeyCode::PageDown);
    // Moving the focus brings the page back to it.
    press(&mut app, KeyCode::Up);
    let screen = shot(&app);
    assert!(screen.contains("▶ [ Lagre ]"), "{screen}");
    assert!(screen.contains("✓ Lagret:"), "{screen}");
}

#[test]
fn the_request_box_has_a_line_to_type_on_and_shows_what_is_typed() {
    let mut app = small(app_at(daughter_case(), Step::Outcome));
    insta::assert_snapshot!("small_outcome", shot(&app));
    let r = rows(&app);
    let top = r.iter().position(|l| l.contains('┌')).expect("box top");
    assert!(
        r[top + 1].contains('│'),
        "a line to type on inside the box:\n{}",
        r.join("\n")
    );
    type_text(&mut app, "Tre besøk om dagen");
    let screen = shot(&app);
    assert!(screen.contains("Tre besøk om dagen"), "{screen}");
}

/// The daughter's case, complained to Sunnfjord: "Sunnfjord kommune" at the start of a line of
/// the letter that is longer than 40 columns.
fn sunnfjord() -> omsorgsklage::domain::case::RawCase {
    let mut raw = daughter_case();
    raw.municipality = Some(RawMunicipality {
        number: Some("4647".into()),
        name: Some("Sunnfjord".into()),
        address: Some(vec!["Postboks 338".into(), "6802 Førde".into()]),
        ..Default::default()
    });
    raw
}

#[test]
fn the_preview_in_a_narrow_window_breaks_lines_between_words() {
    let mut app = small(app_at(sunnfjord(), Step::Preview));
    insta::assert_snapshot!("small_preview", shot(&app));
    // Further down, the first paragraph: its lines of 80 columns wrapped again at 40.
    let mut down = small(app_at(sunnfjord(), Step::Preview));
    press(&mut down, KeyCode::PageDown);
    press(&mut down, KeyCode::PageDown);
    insta::assert_snapshot!("small_preview_paragraph", shot(&down));
    let letter = omsorgsklage::interview::steps::preview::letter_text(
        app.raw(),
        today(),
        omsorgsklage::i18n::Ui::Nb,
        omsorgsklage::domain::letter::LetterKind::Complaint,
    )
    .expect("letter");
    let words: std::collections::HashSet<&str> = letter.split_whitespace().collect();
    // Page through the whole letter: every word on the screen is a whole word of the letter.
    let mut seen = String::new();
    for _ in 0..40 {
        // The letter's rows: below the title and its blank line, above "Linje … av …".
        for row in rows(&app).iter().skip(4).take(7) {
            for w in row.split_whitespace() {
                assert!(
                    words.contains(w),
                    "«{w}» is not a word of the letter:\n{}",
                    rows(&app).join("\n")
                );
            }
            seen.push_str(row);
            seen.push('\n');
        }
        press(&mut app, KeyCode::PageDown);
    }
    assert!(seen.contains("Sunnfjord kommune"), "{seen}");
}

#[test]
fn the_preview_in_a_low_window_leaves_its_hint_to_f1() {
    let app = small(app_at(daughter_case(), Step::Preview));
    let screen = shot(&app);
    assert!(!screen.contains("Les det nøye"), "{screen}");
    assert!(
        screen.contains("Linje 1–7 av"),
        "seven lines of the letter:\n{screen}"
    );
    // At 80×24 the hint stays.
    assert!(screen_text(&app_at(daughter_case(), Step::Preview)).contains("Les det nøye"));
}

/// At the received-date question a week after 20 November, with "23. november 2026" typed.
fn date_typed() -> App {
    let week_later = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let mut app = App::from_raw(
        daughter_case(),
        Step::Received,
        omsorgsklage::i18n::Ui::Nb,
        week_later,
        &options(),
    );
    app.set_theme(Theme::new(ThemeName::NoColor));
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "23. november 2026");
    app
}

#[test]
fn a_date_in_words_is_seen_whole_in_its_field() {
    let app = small(date_typed());
    let screen = shot(&app);
    insta::assert_snapshot!("small_date", screen);
    assert!(screen.contains("[23. november 2026 ]"), "{screen}");
    let screen = screen_text(&date_typed());
    assert!(screen.contains("[23. november 2026 ]"), "{screen}");
}

#[test]
fn on_the_low_start_screen_a_saved_case_or_language_with_the_focus_is_seen() {
    let data = tempfile::tempdir().expect("tmp");
    let store = omsorgsklage::store::Store::new(data.path());
    store.import(&daughter_case()).expect("save");
    let mut app = new_app();
    app.set_listing(store.list().expect("list"));
    let mut app = small(app);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    // (No snapshot: the row says when the case was changed, by the clock.)
    let screen = shot(&app);
    assert!(screen.contains("▶ Ola Hansen"), "{screen}");
    assert!(screen.contains("Fortsett med en lagret sak:"), "{screen}");
    // Down to the last language: seen too, and the arrow says there is more above.
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    let screen = shot(&app);
    assert!(screen.contains("▶ ( ) English"), "{screen}");
    assert!(screen.contains('↑'), "{screen}");
}

#[test]
fn the_attachment_field_has_room_below_its_label_and_tab_keeps_what_was_typed() {
    let mut app = small(app_at(daughter_case(), Step::Attachments));
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Up);
    // (A folder that is not there: the snapshot does not depend on the current folder.)
    type_text(&mut app, "/nowhere/epikrise");
    tab(&mut app);
    assert_eq!(app.step(), Step::Attachments, "Tab did not go on");
    let screen = shot(&app);
    insta::assert_snapshot!("small_attachment_no_match", screen);
    assert!(screen.contains("▶ Legg til et annet vedlegg:"), "{screen}");
    assert!(screen.contains("[/nowhere/epikrise "), "{screen}");
}
