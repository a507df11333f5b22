//! Writing the letter to files: the run loop calls [`run`] for an [`ExportJob`]. Nothing is
//! replaced without the person's consent: when a file exists and the job does not allow
//! overwriting, nothing at all is written and the existing files are reported.

use std::path::PathBuf;

use crate::domain::case;
use crate::domain::letter::LetterKind;
use crate::fsutil;
use crate::i18n::{Ui, problem_line, t, tf};
use crate::render;

use super::action::{ExportFormat, ExportJob, ExportReport};
use super::steps::done::with_ext;

/// An I/O error in plain words.
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

/// Write the files of a job.
pub fn run(job: &ExportJob) -> ExportReport {
    let ui = job.ui;
    let mut report = ExportReport::default();
    let checked = case::check_for(&job.raw, job.today, job.kind);
    let Some(c) = checked.case else {
        report.errors.push(t(ui, "render.incomplete"));
        for p in checked.errors() {
            report.errors.push(problem_line(ui, p));
        }
        return report;
    };
    let letter = match render::letter(&c, job.kind) {
        Ok(l) => l,
        Err(e) => {
            report.errors.push(e.to_string());
            return report;
        }
    };
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if matches!(job.format, ExportFormat::Text | ExportFormat::Both) {
        outputs.push((
            with_ext(&job.base, "txt"),
            render::text::render(&letter).into_bytes(),
        ));
    }
    if matches!(job.format, ExportFormat::Pdf | ExportFormat::Both) {
        match render::pdf::render(&letter) {
            Ok(pdf) => outputs.push((with_ext(&job.base, "pdf"), pdf.bytes)),
            Err(e) => {
                report
                    .errors
                    .push(tf(ui, "tui.done.pdf-failed", &[("reason", e.to_string())]))
            }
        }
    }
    if job.fullmakt {
        let dir = job.base.parent().map(PathBuf::from).unwrap_or_default();
        let checked = case::check_for(&job.raw, job.today, LetterKind::Fullmakt);
        match checked
            .case
            .map(|c| render::letter(&c, LetterKind::Fullmakt))
        {
            Some(Ok(l)) => {
                let name = crate::commands::default_file_name(
                    LetterKind::Fullmakt,
                    &c.applicant.name,
                    c.letter_date,
                );
                let base = dir.join(name);
                // In the same formats as the letter.
                if matches!(job.format, ExportFormat::Text | ExportFormat::Both) {
                    outputs.push((
                        with_ext(&base, "txt"),
                        render::text::render(&l).into_bytes(),
                    ));
                }
                if matches!(job.format, ExportFormat::Pdf | ExportFormat::Both) {
                    match render::pdf::render(&l) {
                        Ok(pdf) => outputs.push((with_ext(&base, "pdf"), pdf.bytes)),
                        Err(e) => report.errors.push(tf(
                            ui,
                            "tui.done.fullmakt-failed",
                            &[("reason", e.to_string())],
                        )),
                    }
                }
            }
            Some(Err(e)) => report.errors.push(tf(
                ui,
                "tui.done.fullmakt-failed",
                &[("reason", e.to_string())],
            )),
            None => report.errors.push(tf(
                ui,
                "tui.done.fullmakt-failed",
                &[("reason", t(ui, "render.incomplete"))],
            )),
        }
    }
    if !job.overwrite {
        let exists: Vec<PathBuf> = outputs
            .iter()
            .filter(|(p, _)| p.exists())
            .map(|(p, _)| p.clone())
            .collect();
        if !exists.is_empty() {
            report.exists = exists;
            return report;
        }
    }
    for (p, bytes) in outputs {
        let res = fsutil::write_file(&p, &bytes, job.overwrite);
        match res {
            Ok(()) => report.written.push(p),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => report.exists.push(p),
            Err(e) => report.errors.push(tf(
                ui,
                "render.write-error",
                &[
                    ("file", p.display().to_string()),
                    ("reason", io_reason(ui, &e)),
                ],
            )),
        }
    }
    report
}
