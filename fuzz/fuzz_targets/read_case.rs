//! Bytes → case reader → validation → (if complete) the letter as text. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use omsorgsklage::domain::case;
use omsorgsklage::render;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = case::read(data) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let checked = case::check(&raw, today);
    if let Some(c) = checked.case {
        let letter = render::complaint(&c).expect("a valid case always renders");
        let _ = render::text::render(&letter);
    }
});
