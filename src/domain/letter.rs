//! The letter model: what a letter says, in order, with no idea of how it is drawn.
//!
//! A [`Letter`] is produced by composing a letter template (see `render::template`) with the
//! facts of a checked case. The text writer (`render::text`) and the PDF writer (`render::pdf`)
//! are sibling adapters that draw the same `Letter`.

use chrono::NaiveDate;
use serde::Serialize;

/// The written form of Norwegian the letter is in. The interface may also be English, but a
/// letter to a Norwegian municipality is always in bokmål or nynorsk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, Default)]
pub enum Lang {
    /// bokmål
    #[default]
    #[serde(rename = "nb")]
    Nb,
    /// nynorsk
    #[serde(rename = "nn")]
    Nn,
}

impl Lang {
    /// ISO 639-1 code, as used in the case file and in PDF metadata.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
        }
    }
}

/// One part of the letter's body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Block {
    /// A short section heading ("Hva jeg klager på").
    Heading(String),
    /// A paragraph of running text. Never contains a line break.
    Paragraph(String),
    /// A bulleted list (attachments, requests).
    Bullets(Vec<String>),
}

/// A signature line with the printed name under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub name: String,
    /// What the signer is ("fullmektig for Kari Nordmann"); `None` for the person themselves.
    pub role: Option<String>,
}

/// A whole letter, ready to be drawn as text or PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub lang: Lang,
    /// The letter's date (also the PDF creation date).
    pub date: NaiveDate,
    /// Sender block: name, address lines, phone, e-mail, one per line.
    pub sender: Vec<String>,
    /// Recipient block: "Tromsø kommune", address lines.
    pub recipient: Vec<String>,
    /// "Tromsø, 20. november 2026".
    pub place_date: String,
    /// "Klage på vedtak om hjemmesykepleie" (also the PDF title).
    pub heading: String,
    /// "Deres referanse: 26/1234", printed under the heading; `None` when there is none.
    pub reference: Option<String>,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// "Med vennlig hilsen".
    pub closing: String,
    /// One or two signatures.
    pub signatures: Vec<Signature>,
    /// "Vedlegg", the label of the attachment list printed after the signatures.
    pub attachments_label: String,
    /// The attachments, one per line; empty when there are none.
    pub attachments: Vec<String>,
}

impl Letter {
    /// The sender's name, for PDF metadata (author).
    pub fn author(&self) -> &str {
        self.sender.first().map(String::as_str).unwrap_or("")
    }
}

/// The letters the program writes from one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LetterKind {
    /// The complaint itself (klage).
    #[default]
    Complaint,
    /// Request for access to the case documents (innsyn).
    Innsyn,
    /// Request that a cut is not carried out until the complaint is decided (utsatt iverksetting).
    Postponement,
    /// Request for the reasons of a decision that gave none (begrunnelse).
    Reasons,
    /// Reminder when the municipality has not answered (purring).
    Reminder,
    /// A power of attorney for the person to sign (fullmakt).
    Fullmakt,
    /// Additional information to a complaint already sent (tilleggsopplysninger).
    Supplement,
}

impl LetterKind {
    pub const ALL: [LetterKind; 7] = [
        LetterKind::Complaint,
        LetterKind::Innsyn,
        LetterKind::Postponement,
        LetterKind::Reasons,
        LetterKind::Reminder,
        LetterKind::Fullmakt,
        LetterKind::Supplement,
    ];

    /// The id used on the command line (`--letter`) and as the template name.
    pub fn id(self) -> &'static str {
        match self {
            LetterKind::Complaint => "complaint",
            LetterKind::Innsyn => "innsyn",
            LetterKind::Postponement => "postponement",
            LetterKind::Reasons => "reasons",
            LetterKind::Reminder => "reminder",
            LetterKind::Fullmakt => "fullmakt",
            LetterKind::Supplement => "supplement",
        }
    }

    pub fn from_id(id: &str) -> Option<LetterKind> {
        LetterKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The letter refers to the date the complaint was sent (when it is known).
    pub fn cites_sent(self) -> bool {
        matches!(
            self,
            LetterKind::Postponement | LetterKind::Reminder | LetterKind::Supplement
        )
    }

    /// The letter cannot be written without the date the complaint was sent.
    pub fn needs_sent(self) -> bool {
        matches!(self, LetterKind::Reminder | LetterKind::Supplement)
    }
}
