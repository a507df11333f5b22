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

use crate::domain::attachment::{Fault, file_field};
use crate::domain::case::{self, Case, Problem, ProblemKind, RawCase};
use crate::domain::letter::{Letter, LetterKind};
use crate::fsutil;
use crate::i18n::{Ui, problem_line, t, tf};
use crate::render;
use crate::render::envelope::{self, Kind, Part, PartError};

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
    /// The PDF could not be drawn or put together.
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

/// Everything a front end needs to write a letter: the checked case and, for a complaint, its
/// file attachments read and checked (`dir`: the case file's folder).
pub fn prepare(
    raw: &RawCase,
    today: NaiveDate,
    kind: LetterKind,
    dir: Option<&Path>,
) -> Result<(Case, Vec<Part>), ExportError> {
    let checked = case::check_for(raw, today, kind);
    let Some(c) = checked.case else {
        return Err(ExportError::Incomplete(checked.problems));
    };
    let parts = if kind == LetterKind::Complaint {
        load_attachments(raw, dir).map_err(ExportError::Incomplete)?
    } else {
        Vec::new()
    };
    Ok((c, parts))
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
    /// The PDF carries the attachments' files after the letter.
    pub bundled: bool,
}

/// The files of one letter: `base` + ".txt" and/or ".pdf" (see [`file_name`]). The PDF is the
/// envelope when `parts` (the complaint's file attachments, from [`load_attachments`]) are given:
/// the letter, its list saying which attachments are in the same file, then their pages.
pub fn render(
    case: &Case,
    kind: LetterKind,
    formats: Formats,
    base: &Path,
    parts: Vec<Part>,
) -> Result<Rendered, ExportError> {
    let template = |e: render::template::TemplateError| ExportError::Template(e.to_string());
    let letter = render::letter(case, kind).map_err(template)?;
    let mut out = Rendered::default();
    if formats.text() {
        out.files.push((
            file_name(base, "txt"),
            render::text::render(&letter).into_bytes(),
        ));
    }
    if formats.pdf() {
        let bundled = !parts.is_empty();
        let letter = if bundled {
            render::envelope_letter(case, kind).map_err(template)?
        } else {
            letter
        };
        let pdf = render::pdf::render(&letter).map_err(|e| ExportError::Pdf(e.to_string()))?;
        out.replaced = pdf.replaced;
        // Each file is named as the letter lists it: its number in the list and its title.
        let listed = case
            .attachments
            .iter()
            .enumerate()
            .filter(|(_, a)| a.file.is_some());
        let parts = if listed.clone().count() == parts.len() {
            parts
                .into_iter()
                .zip(listed)
                .map(|(p, (i, a))| p.labelled(i + 1, &a.title))
                .collect()
        } else {
            parts
        };
        let bytes = envelope::bundle(&pdf.bytes, parts).map_err(ExportError::Pdf)?;
        out.bundled = bundled;
        out.files.push((file_name(base, "pdf"), bytes));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Attachments that are files

/// The largest attachment file taken (a phone photo is a few MB, a scanned decision rarely
/// more than 10).
pub const MAX_ATTACHMENT_BYTES: u64 = 40_000_000;

/// Where an attachment's file is: `~` is the home folder; a relative path is read from `dir`
/// (the case file's folder; the working folder when there is none).
pub fn attachment_path(file: &str, dir: Option<&Path>) -> PathBuf {
    let p = expand_home(file.trim());
    match dir {
        Some(d) if p.is_relative() && !d.as_os_str().is_empty() => d.join(p),
        _ => p,
    }
}

/// What a file attachment is, for showing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileInfo {
    pub kind: Kind,
    pub bytes: u64,
    /// Pages it adds to the envelope.
    pub pages: usize,
}

/// Read one attachment file and check that it can go into the envelope. `shown` is the path as
/// the person wrote it, for the message.
pub fn load_attachment(path: &Path, shown: &str) -> Result<(Part, FileInfo), Fault> {
    let p = || shown.to_string();
    glance(path, shown)?;
    let bytes = std::fs::read(path).map_err(|_| Fault::Unreadable { path: p() })?;
    let len = bytes.len() as u64;
    match envelope::prepare(bytes) {
        Ok(part) => {
            let info = FileInfo {
                kind: part.kind,
                bytes: len,
                pages: part.pages,
            };
            Ok((part, info))
        }
        Err(PartError::UnknownKind) => Err(Fault::UnknownKind { path: p() }),
        Err(PartError::Damaged(_)) => Err(Fault::Damaged { path: p() }),
        Err(PartError::Encrypted) => Err(Fault::Encrypted { path: p() }),
        Err(PartError::TooManyPixels { megapixels }) => Err(Fault::TooManyPixels {
            path: p(),
            megapixels,
            limit: envelope::MAX_PIXELS / 1_000_000,
        }),
    }
}

/// What can be told of an attachment file without reading it: that it is there, is a regular
/// file, and is not too large.
fn glance(path: &Path, shown: &str) -> Result<(), Fault> {
    let p = || shown.to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Fault::NotFound { path: p() });
        }
        Err(_) => return Err(Fault::Unreadable { path: p() }),
    };
    if meta.is_dir() {
        return Err(Fault::Folder { path: p() });
    }
    if !meta.is_file() {
        // A device or a pipe: never read it (it may never end).
        return Err(Fault::UnknownKind { path: p() });
    }
    if meta.len() > MAX_ATTACHMENT_BYTES {
        return Err(Fault::TooLarge {
            path: p(),
            mb: meta.len().div_ceil(1_000_000),
            limit_mb: MAX_ATTACHMENT_BYTES / 1_000_000,
        });
    }
    Ok(())
}

/// The problems of the case's attachment files that a glance finds (moved or deleted since, a
/// folder, too large), without reading them: for a screen drawn many times a second (the
/// wizard's check page). Reading and checking the content is left to the export.
pub fn glance_at_attachments(raw: &RawCase, dir: Option<&Path>) -> Vec<Problem> {
    raw.attachments
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, a)| {
            let file = a.file()?;
            glance(&attachment_path(file, dir), file.trim())
                .err()
                .map(|f| Problem::new(file_field(i), ProblemKind::Attachment(f)))
        })
        .collect()
}

/// Every file attachment of a case, read and checked, in order; or a problem for each bad
/// one, naming `attachments[i].file`.
pub fn load_attachments(raw: &RawCase, dir: Option<&Path>) -> Result<Vec<Part>, Vec<Problem>> {
    let mut parts = Vec::new();
    let mut problems = Vec::new();
    for (i, a) in raw.attachments.iter().flatten().enumerate() {
        let Some(file) = a.file() else { continue };
        match load_attachment(&attachment_path(file, dir), file.trim()) {
            Ok((part, _)) => parts.push(part),
            Err(f) => problems.push(Problem::new(file_field(i), ProblemKind::Attachment(f))),
        }
    }
    if problems.is_empty() {
        Ok(parts)
    } else {
        Err(problems)
    }
}

/// "2,1 MB", "340 kB".
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6).replace('.', ",")
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
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
    if fsutil::is_not_regular(e) {
        return t(ui, "io.not-a-file");
    }
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

#[cfg(test)]
mod one_service_as_a_list {
    //! Files with the single `service` read and render as before 0.3: each case file, rewritten
    //! with its service as a one-item `services` list (which a file may not have, so only the
    //! checker's test switch accepts it), gives the same checked case and the same letters, byte
    //! for byte. The list path is the one a decision on several services takes.

    use super::*;
    use crate::domain::case::{RawServiceItem, check_inner};

    fn as_list(raw: &RawCase) -> RawCase {
        let mut r = raw.clone();
        let decision = r.decision.as_mut();
        let (applied_for, granted) = decision
            .map(|d| (d.applied_for.take(), d.granted.take()))
            .unwrap_or_default();
        r.services = Some(vec![RawServiceItem {
            service: r.service.take(),
            service_other: r.service_other.take(),
            situation: r.situation.take(),
            applied_for,
            granted,
            outcome: r.outcome.take(),
            postponement: None,
        }]);
        r
    }

    fn case_files() -> Vec<std::path::PathBuf> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["tests/cases", "tests/followup", "templates/examples"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "json") {
                    files.push(p);
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    fn every_case_file_reads_and_renders_alike_through_the_list() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let files = case_files();
        assert!(files.len() > 20, "{files:?}");
        let mut letters = 0;
        for path in files {
            let raw = case::read(&std::fs::read(&path).expect("read")).expect("case file");
            if raw.services.is_some() {
                continue;
            }
            let list = as_list(&raw);
            for kind in LetterKind::ALL {
                let single = case::check_for(&raw, today, kind);
                let listed = check_inner(&list, today, kind, true);
                assert_eq!(single.case, listed.case, "{} {kind:?}", path.display());
                let kinds = |c: &case::Checked| -> Vec<_> {
                    c.problems.iter().map(|p| p.kind.clone()).collect()
                };
                assert_eq!(
                    kinds(&single),
                    kinds(&listed),
                    "{} {kind:?}",
                    path.display()
                );
                if let (Some(a), Some(b)) = (&single.case, &listed.case) {
                    let a = render::letter(a, kind).expect("letter");
                    let b = render::letter(b, kind).expect("letter");
                    assert_eq!(
                        render::text::render(&a),
                        render::text::render(&b),
                        "{} {kind:?}",
                        path.display()
                    );
                    letters += 1;
                }
            }
        }
        assert!(letters > 50, "{letters} letters compared");
    }
}
