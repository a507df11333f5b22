//! The PDF writer, read back with lopdf: text (in order, Norwegian and Sami letters intact),
//! pages and page numbers, embedded subset fonts, metadata, missing glyphs, hostile input.
//!
//! The page text is decoded here rather than with lopdf's `extract_text`, to keep the drawn
//! lines apart: content stream operators via lopdf, glyph codes via the font's /ToUnicode
//! `bfchar`/`bfrange` sections. One test also runs lopdf's own `extract_text`.

mod common;

use std::collections::{BTreeMap, HashMap};

use common::pdf_text::parse_to_unicode;

use chrono::NaiveDate;
use lopdf::{Document, Object, content::Content};
use omsorgsklage::domain::letter::*;
use omsorgsklage::render::pdf;

// ---------------------------------------------------------------------------------------------
// Letters

fn base(blocks: Vec<Block>) -> Letter {
    Letter {
        lang: Lang::Nb,
        date: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        sender: vec![
            "Kari Nordmann".into(),
            "Storgata 12 B".into(),
            "9008 Tromsø".into(),
            "Tlf. 912 34 567".into(),
            "kari.nordmann@eksempel.no".into(),
        ],
        recipient: vec![
            "Tromsø kommune".into(),
            "Helse- og omsorgstjenester".into(),
            "Postboks 6900".into(),
            "9299 Tromsø".into(),
        ],
        place_date: "Tromsø, 20. november 2026".into(),
        heading: "Klage på vedtak om hjemmesykepleie".into(),
        reference: Some("Deres referanse: 26/1234".into()),
        blocks,
        closing: "Med vennlig hilsen".into(),
        signatures: vec![Signature {
            name: "Kari Nordmann".into(),
            role: None,
        }],
        attachments_label: "Vedlegg".into(),
        attachments: vec![],
    }
}

/// A realistic two-page letter: sections, a list of requests, attachments, two signatures.
fn two_page_letter() -> Letter {
    let mut l = base(vec![
        Block::Paragraph("Jeg klager på vedtaket fra Tromsø kommune datert 3. november 2026 om hjemmesykepleie for min mor, Åse Nordmann (f. 12.04.1941). Vedtaket reduserer tjenesten fra to besøk daglig til ett besøk daglig. Klagen gjelder hele vedtaket, jf. pasient- og brukerrettighetsloven § 7-2.".into()),
        Block::Heading("Hva jeg klager på".into()),
        Block::Paragraph("Kommunen har ikke vurdert at min mor har behov for hjelp med medisiner både morgen og kveld. Etter fallet i september klarer hun ikke å stå på kjøkkenet, og hun har «dårlige dager» der hun ikke kommer seg opp av sengen uten hjelp. Dette står i journalen fra fastlegen, men er ikke nevnt i vedtaket.".into()),
        Block::Paragraph("Kommunen plikter å tilby nødvendige helse- og omsorgstjenester, jf. helse- og omsorgstjenesteloven § 3-1, og tjenestene skal være forsvarlige, jf. § 4-1. Et tilbud som ikke sikrer at medisinene blir tatt til riktig tid, er etter min mening ikke forsvarlig. Egenandelen på 1 250 € per år er heller ikke forklart.".into()),
        Block::Heading("Hva jeg ber om".into()),
        Block::Bullets(vec![
            "at vedtaket omgjøres slik at min mor igjen får to besøk daglig – morgen og kveld,".into(),
            "at kommunen innhenter oppdatert uttalelse fra fastlegen før saken avgjøres på nytt,".into(),
            "at klagen sendes til Statsforvalteren i Troms og Finnmark dersom kommunen ikke gir meg medhold.".into(),
        ]),
        Block::Heading("Begrunnelse".into()),
        Block::Paragraph("Min mor bor alene og har ingen andre pårørende i nærheten. Jeg bor selv i Oslo og kan bare være hos henne noen dager i måneden. Hun snakker nordsamisk som morsmål (hun skriver navnet på hjembygda si som Guovdageaidnu, og bruker ord som čáhci, đuoddar, ŋurbmi, šaldi, ŧ og žiŋŋalit), og hun trenger at hjelperne tar seg tid til å forklare hva som skjer. Med bare ett besøk daglig blir det ikke tid til dette.".into()),
        Block::Paragraph("Jeg viser også til at kommunen i brev av 14. oktober 2026 skrev at tilbudet skulle «vurderes på nytt etter en prøveperiode». Det er ikke gjort. Jeg ber om innsyn i saksdokumentene, jf. forvaltningsloven § 18, og om at kommunen bekrefter at klagen er mottatt. ÆØÅ é – €.".into()),
    ]);
    l.signatures = vec![
        Signature {
            name: "Kari Nordmann".into(),
            role: Some("fullmektig for Åse Nordmann".into()),
        },
        Signature {
            name: "Åse Nordmann".into(),
            role: None,
        },
    ];
    l.attachments = vec![
        "Vedtak fra Tromsø kommune, datert 3. november 2026".into(),
        "Uttalelse fra fastlege Per Hansen, datert 10. november 2026".into(),
        "Fullmakt fra Åse Nordmann".into(),
    ];
    l
}

fn one_page_letter() -> Letter {
    base(vec![Block::Paragraph(
        "Jeg klager på vedtaket om praktisk bistand. Vedtaket er mangelfullt begrunnet.".into(),
    )])
}

/// Exactly `n` characters of Norwegian running text.
fn ground_text(n: usize) -> String {
    let sentence = "Kommunen har plikt til å gi forsvarlige tjenester, og vedtaket må begrunnes slik at søkeren forstår hvorfor behovet er vurdert som det er – også når pårørende bidrar. ";
    let mut text: String = sentence.chars().cycle().take(n).collect();
    if text.ends_with(' ') {
        text.pop();
        text.push('.');
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Reading the PDF back

/// The text of every page, one string per text positioning (that is, per drawn line).
fn extract(bytes: &[u8]) -> Vec<Vec<String>> {
    let doc = Document::load_mem(bytes).expect("lopdf reads the PDF");
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let mut cmaps: BTreeMap<Vec<u8>, HashMap<u16, String>> = BTreeMap::new();
        for (name, font) in doc.get_page_fonts(page_id).expect("fonts") {
            let tu = font.get(b"ToUnicode").expect("every font has a /ToUnicode");
            let (_, tu) = doc.dereference(tu).expect("ToUnicode");
            let stream = tu.as_stream().expect("ToUnicode stream");
            let data = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            cmaps.insert(name, parse_to_unicode(&data));
        }
        let content = Content::decode(&doc.get_page_content(page_id)).expect("decode");
        let mut lines: Vec<String> = Vec::new();
        let mut cur = String::new();
        let mut font: Vec<u8> = Vec::new();
        let show = |cur: &mut String, font: &[u8], o: &Object| {
            if let Object::String(bytes, _) = o {
                let map = &cmaps[font];
                for pair in bytes.chunks(2) {
                    let c = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                    cur.push_str(map.get(&c).map(String::as_str).unwrap_or("\u{FFFD}"));
                }
            }
        };
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => font = op.operands[0].as_name().expect("font name").to_vec(),
                "Tm" | "Td" | "TD" | "T*" | "ET" if !cur.is_empty() => {
                    lines.push(std::mem::take(&mut cur))
                }
                "Tj" => show(&mut cur, &font, &op.operands[0]),
                "TJ" => {
                    for o in op.operands[0].as_array().expect("TJ array") {
                        show(&mut cur, &font, o);
                    }
                }
                _ => {}
            }
        }
        if !cur.is_empty() {
            lines.push(cur);
        }
        pages.push(lines);
    }
    pages
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All text, whitespace collapsed, lines joined by a space.
fn all_text(pages: &[Vec<String>]) -> String {
    squash(
        &pages
            .iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Asserts that `needles` occur in `hay` in this order.
fn assert_in_order(hay: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let needle = squash(needle);
        match hay[from..].find(&needle) {
            Some(i) => from += i + needle.len(),
            None => panic!("{needle:?} not found (in order) in:\n{hay}"),
        }
    }
}

fn info_string(doc: &Document, key: &[u8]) -> String {
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("Info");
    let info = doc.get_dictionary(info).expect("Info dict");
    let bytes = info
        .get(key)
        .and_then(Object::as_str)
        .expect("key")
        .to_vec();
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn the_letter_reads_back_in_order_with_norwegian_letters_intact() {
    let letter = two_page_letter();
    let out = pdf::render(&letter).expect("render");
    assert!(out.replaced.is_empty(), "{:?}", out.replaced);
    let pages = extract(&out.bytes);
    assert_eq!(pages.len(), out.pages);
    let text = all_text(&pages);

    let mut expected: Vec<String> = Vec::new();
    expected.extend(letter.sender.iter().cloned());
    expected.extend(letter.recipient.iter().cloned());
    expected.push(letter.place_date.clone());
    expected.push(letter.heading.clone());
    expected.extend(letter.reference.clone());
    for block in &letter.blocks {
        match block {
            Block::Heading(s) | Block::Paragraph(s) => expected.push(s.clone()),
            Block::Bullets(items) => expected.extend(items.iter().map(|i| format!("• {i}"))),
        }
    }
    expected.push(letter.closing.clone());
    // Two signatures side by side: the names share a line, the role comes under the first.
    expected.push("Kari Nordmann Åse Nordmann fullmektig for Åse Nordmann".into());
    expected.push(format!("{}:", letter.attachments_label));
    expected.extend(letter.attachments.iter().map(|a| format!("• {a}")));
    // The page numbers come last on their pages.
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    let body = all_text(
        &pages
            .iter()
            .map(|p| {
                p.iter()
                    .filter(|l| !l.starts_with("Side "))
                    .cloned()
                    .collect()
            })
            .collect::<Vec<_>>(),
    );
    assert_in_order(&body, &expected);

    for c in [
        'æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'é', '§', '«', '»', '–', '€', 'á', 'č', 'đ', 'ŋ', 'š', 'ŧ',
        'ž',
    ] {
        assert!(text.contains(c), "{c} is missing from the extracted text");
    }
    assert!(!text.contains('\u{FFFD}'));
}

#[test]
fn a_realistic_letter_is_two_pages_and_small() {
    let out = pdf::render(&two_page_letter()).expect("render");
    assert_eq!(out.pages, 2);
    assert!(
        out.bytes.len() <= 40_000,
        "two-page letter is {} bytes",
        out.bytes.len()
    );
    let pages = extract(&out.bytes);
    assert_eq!(pages[0].last().map(String::as_str), Some("Side 1 av 2"));
    assert_eq!(pages[1].last().map(String::as_str), Some("Side 2 av 2"));
}

#[test]
fn pages_after_the_first_carry_the_name_and_the_reference() {
    let out = pdf::render(&two_page_letter()).expect("render");
    let pages = extract(&out.bytes);
    let header = |p: &Vec<String>| {
        p.iter()
            .any(|l| squash(l).contains("Kari Nordmann – Deres referanse: 26/1234"))
    };
    assert!(header(&pages[1]), "{:?}", pages[1]);
    // Page 1 has the full sender block and the reference under the heading instead.
    assert!(!header(&pages[0]), "{:?}", pages[0]);
}

#[test]
fn lopdf_extracts_the_text_too() {
    let out = pdf::render(&two_page_letter()).expect("render");
    let doc = Document::load_mem(&out.bytes).expect("load");
    let text = squash(&doc.extract_text(&[1, 2]).expect("lopdf extract_text"));
    assert_in_order(
        &text,
        &[
            "Kari Nordmann",
            "Klage på vedtak om hjemmesykepleie",
            "«dårlige dager»",
            "čáhci, đuoddar, ŋurbmi",
            "Side 1 av 2",
            "Med vennlig hilsen",
            "Vedlegg:",
            "Side 2 av 2",
        ],
    );
}

#[test]
fn a_one_page_letter_has_no_page_number() {
    let out = pdf::render(&one_page_letter()).expect("render");
    assert_eq!(out.pages, 1);
    let text = all_text(&extract(&out.bytes));
    assert!(!text.contains("Side 1"), "{text}");
    assert!(text.contains("Jeg klager på vedtaket om praktisk bistand."));
}

#[test]
fn a_20000_character_paragraph_runs_over_several_numbered_pages() {
    let ground = ground_text(20_000);
    assert_eq!(ground.chars().count(), 20_000);
    let mut letter = base(vec![
        Block::Heading("Saken".into()),
        Block::Paragraph(ground.clone()),
    ]);
    letter.lang = Lang::Nn;
    let out = pdf::render(&letter).expect("render");
    assert!(out.pages >= 4, "only {} pages", out.pages);
    let pages = extract(&out.bytes);
    assert_eq!(pages.len(), out.pages);
    let total = pages.len();
    for (n, page) in pages.iter().enumerate() {
        assert_eq!(
            page.last().cloned(),
            Some(format!("Side {} av {total}", n + 1)),
            "page {}",
            n + 1
        );
        // A page that is not the last is full: more than 40 lines of 11 pt text.
        if n > 0 && n + 1 < total {
            assert!(page.len() > 40, "page {} has {} lines", n + 1, page.len());
        }
    }
    let body: Vec<Vec<String>> = pages
        .iter()
        .map(|p| {
            // Without the page numbers and the small header of later pages.
            p.iter()
                .filter(|l| !l.starts_with("Side ") && !l.starts_with("Kari Nordmann – "))
                .cloned()
                .collect()
        })
        .collect();
    assert_in_order(
        &all_text(&body),
        &["Saken", &ground, "Med vennlig hilsen", "Kari Nordmann"],
    );
    // Widow control: the last page carries at least two lines of the paragraph besides the
    // closing ("Med vennlig hilsen") and the signature (one name line).
    let last = body.last().expect("pages");
    assert!(last.len() >= 4, "last page: {last:?}");
}

#[test]
fn fonts_are_embedded_and_subset() {
    let out = pdf::render(&two_page_letter()).expect("render");
    let doc = Document::load_mem(&out.bytes).expect("load");
    let mut programs = 0;
    let mut names = Vec::new();
    for obj in doc.objects.values() {
        if let Ok(dict) = obj.as_dict()
            && let Ok(file) = dict.get(b"FontFile2")
        {
            programs += 1;
            let (_, file) = doc.dereference(file).expect("FontFile2");
            let stream = file.as_stream().expect("stream");
            let data = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            assert!(data.len() > 1_000, "empty font program");
            // DejaVu Serif is ~370 KB; a subset for a letter is a small fraction of that.
            assert!(
                data.len() < 80_000,
                "font program of {} bytes is not subset",
                data.len()
            );
            names.push(
                String::from_utf8_lossy(
                    dict.get(b"FontName")
                        .and_then(Object::as_name)
                        .expect("FontName"),
                )
                .into_owned(),
            );
        }
    }
    assert_eq!(programs, 2, "regular and bold");
    for name in names {
        let (tag, family) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(family.starts_with("DejaVuSerif"), "{name}");
    }
}

#[test]
fn missing_glyphs_are_replaced_visibly_and_reported() {
    let letter = base(vec![Block::Paragraph(
        "Smil 🙂 og 漢字, og 🙂 igjen.".into(),
    )]);
    let out = pdf::render(&letter).expect("render");
    assert_eq!(out.replaced, vec!['🙂', '漢', '字']);
    let text = all_text(&extract(&out.bytes));
    assert!(
        text.contains("Smil \u{FFFD} og \u{FFFD}\u{FFFD}, og \u{FFFD} igjen."),
        "{text}"
    );
}

#[test]
fn metadata_title_author_language_and_date() {
    for (lang, code) in [(Lang::Nb, "nb"), (Lang::Nn, "nn")] {
        let mut letter = one_page_letter();
        letter.lang = lang;
        letter.heading = "Klage på vedtak – «avslag» på BPA".into();
        letter.sender[0] = "Åse Ødegård".into();
        let out = pdf::render(&letter).expect("render");
        let doc = Document::load_mem(&out.bytes).expect("load");
        assert_eq!(info_string(&doc, b"Title"), letter.heading);
        assert_eq!(info_string(&doc, b"Author"), "Åse Ødegård");
        assert!(info_string(&doc, b"CreationDate").starts_with("D:20261120"));
        let lang_obj = doc
            .catalog()
            .expect("catalog")
            .get(b"Lang")
            .and_then(Object::as_str)
            .expect("/Lang");
        assert_eq!(lang_obj, code.as_bytes());
    }
}

#[test]
fn the_same_letter_gives_the_same_bytes() {
    let a = pdf::render(&two_page_letter()).expect("render");
    let b = pdf::render(&two_page_letter()).expect("render");
    assert!(a.bytes == b.bytes, "output is not deterministic");
    let mut other = two_page_letter();
    other.heading.push('!');
    let c = pdf::render(&other).expect("render");
    assert!(a.bytes != c.bytes);
}

#[test]
fn no_page_ends_with_a_section_heading() {
    // Sections of varied length push the headings to every position on the page.
    let mut blocks = Vec::new();
    for k in 0..40 {
        blocks.push(Block::Heading(format!("Punkt {k}")));
        blocks.push(Block::Paragraph(ground_text(150 + (k * 137) % 700)));
    }
    let out = pdf::render(&base(blocks)).expect("render");
    let pages = extract(&out.bytes);
    assert!(pages.len() >= 4);
    for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
        let body: Vec<&String> = page.iter().filter(|l| !l.starts_with("Side ")).collect();
        for last in body.iter().rev().take(2) {
            assert!(
                !last.starts_with("Punkt "),
                "page {} ends with heading {last:?}",
                n + 1
            );
        }
    }
}

#[test]
fn hostile_letters_render_without_panicking() {
    let every_plane: String = (0..=16u32)
        .flat_map(|p| {
            [
                0x41u32, 0x3B1, 0xFFFD, 0x1F642, 0x20000, 0xE0001, 0xF0000, 0x10FFFD,
            ]
            .map(move |c| (c & 0xFFFF) | (p << 16))
        })
        .filter_map(char::from_u32)
        .collect();
    let controls: String = (0u32..0x20)
        .chain(0x7F..0xA0)
        .filter_map(char::from_u32)
        .collect();
    let long_word = "x".repeat(300);
    let url = format!("https://example.no/{}", "sti/".repeat(80));
    let letters = vec![
        Letter {
            lang: Lang::Nn,
            date: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            sender: vec![],
            recipient: vec![],
            place_date: String::new(),
            heading: String::new(),
            reference: None,
            blocks: vec![],
            closing: String::new(),
            signatures: vec![],
            attachments_label: String::new(),
            attachments: vec![String::new()],
        },
        base(vec![
            Block::Paragraph(String::new()),
            Block::Heading(String::new()),
            Block::Bullets(vec![String::new()]),
        ]),
        base(vec![Block::Paragraph(ground_text(20_000))]),
        base(vec![Block::Paragraph("y".repeat(20_000))]),
        base(vec![Block::Bullets(
            (0..5_000).map(|i| format!("Vedlegg {i}")).collect(),
        )]),
        base(vec![Block::Paragraph(format!(
            "Før {long_word} etter {url} slutt"
        ))]),
        base(vec![
            Block::Paragraph(controls.clone()),
            Block::Heading(controls.clone()),
        ]),
        base(vec![
            Block::Paragraph(every_plane.clone()),
            Block::Heading(every_plane.clone()),
        ]),
        base(vec![Block::Heading("Tom seksjon til slutt".into())]),
        {
            let mut l = base(vec![Block::Paragraph("Se vedleggene.".into())]);
            l.attachments = (0..5_000).map(|i| format!("Vedlegg nummer {i}")).collect();
            l.attachments_label = ground_text(400);
            l
        },
        {
            let mut l = base(vec![Block::Paragraph("Kort.".into())]);
            l.sender = (0..200).map(|i| format!("Avsenderlinje {i}")).collect();
            l.recipient = (0..200)
                .map(|i| format!("Mottakerlinje {i} {long_word}"))
                .collect();
            l.heading = ground_text(2_000);
            l.signatures = (0..7)
                .map(|i| Signature {
                    name: format!("Person {i} {long_word}"),
                    role: Some(ground_text(300)),
                })
                .collect();
            l
        },
        {
            let mut l = base(vec![Block::Paragraph(
                "\u{200B}\u{00AD}\u{FEFF}\u{200D}\t \u{00A0}".into(),
            )]);
            l.closing = "\u{202E}Med\u{00A0}vennlig\u{2028}hilsen".into();
            l
        },
    ];
    for (i, letter) in letters.iter().enumerate() {
        let out = pdf::render(letter).unwrap_or_else(|e| panic!("letter {i}: {e}"));
        assert!(out.pages >= 1);
        let doc = Document::load_mem(&out.bytes).unwrap_or_else(|e| panic!("letter {i}: {e}"));
        assert_eq!(doc.get_pages().len(), out.pages, "letter {i}");
        let pages = extract(&out.bytes);
        if out.pages > 1 {
            assert_eq!(
                pages.last().and_then(|p| p.last()).cloned(),
                Some(format!("Side {0} av {0}", out.pages)),
                "letter {i}"
            );
        }
        let text = all_text(&pages);
        let replacements = text.matches('\u{FFFD}').count();
        if out.replaced.is_empty() {
            assert_eq!(
                replacements, 0,
                "letter {i}: U+FFFD drawn but nothing reported"
            );
        } else {
            assert!(
                replacements > 0,
                "letter {i}: replacements reported but not drawn"
            );
        }
    }
    // The 300-character word and the URL are all there, broken across lines.
    let out = pdf::render(&letters[5]).expect("render");
    let joined: String = extract(&out.bytes).concat().concat();
    assert!(joined.contains(&long_word[..150]));
    assert!(
        joined
            .replace(' ', "")
            .contains(&format!("Før{long_word}etter{url}slutt"))
    );
    // Every plane: the characters the font lacks are reported, once each, in order.
    let out = pdf::render(&letters[7]).expect("render");
    assert!(out.replaced.contains(&'\u{1F642}') && out.replaced.contains(&'\u{10FFFD}'));
    let mut dedup = out.replaced.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), out.replaced.len());
    // Control characters are replaced and reported (tabs, line breaks are just spaces).
    let out = pdf::render(&letters[6]).expect("render");
    assert!(out.replaced.contains(&'\u{0}') && out.replaced.contains(&'\u{7F}'));
    assert!(!out.replaced.contains(&'\t') && !out.replaced.contains(&'\n'));
    // 5,000 bullets.
    let out = pdf::render(&letters[4]).expect("render");
    let text = all_text(&extract(&out.bytes));
    assert_in_order(
        &text,
        &[
            "• Vedlegg 0",
            "• Vedlegg 2500",
            "• Vedlegg 4999",
            "Med vennlig hilsen",
        ],
    );
}

/// Copy-paste as a PDF viewer does it, when poppler's pdftotext is installed.
#[test]
fn pdftotext_reads_the_letter_when_available() {
    let Ok(dir) = std::env::var("CARGO_TARGET_TMPDIR") else {
        return;
    };
    let path = std::path::Path::new(&dir).join("pdftotext-check.pdf");
    let out = pdf::render(&two_page_letter()).expect("render");
    std::fs::write(&path, &out.bytes).expect("write");
    let Ok(run) = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
    else {
        eprintln!("pdftotext not installed: skipped");
        return;
    };
    assert!(run.status.success());
    let text = squash(&String::from_utf8_lossy(&run.stdout));
    assert_in_order(
        &text,
        &[
            "Kari Nordmann",
            "Tromsø kommune",
            "Klage på vedtak om hjemmesykepleie",
            "«dårlige dager»",
            "čáhci, đuoddar, ŋurbmi, šaldi, ŧ og žiŋŋalit",
            "Side 1 av 2",
            "Med vennlig hilsen",
            "Vedlegg:",
            "Fullmakt fra Åse Nordmann",
            "Side 2 av 2",
        ],
    );
}

mod arbitrary_letters {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[a-zæøåA-ZÆØÅ §«»–€ ]{0,400}",
            "[\\PC\\s]{0,60}",
            "(x{0,300}|https://[a-z/]{0,200})",
        ]
    }

    fn letter() -> impl Strategy<Value = Letter> {
        let block = prop_oneof![
            text().prop_map(Block::Heading),
            text().prop_map(Block::Paragraph),
            prop::collection::vec(text(), 0..6).prop_map(Block::Bullets),
        ];
        (
            (
                prop::collection::vec(text(), 0..6),
                prop::collection::vec(text(), 0..6),
                text(),
                text(),
            ),
            (
                proptest::option::of(text()),
                prop::collection::vec(block, 0..12),
                text(),
            ),
            (
                prop::collection::vec((text(), proptest::option::of(text())), 0..4),
                text(),
                prop::collection::vec(text(), 0..8),
            ),
            any::<bool>(),
        )
            .prop_map(
                |(
                    (sender, recipient, place_date, heading),
                    (reference, blocks, closing),
                    (sigs, label, attachments),
                    nn,
                )| Letter {
                    lang: if nn { Lang::Nn } else { Lang::Nb },
                    date: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
                    sender,
                    recipient,
                    place_date,
                    heading,
                    reference,
                    blocks,
                    closing,
                    signatures: sigs
                        .into_iter()
                        .map(|(name, role)| Signature { name, role })
                        .collect(),
                    attachments_label: label,
                    attachments,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]
        #[test]
        fn any_letter_renders_to_a_readable_pdf(letter in letter()) {
            let out = pdf::render(&letter).expect("render");
            let doc = Document::load_mem(&out.bytes).expect("lopdf reads it");
            prop_assert_eq!(doc.get_pages().len(), out.pages);
            let mut seen = std::collections::HashSet::new();
            let input = format!("{letter:?}");
            for c in &out.replaced {
                prop_assert!(seen.insert(*c), "{:?} reported twice", c);
                prop_assert!(input.contains(*c) || input.contains(&c.escape_debug().to_string()), "{:?} reported but not in the letter", c);
            }
            let pages = extract(&out.bytes);
            if out.pages > 1 {
                for (n, page) in pages.iter().enumerate() {
                    prop_assert_eq!(page.last().cloned(), Some(format!("Side {} av {}", n + 1, out.pages)));
                }
            }
        }
    }
}
