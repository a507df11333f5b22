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
    #[arg(long, value_name = "DATO", global = true, value_parser = crate::input::date_arg)]
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
        /// Hvor brevet skal lagres. Uten --out skrives tekstbrevet til skjermen.
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
        #[arg(long, value_parser = crate::input::date_arg)]
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
        /// Søk etter navn eller nummer.
        search: Option<String>,
    },
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

/// The clap command with every help text from the interface catalogue (`cli.*` keys), so that
/// `--help` is in the interface language.
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
    let cmd = Cli::command()
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
    localize(cmd, ui, "")
}
