//! Line mode's commands: each a symbol (`<`, `?`, `-`, and in a long answer `+` and `.`) and a
//! word in the interface language (`tilbake`/`attende`/`back`, `hjelp`/`help`, …), because a
//! screen reader does not speak every symbol.
//!
//! **The rule**: a command is the symbol or the word *alone on its line* (spaces and case do not
//! matter). Anything else on the line makes it an answer: "hjelp til dusj" searches the
//! services, "Tilbake til sjukehuset" is a sentence of a long answer. To give one of the words
//! itself as the answer (to search the services for "hjelp"), put an apostrophe before it:
//! `'hjelp`. The words are in `templates/ui/{nb,nn,en}.txt` (`plain.word.*`, alternatives
//! separated by commas).

use crate::i18n::{Ui, t};

/// A command typed alone on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmd {
    /// `<`: back to the question before (or the field before).
    Back,
    /// `?`: help for this question.
    Help,
    /// `-`: empty the answer.
    Clear,
    /// `+`: add to the answer that is there (long answers).
    Add,
    /// `.`: the long answer is finished.
    Done,
}

const ALL: [(Cmd, &str, &str); 5] = [
    (Cmd::Back, "<", "plain.word.back"),
    (Cmd::Help, "?", "plain.word.help"),
    (Cmd::Clear, "-", "plain.word.clear"),
    (Cmd::Add, "+", "plain.word.add"),
    (Cmd::Done, ".", "plain.word.done"),
];

/// The words of a command in this language, the first the one to show.
pub fn words(ui: Ui, cmd: Cmd) -> Vec<String> {
    let key = ALL.iter().find(|(c, _, _)| *c == cmd).map_or("", |a| a.2);
    t(ui, key)
        .split(',')
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The command a line is, when it is one: its symbol or one of its words, alone on the line.
pub fn parse(ui: Ui, line: &str) -> Option<Cmd> {
    let s = line.trim().to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    ALL.iter()
        .find(|(cmd, symbol, _)| s == *symbol || words(ui, *cmd).contains(&s))
        .map(|(cmd, _, _)| *cmd)
}

/// A command word given as text: `'hjelp` is the answer "hjelp". `None` for any other line
/// (an apostrophe before anything else stays).
pub fn quoted(ui: Ui, line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix(['\'', '’'])?;
    let is_word = ALL
        .iter()
        .any(|(cmd, _, _)| words(ui, *cmd).contains(&rest.trim().to_lowercase()));
    is_word.then(|| rest.trim().to_string())
}

/// The words that give an attachment a new title ("endre 3"), the first the one to show.
pub fn rename_words(ui: Ui) -> Vec<String> {
    t(ui, "plain.word.rename")
        .split(',')
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// "endre 3" / "rename 3": the rename word first on the line, and what follows it (trimmed;
/// empty when only the word was typed). `None` for any other line.
pub fn rename(ui: Ui, line: &str) -> Option<String> {
    let s = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = s.to_lowercase();
    rename_words(ui).into_iter().find_map(|w| {
        let rest = lower.strip_prefix(&w)?;
        // The word alone or before a number: not the start of a longer word ("endret"), nor of
        // an attachment's title ("Endre vedtak" is added as a title).
        let rest = rest.trim();
        let word = lower.len() == w.len() || lower[w.len()..].starts_with(' ');
        (word && (rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit())))
            .then(|| rest.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_alone_are_commands_and_quoted_words_are_text() {
        assert_eq!(parse(Ui::Nn, "attende"), Some(Cmd::Back));
        assert_eq!(parse(Ui::Nn, "  Tilbake "), Some(Cmd::Back));
        assert_eq!(parse(Ui::Nb, "tilbake"), Some(Cmd::Back));
        assert_eq!(parse(Ui::En, "HELP"), Some(Cmd::Help));
        assert_eq!(parse(Ui::Nb, "legg  til"), Some(Cmd::Add));
        assert_eq!(parse(Ui::Nb, "."), Some(Cmd::Done));
        assert_eq!(parse(Ui::Nb, "hjelp til dusj"), None);
        assert_eq!(parse(Ui::Nn, "Tilbake til sjukehuset."), None);
        assert_eq!(quoted(Ui::Nb, "'hjelp"), Some("hjelp".into()));
        assert_eq!(quoted(Ui::Nb, "'Ola'"), None);
        assert_eq!(rename(Ui::Nb, "Endre  3"), Some("3".into()));
        assert_eq!(rename(Ui::En, "rename 2"), Some("2".into()));
        assert_eq!(rename(Ui::Nn, "endre"), Some(String::new()));
        assert_eq!(rename(Ui::Nb, "Endret vedtak"), None);
        assert_eq!(rename(Ui::Nb, "Uttalelse fra fastlegen"), None);
        assert_eq!(rename(Ui::Nb, "Endre vedtak"), None);
    }
}
