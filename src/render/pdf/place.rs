//! Placing: puts the lines of each page at their absolute positions, with the running header
//! of later pages and the page numbers in the footer.

use std::ops::Range;

use crate::domain::letter::Letter;

use super::flow::{FlowLine, Item};
use super::fonts::Style;
use super::geometry::*;
use super::measure::Ctx;
use super::structure::Mark;

/// A text at its place on the page, and what it is (for the tagged PDF).
pub(super) struct Placed {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) style: Style,
    pub(super) size: f32,
    pub(super) text: String,
    pub(super) mark: Mark,
}

/// A page's content in absolute PDF coordinates (origin bottom left).
pub(super) struct PlacedPage {
    pub(super) texts: Vec<Placed>,
    /// Lines (the signature rules), drawn as artifacts: x0, x1, y.
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
                        node,
                    } => {
                        ctx.used[*style as usize].extend(text.chars());
                        page.texts.push(Placed {
                            x: *x,
                            y: y - baseline,
                            style: *style,
                            size: *size,
                            text: text.clone(),
                            mark: Mark::Node(*node),
                        });
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
                page.texts.push(Placed {
                    x: MARGIN_LEFT,
                    y: HEADER_BASELINE,
                    style: Style::Regular,
                    size: FOOTER_SIZE,
                    text: run.text,
                    mark: Mark::Header,
                });
            }
        }
        if total > 1 {
            let label = crate::render::template::page_label(lang, n + 1, total);
            let run = ctx.run(Style::Regular, FOOTER_SIZE, &label);
            ctx.used[Style::Regular as usize].extend(run.text.chars());
            page.texts.push(Placed {
                x: PAGE_W - MARGIN_RIGHT - run.width,
                y: FOOTER_BASELINE,
                style: Style::Regular,
                size: FOOTER_SIZE,
                text: run.text,
                mark: Mark::Footer,
            });
        }
        out.push(page);
    }
    out
}
