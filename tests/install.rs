//! What an installed program brings besides itself: shell completions, the manual page, the
//! command line's own messages in the interface language, and a version that says how current
//! the law table is.

mod common;

use common::cmd;

/// Every command (with its path, "cases list") and every long option of the program, from the
/// same clap definition the program parses with.
fn commands_and_options() -> (Vec<String>, Vec<String>) {
    fn walk(c: &clap::Command, path: &str, cmds: &mut Vec<String>, opts: &mut Vec<String>) {
        for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = a.get_long() {
                let o = format!("--{long}");
                if !opts.contains(&o) {
                    opts.push(o);
                }
            }
        }
        for s in c.get_subcommands() {
            let p = format!("{path} {}", s.get_name()).trim().to_string();
            cmds.push(p.clone());
            walk(s, &p, cmds, opts);
        }
    }
    let (mut cmds, mut opts) = (Vec::new(), Vec::new());
    let c = omsorgsklage::cli::localized_command(omsorgsklage::i18n::Ui::Nb);
    walk(&c, "", &mut cmds, &mut opts);
    assert!(cmds.len() >= 14 && opts.len() >= 15, "{cmds:?} {opts:?}");
    (cmds, opts)
}

fn stdout(args: &[&str]) -> String {
    let out = cmd().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The man page as a reader sees the words: roff's escaped hyphens and font changes removed.
fn man_words(lang: &str) -> String {
    let roff = stdout(&["--lang", lang, "man"]);
    assert!(roff.contains(".TH OMSORGSKLAGE 1"), "{roff}");
    roff.replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
}

#[test]
fn completions_for_every_shell_name_every_command_and_option() {
    let (cmds, opts) = commands_and_options();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        for c in &cmds {
            let last = c.rsplit(' ').next().expect("name");
            assert!(script.contains(last), "{shell}: no command {c}");
        }
        for o in &opts {
            // fish names long options as `-l format`, the others as `--format`.
            let form = if shell == "fish" {
                format!("-l {}", &o[2..])
            } else {
                o.clone()
            };
            assert!(script.contains(&form), "{shell}: no option {form}");
        }
    }
    // The descriptions follow the interface language.
    assert!(
        stdout(&["--lang", "nn", "completions", "fish"]).contains("Skriv brevet frå ei saksfil")
    );
    assert!(
        stdout(&["--lang", "en", "completions", "zsh"])
            .contains("Write the letter from a case file")
    );
}

#[test]
fn an_unknown_shell_is_refused_with_the_shells_to_choose_from() {
    let out = cmd().args(["completions", "tcsh"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("«tcsh» kan ikke brukes")
            && err.contains("«bash», «elvish», «fish», «powershell» eller «zsh»"),
        "{err}"
    );
}

#[test]
fn the_man_page_has_every_command_option_variable_file_and_exit_code() {
    let (cmds, opts) = commands_and_options();
    for (lang, headings, exit) in [
        (
            "nb",
            [
                "NAVN",
                "BRUK",
                "BESKRIVELSE",
                "VALG",
                "KOMMANDOER",
                "MILJØVARIABLER",
                "FILER",
            ],
            "AVSLUTNINGSKODER",
        ),
        (
            "nn",
            [
                "NAMN",
                "BRUK",
                "SKILDRING",
                "VAL",
                "KOMMANDOAR",
                "MILJØVARIABLAR",
                "FILER",
            ],
            "AVSLUTNINGSKODAR",
        ),
        (
            "en",
            [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "COMMANDS",
                "ENVIRONMENT",
                "FILES",
            ],
            "EXIT STATUS",
        ),
    ] {
        let page = man_words(lang);
        for h in headings.iter().chain([&exit]) {
            assert!(
                page.contains(&format!(".SH {h}\n")) || page.contains(&format!(".SH \"{h}\"\n")),
                "{lang}: no section {h}"
            );
        }
        for c in &cmds {
            assert!(
                page.contains(&format!(".SS \"omsorgsklage {c}\"")),
                "{lang}: no command {c}"
            );
        }
        for o in &opts {
            assert!(page.contains(o.as_str()), "{lang}: no option {o}");
        }
        for var in [
            "OMSORGSKLAGE_DATA",
            "NO_COLOR",
            "LANG",
            "LC_ALL",
            "LC_MESSAGES",
            "VISUAL",
            "EDITOR",
        ] {
            assert!(page.contains(var), "{lang}: no variable {var}");
        }
        for file in [
            "/cases/",
            "settings.json",
            ".local/share/omsorgsklage",
            "Library/Application Support",
            "%APPDATA%",
        ] {
            assert!(page.contains(file), "{lang}: no file {file}");
        }
        let codes = &page[page.find(exit).expect("exit section")..];
        for code in ["0", "1", "2"] {
            assert!(
                codes.contains(&format!(".TP\n{code}\n")),
                "{lang}: no exit code {code}"
            );
        }
    }
}

#[test]
fn the_norwegian_man_page_is_norwegian() {
    let nb = man_words("nb");
    for w in [
        "Skriv brevet fra en saksfil",
        "Mappen der utkast og innstillinger lagres",
        "Kommandolinjen er feil",
        "<SAKSFIL>",
    ] {
        assert!(nb.contains(w), "nb: no «{w}»");
    }
    let nn = man_words("nn");
    for w in [
        "Skriv brevet frå ei saksfil",
        "Mappa der utkast og innstillingar blir lagra",
        "Kommandolinja er feil",
    ] {
        assert!(nn.contains(w), "nn: no «{w}»");
    }
    // Nothing left of clap's English.
    for page in [&nb, &nn] {
        for english in [
            "OPTIONS",
            "SYNOPSIS",
            "Possible values",
            "[default",
            "Print help",
            "<CASE",
        ] {
            assert!(!page.contains(english), "English «{english}» in\n{page}");
        }
    }
    // `man --lang nn` after the command works too.
    assert!(stdout(&["man", "--lang", "nn"]).contains(".SH SKILDRING"));
    // LANG chooses when --lang is not given.
    let out = cmd()
        .env("LANG", "en_GB.UTF-8")
        .arg("man")
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains("EXIT STATUS"));
}

/// Standard error of a command that must fail with exit code 2 (a command-line error).
fn usage_error(env_lang: &str, args: &[&str]) -> String {
    let out = cmd()
        .env("LANG", env_lang)
        .args(args)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    err
}

#[test]
fn a_mistyped_command_is_named_and_the_right_one_suggested_in_every_language() {
    for (lang, words) in [
        (
            "nb",
            [
                "Det finnes ingen kommando som heter «rendr».",
                "Mente du «render»?",
                "Bruk: omsorgsklage [VALG] [KOMMANDO]",
                "Skriv «omsorgsklage --help»",
            ],
        ),
        (
            "nn",
            [
                "Det finst ingen kommando som heiter «rendr».",
                "Meinte du «render»?",
                "Bruk: omsorgsklage [VAL] [KOMMANDO]",
                "Skriv «omsorgsklage --help»",
            ],
        ),
        (
            "en",
            [
                "There is no command called «rendr».",
                "Did you mean «render»?",
                "Usage: omsorgsklage [OPTIONS] [COMMAND]",
                "Type «omsorgsklage --help»",
            ],
        ),
    ] {
        let err = usage_error("nb_NO.UTF-8", &["--lang", lang, "rendr"]);
        for w in words {
            assert!(err.contains(w), "{lang}: no «{w}» in\n{err}");
        }
        if lang != "en" {
            for english in ["error:", "tip:", "Usage:", "unrecognized", "similar"] {
                assert!(
                    !err.contains(english),
                    "{lang}: English «{english}» in\n{err}"
                );
            }
        }
    }
    // Without --lang, LANG decides.
    let err = usage_error("nn_NO.UTF-8", &["kases"]);
    assert!(
        err.contains("heiter «kases»") && err.contains("Meinte du «cases»?"),
        "{err}"
    );
}

#[test]
fn a_mistyped_option_is_named_and_the_right_one_suggested_in_every_language() {
    for (lang, words) in [
        (
            "nb",
            [
                "Det finnes ikke noe valg som heter «--formt».",
                "Mente du «--format»?",
                "Bruk: omsorgsklage render [VALG] <SAKSFIL>",
                "«omsorgsklage render --help»",
            ],
        ),
        (
            "nn",
            [
                "Det finst ikkje noko val som heiter «--formt».",
                "Meinte du «--format»?",
                "Bruk: omsorgsklage render [VAL] <SAKSFIL>",
                "«omsorgsklage render --help»",
            ],
        ),
        (
            "en",
            [
                "There is no option called «--formt».",
                "Did you mean «--format»?",
                "Usage: omsorgsklage render [OPTIONS] <CASE_FILE>",
                "«omsorgsklage render --help»",
            ],
        ),
    ] {
        let err = usage_error(
            "en_GB.UTF-8",
            &[
                "--lang",
                lang,
                "render",
                "tests/cases/minimal-bpa.json",
                "--formt",
                "pdf",
            ],
        );
        for w in words {
            assert!(err.contains(w), "{lang}: no «{w}» in\n{err}");
        }
    }
    // A top-level option too, and LANG deciding.
    let err = usage_error("nb_NO.UTF-8", &["--plian"]);
    assert!(
        err.contains("«--plian»") && err.contains("Mente du «--plain»?"),
        "{err}"
    );
}

#[test]
fn a_missing_argument_or_a_wrong_value_says_what_to_write_in_every_language() {
    for (lang, missing, values) in [
        (
            "nb",
            "Dette må være med, men mangler: «--received <DATO>».",
            "Du kan velge «txt», «pdf» eller «both».",
        ),
        (
            "nn",
            "Dette må vere med, men manglar: «--received <DATO>».",
            "Du kan velje «txt», «pdf» eller «both».",
        ),
        (
            "en",
            "This is required but missing: «--received <DATE>».",
            "You can choose «txt», «pdf» or «both».",
        ),
    ] {
        let err = usage_error("nb_NO.UTF-8", &["--lang", lang, "deadline"]);
        assert!(err.contains(missing), "{lang}: {err}");
        let err = usage_error(
            "nb_NO.UTF-8",
            &["--lang", lang, "render", "x.json", "--format", "pfd"],
        );
        assert!(
            err.contains("«pfd»") && err.contains(values),
            "{lang}: {err}"
        );
    }
    let err = usage_error("nb_NO.UTF-8", &["check"]);
    assert!(err.contains("mangler: «<SAKSFIL>»"), "{err}");
}

#[test]
fn version_says_when_the_law_table_was_verified() {
    let verified =
        chrono::NaiveDate::parse_from_str(omsorgsklage::domain::law::VERIFIED_ON, "%Y-%m-%d")
            .expect("VERIFIED_ON is a date");
    for (lang, words) in [
        ("nb", "lover og frister kontrollert"),
        ("nn", "lover og fristar kontrollerte"),
        ("en", "law and deadlines verified"),
    ] {
        let date = omsorgsklage::domain::dates::in_words(verified, lang);
        let out = stdout(&["--lang", lang, "--version"]);
        assert_eq!(
            out.trim(),
            format!(
                "omsorgsklage {} ({words} {date})",
                env!("CARGO_PKG_VERSION")
            ),
            "{lang}"
        );
    }
    assert!(
        stdout(&["-V"]).contains(omsorgsklage::domain::dates::in_words(verified, "nb").as_str())
    );
}
