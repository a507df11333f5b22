//! A long answer in line mode (the grounds of a complaint, what was applied for): paragraphs of
//! several lines, ended by one explicit action that every prompt says in words, a full stop
//! alone on a line (or the word `ferdig`/`done`).
//!
//! - Lines that follow each other are one paragraph (as in an e-mail); a blank line starts a new
//!   one. In the letter each paragraph is a paragraph.
//! - A command alone on a line ([`super::command`]) acts and never becomes text: `<` saves what
//!   was typed and goes back, `?` helps, `-` empties the answer and lets you start again.
//! - An answer already there is kept (Enter), added to (`+`), emptied (`-`), or replaced (any
//!   text), and the prompt says which is which.

use anyhow::Result;

use super::command::{self, Cmd};
use super::*;

impl Interview<'_> {
    /// A long text: see the module's documentation.
    pub(super) fn lines(&mut self, current: Option<String>) -> Result<Next> {
        let ui = self.ui();
        let step = self.app().step();
        let has = current.as_deref().is_some_and(|c| !c.trim().is_empty());
        let key = if has {
            "plain.prompt.lines-keep"
        } else {
            "plain.prompt.lines"
        };
        let first = match self.read_text(&t(ui, key))? {
            Ok(s) => s,
            Err(next) => return Ok(next),
        };
        let start = match first {
            Typed::Text(s) if s.trim().is_empty() => return self.long_done(None, step),
            Typed::Text(s) => vec![s],
            Typed::Cmd(Cmd::Back, _) => {
                let r = self.act(vec![Action::Back])?;
                return Ok(self.done(r));
            }
            Typed::Cmd(Cmd::Help, _) => {
                self.long_help()?;
                return Ok(Next::Go);
            }
            Typed::Cmd(Cmd::Clear, _) => return self.long_done(Some(String::new()), step),
            Typed::Cmd(Cmd::Done, _) => return self.long_done(None, step),
            Typed::Cmd(Cmd::Add, _) if has => {
                self.say(&t(ui, "plain.long.adding"))?;
                Vec::new()
            }
            // Nothing to add to: a new answer.
            Typed::Cmd(Cmd::Add, _) => Vec::new(),
        };
        let base = if start.is_empty() {
            current.unwrap_or_default()
        } else {
            String::new()
        };
        self.more_lines(base, start, step)
    }

    /// The further lines of a long answer, after `base` (the answer added to) and `typed`.
    fn more_lines(&mut self, base: String, mut typed: Vec<String>, step: Step) -> Result<Next> {
        let ui = self.ui();
        let mut base = base;
        let prompt = t(ui, "plain.prompt.next-line");
        loop {
            let line = match self.ask(&prompt)? {
                Line::Text(l) => l,
                Line::NotText => return self.not_text(),
                // The input ended or went away: what was typed is kept, then the program stops.
                other => {
                    let text = join(&base, &typed);
                    self.act(vec![Action::EditorDone(Ok(text))])?;
                    return self.stopped(other);
                }
            };
            if let Some(word) = command::quoted(ui, &line) {
                typed.push(word);
                continue;
            }
            match command::parse(ui, &line) {
                Some(Cmd::Done) => break,
                Some(Cmd::Help) => self.long_help()?,
                Some(Cmd::Clear) => {
                    base.clear();
                    typed.clear();
                    self.say(&t(ui, "plain.long.cleared"))?;
                }
                Some(Cmd::Back) => {
                    // What was typed is kept, as the wizard keeps it when going back.
                    let text = join(&base, &typed);
                    let r = self.act(vec![Action::EditorDone(Ok(text)), Action::Back])?;
                    return Ok(self.done(r));
                }
                // `+` while writing: the text is already being added to; taken as text.
                Some(Cmd::Add) | None => typed.push(line.trim_end().to_string()),
            }
        }
        let text = join(&base, &typed);
        self.long_done(Some(text), step)
    }

    /// The answer is given (`None`: kept as it is): on to the next question.
    fn long_done(&mut self, text: Option<String>, step: Step) -> Result<Next> {
        let ui = self.ui();
        let mut actions = Vec::new();
        if let Some(text) = text {
            // Cut by the field (so that the draft always reads back): say so here too.
            if text.chars().count() > describe::MAX_LONG_CHARS {
                self.error(&describe::too_long_message(ui))?;
            }
            actions.push(Action::EditorDone(Ok(text)));
        }
        actions.push(Action::Tab);
        if let Some(code) = self.act(actions)? {
            return Ok(Next::Stop(code));
        }
        if self.app().step() == step && self.app().modal().is_none() {
            for e in describe(self.app()).errors {
                self.error(&e)?;
            }
        }
        Ok(Next::Go)
    }

    fn long_help(&mut self) -> Result<()> {
        let help = describe::help(self.app());
        self.say(&help)?;
        let how = t(self.ui(), "plain.long.how");
        self.say(&how)
    }
}

/// What was typed, as the answer: lines that follow each other are one paragraph, a blank line
/// (or several) separates paragraphs; added text starts a new paragraph after `base`.
pub(super) fn join(base: &str, typed: &[String]) -> String {
    let mut paragraphs: Vec<String> = base
        .split('\n')
        .map(str::trim_end)
        .filter(|p| !p.trim().is_empty())
        .map(str::to_string)
        .collect();
    let mut current: Vec<&str> = Vec::new();
    for line in typed {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n")
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn lines_are_paragraphs_split_by_blank_lines() {
        let typed: Vec<String> = [
            "Då eg kom heim,",
            "las dottera mi brevet.",
            "",
            "",
            "Eg fell ofte.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            join("", &typed),
            "Då eg kom heim, las dottera mi brevet.\nEg fell ofte."
        );
        assert_eq!(
            join("Fyrste avsnitt.", &["Nytt.".to_string()]),
            "Fyrste avsnitt.\nNytt."
        );
        assert_eq!(join("", &[String::new()]), "");
    }
}
