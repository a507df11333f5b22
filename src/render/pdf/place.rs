//! Placing: puts the lines of each page at their absolute positions, with the running header
//! of later pages and the page numbers in the footer.

use std::ops::Range;

use crate::domain::letter::Letter;

use super::flow::{FlowLine, Item};
use super::fonts::Style;
use super::geometry::*;
use super::measure::Ctx;

/// A page's content in absolute PDF coordinates (origin bottom left).
pub(super) struct PlacedPage {
    pub(super) texts: Vec<(f32, f32, Style, f32, String)>,
    pub(super) rules: Vec<(f32, f32, f32)>,
}

pub(super) fn place(
    ctx: &mut Ctx,
    letter: &Letter,
    lines: &[FlowLine],
    pages: &[Range<usize>],
) -> Vec<PlacedPage> {
    let lang = letter.lang;
    // Pages after the first say whose letter they belong to: "Kari Nordmann – Deres
    // referanse: 26/1234" (the heading when there is no reference).
    let running = [
        letter.author(),
        letter.reference.as_deref().unwrap_or(&letter.heading),
    ]
    .iter()
    .map(|s| s.trim())
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" – ");
    let total = pages.len();
    let mut out = Vec::with_capacity(total);
    for (n, range) in pages.iter().enumerate() {
        let mut page = PlacedPage {
            texts: Vec::new(),
            rules: Vec::new(),
        };
        let mut y = PAGE_H - MARGIN_TOP;
        for (k, line) in lines[range.clone()].iter().enumerate() {
            if !(k == 0 && n > 0) {
                y -= line.gap;
            }
            for item in &line.items {
                match item {
                    Item::Text {
                        x,
                        baseline,
                        style,
                        size,
                        text,
                    } => {
                        ctx.used[*style as usize].extend(text.chars());
                        page.texts
                            .push((*x, y - baseline, *style, *size, text.clone()));
                    }
                    Item::Rule { x0, x1, dy } => page.rules.push((*x0, *x1, y - dy)),
                }
            }
            y -= line.height;
        }
        if n > 0 && !running.is_empty() {
            let runs = ctx.wrap(Style::Regular, FOOTER_SIZE, &running, TEXT_W);
            if let Some(run) = runs.into_iter().next() {
                ctx.used[Style::Regular as usize].extend(run.text.chars());
                page.texts.push((
                    MARGIN_LEFT,
                    HEADER_BASELINE,
                    Style::Regular,
                    FOOTER_SIZE,
                    run.text,
                ));
            }
        }
        if total > 1 {
            let label = crate::render::template::page_label(lang, n + 1, total);
            let run = ctx.run(Style::Regular, FOOTER_SIZE, &label);
            ctx.used[Style::Regular as usize].extend(run.text.chars());
            page.texts.push((
                PAGE_W - MARGIN_RIGHT - run.width,
                FOOTER_BASELINE,
                Style::Regular,
                FOOTER_SIZE,
                run.text,
            ));
        }
        out.push(page);
    }
    out
}
