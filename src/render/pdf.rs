//! The PDF writer: draws a [`Letter`] as an A4 business letter laid out after NS 4129.
//!
//! Page 1 carries the sender block at the top left, the recipient block where the window of a
//! C5/C4 window envelope shows it (45–90 mm from the top edge, 25 mm from the left edge), the
//! place and date right-aligned under that area, then the heading, the reference and the body.
//! Later pages start at the top margin. Text is wrapped by real glyph advances of the embedded
//! DejaVu Serif faces and paginated with widow/orphan control; section headings keep with the
//! text that follows them, and the closing stays together with the signatures.
//!
//! Everything on the page is real text (Identity-H with a /ToUnicode map, so copy-paste and
//! search give back the letter's characters); the fonts are subset, so a two-page letter is a
//! few tens of kilobytes. The output is deterministic: the same [`Letter`] gives the same bytes.
//!
//! The layout is two-stage: the letter becomes a flat list of `FlowLine`s (each with the
//! space above it, its height and whether a page break before it is forbidden), `paginate`
//! splits that list into pages, and the pages become printpdf operations.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use printpdf::{
    Color, Date, DateTime, FontId, Greyscale, Line, LinePoint, Mm, Offset, Op, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
    Time,
};

use crate::domain::letter::{Block, Lang, Letter, Signature};

/// DejaVu Serif, Bitstream Vera licence: see `assets/fonts/LICENSE-DejaVu.txt`.
static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif-Bold.ttf");

/// A rendered letter.
#[derive(Debug)]
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters the font lacks, replaced visibly (by U+FFFD or "?"), in order of first
    /// appearance, deduplicated.
    pub replaced: Vec<char>,
}

/// Why a letter could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be parsed (a broken build, not a user error).
    #[error("kunne ikke lese den innebygde skrifttypen: {0}")]
    Font(String),
    /// The PDF file could not be put together.
    #[error("kunne ikke skrive PDF-filen: {0}")]
    Write(String),
}

/// Draws `letter` as a PDF.
pub fn render(letter: &Letter) -> Result<Pdf, PdfError> {
    let faces = FACES.as_ref().map_err(|e| PdfError::Font(e.clone()))?;
    let mut ctx = Ctx::new(faces);
    let lines = build_flow(&mut ctx, letter);
    let pages = paginate(&lines, BODY_HEIGHT);
    let placed = place(&mut ctx, letter, &lines, &pages);
    let bytes = write_pdf(&ctx, letter, &placed)?;
    Ok(Pdf {
        bytes,
        pages: placed.len(),
        replaced: ctx.replaced,
    })
}

// ---------------------------------------------------------------------------------------------
// Geometry (all in PDF points; 1 mm = 72 / 25.4 pt)

const MM: f32 = 72.0 / 25.4;
const PAGE_W: f32 = 210.0 * MM;
const PAGE_H: f32 = 297.0 * MM;
const MARGIN_LEFT: f32 = 25.0 * MM;
const MARGIN_RIGHT: f32 = 20.0 * MM;
const MARGIN_TOP: f32 = 20.0 * MM;
const MARGIN_BOTTOM: f32 = 20.0 * MM;
const TEXT_W: f32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
/// Height of the text area of every page.
const BODY_HEIGHT: f32 = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;

/// Body text size and line height.
const BODY_SIZE: f32 = 11.0;
const LEADING: f32 = 1.3;
const BODY_LINE: f32 = BODY_SIZE * LEADING;
/// The letter's heading.
const TITLE_SIZE: f32 = 13.0;
/// Sender block: a little smaller than the body; shrinks (to 8 pt) if it has many lines.
const SENDER_SIZES: [f32; 3] = [10.0, 9.0, 8.0];
/// Recipient block sizes, tried in order until the block fits the envelope window.
const RECIPIENT_SIZES: [f32; 4] = [11.0, 10.0, 9.0, 8.0];

/// The sender block must end above this line (from the top edge) to stay out of the window.
const SENDER_LIMIT: f32 = 43.0 * MM;
/// The envelope window (NS 4129 / DIN 5008-like): 45–90 mm from the top edge. The address
/// starts 5 mm into it, at the left margin, and is kept 80 mm wide and 2 mm off its bottom.
const RECIPIENT_TOP: f32 = 50.0 * MM;
const RECIPIENT_LIMIT: f32 = 88.0 * MM;
const RECIPIENT_W: f32 = 80.0 * MM;
const WINDOW_BOTTOM: f32 = 90.0 * MM;
/// Space between the window area and the place-and-date line.
const DATE_GAP: f32 = 3.0 * MM;
/// Space between the place-and-date line and the heading.
const TITLE_GAP: f32 = 10.0 * MM;

/// Space between paragraphs, above a section heading, under it, between list items.
const PARA_GAP: f32 = 0.6 * BODY_LINE;
const SECTION_GAP: f32 = 1.1 * BODY_LINE;
const SECTION_AFTER: f32 = 0.15 * BODY_LINE;
const ITEM_GAP: f32 = 0.2 * BODY_LINE;
/// Hanging indent of list items, and where the bullet sits.
const BULLET_INDENT: f32 = 6.0 * MM;
const BULLET_X: f32 = 1.5 * MM;
const BULLET: char = '•';

/// Closing and signatures: room for a handwritten signature, and the signature columns.
const CLOSING_GAP: f32 = 1.0 * BODY_LINE;
const SIGNATURE_SPACE: f32 = 15.0 * MM;
const SIGNATURE_COL_W: f32 = 75.0 * MM;
const SIGNATURE_COL_STEP: f32 = 85.0 * MM;
const SIGNATURE_RULE: f32 = 65.0 * MM;
const SIGNATURE_ROW_GAP: f32 = 8.0 * MM;
const ROLE_SIZE: f32 = 10.0;
/// Space between the signatures and the attachment list.
const ATTACHMENTS_GAP: f32 = 1.5 * BODY_LINE;

/// "Side 1 av 2", right-aligned in the bottom margin.
const FOOTER_SIZE: f32 = 9.0;
const FOOTER_BASELINE: f32 = 12.0 * MM;
/// The small header of pages after the first (name and reference), in the top margin.
const HEADER_BASELINE: f32 = PAGE_H - 12.0 * MM;

// ---------------------------------------------------------------------------------------------
// Fonts

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Style {
    Regular,
    Bold,
}

struct Face {
    font: ParsedFont,
    /// Ascender and descender (positive), in em.
    ascent: f32,
    descent: f32,
    /// What a character the face lacks is drawn as: U+FFFD if the face has it, else '?'.
    fallback: char,
}

struct Faces {
    regular: Face,
    bold: Face,
}

/// The faces are parsed once per process.
static FACES: LazyLock<Result<Faces, String>> = LazyLock::new(|| {
    Ok(Faces {
        regular: Face::parse(REGULAR_TTF, "DejaVuSerif")?,
        bold: Face::parse(BOLD_TTF, "DejaVuSerif-Bold")?,
    })
});

impl Face {
    fn parse(bytes: &[u8], name: &str) -> Result<Face, String> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| format!("{name}: {warnings:?}"))?;
        let upem = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let ascent = f32::from(font.hhea_table.ascender) / upem;
        let descent = -f32::from(font.hhea_table.descender) / upem;
        let has = |c: char| font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0);
        if !has('?') || !has(' ') {
            return Err(format!("{name}: the font has no '?' or space"));
        }
        let fallback = if has('\u{FFFD}') { '\u{FFFD}' } else { '?' };
        Ok(Face {
            font,
            ascent,
            descent,
            fallback,
        })
    }

    /// Advance of `c` in em, as the PDF viewer will apply it (printpdf writes /W in whole
    /// thousandths of an em, truncated), or `None` if the face has no glyph for it.
    fn advance(&self, c: char) -> Option<f32> {
        let gid = self.font.lookup_glyph_index(c as u32).filter(|&g| g != 0)?;
        let upem = f32::from(self.font.pdf_font_metrics.units_per_em.max(1));
        let adv = f32::from(self.font.get_horizontal_advance(gid));
        Some((adv * 1000.0 / upem).trunc() / 1000.0)
    }

    /// Distance from the top of a line box of `height` to the baseline, for text of `size`.
    fn baseline(&self, size: f32, height: f32) -> f32 {
        (height - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }
}

// ---------------------------------------------------------------------------------------------
// Characters and measuring

/// What a character of the letter becomes on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mapped {
    /// Drawn with this character (the original, or the visible fallback).
    Char(char),
    /// A breakable space (any whitespace, including tabs and line breaks).
    Space,
    /// A space that must not break (no-break, figure and narrow no-break space).
    NoBreakSpace,
    /// A break opportunity without width (zero-width space).
    ZeroWidthBreak,
    /// An invisible formatting character (soft hyphen, joiners, bidi marks, variation
    /// selectors, BOM): drawn as nothing, as it would be anywhere else.
    Drop,
}

fn classify(c: char) -> Option<Mapped> {
    Some(match c {
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => Mapped::NoBreakSpace,
        '\u{200B}' => Mapped::ZeroWidthBreak,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' => Mapped::Drop,
        c if c.is_whitespace() => Mapped::Space,
        _ => return None,
    })
}

/// A combining mark: never separated from the character before it when a word is broken.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// After these, an overlong word (a URL, a path) is preferably broken.
fn is_soft_break_after(c: char) -> bool {
    matches!(
        c,
        '/' | '-'
            | '\u{2010}'
            | '\u{2013}'
            | '\u{2014}'
            | '.'
            | '_'
            | '?'
            | '&'
            | '='
            | ','
            | ';'
            | ':'
            | '#'
            | '\\'
    )
}

/// A line of text, ready to draw: what it says and how wide it is.
#[derive(Debug, Clone, PartialEq, Default)]
struct Run {
    text: String,
    width: f32,
}

/// The per-render state: the faces, an advance cache, the characters replaced so far and the
/// characters drawn with each face (for the subset tag).
struct Ctx<'f> {
    faces: &'f Faces,
    advances: HashMap<(Style, char), Option<f32>>,
    replaced: Vec<char>,
    replaced_set: HashSet<char>,
    used: [BTreeSet<char>; 2],
}

impl<'f> Ctx<'f> {
    fn new(faces: &'f Faces) -> Self {
        Ctx {
            faces,
            advances: HashMap::new(),
            replaced: Vec::new(),
            replaced_set: HashSet::new(),
            used: [BTreeSet::new(), BTreeSet::new()],
        }
    }

    fn face(&self, style: Style) -> &'f Face {
        match style {
            Style::Regular => &self.faces.regular,
            Style::Bold => &self.faces.bold,
        }
    }

    /// Advance of a character the face has, in em (0 for one it lacks; never asked for).
    fn advance(&mut self, style: Style, c: char) -> Option<f32> {
        let face = self.face(style);
        *self
            .advances
            .entry((style, c))
            .or_insert_with(|| face.advance(c))
    }

    fn map(&mut self, style: Style, c: char) -> Mapped {
        if let Some(m) = classify(c) {
            return m;
        }
        if !c.is_control() && self.advance(style, c).is_some() {
            return Mapped::Char(c);
        }
        if self.replaced_set.insert(c) {
            self.replaced.push(c);
        }
        Mapped::Char(self.face(style).fallback)
    }

    /// Width of `text` (already mapped: every char is one the face has) at `size`.
    fn width(&mut self, style: Style, size: f32, text: &str) -> f32 {
        text.chars()
            .map(|c| self.advance(style, c).unwrap_or(0.0))
            .sum::<f32>()
            * size
    }

    /// Maps a one-line text (a footer, a signature name) without wrapping it.
    fn run(&mut self, style: Style, size: f32, text: &str) -> Run {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match self.map(style, c) {
                Mapped::Char(m) => out.push(m),
                Mapped::Space | Mapped::NoBreakSpace => out.push(' '),
                Mapped::ZeroWidthBreak | Mapped::Drop => {}
            }
        }
        let width = self.width(style, size, &out);
        Run { text: out, width }
    }

    /// Breaks `text` into lines at most `max_w` wide, by real glyph advances. Runs of spaces
    /// collapse to one; leading and trailing spaces go. A word wider than a line is broken,
    /// after a '/', '-', '.' etc. if there is one far enough along, else between characters.
    fn wrap(&mut self, style: Style, size: f32, text: &str, max_w: f32) -> Vec<Run> {
        // "§ 7-2" and "12. november" are never split over two lines.
        let text = &crate::render::text::nonbreaking(text);
        let space_w = self.advance(style, ' ').unwrap_or(0.0) * size;
        // (characters with their advances, separator before the word: 0 none, 1 zero-width, 2 space)
        let mut words: Vec<(Vec<(char, f32)>, u8)> = Vec::new();
        let mut word: Vec<(char, f32)> = Vec::new();
        let mut sep: u8 = 0;
        for c in text.chars() {
            match self.map(style, c) {
                Mapped::Char(m) => {
                    let w = self.advance(style, m).unwrap_or(0.0) * size;
                    word.push((m, w));
                }
                Mapped::NoBreakSpace => word.push((' ', space_w)),
                Mapped::Drop => {}
                brk @ (Mapped::Space | Mapped::ZeroWidthBreak) => {
                    let this = if brk == Mapped::Space { 2 } else { 1 };
                    if !word.is_empty() {
                        words.push((
                            std::mem::take(&mut word),
                            if words.is_empty() { 0 } else { sep },
                        ));
                        sep = this;
                    } else {
                        sep = sep.max(this);
                    }
                }
            }
        }
        if !word.is_empty() {
            words.push((word, if words.is_empty() { 0 } else { sep }));
        }

        let mut lines = Vec::new();
        let mut cur = String::new();
        let mut cur_w = 0.0f32;
        let mut cur_empty = true;
        for (chars, sep) in words {
            let word_w: f32 = chars.iter().map(|&(_, w)| w).sum();
            let sep_w = if sep == 2 { space_w } else { 0.0 };
            if !cur_empty && cur_w + sep_w + word_w <= max_w + 0.01 {
                if sep == 2 {
                    cur.push(' ');
                }
                cur.extend(chars.iter().map(|&(c, _)| c));
                cur_w += sep_w + word_w;
                continue;
            }
            // A word wider than a whole line (a URL) starts on this line if a fair part of
            // the line is left; any other word that does not fit starts the next line.
            let room = max_w - cur_w - sep_w;
            let mut pieces = if !cur_empty && word_w > max_w && room >= 0.3 * max_w {
                let mut pieces = split_word(&chars, room, max_w).into_iter();
                if let Some(first) = pieces.next() {
                    if sep == 2 {
                        cur.push(' ');
                    }
                    cur.push_str(&first.text);
                    cur_w += sep_w + first.width;
                }
                lines.push(Run {
                    text: std::mem::take(&mut cur),
                    width: cur_w,
                });
                pieces.collect()
            } else {
                if !cur_empty {
                    lines.push(Run {
                        text: std::mem::take(&mut cur),
                        width: cur_w,
                    });
                }
                split_word(&chars, max_w, max_w)
            };
            let last = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
            cur = last.text;
            cur_w = last.width;
            cur_empty = cur.is_empty();
        }
        if !cur_empty {
            lines.push(Run {
                text: cur,
                width: cur_w,
            });
        }
        lines
    }
}

/// Breaks one word into pieces at most `max_w` wide, the first at most `first_w` (at least one
/// character each).
fn split_word(chars: &[(char, f32)], first_w: f32, max_w_rest: f32) -> Vec<Run> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let max_w = if out.is_empty() { first_w } else { max_w_rest };
        // The longest piece that fits (at least one character).
        let mut end = start;
        let mut w = 0.0f32;
        while end < chars.len() && (end == start || w + chars[end].1 <= max_w + 0.01) {
            w += chars[end].1;
            end += 1;
        }
        if end < chars.len() {
            // Prefer a break after a '/', '-' … in the second half of the piece.
            let mut acc = 0.0f32;
            let mut soft = None;
            for (i, &(c, cw)) in chars[start..end].iter().enumerate() {
                acc += cw;
                if is_soft_break_after(c) && acc >= max_w * 0.5 && start + i + 1 < end {
                    soft = Some(start + i + 1);
                }
            }
            if let Some(s) = soft {
                end = s;
            }
            // Never strand a combining mark at the start of the next piece.
            while end > start + 1 && end < chars.len() && is_combining(chars[end].0) {
                end -= 1;
            }
        }
        let piece = &chars[start..end];
        out.push(Run {
            text: piece.iter().map(|&(c, _)| c).collect(),
            width: piece.iter().map(|&(_, w)| w).sum(),
        });
        start = end;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The flow: the whole letter as a list of lines

/// What a flow line is, for tests and for reading the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
enum Item {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        size: f32,
        text: String,
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
struct FlowLine {
    kind: Kind,
    /// Lines of the same paragraph, list item or heading share a group.
    group: usize,
    gap: f32,
    height: f32,
    keep_with_prev: bool,
    items: Vec<Item>,
}

/// What pagination needs to know about a line.
trait Fit {
    fn gap(&self) -> f32;
    fn height(&self) -> f32;
    fn keep_with_prev(&self) -> bool;
}

impl Fit for FlowLine {
    fn gap(&self) -> f32 {
        self.gap
    }
    fn height(&self) -> f32 {
        self.height
    }
    fn keep_with_prev(&self) -> bool {
        self.keep_with_prev
    }
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
    fn paragraph(&mut self, ctx: &Ctx, p: Para, runs: Vec<Run>, gap: f32) {
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

/// Lays out a block of address lines (each entry wrapped to `max_w`), trying the sizes in order
/// until the block is at most `max_h` tall. Returns the lines, the size and the line height.
fn address_block(
    ctx: &mut Ctx,
    entries: &[String],
    bold_first: bool,
    sizes: &[f32],
    max_w: f32,
    max_h: f32,
) -> Vec<(Style, f32, f32, Vec<Run>)> {
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

fn build_flow(ctx: &mut Ctx, letter: &Letter) -> Vec<FlowLine> {
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
    for (style, size, line_h, runs) in sender {
        flow.paragraph(
            ctx,
            Para {
                kind: Kind::Sender,
                style,
                size,
                line_h,
                glue_all: true,
                ..BODY
            },
            runs,
            0.0,
        );
    }
    glue_kind(&mut flow.lines, Kind::Sender);

    // Recipient block, in the envelope window; never broken.
    let start = flow.lines.len();
    let top = RECIPIENT_TOP.max(flow.y + 4.0 * MM);
    let recipient = address_block(
        ctx,
        &letter.recipient,
        false,
        &RECIPIENT_SIZES,
        RECIPIENT_W,
        RECIPIENT_LIMIT - top,
    );
    let mut gap = top - flow.y;
    for (style, size, line_h, runs) in recipient {
        let had = !runs.is_empty();
        flow.paragraph(
            ctx,
            Para {
                kind: Kind::Recipient,
                style,
                size,
                line_h,
                glue_all: true,
                ..BODY
            },
            runs,
            gap,
        );
        if had {
            gap = 0.0;
        }
    }
    glue_kind(&mut flow.lines[start..], Kind::Recipient);

    // Place and date, right-aligned on the line under the window area.
    let date_top = flow.y.max(WINDOW_BOTTOM) + DATE_GAP;
    let runs = ctx.wrap(Style::Regular, BODY_SIZE, &letter.place_date, TEXT_W);
    let gap = date_top - flow.y;
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
    );
    // Whatever comes next starts at least this far below (as if there were a date line).
    let mut pending = Some((date_top + BODY_LINE - flow.y).max(0.0) + TITLE_GAP);
    let mut gap_for = |normal: f32| pending.take().map_or(normal, |p: f32| p.max(normal));

    // The heading and the reference under it, kept with the first two lines of the body.
    let runs = ctx.wrap(Style::Bold, TITLE_SIZE, &letter.heading, TEXT_W);
    let mut after_title = false;
    if !runs.is_empty() {
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
            flow.paragraph(
                ctx,
                Para {
                    kind: Kind::Reference,
                    glue_all: true,
                    ..BODY
                },
                runs,
                gap,
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

    // The body.
    let mut after_heading = false;
    for block in &letter.blocks {
        match block {
            Block::Heading(text) => {
                let runs = ctx.wrap(Style::Bold, BODY_SIZE, text, TEXT_W);
                if runs.is_empty() {
                    continue;
                }
                let gap = gap_for(if after_heading {
                    SECTION_AFTER
                } else {
                    SECTION_GAP
                });
                flow.paragraph(
                    ctx,
                    Para {
                        kind: Kind::Heading,
                        style: Style::Bold,
                        glue_all: true,
                        ..BODY
                    },
                    runs,
                    gap,
                );
                flow.glue_next = 2;
                after_heading = true;
            }
            Block::Paragraph(text) => {
                let runs = ctx.wrap(Style::Regular, BODY_SIZE, text, TEXT_W);
                if runs.is_empty() {
                    continue;
                }
                let gap = gap_for(if after_heading {
                    SECTION_AFTER
                } else {
                    PARA_GAP
                });
                flow.paragraph(ctx, BODY, runs, gap);
                after_heading = false;
            }
            Block::Bullets(items) => {
                if items.iter().all(|i| i.trim().is_empty()) {
                    continue;
                }
                let gap = gap_for(if after_heading {
                    SECTION_AFTER
                } else {
                    PARA_GAP
                });
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
        flow.paragraph(
            ctx,
            Para {
                kind: Kind::Closing,
                glue_all: true,
                ..BODY
            },
            closing,
            closing_gap,
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
        let label = letter.attachments_label.trim();
        let runs = if label.is_empty() {
            Vec::new()
        } else {
            ctx.wrap(Style::Regular, BODY_SIZE, &format!("{label}:"), TEXT_W)
        };
        let list_gap = if runs.is_empty() {
            ATTACHMENTS_GAP
        } else {
            flow.paragraph(
                ctx,
                Para {
                    kind: Kind::Attachments,
                    glue_all: true,
                    ..BODY
                },
                runs,
                ATTACHMENTS_GAP,
            );
            flow.glue_next = 2;
            SECTION_AFTER
        };
        bullet_list(&mut flow, ctx, &letter.attachments, list_gap);
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
    for item in items {
        let runs = ctx.wrap(Style::Regular, BODY_SIZE, item, TEXT_W - BULLET_INDENT);
        if runs.is_empty() {
            continue;
        }
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
                let mut items: Vec<Item> = ctx
                    .wrap(Style::Regular, BODY_SIZE, &sig.name, SIGNATURE_COL_W)
                    .into_iter()
                    .map(|r| Item::Text {
                        x,
                        baseline,
                        style: Style::Regular,
                        size: BODY_SIZE,
                        text: r.text,
                    })
                    .collect();
                if let Some(role) = &sig.role {
                    items.extend(
                        ctx.wrap(Style::Regular, ROLE_SIZE, role, SIGNATURE_COL_W)
                            .into_iter()
                            .map(|r| Item::Text {
                                x,
                                baseline: role_baseline,
                                style: Style::Regular,
                                size: ROLE_SIZE,
                                text: r.text,
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

// ---------------------------------------------------------------------------------------------
// Pagination

/// Splits `lines` into pages of `avail` points. Lines are filled greedily; when one does not
/// fit, the page ends before the last line (at or before it) that may start a page. If a unit
/// of kept-together lines is taller than a whole page, it is broken where the page is full.
/// The space above the first line of a page after the first is dropped. Every page but an
/// empty first one holds at least one line, so this always terminates.
fn paginate<L: Fit>(lines: &[L], avail: f32) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = 0.0f32;
    let mut i = 0;
    while i < lines.len() {
        let first_on_page = i == start;
        let gap = if first_on_page && !pages.is_empty() {
            0.0
        } else {
            lines[i].gap()
        };
        if used + gap + lines[i].height() <= avail + 0.01 {
            used += gap + lines[i].height();
            i += 1;
            continue;
        }
        if first_on_page {
            if pages.is_empty() && used + gap > 0.0 {
                // Page 1 is full before its first line even begins: start afresh.
                pages.push(start..start);
                used = 0.0;
                continue;
            }
            // A single line taller than a page: it gets a page of its own.
            used += gap + lines[i].height();
            i += 1;
            continue;
        }
        let brk = (start + 1..=i)
            .rev()
            .find(|&b| !lines[b].keep_with_prev())
            .unwrap_or(i);
        pages.push(start..brk);
        start = brk;
        used = 0.0;
        i = brk;
    }
    if start < lines.len() || pages.is_empty() {
        pages.push(start..lines.len());
    }
    pages
}

// ---------------------------------------------------------------------------------------------
// Placing lines on pages and writing the PDF

/// A page's content in absolute PDF coordinates (origin bottom left).
struct PlacedPage {
    texts: Vec<(f32, f32, Style, f32, String)>,
    rules: Vec<(f32, f32, f32)>,
}

fn place(
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
            let label = match lang {
                Lang::Nb => format!("Side {} av {}", n + 1, total),
                Lang::Nn => format!("Side {} av {}", n + 1, total),
            };
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

/// FNV-1a, for stable names and ids (std's hasher is not promised to be stable).
fn fnv(bytes: impl IntoIterator<Item = u8>, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The six-capital subset tag of a face (ISO 32000-1 9.6.4), from the characters drawn with it:
/// the same letter always gives the same tag. printpdf takes the tag from the font id.
fn subset_tag(style: Style, used: &BTreeSet<char>) -> String {
    let bytes = used.iter().flat_map(|&c| (c as u32).to_le_bytes());
    let mut h = fnv(bytes, style as u64 + 1);
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            c
        })
        .collect()
}

fn pdf_date(date: chrono::NaiveDate) -> DateTime {
    use chrono::Datelike;
    DateTime {
        date: Date {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
        },
        time: Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        offset: Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

fn write_pdf(ctx: &Ctx, letter: &Letter, pages: &[PlacedPage]) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&letter.heading);
    let info = &mut doc.metadata.info;
    info.author = letter.author().to_string();
    info.creator = "omsorgsklage".to_string();
    info.producer = "omsorgsklage (printpdf 0.12)".to_string();
    info.creation_date = pdf_date(letter.date);
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;

    // Font ids are the subset tags, so no random names end up in the file.
    let mut ids: [Option<FontId>; 2] = [None, None];
    for (style, face) in [
        (Style::Regular, &ctx.faces.regular),
        (Style::Bold, &ctx.faces.bold),
    ] {
        let used = &ctx.used[style as usize];
        if used.is_empty() {
            continue;
        }
        let mut tag = subset_tag(style, used);
        if ids.iter().flatten().any(|id| id.0 == tag) {
            tag = subset_tag(style, &used.iter().copied().chain(['\u{0}']).collect());
        }
        let id = FontId(tag);
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(face.font.clone()));
        ids[style as usize] = Some(id);
    }

    let grey = |v: f32| {
        Color::Greyscale(Greyscale {
            percent: v,
            icc_profile: None,
        })
    };
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = Vec::with_capacity(page.texts.len() * 2 + 8);
        if !page.texts.is_empty() {
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor { col: grey(0.0) });
            let mut current: Option<(Style, f32)> = None;
            for (x, y, style, size, text) in &page.texts {
                let Some(id) = &ids[*style as usize] else {
                    continue;
                };
                if current != Some((*style, *size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(*size),
                    });
                    current = Some((*style, *size));
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(*y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            ops.push(Op::EndTextSection);
        }
        if !page.rules.is_empty() {
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetOutlineColor { col: grey(0.0) });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
            for &(x0, x1, y) in &page.rules {
                let point = |x: f32| LinePoint {
                    p: Point { x: Pt(x), y: Pt(y) },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(x0), point(x1)],
                        is_closed: false,
                    },
                });
            }
            ops.push(Op::RestoreGraphicsState);
        }
        pdf_pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    doc.with_pages(pdf_pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    let err = |what: &str, e: &dyn std::fmt::Display| PdfError::Write(format!("{what}: {e}"));

    // printpdf has no setting for the catalog's /Lang nor for a fixed trailer /ID (it draws a
    // fresh random one per save), so both are set here on the lopdf document it hands back.
    // lopdf's `From<String>` makes a name, not a string, so the strings are made from the one
    // text string printpdf writes for us: the Info dictionary's (empty) /Identifier.
    let info_id = lo
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .map_err(|e| err("Info", &e))?;
    let info = lo
        .get_dictionary_mut(info_id)
        .map_err(|e| err("Info", &e))?;
    let template = info
        .get(b"Identifier")
        .map_err(|e| err("Identifier", &e))?
        .clone();
    // Drop what printpdf fills with empty values (an empty /GTS_PDFXVersion claims nothing).
    for key in [
        &b"Identifier"[..],
        b"GTS_PDFXVersion",
        b"Subject",
        b"Keywords",
    ] {
        if info
            .get(key)
            .ok()
            .and_then(|o| o.as_str().ok())
            .is_some_and(<[u8]>::is_empty)
        {
            info.remove(key);
        }
    }
    let mut lang = template.clone();
    *lang.as_str_mut().map_err(|e| err("Lang", &e))? = letter.lang.code().as_bytes().to_vec();
    lo.catalog_mut()
        .map_err(|e| err("Catalog", &e))?
        .set("Lang", lang);

    let digest = format!("{letter:?}");
    let id_hex = format!(
        "{:016x}{:016x}",
        fnv(digest.bytes(), 1),
        fnv(digest.bytes(), 2)
    );
    let mut id = template;
    *id.as_str_mut().map_err(|e| err("ID", &e))? = id_hex.into_bytes();
    lo.trailer.set("ID", vec![id.clone(), id]);
    lo.version = "1.4".to_string();

    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| err("save", &e))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct B {
        gap: f32,
        height: f32,
        keep: bool,
    }
    impl Fit for B {
        fn gap(&self) -> f32 {
            self.gap
        }
        fn height(&self) -> f32 {
            self.height
        }
        fn keep_with_prev(&self) -> bool {
            self.keep
        }
    }
    fn line(keep: bool) -> B {
        B {
            gap: 0.0,
            height: 10.0,
            keep,
        }
    }

    #[test]
    fn everything_fits_on_one_page() {
        let lines: Vec<B> = (0..5).map(|i| line(i > 0)).collect();
        assert_eq!(paginate(&lines, 100.0), vec![0..5]);
    }

    #[test]
    fn empty_flow_is_one_page() {
        assert_eq!(paginate::<B>(&[], 100.0), vec![0..0]);
    }

    #[test]
    fn a_break_goes_before_the_last_allowed_line() {
        // 10 lines of 10 on pages of 55: lines 3 and 5 may start a page.
        let lines: Vec<B> = (0..10).map(|i| line(!(i == 3 || i == 5))).collect();
        assert_eq!(paginate(&lines, 55.0), vec![0..5, 5..10]);
    }

    #[test]
    fn an_unbreakable_unit_taller_than_a_page_is_broken_where_full() {
        let lines: Vec<B> = (0..12).map(|i| line(i > 0)).collect();
        assert_eq!(paginate(&lines, 50.0), vec![0..5, 5..10, 10..12]);
    }

    #[test]
    fn gaps_are_dropped_at_the_top_of_later_pages_only() {
        let lines = vec![
            B {
                gap: 20.0,
                height: 10.0,
                keep: false,
            },
            B {
                gap: 20.0,
                height: 10.0,
                keep: false,
            },
            B {
                gap: 20.0,
                height: 10.0,
                keep: false,
            },
        ];
        // Page 1: 30 + 30 = 60 ≤ 65; line 2 would need 90. Page 2 starts with line 2, no gap.
        assert_eq!(paginate(&lines, 65.0), vec![0..2, 2..3]);
    }

    #[test]
    fn a_first_line_that_cannot_fit_on_page_one_goes_to_page_two() {
        let lines = vec![B {
            gap: 90.0,
            height: 20.0,
            keep: false,
        }];
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
            let measured = ctx.width(Style::Regular, BODY_SIZE, &l.text);
            assert!((measured - l.width).abs() < 0.01);
        }
        // Nothing lost: the words come back in order.
        let joined = lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
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
}
