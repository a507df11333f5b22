//! Adapters that turn the domain's letters into bytes: the template engine (wording), plain
//! text and PDF.

pub mod envelope;
pub mod pdf;
pub mod template;
pub mod text;

use crate::domain::case::Case;
use crate::domain::compose;
use crate::domain::letter::{Letter, LetterKind};

/// The complaint letter for a checked case.
pub fn complaint(case: &Case) -> Result<Letter, template::TemplateError> {
    letter(case, LetterKind::Complaint)
}

/// Any letter for a case checked for that letter (`case::check_for`).
pub fn letter(case: &Case, kind: LetterKind) -> Result<Letter, template::TemplateError> {
    letter_with(case, kind, false)
}

/// The letter as it goes first in a PDF envelope: the attachments that are files are marked
/// as being in the same file.
pub fn envelope_letter(case: &Case, kind: LetterKind) -> Result<Letter, template::TemplateError> {
    letter_with(case, kind, true)
}

fn letter_with(
    case: &Case,
    kind: LetterKind,
    bundled: bool,
) -> Result<Letter, template::TemplateError> {
    let mut ctx = compose::complaint(case);
    ctx.kind = kind.id();
    if bundled {
        for a in &mut ctx.attachments {
            a.bundled = a.has_file;
        }
    }
    template::compose(kind.id(), case.lang, case.letter_date, &ctx)
}
