//! Writing the letter to files: the run loop calls [`run`] for an [`ExportJob`], which goes
//! through the one pipeline in [`crate::export`]. Nothing is replaced without the person's
//! consent: when a file exists and the job does not allow overwriting, nothing at all is written
//! and the existing files are reported.
//!
//! [`take_case`] writes the case file of counter mode's "take the case with you": never over
//! another file, owner-only and atomic, as the drafts store writes a case.

use crate::domain::letter::LetterKind;
use crate::export::{self, ExportError, Formats};
use crate::i18n::{t, tf};

use super::action::{ExportFormat, ExportJob, ExportReport, TakeJob};

impl From<ExportFormat> for Formats {
    fn from(f: ExportFormat) -> Formats {
        match f {
            ExportFormat::Text => Formats::Text,
            ExportFormat::Pdf => Formats::Pdf,
            ExportFormat::Both => Formats::Both,
        }
    }
}

/// Write the files of a job.
pub fn run(job: &ExportJob) -> ExportReport {
    let ui = job.ui;
    let mut report = ExportReport::default();
    // A complaint not yet sent, and every follow-up letter, is dated the day it is saved; a
    // sent complaint keeps the date it was sent with.
    let raw = super::path::as_written(&job.raw, job.kind);
    // The wizard keeps attachment paths absolute; a relative one is read from the working folder.
    let (c, parts) = match export::prepare(&raw, job.today, job.kind, None) {
        Ok(x) => x,
        Err(e) => {
            report.errors = e.lines(ui);
            return report;
        }
    };
    let mut files = match export::render(&c, job.kind, job.format.into(), &job.base, parts) {
        Ok(r) => {
            report.bundled = r.bundled;
            report.letter_date = Some(c.letter_date);
            r.files
        }
        Err(e) => {
            report.errors.extend(e.lines(ui));
            Vec::new()
        }
    };
    if job.fullmakt {
        // Its own file (it is printed and signed), in the same formats as the letter.
        let dir = job
            .base
            .parent()
            .map(std::path::PathBuf::from)
            .unwrap_or_default();
        let name =
            export::default_file_name(LetterKind::Fullmakt, &c.applicant.name, c.letter_date);
        let fullmakt =
            export::prepare(&raw, job.today, LetterKind::Fullmakt, None).and_then(|(f, _)| {
                export::render(
                    &f,
                    LetterKind::Fullmakt,
                    job.format.into(),
                    &dir.join(name),
                    Vec::new(),
                )
            });
        match fullmakt {
            Ok(r) => files.extend(r.files),
            Err(ExportError::Incomplete(_)) => report.errors.push(tf(
                ui,
                "tui.done.fullmakt-failed",
                &[("reason", t(ui, "render.incomplete"))],
            )),
            Err(e) => report.errors.push(tf(
                ui,
                "tui.done.fullmakt-failed",
                &[("reason", e.lines(ui).join(" "))],
            )),
        }
    }
    let written = export::write_files(&files, job.overwrite);
    report.written = written.written;
    report.exists = written.exists;
    if let Some((p, e)) = &written.failed {
        report.errors.push(export::write_error(ui, p, e));
    }
    report
}

/// Counter mode, "take the case with you": write the case file into the folder the person chose,
/// as "<name>.json", or "<name>-2.json", "-3" … when that name is taken: nothing is ever
/// overwritten. Atomic and readable by the owner only ([`crate::fsutil::write_new`]), pretty
/// JSON as the drafts store writes it. The file written, or why it could not be, in words.
pub fn take_case(job: &TakeJob) -> Result<std::path::PathBuf, String> {
    // No folder: never the program's current folder, which on a shared machine may be anyone's.
    if job.dir.to_string_lossy().trim().is_empty() {
        return Err(crate::i18n::t(job.ui, "tui.done.take.no-folder"));
    }
    let json = serde_json::to_vec_pretty(&job.raw).map_err(|e| e.to_string())?;
    let dir = export::expand_home(job.dir.to_string_lossy().trim());
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{}.json", job.name)
        } else {
            format!("{}-{n}.json", job.name)
        };
        let dest = dir.join(name);
        match crate::fsutil::write_new(&dest, &json) {
            Ok(()) => return Ok(dest),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(export::write_error(job.ui, &dest, &e)),
        }
    }
}
