//! The envelope: the letter's PDF followed by its attachments, as one PDF file.
//!
//! - A PDF attachment's pages go in as they are (their content, fonts and images are moved over
//!   untouched; only the page tree they hang in changes).
//! - A JPEG becomes one A4 page with the file's own DCT stream as the image (not decoded, not
//!   re-encoded: a 2 MB scan stays about 2 MB); its EXIF orientation is applied with the page's
//!   transformation matrix, so a phone photo stands the right way up.
//! - A PNG is decoded and stored losslessly (Flate, with its transparency as a soft mask), on one
//!   A4 page.
//!
//! Images are scaled to fit the page inside a margin, on a portrait page, or a landscape one
//! when the picture is wider than tall.
//!
//! This module only turns bytes into bytes; reading the files, and the words for what went wrong,
//! belong to the export ([`crate::export`]). [`prepare`] does all the checking, so a file that
//! prepares cleanly always bundles.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::domain::letter::Lang;
use crate::render::template;

mod marks;
use marks::stamp_pages;

/// What a file is, by its first bytes (never by its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Jpeg,
    Png,
}

impl Kind {
    /// "PDF", "JPEG", "PNG".
    pub fn label(self) -> &'static str {
        match self {
            Kind::Pdf => "PDF",
            Kind::Jpeg => "JPEG",
            Kind::Png => "PNG",
        }
    }
}

/// The kind of a file, from its content; `None` for anything else.
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        // The header may follow some junk; readers look in the first kilobyte.
        Some(Kind::Pdf)
    } else {
        None
    }
}

/// Why a file cannot go into the envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartError {
    /// Not a PDF, JPEG or PNG.
    UnknownKind,
    /// A PDF, JPEG or PNG that cannot be read (the detail is for developers, not shown).
    Damaged(String),
    /// A PDF with a password or encryption.
    Encrypted,
    /// A picture with more pixels than [`MAX_PIXELS`] (its header says so; it is not decoded).
    TooManyPixels { megapixels: u64 },
}

/// A checked attachment, ready to go in.
pub struct Part {
    pub kind: Kind,
    /// Pages it adds.
    pub pages: usize,
    inner: Inner,
    /// Its number in the letter's list of attachments and its title (see [`Part::labelled`]).
    label: Option<(usize, String)>,
}

impl Part {
    /// Names the attachment as the letter lists it: `number` (from 1) and `title`. The envelope
    /// uses them for the bookmark, the page labels and the stamp on each page ("Vedlegg 2:
    /// Legeerklæring – side 1 av 3"). Without, a part is numbered by its place among the files.
    pub fn labelled(mut self, number: usize, title: &str) -> Part {
        self.label = Some((number, title.to_string()));
        self
    }
}

enum Inner {
    Pdf(Box<Document>),
    Image(Box<ImagePage>),
}

impl std::fmt::Debug for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("kind", &self.kind)
            .field("pages", &self.pages)
            .finish()
    }
}

/// An image and how it is drawn.
struct ImagePage {
    image: Stream,
    smask: Option<Stream>,
    /// Stored size in pixels.
    width: u32,
    height: u32,
    /// EXIF orientation, 1–8.
    orientation: u8,
    /// Its colours are ones the sRGB output intent covers (grey or RGB, not CMYK).
    archival: bool,
}

/// Check a file and get it ready for [`bundle`]: everything that can go wrong with an
/// attachment goes wrong here.
pub fn prepare(bytes: Vec<u8>) -> Result<Part, PartError> {
    match sniff(&bytes) {
        None => Err(PartError::UnknownKind),
        Some(Kind::Pdf) => prepare_pdf(&bytes),
        Some(Kind::Jpeg) => Ok(Part {
            kind: Kind::Jpeg,
            pages: 1,
            inner: Inner::Image(Box::new(jpeg_page(bytes)?)),
            label: None,
        }),
        Some(Kind::Png) => Ok(Part {
            kind: Kind::Png,
            pages: 1,
            inner: Inner::Image(Box::new(png_page(&bytes)?)),
            label: None,
        }),
    }
}

/// The largest a single stream of an attached PDF may inflate to while it is read.
const MAX_INFLATED: usize = 256 * 1024 * 1024;

fn prepare_pdf(bytes: &[u8]) -> Result<Part, PartError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_INFLATED),
        ..Default::default()
    };
    let mut doc = match Document::load_mem_with_options(bytes, options) {
        Ok(d) => d,
        Err(lopdf::Error::Decryption(_)) | Err(lopdf::Error::InvalidPassword) => {
            return Err(PartError::Encrypted);
        }
        Err(e) => return Err(PartError::Damaged(e.to_string())),
    };
    if doc.is_encrypted() || doc.was_encrypted() {
        return Err(PartError::Encrypted);
    }
    drop_dangling_references(&mut doc);
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    if pages.is_empty() {
        return Err(PartError::Damaged("no pages".into()));
    }
    // Every page must have what a page needs, or the envelope would be damaged in turn.
    for &id in &pages {
        let page = doc
            .get_dictionary(id)
            .map_err(|e| PartError::Damaged(e.to_string()))?;
        if inherited(&doc, page, b"MediaBox").is_none() {
            return Err(PartError::Damaged("a page without a MediaBox".into()));
        }
    }
    Ok(Part {
        kind: Kind::Pdf,
        pages: pages.len(),
        inner: Inner::Pdf(Box::new(doc)),
        label: None,
    })
}

/// Make every reference to an object the file does not have a null, as a reader treats it.
/// Left as they are, such references would point at other objects once the file's objects are
/// renumbered into the letter's (found by the `envelope` fuzz target: a page tree whose missing
/// kid became one of the file's other pages, so the envelope got a page the check had not
/// counted).
fn drop_dangling_references(doc: &mut Document) {
    fn fix(o: &mut Object, ids: &std::collections::BTreeSet<ObjectId>) {
        match o {
            Object::Reference(id) if !ids.contains(id) => *o = Object::Null,
            Object::Array(a) => a.iter_mut().for_each(|v| fix(v, ids)),
            Object::Dictionary(d) => d.iter_mut().for_each(|(_, v)| fix(v, ids)),
            Object::Stream(s) => s.dict.iter_mut().for_each(|(_, v)| fix(v, ids)),
            _ => {}
        }
    }
    let ids = doc.objects.keys().copied().collect();
    for o in doc.objects.values_mut() {
        fix(o, &ids);
    }
    doc.trailer.iter_mut().for_each(|(_, v)| fix(v, &ids));
}

/// A page attribute, from the page or the nearest node above it that has it.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// The letter's PDF, then every part's pages in order, as one PDF: with a bookmark for the
/// letter and one for each attachment, page labels ("1", "2", then "Vedlegg 2, side 1", …),
/// and each attached page stamped in its margin ("Vedlegg 2: Legeerklæring – side 1 av 3").
/// The letter keeps its tags; a picture's page is tagged as a figure named by its label. The
/// envelope keeps the letter's PDF/A claim only when every part is a picture whose colours the
/// output intent covers; an attached PDF (whose fonts, colours and tags nobody checked here)
/// takes the claim away.
pub fn bundle(letter_pdf: &[u8], parts: Vec<Part>) -> Result<Vec<u8>, String> {
    if parts.is_empty() {
        return Ok(letter_pdf.to_vec());
    }
    let mut doc = Document::load_mem(letter_pdf).map_err(|e| format!("letter: {e}"))?;
    let lang = match doc
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(Object::as_str)
    {
        Ok(b"nn") => Lang::Nn,
        _ => Lang::Nb,
    };
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| format!("letter pages: {e}"))?;
    let letter_pages: Vec<ObjectId> = doc.page_iter().collect();
    let mut archival = true;
    // Per attachment: bookmark, first page, page-label prefix. Per attached page: the page,
    // its stamp, and whether it is a picture's page (which we laid out ourselves).
    let mut sections: Vec<(String, ObjectId, String, usize)> = Vec::new();
    let mut stamped: Vec<(ObjectId, String, bool)> = Vec::new();
    let mut kids: Vec<Object> = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        let (n, title) = part.label.unwrap_or((i + 1, String::new()));
        let start = kids.len();
        let image = matches!(part.inner, Inner::Image(_));
        match part.inner {
            Inner::Pdf(other) => {
                archival = false;
                append_pdf(&mut doc, *other, root, &mut kids)?;
            }
            Inner::Image(img) => {
                archival &= img.archival;
                kids.push(Object::Reference(image_page(&mut doc, *img, root)));
            }
        }
        let count = kids.len() - start;
        let ids: Vec<ObjectId> = kids[start..]
            .iter()
            .filter_map(|o| o.as_reference().ok())
            .collect();
        let (mark, _, prefix) = template::attachment_words(lang, n, &title, 1, count);
        if let Some(&first) = ids.first() {
            sections.push((mark, first, prefix, letter_pages.len() + start));
        }
        for (k, id) in ids.into_iter().enumerate() {
            let (_, stamp, _) = template::attachment_words(lang, n, &title, k + 1, count);
            stamped.push((id, stamp, image));
        }
    }
    let n = kids.len() as i64;
    let tree = doc
        .get_dictionary_mut(root)
        .map_err(|e| format!("letter pages: {e}"))?;
    let count = tree.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    match tree.get_mut(b"Kids").and_then(Object::as_array_mut) {
        Ok(k) => k.extend(kids),
        Err(_) => tree.set("Kids", kids),
    }
    tree.set("Count", count + n);

    stamp_pages(&mut doc, &stamped)?;
    marks::outline(&mut doc, &letter_pages, &sections);
    marks::page_labels(&mut doc, &sections);
    marks::tag_figures(&mut doc, &stamped);
    if !archival {
        marks::drop_pdfa_claim(&mut doc);
    }

    // What the attached files' own catalogues, page trees and info held is no longer reachable.
    doc.prune_objects();
    let mut out = Vec::with_capacity(letter_pdf.len());
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(6)
        .build();
    doc.save_with_options(&mut out, options)
        .map_err(|e| format!("save: {e}"))?;
    Ok(out)
}

/// Move every object of `other` into `doc`, and hang its pages under `root`.
fn append_pdf(
    doc: &mut Document,
    mut other: Document,
    root: ObjectId,
    kids: &mut Vec<Object>,
) -> Result<(), String> {
    // Pages take what they inherit with them: their new parent has none of it.
    let pages: Vec<ObjectId> = other.page_iter().collect();
    for &id in &pages {
        let page = other.get_dictionary(id).map_err(|e| e.to_string())?;
        let copies: Vec<(&[u8], Object)> = [&b"Resources"[..], b"MediaBox", b"CropBox", b"Rotate"]
            .into_iter()
            .filter(|k| page.get(k).is_err())
            .filter_map(|k| inherited(&other, page, k).map(|v| (k, v.clone())))
            .collect();
        let page = other.get_dictionary_mut(id).map_err(|e| e.to_string())?;
        for (k, v) in copies {
            page.set(k, v);
        }
    }
    if other.version > doc.version {
        doc.version = other.version.clone();
    }
    other.renumber_objects_with(doc.max_id + 1);
    let pages: Vec<ObjectId> = other.page_iter().collect();
    doc.max_id = doc.max_id.max(other.max_id);
    for (id, obj) in std::mem::take(&mut other.objects) {
        doc.objects.insert(id, obj);
    }
    for id in pages {
        let page = doc.get_dictionary_mut(id).map_err(|e| e.to_string())?;
        page.set("Parent", Object::Reference(root));
        kids.push(Object::Reference(id));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Image pages

const MM: f32 = 72.0 / 25.4;
const A4_SHORT: f32 = 210.0 * MM;
const A4_LONG: f32 = 297.0 * MM;
const IMAGE_MARGIN: f32 = 15.0 * MM;

/// The image on an A4 page of its own.
fn image_page(doc: &mut Document, img: ImagePage, root: ObjectId) -> ObjectId {
    let (w, h) = (img.width as f32, img.height as f32);
    let turned = img.orientation >= 5;
    let (dw0, dh0) = if turned { (h, w) } else { (w, h) };
    let (pw, ph) = if dw0 > dh0 {
        (A4_LONG, A4_SHORT)
    } else {
        (A4_SHORT, A4_LONG)
    };
    let scale = ((pw - 2.0 * IMAGE_MARGIN) / dw0).min((ph - 2.0 * IMAGE_MARGIN) / dh0);
    let (dw, dh) = (dw0 * scale, dh0 * scale);
    let (x, y) = ((pw - dw) / 2.0, (ph - dh) / 2.0);
    let m = orientation_matrix(img.orientation, dw, dh, x, y);
    let mut image = img.image;
    let masked = img.smask.is_some();
    if let Some(mask) = img.smask {
        let mask_id = doc.add_object(mask);
        image.dict.set("SMask", Object::Reference(mask_id));
    }
    let image_id = doc.add_object(image);
    // The picture is the page's one figure (marks::tag_figures gives it its element).
    let content = format!(
        "/Figure <</MCID 0>> BDC q {} {} {} {} {} {} cm /Im1 Do Q EMC",
        num(m[0]),
        num(m[1]),
        num(m[2]),
        num(m[3]),
        num(m[4]),
        num(m[5])
    );
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
    let mut xobjects = Dictionary::new();
    xobjects.set("Im1", Object::Reference(image_id));
    let mut resources = Dictionary::new();
    resources.set("XObject", Object::Dictionary(xobjects));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(root));
    page.set(
        "MediaBox",
        Object::Array(vec![0.into(), 0.into(), Object::Real(pw), Object::Real(ph)]),
    );
    page.set("Resources", Object::Dictionary(resources));
    page.set("Contents", Object::Reference(content_id));
    if masked {
        // A picture with transparency: its page is a transparency group in RGB.
        let mut group = Dictionary::new();
        group.set("Type", Object::Name(b"Group".to_vec()));
        group.set("S", Object::Name(b"Transparency".to_vec()));
        group.set("CS", Object::Name(b"DeviceRGB".to_vec()));
        page.set("Group", Object::Dictionary(group));
    }
    doc.add_object(page)
}

/// A number as a PDF content stream writes it: at most three decimals, no exponent.
fn num(v: f32) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// The `cm` matrix that draws the image's unit square upright into the box (x, y, dw, dh) of
/// the page, for each EXIF orientation (1 as stored; 2 mirrored; 3 turned half round; 4 upside
/// down mirrored; 5–8 the transposed ones: 6 must be turned a quarter clockwise to stand, 8 a
/// quarter anticlockwise). `dw`×`dh` is the size as shown, after turning.
pub fn orientation_matrix(orientation: u8, dw: f32, dh: f32, x: f32, y: f32) -> [f32; 6] {
    match orientation {
        2 => [-dw, 0.0, 0.0, dh, x + dw, y],
        3 => [-dw, 0.0, 0.0, -dh, x + dw, y + dh],
        4 => [dw, 0.0, 0.0, -dh, x, y + dh],
        5 => [0.0, -dh, -dw, 0.0, x + dw, y + dh],
        6 => [0.0, -dh, dw, 0.0, x, y + dh],
        7 => [0.0, dh, dw, 0.0, x, y],
        8 => [0.0, dh, -dw, 0.0, x + dw, y],
        _ => [dw, 0.0, 0.0, dh, x, y],
    }
}

// ---------------------------------------------------------------------------------------------
// JPEG: read the header, keep the bytes

/// What the JPEG header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JpegInfo {
    pub width: u32,
    pub height: u32,
    pub components: u8,
    /// EXIF orientation (1 when absent or unknown).
    pub orientation: u8,
    /// An Adobe APP14 segment (its CMYK is stored inverted).
    pub adobe: bool,
}

/// Read the markers up to the first scan: size, components, EXIF orientation.
pub fn jpeg_info(b: &[u8]) -> Result<JpegInfo, PartError> {
    let bad = |s: &str| PartError::Damaged(format!("JPEG: {s}"));
    if !b.starts_with(&[0xFF, 0xD8]) {
        return Err(bad("no start marker"));
    }
    let mut i = 2;
    let mut frame: Option<(u32, u32, u8)> = None;
    let mut orientation = 1;
    let mut adobe = false;
    loop {
        // Fill bytes (0xFF) may precede a marker.
        while b.get(i) == Some(&0xFF) && b.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if b.get(i) != Some(&0xFF) {
            return Err(bad("marker expected"));
        }
        let marker = *b.get(i + 1).ok_or_else(|| bad("cut short"))?;
        i += 2;
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        if marker == 0xD9 {
            return Err(bad("no image data"));
        }
        let len = usize::from(u16::from_be_bytes([
            *b.get(i).ok_or_else(|| bad("cut short"))?,
            *b.get(i + 1).ok_or_else(|| bad("cut short"))?,
        ]));
        if len < 2 || i + len > b.len() {
            return Err(bad("segment runs past the end"));
        }
        let seg = &b[i + 2..i + len];
        match marker {
            // Baseline, extended and progressive Huffman frames: what PDF's DCTDecode reads.
            0xC0..=0xC2 => {
                if seg.len() < 6 {
                    return Err(bad("short frame header"));
                }
                if seg[0] != 8 {
                    return Err(bad("not 8 bits per sample"));
                }
                let h = u32::from(u16::from_be_bytes([seg[1], seg[2]]));
                let w = u32::from(u16::from_be_bytes([seg[3], seg[4]]));
                frame = Some((w, h, seg[5]));
            }
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err(bad("lossless or arithmetic coding"));
            }
            0xE1 if seg.starts_with(b"Exif\0\0") => {
                orientation = exif_orientation(&seg[6..]).unwrap_or(1);
            }
            0xEE if seg.starts_with(b"Adobe") => adobe = true,
            0xDA => break,
            _ => {}
        }
        i += len;
    }
    let (width, height, components) = frame.ok_or_else(|| bad("no frame header"))?;
    if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
        return Err(bad("size or colours"));
    }
    Ok(JpegInfo {
        width,
        height,
        components,
        orientation,
        adobe,
    })
}

/// The Orientation tag (0x0112) of IFD0 in an EXIF (TIFF) block.
pub fn exif_orientation(tiff: &[u8]) -> Option<u8> {
    let le = match tiff.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |o: usize| -> Option<u16> {
        let b = tiff.get(o..o + 2)?;
        Some(if le {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |o: usize| -> Option<u32> {
        let b = tiff.get(o..o + 4)?;
        Some(if le {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        } else {
            u32::from_be_bytes([b[0], b[1], b[2], b[3]])
        })
    };
    if u16_at(2)? != 42 {
        return None;
    }
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count.min(512)).find_map(|n| {
        let e = ifd + 2 + 12 * n;
        (u16_at(e)? == 0x0112 && u16_at(e + 2)? == 3)
            .then(|| u16_at(e + 8))
            .flatten()
            .and_then(|v| u8::try_from(v).ok())
            .filter(|v| (1..=8).contains(v))
    })
}

fn jpeg_page(bytes: Vec<u8>) -> Result<ImagePage, PartError> {
    let info = jpeg_info(&bytes)?;
    let mut dict = image_dict(info.width, info.height);
    let space = match info.components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        _ => "DeviceCMYK",
    };
    dict.set("ColorSpace", Object::Name(space.as_bytes().to_vec()));
    dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
    if info.components == 4 && info.adobe {
        dict.set(
            "Decode",
            Object::Array([1, 0, 1, 0, 1, 0, 1, 0].map(Object::Integer).to_vec()),
        );
    }
    // The file's bytes are the stream, as they are.
    let image = Stream::new(dict, bytes).with_compression(false);
    Ok(ImagePage {
        image,
        smask: None,
        width: info.width,
        height: info.height,
        orientation: info.orientation,
        archival: info.components != 4,
    })
}

fn image_dict(width: u32, height: u32) -> Dictionary {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Image".to_vec()));
    dict.set("Width", Object::Integer(i64::from(width)));
    dict.set("Height", Object::Integer(i64::from(height)));
    dict.set("BitsPerComponent", Object::Integer(8));
    dict
}

// ---------------------------------------------------------------------------------------------
// PNG: decode, store losslessly

/// The most a PNG may decode to (about 16,000 × 16,000 grey pixels).
const MAX_PNG_DECODED: usize = 256 * 1024 * 1024;

/// The most pixels a PNG may have: 50 million, more than an A4 page scanned at 600 dpi (35
/// million) or a phone's photo. Checked from the header, before anything is decoded: a file of
/// a few bytes can claim a picture that would take gigabytes (found by the `envelope` fuzz target).
pub const MAX_PIXELS: u64 = 50_000_000;

fn png_page(bytes: &[u8]) -> Result<ImagePage, PartError> {
    let bad = |e: &dyn std::fmt::Display| PartError::Damaged(format!("PNG: {e}"));
    let mut decoder = png::Decoder::new_with_limits(
        std::io::Cursor::new(bytes),
        png::Limits {
            bytes: MAX_PNG_DECODED,
        },
    );
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    // The size, from the header (IHDR is always the first chunk), before the decoder sees it.
    if let Some(ihdr) = bytes.get(8..24).filter(|h| &h[4..8] == b"IHDR") {
        let dim = |b: &[u8]| u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
        let pixels = dim(&ihdr[8..12]) * dim(&ihdr[12..16]);
        if pixels > MAX_PIXELS {
            return Err(PartError::TooManyPixels {
                megapixels: pixels.div_ceil(1_000_000),
            });
        }
    }
    let mut reader = decoder.read_info().map_err(|e| bad(&e))?;
    let orientation = reader
        .info()
        .exif_metadata
        .as_deref()
        .and_then(exif_orientation)
        .unwrap_or(1);
    let size = reader
        .output_buffer_size()
        .filter(|&s| s <= MAX_PNG_DECODED)
        .ok_or_else(|| bad(&"too large"))?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(|e| bad(&e))?;
    buf.truncate(frame.buffer_size());
    let (colours, alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => return Err(bad(&"palette not expanded")),
    };
    let (pixels, mask) = if alpha {
        let step = colours + 1;
        let mut pixels = Vec::with_capacity(buf.len() / step * colours);
        let mut mask = Vec::with_capacity(buf.len() / step);
        for px in buf.chunks_exact(step) {
            pixels.extend_from_slice(&px[..colours]);
            mask.push(px[colours]);
        }
        // A fully opaque mask is left out.
        let mask = (!mask.iter().all(|&a| a == 255)).then_some(mask);
        (pixels, mask)
    } else {
        (buf, None)
    };
    let flate = |data: &[u8]| -> Result<Vec<u8>, PartError> {
        use std::io::Write;
        let mut e = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(data.len() / 4),
            flate2::Compression::fast(),
        );
        e.write_all(data).map_err(|e| bad(&e))?;
        e.finish().map_err(|e| bad(&e))
    };
    let stream = |data: Vec<u8>, space: &str| {
        let mut dict = image_dict(frame.width, frame.height);
        dict.set("ColorSpace", Object::Name(space.as_bytes().to_vec()));
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        Stream::new(dict, data).with_compression(false)
    };
    let space = if colours == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    let image = stream(flate(&pixels)?, space);
    let smask = match mask {
        Some(m) => Some(stream(flate(&m)?, "DeviceGray")),
        None => None,
    };
    Ok(ImagePage {
        image,
        smask,
        width: frame.width,
        height: frame.height,
        orientation,
        archival: true,
    })
}

#[cfg(test)]
mod tests;
