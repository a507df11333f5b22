//! One quit key on every screen, never a letter a field could take (issue #23): `q` is typed,
//! Ctrl+C and Ctrl+Q quit; Esc from check answers reached from the case screen goes back to the
//! case screen. Esc and the quit keys on every screen reached from a saved case leave its
//! answers as they were.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::interview::Step;
use omsorgsklage::interview::action::Effect;
use tui_common::*;

/// Choose the row of the case screen whose text starts with `label` (by its number); false when
/// the screen has no such row.
fn choose(app: &mut omsorgsklage::interview::App, label: &str) -> bool {
    for line in screen_text(app).lines() {
        let l = line.trim_start().trim_start_matches('▶').trim_start();
        if let Some((n, rest)) = l.split_once(". ")
            && rest.starts_with(label)
            && n.len() == 1
            && n.chars().all(|c| c.is_ascii_digit())
        {
            press(app, KeyCode::Char(n.chars().next().expect("digit")));
            return true;
        }
    }
    false
}

fn answers(app: &omsorgsklage::interview::App) -> String {
    serde_json::to_string(app.raw()).expect("json")
}

/// A saved complaint opened from the list, stopped at `step`, on its case screen.
fn opened_at(step: Step) -> omsorgsklage::interview::App {
    let mut app = app_at(daughter_case(), step);
    app.show_case();
    assert_eq!(app.step(), Step::Case);
    app
}

#[test]
fn esc_from_check_answers_reached_from_the_case_screen_goes_back_to_the_case_screen() {
    for (step, label) in [
        (Step::Check, "Fortsett med klagen"),
        (Step::Done, "Se over klagen"),
    ] {
        let mut app = opened_at(step);
        let before = answers(&app);
        assert!(choose(&mut app, label), "{}", screen_text(&app));
        assert_eq!(app.step(), Step::Check, "{}", screen_text(&app));
        esc(&mut app);
        let s = screen_text(&app);
        assert_eq!(
            app.step(),
            Step::Case,
            "Esc goes back to the case screen:\n{s}"
        );
        // The `q` a person presses next is not typed anywhere, and does not quit.
        assert_eq!(press(&mut app, KeyCode::Char('q')), Effect::None);
        assert_eq!(app.step(), Step::Case);
        assert_eq!(answers(&app), before, "answers unchanged");
    }
}

#[test]
fn q_is_a_letter_in_a_field_and_the_help_line_never_says_q_quits() {
    let mut app = opened_at(Step::Check);
    assert!(choose(&mut app, "Fortsett med klagen"));
    let s = screen_text(&app);
    assert!(s.contains("Ctrl+C avslutt"), "{s}");
    assert!(!s.contains("q avslutt"), "{s}");
    let s = screen_text(&opened_at(Step::Done));
    assert!(
        s.contains("Ctrl+C avslutt") && !s.contains("q avslutt"),
        "{s}"
    );
}

#[test]
fn esc_and_the_quit_keys_on_every_screen_from_a_saved_case_change_no_answer() {
    let mut reached = 0;
    for step in [Step::Check, Step::Done] {
        // Every choice of the case screen, by its number.
        for digit in '1'..='9' {
            let label = format!("{step:?} choice {digit}");
            let mut app = opened_at(step);
            let before = answers(&app);
            press(&mut app, KeyCode::Char(digit));
            if app.step() == Step::Case {
                continue;
            }
            reached += 1;
            let mut seen = Vec::new();
            // Walk back with Esc to the case screen; on each screen, `q` and the quit keys.
            for _ in 0..20 {
                let here = app.step();
                seen.push(here);
                for (code, m) in [
                    (KeyCode::Char('c'), KeyModifiers::CONTROL),
                    (KeyCode::Char('q'), KeyModifiers::CONTROL),
                ] {
                    let e = press_mod(&mut app, code, m);
                    assert!(
                        e == Effect::Quit || app.step() == here,
                        "{label}: the quit key on {here:?}"
                    );
                    // A question asked first: answer "no, go on".
                    if e != Effect::Quit {
                        esc(&mut app);
                    }
                    assert_eq!(app.step(), here);
                }
                if here == Step::Case {
                    break;
                }
                esc(&mut app);
            }
            assert_eq!(app.step(), Step::Case, "{label}: Esc leads back: {seen:?}");
            assert_eq!(
                answers(&app),
                before,
                "{label}: answers unchanged ({seen:?})"
            );
        }
    }
    assert!(reached >= 4, "only {reached} choices found");
}
