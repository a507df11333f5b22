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
//! few tens of kilobytes. The output is deterministic: the same [`Letter`] gives the same bytes.//!
//! The layout is two-stage: the letter becomes a flat list of `FlowLine`s (each with the
//! space above it, its height and whether a page break before it is forbidden), `paginate`
//! splits that list into pages, and the pages become printpdf operations. One file a stage:
//!
//! - `geometry`: the page's measurements (margins, envelope window, sizes, gaps);
//! - `fonts`: the embedded faces and their metrics;
//! - `measure`: what each character becomes, and the per-render measuring state;
//! - `wrap`: breaking a text into lines by glyph advances;
//! - `flow`: the whole letter as a list of lines with their keep-together rules;
//! - `paginate`: the flow split into pages;
//! - `place`: each page's lines at absolute positions, with header and page numbers;
//! - `writer`: the PDF file itself.

pub mod archive;
mod flow;
mod fonts;
mod geometry;
mod measure;
mod paginate;
mod place;
pub mod stamp;
mod structure;
mod tagging;
mod wrap;
mod writer;

#[cfg(test)]
mod tests;

use crate::domain::letter::Letter;

use flow::build_flow;
use fonts::FACES;
use geometry::BODY_HEIGHT;
use measure::Ctx;
use paginate::paginate;
use place::place;
use writer::write_pdf;

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
