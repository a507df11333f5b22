//! `omsorgsklage cases …`: the saved drafts from the command line.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::CasesAction;
use crate::commands::{EXIT_PROBLEMS, ReadError, read_case_file};
use crate::domain::case::{self, RawCase};
use crate::domain::deadline::{Deadline, Status};
use crate::domain::{dates, service};
use crate::fsutil;
use crate::i18n::{Ui, problem_line, t, tf};
use crate::store::{Store, StoreError};
use crate::text_safety::printable;

/// The deadline of a draft, when its service and received date are known.
pub fn draft_deadline(raw: &RawCase) -> Option<Deadline> {
    crate::domain::timeline::deadline_of(raw)
}

/// "12 dager igjen" / "BARE 3 DAGER IGJEN" / "FRISTEN ER UTE": close or passed deadlines are
/// shouted in words, not only coloured.
pub fn deadline_status(ui: Ui, dl: &Deadline, today: NaiveDate) -> String {
    match dl.status(today) {
        Status::Open { days_left } if days_left <= 7 => {
            tf(ui, "cases.status-close", &[("days", days_left.to_string())])
        }
        Status::Open { days_left } => {
            tf(ui, "cases.status-left", &[("days", days_left.to_string())])
        }
        Status::LastDay => t(ui, "cases.status-today"),
        Status::Passed { .. } => t(ui, "cases.status-passed"),
    }
}

/// Who the case is about, for lists.
pub fn person_label(ui: Ui, raw: &RawCase) -> String {
    raw.applicant
        .as_ref()
        .and_then(|a| a.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| t(ui, "cases.no-name"))
}

/// The service, for lists.
pub fn service_label(ui: Ui, raw: &RawCase) -> String {
    match raw.service.as_deref().and_then(service::by_id) {
        Some(s) if s.id == "annet" => raw
            .service_other
            .clone()
            .unwrap_or_else(|| s.ui_name(ui.code()).into()),
        Some(s) => s.ui_name(ui.code()).to_string(),
        None => t(ui, "cases.no-service"),
    }
}

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
            let listing = store.list()?;
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
            for e in &listing.cases {
                let changed = e
                    .modified
                    .map(|m| {
                        chrono::DateTime::<chrono::Local>::from(m)
                            .format("%d.%m.%Y %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default();
                let step = e
                    .raw
                    .draft
                    .as_ref()
                    .and_then(|d| d.step.clone())
                    .map(|s| {
                        // The wizard's name for that part of the interview ("Vedtaket").
                        crate::tui::app::Step::from_id(&s)
                            .and_then(|step| step.section())
                            .map(|section| t(ui, section.title_key()))
                            .unwrap_or(s)
                    })
                    .unwrap_or_else(|| t(ui, "cases.step-unknown"));
                let mut row = tf(
                    ui,
                    "cases.row",
                    &[
                        ("id", e.id.clone()),
                        ("person", person_label(ui, &e.raw)),
                        ("service", service_label(ui, &e.raw)),
                        ("changed", changed),
                        ("step", step),
                    ],
                );
                if let Some(w) = crate::timeline::waiting(&e.raw, today) {
                    // Sent: the deadline is behind; what matters is the answer.
                    row.push_str("\n    ");
                    row.push_str(&crate::timeline::waiting_text(ui, &w));
                } else if let Some(dl) = draft_deadline(&e.raw) {
                    row.push_str(&tf(
                        ui,
                        "cases.deadline",
                        &[
                            ("date", dates::in_words(dl.last_day, ui.code())),
                            ("status", deadline_status(ui, &dl, today)),
                        ],
                    ));
                }
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
            let res = fsutil::write_file(&path, &json, force);
            let file = path.display().to_string();
            match res {
                Ok(()) => {
                    writeln!(out, "{}", tf(ui, "cases.exported", &[("file", file)]))?;
                    Ok(0)
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    writeln!(err, "{}", tf(ui, "render.exists", &[("file", file)]))?;
                    Ok(EXIT_PROBLEMS)
                }
                Err(e) => {
                    writeln!(
                        err,
                        "{}",
                        tf(
                            ui,
                            "render.write-error",
                            &[("file", file), ("reason", e.to_string())]
                        )
                    )?;
                    Ok(EXIT_PROBLEMS)
                }
            }
        }
        CasesAction::Import { path } => {
            let raw = match read_case_file(&path) {
                Ok(r) => r,
                Err(ReadError::Io(e)) => {
                    writeln!(
                        err,
                        "{}",
                        tf(
                            ui,
                            "check.read-error",
                            &[
                                ("file", path.display().to_string()),
                                ("reason", crate::commands::io_reason(ui, &e))
                            ]
                        )
                    )?;
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
