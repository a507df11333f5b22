//! Shared test helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use omsorgsklage::domain::case::{self, RawCase};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
}

pub fn raw_from_file(path: &std::path::Path) -> RawCase {
    let bytes = std::fs::read(path).expect("read case file");
    case::read(&bytes).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()))
}

/// The text letter for a raw case that must be complete (through the program's one export
/// pipeline).
pub fn letter_text(raw: &RawCase) -> String {
    omsorgsklage::export::letter_text(
        raw,
        today(),
        omsorgsklage::i18n::Ui::Nb,
        omsorgsklage::domain::letter::LetterKind::Complaint,
    )
    .unwrap_or_else(|e| panic!("incomplete case: {e}"))
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
