//! Shared test helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use omsorgsklage::domain::case::{self, RawCase};
use omsorgsklage::render;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
}

pub fn raw_from_file(path: &std::path::Path) -> RawCase {
    let bytes = std::fs::read(path).expect("read case file");
    case::read(&bytes).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()))
}

/// The text letter for a raw case that must be complete.
pub fn letter_text(raw: &RawCase) -> String {
    let checked = case::check(raw, today());
    let case = checked
        .case
        .unwrap_or_else(|| panic!("incomplete case: {:?}", checked.problems));
    let letter = render::complaint(&case).expect("template renders");
    render::text::render(&letter)
}

/// Strings that must never appear in anything the program writes (FACTS.md section 11).
pub fn forbidden() -> Vec<String> {
    vec![
        ["Fylkes", "mannen"].concat(),
        ["Oslo og ", "Viken"].concat(),
        ["nr. 6 ", "bokstav d"].concat(),
        ["§ 7", "-1"].concat(),
    ]
}

/// The real binary in bokmål (`LANG=nb_NO.UTF-8`, no other locale variable), with today fixed.
pub fn cmd() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("omsorgsklage").expect("binary");
    c.env("LANG", "nb_NO.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE");
    c.args(["--today", "2026-11-20"]);
    c
}
