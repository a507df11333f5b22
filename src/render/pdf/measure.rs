//! Characters and measuring: what each character of the letter becomes on the page, and the
//! per-render state that measures text by real glyph advances.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::fonts::{Face, Faces, Style};
use super::structure::Tree;

/// What a character of the letter becomes on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mapped {
    /// Drawn with this character (the original, or the visible fallback).
    Char(char),
    /// A breakable space (any whitespace, including tabs and line breaks).
    Space,
    /// A space that must not break (no-break, figure and narrow no-break space).
    NoBreakSpace,
    /// A break opportunity without width (zero-width space).
    ZeroWidthBreak,
    /// An invisible formatting character (soft hyphen, joiners, bidi marks, variation
    /// selectors, BOM): drawn as nothing, as it would be anywhere else.
    Drop,
}

pub(super) fn classify(c: char) -> Option<Mapped> {
    Some(match c {
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => Mapped::NoBreakSpace,
        '\u{200B}' => Mapped::ZeroWidthBreak,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' => Mapped::Drop,
        c if c.is_whitespace() => Mapped::Space,
        _ => return None,
    })
}

/// A line of text, ready to draw: what it says and how wide it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) width: f32,
}

/// The per-render state: the faces, an advance cache, the characters replaced so far and the
/// characters drawn with each face (for the subset tag).
pub(super) struct Ctx<'f> {
    pub(super) faces: &'f Faces,
    advances: HashMap<(Style, char), Option<f32>>,
    pub(super) replaced: Vec<char>,
    replaced_set: HashSet<char>,
    pub(super) used: [BTreeSet<char>; 2],
    /// The letter's logical structure, built with the flow (see `structure`).
    pub(super) tree: Tree,
}

impl<'f> Ctx<'f> {
    pub(super) fn new(faces: &'f Faces) -> Self {
        Ctx {
            faces,
            advances: HashMap::new(),
            replaced: Vec::new(),
            replaced_set: HashSet::new(),
            used: [BTreeSet::new(), BTreeSet::new()],
            tree: Tree::default(),
        }
    }

    pub(super) fn face(&self, style: Style) -> &'f Face {
        match style {
            Style::Regular => &self.faces.regular,
            Style::Bold => &self.faces.bold,
        }
    }

    /// Advance of a character the face has, in em (0 for one it lacks; never asked for).
    pub(super) fn advance(&mut self, style: Style, c: char) -> Option<f32> {
        let face = self.face(style);
        *self
            .advances
            .entry((style, c))
            .or_insert_with(|| face.advance(c))
    }

    pub(super) fn map(&mut self, style: Style, c: char) -> Mapped {
        if let Some(m) = classify(c) {
            return m;
        }
        if !c.is_control() && self.advance(style, c).is_some() {
            return Mapped::Char(c);
        }
        if self.replaced_set.insert(c) {
            self.replaced.push(c);
        }
        Mapped::Char(self.face(style).fallback)
    }

    /// Width of `text` (already mapped: every char is one the face has) at `size`.
    pub(super) fn width(&mut self, style: Style, size: f32, text: &str) -> f32 {
        text.chars()
            .map(|c| self.advance(style, c).unwrap_or(0.0))
            .sum::<f32>()
            * size
    }

    /// Maps a one-line text (a footer, a signature name) without wrapping it.
    pub(super) fn run(&mut self, style: Style, size: f32, text: &str) -> Run {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match self.map(style, c) {
                Mapped::Char(m) => out.push(m),
                Mapped::Space | Mapped::NoBreakSpace => out.push(' '),
                Mapped::ZeroWidthBreak | Mapped::Drop => {}
            }
        }
        let width = self.width(style, size, &out);
        Run { text: out, width }
    }
}
