//! Reading a PDF's text back with lopdf, with what each text is marked as: the glyph codes
//! through the fonts' /ToUnicode maps, the marked-content sequence each text is drawn in.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Document, Object, ObjectId, content::Content};

/// A tiny /ToUnicode reader: 2-byte codes to text (`bfchar` and `bfrange` sections).
pub fn parse_to_unicode(cmap: &[u8]) -> HashMap<u16, String> {
    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
            .collect()
    }
    fn utf16(bytes: &[u8]) -> String {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    }
    fn code(bytes: &[u8]) -> u16 {
        bytes.iter().fold(0u16, |a, &b| (a << 8) | u16::from(b))
    }
    let text = String::from_utf8_lossy(cmap);
    let mut map = HashMap::new();
    let mut section = "";
    for line in text.lines().map(str::trim) {
        if line.ends_with("beginbfchar") {
            section = "char";
        } else if line.ends_with("beginbfrange") {
            section = "range";
        } else if line.starts_with("endbf") {
            section = "";
        } else if !section.is_empty() {
            let parts: Vec<&str> = line
                .split('>')
                .map(|p| p.trim().trim_start_matches('<'))
                .filter(|p| !p.is_empty())
                .collect();
            match (section, parts.as_slice()) {
                ("char", [src, dst]) => {
                    map.insert(code(&hex(src)), utf16(&hex(dst)));
                }
                ("range", [lo, hi, dst]) if !dst.contains('[') => {
                    let (lo, hi, dst) = (code(&hex(lo)), code(&hex(hi)), hex(dst));
                    let first = u32::from(code(&dst));
                    for (k, c) in (lo..=hi).enumerate() {
                        let ch = char::from_u32(first + k as u32).unwrap_or('\u{FFFD}');
                        map.insert(c, ch.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    map
}

/// What a text was drawn inside: the innermost marked-content sequence's tag and properties
/// (`None` outside any).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedText {
    pub text: String,
    /// "P", "H1", "Artifact", …
    pub tag: Option<String>,
    pub mcid: Option<i64>,
    /// The artifact's /Subtype ("Header", "Footer"), if any.
    pub subtype: Option<String>,
    /// A glyph code had no /ToUnicode entry.
    pub unmapped: bool,
}

/// The /ToUnicode maps of the fonts in `resources`, by resource name.
pub fn font_maps(
    doc: &Document,
    resources: &Dictionary,
) -> BTreeMap<Vec<u8>, HashMap<u16, String>> {
    let mut maps = BTreeMap::new();
    let fonts = match resources.get(b"Font") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    for (name, font) in fonts.iter() {
        let font = doc
            .dereference(font)
            .expect("font")
            .1
            .as_dict()
            .expect("font dict");
        let tu = font.get(b"ToUnicode").expect("every font has a /ToUnicode");
        let (_, tu) = doc.dereference(tu).expect("ToUnicode");
        let stream = tu.as_stream().expect("ToUnicode stream");
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        maps.insert(name.clone(), parse_to_unicode(&data));
    }
    maps
}

/// Every text shown by `content` (one per text-showing operator), with its marks.
pub fn marked_texts(
    content: &[u8],
    maps: &BTreeMap<Vec<u8>, HashMap<u16, String>>,
) -> Vec<MarkedText> {
    let content = Content::decode(content).expect("decode");
    let mut stack: Vec<(String, Option<i64>, Option<String>)> = Vec::new();
    let mut font: Vec<u8> = Vec::new();
    let mut out = Vec::new();
    for op in content.operations {
        match op.operator.as_str() {
            "BDC" => {
                let tag = op.operands[0]
                    .as_name()
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default();
                let props = op.operands.get(1).and_then(|o| o.as_dict().ok());
                let mcid = props.and_then(|d| d.get(b"MCID").and_then(Object::as_i64).ok());
                let subtype = props
                    .and_then(|d| d.get(b"Subtype").and_then(Object::as_name).ok())
                    .map(|n| String::from_utf8_lossy(n).into_owned());
                stack.push((tag, mcid, subtype));
            }
            "BMC" => {
                let tag = op.operands[0]
                    .as_name()
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default();
                stack.push((tag, None, None));
            }
            "EMC" => {
                stack.pop().expect("EMC without BDC");
            }
            "Tf" => font = op.operands[0].as_name().expect("font name").to_vec(),
            "Tj" | "TJ" => {
                let items: Vec<Object> = match &op.operands[0] {
                    Object::Array(a) => a.clone(),
                    o => vec![o.clone()],
                };
                let mut text = String::new();
                let mut unmapped = false;
                for o in items {
                    if let Object::String(bytes, _) = o {
                        let map = &maps[&font];
                        for pair in bytes.chunks(2) {
                            let c = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                            match map.get(&c) {
                                Some(s) => text.push_str(s),
                                None => unmapped = true,
                            }
                        }
                    }
                }
                let top = stack.last();
                out.push(MarkedText {
                    text,
                    tag: top.map(|t| t.0.clone()),
                    mcid: top.and_then(|t| t.1),
                    subtype: top.and_then(|t| t.2.clone()),
                    unmapped,
                });
            }
            _ => {}
        }
    }
    assert!(
        stack.is_empty(),
        "a marked-content sequence is never closed"
    );
    out
}

/// Every page's marked texts, in page order.
pub fn page_texts(doc: &Document) -> Vec<(ObjectId, Vec<MarkedText>)> {
    doc.get_pages()
        .into_values()
        .map(|id| {
            let page = doc.get_dictionary(id).expect("page");
            let res = match page.get(b"Resources") {
                Ok(Object::Reference(r)) => doc.get_dictionary(*r).cloned().unwrap_or_default(),
                Ok(Object::Dictionary(d)) => d.clone(),
                _ => Dictionary::new(),
            };
            let maps = font_maps(doc, &res);
            (id, marked_texts(&doc.get_page_content(id), &maps))
        })
        .collect()
}

/// The text of a page's form XObject `name` (a stamp), with its marks.
pub fn form_texts(doc: &Document, page: ObjectId, name: &[u8]) -> Option<Vec<MarkedText>> {
    let page = doc.get_dictionary(page).ok()?;
    let res = match page.get(b"Resources").ok()? {
        Object::Reference(r) => doc.get_dictionary(*r).ok()?.clone(),
        Object::Dictionary(d) => d.clone(),
        _ => return None,
    };
    let xobjects = match res.get(b"XObject").ok()? {
        Object::Reference(r) => doc.get_dictionary(*r).ok()?.clone(),
        Object::Dictionary(d) => d.clone(),
        _ => return None,
    };
    let (_, form) = doc.dereference(xobjects.get(name).ok()?).ok()?;
    let form = form.as_stream().ok()?;
    let form_res = match form.dict.get(b"Resources").ok()? {
        Object::Reference(r) => doc.get_dictionary(*r).ok()?.clone(),
        Object::Dictionary(d) => d.clone(),
        _ => return None,
    };
    let maps = font_maps(doc, &form_res);
    let content = form
        .decompressed_content()
        .unwrap_or_else(|_| form.content.clone());
    Some(marked_texts(&content, &maps))
}
