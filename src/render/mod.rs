//! Adapters that turn the domain's letters into bytes: the template engine (wording), plain
//! text and PDF.

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
    let mut ctx = compose::complaint(case);
    ctx.kind = kind.id();
    template::compose(kind.id(), case.lang, case.letter_date, &ctx)
}
