//! The embedded faces (DejaVu Serif regular and bold): parsed once per process, with the
//! metrics the layout needs (advances, ascent and descent, the fallback for missing glyphs).

use std::sync::LazyLock;

use printpdf::ParsedFont;

/// DejaVu Serif, Bitstream Vera licence: see `assets/fonts/LICENSE-DejaVu.txt`.
static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSerif.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSerif-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Style {
    Regular,
    Bold,
}

pub(super) struct Face {
    pub(super) font: ParsedFont,
    /// Ascender and descender (positive), in em.
    ascent: f32,
    descent: f32,
    /// What a character the face lacks is drawn as: U+FFFD if the face has it, else '?'.
    pub(super) fallback: char,
}

pub(super) struct Faces {
    pub(super) regular: Face,
    pub(super) bold: Face,
}

/// The faces are parsed once per process.
pub(super) static FACES: LazyLock<Result<Faces, String>> = LazyLock::new(|| {
    Ok(Faces {
        regular: Face::parse(REGULAR_TTF, "DejaVuSerif")?,
        bold: Face::parse(BOLD_TTF, "DejaVuSerif-Bold")?,
    })
});

impl Face {
    /// Parse a face for measuring and embedding. Lazily: the outlines (`loca`/`glyf`) are never
    /// read, because measuring needs only `cmap` and `hmtx`, and the subset that is embedded is
    /// cut from the bytes by printpdf (allsorts). printpdf's `ParsedFont::from_bytes` loads them
    /// eagerly; that took most of a `render --format pdf` run (docs/PERFORMANCE.md).
    fn parse(bytes: &'static [u8], name: &str) -> Result<Face, String> {
        let mut warnings = Vec::new();
        let shared = std::sync::Arc::new(rust_fontconfig::FontBytes::Owned(bytes.into()));
        let font = printpdf::AzulParsedFont::from_bytes_shared(shared, 0, &mut warnings)
            .map(ParsedFont::from_azul)
            .ok_or_else(|| format!("{name}: {warnings:?}"))?;
        let upem = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let ascent = f32::from(font.hhea_table.ascender) / upem;
        let descent = -f32::from(font.hhea_table.descender) / upem;
        let has = |c: char| font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0);
        if !has('?') || !has(' ') {
            return Err(format!("{name}: the font has no '?' or space"));
        }
        let fallback = if has('\u{FFFD}') { '\u{FFFD}' } else { '?' };
        Ok(Face {
            font,
            ascent,
            descent,
            fallback,
        })
    }

    /// Advance of `c` in em, as the PDF viewer will apply it (printpdf writes /W in whole
    /// thousandths of an em, truncated), or `None` if the face has no glyph for it.
    pub(super) fn advance(&self, c: char) -> Option<f32> {
        let gid = self.font.lookup_glyph_index(c as u32).filter(|&g| g != 0)?;
        let upem = f32::from(self.font.pdf_font_metrics.units_per_em.max(1));
        let adv = f32::from(self.font.get_horizontal_advance(gid));
        Some((adv * 1000.0 / upem).trunc() / 1000.0)
    }

    /// Distance from the top of a line box of `height` to the baseline, for text of `size`.
    pub(super) fn baseline(&self, size: f32, height: f32) -> f32 {
        (height - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }
}
