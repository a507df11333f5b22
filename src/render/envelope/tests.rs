//! Unit tests of the envelope: EXIF orientation, sniffing, damaged JPEGs, the PDF/A claim.
use super::*;

/// Where a point of the image's unit square lands.
fn apply(m: [f32; 6], u: f32, v: f32) -> (f32, f32) {
    (m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5])
}

#[test]
fn every_orientation_fills_the_box_and_puts_the_first_pixel_where_exif_says() {
    // The box: x 10..110, y 20..70 (as shown). The stored image's top-left pixel is the
    // unit square's (0, 1).
    let (x, y, w, h) = (10.0, 20.0, 100.0, 50.0);
    let (left, right, bottom, top) = (x, x + w, y, y + h);
    let expect = [
        (1, (left, top)),
        (2, (right, top)),
        (3, (right, bottom)),
        (4, (left, bottom)),
        (5, (left, top)),
        (6, (right, top)),
        (7, (right, bottom)),
        (8, (left, bottom)),
    ];
    for (o, first) in expect {
        let m = orientation_matrix(o, w, h, x, y);
        assert_eq!(apply(m, 0.0, 1.0), first, "orientation {o}");
        let corners: Vec<(f32, f32)> = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
            .iter()
            .map(|&(u, v)| apply(m, u, v))
            .collect();
        for c in [(left, bottom), (right, bottom), (left, top), (right, top)] {
            assert!(corners.contains(&c), "orientation {o}: {corners:?}");
        }
    }
    // 6: the stored first row becomes the right-hand column; its first pixel is at the top.
    let m = orientation_matrix(6, w, h, x, y);
    assert_eq!(apply(m, 1.0, 1.0), (right, bottom));
}

#[test]
fn exif_orientation_is_read_in_both_byte_orders() {
    let mut le = b"II*\0\x08\0\0\0\x01\0".to_vec();
    le.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
    assert_eq!(exif_orientation(&le), Some(6));
    let mut be = b"MM\0*\0\0\0\x08\0\x01".to_vec();
    be.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0]);
    assert_eq!(exif_orientation(&be), Some(8));
    assert_eq!(exif_orientation(b"II*\0\xff\xff\xff\xff"), None);
}

#[test]
fn kinds_are_told_by_content() {
    assert_eq!(sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
    assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Kind::Jpeg));
    assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(Kind::Png));
    assert_eq!(sniff(b"PK\x03\x04 a word file"), None);
    assert_eq!(sniff(b""), None);
}

/// A JPEG header (start, a baseline frame of `components`, a scan) and a few bytes of data.
fn jpeg_header(components: u8) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xC0];
    let len = 8 + 3 * u16::from(components);
    b.extend(len.to_be_bytes());
    b.extend([8, 0, 16, 0, 16, components]);
    for c in 0..components {
        b.extend([c + 1, 0x11, 0]);
    }
    b.extend([0xFF, 0xDA, 0, 2, 1, 2, 3, 0xFF, 0xD9]);
    b
}

fn xmp_of(pdf: &[u8]) -> String {
    let doc = Document::load_mem(pdf).expect("load");
    let id = doc
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
        .expect("metadata");
    let s = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .expect("stream");
    String::from_utf8(s.content.clone()).expect("utf-8")
}

/// The sRGB output intent does not cover CMYK: an envelope with a CMYK JPEG claims no PDF/A;
/// one with a grey or RGB JPEG keeps the letter's claim.
#[test]
fn a_cmyk_picture_takes_the_pdfa_claim_away() {
    use crate::domain::letter::{Lang, Letter};
    let letter = Letter {
        lang: Lang::Nb,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        sender: vec!["Kari Nordmann".into()],
        recipient: vec!["Tromsø kommune".into()],
        place_date: "Tromsø, 20. november 2026".into(),
        heading: "Klage".into(),
        reference: None,
        blocks: vec![],
        closing: "Med vennlig hilsen".into(),
        signatures: vec![],
        attachments_label: "Vedlegg".into(),
        attachments: vec![],
    };
    let pdf = crate::render::pdf::render(&letter).expect("pdf").bytes;
    assert!(xmp_of(&pdf).contains("<pdfaid:part>2</pdfaid:part>"));
    for (components, claims) in [(1, true), (3, true), (4, false)] {
        let part = prepare(jpeg_header(components))
            .expect("a jpeg")
            .labelled(1, "Bilde");
        let out = bundle(&pdf, vec![part]).expect("bundles");
        let xmp = xmp_of(&out);
        assert_eq!(
            xmp.contains("pdfaid"),
            claims,
            "{components} components:\n{xmp}"
        );
        assert!(xmp.contains("<dc:title>"));
    }
}

#[test]
fn a_cut_jpeg_is_damaged_not_a_panic() {
    for n in 0..20 {
        let b = &[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00][..n.min(10)];
        assert!(jpeg_info(b).is_err());
    }
}
