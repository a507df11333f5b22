//! Helpers for the wizard's tests: a fixed "today", a complete case, an app at any step, keys,
//! and the screen as text (ratatui's `TestBackend`, 80×24).
#![allow(dead_code)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use omsorgsklage::domain::case::{
    RawCase, RawDecision, RawGrounds, RawMunicipality, RawPerson, RawRepresentative, RawRequests,
};
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::action::Effect;
use omsorgsklage::interview::{App, Options, Session, Step};
use omsorgsklage::tui::theme::{Theme, ThemeName};
use omsorgsklage::tui::{keymap, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
}

pub fn options() -> Options {
    Options {
        theme: Some("no-color".into()),
        counter: false,
        export_dir: Some("/home/kari/Dokumenter".into()),
        data_dir: None,
    }
}

/// A daughter complains for her father, whose home nursing was cut. Complete.
pub fn daughter_case() -> RawCase {
    RawCase {
        format: Some("omsorgsklage/1".into()),
        language: Some("nb".into()),
        service: Some("hjemmesykepleie".into()),
        situation: Some("redusert".into()),
        municipality: Some(RawMunicipality {
            number: Some("5501".into()),
            name: Some("Tromsø".into()),
            address: Some(vec!["Postboks 6900".into(), "9299 Tromsø".into()]),
            district: None,
        }),
        applicant: Some(RawPerson {
            name: Some("Ola Hansen".into()),
            address: Some("Storgata 1".into()),
            postcode: Some("9008".into()),
            city: Some("Tromsø".into()),
            ..Default::default()
        }),
        representative: Some(RawRepresentative {
            name: Some("Kari Hansen".into()),
            address: Some("Fjellveien 3".into()),
            postcode: Some("9010".into()),
            city: Some("Tromsø".into()),
            phone: Some("41 22 33 44".into()),
            email: None,
            relation: Some("datter".into()),
            power_of_attorney: Some(true),
            ..Default::default()
        }),
        decision: Some(RawDecision {
            date: Some("2026-11-02".into()),
            received: Some("2026-11-05".into()),
            reference: Some("26/1234".into()),
            applied_for: Some("Hjemmesykepleie tre ganger om dagen".into()),
            granted: Some("Hjemmesykepleie én gang om dagen".into()),
            route: None,
        }),
        grounds: Some(RawGrounds {
            health: Some("Far har hjertesvikt og diabetes.".into()),
            daily_life: Some("Han klarer ikke å ta medisinene selv.".into()),
            not_considered: Some("Ingen fra kommunen var hjemme hos far.".into()),
            ..Default::default()
        }),
        attachments: Some(vec!["Kopi av vedtaket".into()]),
        requests: Some(RawRequests {
            access_to_documents: Some(true),
            postponement: Some(true),
            reasons: None,
        }),
        ..Default::default()
    }
}

/// A new case with only the format tag.
pub fn empty_case() -> RawCase {
    RawCase {
        format: Some("omsorgsklage/1".into()),
        ..Default::default()
    }
}

pub fn app_at(raw: RawCase, step: Step) -> App {
    app_at_in(raw, step, Ui::Nb)
}

pub fn app_at_in(raw: RawCase, step: Step, ui: Ui) -> App {
    let mut app = App::from_raw(raw, step, ui, today(), &options());
    app.set_theme(Theme::new(ThemeName::NoColor));
    app
}

/// A new wizard at the start screen.
pub fn new_app() -> App {
    let mut app = App::new(Ui::Nb, today(), &options());
    app.set_theme(Theme::new(ThemeName::NoColor));
    app
}

/// The screen as text, at 80×24.
pub fn screen(app: &App) -> String {
    screen_sized(app, 80, 24)
}

pub fn screen_sized(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    terminal.backend().to_string()
}

/// The screen as plain lines, without the quotes the backend's Display adds.
pub fn screen_text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Press one key; returns the effect.
pub fn press(app: &mut App, code: KeyCode) -> Effect {
    press_mod(app, code, KeyModifiers::NONE)
}

pub fn press_mod(app: &mut App, code: KeyCode, m: KeyModifiers) -> Effect {
    let action = keymap::map(KeyEvent::new(code, m), app.mode());
    app.update(action)
}

/// Type text, one key at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            press(app, KeyCode::Enter);
        } else {
            press(app, KeyCode::Char(c));
        }
    }
}

pub fn enter(app: &mut App) -> Effect {
    press(app, KeyCode::Enter)
}

pub fn esc(app: &mut App) -> Effect {
    press(app, KeyCode::Esc)
}

pub fn tab(app: &mut App) -> Effect {
    press(app, KeyCode::Tab)
}

// --- a `Session` (the run loop's own driver: drafts, exports, counter mode) ------------------

/// Options for a session: the no-colour theme, counter mode or not, where letters are
/// suggested, and the data folder.
pub fn session_options(data: &std::path::Path, counter: bool, export: &std::path::Path) -> Options {
    Options {
        theme: Some("no-color".into()),
        counter,
        export_dir: Some(export.to_path_buf()),
        data_dir: Some(data.to_path_buf()),
    }
}

/// A session on this case, at this step, in bokmål.
pub fn session_at(raw: RawCase, step: Step, options: Options) -> Session {
    let mut app = App::from_raw(raw, step, Ui::Nb, today(), &options);
    app.set_theme(Theme::new(ThemeName::NoColor));
    Session::with_app(app, today(), options)
}

/// Press one key in a session.
pub fn skey_mod(s: &mut Session, code: KeyCode, m: KeyModifiers) -> Effect {
    let action = keymap::map(KeyEvent::new(code, m), s.app().mode());
    s.handle(action)
}

pub fn skey(s: &mut Session, code: KeyCode) -> Effect {
    skey_mod(s, code, KeyModifiers::NONE)
}

/// Type text in a session, one key at a time ("\n" is Enter).
pub fn stype(s: &mut Session, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            skey(s, KeyCode::Enter);
        } else {
            skey(s, KeyCode::Char(c));
        }
    }
}

/// A session's screen as text.
pub fn stext(s: &Session) -> String {
    screen_text(s.app())
}

/// A session's screen as one line of words (see [`flat_words`]).
pub fn sflat(s: &Session) -> String {
    flat_words(&stext(s))
}

/// A screen's text as one line of words: wrapped text (also inside a dialog) reads as written.
pub fn flat_words(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim().trim_matches('│').trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Everything under a folder, files and folders.
pub fn everything_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            out.push(e.path());
            out.extend(everything_under(&e.path()));
        }
    }
    out
}

/// A PDF made by the program itself (the daughter's letter), for attaching.
pub fn a_pdf(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    use omsorgsklage::render;
    let c = omsorgsklage::domain::case::check(&daughter_case(), today())
        .case
        .expect("complete");
    let pdf = render::pdf::render(&render::complaint(&c).expect("letter")).expect("pdf");
    let path = dir.join(name);
    std::fs::write(&path, pdf.bytes).expect("write");
    path
}
