//! The writer: turns placed pages into a PDF file with printpdf and lopdf (subset fonts with
//! stable tags, metadata, /Lang and a fixed /ID, so the same letter gives the same bytes).

use std::collections::BTreeSet;

use printpdf::{
    Color, Date, DateTime, DictItem, FontId, Greyscale, Line, LinePoint, Mm, Offset, Op,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
    Time,
};

use crate::domain::letter::Letter;

use super::PdfError;
use super::fonts::Style;
use super::measure::Ctx;
use super::place::PlacedPage;
use super::structure::Mark;
use super::tagging::{self, Marked};

/// FNV-1a, for stable names and ids (std's hasher is not promised to be stable).
pub(super) fn fnv(bytes: impl IntoIterator<Item = u8>, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The six-capital subset tag of a face (ISO 32000-1 9.6.4), from the characters drawn with it:
/// the same letter always gives the same tag. printpdf takes the tag from the font id.
pub(super) fn subset_tag(style: Style, used: &BTreeSet<char>) -> String {
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

pub(super) fn pdf_date(date: chrono::NaiveDate) -> DateTime {
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

/// Adds the faces drawn with (subset to the characters in `ctx.used`) to `doc`. Font ids are
/// the subset tags, so no random names end up in the file.
pub(super) fn register_fonts(doc: &mut PdfDocument, ctx: &Ctx) -> [Option<FontId>; 2] {
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

    ids
}

pub(super) fn write_pdf(
    ctx: &Ctx,
    letter: &Letter,
    pages: &[PlacedPage],
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&letter.heading);
    let info = &mut doc.metadata.info;
    info.author = letter.author().to_string();
    info.creator = "omsorgsklage".to_string();
    info.producer = "omsorgsklage (printpdf 0.12)".to_string();
    info.creation_date = pdf_date(letter.date);
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;

    let ids = register_fonts(&mut doc, ctx);

    let grey = |v: f32| {
        Color::Greyscale(Greyscale {
            percent: v,
            icc_profile: None,
        })
    };
    let tree = &ctx.tree;
    let mut marked = Marked::new(tree.nodes.len(), pages.len());
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for (n, page) in pages.iter().enumerate() {
        let mut ops = Vec::with_capacity(page.texts.len() * 4 + 8);
        if !page.texts.is_empty() {
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor { col: grey(0.0) });
            let mut current: Option<(Style, f32)> = None;
            // Every text is inside a marked-content sequence: its structure element's (one
            // sequence for the consecutive texts of one element), or an artifact's.
            let mut open: Option<Mark> = None;
            for placed in &page.texts {
                let (x, y, style, size, text) = (
                    &placed.x,
                    &placed.y,
                    &placed.style,
                    &placed.size,
                    &placed.text,
                );
                let Some(id) = &ids[*style as usize] else {
                    continue;
                };
                if open != Some(placed.mark) {
                    if open.is_some() {
                        ops.push(Op::EndMarkedContent);
                    }
                    ops.push(match placed.mark {
                        Mark::Node(node) => {
                            let mcid = marked.add(n, node);
                            Op::BeginMarkedContentWithProperties {
                                tag: tree.nodes[node].role.name().to_string(),
                                properties: mcid_dict(mcid),
                            }
                        }
                        Mark::Header => artifact("Header"),
                        Mark::Footer => artifact("Footer"),
                    });
                    open = Some(placed.mark);
                }
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
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            ops.push(Op::EndTextSection);
        }
        if !page.rules.is_empty() {
            // The signature rules are part of the page's layout, not of its content.
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Artifact".to_string(),
                properties: DictItem::Dict {
                    map: [("Type".to_string(), DictItem::Name(b"Layout".to_vec()))].into(),
                },
            });
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
            ops.push(Op::EndMarkedContent);
        }
        pdf_pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    doc.with_pages(pdf_pages);

    let opts = save_options();
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    let err = |what: &str, e: &dyn std::fmt::Display| PdfError::Write(format!("{what}: {e}"));

    // printpdf has no setting for the catalog's /Lang nor for a fixed trailer /ID (it draws a
    // fresh random one per save), so both are set here on the lopdf document it hands back.
    lo.catalog_mut()
        .map_err(|e| err("Catalog", &e))?
        .set("Lang", lopdf::Object::string_literal(letter.lang.code()));
    let digest = format!("{letter:?}");
    let id_hex = format!(
        "{:016x}{:016x}",
        fnv(digest.bytes(), 1),
        fnv(digest.bytes(), 2)
    );
    let id = lopdf::Object::string_literal(id_hex);
    lo.trailer.set("ID", vec![id.clone(), id]);
    // ISO 32000-1 (PDF 1.7) is what PDF/A-2 builds on.
    lo.version = "1.7".to_string();

    tagging::add_structure(&mut lo, tree, &marked).map_err(|e| err("structure", &e))?;
    super::archive::make_archival(&mut lo, letter).map_err(|e| err("PDF/A", &e))?;

    compress(&mut lo);
    let mut bytes = Vec::new();
    // Object streams and a cross-reference stream (PDF 1.5, allowed in PDF/A-2): the
    // structure tree's many small dictionaries are compressed together.
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(6)
        .build();
    lo.save_with_options(&mut bytes, options)
        .map_err(|e| err("save", &e))?;
    Ok(bytes)
}

/// The property list of a structure element's marked content: `<< /MCID n >>`.
fn mcid_dict(mcid: usize) -> DictItem {
    DictItem::Dict {
        map: [("MCID".to_string(), DictItem::Int(mcid as i64))].into(),
    }
}

/// An artifact of pagination: `/Artifact << /Type /Pagination /Subtype /Header >>`.
fn artifact(subtype: &str) -> Op {
    Op::BeginMarkedContentWithProperties {
        tag: "Artifact".to_string(),
        properties: DictItem::Dict {
            map: [
                ("Type".to_string(), DictItem::Name(b"Pagination".to_vec())),
                (
                    "Subtype".to_string(),
                    DictItem::Name(subtype.as_bytes().to_vec()),
                ),
            ]
            .into(),
        },
    }
}

/// Compress every stream that is not compressed yet, as lopdf's `Document::compress` does, but
/// at zlib's default level (6) instead of its best (9): for a two-page letter 1.4 ms instead of
/// 1.8 ms, for 45 bytes more in 33 KB (`cargo bench -- compress_streams`, docs/PERFORMANCE.md).
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(stream.content.len() / 2),
            flate2::Compression::default(),
        );
        // Writing into a Vec cannot fail; a stream that could not be compressed stays as it is.
        let Ok(compressed) = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
        else {
            continue;
        };
        // As lopdf: only when it saves more than the /Filter entry costs.
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// How printpdf writes every PDF of the program (the letter and the envelope's stamps): fonts
/// subset and embedded, objects optimised.
pub(super) fn save_options() -> PdfSaveOptions {
    PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    }
}
