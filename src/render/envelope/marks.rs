//! What the envelope adds around the pages: the stamp in each attached page's margin, the
//! bookmarks (outline), the page labels, the figure tags of picture pages, and the PDF/A claim
//! taken away when a part cannot meet it.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, decode_text_string, text_string};

use super::{IMAGE_MARGIN, MM, inherited, num};
use crate::render::pdf::stamp::stamps;

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// An affine matrix `[a b c d e f]` as PDF writes it: (u, v) → (a u + c v + e, b u + d v + f).
type Matrix = [f32; 6];

/// First `m`, then `n`.
fn then(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn invert(m: Matrix) -> Matrix {
    let det = m[0] * m[3] - m[1] * m[2];
    if det.abs() < f32::EPSILON {
        return [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    }
    let (a, b, c, d) = (m[3] / det, -m[1] / det, -m[2] / det, m[0] / det);
    [a, b, c, d, -(m[4] * a + m[5] * c), -(m[4] * b + m[5] * d)]
}

fn cm(m: Matrix) -> String {
    m.map(num).join(" ") + " cm"
}

/// Height of the strip kept free at the foot of an attached PDF page for its stamp.
pub(super) const STRIP: f32 = 12.0 * MM;

/// A page as it is shown: its width and height on screen, and the matrix from that upright
/// view (origin bottom left) to the page's own coordinates (its box and its /Rotate).
fn display(doc: &Document, page: &Dictionary) -> (f32, f32, Matrix) {
    let number = |o: &Object| {
        o.as_float()
            .ok()
            .or_else(|| o.as_i64().ok().map(|i| i as f32))
    };
    let rect = inherited(doc, page, b"CropBox")
        .or_else(|| inherited(doc, page, b"MediaBox"))
        .and_then(|o| o.as_array().ok())
        .and_then(|a| {
            let v: Vec<f32> = a.iter().filter_map(number).collect();
            (v.len() == 4).then(|| {
                (
                    v[0].min(v[2]),
                    v[1].min(v[3]),
                    v[0].max(v[2]),
                    v[1].max(v[3]),
                )
            })
        })
        .unwrap_or((0.0, 0.0, 595.0, 842.0));
    let (x0, y0, x1, y1) = rect;
    let (w, h) = (x1 - x0, y1 - y0);
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    match rotate {
        90 => (h, w, [0.0, 1.0, -1.0, 0.0, x1, y0]),
        180 => (w, h, [-1.0, 0.0, 0.0, -1.0, x1, y1]),
        270 => (h, w, [0.0, -1.0, 1.0, 0.0, x0, y1]),
        _ => (w, h, [1.0, 0.0, 0.0, 1.0, x0, y0]),
    }
}

/// Stamps each page of `stamped` (page, label, whether it is a picture's page we laid out) in
/// its bottom margin, right-aligned. A picture's page has a free margin of its own; an attached
/// PDF's page may use its whole area, so its content is scaled down a little (to keep a strip
/// of [`STRIP`] free at the foot, as shown) and the stamp goes into that strip: it never
/// covers anything.
pub(super) fn stamp_pages(
    doc: &mut Document,
    stamped: &[(ObjectId, String, bool)],
) -> Result<(), String> {
    let labels: Vec<String> = stamped.iter().map(|(_, l, _)| l.clone()).collect();
    let drawn = stamps(&labels).map_err(|e| e.to_string())?;
    let mut other = drawn.doc;
    other.renumber_objects_with(doc.max_id + 1);
    let stamp_pages: Vec<ObjectId> = other.page_iter().collect();
    doc.max_id = doc.max_id.max(other.max_id);
    for (id, obj) in std::mem::take(&mut other.objects) {
        doc.objects.insert(id, obj);
    }
    for (((page_id, _, image), stamp_page), &(sw, sh)) in
        stamped.iter().zip(&stamp_pages).zip(&drawn.sizes)
    {
        // The stamp's page becomes a form XObject with the same content and resources.
        let sp = doc.get_dictionary(*stamp_page).map_err(|e| e.to_string())?;
        let resources = sp
            .get(b"Resources")
            .cloned()
            .unwrap_or(Object::Dictionary(Dictionary::new()));
        let content = match sp.get(b"Contents") {
            Ok(Object::Reference(id)) => doc
                .get_object(*id)
                .and_then(Object::as_stream)
                .map(|s| {
                    s.decompressed_content()
                        .unwrap_or_else(|_| s.content.clone())
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut form = Dictionary::new();
        form.set("Type", name("XObject"));
        form.set("Subtype", name("Form"));
        form.set(
            "BBox",
            Object::Array(vec![0.into(), 0.into(), Object::Real(sw), Object::Real(sh)]),
        );
        form.set("Resources", resources);
        let mut stream = Stream::new(form, content);
        let _ = stream.compress();
        let form_id = doc.add_object(stream);

        let page = doc.get_dictionary(*page_id).map_err(|e| e.to_string())?;
        let (dw, dh, to_page) = display(doc, page);
        let (pre, at) = if *image {
            // Centred in the picture page's bottom margin, right-aligned with the picture area.
            (
                None,
                [
                    1.0,
                    0.0,
                    0.0,
                    1.0,
                    dw - IMAGE_MARGIN - sw,
                    (IMAGE_MARGIN - sh) / 2.0,
                ],
            )
        } else {
            let s = ((dh - STRIP) / dh).clamp(0.5, 1.0);
            let scale = [s, 0.0, 0.0, s, dw * (1.0 - s) / 2.0, dh - s * dh];
            let content = then(then(invert(to_page), scale), to_page);
            let right = (dw - 10.0 * MM - sw).max(2.0 * MM);
            (
                Some(content),
                [1.0, 0.0, 0.0, 1.0, right, ((dh - s * dh) - sh) / 2.0],
            )
        };
        let stamp_at = then(at, to_page);

        // The page's resources, as its own dictionary, with the stamp under a free name.
        let mut res = match page.get(b"Resources") {
            Ok(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => Dictionary::new(),
        };
        let mut xobjects = match res.get(b"XObject") {
            Ok(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => Dictionary::new(),
        };
        let mut key = "OkStamp".to_string();
        while xobjects.has(key.as_bytes()) {
            key.push('x');
        }
        xobjects.set(key.as_bytes().to_vec(), Object::Reference(form_id));
        res.set("XObject", Object::Dictionary(xobjects));

        let mut contents: Vec<Object> = match page.get(b"Contents") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o @ Object::Reference(_)) => vec![o.clone()],
            _ => Vec::new(),
        };
        // The page's own content runs in a saved graphics state (and, for a PDF page, scaled),
        // so whatever state it leaves does not reach the stamp.
        let head = match pre {
            Some(m) => format!("q {}\n", cm(m)),
            None => "q\n".to_string(),
        };
        let tail = format!("\nQ q {} /{key} Do Q\n", cm(stamp_at));
        let head_id = doc.add_object(Stream::new(Dictionary::new(), head.into_bytes()));
        let tail_id = doc.add_object(Stream::new(Dictionary::new(), tail.into_bytes()));
        contents.insert(0, Object::Reference(head_id));
        contents.push(Object::Reference(tail_id));
        let page = doc
            .get_dictionary_mut(*page_id)
            .map_err(|e| e.to_string())?;
        page.set("Resources", Object::Dictionary(res));
        page.set("Contents", Object::Array(contents));
        // An attached PDF's own tags are gone with its catalogue: its marked content refers
        // to nothing in this file's structure tree.
        page.remove(b"StructParents");
    }
    Ok(())
}

/// The bookmarks: the letter (by its title) on its first page, then each attachment.
pub(super) fn outline(
    doc: &mut Document,
    letter_pages: &[ObjectId],
    sections: &[(String, ObjectId, String, usize)],
) {
    let title = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .and_then(|info| info.get(b"Title"))
        .and_then(decode_text_string)
        .unwrap_or_default();
    let mut items: Vec<(String, ObjectId)> = Vec::new();
    if let Some(&first) = letter_pages.first() {
        items.push((title, first));
    }
    items.extend(
        sections
            .iter()
            .map(|(mark, page, _, _)| (mark.clone(), *page)),
    );
    let outlines_id = doc.new_object_id();
    let ids: Vec<ObjectId> = items.iter().map(|_| doc.new_object_id()).collect();
    for (i, (title, page)) in items.iter().enumerate() {
        let mut item = Dictionary::new();
        item.set("Title", text_string(title));
        item.set("Parent", Object::Reference(outlines_id));
        item.set(
            "Dest",
            Object::Array(vec![Object::Reference(*page), name("Fit")]),
        );
        if i > 0 {
            item.set("Prev", Object::Reference(ids[i - 1]));
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", Object::Reference(*next));
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", name("Outlines"));
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        outlines.set("First", Object::Reference(*first));
        outlines.set("Last", Object::Reference(*last));
    }
    outlines.set("Count", Object::Integer(ids.len() as i64));
    doc.objects
        .insert(outlines_id, Object::Dictionary(outlines));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", Object::Reference(outlines_id));
        catalog.set("PageMode", name("UseOutlines"));
    }
}

/// The page labels: the letter's pages "1", "2", …; each attachment's "Vedlegg 2, side 1", ….
pub(super) fn page_labels(doc: &mut Document, sections: &[(String, ObjectId, String, usize)]) {
    let mut decimal = Dictionary::new();
    decimal.set("S", name("D"));
    let mut nums = vec![Object::Integer(0), Object::Dictionary(decimal)];
    for (_, _, prefix, start) in sections {
        let mut label = Dictionary::new();
        label.set("S", name("D"));
        label.set("P", text_string(prefix));
        nums.push(Object::Integer(*start as i64));
        nums.push(Object::Dictionary(label));
    }
    let mut tree = Dictionary::new();
    tree.set("Nums", Object::Array(nums));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("PageLabels", Object::Dictionary(tree));
    }
}

/// A picture's page (its content is `/Figure <</MCID 0>> BDC … EMC`) gets a `Figure` element
/// under the letter's `Document` element, with its label as the alternate text, so a reader
/// that follows the tags reads "Vedlegg 2: Legeerklæring – side 1 av 1" for it.
pub(super) fn tag_figures(doc: &mut Document, stamped: &[(ObjectId, String, bool)]) {
    let Ok(root_id) = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(Object::as_reference)
    else {
        return;
    };
    let Ok(root) = doc.get_dictionary(root_id) else {
        return;
    };
    let Ok(document_id) = root.get(b"K").and_then(Object::as_reference) else {
        return;
    };
    let Ok(parent_tree_id) = root.get(b"ParentTree").and_then(Object::as_reference) else {
        return;
    };
    let mut next = root
        .get(b"ParentTreeNextKey")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    let mut figures = Vec::new();
    let mut nums = Vec::new();
    for (page, label, image) in stamped {
        if !*image {
            continue;
        }
        let mut figure = Dictionary::new();
        figure.set("Type", name("StructElem"));
        figure.set("S", name("Figure"));
        figure.set("P", Object::Reference(document_id));
        figure.set("Pg", Object::Reference(*page));
        figure.set("Alt", text_string(label));
        figure.set("K", Object::Integer(0));
        let id = doc.add_object(figure);
        figures.push(Object::Reference(id));
        nums.push(Object::Integer(next));
        nums.push(Object::Array(vec![Object::Reference(id)]));
        if let Ok(p) = doc.get_dictionary_mut(*page) {
            p.set("StructParents", Object::Integer(next));
            p.set("Tabs", name("S"));
        }
        next += 1;
    }
    if figures.is_empty() {
        return;
    }
    if let Ok(d) = doc.get_dictionary_mut(document_id) {
        let mut k = match d.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        k.extend(figures);
        d.set("K", Object::Array(k));
    }
    if let Ok(t) = doc.get_dictionary_mut(parent_tree_id)
        && let Ok(Object::Array(a)) = t.get_mut(b"Nums")
    {
        a.extend(nums);
    }
    if let Ok(r) = doc.get_dictionary_mut(root_id) {
        r.set("ParentTreeNextKey", Object::Integer(next));
    }
}

/// Takes the PDF/A identification out of the XMP metadata (the rest stays true).
pub(super) fn drop_pdfa_claim(doc: &mut Document) {
    let Ok(id) = doc
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
    else {
        return;
    };
    let Ok(stream) = doc.get_object_mut(id).and_then(Object::as_stream_mut) else {
        return;
    };
    let Ok(text) = String::from_utf8(stream.content.clone()) else {
        return;
    };
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("<pdfaid:")).collect();
    let kept = kept
        .join("\n")
        .replace("xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"", "");
    stream.set_content(kept.into_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(m: Matrix, u: f32, v: f32) -> (f32, f32) {
        (m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5])
    }

    /// The shown page's bottom edge, for each /Rotate, is the edge a viewer shows at the
    /// bottom: the stamp is upright and in the strip there.
    #[test]
    fn the_shown_bottom_edge_follows_the_rotation() {
        let doc = Document::with_version("1.7");
        for (rotate, bottom_left, bottom_right, size) in [
            (0, (0.0, 0.0), (600.0, 0.0), (600.0, 800.0)),
            // Turned a quarter clockwise: the right edge is shown at the bottom.
            (90, (600.0, 0.0), (600.0, 800.0), (800.0, 600.0)),
            (180, (600.0, 800.0), (0.0, 800.0), (600.0, 800.0)),
            (270, (0.0, 800.0), (0.0, 0.0), (800.0, 600.0)),
        ] {
            let mut page = Dictionary::new();
            page.set("MediaBox", vec![0.into(), 0.into(), 600.into(), 800.into()]);
            page.set("Rotate", rotate);
            let (w, h, m) = display(&doc, &page);
            assert_eq!((w, h), size, "rotate {rotate}");
            assert_eq!(apply(m, 0.0, 0.0), bottom_left, "rotate {rotate}");
            assert_eq!(apply(m, w, 0.0), bottom_right, "rotate {rotate}");
            // Scaling the content in the shown view keeps it inside the box, above the strip.
            let s = (h - STRIP) / h;
            let scale = [s, 0.0, 0.0, s, w * (1.0 - s) / 2.0, h - s * h];
            let c = then(then(invert(m), scale), m);
            for (x, y) in [(0.0, 0.0), (600.0, 0.0), (0.0, 800.0), (600.0, 800.0)] {
                let (px, py) = apply(c, x, y);
                let (u, v) = apply(invert(m), px, py);
                assert!(
                    (-0.01..=w + 0.01).contains(&u) && (STRIP - 0.01..=h + 0.01).contains(&v),
                    "rotate {rotate}: ({u}, {v})"
                );
            }
        }
    }
}
