//! The wizard under hostile conditions: every screen at every small size down to 1×1, a resize
//! storm, a 100 KB paste into a text field (kept up to the field's limit, and told). Nothing may panic, and no answer may be lost.

mod tui_common;

use omsorgsklage::domain::case::Ground;
use omsorgsklage::interview::Step;
use omsorgsklage::interview::action::Action;
use tui_common::{app_at, daughter_case, screen_sized};

#[test]
fn every_screen_draws_at_every_size_down_to_one_by_one() {
    for step in Step::all() {
        let app = app_at(daughter_case(), step);
        for (w, h) in [
            (1, 1),
            (2, 1),
            (1, 2),
            (10, 3),
            (39, 14),
            (40, 15),
            (40, 20),
            (80, 24),
            (300, 100),
        ] {
            let text = screen_sized(&app, w, h);
            assert!(!text.is_empty(), "{step:?} at {w}×{h}");
        }
        // Below the minimum the person is told what size is needed.
        let small = screen_sized(&app, 39, 14);
        assert!(
            small.contains("40") || small.contains('…') || small.len() < 200,
            "{step:?}: {small}"
        );
    }
}

#[test]
fn a_resize_storm_keeps_every_answer() {
    let mut app = app_at(daughter_case(), Step::Ground(Ground::Health));
    let before = app.raw().clone();
    for i in 0..2_000u32 {
        let w = (i * 37 % 260) as u16;
        let h = (i * 17 % 90) as u16;
        app.update(Action::Resize(w, h));
        if i % 50 == 0 {
            let _ = screen_sized(&app, w.max(1), h.max(1));
        }
    }
    app.update(Action::Resize(80, 24));
    assert_eq!(app.raw(), &before, "a resize never changes an answer");
    assert!(!screen_sized(&app, 80, 24).is_empty());
}

#[test]
fn a_100_kb_paste_into_a_ground_keeps_what_fits_and_says_so() {
    use omsorgsklage::interview::steps::longtext::MAX_LONG_CHARS;
    let mut app = app_at(daughter_case(), Step::Ground(Ground::Other));
    let paste: String = "Mor trenger hjelp om kvelden. æøå ÆØÅ § «» – € 🙂\n".repeat(2_000);
    assert!(paste.len() > 100_000);
    app.update(Action::Paste(paste.clone()));
    let _ = screen_sized(&app, 80, 24);
    let _ = screen_sized(&app, 40, 20);
    let kept = app
        .raw()
        .grounds
        .as_ref()
        .and_then(|g| g.other.clone())
        .unwrap_or_default();
    // The start of the paste, whole, up to the field's limit (so that the draft always reads
    // back), and the screen says the rest was not taken in.
    let start: String = paste.chars().take(MAX_LONG_CHARS).collect();
    assert_eq!(kept, start);
    let s = screen_sized(&app, 80, 24);
    assert!(s.contains("høyst"), "{s}");
}
