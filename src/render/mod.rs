//! Adapters that turn the domain's letters into bytes: the template engine (wording), plain
//! text and PDF.

pub mod pdf;
pub mod template;
pub mod text;

use crate::domain::case::Case;
use crate::domain::compose;
use crate::domain::letter::Letter;

/// The complaint letter for a checked case.
pub fn complaint(case: &Case) -> Result<Letter, template::TemplateError> {
    template::compose(
        "complaint",
        case.lang,
        case.letter_date,
        &compose::complaint(case),
    )
}
