//! The letter as a tagged PDF/A-2a, read back with lopdf: the structure tree in reading order,
//! the running header and page numbers as artifacts, every text in a marked-content sequence
//! and every glyph mapped to Unicode, the catalog's /MarkInfo, /Lang and /ViewerPreferences,
//! the XMP metadata, the sRGB output intent, and the file-level rules of PDF/A-2 the program
//! relies on (docs/QUALITY.md lists them). `pdfinfo` is asked too, when it is installed.

mod common;

use std::collections::HashMap;

use chrono::NaiveDate;
use common::pdf_text::{MarkedText, page_texts};
use lopdf::{Dictionary, Document, Object, ObjectId};
use omsorgsklage::domain::letter::*;
use omsorgsklage::render::pdf;

fn letter(lang: Lang) -> Letter {
    let long = "Kommunen har plikt til å gi forsvarlige tjenester, og vedtaket må begrunnes slik at søkeren forstår hvorfor behovet er vurdert som det er. ".repeat(6);
    Letter {
        lang,
        date: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        sender: vec![
            "Kari Nordmann".into(),
            "Storgata 12 B".into(),
            "9008 Tromsø".into(),
        ],
        recipient: vec![
            "Tromsø kommune".into(),
            "Postboks 6900".into(),
            "9299 Tromsø".into(),
        ],
        place_date: "Tromsø, 20. november 2026".into(),
        heading: "Klage på vedtak om hjemmesykepleie & <BPA>".into(),
        reference: Some("Deres referanse: 26/1234".into()),
        blocks: vec![
            Block::Paragraph("Jeg klager på vedtaket.".into()),
            Block::Heading("Hva jeg klager på".into()),
            Block::Paragraph(long.clone()),
            Block::Heading("Hva jeg ber om".into()),
            Block::Bullets(vec!["to besøk daglig,".into(), "ny vurdering.".into()]),
            Block::Heading("Begrunnelse".into()),
            Block::Paragraph(long.clone()),
            Block::Paragraph(long.clone()),
            Block::Paragraph(long),
        ],
        closing: "Med vennlig hilsen".into(),
        signatures: vec![
            Signature {
                name: "Kari Nordmann".into(),
                role: Some("fullmektig for Åse Nordmann".into()),
            },
            Signature {
                name: "Åse Nordmann".into(),
                role: None,
            },
        ],
        attachments_label: "Vedlegg".into(),
        attachments: vec!["Vedtaket".into(), "Legeerklæring".into()],
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    doc.dereference(o)
        .expect("deref")
        .1
        .as_dict()
        .expect("dict")
}

fn name_of(d: &Dictionary, key: &[u8]) -> String {
    String::from_utf8_lossy(d.get(key).and_then(Object::as_name).expect("name")).into_owned()
}

/// The structure tree flattened in document order: (depth, type, text of its own content).
fn tree(doc: &Document) -> Vec<(usize, String, String)> {
    let texts: HashMap<ObjectId, Vec<MarkedText>> = page_texts(doc).into_iter().collect();
    let text_of = |page: ObjectId, mcid: i64| -> String {
        texts[&page]
            .iter()
            .filter(|t| t.mcid == Some(mcid) && t.tag.as_deref() != Some("Artifact"))
            .map(|t| t.text.as_str())
            .collect()
    };
    let root = dict(
        doc,
        doc.catalog()
            .expect("catalog")
            .get(b"StructTreeRoot")
            .expect("StructTreeRoot"),
    );
    assert_eq!(name_of(root, b"Type"), "StructTreeRoot");
    let mut out = Vec::new();
    fn walk(
        doc: &Document,
        id: ObjectId,
        depth: usize,
        out: &mut Vec<(usize, String, String)>,
        text_of: &dyn Fn(ObjectId, i64) -> String,
    ) {
        let elem = doc.get_dictionary(id).expect("elem");
        assert_eq!(name_of(elem, b"Type"), "StructElem");
        let pg = elem.get(b"Pg").and_then(Object::as_reference).ok();
        let kids = match elem.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        let mut text = String::new();
        let mut children = Vec::new();
        for k in kids {
            match k {
                Object::Integer(mcid) => {
                    text.push_str(&text_of(pg.expect("/Pg for an MCID"), mcid))
                }
                Object::Dictionary(mcr) => {
                    let page = mcr
                        .get(b"Pg")
                        .and_then(Object::as_reference)
                        .expect("MCR /Pg");
                    let mcid = mcr
                        .get(b"MCID")
                        .and_then(Object::as_i64)
                        .expect("MCR /MCID");
                    text.push_str(&text_of(page, mcid));
                }
                Object::Reference(r) => {
                    let p = doc
                        .get_dictionary(r)
                        .expect("kid")
                        .get(b"P")
                        .and_then(Object::as_reference);
                    assert_eq!(p.expect("/P"), id, "a kid's /P is its parent");
                    children.push(r);
                }
                other => panic!("unexpected kid {other:?}"),
            }
        }
        out.push((depth, name_of(elem, b"S"), text));
        for c in children {
            walk(doc, c, depth + 1, out, text_of);
        }
    }
    let top = root
        .get(b"K")
        .and_then(Object::as_reference)
        .expect("root /K");
    walk(doc, top, 0, &mut out, &text_of);
    out
}

#[test]
fn the_structure_tree_is_the_letter_in_reading_order_in_both_languages() {
    for lang in [Lang::Nb, Lang::Nn] {
        let l = letter(lang);
        let out = pdf::render(&l).expect("render");
        assert!(out.pages >= 2, "the test letter spans pages");
        let doc = Document::load_mem(&out.bytes).expect("load");
        let t = tree(&doc);
        let roles: Vec<&str> = t.iter().map(|(_, s, _)| s.as_str()).collect();
        assert_eq!(roles[0], "Document");
        // Sender and recipient blocks: a Div each, one P per line.
        assert_eq!(
            &t[1..5]
                .iter()
                .map(|x| (x.1.as_str(), x.2.trim()))
                .collect::<Vec<_>>(),
            &[
                ("Div", ""),
                ("P", "Kari Nordmann"),
                ("P", "Storgata 12 B"),
                ("P", "9008 Tromsø"),
            ]
        );
        let find_from = |from: usize, role: &str, text: &str| {
            t.iter()
                .skip(from)
                .position(|(_, s, x)| {
                    s == role && x.split_whitespace().collect::<Vec<_>>().join(" ") == text
                })
                .map(|i| i + from)
                .unwrap_or_else(|| panic!("no {role} {text:?} after {from} in {t:#?}"))
        };
        let find = |role: &str, text: &str| find_from(0, role, text);
        // In this order, each found after the one before.
        let mut at = 0;
        for (role, text) in [
            ("P", "Tromsø kommune"),
            ("P", "Tromsø, 20. november 2026"),
            ("H1", l.heading.as_str()),
            ("P", "Deres referanse: 26/1234"),
            ("H2", "Hva jeg klager på"),
            ("H2", "Hva jeg ber om"),
            ("LBody", "to besøk daglig,"),
            ("H2", "Begrunnelse"),
            ("P", "Med vennlig hilsen"),
            ("P", "Kari Nordmann"),
            ("P", "fullmektig for Åse Nordmann"),
            ("P", "Åse Nordmann"),
            ("P", "Vedlegg:"),
            ("LBody", "Legeerklæring"),
        ] {
            at = find_from(at, role, text) + 1;
        }
        // A list: L > LI > (Lbl "•", LBody).
        let li = find("LBody", "to besøk daglig,");
        assert_eq!((t[li - 1].1.as_str(), t[li - 1].2.as_str()), ("Lbl", "•"));
        assert_eq!(t[li - 2].1, "LI");
        assert_eq!(t[li - 3].1, "L");
        // A paragraph broken over two pages is one element with its words intact.
        let long = t
            .iter()
            .filter(|(_, s, x)| s == "P" && x.len() > 500)
            .count();
        assert_eq!(long, 4);
        assert!(
            t.iter()
                .all(|(_, _, x)| !x.contains("sliksøkeren") && !x.contains("detKommunen"))
        );
        // Nothing of the page furniture is in the tree.
        assert!(t.iter().all(|(_, _, x)| !x.contains("Side 1 av")));
    }
}

#[test]
fn every_text_is_marked_and_mapped_and_the_page_furniture_is_an_artifact() {
    let out = pdf::render(&letter(Lang::Nn)).expect("render");
    let doc = Document::load_mem(&out.bytes).expect("load");
    let pages = page_texts(&doc);
    let total = pages.len();
    let parent_tree = dict(
        &doc,
        dict(&doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap())
            .get(b"ParentTree")
            .unwrap(),
    );
    let nums = parent_tree
        .get(b"Nums")
        .and_then(Object::as_array)
        .expect("Nums");
    for (n, (id, texts)) in pages.iter().enumerate() {
        for t in texts {
            assert!(!t.unmapped, "a glyph without /ToUnicode: {t:?}");
            assert!(t.tag.is_some(), "text outside marked content: {t:?}");
        }
        let footer: Vec<&MarkedText> = texts
            .iter()
            .filter(|t| t.text == format!("Side {} av {total}", n + 1))
            .collect();
        assert_eq!(footer.len(), 1, "page {n}: {texts:#?}");
        assert_eq!(footer[0].tag.as_deref(), Some("Artifact"));
        assert_eq!(footer[0].subtype.as_deref(), Some("Footer"));
        if n > 0 {
            let header = texts
                .iter()
                .find(|t| t.text.contains("Kari Nordmann – Deres referanse"))
                .expect("running header");
            assert_eq!(header.tag.as_deref(), Some("Artifact"));
            assert_eq!(header.subtype.as_deref(), Some("Header"));
        }
        // The parent tree maps each MCID of the page to an element.
        let page = doc.get_dictionary(*id).unwrap();
        let key = page
            .get(b"StructParents")
            .and_then(Object::as_i64)
            .expect("/StructParents");
        let pos = nums
            .iter()
            .position(|o| o.as_i64().ok() == Some(key))
            .expect("key in the parent tree");
        let elems = nums[pos + 1].as_array().expect("array");
        let mcids: std::collections::BTreeSet<i64> = texts.iter().filter_map(|t| t.mcid).collect();
        assert_eq!(mcids.len(), elems.len());
        assert_eq!(
            mcids.iter().copied().collect::<Vec<_>>(),
            (0..elems.len() as i64).collect::<Vec<_>>()
        );
        for (mcid, e) in elems.iter().enumerate() {
            let e = dict(&doc, e);
            let tag = name_of(e, b"S");
            assert!(
                texts
                    .iter()
                    .any(|t| t.mcid == Some(mcid as i64) && t.tag.as_deref() == Some(tag.as_str()))
            );
        }
    }
}

#[test]
fn the_catalog_marks_the_file_tagged_with_its_language_and_title() {
    for (lang, code) in [(Lang::Nb, "nb"), (Lang::Nn, "nn")] {
        let doc = Document::load_mem(&pdf::render(&letter(lang)).unwrap().bytes).unwrap();
        let cat = doc.catalog().unwrap();
        assert_eq!(
            cat.get(b"Lang").and_then(Object::as_str).unwrap(),
            code.as_bytes()
        );
        let mark = dict(&doc, cat.get(b"MarkInfo").expect("MarkInfo"));
        assert_eq!(
            mark.get(b"Marked").and_then(Object::as_bool).ok(),
            Some(true)
        );
        let prefs = dict(
            &doc,
            cat.get(b"ViewerPreferences").expect("ViewerPreferences"),
        );
        assert_eq!(
            prefs.get(b"DisplayDocTitle").and_then(Object::as_bool).ok(),
            Some(true)
        );
    }
}

fn xmp(doc: &Document) -> (Dictionary, String) {
    let m = doc
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("/Metadata");
    let s = doc
        .get_object(m)
        .and_then(Object::as_stream)
        .expect("stream");
    (
        s.dict.clone(),
        String::from_utf8(s.content.clone()).expect("utf-8"),
    )
}

fn info(doc: &Document, key: &[u8]) -> String {
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .unwrap();
    lopdf::decode_text_string(doc.get_dictionary(info).unwrap().get(key).unwrap()).unwrap()
}

#[test]
fn the_xmp_metadata_says_what_the_info_says_and_claims_pdfa_2a() {
    for (lang, code) in [(Lang::Nb, "nb"), (Lang::Nn, "nn")] {
        let l = letter(lang);
        let doc = Document::load_mem(&pdf::render(&l).unwrap().bytes).unwrap();
        let (d, x) = xmp(&doc);
        assert_eq!(name_of(&d, b"Type"), "Metadata");
        assert_eq!(name_of(&d, b"Subtype"), "XML");
        assert!(
            d.get(b"Filter").is_err(),
            "the metadata stream is not compressed"
        );
        assert!(x.starts_with("<?xpacket begin=\"\u{FEFF}\""));
        assert!(x.ends_with("<?xpacket end=\"w\"?>"));
        for needle in [
            "<pdfaid:part>2</pdfaid:part>".to_string(),
            "<pdfaid:conformance>A</pdfaid:conformance>".to_string(),
            "<rdf:li xml:lang=\"x-default\">Klage på vedtak om hjemmesykepleie &amp; &lt;BPA&gt;</rdf:li>".to_string(),
            "<dc:creator><rdf:Seq><rdf:li>Kari Nordmann</rdf:li></rdf:Seq></dc:creator>".to_string(),
            format!("<dc:language><rdf:Bag><rdf:li>{code}</rdf:li></rdf:Bag></dc:language>"),
            "<xmp:CreateDate>2026-11-20T00:00:00Z</xmp:CreateDate>".to_string(),
            "<xmp:ModifyDate>2026-11-20T00:00:00Z</xmp:ModifyDate>".to_string(),
            format!("<xmp:CreatorTool>{}</xmp:CreatorTool>", info(&doc, b"Creator")),
            format!("<pdf:Producer>{}</pdf:Producer>", info(&doc, b"Producer")),
        ] {
            assert!(x.contains(&needle), "{needle} not in\n{x}");
        }
        // The info dictionary says the same, and nothing the XMP does not.
        assert_eq!(info(&doc, b"Title"), l.heading);
        assert_eq!(info(&doc, b"Author"), "Kari Nordmann");
        assert_eq!(info(&doc, b"CreationDate"), "D:20261120000000Z");
        assert_eq!(info(&doc, b"ModDate"), "D:20261120000000Z");
        let keys: Vec<String> = {
            let id = doc
                .trailer
                .get(b"Info")
                .and_then(Object::as_reference)
                .unwrap();
            doc.get_dictionary(id)
                .unwrap()
                .iter()
                .map(|(k, _)| String::from_utf8_lossy(k).into_owned())
                .collect()
        };
        for k in &keys {
            assert!(
                [
                    "Title",
                    "Author",
                    "Creator",
                    "Producer",
                    "CreationDate",
                    "ModDate"
                ]
                .contains(&k.as_str()),
                "{k}"
            );
        }
    }
}

#[test]
fn the_output_intent_is_srgb_with_the_profile_embedded() {
    let doc = Document::load_mem(&pdf::render(&letter(Lang::Nb)).unwrap().bytes).unwrap();
    let intents = doc
        .catalog()
        .unwrap()
        .get(b"OutputIntents")
        .and_then(Object::as_array)
        .expect("OutputIntents");
    assert_eq!(intents.len(), 1);
    let oi = dict(&doc, &intents[0]);
    assert_eq!(name_of(oi, b"Type"), "OutputIntent");
    assert_eq!(name_of(oi, b"S"), "GTS_PDFA1");
    assert!(
        oi.get(b"OutputConditionIdentifier")
            .and_then(Object::as_str)
            .is_ok()
    );
    let icc = doc
        .dereference(oi.get(b"DestOutputProfile").unwrap())
        .unwrap()
        .1
        .as_stream()
        .unwrap();
    assert_eq!(icc.dict.get(b"N").and_then(Object::as_i64).ok(), Some(3));
    let bytes = icc
        .decompressed_content()
        .unwrap_or_else(|_| icc.content.clone());
    assert_eq!(bytes, include_bytes!("../assets/icc/sRGB.icc"));
    assert_eq!(&bytes[36..40], b"acsp", "an ICC profile");
    assert_eq!(&bytes[16..20], b"RGB ", "of RGB colour");
    assert!(bytes[8] <= 4, "ICC version 2 or 4 (PDF 1.7 reads up to 4)");
}

#[test]
fn the_file_keeps_the_pdfa_2_rules_the_program_relies_on() {
    let out = pdf::render(&letter(Lang::Nb)).unwrap();
    let bytes = &out.bytes;
    // Header, and the comment of four bytes over 127 right after it (6.1.2).
    assert!(bytes.starts_with(b"%PDF-1.7\n%"));
    assert!(bytes[10..14].iter().all(|&b| b > 127), "{:?}", &bytes[..16]);
    let doc = Document::load_mem(bytes).unwrap();
    // A file identifier (6.1.3), no encryption (6.1.3).
    let id = doc
        .trailer
        .get(b"ID")
        .and_then(Object::as_array)
        .expect("/ID");
    assert_eq!(id.len(), 2);
    assert!(doc.trailer.get(b"Encrypt").is_err());
    for (oid, obj) in &doc.objects {
        let d = match obj {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        // No LZW, no external streams (6.1.7), no JavaScript or actions (6.5, 6.6).
        for key in [&b"F"[..], b"FFilter", b"FDecodeParms"] {
            if matches!(obj, Object::Stream(_)) {
                assert!(d.get(key).is_err(), "{oid:?} has {key:?}");
            }
        }
        if let Ok(f) = d.get(b"Filter") {
            let names: Vec<&[u8]> = match f {
                Object::Array(a) => a.iter().filter_map(|o| o.as_name().ok()).collect(),
                o => o.as_name().into_iter().collect(),
            };
            assert!(names.iter().all(|n| *n != b"LZWDecode"), "{oid:?}");
        }
        for key in [&b"JS"[..], b"JavaScript", b"AA", b"OpenAction", b"Launch"] {
            assert!(d.get(key).is_err(), "{oid:?} has {key:?}");
        }
        // Every font is embedded, with a /ToUnicode map (6.2.11.4, 6.2.11.7) and, for a
        // TrueType CIDFont, a /CIDToGIDMap (6.2.11.3.2).
        if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font") {
            match d.get(b"Subtype").and_then(Object::as_name).unwrap() {
                b"Type0" => {
                    assert!(d.get(b"ToUnicode").is_ok(), "{oid:?}");
                    let desc = d
                        .get(b"DescendantFonts")
                        .and_then(Object::as_array)
                        .unwrap();
                    let cid = dict(&doc, &desc[0]);
                    assert_eq!(name_of(cid, b"Subtype"), "CIDFontType2");
                    assert_eq!(name_of(cid, b"CIDToGIDMap"), "Identity");
                    let fd = dict(&doc, cid.get(b"FontDescriptor").unwrap());
                    let file = doc
                        .dereference(fd.get(b"FontFile2").expect("embedded"))
                        .unwrap()
                        .1;
                    assert!(!file.as_stream().unwrap().content.is_empty());
                }
                other => panic!(
                    "a font not embedded as Type0: {:?}",
                    String::from_utf8_lossy(other)
                ),
            }
        }
        // No transparency group, no optional content, no annotations in the letter.
        assert!(d.get(b"OCProperties").is_err());
    }
    for (_, page) in doc.get_pages() {
        let p = doc.get_dictionary(page).unwrap();
        assert!(p.get(b"Group").is_err());
        assert!(
            p.get(b"Annots")
                .and_then(Object::as_array)
                .ok()
                .is_none_or(|a| a.is_empty())
        );
    }
}

#[test]
fn a_one_page_letter_stays_within_40_kb_plus_the_colour_profile() {
    let mut l = letter(Lang::Nb);
    l.blocks.truncate(2);
    let out = pdf::render(&l).unwrap();
    assert_eq!(out.pages, 1);
    let icc = include_bytes!("../assets/icc/sRGB.icc").len();
    assert!(out.bytes.len() <= 40_000 + icc, "{} bytes", out.bytes.len());
}

#[test]
fn pdfinfo_says_tagged_and_lists_the_letter_in_order_when_installed() {
    let Ok(dir) = std::env::var("CARGO_TARGET_TMPDIR") else {
        return;
    };
    let path = std::path::Path::new(&dir).join("tagged-check.pdf");
    std::fs::write(&path, pdf::render(&letter(Lang::Nn)).unwrap().bytes).unwrap();
    let Ok(info) = std::process::Command::new("pdfinfo").arg(&path).output() else {
        eprintln!("pdfinfo not installed: skipped");
        return;
    };
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Tagged:", "yes"]),
        "{info}"
    );
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Metadata", "Stream:", "yes"]),
        "{info}"
    );
    let Ok(st) = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(&path)
        .output()
    else {
        return;
    };
    let st = String::from_utf8_lossy(&st.stdout);
    let mut from = 0;
    for needle in [
        "Document",
        "Div",
        "\"Kari Nordmann\"",
        "H1",
        "Klage på vedtak",
        "H2",
        "\"Hva jeg klager på\"",
        "LBody",
        "\"Med vennlig hilsen\"",
        "\"Vedlegg:\"",
        "\"Legeerklæring\"",
    ] {
        let i = st[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in order in\n{st}"));
        from += i + needle.len();
    }
    assert!(!st.contains("Side 1 av"), "page numbers are artifacts");
}
