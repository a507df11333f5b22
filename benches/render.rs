//! `cargo bench`: validate a case, build the letter, render text and PDF.
//! Figures and the machine are in docs/PERFORMANCE.md.

use chrono::NaiveDate;
use divan::{Bencher, black_box};
use omsorgsklage::domain::case::{self, RawCase};
use omsorgsklage::render;

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
}

fn example_bytes() -> Vec<u8> {
    std::fs::read("docs/examples/sak-hjemmesykepleie.json").expect("example case")
}

/// The example case with its grounds made long enough for `pages` pages of PDF.
fn long_case(pages: usize) -> RawCase {
    let mut raw = case::read(&example_bytes()).expect("reads");
    let para = "Hun trenger hjelp til å stå opp, til stell, til medisiner og til måltider, og hun har falt flere ganger når hun har prøvd å klare seg selv om kvelden. ";
    let mut text = String::new();
    for i in 0..(pages.saturating_sub(1) * 14) {
        text.push_str(&para.repeat(2));
        if i % 2 == 1 {
            text.push('\n');
        }
    }
    if let Some(g) = raw.grounds.as_mut() {
        g.other = Some(text);
    }
    raw
}

#[divan::bench]
fn read_and_validate(b: Bencher) {
    let bytes = example_bytes();
    b.bench(|| {
        let raw = case::read(black_box(&bytes)).expect("reads");
        case::check(&raw, today())
    });
}

#[divan::bench]
fn build_letter(b: Bencher) {
    let raw = case::read(&example_bytes()).expect("reads");
    let c = case::check(&raw, today()).case.expect("complete");
    b.bench(|| render::complaint(black_box(&c)).expect("letter"));
}

#[divan::bench]
fn render_text(b: Bencher) {
    let raw = case::read(&example_bytes()).expect("reads");
    let c = case::check(&raw, today()).case.expect("complete");
    let letter = render::complaint(&c).expect("letter");
    b.bench(|| render::text::render(black_box(&letter)));
}

#[divan::bench(args = [2, 20])]
fn render_pdf(b: Bencher, pages: usize) {
    let c = case::check(&long_case(pages), today())
        .case
        .expect("complete");
    let letter = render::complaint(&c).expect("letter");
    b.bench(|| render::pdf::render(black_box(&letter)));
}
