//! PDF/A-2a: what an archive (Noark 5) needs besides the tagged structure. The document
//! information dictionary and the XMP metadata stream say the same things (title, author,
//! language, dates, the program), the XMP identifies the file as PDF/A-2 level A, and an sRGB
//! output intent with its ICC profile embedded says what the colours mean. docs/QUALITY.md
//! tells which rule is checked how; `tests/pdf.rs` reads each back.

use chrono::NaiveDate;
use lopdf::{Dictionary, Document, Object, Stream, text_string};

use crate::domain::letter::Letter;

/// sRGB, ICC v2 (Little CMS), zlib licence: see `assets/icc/LICENSE-sRGB.txt`.
pub(crate) static SRGB_ICC: &[u8] = include_bytes!("../../../assets/icc/sRGB.icc");

/// The PDF/A part and conformance level the letter claims (ISO 19005-2, level A: accessible,
/// that is tagged with a logical structure, Unicode text and a natural language).
pub const PDFA_PART: u8 = 2;
pub const PDFA_CONFORMANCE: &str = "A";

/// What the program calls itself in the file.
const CREATOR: &str = "omsorgsklage";
const PRODUCER: &str = "omsorgsklage (printpdf 0.12, lopdf 0.44)";

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// The date as the info dictionary writes it: `D:20261120000000Z`.
fn info_date(date: NaiveDate) -> String {
    format!("D:{}000000Z", date.format("%Y%m%d"))
}

/// The same instant as XMP writes it: `2026-11-20T00:00:00Z`.
fn xmp_date(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 has no place for most control characters: leave them out.
            c if !xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet: Dublin Core title, creator and language, the dates, the tool, and the
/// PDF/A identification. Only schemas PDF/A-2 predefines (dc, xmp, pdf, pdfaid), so no
/// extension schema is needed.
pub(super) fn xmp(letter: &Letter) -> String {
    let date = xmp_date(letter.date);
    let author = letter.author().trim();
    let creator = if author.is_empty() {
        String::new()
    } else {
        format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            xml_escape(author)
        )
    };
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
   <dc:format>application/pdf</dc:format>\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
{creator}\
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
   <xmp:CreateDate>{date}</xmp:CreateDate>\n\
   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
   <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
   <xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>\n\
   <pdf:Producer>{PRODUCER}</pdf:Producer>\n\
   <pdfaid:part>{PDFA_PART}</pdfaid:part>\n\
   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        title = xml_escape(&letter.heading),
        lang = letter.lang.code(),
    )
}

/// Makes `doc` (the tagged letter) PDF/A-2a: a fresh info dictionary that matches the XMP
/// metadata, the metadata stream, the output intent.
pub(super) fn make_archival(doc: &mut Document, letter: &Letter) -> Result<(), lopdf::Error> {
    // The info dictionary, written anew so it holds exactly what the XMP holds: PDF/A-2
    // (6.6.3) wants every entry that has an XMP equivalent to agree with it. Characters XML
    // cannot carry are left out of both.
    let mut info = Dictionary::new();
    info.set("Title", text_string(&xml_unescaped(&letter.heading)));
    let author = xml_unescaped(letter.author().trim());
    if !author.is_empty() {
        info.set("Author", text_string(&author));
    }
    info.set("Creator", text_string(CREATOR));
    info.set("Producer", text_string(PRODUCER));
    info.set(
        "CreationDate",
        Object::string_literal(info_date(letter.date)),
    );
    info.set("ModDate", Object::string_literal(info_date(letter.date)));
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(info));
        }
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }

    // The metadata stream is left uncompressed, so any tool can read it (PDF/A-1 demanded
    // it; it costs about a kilobyte).
    let mut dict = Dictionary::new();
    dict.set("Type", name("Metadata"));
    dict.set("Subtype", name("XML"));
    let metadata = Stream::new(dict, xmp(letter).into_bytes()).with_compression(false);
    let metadata_id = doc.add_object(metadata);

    let mut icc_dict = Dictionary::new();
    icc_dict.set("N", Object::Integer(3));
    let icc_id = doc.add_object(Stream::new(icc_dict, SRGB_ICC.to_vec()));
    let mut intent = Dictionary::new();
    intent.set("Type", name("OutputIntent"));
    intent.set("S", name("GTS_PDFA1"));
    intent.set("OutputConditionIdentifier", Object::string_literal("sRGB"));
    intent.set("Info", Object::string_literal("sRGB IEC61966-2.1"));
    intent.set(
        "RegistryName",
        Object::string_literal("http://www.color.org"),
    );
    intent.set("DestOutputProfile", Object::Reference(icc_id));

    let catalog = doc.catalog_mut()?;
    catalog.set("Metadata", Object::Reference(metadata_id));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    Ok(())
}

/// `s` as it reads back from the XMP (what `xml_escape` leaves out is left out here too).
fn xml_unescaped(s: &str) -> String {
    s.chars().filter(|&c| xml_char(c)).collect()
}

/// A character XML 1.0 can carry.
fn xml_char(c: char) -> bool {
    ((c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
}
