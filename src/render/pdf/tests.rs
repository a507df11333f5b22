//! Unit tests of the layout stages: pagination on plain boxes, wrapping by glyph widths, and
//! the pagination rules on real letters' flows.

use std::ops::Range;

use crate::domain::letter::{Block, Lang, Letter, Signature};

use super::flow::{FlowLine, Kind, build_flow};
use super::fonts::{FACES, Faces, Style};
use super::geometry::{BODY_HEIGHT, BODY_SIZE, MARGIN_TOP, MM, TEXT_W};
use super::measure::Ctx;
use super::paginate::paginate;
use super::wrap::is_soft_break_after;

/// A line of nothing but its space above, its height and whether it keeps with the one before.
fn boxed(gap: f32, height: f32, keep: bool) -> FlowLine {
    FlowLine {
        kind: Kind::Body,
        group: 0,
        gap,
        height,
        keep_with_prev: keep,
        items: Vec::new(),
    }
}

fn line(keep: bool) -> FlowLine {
    boxed(0.0, 10.0, keep)
}

#[test]
fn everything_fits_on_one_page() {
    let lines: Vec<FlowLine> = (0..5).map(|i| line(i > 0)).collect();
    assert_eq!(paginate(&lines, 100.0), vec![0..5]);
}

#[test]
fn empty_flow_is_one_page() {
    assert_eq!(paginate(&[], 100.0), vec![0..0]);
}

#[test]
fn a_break_goes_before_the_last_allowed_line() {
    // 10 lines of 10 on pages of 55: lines 3 and 5 may start a page.
    let lines: Vec<FlowLine> = (0..10).map(|i| line(!(i == 3 || i == 5))).collect();
    assert_eq!(paginate(&lines, 55.0), vec![0..5, 5..10]);
}

#[test]
fn an_unbreakable_unit_taller_than_a_page_is_broken_where_full() {
    let lines: Vec<FlowLine> = (0..12).map(|i| line(i > 0)).collect();
    assert_eq!(paginate(&lines, 50.0), vec![0..5, 5..10, 10..12]);
}

#[test]
fn gaps_are_dropped_at_the_top_of_later_pages_only() {
    let lines = vec![boxed(20.0, 10.0, false); 3];
    // Page 1: 30 + 30 = 60 ≤ 65; line 2 would need 90. Page 2 starts with line 2, no gap.
    assert_eq!(paginate(&lines, 65.0), vec![0..2, 2..3]);
}

#[test]
fn a_first_line_that_cannot_fit_on_page_one_goes_to_page_two() {
    let lines = vec![boxed(90.0, 20.0, false)];
    assert_eq!(paginate(&lines, 100.0), vec![0..0, 0..1]);
}

fn faces() -> &'static Faces {
    FACES.as_ref().expect("fonts")
}

/// Many short sections (a heading and a one-line answer each), as the wizard writes them
/// for short answers: page 1 is filled until the next section no longer fits. The glue of
/// a heading once leaked into the next heading and made one block of them all.
#[test]
fn short_sections_fill_page_one_before_the_break() {
    let mut blocks = Vec::new();
    for n in 0..24 {
        blocks.push(Block::Heading(format!("Overskrift {n}")));
        blocks.push(Block::Paragraph(format!("Et kort svar nummer {n}.")));
    }
    let l = letter(blocks);
    let mut ctx = Ctx::new(faces());
    let lines = build_flow(&mut ctx, &l);
    let pages = paginate(&lines, BODY_HEIGHT);
    assert!(pages.len() >= 2);
    let used: f32 = lines[pages[0].clone()]
        .iter()
        .map(|l| l.gap + l.height)
        .sum();
    // What page 2 starts with (a heading and its line) did not fit on page 1.
    let next = &lines[pages[1].start..pages[1].start + 2];
    let need = next[0].gap + next[0].height + next[1].gap + next[1].height;
    assert!(
        used + need > BODY_HEIGHT,
        "page 1 uses {used:.0} of {BODY_HEIGHT:.0} pt, and {need:.0} more would have fitted"
    );
}

#[test]
fn wrapping_uses_glyph_widths_and_fits() {
    let mut ctx = Ctx::new(faces());
    let text = "Jeg klager på vedtaket om helse- og omsorgstjenester fra Tromsø kommune, datert 3. november 2026. ".repeat(10);
    let lines = ctx.wrap(Style::Regular, BODY_SIZE, &text, TEXT_W);
    assert!(lines.len() > 5);
    for l in &lines {
        assert!(l.width <= TEXT_W + 0.01, "{} > {}", l.width, TEXT_W);
        // The space a line breaks at stays at its end (for text extraction), uncounted.
        let measured = ctx.width(Style::Regular, BODY_SIZE, l.text.trim_end());
        assert!((measured - l.width).abs() < 0.01);
    }
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l.text.ends_with(' '))
    );
    // Nothing lost: the words come back in order, spaces and all.
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, text.trim_end());
    // "iiii" is narrower than "MMMM" in a proportional font.
    assert!(
        ctx.width(Style::Regular, 11.0, "iiii") < ctx.width(Style::Regular, 11.0, "MMMM") / 2.0
    );
}

#[test]
fn overlong_words_are_broken_at_char_boundaries() {
    let mut ctx = Ctx::new(faces());
    let word = "æøå".repeat(100);
    let lines = ctx.wrap(Style::Regular, BODY_SIZE, &word, 100.0);
    assert!(lines.len() > 3);
    assert!(
        lines
            .iter()
            .all(|l| l.width <= 100.01 && !l.text.is_empty())
    );
    assert_eq!(
        lines.iter().map(|l| l.text.as_str()).collect::<String>(),
        word
    );
    let url = "https://www.helsenorge.no/rettigheter/klage-pa-helse-og-omsorgstjenester/og/en/veldig/lang/sti/som/ikke/passer/på/en/linje?parameter=verdi&annet=1";
    let lines = ctx.wrap(Style::Regular, BODY_SIZE, url, 200.0);
    assert_eq!(
        lines.iter().map(|l| l.text.as_str()).collect::<String>(),
        url
    );
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l.text.ends_with(is_soft_break_after))
    );
}

#[test]
fn missing_glyphs_are_replaced_and_reported_once() {
    let mut ctx = Ctx::new(faces());
    let lines = ctx.wrap(
        Style::Regular,
        BODY_SIZE,
        "Hei 🙂 og 漢 og 🙂 igjen\u{7}",
        TEXT_W,
    );
    assert_eq!(ctx.replaced, vec!['🙂', '漢', '\u{7}']);
    let fb = faces().regular.fallback;
    assert_eq!(lines[0].text, format!("Hei {fb} og {fb} og {fb} igjen{fb}"));
}

fn letter(blocks: Vec<Block>) -> Letter {
    Letter {
        lang: Lang::Nb,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        sender: vec![
            "Kari Nordmann".into(),
            "Storgata 1".into(),
            "9008 Tromsø".into(),
        ],
        recipient: vec![
            "Tromsø kommune".into(),
            "Postboks 6900".into(),
            "9299 Tromsø".into(),
        ],
        place_date: "Tromsø, 20. november 2026".into(),
        heading: "Klage på vedtak".into(),
        reference: Some("Deres referanse: 26/1234".into()),
        blocks,
        closing: "Med vennlig hilsen".into(),
        signatures: vec![Signature {
            name: "Kari Nordmann".into(),
            role: None,
        }],
        attachments_label: "Vedlegg".into(),
        attachments: vec!["Vedtaket".into(), "Legeerklæring".into()],
    }
}

/// Checks the pagination rules on a real letter's flow.
fn check_rules(lines: &[FlowLine], pages: &[Range<usize>]) {
    for (n, page) in pages.iter().enumerate() {
        let on_page = &lines[page.clone()];
        if n + 1 < pages.len() {
            // No section heading (or title) among the last two lines of a page unless the
            // rest of the page is all heading.
            if let Some(last) = on_page.last() {
                assert!(
                    !matches!(
                        last.kind,
                        Kind::Heading | Kind::Title | Kind::Reference | Kind::Attachments
                    ),
                    "page {n} ends with {:?}",
                    last.kind
                );
            }
        }
        // Widows and orphans: a group split across this page's start has ≥ 2 lines each side.
        if page.start > 0 && page.start < lines.len() {
            let g = lines[page.start].group;
            let before = lines[..page.start]
                .iter()
                .rev()
                .take_while(|l| l.group == g)
                .count();
            if before > 0 {
                let after = lines[page.start..]
                    .iter()
                    .take_while(|l| l.group == g)
                    .count();
                assert!(
                    before >= 2 && after >= 2,
                    "group {g} split {before}/{after} at page {n}"
                );
            }
            // The signature block is never split.
            assert_ne!(lines[page.start].kind, Kind::Signature);
            assert_ne!(
                lines[page.start].kind,
                Kind::Closing,
                "closing must keep body lines with it"
            );
        }
    }
}

#[test]
fn pagination_rules_hold_on_many_letters() {
    let mut ctx = Ctx::new(faces());
    let word = "ord ";
    for n in 0..120usize {
        // Vary paragraph lengths so that every kind of break point is exercised.
        let mut blocks = Vec::new();
        for k in 0..8 {
            blocks.push(Block::Heading(format!("Overskrift {k}")));
            blocks.push(Block::Paragraph(word.repeat(20 + (n * 7 + k * 13) % 90)));
            if k % 3 == 0 {
                blocks.push(Block::Bullets(vec![
                    word.repeat(5 + n % 30),
                    word.repeat(40),
                ]));
            }
        }
        let l = letter(blocks);
        let lines = build_flow(&mut ctx, &l);
        let pages = paginate(&lines, BODY_HEIGHT);
        check_rules(&lines, &pages);
        // Every line is on exactly one page, in order.
        assert_eq!(pages.first().map(|p| p.start), Some(0));
        assert_eq!(pages.last().map(|p| p.end), Some(lines.len()));
        assert!(pages.windows(2).all(|w| w[0].end == w[1].start));
    }
}

#[test]
fn a_page_never_overflows() {
    let mut ctx = Ctx::new(faces());
    let l = letter(vec![Block::Paragraph(
        "Lorem ipsum dolor sit amet æøå. ".repeat(700),
    )]);
    let lines = build_flow(&mut ctx, &l);
    let pages = paginate(&lines, BODY_HEIGHT);
    assert!(pages.len() >= 4);
    for (n, p) in pages.iter().enumerate() {
        let h: f32 = lines[p.clone()]
            .iter()
            .enumerate()
            .map(|(k, l)| {
                if k == 0 && n > 0 {
                    l.height
                } else {
                    l.gap + l.height
                }
            })
            .sum();
        assert!(h <= BODY_HEIGHT + 0.01, "page {n}: {h}");
    }
}

#[test]
fn header_sits_in_the_envelope_window() {
    let mut ctx = Ctx::new(faces());
    let l = letter(vec![Block::Paragraph("Tekst.".into())]);
    let lines = build_flow(&mut ctx, &l);
    let mut y = MARGIN_TOP;
    for line in &lines {
        y += line.gap;
        if line.kind == Kind::Recipient {
            assert!(
                y >= 45.0 * MM && y + line.height <= 90.0 * MM,
                "recipient line at {} mm",
                y / MM
            );
        }
        if line.kind == Kind::Sender {
            assert!(y + line.height <= 45.0 * MM);
        }
        if line.kind == Kind::PlaceDate {
            assert!(y >= 90.0 * MM);
        }
        y += line.height;
    }
}

/// However long the body, the list of attachments never starts a page: whatever page it is on
/// also holds the signatures (found on letters whose body grows a line at a time, so the list
/// falls on every possible place around a page break).
#[test]
fn the_attachment_list_is_never_alone_on_a_page() {
    let mut checked_breaks = 0;
    for n in 0..70 {
        let mut ctx = Ctx::new(faces());
        let mut blocks = vec![Block::Paragraph("Ord ".repeat(300))];
        blocks.extend((0..n).map(|k| Block::Paragraph(format!("Linje {k}."))));
        let mut l = letter(blocks);
        l.attachments = vec!["Vedtaket".into(), "Legeerklæring".into(), "Fullmakt".into()];
        let lines = build_flow(&mut ctx, &l);
        let pages = paginate(&lines, BODY_HEIGHT);
        let first = lines
            .iter()
            .position(|l| l.kind == Kind::Attachments)
            .expect("the list's label");
        let page = pages
            .iter()
            .find(|p| p.contains(&first))
            .expect("on a page");
        assert!(
            lines[page.clone()]
                .iter()
                .any(|l| l.kind == Kind::Signature),
            "letter {n}: the attachment list stands alone on its page"
        );
        if pages.len() > 1
            && lines[pages[1].clone()]
                .iter()
                .any(|l| l.kind == Kind::Attachments)
        {
            checked_breaks += 1;
        }
    }
    assert!(checked_breaks > 0, "no letter put the list on page 2");
}
