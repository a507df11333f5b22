//! Stamps: the small labels the envelope puts in the margin of each attached page ("Vedlegg 2:
//! Legeerklæring – side 1 av 3"). They are drawn here, with the letter's embedded (subset)
//! font, each on a page of its own just as large as the label; the envelope turns those pages
//! into form XObjects and draws them onto the attached pages. Each label is an artifact
//! (pagination), so a reader that follows the tags does not read it as the attachment's text.

use printpdf::{
    Color, DictItem, Greyscale, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, Pt, TextItem,
    TextMatrix,
};

use super::PdfError;
use super::fonts::{FACES, Style};
use super::geometry::MM;
use super::measure::Ctx;
use super::writer::register_fonts;

/// Type size of a stamp: small, but readable on paper (the page numbers are 9 pt).
pub const STAMP_SIZE: f32 = 8.0;
/// Space around the text inside a stamp's box.
const PAD: f32 = 1.0 * MM;

/// The drawn stamps: a document with one page per label, in order, and each page's size in
/// points (width, height).
pub struct Stamps {
    pub doc: lopdf::Document,
    pub sizes: Vec<(f32, f32)>,
}

/// Draws each of `labels` on a page of its own.
pub fn stamps(labels: &[String]) -> Result<Stamps, PdfError> {
    let faces = FACES.as_ref().map_err(|e| PdfError::Font(e.clone()))?;
    let mut ctx = Ctx::new(faces);
    let runs: Vec<_> = labels
        .iter()
        .map(|l| ctx.run(Style::Regular, STAMP_SIZE, l))
        .collect();
    for run in &runs {
        ctx.used[Style::Regular as usize].extend(run.text.chars());
    }
    let mut doc = PdfDocument::new("");
    let ids = register_fonts(&mut doc, &ctx);
    let height = STAMP_SIZE * 1.25 + 2.0 * PAD;
    let baseline = height - PAD - faces.regular.baseline(STAMP_SIZE, STAMP_SIZE * 1.25);
    let mut sizes = Vec::with_capacity(runs.len());
    let mut pages = Vec::with_capacity(runs.len());
    for run in runs {
        let width = run.width + 2.0 * PAD;
        sizes.push((width, height));
        let mut ops = vec![Op::BeginMarkedContentWithProperties {
            tag: "Artifact".to_string(),
            properties: DictItem::Dict {
                map: [
                    ("Type".to_string(), DictItem::Name(b"Pagination".to_vec())),
                    ("Subtype".to_string(), DictItem::Name(b"Footer".to_vec())),
                ]
                .into(),
            },
        }];
        if let Some(id) = &ids[Style::Regular as usize] {
            ops.extend([
                Op::StartTextSection,
                Op::SetFillColor {
                    col: Color::Greyscale(Greyscale {
                        percent: 0.2,
                        icc_profile: None,
                    }),
                },
                Op::SetFont {
                    font: PdfFontHandle::External(id.clone()),
                    size: Pt(STAMP_SIZE),
                },
                Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(PAD), Pt(baseline)),
                },
                Op::ShowText {
                    items: vec![TextItem::Text(run.text)],
                },
                Op::EndTextSection,
            ]);
        }
        ops.push(Op::EndMarkedContent);
        pages.push(PdfPage::new(Mm(width / MM), Mm(height / MM), ops));
    }
    doc.with_pages(pages);
    let opts = super::writer::save_options();
    let mut warnings = Vec::new();
    let doc = doc.to_lopdf_document(&opts, &mut warnings);
    Ok(Stamps { doc, sizes })
}
