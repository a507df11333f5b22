use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use omsorgsklage::cli::{Cli, Command};
use omsorgsklage::commands;
use omsorgsklage::i18n::Ui;

fn main() -> ExitCode {
    match run() {
        Ok(0) => ExitCode::SUCCESS,
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        // The reader went away (`omsorgsklage cases list | head`): not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("omsorgsklage: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<i32> {
    use clap::FromArgMatches;
    let data_dir = omsorgsklage::paths::data_dir();
    let settings = omsorgsklage::settings::Settings::load(data_dir.as_deref());
    // The language: --lang, else the one chosen earlier in the wizard, else LANG/LC_*.
    let ui = omsorgsklage::cli::ui_from_args(std::env::args_os())
        .or_else(|| settings.ui_lang.as_deref().and_then(Ui::from_code))
        .unwrap_or_else(Ui::from_env);
    let matches = match omsorgsklage::cli::localized_command(ui).try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            use clap::error::ErrorKind;
            // Help and version go to standard output as clap writes them (already localised).
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                e.exit();
            }
            // Every other command-line error in the interface language, exit code 2.
            eprint!("{}", omsorgsklage::cli::error_message(ui, &e));
            return Ok(2);
        }
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let today = omsorgsklage::input::today_arg(cli.today.as_deref());
    match cli.command {
        None => {
            let options = omsorgsklage::interview::Options {
                theme: cli.theme.clone().or(settings.theme.clone()),
                counter: cli.counter || settings.counter,
                export_dir: None,
                data_dir: data_dir.clone(),
            };
            // Line by line for screen readers, and wherever the screen cannot be drawn.
            if cli.plain || omsorgsklage::plain::needed() {
                omsorgsklage::plain::run(ui, today, options)
            } else {
                omsorgsklage::tui::run(ui, today, options)
            }
        }
        Some(Command::Render {
            case,
            format,
            out,
            letter_lang,
            force,
            letter,
        }) => {
            let opts = commands::RenderOpts {
                format,
                out,
                lang: letter_lang,
                force,
                kind: letter.into(),
            };
            commands::render_cmd(ui, &case, opts, today)
        }
        Some(Command::Check { case }) => commands::check(ui, &case, today),
        Some(Command::Services { json }) => commands::services(ui, json),
        Some(Command::Law { json }) => commands::law(ui, json, today),
        Some(Command::Deadline { received, service }) => {
            commands::deadline(ui, &received, service.as_deref(), today)
        }
        Some(Command::Example { service }) => commands::example(ui, service.as_deref(), today),
        Some(Command::Kommuner { search }) => commands::kommuner(ui, search.as_deref()),
        Some(Command::Completions { shell }) => {
            // Generated into memory first: clap_complete panics if a write fails.
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut omsorgsklage::cli::localized_command(ui),
                "omsorgsklage",
                &mut script,
            );
            std::io::stdout().write_all(&script)?;
            Ok(0)
        }
        Some(Command::Man { page_lang }) => {
            let page = omsorgsklage::manpage::render(page_lang.map(Ui::from).unwrap_or(ui))?;
            std::io::stdout().write_all(&page)?;
            Ok(0)
        }
        Some(Command::Cases { action }) => {
            let action = action.unwrap_or(omsorgsklage::cli::CasesAction::List);
            omsorgsklage::cases_cmd::run(ui, data_dir.as_deref(), action, today)
        }
    }
}
