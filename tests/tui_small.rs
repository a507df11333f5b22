//! The wizard in the smallest window it draws in, 40×15 (a zoomed terminal, large letters):
//! the save result is seen, a text box has room to type, the preview breaks lines between words,
//! a date is seen whole. Snapshots of the screens, and what the keys do there.

mod tui_common;

use crossterm::event::KeyCode;
use omsorgsklage::interview::action::{Action, ExportReport};
use omsorgsklage::interview::app::{App, Step};
use tui_common::*;

const W: u16 = 40;
const H: u16 = 15;

fn small(mut app: App) -> App {
    app.update(Action::Resize(W, H));
    app
}

fn shot(app: &App) -> String {
    screen_sized(app, W, H)
}

#[test]
fn explore() {
    let mut app = small(app_at(daughter_case(), Step::Done));
    println!("{}", shot(&app));
    app.update(Action::ExportDone(ExportReport {
        written: vec!["/home/kari/Dokumenter/klage-ola-hansen-2026-11-20.txt".into()],
        exists: vec![],
        errors: vec![],
        bundled: false,
    }));
    println!("{}", shot(&app));
    press(&mut app, KeyCode::PageDown);
    println!("{}", shot(&app));
    let app = small(app_at(daughter_case(), Step::Outcome));
    println!("{}", shot(&app));
    let app = small(app_at(daughter_case(), Step::Requests));
    println!("{}", shot(&app));
    let app = small(app_at(daughter_case(), Step::Preview));
    println!("{}", shot(&app));
    let app = small(app_at(daughter_case(), Step::Received));
    println!("{}", shot(&app));
}

#[test]
fn explore2() {
    let mut app = small(app_at(daughter_case(), Step::Done));
    app.update(Action::ExportDone(ExportReport {
        written: vec!["/home/kari/Dokumenter/klage-ola-hansen-2026-11-20.txt".into()],
        exists: vec![],
        errors: vec![],
        bundled: false,
    }));
    for _ in 0..4 {
        press(&mut app, KeyCode::PageDown);
        println!("{}", shot(&app));
    }
    press(&mut app, KeyCode::Up);
    println!("{}", shot(&app));
    let mut app = small(app_at(daughter_case(), Step::Preview));
    for _ in 0..4 {
        press(&mut app, KeyCode::PageDown);
        println!("{}", shot(&app));
    }
    let mut app = small(app_at(daughter_case(), Step::Received));
    press(&mut app, KeyCode::Char('u'));
    for _ in 0..20 { press(&mut app, KeyCode::Backspace); }
    type_text(&mut app, "23. november 2026");
    println!("{}", shot(&app));
    println!("{}", screen(&app));
}
