//! Any bytes as an attached file → check (`envelope::prepare`) → the envelope (`bundle`) after a
//! real letter. Must never panic; a file that is accepted must give an envelope that reads back
//! with one page more per attached page.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use omsorgsklage::domain::case;
use omsorgsklage::domain::service::CATALOGUE;
use omsorgsklage::render::{self, envelope};

/// A real letter's PDF and its page count, made once.
fn letter() -> &'static (Vec<u8>, usize) {
    static LETTER: OnceLock<(Vec<u8>, usize)> = OnceLock::new();
    LETTER.get_or_init(|| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let raw = omsorgsklage::example::case(&CATALOGUE[0], today);
        let c = case::check(&raw, today).case.expect("the example is complete");
        let pdf = render::pdf::render(&render::complaint(&c).expect("letter")).expect("pdf");
        let pages = lopdf::Document::load_mem(&pdf.bytes).expect("letter").get_pages().len();
        (pdf.bytes, pages)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(part) = envelope::prepare(data.to_vec()) else { return };
    let pages = part.pages;
    let (letter, letter_pages) = letter();
    let out = envelope::bundle(letter, vec![part]).expect("a file that passed the check always bundles");
    let doc = lopdf::Document::load_mem(&out).expect("an envelope always reads back");
    assert_eq!(doc.get_pages().len(), letter_pages + pages, "pages lost or added");
});
