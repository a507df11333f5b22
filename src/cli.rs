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
    #[arg(long, value_name = "DATO", global = true)]
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
    /// Regn ut klagefristen.
    Deadline {
        /// Datoen du fikk vedtaket (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).
        #[arg(long)]
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
