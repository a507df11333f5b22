//! Attachments: a line in the letter's list, or a file (PDF, JPEG or PNG) bundled after the
//! letter in the PDF (case format 0.2, `attachments[]`).
//!
//! Pure like the rest of the domain: a file is only a path here. Reading it, and saying what is
//! wrong with it ([`Fault`]), is the export's job.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::case::{Arg, Representative, Role};
use super::letter::Lang;

/// One item of `attachments[]` as written in the case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RawAttachment {
    /// `"Kopi av vedtaket"`: a line in the list (format 0.1).
    Text(String),
    /// `{ "title": "Legeerklæring", "file": "legeerklaering.pdf" }`.
    File(RawAttachmentFile),
}

/// The object form of an attachment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawAttachmentFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl RawAttachment {
    /// The line in the letter's list (may be empty in a draft).
    pub fn title(&self) -> &str {
        match self {
            RawAttachment::Text(s) => s,
            RawAttachment::File(f) => f.title.as_deref().unwrap_or(""),
        }
    }

    /// The file's path as written, when it is a file.
    pub fn file(&self) -> Option<&str> {
        match self {
            RawAttachment::Text(_) => None,
            RawAttachment::File(f) => f.file.as_deref().filter(|s| !s.trim().is_empty()),
        }
    }
}

impl RawAttachment {
    /// A file attachment, titled from its file name as a first suggestion
    /// ([`suggested_title`]); the title is the person's to change ([`RawAttachment::set_title`]).
    pub fn from_file(path: &str) -> RawAttachment {
        RawAttachment::File(RawAttachmentFile {
            title: Some(suggested_title(path)),
            file: Some(path.to_string()),
        })
    }

    /// Change the line shown in the letter's list; a file stays attached.
    pub fn set_title(&mut self, title: &str) {
        match self {
            RawAttachment::Text(s) => *s = title.to_string(),
            RawAttachment::File(f) => f.title = Some(title.to_string()),
        }
    }
}

/// A first suggestion for a file's title, from its name: "legeerklaering_2026.pdf" →
/// "Legeerklaering 2026". Only a suggestion: the title the letter shows is the one the person
/// keeps or writes.
pub fn suggested_title(path: &str) -> String {
    let stem = std::path::Path::new(path.trim())
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words = stem.replace(['_', '-'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => path.trim().to_string(),
    }
}

/// The representative's own document, which the complaint lists as an attachment: the verge's
/// vergefullmakt from Statsforvalteren, or a signed fullmakt (FACTS.md §5).
///
/// The rule that keeps it to one line: an attachment *is* this document when its title names
/// it in either language ("Vergefullmakt", "Verjefullmakt", "Kopi av vergefullmakt"; for a
/// fullmakt, "fullmakt" but not a verge's). The letter then lists it once, in the letter's
/// language, keeping the person's file (so that a PDF can say it is inside); without one, the
/// document's name is added as a line of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RepDocument {
    Vergefullmakt,
    Fullmakt,
}

impl RepDocument {
    /// The document a representative's letter lists: a verge's vergefullmakt, or the signed
    /// fullmakt a letter rests on; none for a parent, a helper without fullmakt or a lawyer
    /// without one.
    pub fn of(rep: &Representative) -> Option<RepDocument> {
        if rep.role == Role::Verge {
            Some(RepDocument::Vergefullmakt)
        } else if rep.has_fullmakt() {
            Some(RepDocument::Fullmakt)
        } else {
            None
        }
    }

    /// The attachment in `list` that is this document (the first with a file, else the
    /// first), when the person added it; the wizard's line for adding its file uses it.
    pub fn find_in(self, list: &[RawAttachment]) -> Option<usize> {
        let docs = || {
            list.iter()
                .enumerate()
                .filter(|(_, a)| self.is_named_in(a.title()))
        };
        docs()
            .find(|(_, a)| a.file().is_some())
            .or_else(|| docs().next())
            .map(|(i, _)| i)
    }

    /// Its name in the letter's language.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RepDocument::Vergefullmakt, Lang::Nb) => "Vergefullmakt",
            (RepDocument::Vergefullmakt, Lang::Nn) => "Verjefullmakt",
            (RepDocument::Fullmakt, _) => "Fullmakt",
        }
    }

    /// Its name in lower case, in bokmål and nynorsk.
    fn words(self) -> &'static [&'static str] {
        match self {
            RepDocument::Vergefullmakt => &["vergefullmakt", "verjefullmakt"],
            RepDocument::Fullmakt => &["fullmakt"],
        }
    }

    /// The attachment titled `title` is this document.
    pub fn is_named_in(self, title: &str) -> bool {
        let t = title.to_lowercase();
        let verge = RepDocument::Vergefullmakt
            .words()
            .iter()
            .any(|w| t.contains(w));
        match self {
            RepDocument::Vergefullmakt => verge,
            RepDocument::Fullmakt => !verge && t.contains("fullmakt"),
        }
    }

    /// `title`, which names this document, in the letter's language: the bare name becomes the
    /// letter's word ("Vergefullmakt" in a nynorsk letter: "Verjefullmakt"); a longer title
    /// keeps the person's words with the name in the letter's language.
    pub fn in_language(self, title: &str, lang: Lang) -> String {
        let own = self.title(lang);
        let words = self.words();
        if words.iter().any(|w| title.trim().to_lowercase() == *w) {
            return own.to_string();
        }
        let mut out = title.to_string();
        for w in words {
            // The names are ASCII: a match is the same bytes in any case.
            let found = out.char_indices().map(|(i, _)| i).find(|&i| {
                out.get(i..i + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
            });
            if let Some(at) = found {
                let capital = out[at..].starts_with(|c: char| c.is_uppercase());
                let word = if capital {
                    own.to_string()
                } else {
                    own.to_lowercase()
                };
                out.replace_range(at..at + w.len(), &word);
                break;
            }
        }
        out
    }
}

impl From<&str> for RawAttachment {
    fn from(s: &str) -> RawAttachment {
        RawAttachment::Text(s.to_string())
    }
}

// A string or an object, by hand rather than `#[serde(untagged)]`, so that an unknown field in
// the object is still reported (untagged buffers the input and hides it), and a wrong type gets
// a message that names what is expected.
impl<'de> Deserialize<'de> for RawAttachment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAttachment;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an object with title and file")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAttachment, E> {
                Ok(RawAttachment::Text(v.to_string()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<RawAttachment, E> {
                Ok(RawAttachment::Text(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawAttachment, A::Error> {
                RawAttachmentFile::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawAttachment::File)
            }
        }
        d.deserialize_any(V)
    }
}

/// A checked attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// The line in the letter's list.
    pub title: String,
    /// The file to bundle, as written in the case file (relative to its folder, or absolute).
    pub file: Option<String>,
}

/// What is wrong with an attachment's file. The export finds these; the words are the
/// interface's (`problem.attachment-<key>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Fault {
    /// No file at that path (it may have been moved since).
    NotFound { path: String },
    /// The path is a folder.
    Folder { path: String },
    /// The file could not be read (permissions, …).
    Unreadable { path: String },
    /// Not a PDF, JPEG or PNG, by its content.
    UnknownKind { path: String },
    /// Larger than the program takes.
    TooLarge {
        path: String,
        mb: u64,
        limit_mb: u64,
    },
    /// A PDF, JPEG or PNG that cannot be read.
    Damaged { path: String },
    /// A PDF locked with a password or encrypted.
    Encrypted { path: String },
    /// A picture with more pixels than the program takes (in millions).
    TooManyPixels {
        path: String,
        megapixels: u64,
        limit: u64,
    },
}

impl Fault {
    /// The message key (`problem.attachment-<key>`).
    pub fn key(&self) -> &'static str {
        match self {
            Fault::NotFound { .. } => "attachment-not-found",
            Fault::Folder { .. } => "attachment-folder",
            Fault::Unreadable { .. } => "attachment-unreadable",
            Fault::UnknownKind { .. } => "attachment-kind",
            Fault::TooLarge { .. } => "attachment-too-large",
            Fault::Damaged { .. } => "attachment-damaged",
            Fault::Encrypted { .. } => "attachment-encrypted",
            Fault::TooManyPixels { .. } => "attachment-too-many-pixels",
        }
    }

    /// The values the message needs.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        let path = |p: &String| ("path", Arg::Text(p.clone()));
        match self {
            Fault::NotFound { path: p }
            | Fault::Folder { path: p }
            | Fault::UnknownKind { path: p }
            | Fault::Damaged { path: p }
            | Fault::Encrypted { path: p }
            | Fault::Unreadable { path: p } => vec![path(p)],
            Fault::TooLarge {
                path: p,
                mb,
                limit_mb,
            } => vec![
                path(p),
                ("mb", Arg::Number(*mb as i64)),
                ("limit", Arg::Number(*limit_mb as i64)),
            ],
            Fault::TooManyPixels {
                path: p,
                megapixels,
                limit,
            } => vec![
                path(p),
                ("megapixels", Arg::Number(*megapixels as i64)),
                ("limit", Arg::Number(*limit as i64)),
            ],
        }
    }
}

/// The field a problem with attachment `i`'s file names: `attachments[0].file`.
pub fn file_field(i: usize) -> String {
    format!("attachments[{i}].file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_objects_both_read_and_write_back_as_they_were() {
        let json = r#"["Kopi av vedtaket",{"title":"Legeerklæring","file":"lege.pdf"}]"#;
        let v: Vec<RawAttachment> = serde_json::from_str(json).expect("reads");
        assert_eq!(v[0], RawAttachment::Text("Kopi av vedtaket".into()));
        assert_eq!(v[1].title(), "Legeerklæring");
        assert_eq!(v[1].file(), Some("lege.pdf"));
        assert_eq!(serde_json::to_string(&v).expect("writes"), json);
    }

    #[test]
    fn a_file_is_titled_from_its_name_and_the_title_can_be_changed() {
        let mut a = RawAttachment::from_file("/home/eva/vedtak_foto.jpg");
        assert_eq!(a.title(), "Vedtak foto");
        a.set_title("Vedtaket fra kommunen");
        assert_eq!(a.title(), "Vedtaket fra kommunen");
        assert_eq!(a.file(), Some("/home/eva/vedtak_foto.jpg"));
    }

    #[test]
    fn the_verges_document_is_known_by_its_name_in_either_language() {
        let v = RepDocument::Vergefullmakt;
        for t in ["Vergefullmakt", "verjefullmakt", "Kopi av vergefullmakt"] {
            assert!(v.is_named_in(t), "{t}");
        }
        assert!(!v.is_named_in("Fullmakt"));
        assert!(!RepDocument::Fullmakt.is_named_in("Vergefullmakt"));
        assert!(RepDocument::Fullmakt.is_named_in("Signert fullmakt"));
        assert_eq!(v.in_language("Vergefullmakt", Lang::Nn), "Verjefullmakt");
        assert_eq!(v.in_language(" verjefullmakt ", Lang::Nb), "Vergefullmakt");
        assert_eq!(
            v.in_language("Kopi av vergefullmakt", Lang::Nn),
            "Kopi av verjefullmakt"
        );
    }

    #[test]
    fn the_persons_own_line_for_the_document_is_found_preferring_a_file() {
        let list = vec![
            RawAttachment::from("Vedtaket"),
            RawAttachment::from("Verjefullmakt"),
            RawAttachment::from_file("vergefullmakt.pdf"),
        ];
        assert_eq!(list[2].title(), "Vergefullmakt");
        assert_eq!(RepDocument::Vergefullmakt.find_in(&list), Some(2));
        assert_eq!(RepDocument::Vergefullmakt.find_in(&list[..2]), Some(1));
        assert_eq!(RepDocument::Fullmakt.find_in(&list), None);
    }

    #[test]
    fn a_number_is_neither() {
        let e = serde_json::from_str::<Vec<RawAttachment>>("[5]").expect_err("refused");
        assert!(e.to_string().contains("a string or an object"), "{e}");
    }
}
