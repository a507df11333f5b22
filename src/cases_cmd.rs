//! `omsorgsklage cases …`: the saved drafts from the command line.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::CasesAction;
use crate::commands::{EXIT_PROBLEMS, ReadError, read_case_file};
use crate::domain::case;
use crate::export;
use crate::i18n::{Ui, problem_line, t, tf};
use crate::store::{Store, StoreError};
use crate::text_safety::printable;

use crate::summary::{person_label, service_label};

fn store_error(ui: Ui, e: &StoreError, id: &str) -> String {
    match e {
        StoreError::NotFound(_) => tf(ui, "cases.not-found", &[("id", id.to_string())]),
        StoreError::Ambiguous(_) => tf(ui, "cases.ambiguous", &[("id", id.to_string())]),
        StoreError::Locked => t(ui, "cases.locked"),
        StoreError::Damaged(ps) => ps
            .iter()
            .map(|p| problem_line(ui, p))
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

/// Run a `cases` action.
pub fn run(ui: Ui, data_dir: Option<&Path>, action: CasesAction, today: NaiveDate) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let Some(data_dir) = data_dir else {
        writeln!(err, "{}", t(ui, "cases.no-data-dir"))?;
        return Ok(EXIT_PROBLEMS);
    };
    let store = Store::new(data_dir);
    match action {
        CasesAction::List => {
            let mut listing = store.list()?;
            if listing.cases.is_empty() && listing.damaged.is_empty() {
                writeln!(out, "{}", t(ui, "cases.none"))?;
            }
            if !listing.cases.is_empty() {
                writeln!(
                    out,
                    "{}",
                    tf(
                        ui,
                        "cases.heading",
                        &[("count", listing.cases.len().to_string())]
                    )
                )?;
            }
            // The same order and the same summary as the start screen's.
            crate::summary::order_cases(&mut listing.cases, today);
            for e in &listing.cases {
                let row = crate::summary::case_row(ui, e, today);
                let row = tf(
                    ui,
                    "cases.row",
                    &[
                        ("id", e.id.clone()),
                        ("title", row.title),
                        ("detail", row.detail),
                    ],
                );
                writeln!(out, "{}", printable(&row))?;
            }
            if !listing.damaged.is_empty() {
                writeln!(
                    out,
                    "\n{}",
                    tf(
                        ui,
                        "cases.damaged-heading",
                        &[("count", listing.damaged.len().to_string())]
                    )
                )?;
                for d in &listing.damaged {
                    let reason = d.io_error.clone().unwrap_or_else(|| {
                        d.problems
                            .iter()
                            .map(|p| problem_line(ui, p))
                            .collect::<Vec<_>>()
                            .join("; ")
                    });
                    writeln!(
                        out,
                        "  {}",
                        printable(&tf(
                            ui,
                            "cases.damaged-row",
                            &[("file", d.path.display().to_string()), ("reason", reason)]
                        ))
                    )?;
                }
            }
            Ok(0)
        }
        CasesAction::Show { id } => {
            let raw = match store.load(&id) {
                Ok(r) => r,
                Err(e) => {
                    writeln!(err, "{}", store_error(ui, &e, &id))?;
                    return Ok(EXIT_PROBLEMS);
                }
            };
            writeln!(
                out,
                "{} – {}",
                printable(&person_label(ui, &raw)),
                printable(&service_label(ui, &raw))
            )?;
            for line in crate::timeline::lines(ui, &raw, today) {
                writeln!(out, "  {}", printable(&line))?;
            }
            let checked = case::check(&raw, today);
            if checked.case.is_some() {
                writeln!(out, "{}", t(ui, "cases.show-complete"))?;
            } else {
                writeln!(out, "{}", t(ui, "cases.show-problems"))?;
                for p in checked.errors() {
                    writeln!(out, "  - {}", problem_line(ui, p))?;
                }
            }
            Ok(0)
        }
        CasesAction::Delete { id, yes } => {
            let raw = match store.load(&id) {
                Ok(r) => Some(r),
                Err(StoreError::Damaged(_)) => None,
                Err(e) => {
                    writeln!(err, "{}", store_error(ui, &e, &id))?;
                    return Ok(EXIT_PROBLEMS);
                }
            };
            let full_id = store.resolve(&id).unwrap_or(id.clone());
            if !yes {
                let stdin = std::io::stdin();
                if !stdin.is_terminal()
                    && std::env::var_os("OMSORGSKLAGE_CONFIRM_FROM_PIPE").is_none()
                {
                    writeln!(
                        err,
                        "{}",
                        tf(ui, "cases.delete-needs-yes", &[("id", full_id)])
                    )?;
                    return Ok(EXIT_PROBLEMS);
                }
                let person = raw
                    .as_ref()
                    .map(|r| person_label(ui, r))
                    .unwrap_or_default();
                write!(
                    out,
                    "{} ",
                    tf(
                        ui,
                        "cases.confirm-delete",
                        &[("person", person), ("id", full_id.clone())]
                    )
                )?;
                out.flush()?;
                let mut answer = String::new();
                stdin.lock().read_line(&mut answer)?;
                if !matches!(
                    answer.trim().to_lowercase().as_str(),
                    "ja" | "j" | "yes" | "y"
                ) {
                    writeln!(out, "{}", t(ui, "cases.not-deleted"))?;
                    return Ok(EXIT_PROBLEMS);
                }
            }
            match store.delete(&full_id) {
                Ok(id) => {
                    writeln!(out, "{}", tf(ui, "cases.deleted", &[("id", id)]))?;
                    Ok(0)
                }
                Err(e) => {
                    writeln!(err, "{}", store_error(ui, &e, &full_id))?;
                    Ok(EXIT_PROBLEMS)
                }
            }
        }
        CasesAction::Export { id, path, force } => {
            let raw = match store.load(&id) {
                Ok(r) => r,
                Err(e) => {
                    writeln!(err, "{}", store_error(ui, &e, &id))?;
                    return Ok(EXIT_PROBLEMS);
                }
            };
            let mut exported = raw.clone();
            exported.draft = None;
            let json = serde_json::to_vec_pretty(&exported)?;
            let written = export::write_files(&[(path.clone(), json)], force);
            let file = path.display().to_string();
            if !written.exists.is_empty() {
                writeln!(err, "{}", tf(ui, "render.exists", &[("file", file)]))?;
                return Ok(EXIT_PROBLEMS);
            }
            if let Some((p, e)) = &written.failed {
                writeln!(err, "{}", export::write_error(ui, p, e))?;
                return Ok(EXIT_PROBLEMS);
            }
            writeln!(out, "{}", tf(ui, "cases.exported", &[("file", file)]))?;
            Ok(0)
        }
        CasesAction::Import { path } => {
            let raw = match read_case_file(&path) {
                Ok(r) => r,
                Err(ReadError::Io(e)) => {
                    writeln!(err, "{}", export::read_error(ui, &path, &e))?;
                    return Ok(EXIT_PROBLEMS);
                }
                Err(ReadError::Problems(ps)) => {
                    writeln!(err, "{}", t(ui, "cases.import-refused"))?;
                    for p in &ps {
                        writeln!(err, "  - {}", problem_line(ui, p))?;
                    }
                    return Ok(EXIT_PROBLEMS);
                }
            };
            let id = match store.import(&raw) {
                Ok(id) => id,
                Err(e) => {
                    writeln!(err, "{}", store_error(ui, &e, ""))?;
                    return Ok(EXIT_PROBLEMS);
                }
            };
            writeln!(out, "{}", tf(ui, "cases.imported", &[("id", id)]))?;
            let checked = case::check(&raw, today);
            if checked.case.is_none() {
                writeln!(out, "{}", t(ui, "cases.imported-incomplete"))?;
                for p in checked.errors() {
                    writeln!(out, "  - {}", problem_line(ui, p))?;
                }
            }
            Ok(0)
        }
    }
}
