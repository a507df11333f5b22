//! The non-interactive commands: each takes parsed arguments and returns the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Format, LetterLang};
use crate::domain::case::{self, Checked, Problem, RawCase};
use crate::domain::deadline::Deadline;
use crate::domain::letter::LetterKind;
use crate::domain::routing::{self, RouteBasis};
use crate::domain::{dates, law, municipality, service};
use crate::export;
use crate::fsutil;
use crate::i18n::{Ui, problem_line, t, tf};
use crate::render;
use crate::render::envelope::Part;
use crate::summary::{cite_lang, explain_deadline};

/// Exit code for "the case has problems" (and other user errors).
pub const EXIT_PROBLEMS: i32 = 1;

/// Read a case file: every problem of form, or the raw case.
pub fn read_case_file(path: &Path) -> Result<RawCase, ReadError> {
    // Never more than the limit is read; devices and pipes are refused before opening.
    let bytes = match fsutil::read_limited(path, case::MAX_BYTES as u64) {
        Ok(b) => b,
        Err(e) => {
            return Err(match fsutil::too_large(&e) {
                Some(n) => ReadError::Problems(vec![Problem::new(
                    "",
                    case::ProblemKind::TooLarge {
                        bytes: usize::try_from(n).unwrap_or(usize::MAX),
                    },
                )]),
                None => ReadError::Io(e),
            });
        }
    };
    case::read(&bytes).map_err(ReadError::Problems)
}

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Problems(Vec<Problem>),
}

fn print_problems(ui: Ui, out: &mut impl Write, problems: &[Problem]) -> std::io::Result<()> {
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    let warnings: Vec<_> = problems.iter().filter(|p| !p.is_error()).collect();
    if !errors.is_empty() {
        writeln!(
            out,
            "{}",
            tf(
                ui,
                "check.has-errors",
                &[("count", errors.len().to_string())]
            )
        )?;
        for p in errors {
            writeln!(out, "  - {}", problem_line(ui, p))?;
        }
    }
    if !warnings.is_empty() {
        writeln!(out, "{}", t(ui, "check.has-warnings"))?;
        for p in warnings {
            writeln!(out, "  - {}", problem_line(ui, p))?;
        }
    }
    Ok(())
}

/// Load and check a case file, with a complaint's file attachments (read from the case file's
/// folder); print problems of reading to stderr. `false` when it cannot be read at all.
fn load_checked(
    ui: Ui,
    path: &Path,
    today: NaiveDate,
    lang: Option<LetterLang>,
    kind: LetterKind,
) -> Result<(Checked, bool, Vec<Part>)> {
    let mut err = std::io::stderr().lock();
    let mut raw = match read_case_file(path) {
        Ok(r) => r,
        Err(ReadError::Io(e)) => {
            writeln!(err, "{}", export::read_error(ui, path, &e))?;
            return Ok((
                Checked {
                    case: None,
                    problems: Vec::new(),
                },
                false,
                Vec::new(),
            ));
        }
        Err(ReadError::Problems(ps)) => {
            print_problems(ui, &mut err, &ps)?;
            return Ok((
                Checked {
                    case: None,
                    problems: ps,
                },
                false,
                Vec::new(),
            ));
        }
    };
    if let Some(l) = lang {
        raw.language = Some(match l {
            LetterLang::Nb => "nb".into(),
            LetterLang::Nn => "nn".into(),
        });
    }
    let mut checked = case::check_for(&raw, today, kind);
    let mut parts = Vec::new();
    if kind == LetterKind::Complaint {
        match export::load_attachments(&raw, path.parent()) {
            Ok(p) => parts = p,
            Err(ps) => {
                checked.problems.extend(ps);
                checked.case = None;
            }
        }
    }
    Ok((checked, true, parts))
}

/// The notice to an adviser that the citation table is more than twelve months old (`None`
/// while it is fresh). Shown by `check`, `render` and the wizard's check page.
pub fn reverify_notice(ui: Ui, today: NaiveDate) -> Option<String> {
    law::needs_reverify(today).then(|| {
        tf(
            ui,
            "law.reverify",
            &[("date", dates::in_words(law::verified_on(), ui.code()))],
        )
    })
}

/// `omsorgsklage check CASE.json`
pub fn check(ui: Ui, path: &Path, today: NaiveDate) -> Result<i32> {
    if let Some(n) = reverify_notice(ui, today) {
        writeln!(std::io::stderr().lock(), "{n}")?;
    }
    let (checked, readable, _) = load_checked(ui, path, today, None, LetterKind::Complaint)?;
    if !readable {
        return Ok(EXIT_PROBLEMS);
    }
    let mut out = std::io::stdout().lock();
    print_problems(ui, &mut out, &checked.problems)?;
    if checked.case.is_some() {
        writeln!(
            out,
            "{}",
            tf(ui, "check.ok", &[("file", path.display().to_string())])
        )?;
        Ok(0)
    } else {
        Ok(EXIT_PROBLEMS)
    }
}

/// What `render` was asked for.
#[derive(Debug, Clone)]
pub struct RenderOpts {
    pub format: Format,
    pub out: Option<PathBuf>,
    pub lang: Option<LetterLang>,
    pub force: bool,
    pub kind: LetterKind,
}

/// `omsorgsklage render CASE.json …`
pub fn render_cmd(ui: Ui, path: &Path, opts: RenderOpts, today: NaiveDate) -> Result<i32> {
    let RenderOpts {
        format,
        out,
        lang,
        force,
        kind,
    } = opts;
    if let Some(n) = reverify_notice(ui, today) {
        writeln!(std::io::stderr().lock(), "{n}")?;
    }
    let (checked, readable, parts) = load_checked(ui, path, today, lang, kind)?;
    let mut err = std::io::stderr().lock();
    if !readable {
        return Ok(EXIT_PROBLEMS);
    }
    let Some(case) = checked.case else {
        print_problems(ui, &mut err, &checked.problems)?;
        writeln!(err, "{}", t(ui, "render.incomplete"))?;
        return Ok(EXIT_PROBLEMS);
    };
    // Warnings are worth seeing, but do not stop the letter.
    print_problems(ui, &mut err, &checked.problems)?;
    if format == Format::Txt && out.is_none() {
        let letter = render::letter(&case, kind)?;
        std::io::stdout()
            .lock()
            .write_all(render::text::render(&letter).as_bytes())?;
        return Ok(0);
    }
    let formats = match format {
        Format::Txt => export::Formats::Text,
        Format::Pdf => export::Formats::Pdf,
        Format::Both => export::Formats::Both,
    };
    let base = out
        .clone()
        .unwrap_or_else(|| export::default_file_name(kind, &case.applicant.name, case.letter_date));
    let mut rendered = match export::render(&case, kind, formats, &base, parts) {
        Ok(r) => r,
        Err(e) => anyhow::bail!(e.lines(ui).join("\n")),
    };
    // `--out FILE` with one format is exactly FILE (scripts rely on it); with both, FILE less
    // its ".txt"/".pdf" is the stem of the two files.
    if let (Some(path), Format::Txt | Format::Pdf) = (&out, format) {
        for (file, _) in &mut rendered.files {
            file.clone_from(path);
        }
    }
    if !rendered.replaced.is_empty() {
        let chars: String = rendered
            .replaced
            .iter()
            .map(|c| {
                let shown = crate::text_safety::printable(&c.to_string()).into_owned();
                format!("«{shown}» (U+{:04X}) ", *c as u32)
            })
            .collect();
        writeln!(
            err,
            "{}",
            tf(
                ui,
                "render.pdf-replaced",
                &[("chars", chars.trim().to_string())]
            )
        )?;
    }
    // Refuse before writing anything, so that "both" never writes half.
    let written = export::write_files(&rendered.files, force);
    if let Some(p) = written.exists.first() {
        writeln!(
            err,
            "{}",
            tf(ui, "render.exists", &[("file", p.display().to_string())])
        )?;
        return Ok(EXIT_PROBLEMS);
    }
    for p in &written.written {
        writeln!(
            err,
            "{}",
            tf(ui, "render.written", &[("file", p.display().to_string())])
        )?;
    }
    if let Some((p, e)) = &written.failed {
        writeln!(err, "{}", export::write_error(ui, p, e))?;
        return Ok(EXIT_PROBLEMS);
    }
    Ok(0)
}

/// `omsorgsklage services`
pub fn services(ui: Ui, json: bool) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    if json {
        let list: Vec<serde_json::Value> = service::CATALOGUE
            .iter()
            .map(|s| {
                let mut v = serde_json::to_value(s).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert(
                        "basis".into(),
                        s.basis.iter().map(|c| c.short()).collect::<Vec<_>>().into(),
                    );
                }
                v
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(0);
    }
    writeln!(out, "{}\n", t(ui, "services.heading"))?;
    for care in [true, false] {
        let intro = t(
            ui,
            if care {
                "services.care"
            } else {
                "services.other"
            },
        );
        for line in render::text::wrap(&intro, 80, "", "") {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
        for s in service::CATALOGUE
            .iter()
            .filter(|s| s.is_care_service() == care)
        {
            writeln!(out, "  {:<22}{}", s.id, s.ui_name(ui.code()))?;
            for line in render::text::wrap(
                s.explain(ui.code()),
                78,
                "                        ",
                "                        ",
            ) {
                writeln!(out, "{line}")?;
            }
            let basis = if s.is_care_service() {
                s.basis_short()
            } else if s.route == service::RouteRule::DependsOnDecision {
                t(ui, "services.depends")
            } else {
                String::new()
            };
            if !basis.is_empty() {
                writeln!(
                    out,
                    "                        {}: {basis}",
                    t(ui, "services.col-basis")
                )?;
            }
        }
        writeln!(out)?;
    }
    for line in render::text::wrap(&t(ui, "services.advice"), 80, "", "") {
        writeln!(out, "{line}")?;
    }
    Ok(0)
}

/// `omsorgsklage law [--json]`: every citation the program can make, with the days it is
/// valid, the day the table was verified and the acts' Lovdata identifiers.
pub fn law(ui: Ui, json: bool, today: NaiveDate) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    let lang = cite_lang(ui);
    if json {
        let citations: Vec<serde_json::Value> = law::TABLE
            .iter()
            .map(|r| {
                serde_json::json!({
                    "key": r.key,
                    "act": r.citation.act.short(),
                    "act_name": r.citation.act.name(lang),
                    "lovdata": r.citation.act.lovdata_id(),
                    "section": r.citation.section,
                    "citation": r.citation.full(lang),
                    "use": t(ui, &format!("law.use.{}", r.key)),
                    "valid_from": r.valid_from,
                    "valid_to": r.valid_to,
                    "in_force": !r.not_yet_in_force(),
                })
            })
            .collect();
        let acts: Vec<serde_json::Value> = law::Act::ALL
            .iter()
            .map(|a| {
                serde_json::json!({
                    "act": a.short(),
                    "name": a.name(lang),
                    "lovdata": a.lovdata_id(),
                    "in_force": *a != law::Act::Fvl2025,
                })
            })
            .collect();
        let doc = serde_json::json!({
            "verified_on": law::VERIFIED_ON,
            "needs_reverify": law::needs_reverify(today),
            "acts": acts,
            "citations": citations,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        return Ok(0);
    }
    writeln!(out, "{}", t(ui, "law.heading"))?;
    let verified = dates::in_words(law::verified_on(), ui.code());
    writeln!(out, "{}", tf(ui, "law.verified", &[("date", verified)]))?;
    if let Some(n) = reverify_notice(ui, today) {
        for line in render::text::wrap(&n, 80, "", "") {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    let day = |d: NaiveDate| dates::in_words(d, ui.code());
    for r in law::TABLE {
        if r.citation.act == law::Act::Fvl2025 {
            let act = tf(
                ui,
                "law.new-act",
                &[("id", r.citation.act.lovdata_id().to_string())],
            );
            writeln!(out, "  {} ({act})", r.citation.full(lang))?;
        } else {
            writeln!(out, "  {}", r.citation.full(lang))?;
        }
        let use_text = t(ui, &format!("law.use.{}", r.key));
        for line in render::text::wrap(&use_text, 80, "      ", "      ") {
            writeln!(out, "{line}")?;
        }
        let valid = match (r.from_date(), r.to_date()) {
            _ if r.not_yet_in_force() => t(ui, "law.not-in-force"),
            (None, None) => t(ui, "law.valid-open"),
            (Some(f), None) => tf(ui, "law.valid-from", &[("from", day(f))]),
            (None, Some(to)) => tf(ui, "law.valid-to", &[("to", day(to))]),
            (Some(f), Some(to)) => tf(ui, "law.valid", &[("from", day(f)), ("to", day(to))]),
        };
        writeln!(out, "      {valid}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t(ui, "law.acts"))?;
    for a in law::Act::ALL {
        if a == law::Act::Fvl2025 {
            let act = tf(ui, "law.new-act", &[("id", a.lovdata_id().to_string())]);
            writeln!(out, "  {act}: {}", t(ui, "law.not-in-force"))?;
            continue;
        }
        writeln!(
            out,
            "  {:<5}{} ({})",
            a.short(),
            a.name(lang),
            a.lovdata_id()
        )?;
    }
    writeln!(out)?;
    for line in render::text::wrap(&t(ui, "law.letter-date"), 80, "", "") {
        writeln!(out, "{line}")?;
    }
    Ok(0)
}

/// `omsorgsklage deadline --received DATE [--service ID] [--today DATE]`
pub fn deadline(ui: Ui, received: &str, service_id: Option<&str>, today: NaiveDate) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let received = match crate::input::read_date(ui, received, today) {
        Ok(d) => d,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(EXIT_PROBLEMS);
        }
    };
    let service = match service_id {
        None => None,
        Some(id) => match service::by_id(id) {
            Some(s) => Some(s),
            None => {
                writeln!(
                    err,
                    "{}",
                    tf(ui, "unknown-service", &[("id", id.to_string())])
                )?;
                return Ok(EXIT_PROBLEMS);
            }
        },
    };
    let (route, basis) = match service {
        Some(s) => routing::route_for(s, None),
        None => (routing::Route::Statsforvalteren, RouteBasis::Service),
    };
    let Some(dl) = Deadline::compute(received, route.weeks()) else {
        writeln!(
            err,
            "{}",
            tf(ui, "deadline.bad-date", &[("value", received.to_string())])
        )?;
        return Ok(EXIT_PROBLEMS);
    };
    // Only the received date is known: the decision was made on it or before, so a year from
    // it has surely passed a year from the decision (the one-year limit, fvl § 31).
    for line in explain_deadline(ui, &dl, route, today, None) {
        for l in render::text::wrap(&line, 80, "", "") {
            writeln!(out, "{l}")?;
        }
    }
    let note = if service.is_none() {
        Some(t(ui, "deadline.default-service"))
    } else if basis == RouteBasis::AssumedShorter {
        Some(t(ui, "deadline.route-assumed"))
    } else {
        None
    };
    if let Some(note) = note {
        writeln!(out)?;
        for l in render::text::wrap(&note, 80, "", "") {
            writeln!(out, "{l}")?;
        }
    }
    Ok(0)
}

/// `omsorgsklage example [--service ID]`
pub fn example(ui: Ui, service_id: Option<&str>, today: NaiveDate) -> Result<i32> {
    let id = service_id.unwrap_or("hjemmesykepleie");
    let Some(s) = service::by_id(id) else {
        writeln!(
            std::io::stderr(),
            "{}",
            tf(ui, "unknown-service", &[("id", id.to_string())])
        )?;
        return Ok(EXIT_PROBLEMS);
    };
    let raw = crate::example::case(s, today);
    writeln!(
        std::io::stdout().lock(),
        "{}",
        serde_json::to_string_pretty(&raw)?
    )?;
    Ok(0)
}

/// `omsorgsklage kommuner [SEARCH]`
///
/// SEARCH may be a municipality's name or number, a town ("Førde": "Førde ligger i Sunnfjord
/// kommune", then Sunnfjord's row) or a postcode ("6800").
pub fn kommuner(ui: Ui, search: Option<&str>) -> Result<i32> {
    let query = search.unwrap_or("");
    let mut out = std::io::stdout().lock();
    let row = |out: &mut dyn Write, m: &municipality::Municipality| {
        writeln!(
            out,
            "{}  {:<34} {:<18} {}",
            m.number,
            m.display(),
            m.county,
            m.statsforvalteren(ui == Ui::Nn)
        )
    };
    // A postcode: the municipality it lies in.
    if let Some(town) = crate::domain::postcode::town(query) {
        let code = query.trim().to_string();
        let Some(m) = municipality::for_postcode(&code) else {
            writeln!(
                out,
                "{}",
                tf(
                    ui,
                    "kommuner.no-municipality",
                    &[("postcode", code), ("town", town)]
                )
            )?;
            return Ok(EXIT_PROBLEMS);
        };
        writeln!(
            out,
            "{}",
            tf(
                ui,
                "kommuner.postcode",
                &[
                    ("postcode", code),
                    ("town", town),
                    ("municipality", m.letter_name())
                ]
            )
        )?;
        row(&mut out, m)?;
        return Ok(0);
    }
    // A town is not a municipality: say where it lies, before any spelling guess.
    let towns = municipality::towns_named(query);
    for (town, m) in &towns {
        writeln!(
            out,
            "{}",
            tf(
                ui,
                "kommuner.town",
                &[("town", town.clone()), ("municipality", m.letter_name())]
            )
        )?;
    }
    let found = municipality::search_forgiving(query);
    let mut list: Vec<&municipality::Municipality> = Vec::new();
    for (_, m) in &towns {
        if !list.contains(m) {
            list.push(m);
        }
    }
    // Spelling guesses only when the name is no town either.
    if !found.suggested || towns.is_empty() {
        for m in found.list {
            if !list.contains(&m) {
                list.push(m);
            }
        }
    }
    if found.suggested && towns.is_empty() && !list.is_empty() {
        writeln!(
            out,
            "{}",
            tf(ui, "kommuner.near", &[("query", query.to_string())])
        )?;
    }
    if list.is_empty() {
        writeln!(
            out,
            "{}",
            tf(ui, "kommuner.none", &[("query", query.to_string())])
        )?;
        return Ok(EXIT_PROBLEMS);
    }
    for m in &list {
        row(&mut out, m)?;
    }
    writeln!(
        out,
        "{}",
        tf(ui, "kommuner.count", &[("count", list.len().to_string())])
    )?;
    // Only suggestions: for a script, the search found nothing.
    Ok(if found.suggested && towns.is_empty() {
        EXIT_PROBLEMS
    } else {
        0
    })
}
