//! The end of the line-by-line interview: saving the letter, the date it was sent, another
//! letter, and the next person in counter mode.

use anyhow::Result;

use super::*;

impl Interview<'_> {
    /// The done screen: the format, a power of attorney when one is offered, the file name;
    /// then the letter is written, and what to do next is said.
    pub(super) fn save(&mut self) -> Result<Next> {
        let ui = self.ui();
        let Some(v) = describe::save_view(self.app()) else {
            return Ok(Next::Go);
        };
        if !v.saved.is_empty() {
            return self.finish();
        }
        // What went wrong is said once, not before every question of this screen.
        if v.errors != self.told_errors {
            for e in &v.errors {
                self.error(e)?;
            }
            self.told_errors = v.errors.clone();
        }
        match v.control {
            Control::Format => {
                let d = describe(self.app());
                self.say(&t(ui, "tui.done.format"))?;
                self.print_entries(&d)?;
                let chosen = d
                    .entries
                    .iter()
                    .filter_map(|e| match e {
                        Entry::Item { label, mark, .. } => Some((label, *mark)),
                        _ => None,
                    })
                    .enumerate()
                    .find(|(_, (_, m))| *m == Mark::Chosen)
                    .map(|(i, (l, _))| format!("{}. {l}", i + 1))
                    .unwrap_or_default();
                let prompt = format!(
                    "{}{}:",
                    tf(ui, "plain.prompt.number", &[("count", "3".into())]),
                    self.current(&chosen)
                );
                let s = match self.answer(&prompt)? {
                    Ok(s) => s,
                    Err(next) => return Ok(next),
                };
                let actions = match s.as_str() {
                    "" => vec![Action::Enter],
                    "<" => vec![Action::Back],
                    "1" | "2" | "3" => {
                        vec![Action::Char(s.chars().next().unwrap_or('1')), Action::Enter]
                    }
                    _ => return self.not_a_choice(&s, 3),
                };
                let r = self.act(actions)?;
                Ok(self.done(r))
            }
            Control::Path => {
                if let Some((offer, ticked)) = v.fullmakt.clone()
                    && !self.asked_fullmakt
                {
                    let yes = t(ui, "plain.yes");
                    let no = t(ui, "plain.no");
                    let now = if ticked { yes } else { no };
                    let prompt = format!(
                        "{offer}? {}{}:",
                        t(ui, "plain.prompt.yes-no"),
                        self.current(&now)
                    );
                    let s = match self.answer(&prompt)? {
                        Ok(s) => s.to_lowercase(),
                        Err(next) => return Ok(next),
                    };
                    let want = match s.as_str() {
                        "" => ticked,
                        "j" | "ja" | "y" | "yes" => true,
                        "n" | "nei" | "no" => false,
                        "<" => {
                            let r = self.act(vec![Action::Up])?;
                            return Ok(self.done(r));
                        }
                        _ => {
                            let e = t(ui, "plain.error.yes-no");
                            self.error(&e)?;
                            return Ok(Next::Go);
                        }
                    };
                    if want != ticked {
                        self.act(vec![Action::Down, Action::Enter, Action::Up])?;
                    }
                    self.asked_fullmakt = true;
                }
                let v = describe::save_view(self.app()).unwrap_or(v);
                let files = v.files.join(", ");
                self.say(&tf(ui, "tui.done.will-be", &[("files", files)]))?;
                let prompt = format!("{}{}:", t(ui, "plain.prompt.file"), self.current(&v.path));
                let s = match self.answer(&prompt)? {
                    Ok(s) => s,
                    Err(next) => return Ok(next),
                };
                let actions = match s.as_str() {
                    "" => vec![Action::Enter],
                    "<" => {
                        self.asked_fullmakt = false;
                        vec![Action::Up]
                    }
                    text => vec![
                        Action::ClearLine,
                        Action::Paste(text.to_string()),
                        Action::Enter,
                    ],
                };
                let r = self.act(actions)?;
                Ok(self.done(r))
            }
            // Not reached from this mode before saving; back to the file name.
            Control::Fullmakt
            | Control::Save
            | Control::Sent
            | Control::ToCase
            | Control::NextPerson => {
                let r = self.act(vec![Action::Up])?;
                Ok(self.done(r))
            }
        }
    }

    /// After the complaint is saved: "Har du sendt klagen? Når?" An empty answer (or the end of
    /// the input) leaves it for later; a date is kept in the case for its timeline.
    pub(super) fn ask_sent(&mut self) -> Result<()> {
        let ui = self.ui();
        loop {
            self.say("")?;
            let prompt = format!("{}:", t(ui, "plain.prompt.sent"));
            let s = match self.ask(&prompt)? {
                Line::Text(s) => s.trim().to_string(),
                Line::End | Line::NotText => return Ok(()),
                gone => {
                    self.stopped(gone)?;
                    return Ok(());
                }
            };
            match command::parse(ui, &s) {
                _ if s.is_empty() => return Ok(()),
                Some(Cmd::Back) => return Ok(()),
                Some(Cmd::Help) => {
                    self.say(&t(ui, "tui.help.sent"))?;
                    continue;
                }
                _ => {}
            }
            let s = command::quoted(ui, &s).unwrap_or(s);
            self.act(vec![Action::Enter])?;
            if self.app().step() != Step::Sent {
                return Ok(());
            }
            self.act(vec![Action::ClearLine, Action::Paste(s), Action::Enter])?;
            if self.app().step() == Step::Sent {
                // Not a date the complaint can have been sent on: say why, and ask again.
                for e in describe(self.app()).errors {
                    self.error(&e)?;
                }
                self.act(vec![Action::Back])?;
                continue;
            }
            if let Some(d) = crate::interview::date_answer(self.app().raw().sent.as_ref()) {
                let date = crate::domain::dates::in_words(d, ui.code());
                self.say(&tf(ui, "tui.done.sent-now", &[("date", date)]))?;
            }
            return Ok(());
        }
    }

    /// The letter is saved. Said in this order: where each file is (its name, then the whole
    /// path), what to enclose, what to do next; then whether it has been sent.
    pub(super) fn finish(&mut self) -> Result<Next> {
        let ui = self.ui();
        let Some(v) = describe::save_view(self.app()) else {
            return Ok(Next::Stop(0));
        };
        self.say("")?;
        for f in &v.saved {
            let path = std::path::Path::new(f);
            let name = path
                .file_name()
                .map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned());
            let full = std::fs::canonicalize(path)
                .or_else(|_| std::path::absolute(path))
                .map_or_else(|_| f.clone(), |p| p.display().to_string());
            self.say(&tf(ui, "plain.done.saved", &[("name", name)]))?;
            self.say(&tf(ui, "plain.done.where", &[("path", full)]))?;
        }
        for e in &v.errors {
            self.error(e)?;
        }
        if v.errors.is_empty() {
            self.enclose(&v)?;
        }
        self.say("")?;
        self.say(&t(ui, "tui.done.next-heading"))?;
        for (i, p) in v.next.iter().enumerate() {
            self.say(&format!("{}. {p}", i + 1))?;
        }
        if v.errors.is_empty() && v.control == Control::Sent && !self.app().counter {
            self.ask_sent()?;
            if self.gone {
                return Ok(Next::Stop(1));
            }
        }
        let v = describe::save_view(self.app()).unwrap_or(v);
        self.finished = v.errors.is_empty() && !self.app().counter;
        let code = if v.errors.is_empty() { 0 } else { 1 };
        self.saved |= !v.saved.is_empty();
        if v.errors.is_empty() && self.app().counter {
            return self.next_person();
        }
        // As the wizard's last button: the case, with the fullmakt and the follow-up letters.
        if v.errors.is_empty() && !self.app().counter {
            self.say("")?;
            let prompt = format!(
                "{} {}:",
                t(ui, "plain.prompt.other-letter"),
                t(ui, "plain.prompt.yes-no")
            );
            let answer = self.ask(&prompt)?;
            if matches!(answer, Line::Failed | Line::Signal(_)) {
                return self.stopped(answer);
            }
            if let Line::Text(s) = answer
                && matches!(s.trim().to_lowercase().as_str(), "j" | "ja" | "y" | "yes")
            {
                self.finished = false;
                let mut to_case = vec![Action::Down; 8];
                to_case.push(Action::Enter);
                if let Some(code) = self.act(to_case)? {
                    return Ok(Next::Stop(code));
                }
                if self.app().step() == Step::Case {
                    return Ok(Next::Go);
                }
            }
        }
        Ok(Next::Stop(code))
    }

    /// Counter mode, after the letter is saved: the next person, with nothing of this one kept
    /// (the done screen's "Neste person"), or the end.
    pub(super) fn next_person(&mut self) -> Result<Next> {
        let ui = self.ui();
        self.say("")?;
        let prompt = format!("{}:", t(ui, "plain.prompt.next-person"));
        let s = match self.ask(&prompt)? {
            Line::Text(s) => s.trim().to_lowercase(),
            Line::End | Line::NotText => return Ok(Next::Stop(0)),
            gone => return self.stopped(gone),
        };
        if !matches!(s.as_str(), "j" | "ja" | "y" | "yes") {
            return Ok(Next::Stop(0));
        }
        // "Neste person" is the done screen's last control.
        let count = describe::save_view(self.app()).map_or(0, |v| v.controls);
        let mut actions = vec![Action::Down; count];
        actions.push(Action::Enter);
        if let Some(code) = self.act(actions)? {
            return Ok(Next::Stop(code));
        }
        self.forget();
        Ok(Next::Go)
    }

    /// What to enclose with the complaint: the attachments its letter lists. Those whose file is
    /// in the PDF already are said to be there.
    fn enclose(&mut self, v: &describe::SaveView) -> Result<()> {
        let ui = self.ui();
        if self.app().kind() != crate::domain::letter::LetterKind::Complaint {
            return Ok(());
        }
        let list = self.app().raw().attachments.clone().unwrap_or_default();
        if list.is_empty() {
            return Ok(());
        }
        let pdf = v.saved.iter().any(|f| f.to_lowercase().ends_with(".pdf"));
        self.say("")?;
        self.say(&t(ui, "plain.done.enclose"))?;
        for a in &list {
            let line = if pdf && a.file().is_some() {
                tf(ui, "plain.done.in-pdf", &[("title", a.title().to_string())])
            } else {
                a.title().to_string()
            };
            self.say(&format!("- {line}"))?;
        }
        Ok(())
    }

    /// What this interview remembers of the person's answers, forgotten for the next person.
    pub(super) fn forget(&mut self) {
        self.asked_fullmakt = false;
        self.listed = false;
        self.told_lines = false;
        self.told_tick = false;
        self.fixing = false;
        self.told_errors.clear();
        self.saved = false;
        self.finished = false;
    }
}
