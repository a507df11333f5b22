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

/// The envelope of issue 16: a two-page letter, a 2 MB JPEG and a ten-page PDF, from the case
/// (files already read) to the bytes of one PDF. Target ≤ 300 ms. The inputs are made here: a
/// JPEG of noise (which compresses badly, hence its size) and a PDF the program itself renders.
/// `checks = true` also times checking the files (`envelope::prepare`).
#[divan::bench(args = [false, true])]
fn envelope_letter_jpeg_2mb_pdf_10_pages(b: Bencher, checks: bool) {
    use omsorgsklage::domain::letter::LetterKind;
    use omsorgsklage::export::{self, Formats};
    use omsorgsklage::render::envelope;
    let letter_case = case::check(&long_case(2), today()).case.expect("complete");
    let attached = case::check(&long_case(10), today()).case.expect("complete");
    let pdf = render::pdf::render(&render::complaint(&attached).expect("letter"))
        .expect("pdf")
        .bytes;
    let jpeg = noise_jpeg(1240, 920);
    assert!(
        jpeg.len() > 1_800_000,
        "a JPEG of about 2 MB: {}",
        jpeg.len()
    );
    let mut c = letter_case;
    c.attachments = vec![
        omsorgsklage::domain::attachment::Attachment {
            title: "Bilde av vedtaket".into(),
            file: Some("vedtak.jpg".into()),
        },
        omsorgsklage::domain::attachment::Attachment {
            title: "Legeerklæring".into(),
            file: Some("lege.pdf".into()),
        },
    ];
    let base = std::path::Path::new("/tmp/klage");
    let parts = || {
        vec![
            envelope::prepare(jpeg.clone()).expect("jpeg"),
            envelope::prepare(pdf.clone()).expect("pdf"),
        ]
    };
    if checks {
        // The files' checks too (sniffing, the JPEG's header, parsing the PDF): what `render`
        // does after reading the files.
        b.bench(|| {
            export::render(&c, LetterKind::Complaint, Formats::Pdf, base, parts())
                .expect("envelope")
        });
    } else {
        b.with_inputs(parts).bench_values(|parts| {
            export::render(&c, LetterKind::Complaint, Formats::Pdf, base, parts).expect("envelope")
        });
    }
}

/// Noise at JPEG quality 90: about 3 bytes a pixel (the same pictures as the envelope's tests).
#[path = "../tests/common/images.rs"]
mod images;

fn noise_jpeg(w: u16, h: u16) -> Vec<u8> {
    images::noise_jpeg(w, h, None)
}

/// Where the time of a PDF goes, stage by stage (docs/PERFORMANCE.md, "Where the time goes").
/// Each row times, outside the program, what the writer asks printpdf and lopdf to do.
mod pdf_stages {
    use super::{case, render, today};
    use divan::{Bencher, black_box};
    use printpdf::ParsedFont;
    use std::collections::BTreeMap;

    static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSerif.ttf");
    static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSerif-Bold.ttf");

    fn parse(bytes: &[u8]) -> ParsedFont {
        ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("font")
    }

    fn two_page_pdf() -> Vec<u8> {
        let c = case::check(&super::long_case(2), today())
            .case
            .expect("complete");
        render::pdf::render(&render::complaint(&c).expect("letter"))
            .expect("pdf")
            .bytes
    }

    /// Parsing both faces as printpdf's `ParsedFont::from_bytes` does (outlines loaded eagerly):
    /// what the program did before. Once per process, so once per `render` run.
    #[divan::bench]
    fn parse_both_fonts() -> (ParsedFont, ParsedFont) {
        (parse(black_box(REGULAR)), parse(black_box(BOLD)))
    }

    /// Parsing both faces lazily (`from_bytes_shared`: no `loca`/`glyf`), as the program does now.
    #[divan::bench]
    fn parse_both_fonts_lazy() -> (ParsedFont, ParsedFont) {
        let lazy = |bytes: &'static [u8]| {
            let shared = std::sync::Arc::new(rust_fontconfig::FontBytes::Owned(bytes.into()));
            printpdf::AzulParsedFont::from_bytes_shared(shared, 0, &mut Vec::new())
                .map(ParsedFont::from_azul)
                .expect("font")
        };
        (lazy(black_box(REGULAR)), lazy(black_box(BOLD)))
    }

    /// Subsetting the regular face to the characters of the two-page letter (the bold face is
    /// subset to fewer characters on top of this).
    #[divan::bench]
    fn subset_regular_font(b: Bencher) {
        let font = parse(REGULAR);
        let c = case::check(&super::long_case(2), today())
            .case
            .expect("complete");
        let text = render::text::render(&render::complaint(&c).expect("letter"));
        let glyphs: BTreeMap<u16, String> = text
            .chars()
            .filter_map(|ch| {
                let gid = font.lookup_glyph_index(ch as u32)?;
                Some((gid, ch.to_string()))
            })
            .collect();
        b.bench(|| printpdf::subset_font(black_box(&font), black_box(&glyphs)).expect("subset"));
    }

    /// The streams of the two-page letter's PDF (font subsets, /ToUnicode maps, page contents),
    /// uncompressed.
    fn streams() -> Vec<Vec<u8>> {
        let mut doc = lopdf::Document::load_mem(&two_page_pdf()).expect("reads");
        doc.decompress();
        doc.objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .map(|s| s.content.clone())
            .collect()
    }

    /// Compressing those streams at zlib level 1, 6 and 9. The writer calls lopdf's
    /// `Document::compress`, which uses level 9 (`Compression::best()`).
    #[divan::bench(args = [1, 6, 9])]
    fn compress_streams(b: Bencher, level: u32) {
        let streams = streams();
        eprintln!(
            "compress_streams: {} bytes of streams become {} bytes at level {level}",
            streams.iter().map(Vec::len).sum::<usize>(),
            compressed_len(&streams, level)
        );
        b.bench(|| compressed_len(black_box(&streams), level));
    }

    fn compressed_len(streams: &[Vec<u8>], level: u32) -> usize {
        use std::io::Write;
        streams
            .iter()
            .map(|s| {
                let mut e =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
                e.write_all(s).expect("write");
                e.finish().expect("finish").len()
            })
            .sum()
    }
}

mod wizard {
    use divan::Bencher;
    use omsorgsklage::domain::case;
    use omsorgsklage::i18n::Ui;
    use omsorgsklage::interview::{App, Options, Step};
    use omsorgsklage::tui::view;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn app_at(step: Step) -> App {
        let raw = case::read(&super::example_bytes()).expect("reads");
        let options = Options {
            theme: Some("no-color".into()),
            counter: true,
            export_dir: None,
            data_dir: None,
        };
        App::from_raw(raw, step, Ui::Nb, super::today(), &options)
    }

    fn steps() -> Vec<(String, Step)> {
        Step::all().into_iter().map(|s| (s.id(), s)).collect()
    }

    /// One frame of every wizard screen, at 80×24 and 200×60 (all screens per iteration; the
    /// figure divided by the number of screens is the time of one frame).
    #[divan::bench(args = [(80, 24), (200, 60)])]
    fn draw_every_screen(b: Bencher, size: (u16, u16)) {
        let apps: Vec<App> = steps().into_iter().map(|(_, s)| app_at(s)).collect();
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
        b.counter(divan::counter::ItemsCount::new(apps.len()))
            .bench_local(|| {
                for app in &apps {
                    terminal.draw(|f| view::draw(f, app)).expect("draw");
                }
            });
    }
}
