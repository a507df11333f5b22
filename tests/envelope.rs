//! The envelope: `render --format pdf` of a case whose attachments are files writes the letter
//! and then every file, in order, as one PDF; `check` and `render` refuse bad files by name and
//! write nothing. The PDF is read back with lopdf.

mod common;
use common::images::noise_jpeg;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use lopdf::{Document, Object};
use omsorgsklage::domain::case;
use omsorgsklage::domain::letter::LetterKind;
use omsorgsklage::render;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::json;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("omsorgsklage").expect("binary");
    c.env("NO_COLOR", "1")
        .env_remove("OMSORGSKLAGE_LANG")
        .args(["--lang", "nb", "--today", "2026-11-20"]);
    c
}

fn base_case() -> serde_json::Value {
    serde_json::from_str(include_str!("cases/minimal-bpa.json")).expect("json")
}

/// A small RGBA PNG, half transparent.
fn png_rgba(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut wr = enc.write_header().expect("png header");
        let data: Vec<u8> = (0..w * h)
            .flat_map(|i| [200, (i % 255) as u8, 40, if i % 2 == 0 { 255 } else { 0 }])
            .collect();
        wr.write_image_data(&data).expect("png data");
    }
    out
}

/// A PDF of `pages` pages made by the program itself from another letter, with a marker text.
pub fn attached_pdf(marker: &str, pages: usize) -> (Vec<u8>, usize) {
    let mut v = base_case();
    let para = format!("{marker} ");
    let mut text = String::new();
    for _ in 0..pages.saturating_sub(1) * 14 {
        text.push_str(&para.repeat(12));
        text.push('\n');
    }
    text.push_str(marker);
    v["grounds"]["other"] = json!(text);
    let raw = case::read(&serde_json::to_vec(&v).expect("json")).expect("reads");
    let c = case::check(&raw, common::today()).case.expect("complete");
    let pdf = render::pdf::render(&render::complaint(&c).expect("letter")).expect("pdf");
    (pdf.bytes, pdf.pages)
}

/// Writes the case and returns its path.
fn write_case(dir: &Path, attachments: serde_json::Value) -> PathBuf {
    let mut v = base_case();
    v["attachments"] = attachments;
    let path = dir.join("sak.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&v).expect("json")).expect("write");
    path
}

fn letter_pages(case_path: &Path) -> usize {
    let raw = case::read(&std::fs::read(case_path).expect("read")).expect("reads");
    let c = case::check(&raw, common::today()).case.expect("complete");
    let l = render::envelope_letter(&c, LetterKind::Complaint).expect("letter");
    render::pdf::render(&l).expect("pdf").pages
}

fn render_pdf(case_path: &Path, out: &Path) -> assert_cmd::assert::Assert {
    cmd()
        .args(["render", "--format", "pdf", "--out"])
        .arg(out)
        .arg(case_path)
        .assert()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_envelope_holds_the_letter_then_every_file_in_order() {
    let dir = tempfile::tempdir().expect("tmp");
    let (pdf, pdf_pages) = attached_pdf("LEGEERKLÆRINGSMERKE", 3);
    std::fs::write(dir.path().join("lege.pdf"), &pdf).expect("write");
    let jpeg = noise_jpeg(64, 48, None);
    std::fs::create_dir(dir.path().join("bilder")).expect("mkdir");
    std::fs::write(dir.path().join("bilder/vedtak.jpg"), &jpeg).expect("write");
    std::fs::write(dir.path().join("skjerm.png"), png_rgba(30, 20)).expect("write");
    let case_path = write_case(
        dir.path(),
        json!([
            "Kopi av vedtaket",
            { "title": "Legeerklæring", "file": "lege.pdf" },
            { "title": "Bilde av vedtaket", "file": "bilder/vedtak.jpg" },
            { "title": "Skjermbilde", "file": "skjerm.png" }
        ]),
    );
    let out = dir.path().join("klage.pdf");
    render_pdf(&case_path, &out).success();
    let bytes = std::fs::read(&out).expect("pdf");
    let doc = Document::load_mem(&bytes).expect("lopdf reads the envelope");
    let letter = letter_pages(&case_path);
    let pages = doc.get_pages();
    assert_eq!(
        pages.len(),
        letter + pdf_pages + 2,
        "letter + PDF + JPEG + PNG"
    );

    // The letter lists every title in order, the bundled ones marked.
    let numbers: Vec<u32> = (1..=letter as u32).collect();
    let text = squash(&doc.extract_text(&numbers).expect("text"));
    let order = [
        "Vedlegg:",
        "Kopi av vedtaket",
        "Legeerklæring (vedlagt i denne filen)",
        "Bilde av vedtaket (vedlagt i denne filen)",
        "Skjermbilde (vedlagt i denne filen)",
    ];
    let mut from = 0;
    for needle in order {
        let i = text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in order in {text}"));
        from += i + needle.len();
    }
    assert!(
        !text.contains("Kopi av vedtaket (vedlagt"),
        "a title only is not bundled"
    );

    // The attached PDF's pages, with their text, follow the letter.
    let first_attached = letter as u32 + 1;
    let attached = doc.extract_text(&[first_attached]).expect("text");
    assert!(attached.contains("LEGEERKLÆRINGSMERKE"), "{attached}");

    // The JPEG's bytes are in the file as they are.
    assert!(
        bytes.windows(jpeg.len()).any(|w| w == jpeg.as_slice()),
        "the JPEG is embedded unchanged"
    );
    // The PNG's page has an image with its transparency as a soft mask.
    let png_page = pages[&(letter as u32 + pdf_pages as u32 + 2)];
    let images = doc.get_page_images(png_page).expect("images");
    assert_eq!(images.len(), 1);
    assert!(images[0].origin_dict.get(b"SMask").is_ok());
}

#[test]
fn the_text_letter_lists_the_titles_only() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.jpg"), noise_jpeg(8, 8, None)).expect("write");
    let case_path = write_case(
        dir.path(),
        json!([{ "title": "Legeerklæring", "file": "a.jpg" }]),
    );
    cmd()
        .arg("render")
        .arg(&case_path)
        .assert()
        .success()
        .stdout(contains("Legeerklæring").and(contains("vedlagt i denne").not()));
}

#[test]
fn nynorsk_marks_bundled_attachments_in_nynorsk() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.jpg"), noise_jpeg(8, 8, None)).expect("write");
    let case_path = write_case(
        dir.path(),
        json!([{ "title": "Legeerklæring", "file": "a.jpg" }]),
    );
    let out = dir.path().join("k.pdf");
    cmd()
        .args(["render", "--lang", "nn", "--format", "pdf", "--out"])
        .arg(&out)
        .arg(&case_path)
        .assert()
        .success();
    let doc = Document::load_mem(&std::fs::read(&out).expect("pdf")).expect("load");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = squash(&doc.extract_text(&pages).expect("text"));
    assert!(
        text.contains("Legeerklæring (ligg ved i denne fila)"),
        "{text}"
    );
}

#[test]
fn a_letter_without_files_is_the_letter_pdf_as_before() {
    let dir = tempfile::tempdir().expect("tmp");
    let case_path = write_case(dir.path(), json!(["Kopi av vedtaket", "Legeerklæring"]));
    let out = dir.path().join("k.pdf");
    render_pdf(&case_path, &out).success();
    let raw = case::read(&std::fs::read(&case_path).expect("read")).expect("reads");
    let c = case::check(&raw, common::today()).case.expect("complete");
    let plain = render::pdf::render(&render::complaint(&c).expect("letter")).expect("pdf");
    assert_eq!(std::fs::read(&out).expect("pdf"), plain.bytes);
}

#[test]
fn a_phone_photo_turned_by_exif_stands_upright_on_a_portrait_page() {
    let dir = tempfile::tempdir().expect("tmp");
    // Stored landscape (40×20), to be turned a quarter clockwise: shown portrait.
    std::fs::write(dir.path().join("foto.jpg"), noise_jpeg(40, 20, Some(6))).expect("write");
    let case_path = write_case(dir.path(), json!([{ "title": "Foto", "file": "foto.jpg" }]));
    let out = dir.path().join("k.pdf");
    render_pdf(&case_path, &out).success();
    let doc = Document::load_mem(&std::fs::read(&out).expect("pdf")).expect("load");
    let pages = doc.get_pages();
    let last = pages[&(pages.len() as u32)];
    let page = doc.get_dictionary(last).expect("page");
    let mb: Vec<f32> = page
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .expect("mediabox")
        .iter()
        .map(|o| o.as_float().expect("number"))
        .collect();
    assert!(mb[3] > mb[2], "portrait page: {mb:?}");
    let content = String::from_utf8_lossy(&doc.get_page_content(last)).to_string();
    // A quarter turn: the matrix has no scale on the diagonal.
    assert!(
        content.contains("/Figure <</MCID 0>> BDC q 0 -"),
        "{content}"
    );
}

/// `check` names the field and says what is wrong; `render` writes nothing.
fn refused(attachment_file: &str, setup: impl FnOnce(&Path), message: &str) {
    let dir = tempfile::tempdir().expect("tmp");
    setup(dir.path());
    let case_path = write_case(
        dir.path(),
        json!([
            "Kopi av vedtaket",
            { "title": "Vedlegget", "file": attachment_file }
        ]),
    );
    cmd()
        .arg("check")
        .arg(&case_path)
        .assert()
        .code(1)
        .stdout(contains("attachments[1].file").and(contains(message)));
    let out = dir.path().join("klage.pdf");
    render_pdf(&case_path, &out)
        .code(1)
        .stderr(contains("attachments[1].file").and(contains(message)));
    assert!(!out.exists(), "nothing written");
    // Not even the text letter: the case is wrong.
    let txt = dir.path().join("klage.txt");
    cmd()
        .args(["render", "--format", "both", "--out"])
        .arg(dir.path().join("klage"))
        .arg(&case_path)
        .assert()
        .code(1);
    assert!(!txt.exists() && !out.exists(), "nothing written");
}

#[test]
fn a_missing_file_is_named() {
    refused("borte.pdf", |_| {}, "finner ikke filen «borte.pdf»");
}

#[test]
fn a_folder_is_named() {
    refused(
        "mappe",
        |d| std::fs::create_dir(d.join("mappe")).expect("mkdir"),
        "er en mappe",
    );
}

#[test]
fn a_file_that_is_not_pdf_jpeg_or_png_by_content_is_named() {
    refused(
        "brev.pdf",
        |d| std::fs::write(d.join("brev.pdf"), "Dette er bare tekst.").expect("write"),
        "er ikke en PDF, JPEG eller PNG",
    );
}

#[test]
fn a_damaged_pdf_is_named() {
    refused(
        "skadet.pdf",
        |d| {
            let (pdf, _) = attached_pdf("X", 1);
            std::fs::write(d.join("skadet.pdf"), &pdf[..pdf.len() / 3]).expect("write")
        },
        "er skadet",
    );
}

#[test]
fn a_damaged_jpeg_is_named() {
    refused(
        "skadet.jpg",
        |d| std::fs::write(d.join("skadet.jpg"), &noise_jpeg(16, 16, None)[..40]).expect("write"),
        "er skadet",
    );
}

#[test]
fn an_encrypted_pdf_is_named() {
    refused(
        "låst.pdf",
        |d| {
            let (pdf, _) = attached_pdf("X", 1);
            let mut doc = Document::load_mem(&pdf).expect("load");
            let mut enc = lopdf::Dictionary::new();
            enc.set("Filter", Object::Name(b"Standard".to_vec()));
            enc.set("V", 1);
            enc.set("R", 2);
            enc.set("Length", 40);
            enc.set("P", -44);
            enc.set("O", Object::string_literal(vec![7u8; 32]));
            enc.set("U", Object::string_literal(vec![9u8; 32]));
            let id = doc.add_object(enc);
            doc.trailer.set("Encrypt", Object::Reference(id));
            let mut out = Vec::new();
            doc.save_to(&mut out).expect("save");
            std::fs::write(d.join("låst.pdf"), out).expect("write")
        },
        "er låst med passord eller kryptert",
    );
}

#[test]
fn an_image_over_40_mb_is_named() {
    refused(
        "stor.jpg",
        |d| {
            let f = std::fs::File::create(d.join("stor.jpg")).expect("create");
            // Sparse: no 41 MB written.
            f.set_len(41_000_000).expect("len");
        },
        "er for stor (41 MB)",
    );
}

#[test]
fn a_picture_claiming_ten_billion_pixels_is_named_without_decoding_it() {
    // Found by the `envelope` fuzz target: a PNG of a few bytes whose header claims a picture
    // that would take gigabytes to decode. Refused from the header.
    refused(
        "enorm.png",
        |d| {
            let mut out = Vec::new();
            {
                let mut enc = png::Encoder::new(&mut out, 100_000, 100_000);
                enc.set_color(png::ColorType::Rgb);
                enc.set_depth(png::BitDepth::Eight);
                let _ = enc.write_header().expect("png header");
            }
            assert!(out.len() < 100, "{} bytes", out.len());
            std::fs::write(d.join("enorm.png"), out).expect("write")
        },
        "er et for stort bilde (10 000 millioner bildepunkter). Et bilde kan ha høyst 50 millioner.",
    );
}

#[test]
fn a_pdf_whose_page_tree_names_a_missing_page_adds_only_its_real_pages() {
    // Found by the `envelope` fuzz target: Kids [28 0 R 15 0 R] where object 28 does not exist.
    // Once the file's objects were renumbered into the letter's, "28 0 R" named one of them (a
    // page outside the tree), and the envelope had a page more than the check had counted.
    let (letter, letter_pages) = attached_pdf("Brevet", 2);
    let letter_max = Document::load_mem(&letter).expect("letter").max_id;
    let (pdf, _) = attached_pdf("Vedlegget", 2);
    let mut doc = Document::load_mem(&pdf).expect("load");
    // Its objects far above the letter's, so that the missing number below is free.
    doc.renumber_objects_with(1000);
    let pages: Vec<_> = doc.page_iter().collect();
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .expect("pages");
    // The number the first page (left out of the tree) gets when the file's objects are
    // renumbered after the letter's, in order.
    let rank = doc
        .objects
        .keys()
        .position(|&id| id == pages[0])
        .expect("page");
    let missing = (letter_max + 1 + rank as u32, 0);
    assert!(!doc.objects.contains_key(&missing));
    let tree = doc.get_dictionary_mut(root).expect("tree");
    tree.set(
        "Kids",
        vec![Object::Reference(missing), Object::Reference(pages[1])],
    );
    tree.set("Count", 2);
    let mut broken = Vec::new();
    doc.save_to(&mut broken).expect("save");

    let part = omsorgsklage::render::envelope::prepare(broken.clone()).expect("a PDF");
    assert_eq!(part.pages, 1, "the check counts the one real page");
    let out = omsorgsklage::render::envelope::bundle(&letter, vec![part]).expect("bundles");
    let envelope = Document::load_mem(&out).expect("reads back");
    assert_eq!(envelope.get_pages().len(), letter_pages + 1);
}

// ---------------------------------------------------------------------------------------------
// Bookmarks, page labels, stamps, tags and the PDF/A claim of the envelope

fn outline_items(doc: &Document) -> Vec<(String, lopdf::ObjectId)> {
    let cat = doc.catalog().expect("catalog");
    let outlines = cat
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .expect("/Outlines");
    let mut item = doc
        .get_dictionary(outlines)
        .expect("outlines")
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    let mut out = Vec::new();
    while let Some(id) = item {
        let d = doc.get_dictionary(id).expect("item");
        let title = lopdf::decode_text_string(d.get(b"Title").expect("Title")).expect("text");
        let dest = d.get(b"Dest").and_then(Object::as_array).expect("Dest");
        out.push((title, dest[0].as_reference().expect("page")));
        item = d.get(b"Next").and_then(Object::as_reference).ok();
    }
    out
}

/// (first page index, prefix) of each /PageLabels range.
fn page_labels(doc: &Document) -> Vec<(i64, String)> {
    let cat = doc.catalog().expect("catalog");
    let labels = cat
        .get(b"PageLabels")
        .and_then(Object::as_dict)
        .expect("/PageLabels");
    let nums = labels
        .get(b"Nums")
        .and_then(Object::as_array)
        .expect("Nums");
    nums.chunks(2)
        .map(|p| {
            let d = p[1].as_dict().expect("label");
            assert_eq!(d.get(b"S").and_then(Object::as_name).ok(), Some(&b"D"[..]));
            let prefix = d
                .get(b"P")
                .map(|o| lopdf::decode_text_string(o).expect("text"))
                .unwrap_or_default();
            (p[0].as_i64().expect("index"), prefix)
        })
        .collect()
}

fn stamp_of(doc: &Document, page: lopdf::ObjectId) -> common::pdf_text::MarkedText {
    let texts = common::pdf_text::form_texts(doc, page, b"OkStamp").expect("a stamp");
    assert_eq!(texts.len(), 1, "{texts:?}");
    texts[0].clone()
}

/// The numbers of the `cm` operators in a content stream, in order.
fn cms(content: &[u8]) -> Vec<Vec<f32>> {
    lopdf::content::Content::decode(content)
        .expect("decode")
        .operations
        .into_iter()
        .filter(|op| op.operator == "cm")
        .map(|op| {
            op.operands
                .iter()
                .map(|o| {
                    o.as_float()
                        .or_else(|_| o.as_i64().map(|i| i as f32))
                        .expect("number")
                })
                .collect()
        })
        .collect()
}

fn xmp_text(doc: &Document) -> String {
    let m = doc
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("/Metadata");
    String::from_utf8(
        doc.get_object(m)
            .and_then(Object::as_stream)
            .unwrap()
            .content
            .clone(),
    )
    .unwrap()
}

#[test]
fn the_envelope_has_bookmarks_page_labels_and_a_stamp_in_the_margin_of_every_attached_page() {
    let dir = tempfile::tempdir().expect("tmp");
    let (pdf, n) = attached_pdf("LEGEERKLÆRINGSMERKE", 3);
    assert!(n >= 2);
    std::fs::write(dir.path().join("lege.pdf"), &pdf).expect("write");
    std::fs::write(dir.path().join("vedtak.jpg"), noise_jpeg(64, 48, None)).expect("write");
    std::fs::write(dir.path().join("skjerm.png"), png_rgba(30, 20)).expect("write");
    let case_path = write_case(
        dir.path(),
        json!([
            "Kopi av vedtaket",
            { "title": "Legeerklæring", "file": "lege.pdf" },
            { "title": "Bilde av vedtaket", "file": "vedtak.jpg" },
            { "title": "Skjermbilde", "file": "skjerm.png" }
        ]),
    );
    let out = dir.path().join("klage.pdf");
    render_pdf(&case_path, &out).success();
    let doc = Document::load_mem(&std::fs::read(&out).expect("pdf")).expect("load");
    let letter = letter_pages(&case_path);
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    assert_eq!(pages.len(), letter + n + 2);

    // Bookmarks: the letter by its title, each attachment by its number and title.
    let heading = {
        let raw = case::read(&std::fs::read(&case_path).unwrap()).unwrap();
        let c = case::check(&raw, common::today()).case.unwrap();
        render::envelope_letter(&c, LetterKind::Complaint)
            .unwrap()
            .heading
    };
    assert_eq!(
        outline_items(&doc),
        vec![
            (heading, pages[0]),
            ("Vedlegg 2: Legeerklæring".to_string(), pages[letter]),
            (
                "Vedlegg 3: Bilde av vedtaket".to_string(),
                pages[letter + n]
            ),
            ("Vedlegg 4: Skjermbilde".to_string(), pages[letter + n + 1]),
        ]
    );
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"PageMode")
            .and_then(Object::as_name)
            .ok(),
        Some(&b"UseOutlines"[..])
    );
    // Page labels: 1, 2, … for the letter, then "Vedlegg 2, side 1", ….
    assert_eq!(
        page_labels(&doc),
        vec![
            (0, String::new()),
            (letter as i64, "Vedlegg 2, side ".to_string()),
            ((letter + n) as i64, "Vedlegg 3, side ".to_string()),
            ((letter + n + 1) as i64, "Vedlegg 4, side ".to_string()),
        ]
    );
    // The letter's pages count the letter only.
    if letter > 1 {
        let texts = common::pdf_text::page_texts(&doc);
        let last = &texts[letter - 1].1;
        assert!(
            last.iter()
                .any(|t| t.text == format!("Side {letter} av {letter}"))
        );
    }
    // Every attached page carries its stamp, as an artifact.
    let mut expected: Vec<String> = (1..=n)
        .map(|k| format!("Vedlegg 2: Legeerklæring – side {k} av {n}"))
        .collect();
    expected.push("Vedlegg 3: Bilde av vedtaket – side 1 av 1".into());
    expected.push("Vedlegg 4: Skjermbilde – side 1 av 1".into());
    for (k, want) in expected.iter().enumerate() {
        let stamp = stamp_of(&doc, pages[letter + k]);
        assert_eq!(stamp.text, *want);
        assert!(!stamp.unmapped);
        assert_eq!(stamp.tag.as_deref(), Some("Artifact"));
    }
    // The stamp covers nothing: on an attached PDF's page the content is scaled into the area
    // above the stamp; on a picture's page the stamp stays below the picture.
    let content = doc.get_page_content(pages[letter]);
    let m = cms(&content);
    let (content_cm, stamp_cm) = (&m[0], m.last().unwrap());
    let (s, ty) = (content_cm[0], content_cm[5]);
    assert!(s < 1.0 && s > 0.95, "scaled a little: {s}");
    assert!(
        stamp_cm[5] >= 0.0 && stamp_cm[5] + 12.0 <= ty,
        "stamp {stamp_cm:?} under content {content_cm:?}"
    );
    let image_page = doc.get_page_content(pages[letter + n]);
    let m = cms(&image_page);
    let picture_bottom = m
        .iter()
        .find(|c| c[0].abs() > 20.0 || c[1].abs() > 20.0)
        .expect("the picture")[5];
    let stamp = m.last().unwrap();
    assert!(stamp[5] + 12.0 <= picture_bottom.min(42.0), "{m:?}");

    // An attached PDF was not checked against PDF/A: the envelope does not claim it.
    let xmp = xmp_text(&doc);
    assert!(!xmp.contains("pdfaid"), "{xmp}");
    assert!(xmp.contains("<dc:title>"), "the rest of the metadata stays");
}

#[test]
fn an_envelope_of_pictures_keeps_the_pdfa_claim_and_tags_each_picture_in_nynorsk() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.jpg"), noise_jpeg(40, 60, None)).expect("write");
    std::fs::write(dir.path().join("b.png"), png_rgba(30, 20)).expect("write");
    let case_path = write_case(
        dir.path(),
        json!([
            { "title": "Legeerklæring", "file": "a.jpg" },
            { "title": "Skjermbilete", "file": "b.png" }
        ]),
    );
    let out = dir.path().join("k.pdf");
    cmd()
        .args(["render", "--lang", "nn", "--format", "pdf", "--out"])
        .arg(&out)
        .arg(&case_path)
        .assert()
        .success();
    let doc = Document::load_mem(&std::fs::read(&out).expect("pdf")).expect("load");
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let letter = pages.len() - 2;
    assert_eq!(
        stamp_of(&doc, pages[letter]).text,
        "Vedlegg 1: Legeerklæring – side 1 av 1"
    );
    assert_eq!(
        stamp_of(&doc, pages[letter + 1]).text,
        "Vedlegg 2: Skjermbilete – side 1 av 1"
    );
    assert_eq!(outline_items(&doc)[1].0, "Vedlegg 1: Legeerklæring");
    let xmp = xmp_text(&doc);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(xmp.contains("<rdf:li>nn</rdf:li>"));
    // Each picture is a Figure of the letter's document element, its label as alternate text.
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .unwrap();
    let root = doc.get_dictionary(root).unwrap();
    let top = doc
        .get_dictionary(root.get(b"K").and_then(Object::as_reference).unwrap())
        .unwrap();
    let kids = top.get(b"K").and_then(Object::as_array).unwrap();
    let figures: Vec<(String, lopdf::ObjectId)> = kids
        .iter()
        .filter_map(|k| doc.get_dictionary(k.as_reference().ok()?).ok())
        .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(&b"Figure"[..]))
        .map(|d| {
            (
                lopdf::decode_text_string(d.get(b"Alt").unwrap()).unwrap(),
                d.get(b"Pg").and_then(Object::as_reference).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        figures,
        vec![
            (
                "Vedlegg 1: Legeerklæring – side 1 av 1".to_string(),
                pages[letter]
            ),
            (
                "Vedlegg 2: Skjermbilete – side 1 av 1".to_string(),
                pages[letter + 1]
            ),
        ]
    );
    // The picture's content is that figure's marked content, found through the parent tree.
    let texts = common::pdf_text::page_texts(&doc);
    assert!(
        texts[letter].1.is_empty(),
        "a picture page draws no text of its own"
    );
    let content = String::from_utf8_lossy(&doc.get_page_content(pages[letter])).into_owned();
    assert!(content.contains("/Figure <</MCID 0>> BDC"), "{content}");
    let key = doc
        .get_dictionary(pages[letter])
        .unwrap()
        .get(b"StructParents")
        .and_then(Object::as_i64)
        .unwrap();
    let nums = doc
        .get_dictionary(
            root.get(b"ParentTree")
                .and_then(Object::as_reference)
                .unwrap(),
        )
        .unwrap()
        .get(b"Nums")
        .and_then(Object::as_array)
        .unwrap()
        .clone();
    let i = nums
        .iter()
        .position(|o| o.as_i64().ok() == Some(key))
        .expect("in the parent tree");
    assert_eq!(nums[i + 1].as_array().unwrap().len(), 1);
}

#[test]
fn pdfinfo_reads_the_envelope_when_installed() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.jpg"), noise_jpeg(40, 60, None)).expect("write");
    let case_path = write_case(
        dir.path(),
        json!([{ "title": "Legeerklæring", "file": "a.jpg" }]),
    );
    let out = dir.path().join("k.pdf");
    render_pdf(&case_path, &out).success();
    let Ok(run) = std::process::Command::new("pdfinfo").arg(&out).output() else {
        eprintln!("pdfinfo not installed: skipped");
        return;
    };
    assert!(run.status.success());
    let info = String::from_utf8_lossy(&run.stdout);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Tagged:", "yes"]),
        "{info}"
    );
}
