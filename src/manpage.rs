//! The manual page (`omsorgsklage man`): roff written by clap_mangen from the same clap command the
//! program parses with ([`crate::cli::localized_command`]), so it is in the interface language and
//! cannot drift from the program. One page holds every command with its options, followed by the
//! environment variables, the files the program writes and the exit codes, from the catalogue
//! (`man.*` keys).

use std::io;

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::i18n::{Ui, t};

/// The lines roff adds at the start of every piece it renders; the page has them once.
fn is_preamble(line: &str) -> bool {
    line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq")
}

/// A piece rendered by clap_mangen, without roff's preamble; its section headings (`.SH`) are
/// replaced by `heading` (`Some`) or dropped (`None`, for a command's part of the page).
fn piece(
    render: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    heading: Option<&str>,
) -> io::Result<String> {
    let mut buf = Vec::new();
    render(&mut buf)?;
    let text = String::from_utf8(buf).map_err(io::Error::other)?;
    let mut out = String::new();
    for line in text.lines().filter(|l| !is_preamble(l)) {
        if line.starts_with(".SH ") {
            if let Some(h) = heading {
                out.push_str(&sh(h));
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// A section heading, quoted as roff wants it.
fn sh(title: &str) -> String {
    let mut r = Roff::new();
    r.control("SH", [title.to_uppercase().as_str()]);
    r.to_roff()
}

/// Roff for `roff`, without its preamble.
fn body(roff: &Roff) -> String {
    roff.render()
        .lines()
        .filter(|l| !is_preamble(l))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// One command's part of the page: its name, usage, what it does and its own options. The
/// options every command has (`--today`, `--help`) are described once, at the top.
fn command_part(cmd: &clap::Command, out: &mut String) -> io::Result<()> {
    let name = cmd
        .get_bin_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string();
    let mut own = cmd.clone();
    for global in ["today", "help"] {
        if own.get_arguments().any(|a| a.get_id() == global) {
            own = own.mut_arg(global, |a| a.hide(true));
        }
    }
    let man = Man::new(own.clone());
    let mut head = Roff::new();
    head.control("SS", [name.as_str()]);
    out.push_str(&body(&head));
    out.push_str(&piece(|w| man.render_synopsis_section(w), None)?);
    out.push_str(&body(Roff::new().control("PP", [])));
    out.push_str(&piece(|w| man.render_description_section(w), None)?);
    if own.get_arguments().any(|a| !a.is_hide_set()) {
        out.push_str(&piece(|w| man.render_options_section(w), None)?);
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        command_part(sub, out)?;
    }
    Ok(())
}

/// `.TP` items: a bold term and its text.
fn items(roff: &mut Roff, list: &[(Vec<clap_mangen::roff::Inline>, String)]) {
    for (term, text) in list {
        roff.control("TP", []);
        roff.text(term.clone());
        roff.text([roman(text.as_str())]);
    }
}

/// The whole manual page, in roff.
pub fn render(ui: Ui) -> io::Result<Vec<u8>> {
    let cmd = crate::cli::localized_command(ui);
    let man = Man::new(cmd.clone())
        .title("OMSORGSKLAGE")
        .date(crate::domain::law::VERIFIED_ON)
        .source(format!("omsorgsklage {}", env!("CARGO_PKG_VERSION")))
        .manual(t(ui, "man.manual"));

    let mut page = String::new();
    page.push_str(&piece(|w| man.render_title(w), None)?);
    page.push_str(&piece(
        |w| man.render_name_section(w),
        Some(&t(ui, "man.name")),
    )?);
    page.push_str(&piece(
        |w| man.render_synopsis_section(w),
        Some(&t(ui, "man.synopsis")),
    )?);
    page.push_str(&piece(
        |w| man.render_description_section(w),
        Some(&t(ui, "man.description")),
    )?);
    page.push_str(&piece(
        |w| man.render_options_section(w),
        Some(&t(ui, "cli.options")),
    )?);

    page.push_str(&sh(&t(ui, "cli.commands")));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        command_part(sub, &mut page)?;
    }

    let mut roff = Roff::new();
    roff.control("SH", [t(ui, "man.environment").to_uppercase().as_str()]);
    items(
        &mut roff,
        &[
            (vec![bold("OMSORGSKLAGE_DATA")], t(ui, "man.env.data")),
            (vec![bold("NO_COLOR")], t(ui, "man.env.no-color")),
            (
                vec![
                    bold("LANG"),
                    roman(", "),
                    bold("LC_ALL"),
                    roman(", "),
                    bold("LC_MESSAGES"),
                    roman(", "),
                    bold("LANGUAGE"),
                ],
                t(ui, "man.env.lang"),
            ),
            (
                vec![bold("VISUAL"), roman(", "), bold("EDITOR")],
                t(ui, "man.env.editor"),
            ),
            (vec![bold("TERM")], t(ui, "man.env.term")),
        ],
    );

    roff.control("SH", [t(ui, "man.files").to_uppercase().as_str()]);
    roff.text([roman(t(ui, "man.files.intro"))]);
    let data = t(ui, "man.files.data");
    items(
        &mut roff,
        &[
            (
                vec![
                    italic(data.as_str()),
                    roman("/cases/"),
                    italic("ID"),
                    roman(".json"),
                ],
                t(ui, "man.files.cases"),
            ),
            (
                vec![
                    italic(data.as_str()),
                    roman("/cases/"),
                    italic("ID"),
                    roman(".lock"),
                ],
                t(ui, "man.files.lock"),
            ),
            (
                vec![italic(data.as_str()), roman("/settings.json")],
                t(ui, "man.files.settings"),
            ),
        ],
    );
    roff.control("PP", []);
    roff.text([roman(t(ui, "man.files.where"))]);
    items(
        &mut roff,
        &[
            (vec![bold("Linux")], t(ui, "man.files.linux")),
            (vec![bold("macOS")], t(ui, "man.files.macos")),
            (vec![bold("Windows")], t(ui, "man.files.windows")),
        ],
    );
    roff.control("PP", []);
    roff.text([roman(t(ui, "man.files.letters"))]);

    roff.control("SH", [t(ui, "man.exit").to_uppercase().as_str()]);
    items(
        &mut roff,
        &[
            (vec![bold("0")], t(ui, "man.exit.0")),
            (vec![bold("1")], t(ui, "man.exit.1")),
            (vec![bold("2")], t(ui, "man.exit.2")),
        ],
    );

    roff.control("SH", [t(ui, "man.version").to_uppercase().as_str()]);
    roff.text([roman(format!(
        "omsorgsklage {}",
        crate::cli::version_line(ui)
    ))]);
    page.push_str(&body(&roff));

    let mut preamble = Roff::new().render();
    preamble.push_str(&page);
    Ok(preamble.into_bytes())
}
