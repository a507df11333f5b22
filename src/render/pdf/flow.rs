//! The flow: the whole letter as a flat list of lines, each with the space above it, its height
//! and whether a page break before it is forbidden (headings keep with what follows, the
//! closing with the signatures, paragraphs with widow and orphan control).

use crate::domain::letter::{Block, Letter, Signature};

use super::fonts::Style;
use super::geometry::*;
use super::measure::{Ctx, Run};
use super::structure::{ROOT, Role};

/// What a flow line is, for tests and for reading the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Sender,
    Recipient,
    PlaceDate,
    Title,
    Reference,
    Heading,
    Body,
    Bullet,
    Closing,
    Signature,
    Attachments,
}

/// Something drawn on a line, relative to its top-left corner (x from the page's left edge).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Item {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        size: f32,
        text: String,
        /// The leaf of the structure tree the text belongs to.
        node: usize,
    },
    Rule {
        x0: f32,
        x1: f32,
        dy: f32,
    },
}

/// One line of the flow. `gap` is the space above it (dropped at the top of pages after the
/// first); `keep_with_prev` forbids a page break between it and the line before.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FlowLine {
    pub(super) kind: Kind,
    /// Lines of the same paragraph, list item or heading share a group.
    pub(super) group: usize,
    pub(super) gap: f32,
    pub(super) height: f32,
    pub(super) keep_with_prev: bool,
    pub(super) items: Vec<Item>,
}

struct Flow {
    lines: Vec<FlowLine>,
    /// The next this-many lines are glued to the line before them.
    glue_next: usize,
    group: usize,
    /// Distance from the page's top edge to the end of the last line (page 1 only).
    y: f32,
}

impl Flow {
    fn push(&mut self, mut line: FlowLine) {
        if self.glue_next > 0 {
            line.keep_with_prev = true;
            self.glue_next -= 1;
        }
        if self.lines.is_empty() {
            line.keep_with_prev = false;
        }
        self.y += line.gap + line.height;
        self.lines.push(line);
    }

    /// Adds a paragraph's lines, `gap` below what came before, with widow and orphan
    /// control: a page break is only allowed where at least two lines stay on each side, so a
    /// 2- or 3-line paragraph never breaks. `Para::glue_all` keeps all of them together.
    fn paragraph(&mut self, ctx: &Ctx, p: Para, runs: Vec<Run>, gap: f32, node: usize) {
        let n = runs.len();
        self.group += 1;
        let baseline = ctx.face(p.style).baseline(p.size, p.line_h);
        for (j, run) in runs.into_iter().enumerate() {
            let keep = j > 0 && (p.glue_all || j < 2 || n - j < 2);
            let x = match p.x {
                Align::Left(x) => x,
                Align::Right(r) => r - run.width,
            };
            self.push(FlowLine {
                kind: p.kind,
                group: self.group,
                gap: if j == 0 { gap } else { 0.0 },
                height: p.line_h,
                keep_with_prev: keep,
                items: vec![Item::Text {
                    x,
                    baseline,
                    style: p.style,
                    size: p.size,
                    text: run.text,
                    node,
                }],
            });
        }
        // The glue asked for by a heading holds for the paragraph right after it, never for
        // the next heading: a run of short sections would otherwise be glued into one block
        // too tall to break, and page 1 would end a third empty.
        if n > 0 {
            self.glue_next = 0;
        }
    }

    /// Adds an address block (from `address_block`), `gap` above its first line, all its
    /// lines kept together.
    fn address(&mut self, ctx: &mut Ctx, kind: Kind, block: AddressBlock, mut gap: f32) {
        let start = self.lines.len();
        let div = ctx.tree.add(Role::Div, ROOT);
        for (style, size, line_h, runs) in block {
            let had = !runs.is_empty();
            let node = ctx.tree.add(Role::P, div);
            self.paragraph(
                ctx,
                Para {
                    kind,
                    style,
                    size,
                    line_h,
                    glue_all: true,
                    ..BODY
                },
                runs,
                gap,
                node,
            );
            if had {
                gap = 0.0;
            }
        }
        glue_kind(&mut self.lines[start..], kind);
    }
}

/// Body text: regular, 11 pt, at the left margin, with widow/orphan control.
const BODY: Para = Para {
    kind: Kind::Body,
    style: Style::Regular,
    size: BODY_SIZE,
    x: Align::Left(MARGIN_LEFT),
    line_h: BODY_LINE,
    glue_all: false,
};

/// How a paragraph's lines are drawn.
#[derive(Debug, Clone, Copy)]
struct Para {
    kind: Kind,
    style: Style,
    size: f32,
    x: Align,
    line_h: f32,
    /// Keep all lines together (headings, addresses) instead of widow/orphan control only.
    glue_all: bool,
}

#[derive(Debug, Clone, Copy)]
enum Align {
    Left(f32),
    Right(f32),
}

/// An address block's entries: each with its style, size, line height and wrapped lines.
type AddressBlock = Vec<(Style, f32, f32, Vec<Run>)>;

/// Lays out a block of address lines (each entry wrapped to `max_w`), trying the sizes in order
/// until the block is at most `max_h` tall. Returns the lines, the size and the line height.
fn address_block(
    ctx: &mut Ctx,
    entries: &[String],
    bold_first: bool,
    sizes: &[f32],
    max_w: f32,
    max_h: f32,
) -> AddressBlock {
    let mut last = Vec::new();
    for &size in sizes {
        let line_h = size * if size >= 10.0 { 1.25 } else { 1.2 };
        let mut block = Vec::new();
        let mut n = 0;
        for (i, entry) in entries.iter().enumerate() {
            let style = if bold_first && i == 0 {
                Style::Bold
            } else {
                Style::Regular
            };
            let runs = ctx.wrap(style, size, entry, max_w);
            n += runs.len();
            block.push((style, size, line_h, runs));
        }
        let fits = n as f32 * line_h <= max_h;
        last = block;
        if fits {
            break;
        }
    }
    last
}

pub(super) fn build_flow(ctx: &mut Ctx, letter: &Letter) -> Vec<FlowLine> {
    let mut flow = Flow {
        lines: Vec::new(),
        glue_next: 0,
        group: 0,
        y: MARGIN_TOP,
    };

    // Sender block, top left, name in bold; never broken.
    let sender = address_block(
        ctx,
        &letter.sender,
        true,
        &SENDER_SIZES,
        TEXT_W,
        SENDER_LIMIT - MARGIN_TOP,
    );
    flow.address(ctx, Kind::Sender, sender, 0.0);

    // Recipient block, in the envelope window; never broken.
    let top = RECIPIENT_TOP.max(flow.y + 4.0 * MM);
    let recipient = address_block(
        ctx,
        &letter.recipient,
        false,
        &RECIPIENT_SIZES,
        RECIPIENT_W,
        RECIPIENT_LIMIT - top,
    );
    let gap = top - flow.y;
    flow.address(ctx, Kind::Recipient, recipient, gap);

    // Place and date, right-aligned on the line under the window area.
    let date_top = flow.y.max(WINDOW_BOTTOM) + DATE_GAP;
    let runs = ctx.wrap(Style::Regular, BODY_SIZE, &letter.place_date, TEXT_W);
    let gap = date_top - flow.y;
    let node = ctx.tree.add(Role::P, ROOT);
    flow.paragraph(
        ctx,
        Para {
            kind: Kind::PlaceDate,
            x: Align::Right(PAGE_W - MARGIN_RIGHT),
            glue_all: true,
            ..BODY
        },
        runs,
        gap,
        node,
    );
    // Whatever comes next starts at least this far below (as if there were a date line).
    let mut pending = Some((date_top + BODY_LINE - flow.y).max(0.0) + TITLE_GAP);
    let mut gap_for = |normal: f32| pending.take().map_or(normal, |p: f32| p.max(normal));

    // The heading and the reference under it, kept with the first two lines of the body.
    let runs = ctx.wrap(Style::Bold, TITLE_SIZE, &letter.heading, TEXT_W);
    let mut after_title = false;
    if !runs.is_empty() {
        let node = ctx.tree.add(Role::H1, ROOT);
        flow.paragraph(
            ctx,
            Para {
                kind: Kind::Title,
                style: Style::Bold,
                size: TITLE_SIZE,
                line_h: TITLE_SIZE * 1.25,
                glue_all: true,
                ..BODY
            },
            runs,
            gap_for(0.0),
            node,
        );
        flow.glue_next = 2;
        after_title = true;
    }
    if let Some(reference) = &letter.reference {
        let runs = ctx.wrap(Style::Regular, BODY_SIZE, reference, TEXT_W);
        if !runs.is_empty() {
            let gap = if after_title {
                0.1 * BODY_LINE
            } else {
                gap_for(0.0)
            };
            let glue = std::mem::take(&mut flow.glue_next) > 0;
            let start = flow.lines.len();
            let node = ctx.tree.add(Role::P, ROOT);
            flow.paragraph(
                ctx,
                Para {
                    kind: Kind::Reference,
                    glue_all: true,
                    ..BODY
                },
                runs,
                gap,
                node,
            );
            if let Some(first) = flow.lines.get_mut(start) {
                first.keep_with_prev |= glue;
            }
            flow.glue_next = 2;
            after_title = true;
        }
    }
    if after_title {
        pending = Some(BODY_LINE);
    }
    let mut gap_for = |normal: f32| pending.take().map_or(normal, |p: f32| p.max(normal));

    // The body. Right under a heading, a block has only a small space above it.
    let mut after_heading = false;
    for block in &letter.blocks {
        let above = |normal: f32| if after_heading { SECTION_AFTER } else { normal };
        match block {
            Block::Heading(text) | Block::Paragraph(text) => {
                let heading = matches!(block, Block::Heading(_));
                let style = if heading { Style::Bold } else { Style::Regular };
                let runs = ctx.wrap(style, BODY_SIZE, text, TEXT_W);
                if runs.is_empty() {
                    continue;
                }
                let gap = gap_for(above(if heading { SECTION_GAP } else { PARA_GAP }));
                let para = if heading {
                    Para {
                        kind: Kind::Heading,
                        style,
                        glue_all: true,
                        ..BODY
                    }
                } else {
                    BODY
                };
                let node = ctx.tree.add(if heading { Role::H2 } else { Role::P }, ROOT);
                flow.paragraph(ctx, para, runs, gap, node);
                if heading {
                    flow.glue_next = 2;
                }
                after_heading = heading;
            }
            Block::Bullets(items) => {
                if items.iter().all(|i| i.trim().is_empty()) {
                    continue;
                }
                let gap = gap_for(above(PARA_GAP));
                if bullet_list(&mut flow, ctx, items, gap) {
                    after_heading = false;
                }
            }
        }
    }

    // The closing and the signatures: one unit, kept with the last lines of the body.
    let closing = ctx.wrap(Style::Regular, BODY_SIZE, &letter.closing, TEXT_W);
    let closing_gap = gap_for(CLOSING_GAP);
    let start = flow.lines.len();
    if !closing.is_empty() {
        let node = ctx.tree.add(Role::P, ROOT);
        flow.paragraph(
            ctx,
            Para {
                kind: Kind::Closing,
                glue_all: true,
                ..BODY
            },
            closing,
            closing_gap,
            node,
        );
    }
    let first_gap = if flow.lines.len() > start {
        0.0
    } else {
        closing_gap
    };
    signatures(&mut flow, ctx, &letter.signatures, first_gap);
    for line in flow.lines.iter_mut().skip(start) {
        line.keep_with_prev = true;
    }
    flow.glue_next = 0;

    // The attachments, after the signatures: "Vedlegg:" and the list, which may break.
    if letter.attachments.iter().any(|a| !a.trim().is_empty()) {
        let attachments_start = flow.lines.len();
        let label = letter.attachments_label.trim();
        let runs = if label.is_empty() {
            Vec::new()
        } else {
            ctx.wrap(Style::Regular, BODY_SIZE, &format!("{label}:"), TEXT_W)
        };
        let list_gap = if runs.is_empty() {
            ATTACHMENTS_GAP
        } else {
            let node = ctx.tree.add(Role::P, ROOT);
            flow.paragraph(
                ctx,
                Para {
                    kind: Kind::Attachments,
                    glue_all: true,
                    ..BODY
                },
                runs,
                ATTACHMENTS_GAP,
                node,
            );
            flow.glue_next = 2;
            SECTION_AFTER
        };
        let list_start = flow.lines.len();
        bullet_list(&mut flow, ctx, &letter.attachments, list_gap);
        // The list never stands alone on a page: its first line (the label, or the first
        // item when there is no label) keeps with the signatures above it.
        if let Some(first) = flow.lines.get_mut(attachments_start.min(list_start)) {
            first.keep_with_prev = true;
        }
    }

    if let Some(first) = flow.lines.first_mut() {
        first.keep_with_prev = false;
    }
    flow.lines
}

/// Adds a bulleted list with a hanging indent; `first_gap` is the space above it. Returns
/// whether it added anything (empty items are left out).
fn bullet_list(flow: &mut Flow, ctx: &mut Ctx, items: &[String], first_gap: f32) -> bool {
    let bullet = ctx.run(Style::Regular, BODY_SIZE, &BULLET.to_string());
    let baseline = ctx.faces.regular.baseline(BODY_SIZE, BODY_LINE);
    let list_start = flow.lines.len();
    let list = ctx.tree.add(Role::L, ROOT);
    for item in items {
        let runs = ctx.wrap(Style::Regular, BODY_SIZE, item, TEXT_W - BULLET_INDENT);
        if runs.is_empty() {
            continue;
        }
        let li = ctx.tree.add(Role::LI, list);
        let label = ctx.tree.add(Role::Lbl, li);
        let body = ctx.tree.add(Role::LBody, li);
        let gap = if flow.lines.len() == list_start {
            first_gap
        } else {
            ITEM_GAP
        };
        let start = flow.lines.len();
        flow.paragraph(
            ctx,
            Para {
                kind: Kind::Bullet,
                x: Align::Left(MARGIN_LEFT + BULLET_INDENT),
                ..BODY
            },
            runs,
            gap,
            body,
        );
        if let Some(line) = flow.lines.get_mut(start) {
            let text = bullet.text.clone();
            line.items.insert(
                0,
                Item::Text {
                    x: MARGIN_LEFT + BULLET_X,
                    baseline,
                    style: Style::Regular,
                    size: BODY_SIZE,
                    text,
                    node: label,
                },
            );
        }
    }
    // Orphan and widow control for the list as a whole: never one line of it alone at the
    // bottom or the top of a page, even when its items are one line each.
    let list = &mut flow.lines[list_start..];
    if list.len() >= 2 {
        list[1].keep_with_prev = true;
        if let Some(last) = list.last_mut() {
            last.keep_with_prev = true;
        }
    }
    flow.lines.len() > list_start
}

/// Keeps every line of `kind` in `lines` with the line before it (except the very first one).
fn glue_kind(lines: &mut [FlowLine], kind: Kind) {
    let mut seen = false;
    for line in lines.iter_mut().filter(|l| l.kind == kind) {
        if seen {
            line.keep_with_prev = true;
        }
        seen = true;
    }
}

/// The signatures, two side by side per row: room for the handwriting, a rule, the printed
/// name under it and the role under that.
fn signatures(flow: &mut Flow, ctx: &mut Ctx, signatures: &[Signature], first_gap: f32) {
    let baseline = ctx.faces.regular.baseline(BODY_SIZE, BODY_LINE);
    let role_baseline = ctx.faces.regular.baseline(ROLE_SIZE, BODY_LINE);
    let all = ctx.tree.add(Role::Div, ROOT);
    for (row, pair) in signatures.chunks(2).enumerate() {
        flow.group += 1;
        let group = flow.group;
        let rules = (0..pair.len())
            .map(|i| {
                let x0 = MARGIN_LEFT + i as f32 * SIGNATURE_COL_STEP;
                Item::Rule {
                    x0,
                    x1: x0 + SIGNATURE_RULE,
                    dy: SIGNATURE_SPACE,
                }
            })
            .collect();
        let gap = if row == 0 {
            first_gap
        } else {
            SIGNATURE_ROW_GAP
        };
        flow.push(FlowLine {
            kind: Kind::Signature,
            group,
            gap,
            height: SIGNATURE_SPACE,
            keep_with_prev: true,
            items: rules,
        });
        // Each column: name lines, then role lines.
        let columns: Vec<Vec<Item>> = pair
            .iter()
            .enumerate()
            .map(|(i, sig)| {
                let x = MARGIN_LEFT + i as f32 * SIGNATURE_COL_STEP;
                let div = ctx.tree.add(Role::Div, all);
                let name = ctx.tree.add(Role::P, div);
                let mut items: Vec<Item> = ctx
                    .wrap(Style::Regular, BODY_SIZE, &sig.name, SIGNATURE_COL_W)
                    .into_iter()
                    .map(|r| Item::Text {
                        x,
                        baseline,
                        style: Style::Regular,
                        size: BODY_SIZE,
                        text: r.text,
                        node: name,
                    })
                    .collect();
                if let Some(role) = &sig.role {
                    let node = ctx.tree.add(Role::P, div);
                    items.extend(
                        ctx.wrap(Style::Regular, ROLE_SIZE, role, SIGNATURE_COL_W)
                            .into_iter()
                            .map(|r| Item::Text {
                                x,
                                baseline: role_baseline,
                                style: Style::Regular,
                                size: ROLE_SIZE,
                                text: r.text,
                                node,
                            }),
                    );
                }
                items
            })
            .collect();
        let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
        for k in 0..rows {
            let items = columns.iter().filter_map(|c| c.get(k).cloned()).collect();
            let gap = if k == 0 { 0.1 * BODY_LINE } else { 0.0 };
            flow.push(FlowLine {
                kind: Kind::Signature,
                group,
                gap,
                height: BODY_LINE,
                keep_with_prev: true,
                items,
            });
        }
    }
}
