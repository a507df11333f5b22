//! Placeholder until the PDF writer lands.
use crate::domain::letter::Letter;

#[derive(Debug)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub replaced: Vec<char>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("PDF: {0}")]
    Write(String),
}

pub fn render(_letter: &Letter) -> Result<Pdf, PdfError> {
    Err(PdfError::Write("ikke ferdig".into()))
}
