//! The one way from a case to bytes and files, used by both front ends (`render`, `cases
//! export`, the wizard's save and its preview).
//!
//! - [`letter`]: a raw case, checked for one kind of letter, becomes the letter (or every error).
//! - [`render`]: the letter becomes the files asked for (text, PDF or both), named by the one
//!   file-name rule ([`file_name`]).
//! - [`write_files`]: nothing is replaced without consent; when a file exists and overwriting is
//!   not allowed, nothing at all is written.
//! - [`write_error`] / [`io_reason`]: the one wording of a failed read or write, in plain words
//!   from the interface catalogue rather than the operating system's message.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::case::{self, Case, Problem, RawCase};
use crate::domain::letter::{Letter, LetterKind};
use crate::fsutil;
use crate::i18n::{Ui, problem_line, t, tf};
use crate::render;

/// Which files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Formats {
    #[default]
    Text,
    Pdf,
    Both,
}

impl Formats {
    pub fn text(self) -> bool {
        matches!(self, Formats::Text | Formats::Both)
    }

    pub fn pdf(self) -> bool {
        matches!(self, Formats::Pdf | Formats::Both)
    }
}

/// Why a letter could not be made.
#[derive(Debug)]
pub enum ExportError {
    /// The case is not complete for this letter: its problems (errors and warnings).
    Incomplete(Vec<Problem>),
    /// The template failed (a broken build, not a user error).
    Template(String),
    /// The PDF could not be drawn.
    Pdf(String),
}

impl ExportError {
    /// In plain words, one line each.
    pub fn lines(&self, ui: Ui) -> Vec<String> {
        match self {
            ExportError::Incomplete(ps) => std::iter::once(t(ui, "render.incomplete"))
                .chain(
                    ps.iter()
                        .filter(|p| p.is_error())
                        .map(|p| problem_line(ui, p)),
                )
                .collect(),
            ExportError::Template(e) => vec![e.clone()],
            ExportError::Pdf(e) => vec![tf(ui, "tui.done.pdf-failed", &[("reason", e.clone())])],
        }
    }
}

/// The letter of `kind` for a raw case, with the checked case it was made from; or why not.
pub fn letter(
    raw: &RawCase,
    today: NaiveDate,
    kind: LetterKind,
) -> Result<(Case, Letter), ExportError> {
    let checked = case::check_for(raw, today, kind);
    let Some(c) = checked.case else {
        return Err(ExportError::Incomplete(checked.problems));
    };
    let l = render::letter(&c, kind).map_err(|e| ExportError::Template(e.to_string()))?;
    Ok((c, l))
}

/// The letter as text, exactly as it will be written (the wizard's preview); or, when it cannot
/// be written yet, why: "Brevet kan ikke skrives …" and a "- " line per error.
pub fn letter_text(
    raw: &RawCase,
    today: NaiveDate,
    ui: Ui,
    kind: LetterKind,
) -> Result<String, String> {
    match letter(raw, today, kind) {
        Ok((_, l)) => Ok(render::text::render(&l)),
        Err(ExportError::Incomplete(ps)) => {
            let lines: Vec<String> = ps
                .iter()
                .filter(|p| p.is_error())
                .map(|p| format!("- {}", problem_line(ui, p)))
                .collect();
            Err(format!(
                "{}\n{}",
                t(ui, "render.incomplete"),
                lines.join("\n")
            ))
        }
        Err(e) => Err(e.lines(ui).join("\n")),
    }
}

/// Files ready to be written, and what the reader should know about them.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Path and contents, in the order they are written (text before PDF).
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Characters the PDF font lacks, replaced visibly.
    pub replaced: Vec<char>,
}

/// The files of one letter: `base` + ".txt" and/or ".pdf" (see [`file_name`]).
pub fn render(letter: &Letter, formats: Formats, base: &Path) -> Result<Rendered, ExportError> {
    let mut out = Rendered::default();
    if formats.text() {
        out.files.push((
            file_name(base, "txt"),
            render::text::render(letter).into_bytes(),
        ));
    }
    if formats.pdf() {
        let pdf = render::pdf::render(letter).map_err(|e| ExportError::Pdf(e.to_string()))?;
        out.replaced = pdf.replaced;
        out.files.push((file_name(base, "pdf"), pdf.bytes));
    }
    Ok(out)
}

/// The one file-name rule: a ".txt" or ".pdf" the person typed (in any case) is taken off, and
/// the extension of the file is added. Any other dot stays part of the name, so
/// "klage.kari" becomes "klage.kari.pdf", never "klage.pdf".
pub fn file_name(base: &Path, ext: &str) -> PathBuf {
    let mut s: OsString = strip_letter_ext(base).into_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// The path without a ".txt" or ".pdf" at its end.
pub fn strip_letter_ext(path: &Path) -> PathBuf {
    let is_letter_ext = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("pdf"));
    let has_stem = path.file_stem().is_some_and(|s| !s.is_empty());
    if is_letter_ext && has_stem {
        path.with_extension("")
    } else {
        path.to_path_buf()
    }
}

/// A path the person typed: trimmed, `~/` made the home folder, a ".txt"/".pdf" taken off.
pub fn base_of(typed: &str) -> PathBuf {
    strip_letter_ext(&expand_home(typed.trim()))
}

/// `~` and `~/…` as the home folder; anything else as it is.
pub fn expand_home(typed: &str) -> PathBuf {
    let rest = if typed == "~" {
        Some("")
    } else {
        typed.strip_prefix("~/")
    };
    match (rest, directories::BaseDirs::new()) {
        (Some(rest), Some(b)) => b.home_dir().join(rest),
        _ => PathBuf::from(typed),
    }
}

/// "klage-kari-nordmann-2026-11-20", for files written without a name given.
pub fn default_file_name(kind: LetterKind, name: &str, date: NaiveDate) -> PathBuf {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' => "ae".to_string(),
            'ø' => "o".to_string(),
            'å' => "a".to_string(),
            c if c.is_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let prefix = match kind {
        LetterKind::Complaint => "klage",
        LetterKind::Innsyn => "innsyn",
        LetterKind::Postponement => "utsatt-iverksetting",
        LetterKind::Reasons => "begrunnelse",
        LetterKind::Reminder => "purring",
        LetterKind::Fullmakt => "fullmakt",
        LetterKind::Supplement => "tilleggsopplysninger",
    };
    let who = if slug.is_empty() { "brev" } else { &slug };
    PathBuf::from(format!("{prefix}-{who}-{date}"))
}

/// What [`write_files`] did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written, in order.
    pub written: Vec<PathBuf>,
    /// Files that exist already: when this is not empty, nothing was written.
    pub exists: Vec<PathBuf>,
    /// The write that failed (the files after it were not tried).
    pub failed: Option<(PathBuf, std::io::Error)>,
}

/// Write the files, owner-only. Unless `overwrite`, first make sure none of them exists, so
/// that nothing is written half (a text file without its PDF).
pub fn write_files(files: &[(PathBuf, Vec<u8>)], overwrite: bool) -> Written {
    let mut out = Written::default();
    if !overwrite {
        out.exists = files
            .iter()
            .filter(|(p, _)| p.exists())
            .map(|(p, _)| p.clone())
            .collect();
        if !out.exists.is_empty() {
            return out;
        }
    }
    for (p, bytes) in files {
        match fsutil::write_file(p, bytes, overwrite) {
            Ok(()) => out.written.push(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                // Made by someone else between the look and the write.
                out.exists.push(p.clone());
                return out;
            }
            Err(e) => {
                out.failed = Some((p.clone(), e));
                return out;
            }
        }
    }
    out
}

/// An I/O error in plain words from the catalogue; the system's own message only for a kind
/// that has no words of its own.
pub fn io_reason(ui: Ui, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let key = match e.kind() {
        NotFound => "io.not-found",
        PermissionDenied => "io.permission",
        AlreadyExists => "io.exists",
        IsADirectory => "io.is-dir",
        StorageFull => "io.full",
        ReadOnlyFilesystem => "io.read-only",
        _ => return e.to_string(),
    };
    t(ui, key)
}

/// "Kunne ikke skrive FILE: REASON".
pub fn write_error(ui: Ui, path: &Path, e: &std::io::Error) -> String {
    tf(
        ui,
        "render.write-error",
        &[
            ("file", path.display().to_string()),
            ("reason", io_reason(ui, e)),
        ],
    )
}

/// "Kunne ikke lese FILE: REASON".
pub fn read_error(ui: Ui, path: &Path, e: &std::io::Error) -> String {
    tf(
        ui,
        "check.read-error",
        &[
            ("file", path.display().to_string()),
            ("reason", io_reason(ui, e)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_rule_replaces_only_a_letter_extension() {
        let p = |s: &str, e: &str| file_name(Path::new(s), e).display().to_string();
        assert_eq!(p("/tmp/klage", "pdf"), "/tmp/klage.pdf");
        assert_eq!(p("/tmp/klage.txt", "pdf"), "/tmp/klage.pdf");
        assert_eq!(p("/tmp/klage.PDF", "txt"), "/tmp/klage.txt");
        assert_eq!(p("/tmp/klage.pdf", "pdf"), "/tmp/klage.pdf");
        // A dot in a name is part of it.
        assert_eq!(p("/tmp/klage.kari", "pdf"), "/tmp/klage.kari.pdf");
        assert_eq!(
            p("/tmp/klage-20.11.2026", "txt"),
            "/tmp/klage-20.11.2026.txt"
        );
        // A file called ".pdf" is a name, not an extension.
        assert_eq!(p("/tmp/.pdf", "txt"), "/tmp/.pdf.txt");
    }

    #[test]
    fn typed_paths_lose_the_extension_and_keep_the_rest() {
        assert_eq!(base_of("  /tmp/brev.pdf "), PathBuf::from("/tmp/brev"));
        assert_eq!(base_of("/tmp/brev.v2"), PathBuf::from("/tmp/brev.v2"));
    }

    #[test]
    fn a_write_error_is_in_plain_words() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let s = write_error(Ui::Nb, Path::new("/x/k.txt"), &e);
        assert!(
            s.contains("/x/k.txt") && s.contains("du har ikke tilgang"),
            "{s}"
        );
    }

    #[test]
    fn nothing_is_written_when_one_file_exists() {
        let dir = tempfile::tempdir().expect("tmp");
        let a = dir.path().join("a.txt");
        let b = dir.path().join("a.pdf");
        std::fs::write(&b, "old").expect("write");
        let w = write_files(
            &[(a.clone(), b"new".to_vec()), (b.clone(), b"new".to_vec())],
            false,
        );
        assert_eq!(w.exists, vec![b.clone()]);
        assert!(!a.exists(), "the text file is not written without its PDF");
        let w = write_files(
            &[(a.clone(), b"new".to_vec()), (b.clone(), b"new".to_vec())],
            true,
        );
        assert_eq!(w.written.len(), 2);
        assert_eq!(std::fs::read(&b).expect("read"), b"new");
    }
}
