//! The command line (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// omsorgsklage: skriv en klage på kommunens vedtak om helse- og omsorgstjenester.
///
/// Uten kommando starter veiviseren, som stiller ett spørsmål om gangen.
#[derive(Debug, Parser)]
#[command(name = "omsorgsklage", version, about, long_about = None, args_override_self = true)]
pub struct Cli {
    /// Språk i programmet: nb (bokmål), nn (nynorsk) eller en (English).
    #[arg(long = "lang", global = false, value_name = "nb|nn|en")]
    pub ui_lang: Option<String>,

    /// Enkel linje-for-linje-modus for skjermlesere.
    #[arg(long)]
    pub plain: bool,

    /// Skrankemodus på delte maskiner: ingenting lagres uten at du ber om det.
    #[arg(long)]
    pub counter: bool,

    /// Fargetema: default, high-contrast eller no-color.
    #[arg(long, value_name = "TEMA")]
    pub theme: Option<String>,

    /// Regn som om i dag er denne datoen (ÅÅÅÅ-MM-DD).
    #[arg(long, value_name = "DATO", global = true, value_parser = date_arg)]
    pub today: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Txt,
    Pdf,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LetterArg {
    Complaint,
    Innsyn,
    Postponement,
    Reasons,
    Reminder,
    Fullmakt,
    Supplement,
}

impl From<LetterArg> for crate::domain::letter::LetterKind {
    fn from(a: LetterArg) -> Self {
        use crate::domain::letter::LetterKind as K;
        match a {
            LetterArg::Complaint => K::Complaint,
            LetterArg::Innsyn => K::Innsyn,
            LetterArg::Postponement => K::Postponement,
            LetterArg::Reasons => K::Reasons,
            LetterArg::Reminder => K::Reminder,
            LetterArg::Fullmakt => K::Fullmakt,
            LetterArg::Supplement => K::Supplement,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LetterLang {
    Nb,
    Nn,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Skriv klagebrevet fra en saksfil (JSON).
    Render {
        /// Saksfilen.
        case: PathBuf,
        /// txt, pdf eller both.
        #[arg(long, value_enum, default_value = "txt")]
        format: Format,
        /// Filen brevet skal lagres i, nøyaktig med det navnet. Med --format both er navnet uten
        /// .txt eller .pdf starten på begge filene. Uten --out skrives tekstbrevet til skjermen.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Brevets språk: nb (bokmål) eller nn (nynorsk). Overstyrer saksfilen.
        #[arg(long = "lang", value_enum)]
        letter_lang: Option<LetterLang>,
        /// Skriv over en fil som finnes fra før.
        #[arg(long)]
        force: bool,
        /// Hvilket brev: complaint (klagen), innsyn, postponement (utsatt iverksetting),
        /// reasons (begrunnelse), reminder (purring), fullmakt, supplement (tilleggsopplysninger).
        #[arg(long, value_enum, default_value = "complaint")]
        letter: LetterArg,
    },
    /// Sjekk en saksfil og vis alt som må rettes.
    Check {
        /// Saksfilen.
        case: PathBuf,
    },
    /// Vis tjenestene du kan klage på, med lovgrunnlag.
    Services {
        /// Som JSON, for skript.
        #[arg(long)]
        json: bool,
    },
    /// Vis alle lovhenvisningene programmet kan bruke, med gyldighet og kontrolldato.
    Law {
        /// Som JSON, for skript.
        #[arg(long)]
        json: bool,
    },
    /// Regn ut klagefristen.
    Deadline {
        /// Datoen du fikk vedtaket (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).
        #[arg(long, value_parser = date_arg)]
        received: String,
        /// Tjenesten (id fra «omsorgsklage services»).
        #[arg(long)]
        service: Option<String>,
    },
    /// Skriv ut en komplett eksempelfil.
    Example {
        /// Tjenesten eksempelet skal gjelde.
        #[arg(long)]
        service: Option<String>,
    },
    /// Lagrede saker: list, show, delete, export, import.
    Cases {
        #[command(subcommand)]
        action: Option<CasesAction>,
    },
    /// Vis eller søk i listen over kommuner.
    Kommuner {
        /// Søk etter navn eller nummer. Et tettsted (Førde) eller et postnummer (6800) viser
        /// kommunen det ligger i.
        search: Option<String>,
    },
    /// Skriv ut et skript som fullfører kommandoer og valg i skallet.
    Completions {
        /// Skallet: bash, zsh, fish, powershell eller elvish.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Skriv ut manualsiden (for man), på språket i programmet.
    Man {
        /// Sidens språk: nb, nn eller en. Uten det: språket i programmet.
        #[arg(long = "lang", value_enum)]
        page_lang: Option<UiLang>,
    },
}

/// An interface language as a value on the command line (`man --lang nn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UiLang {
    Nb,
    Nn,
    En,
}

impl From<UiLang> for crate::i18n::Ui {
    fn from(l: UiLang) -> Self {
        match l {
            UiLang::Nb => crate::i18n::Ui::Nb,
            UiLang::Nn => crate::i18n::Ui::Nn,
            UiLang::En => crate::i18n::Ui::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum CasesAction {
    /// Vis alle lagrede saker.
    List,
    /// Vis én sak: svarene, fristen og hva som mangler.
    Show {
        /// Saks-id (eller starten av den).
        id: String,
    },
    /// Slett en sak for godt.
    Delete {
        id: String,
        /// Ikke spør om bekreftelse.
        #[arg(long)]
        yes: bool,
    },
    /// Lagre en sak som en saksfil et annet sted.
    Export {
        id: String,
        path: PathBuf,
        /// Skriv over en fil som finnes fra før.
        #[arg(long)]
        force: bool,
    },
    /// Legg inn en saksfil som en lagret sak (også om den ikke er komplett).
    Import { path: PathBuf },
}

/// The interface language asked for on the command line (`--lang X` or `--lang=X`), read before
/// clap parses, so that clap's help can be in that language.
pub fn ui_from_args<I: IntoIterator<Item = std::ffi::OsString>>(
    args: I,
) -> Option<crate::i18n::Ui> {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut found = None;
    for (i, a) in args.iter().enumerate() {
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            found = crate::i18n::Ui::from_code(v).or(found);
        } else if a == "--lang" {
            // `render --lang nn` is the letter's language: only the top-level flag counts, which
            // comes before any subcommand.
            if args[1..i]
                .iter()
                .all(|x| x.starts_with('-') || x.parse::<i32>().is_ok() || x.contains('-'))
            {
                found = args
                    .get(i + 1)
                    .and_then(|v| crate::i18n::Ui::from_code(v))
                    .or(found);
            }
            break;
        }
    }
    found
}

/// The interface language of this run, for messages written before the options are read.
fn ui_of_this_run() -> crate::i18n::Ui {
    ui_from_args(std::env::args_os()).unwrap_or_else(crate::i18n::Ui::from_env)
}

/// Clap's check of a date option (`--today`, `--received`): the date as ISO `YYYY-MM-DD`, or why it
/// is not a date. A date without a year is read against the clock's today; `--received` is read
/// again against `--today` by the command.
pub fn date_arg(s: &str) -> Result<String, String> {
    let today = chrono::Local::now().date_naive();
    crate::input::read_date(ui_of_this_run(), s, today).map(|_| s.to_string())
}

/// The version line `--version` prints: the program's version and the day the law table was
/// last verified, so an adviser can tell at a glance how current the program is.
pub fn version_line(ui: crate::i18n::Ui) -> String {
    let verified = crate::domain::dates::in_words(crate::domain::law::verified_on(), ui.code());
    format!(
        "{} ({})",
        env!("CARGO_PKG_VERSION"),
        crate::i18n::tf(ui, "cli.version-verified", &[("date", verified)])
    )
}

/// The clap command with every help text from the interface catalogue (`cli.*` keys), so that
/// `--help`, the usage lines, the man page and the completions are in the interface language.
pub fn localized_command(ui: crate::i18n::Ui) -> clap::Command {
    use crate::i18n::{has, t};
    use clap::CommandFactory;
    fn localize(cmd: clap::Command, ui: crate::i18n::Ui, path: &str) -> clap::Command {
        let key = |k: &str| {
            if path.is_empty() {
                format!("cli.{k}")
            } else {
                format!("cli.{path}.{k}")
            }
        };
        let mut cmd = cmd
            .help_template(format!(
                "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                t(ui, "cli.usage")
            ))
            .subcommand_help_heading(t(ui, "cli.commands"))
            .subcommand_value_name(t(ui, "cli.usage.command"))
            .next_help_heading(t(ui, "cli.options"));
        if has(ui, &key("about")) {
            cmd = cmd.about(t(ui, &key("about")));
        }
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for id in ids {
            let k = key(&format!("arg.{id}"));
            if has(ui, &k) {
                let text = t(ui, &k);
                cmd = cmd.mut_arg(id.as_str(), |a| {
                    let takes_values = a.get_action().takes_values();
                    let a = a.help(text.clone()).help_heading(t(ui, "cli.options"));
                    // The help texts name the values themselves, in the interface language.
                    if takes_values {
                        a.hide_default_value(true).hide_possible_values(true)
                    } else {
                        a
                    }
                });
            }
            // The placeholder for the value (`<SAKSFIL>`), in usage lines and errors too.
            let v = key(&format!("value.{id}"));
            if has(ui, &v) {
                cmd = cmd.mut_arg(id.as_str(), |a| a.value_name(t(ui, &v)));
            }
        }
        let help_text = t(ui, "cli.help");
        cmd = cmd.disable_help_flag(true).arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(help_text)
                .help_heading(t(ui, "cli.options")),
        );
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in subs {
            let sub_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            cmd = cmd.mut_subcommand(name.as_str(), |s| localize(s, ui, &sub_path));
        }
        cmd
    }
    /// clap writes `[OPTIONS]` in every usage line; this puts the interface's word there, in
    /// every command, after the whole tree is built (so the global options count).
    fn localize_usage(cmd: &mut clap::Command, options: &str) {
        let usage = cmd.render_usage().to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        let usage = usage.replace("[OPTIONS]", options);
        *cmd = std::mem::take(cmd).override_usage(usage);
        for sub in cmd.get_subcommands_mut() {
            localize_usage(sub, options);
        }
    }
    let cmd = Cli::command()
        .bin_name("omsorgsklage")
        .version(version_line(ui))
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(t(ui, "cli.version"))
                .help_heading(t(ui, "cli.options")),
        );
    let mut cmd = localize(cmd, ui, "");
    cmd.build();
    localize_usage(&mut cmd, &t(ui, "cli.usage.options"));
    cmd
}

/// A command-line error in the interface language, as printed on standard error: what is wrong,
/// the suggestion when there is one ("Mente du «render»?"), the usage line and where to find
/// help. Written from clap's error kind and context, never by translating clap's English.
pub fn error_message(ui: crate::i18n::Ui, err: &clap::Error) -> String {
    use crate::i18n::{t, tf};
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let quoted = |s: &str| format!("«{s}»");
    let strings = |k: C| -> Vec<String> {
        match err.get(k) {
            Some(V::String(s)) => vec![s.clone()],
            Some(V::Strings(v)) => v.clone(),
            Some(V::StyledStr(s)) => vec![s.to_string()],
            Some(V::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
            Some(V::Number(n)) => vec![n.to_string()],
            _ => Vec::new(),
        }
    };
    let one = |k: C| strings(k).join(", ");
    // "«a», «b» eller «c»"
    let either = |items: &[String]| -> String {
        let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), t(ui, "word.or")),
        }
    };
    let did_you_mean =
        |items: &[String]| tf(ui, "cli.err.did-you-mean", &[("suggestion", either(items))]);

    let mut message = Vec::new();
    let mut tips = Vec::new();
    match err.kind() {
        K::InvalidSubcommand => {
            message.push(tf(
                ui,
                "cli.err.unknown-command",
                &[("name", quoted(&one(C::InvalidSubcommand)))],
            ));
            let suggested = strings(C::SuggestedSubcommand);
            if !suggested.is_empty() {
                tips.push(did_you_mean(&suggested));
            }
        }
        K::UnknownArgument => {
            let name = one(C::InvalidArg);
            let key = if name.starts_with('-') {
                "cli.err.unknown-option"
            } else {
                "cli.err.unexpected-argument"
            };
            message.push(tf(ui, key, &[("name", quoted(&name))]));
            let suggested = strings(C::SuggestedArg);
            if !suggested.is_empty() {
                tips.push(did_you_mean(&suggested));
            }
        }
        K::InvalidValue | K::ValueValidation => {
            let arg = quoted(&one(C::InvalidArg));
            let value = one(C::InvalidValue);
            if value.is_empty() {
                message.push(tf(ui, "cli.err.empty-value", &[("arg", arg)]));
            } else {
                message.push(tf(
                    ui,
                    "cli.err.invalid-value",
                    &[("arg", arg), ("value", quoted(&value))],
                ));
            }
            let valid = strings(C::ValidValue);
            if !valid.is_empty() {
                tips.push(tf(
                    ui,
                    "cli.err.possible-values",
                    &[("values", either(&valid))],
                ));
            }
            let suggested = strings(C::SuggestedValue);
            if !suggested.is_empty() {
                tips.push(did_you_mean(&suggested));
            }
            // A value check of ours says why, in the interface language ("Februar 2026 har
            // bare 28 dager.").
            if let Some(reason) = std::error::Error::source(err) {
                tips.push(reason.to_string());
            }
        }
        K::MissingRequiredArgument => {
            let missing: Vec<String> = strings(C::InvalidArg).iter().map(|s| quoted(s)).collect();
            message.push(tf(ui, "cli.err.missing", &[("args", missing.join(", "))]));
        }
        K::MissingSubcommand => {
            message.push(tf(
                ui,
                "cli.err.missing-command",
                &[
                    ("name", quoted(&one(C::InvalidSubcommand))),
                    ("commands", either(&strings(C::ValidSubcommand))),
                ],
            ));
        }
        K::ArgumentConflict => {
            let mut first = strings(C::InvalidArg);
            first.extend(strings(C::InvalidSubcommand));
            message.push(tf(
                ui,
                "cli.err.conflict",
                &[
                    ("arg", either(&first)),
                    ("other", either(&strings(C::PriorArg))),
                ],
            ));
        }
        K::NoEquals => {
            message.push(tf(
                ui,
                "cli.err.no-equals",
                &[("arg", quoted(&one(C::InvalidArg)))],
            ));
        }
        K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            message.push(tf(
                ui,
                "cli.err.wrong-number",
                &[("arg", quoted(&one(C::InvalidArg)))],
            ));
        }
        K::InvalidUtf8 => message.push(t(ui, "cli.err.invalid-utf8")),
        _ => message.push(t(ui, "cli.err.other")),
    }
    // clap's free-text tips: "to pass 'x' as a value, use '-- x'", "'render --format' exists",
    // "subcommand 'x' exists; to use it, remove the '--' before it". Their parts are taken out
    // and said again in the interface language.
    for tip in strings(C::Suggested) {
        let parts: Vec<&str> = tip.split('\'').collect();
        let said = if tip.starts_with("to pass") && parts.len() >= 5 {
            tf(
                ui,
                "cli.err.pass-as-value",
                &[("arg", quoted(parts[1])), ("form", quoted(parts[3]))],
            )
        } else if tip.starts_with("subcommand") && parts.len() >= 3 {
            tf(ui, "cli.err.remove-dashes", &[("name", quoted(parts[1]))])
        } else if tip.ends_with("exists") && parts.len() >= 3 {
            did_you_mean(&[parts[1].to_string()])
        } else {
            tip
        };
        tips.push(said);
    }

    let usage = one(C::Usage);
    let usage = usage
        .strip_prefix("Usage:")
        .unwrap_or(&usage)
        .trim()
        .to_string();
    // The command the error is about: the usage line up to its first placeholder.
    let command: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    let command = if command.is_empty() {
        "omsorgsklage".to_string()
    } else {
        command.join(" ")
    };

    let mut out = format!("omsorgsklage: {}\n", message.join(" "));
    for tip in tips {
        out.push_str(&format!("  {tip}\n"));
    }
    if !usage.is_empty() {
        out.push_str(&format!("\n{} {usage}\n", t(ui, "cli.usage")));
    }
    out.push_str(&format!(
        "\n{}\n",
        tf(
            ui,
            "cli.err.help-hint",
            &[("command", quoted(&format!("{command} --help")))]
        )
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Ui, has};
    use clap::CommandFactory;

    /// Every command and option has its text (and every value its placeholder) in the catalogue,
    /// so that no English from clap's defaults reaches `--help`, the man page or the completions.
    #[test]
    fn every_command_and_option_has_its_text_in_the_catalogue() {
        fn walk(c: &clap::Command, path: &str) {
            let key = |k: &str| {
                if path.is_empty() {
                    format!("cli.{k}")
                } else {
                    format!("cli.{path}.{k}")
                }
            };
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                assert!(
                    has(Ui::Nb, &key(&format!("arg.{id}"))),
                    "no {}",
                    key(&format!("arg.{id}"))
                );
                let value = key(&format!("value.{id}"));
                if a.get_action().takes_values() && id != "ui_lang" {
                    assert!(has(Ui::Nb, &value), "no {value}");
                }
            }
            for s in c.get_subcommands() {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path}.{}", s.get_name())
                };
                assert!(has(Ui::Nb, &format!("cli.{p}.about")), "no cli.{p}.about");
                walk(s, &p);
            }
        }
        walk(&Cli::command(), "");
    }
}
