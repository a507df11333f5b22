//! The line-by-line mode (`--plain`), for screen readers and braille displays, and for being
//! driven by another program through pipes.
//!
//! The same interview as the terminal wizard, on plain lines: no alternate screen, no box
//! drawing, no cursor movement, no colour. It drives the same [`App`]: each screen is printed from
//! [`describe`] (what the screen shows, in words), and each line typed becomes the same
//! [`Action`]s the keys would give (a number chooses, text is pasted into the field and Enter
//! pressed, `<` goes back). So both modes ask the same questions and write the same letter.
//!
//! Started with `--plain`, and also when standard input or output is not a terminal, or when
//! `TERM=dumb`.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::i18n::{t, tf};
use crate::interview::Session;
use crate::interview::action::{Action, Effect};
use crate::interview::describe::{self, Answer, Control, Description, Entry, Mark, describe};
use crate::interview::{App, Options, Step};

mod command;
mod finish;
mod long;
mod read;
mod wrap;

use command::Cmd;
use read::{Input, Read};

/// The line-by-line mode is needed: no terminal to draw in, or a terminal that cannot draw.
pub fn needed() -> bool {
    !std::io::stdout().is_terminal()
        || !std::io::stdin().is_terminal()
        || std::env::var("TERM").is_ok_and(|t| t.trim() == "dumb")
}

/// Run the interview on standard input and output. Returns the exit code: 0 when the letter
/// was saved (or the person chose to quit), 1 when the input ended first or a file could not be
/// written, 2 when the input was not text (UTF-8).
pub fn run(ui: crate::i18n::Ui, today: NaiveDate, options: Options) -> Result<i32> {
    let stdin = std::io::stdin();
    // Typed lines are echoed by the terminal; lines from a pipe are not, so a line break after
    // each answer keeps every prompt on its own line in what is printed.
    let newline = !stdin.is_terminal();
    // Line editing where a person types in a terminal that can do it.
    let editing = stdin.is_terminal()
        && std::io::stdout().is_terminal()
        && !std::env::var("TERM").is_ok_and(|t| t.trim() == "dumb");
    let mut input = read::Stdin::start(editing);
    let mut output = std::io::stdout().lock();
    let wizard = Session::new(ui, today, options);
    run_on(wizard, &mut input, &mut output, newline, wrap::width())
}

/// Run the interview on any input and output. The wizard saves drafts as the terminal wizard
/// does. `newline`: print a line break after each answer read (the input is not echoed).
pub fn run_with(
    wizard: Session,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    newline: bool,
) -> Result<i32> {
    let mut input = read::Plain {
        input,
        echoes: false,
    };
    run_on(wizard, &mut input, output, newline, wrap::DEFAULT)
}

fn run_on(
    wizard: Session,
    input: &mut dyn Input,
    output: &mut dyn Write,
    newline: bool,
    width: usize,
) -> Result<i32> {
    let mut s = Interview {
        wizard,
        input,
        out: output,
        newline,
        width,
        gone: false,
        finished: false,
        asked_fullmakt: false,
        listed: false,
        told_lines: false,
        told_tick: false,
        fixing: false,
        told_errors: Vec::new(),
        saved: false,
    };
    let code = s.run();
    // Save what was typed last, and say where the answers are.
    s.wizard.flush();
    if s.gone {
        // The terminal went away or a stop signal came: saved (the lock is let go of as the
        // wizard is dropped). Where the answers are is said if anyone is still there to read it
        // (Ctrl+C); a terminal that is gone is not written to again if that fails.
        let _ = s.say("");
        for line in s.wizard.farewell() {
            if s.say(&line).is_err() {
                break;
            }
        }
        let _ = s.out.flush();
        return code;
    }
    // A finished letter: the end has said where everything is; nothing to continue.
    let farewell = if s.finished {
        Vec::new()
    } else {
        s.wizard.farewell()
    };
    if farewell.is_empty() && s.app().is_dirty() && s.wizard.exported().is_empty() {
        let text = t(s.ui(), "plain.not-saved");
        s.say(&text)?;
    }
    for line in farewell {
        s.say(&line)?;
    }
    s.out.flush()?;
    code
}

/// A line read, the end of the input, bytes that are not text, or the input gone.
enum Line {
    Text(String),
    End,
    NotText,
    /// The input cannot be read any more (the terminal closed).
    Failed,
    /// A stop signal (SIGHUP, SIGTERM, SIGINT) with its number.
    Signal(i32),
}

/// An answer typed: a command alone on its line, or text.
enum Typed {
    /// The command, and the line as typed (trimmed).
    Cmd(Cmd, String),
    Text(String),
}

/// What to do after an answer.
enum Next {
    /// Ask again (the screen, or what changed on it, has been printed as needed).
    Go,
    /// Stop with this exit code.
    Stop(i32),
}

struct Interview<'a> {
    wizard: Session,
    input: &'a mut dyn Input,
    out: &'a mut dyn Write,
    /// A line break after each answer read.
    newline: bool,
    /// The width output is wrapped to.
    width: usize,
    /// The input went away or a stop signal came: stop at once, saying nothing more.
    gone: bool,
    /// The letter is saved and the end has been said: nothing about continuing.
    finished: bool,
    /// The done screen has asked whether to make a power of attorney.
    asked_fullmakt: bool,
    /// The errors of a form have just been listed (not repeated before the next field).
    listed: bool,
    /// How to answer with several lines has been told.
    told_lines: bool,
    /// How to answer the attachments list has been told in full (then shortly).
    told_tick: bool,
    /// A form could not be left: only the fields with errors are asked again.
    fixing: bool,
    /// The errors of saving that have been said.
    told_errors: Vec<String>,
    /// A letter has been saved in this run (then the end of the input loses nothing).
    saved: bool,
}

/// What identifies a screen: printed in full when it changes.
#[derive(PartialEq, Eq)]
struct Shown {
    step: Step,
    ui: crate::i18n::Ui,
    modal: Option<std::mem::Discriminant<crate::interview::Modal>>,
    notice: bool,
}

impl Interview<'_> {
    fn app(&self) -> &App {
        self.wizard.app()
    }

    fn ui(&self) -> crate::i18n::Ui {
        self.app().ui()
    }

    /// Print `text`, wrapped at word boundaries to the width.
    fn say(&mut self, text: &str) -> Result<()> {
        for line in wrap::wrap(text, self.width) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    fn error(&mut self, text: &str) -> Result<()> {
        let w = t(self.ui(), "word.error");
        self.say(&format!("{w}: {text}"))
    }

    fn run(&mut self) -> Result<i32> {
        self.say(&t(self.ui(), "plain.intro"))?;
        self.say(&words_line(self.ui()))?;
        let mut shown: Option<Shown> = None;
        loop {
            let d = describe(self.app());
            let now = Shown {
                step: self.app().step(),
                ui: self.ui(),
                modal: self.app().modal().map(std::mem::discriminant),
                notice: self.app().notice().is_some(),
            };
            if shown.as_ref() != Some(&now) {
                self.fixing = false;
                self.print_screen(&d)?;
                shown = Some(now);
            }
            let next = match d.answer.clone() {
                Answer::Choose { default, current } => self.choose(&d, default, current)?,
                Answer::Field { focus } => self.field(&d, focus)?,
                Answer::Search {
                    label,
                    default,
                    keep,
                    one_chooses,
                } => self.search(&d, &label, default, keep, one_chooses)?,
                Answer::Lines { current } => self.lines(current)?,
                Answer::Tick { add } => self.tick(&d, add)?,
                Answer::Change { ready } => self.change(&d, ready)?,
                Answer::Continue => self.proceed()?,
                Answer::Save => self.save()?,
                Answer::Confirm => self.confirm()?,
            };
            if let Next::Stop(code) = next {
                self.out.flush()?;
                return Ok(code);
            }
        }
    }

    /// Print a screen: where we are, the question, the explanations, the lists.
    fn print_screen(&mut self, d: &Description) -> Result<()> {
        self.say("")?;
        let dialog = self.app().modal().is_some() || self.app().notice().is_some();
        // The start screen's title says what the header would; the done screen's header says
        // what its title would.
        if !dialog && d.step != Step::Start {
            self.say(&d.position)?;
        }
        if dialog || d.step != Step::Done {
            self.say(&d.title)?;
        }
        for p in &d.text {
            self.say(p)?;
        }
        if d.answer != Answer::Save {
            self.print_entries(d)?;
        }
        if let Some(body) = &d.body {
            self.say(&t(self.ui(), "plain.letter-start"))?;
            self.say(body.trim_end())?;
            self.say(&t(self.ui(), "plain.letter-end"))?;
        }
        if let Answer::Lines { current } = &d.answer {
            // How to write several lines: in full the first time, then shortly.
            let key = if std::mem::replace(&mut self.told_lines, true) {
                "plain.long.how-short"
            } else {
                "plain.long.how"
            };
            self.say(&t(self.ui(), key))?;
            if let Some(c) = current {
                self.say(&t(self.ui(), "plain.long.current"))?;
                self.say(c)?;
            }
        }
        if !matches!(
            d.answer,
            Answer::Change { .. } | Answer::Field { .. } | Answer::Save
        ) {
            for e in d.errors.clone() {
                self.error(&e)?;
            }
        }
        Ok(())
    }

    /// The lists of a screen, numbered, with the chosen or ticked ones said in words.
    fn print_entries(&mut self, d: &Description) -> Result<()> {
        let ui = self.ui();
        let mut n = 0;
        for e in &d.entries {
            match e {
                Entry::Heading(h) | Entry::Text(h) => self.say(h)?,
                Entry::Item {
                    label,
                    detail,
                    mark,
                } => {
                    n += 1;
                    let state = match mark {
                        Mark::None => String::new(),
                        Mark::Chosen => format!(", {}", t(ui, "plain.chosen")),
                        Mark::Ticked => format!(", {}", t(ui, "plain.ticked")),
                        Mark::Unticked => format!(", {}", t(ui, "plain.unticked")),
                    };
                    self.say(&format!("{n}. {label}{state}"))?;
                    for l in detail {
                        self.say(&format!("   {l}"))?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Ask, and read one line. The prompt is wrapped as all output is; its last line is shown
    /// with the line being typed. Escape sequences (an arrow key where lines are not edited) are
    /// taken out; a line of nothing else is not an answer: it is said, and asked again.
    fn ask(&mut self, prompt: &str) -> Result<Line> {
        loop {
            let mut lines = wrap::wrap(prompt, self.width);
            let last = lines.pop().unwrap_or_default();
            for l in lines {
                writeln!(self.out, "{l}")?;
            }
            let shown = if last.is_empty() {
                last
            } else {
                format!("{last} ")
            };
            let read = self.input.read(&shown, self.out);
            if self.newline && !self.input.echoes() && !prompt.is_empty() {
                // The terminal may be gone: nothing to do about a failed write here.
                let _ = writeln!(self.out);
            }
            let buf = match read {
                Read::Line(buf) => buf,
                Read::End => return Ok(Line::End),
                Read::Failed => return Ok(Line::Failed),
                Read::Signal(n) => return Ok(Line::Signal(n)),
            };
            let Ok(s) = String::from_utf8(buf) else {
                return Ok(Line::NotText);
            };
            let (clean, removed) = read::clean(&s);
            if removed && clean.trim().is_empty() {
                let text = t(self.ui(), "plain.keys-ignored");
                self.say(&text)?;
                continue;
            }
            return Ok(Line::Text(clean));
        }
    }

    /// The input ended, went away, or a stop signal came.
    fn stopped(&mut self, line: Line) -> Result<Next> {
        match line {
            Line::Failed => {
                self.gone = true;
                Ok(Next::Stop(1))
            }
            Line::Signal(n) => {
                self.gone = true;
                Ok(Next::Stop(crate::signals::exit_code(n)))
            }
            Line::NotText => self.not_text(),
            Line::End | Line::Text(_) => self.ended(),
        }
    }

    /// Read a line: a command alone on it, or text (trimmed).
    fn read_text(&mut self, prompt: &str) -> Result<Result<Typed, Next>> {
        match self.ask(prompt)? {
            Line::Text(s) => {
                let ui = self.ui();
                if let Some(word) = command::quoted(ui, &s) {
                    return Ok(Ok(Typed::Text(word)));
                }
                Ok(Ok(match command::parse(ui, &s) {
                    Some(c) => Typed::Cmd(c, s.trim().to_string()),
                    None => Typed::Text(s.trim().to_string()),
                }))
            }
            other => Ok(Err(self.stopped(other)?)),
        }
    }

    /// The input has ended before the letter was saved.
    fn ended(&mut self) -> Result<Next> {
        self.say("")?;
        if self.saved {
            self.say(&t(self.ui(), "plain.end-saved"))?;
            return Ok(Next::Stop(0));
        }
        self.say(&t(self.ui(), "plain.end"))?;
        Ok(Next::Stop(1))
    }

    /// A line that is not UTF-8 text.
    fn not_text(&mut self) -> Result<Next> {
        self.say("")?;
        let e = t(self.ui(), "plain.not-utf8");
        self.error(&e)?;
        Ok(Next::Stop(2))
    }

    /// Read an answer; `Err` when the line was a command that has been handled (help) or the
    /// input ended. Back and clear, as symbols or words, come as `<` and `-`.
    fn answer(&mut self, prompt: &str) -> Result<Result<String, Next>> {
        Ok(Ok(match self.read_text(prompt)? {
            Err(next) => return Ok(Err(next)),
            Ok(Typed::Cmd(Cmd::Help, _)) => {
                let help = describe::help(self.app());
                self.say(&help)?;
                return Ok(Err(Next::Go));
            }
            Ok(Typed::Cmd(Cmd::Back, _)) => "<".into(),
            Ok(Typed::Cmd(Cmd::Clear, _)) => "-".into(),
            // Only a long answer has these; elsewhere they are what was typed.
            Ok(Typed::Cmd(Cmd::Add | Cmd::Done, s) | Typed::Text(s)) => s,
        }))
    }

    /// Carry out actions; stops at the first that ends the program.
    fn act(&mut self, actions: Vec<Action>) -> Result<Option<i32>> {
        for a in actions {
            // Exports, drafts and settings are done by the wizard's session.
            if self.wizard.handle(a) == Effect::Quit {
                self.say("")?;
                self.say(&t(self.ui(), "plain.quit"))?;
                return Ok(Some(0));
            }
        }
        Ok(None)
    }

    fn done(&mut self, r: Option<i32>) -> Next {
        match r {
            Some(code) => Next::Stop(code),
            None => Next::Go,
        }
    }

    /// " [nå: …]" after a prompt, when there is something to keep.
    fn current(&self, value: &str) -> String {
        if value.trim().is_empty() {
            String::new()
        } else {
            format!(
                " [{}]",
                tf(self.ui(), "plain.current", &[("value", value.into())])
            )
        }
    }

    fn count(d: &Description) -> usize {
        d.entries
            .iter()
            .filter(|e| matches!(e, Entry::Item { .. }))
            .count()
    }

    fn item_label(d: &Description, i: usize) -> String {
        d.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Item { label, .. } => Some(label.clone()),
                _ => None,
            })
            .nth(i)
            .unwrap_or_default()
    }

    /// A number from 1 to `count`, as an index.
    fn number(s: &str, count: usize) -> Option<usize> {
        let n: usize = s.trim_end_matches('.').parse().ok()?;
        (1..=count).contains(&n).then(|| n - 1)
    }

    fn not_a_choice(&mut self, s: &str, count: usize) -> Result<Next> {
        let key = if s.is_empty() {
            "plain.error.choose"
        } else {
            "plain.error.number"
        };
        let e = tf(
            self.ui(),
            key,
            &[("input", s.to_string()), ("count", count.to_string())],
        );
        self.error(&e)?;
        Ok(Next::Go)
    }

    /// One answer from a numbered list.
    fn choose(&mut self, d: &Description, default: Option<usize>, current: bool) -> Result<Next> {
        let count = Self::count(d);
        let mut prompt = tf(
            self.ui(),
            "plain.prompt.number",
            &[("count", count.to_string())],
        );
        if let Some(i) = default {
            let value = format!("{}. {}", i + 1, Self::item_label(d, i));
            prompt.push_str(&if current {
                self.current(&value)
            } else {
                format!(
                    " [{}]",
                    tf(self.ui(), "plain.enter-chooses", &[("value", value)])
                )
            });
        }
        prompt.push(':');
        let s = match self.answer(&prompt)? {
            Ok(s) => s,
            Err(next) => return Ok(next),
        };
        let index = if s.is_empty() {
            match default {
                Some(i) => i,
                None => return self.not_a_choice(&s, count),
            }
        } else if s == "<" {
            let r = self.act(vec![Action::Back])?;
            return Ok(self.done(r));
        } else {
            match Self::number(&s, count) {
                Some(i) => i,
                None => return self.not_a_choice(&s, count),
            }
        };
        let actions = if self.app().step() != Step::Start && index < 9 {
            let digit = char::from_digit(u32::try_from(index + 1).unwrap_or(1), 10).unwrap_or('1');
            vec![Action::Char(digit)]
        } else {
            let mut v = vec![Action::Home];
            v.extend(std::iter::repeat_n(Action::Down, index));
            v.push(Action::Enter);
            v
        };
        let r = self.act(actions)?;
        Ok(self.done(r))
    }

    /// The field with the focus of a form.
    fn field(&mut self, d: &Description, focus: usize) -> Result<Next> {
        let ui = self.ui();
        let Some(f) = d.fields.get(focus).cloned() else {
            let r = self.act(vec![Action::Enter])?;
            return Ok(self.done(r));
        };
        let listed = std::mem::take(&mut self.listed);
        match &f.note {
            Some(describe::Note::Error(e)) if !listed => self.error(e)?,
            Some(describe::Note::Hint(h)) => self.say(h)?,
            _ => {}
        }
        let prompt = format!("{}{}:", f.label, self.current(&f.value));
        let s = match self.answer(&prompt)? {
            Ok(s) => s,
            Err(next) => return Ok(next),
        };
        let step = self.app().step();
        let last = focus + 1 == d.fields.len();
        let mut actions = Vec::new();
        match s.as_str() {
            "<" if focus > 0 => {
                let r = self.act(vec![Action::BackTab])?;
                return Ok(self.done(r));
            }
            "<" => {
                let r = self.act(vec![Action::Back])?;
                return Ok(self.done(r));
            }
            "" => {}
            "-" => actions.push(Action::ClearLine),
            text => {
                actions.push(Action::ClearLine);
                actions.push(Action::Paste(text.to_string()));
            }
        }
        let typed = !actions.is_empty() && s != "-";
        if let Some(code) = self.act(actions)? {
            return Ok(Next::Stop(code));
        }
        // A value that is refused never becomes the answer: the one before stays, and the
        // question is asked again.
        if typed {
            use describe::Note;
            let note = describe(self.app())
                .fields
                .get(focus)
                .and_then(|f| f.note.clone());
            let refused = match note {
                Some(Note::Error(e)) => Some(e),
                // A date not yet complained about on the screen (still being typed there).
                Some(Note::Hint(_)) if f.date => {
                    crate::input::read_date(ui, &s, self.app().today).err()
                }
                _ => None,
            };
            if let Some(e) = refused {
                let mut restore = vec![Action::ClearLine];
                if !f.value.is_empty() {
                    restore.push(Action::Paste(f.value.clone()));
                }
                if let Some(code) = self.act(restore)? {
                    return Ok(Next::Stop(code));
                }
                self.error(&e)?;
                return Ok(Next::Go);
            }
        }
        // A phone number or e-mail address that may be mistyped: said, and kept.
        if let Some(w) = describe(self.app())
            .fields
            .get(focus)
            .and_then(|f| f.warning.clone())
        {
            let word = t(ui, "word.warning");
            self.say(&format!("{word}: {w}"))?;
        }
        // A date as understood, before going on.
        if let Some(describe::Note::Ok(s)) = describe(self.app())
            .fields
            .get(focus)
            .and_then(|f| f.note.clone())
        {
            self.say(&format!("{s}."))?;
        }
        if self.fixing {
            // After "this must be fixed": on to the next field with an error, or on from the
            // form when there is none, without going through every field again.
            use describe::Note;
            let now = describe(self.app());
            let error = |i: usize| matches!(now.fields[i].note, Some(Note::Error(_)));
            let moves = if error(focus) {
                Vec::new()
            } else if let Some(j) = (0..now.fields.len()).find(|i| error(*i)) {
                if j > focus {
                    vec![Action::Down; j - focus]
                } else {
                    vec![Action::Up; focus - j]
                }
            } else {
                let mut v = vec![Action::Down; now.fields.len() - 1 - focus];
                v.push(Action::Enter);
                v
            };
            if let Some(code) = self.act(moves)? {
                return Ok(Next::Stop(code));
            }
            return Ok(Next::Go);
        }
        if let Some(code) = self.act(vec![Action::Enter])? {
            return Ok(Next::Stop(code));
        }
        if self.app().step() == step && self.app().modal().is_none() {
            let after = describe(self.app());
            // An attachment just named: the list again, with the title as it now reads.
            if matches!(after.answer, Answer::Tick { .. }) {
                self.print_entries(&after)?;
            }
            if last {
                // Could not go on: everything that must be fixed, in words.
                if !after.errors.is_empty() {
                    self.say(&tf(
                        ui,
                        "plain.fix",
                        &[("count", after.errors.len().to_string())],
                    ))?;
                    for e in &after.errors {
                        self.say(&format!("- {e}"))?;
                    }
                    self.listed = true;
                    self.fixing = true;
                }
            } else if let Some(describe::Note::Error(e)) =
                after.fields.get(focus).and_then(|f| f.note.clone())
            {
                self.error(&e)?;
            }
        }
        Ok(Next::Go)
    }

    /// A list to search in (services, municipalities).
    fn search(
        &mut self,
        d: &Description,
        label: &str,
        default: Option<usize>,
        keep: Option<String>,
        one_chooses: bool,
    ) -> Result<Next> {
        let ui = self.ui();
        let count = Self::count(d);
        let mut prompt = if count == 1 {
            t(ui, "plain.prompt.search-one")
        } else if count > 0 {
            tf(
                ui,
                "plain.prompt.search",
                &[("count", count.to_string()), ("label", label.to_string())],
            )
        } else {
            tf(
                ui,
                "plain.prompt.search-empty",
                &[("label", label.to_string())],
            )
        };
        if let Some(i) = default {
            let value = format!("{}. {}", i + 1, Self::item_label(d, i));
            // The answer given before, or the one a search found.
            let chosen = d
                .entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Item { mark, .. } => Some(*mark),
                    _ => None,
                })
                .nth(i)
                == Some(Mark::Chosen);
            prompt.push_str(&if chosen {
                self.current(&value)
            } else {
                format!(" [{}]", tf(ui, "plain.enter-chooses", &[("value", value)]))
            });
        } else if let Some(k) = &keep {
            prompt.push_str(&self.current(k));
        }
        prompt.push(':');
        let s = match self.answer(&prompt)? {
            Ok(s) => s,
            Err(next) => return Ok(next),
        };
        let pick = |i: usize| {
            let mut v = vec![Action::Up; count + 1];
            v.extend(std::iter::repeat_n(Action::Down, i));
            v.push(Action::Enter);
            v
        };
        let actions = if s.is_empty() {
            match default {
                Some(i) => pick(i),
                None if keep.is_some() => vec![Action::Enter],
                None => {
                    let e = tf(ui, "plain.error.search", &[("label", label.to_string())]);
                    self.error(&e)?;
                    return Ok(Next::Go);
                }
            }
        } else if s == "<" {
            vec![Action::Back]
        } else if let Some(i) = Self::number(&s, count) {
            pick(i)
        } else {
            // A search: the list that fits is printed again.
            if let Some(code) = self.act(vec![Action::ClearLine, Action::Paste(s)])? {
                return Ok(Next::Stop(code));
            }
            let d = describe(self.app());
            // One bydel fits: chosen, and said so (the next screen follows).
            if one_chooses && Self::count(&d) == 1 {
                let chosen = format!("{}, {}.", Self::item_label(&d, 0), t(ui, "plain.chosen"));
                self.say(&chosen)?;
                let r = self.act(vec![Action::Enter])?;
                return Ok(self.done(r));
            }
            self.print_entries(&d)?;
            for e in d.errors.clone() {
                self.error(&e)?;
            }
            return Ok(Next::Go);
        };
        let before = self.app().step();
        let r = self.act(actions)?;
        // Chosen, and not taken (a service on another route than the letter's): why, in words.
        if r.is_none() && self.app().step() == before {
            for e in describe(self.app()).errors {
                self.error(&e)?;
            }
        }
        Ok(self.done(r))
    }

    /// A checklist: numbers tick and untick, text adds an attachment, Enter goes on.
    fn tick(&mut self, d: &Description, add: bool) -> Result<Next> {
        let ui = self.ui();
        let count = Self::count(d);
        // The attachments' prompt is long: in full the first time, then shortly (`?` has it all).
        let key = if add && std::mem::replace(&mut self.told_tick, true) {
            "plain.prompt.tick-add-short"
        } else if add {
            "plain.prompt.tick-add"
        } else {
            "plain.prompt.tick"
        };
        let rename_word = command::rename_words(ui)
            .first()
            .cloned()
            .unwrap_or_default();
        let prompt = format!("{}:", tf(ui, key, &[("rename", rename_word.clone())]));
        let s = match self.answer(&prompt)? {
            Ok(s) => s,
            Err(next) => return Ok(next),
        };
        let top = vec![Action::Up; count + 2];
        // "endre 3": the title of an attachment in the list, asked as a field (issue #25).
        if add && let Some(rest) = command::rename(ui, &s) {
            let Some(i) = Self::number(&rest, count) else {
                let e = tf(
                    ui,
                    "plain.error.rename",
                    &[("rename", rename_word), ("count", count.to_string())],
                );
                self.error(&e)?;
                return Ok(Next::Go);
            };
            let mut v = top;
            v.extend(std::iter::repeat_n(Action::Down, i));
            v.push(Action::Char('e'));
            if let Some(code) = self.act(v)? {
                return Ok(Next::Stop(code));
            }
            if describe(self.app()).fields.is_empty() {
                let e = tf(
                    ui,
                    "plain.error.rename-fixed",
                    &[("label", Self::item_label(d, i))],
                );
                self.error(&e)?;
            }
            return Ok(Next::Go);
        }
        // In the field for another attachment, emptied first, so that a path refused before (the
        // screen keeps it for correcting) is neither added to nor completed by Tab.
        let in_add_field = |then: Vec<Action>| {
            let mut v = top.clone();
            v.extend(std::iter::repeat_n(Action::Down, count));
            v.push(Action::ClearLine);
            v.extend(then);
            v
        };
        let actions = if s.is_empty() && add {
            in_add_field(vec![Action::Tab])
        } else if s.is_empty() {
            vec![Action::Tab]
        } else if s == "<" {
            vec![Action::Back]
        } else if let Some(i) = Self::number(&s, count) {
            let mut v = top;
            v.extend(std::iter::repeat_n(Action::Down, i));
            v.push(Action::Enter);
            v
        } else if add {
            in_add_field(vec![Action::Paste(s), Action::Enter])
        } else {
            return self.not_a_choice(&s, count);
        };
        let step = self.app().step();
        if let Some(code) = self.act(actions)? {
            return Ok(Next::Stop(code));
        }
        if self.app().step() == step {
            let d = describe(self.app());
            self.print_entries(&d)?;
            for e in &d.errors {
                self.error(e)?;
            }
        }
        Ok(Next::Go)
    }

    /// Check your answers: a number changes that answer, Enter goes on.
    fn change(&mut self, d: &Description, ready: bool) -> Result<Next> {
        let ui = self.ui();
        let count = Self::count(d);
        let key = if ready {
            "plain.prompt.change"
        } else {
            "plain.prompt.change-fix"
        };
        let prompt = format!("{}:", tf(ui, key, &[("count", count.to_string())]));
        let s = match self.answer(&prompt)? {
            Ok(s) => s,
            Err(next) => return Ok(next),
        };
        let actions = if s.is_empty() {
            if !ready {
                for e in d.errors.clone() {
                    self.error(&e)?;
                }
                return Ok(Next::Go);
            }
            vec![Action::Tab]
        } else if s == "<" {
            vec![Action::Back]
        } else if let Some(i) = Self::number(&s, count) {
            let mut v = vec![Action::Home];
            v.extend(std::iter::repeat_n(Action::Down, i));
            v.push(Action::Enter);
            v
        } else {
            return self.not_a_choice(&s, count);
        };
        let r = self.act(actions)?;
        Ok(self.done(r))
    }

    /// An explanation or the letter: Enter goes on.
    fn proceed(&mut self) -> Result<Next> {
        let prompt = format!("{}:", t(self.ui(), "plain.prompt.continue"));
        let s = match self.answer(&prompt)? {
            Ok(s) => s,
            Err(next) => return Ok(next),
        };
        let a = if s == "<" {
            Action::Back
        } else {
            Action::Enter
        };
        let r = self.act(vec![a])?;
        Ok(self.done(r))
    }

    /// Yes or no, in a dialog.
    fn confirm(&mut self) -> Result<Next> {
        let prompt = format!("{}:", t(self.ui(), "plain.prompt.yes-no"));
        let s = match self.answer(&prompt)? {
            Ok(s) => s.to_lowercase(),
            Err(next) => return Ok(next),
        };
        let a = match s.as_str() {
            "j" | "ja" | "y" | "yes" => Action::Char('j'),
            "n" | "nei" | "no" | "<" => Action::Char('n'),
            _ => {
                let e = t(self.ui(), "plain.error.yes-no");
                self.error(&e)?;
                return Ok(Next::Go);
            }
        };
        let r = self.act(vec![a])?;
        Ok(self.done(r))
    }
}

/// The commands in words, said once at the start (and in help, from the template).
fn words_line(ui: crate::i18n::Ui) -> String {
    let w = |c| command::words(ui, c).first().cloned().unwrap_or_default();
    tf(
        ui,
        "plain.words",
        &[
            ("back", w(Cmd::Back)),
            ("help", w(Cmd::Help)),
            ("clear", w(Cmd::Clear)),
        ],
    )
}
