//! Checklists: what else to ask for (access to documents, postponed implementation), and the
//! attachments (a copy of the decision, a medical statement, and anything the person adds).

use crate::domain::attachment::{Fault, RawAttachment, RawAttachmentFile, RepDocument};
use crate::domain::case::Role;
use crate::domain::case::{Problem, ProblemKind};
use crate::domain::letter::Lang;
use crate::export::{self, FileInfo};
use crate::i18n::{problem_text, t, tf};
use crate::interview::action::Action;
use crate::interview::action::Mode;
use crate::interview::text_field::{FieldEvent, TextInput};
use crate::interview::{App, Flow, Step, letter_ui};

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Ask for access to documents (innsyn).
    Innsyn,
    /// Ask for postponed implementation (utsatt iverksetting): for every service cut (`None`, the
    /// one checkbox when one service is cut), or for item `k` of the decision's services (when
    /// two or more are cut, one checkbox each).
    Postponement(Option<usize>),
    /// The decision gives no reasons: ask for them in the complaint (`requests.reasons`).
    Reasons,
    /// A suggested attachment (its text goes into the letter).
    Suggested,
    /// An attachment the person added.
    Added,
    /// The representative's document (a verge's vergefullmakt, the signed fullmakt): always in
    /// the letter's list, once; Enter asks where its file is.
    RepDoc(RepDocument),
    /// A file to bundle after the letter in the PDF: its path as saved, and what it is (or what
    /// is wrong with it now, such as having been moved).
    File {
        path: String,
        info: Result<FileInfo, Fault>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub label: String,
    pub checked: bool,
}

/// The most attachments a letter lists: with every field full, a draft still reads back (see
/// `tests/store.rs`).
pub const MAX_ATTACHMENTS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistState {
    pub step: Step,
    pub items: Vec<Item>,
    /// The row with the focus: an item, the "add" field (attachments), or "go on".
    pub focus: usize,
    /// The field for adding an attachment.
    pub input: TextInput,
    /// Why the last path typed was not added.
    pub error: Option<String>,
    /// The names Tab completion found, when there was more than one.
    pub completions: Vec<String>,
    /// The field below the list is used for something else than adding an attachment.
    pub editing: Option<Edit>,
}

/// What the field below the attachments is for, besides adding one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The title of item `i` (a file's name is only the first suggestion).
    Title(usize),
    /// Where the file of the representative's document is.
    DocFile(RepDocument),
}

/// The letter's language, for the names of documents.
fn letter_lang(app: &App) -> Lang {
    if letter_ui(&app.raw) == crate::i18n::Ui::Nn {
        Lang::Nn
    } else {
        Lang::Nb
    }
}

/// The document the representative's letter lists (see [`RepDocument::of`]), from the answers.
pub fn rep_document(app: &App) -> Option<RepDocument> {
    let rep = app.raw.representative.as_ref()?;
    match crate::interview::rep_role(&app.raw) {
        Role::Verge => Some(RepDocument::Vergefullmakt),
        Role::Fullmektig if rep.power_of_attorney == Some(true) => Some(RepDocument::Fullmakt),
        _ => None,
    }
}

/// The label of the field below the attachments, for what it is used for now.
pub fn field_label(app: &App, editing: Option<Edit>) -> String {
    match editing {
        None => t(app.ui, "tui.attach.add"),
        Some(Edit::Title(_)) => t(app.ui, "tui.attach.rename"),
        Some(Edit::DocFile(d)) => tf(
            app.ui,
            "tui.attach.doc-file",
            &[("doc", d.title(letter_lang(app)).to_lowercase())],
        ),
    }
}

/// What a file attachment is, checked now.
pub fn inspect(path: &str) -> Result<FileInfo, Fault> {
    export::load_attachment(&export::attachment_path(path, None), path).map(|(_, info)| info)
}

/// The typed text is a path rather than a title: it starts like one, or names a file.
pub fn looks_like_path(s: &str) -> bool {
    let s = s.trim();
    s.starts_with(['/', '~', '.', '\\'])
        || s.contains('/')
        || s.contains('\\')
        || export::attachment_path(s, None).is_file()
}

/// A title from a file's name: "legeerklaering_2026.pdf" → "Legeerklaering 2026" (the first
/// suggestion only: the person is asked for the title right after adding the file).
pub fn title_from_path(path: &str) -> String {
    crate::domain::attachment::suggested_title(path)
}

/// "PDF, 3 sider, 120 kB" / the problem, in words.
pub fn file_detail(ui: crate::i18n::Ui, info: &Result<FileInfo, Fault>) -> String {
    match info {
        Ok(i) => tf(
            ui,
            if i.pages == 1 {
                "tui.attach.file-one"
            } else {
                "tui.attach.file"
            },
            &[
                ("kind", i.kind.label().to_string()),
                ("pages", i.pages.to_string()),
                ("size", export::size_text(i.bytes)),
            ],
        ),
        Err(f) => problem_text(ui, &Problem::new("", ProblemKind::Attachment(f.clone()))),
    }
}

/// Complete the last part of a typed path from the folder's entries: the completed text, and
/// the names that fit when there is more than one.
pub fn complete_path(typed: &str) -> (String, Vec<String>) {
    let (dir_part, prefix) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let dir = if dir_part.is_empty() {
        std::path::PathBuf::from(".")
    } else {
        export::expand_home(dir_part)
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (typed.to_string(), Vec::new());
    };
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let hidden = name.starts_with('.') && !prefix.starts_with('.');
            (name.starts_with(prefix) && !hidden).then(|| (name, e.path().is_dir()))
        })
        .collect();
    names.sort();
    match names.as_slice() {
        [] => (typed.to_string(), Vec::new()),
        [(name, is_dir)] => {
            let slash = if *is_dir { "/" } else { "" };
            (format!("{dir_part}{name}{slash}"), Vec::new())
        }
        many => {
            let first = &many[0].0;
            let common = many.iter().fold(first.len(), |n, (name, _)| {
                first
                    .chars()
                    .zip(name.chars())
                    .take_while(|(a, b)| a == b)
                    .map(|(a, _)| a.len_utf8())
                    .sum::<usize>()
                    .min(n)
            });
            (
                format!("{dir_part}{}", &first[..common]),
                many.iter().map(|(n, _)| n.clone()).take(12).collect(),
            )
        }
    }
}

/// A file or folder of this name is there (typed whole, Tab has nothing to add).
fn fits_a_file(typed: &str) -> bool {
    export::attachment_path(typed.trim_end_matches('/'), None).exists()
}

/// The name Tab completes: what was typed after the last `/`.
fn name_part(typed: &str) -> String {
    typed.rsplit('/').next().unwrap_or(typed).to_string()
}

/// The folder Tab looks in for `typed`, for the screen: the current folder when no folder was
/// typed.
fn folder_of(typed: &str) -> String {
    match typed.rfind('/') {
        Some(i) => typed[..=i].to_string(),
        None => std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|_| ".".into()),
    }
}

/// The attachments the wizard suggests, in the letter's language.
pub fn suggested_attachments(app: &App) -> Vec<String> {
    let ui = letter_ui(&app.raw);
    vec![t(ui, "tui.attach.decision"), t(ui, "tui.attach.doctor")]
}

/// What asking for the reasons means: a fault of the decision, and the complaint still goes
/// within the deadline (FACTS.md, "Reasons"). fvl § 24 and § 25 are cited only where the
/// decision had to follow them (`routing::fvl_duties_apply`, as the letter does); elsewhere, and
/// while the service is not known, in plain words.
pub fn reasons_hint(app: &App) -> String {
    let ui = app.ui;
    let duties = match (
        crate::interview::chosen_service(&app.raw),
        crate::interview::route(&app.raw),
    ) {
        (Some(s), Some(r)) => crate::domain::routing::fvl_duties_apply(s, r),
        _ => false,
    };
    if !duties {
        return t(ui, "tui.request.reasons.hint-plain");
    }
    let lang = crate::interview::steps::info::law_lang(ui);
    tf(
        ui,
        "tui.request.reasons.hint",
        &[
            ("rule", crate::domain::law::FVL_24.full(lang)),
            ("rule2", crate::domain::law::FVL_25.full(lang)),
        ],
    )
}

/// Some service of the decision is cut or stopped: postponed implementation can be asked for.
pub(crate) fn cut(app: &App) -> bool {
    crate::interview::services::any_cut(&app.raw)
}

/// The postponement's checkboxes: one when one service is cut or stopped (with several
/// services, it names that one), else one for each service cut, naming it (what is asked for each
/// is kept as [`services::asks_postponement`] reads it).
fn postponement_items(app: &App) -> Vec<Item> {
    use crate::interview::services;
    let cut = services::cut_items(&app.raw);
    let label = |k: usize| {
        tf(
            app.ui,
            "tui.request.postponement-for",
            &[("services", services::name_of(app.ui, &app.raw, k))],
        )
    };
    match cut.as_slice() {
        [] => vec![],
        [k] => vec![Item {
            kind: Kind::Postponement(None),
            label: if services::extras(&app.raw).is_empty() {
                t(app.ui, "tui.request.postponement")
            } else {
                label(*k)
            },
            checked: services::asks_postponement(&app.raw, *k),
        }],
        many => many
            .iter()
            .map(|k| Item {
                kind: Kind::Postponement(Some(*k)),
                label: label(*k),
                checked: services::asks_postponement(&app.raw, *k),
            })
            .collect(),
    }
}

impl ChecklistState {
    pub fn new(step: Step, app: &App) -> ChecklistState {
        let raw = &app.raw;
        let mut items = Vec::new();
        if step == Step::Requests {
            let req = raw.requests.clone().unwrap_or_default();
            items.push(Item {
                kind: Kind::Innsyn,
                label: t(app.ui, "tui.request.innsyn"),
                checked: req.access_to_documents.unwrap_or(false),
            });
            items.extend(postponement_items(app));
            items.push(Item {
                kind: Kind::Reasons,
                label: t(app.ui, "tui.request.reasons"),
                checked: req.reasons.unwrap_or(false),
            });
        } else {
            let doc = rep_document(app);
            let mut given = raw.attachments.clone().unwrap_or_default();
            // The document's own line stands for a text line naming it (the letter lists it
            // once); a file of it is its line.
            if let Some(d) = doc {
                given.retain(|a| a.file().is_some() || !d.is_named_in(a.title()));
            }
            let doc_row = doc.filter(|d| {
                !given
                    .iter()
                    .any(|a| a.file().is_some() && d.is_named_in(a.title()))
            });
            for s in suggested_attachments(app) {
                items.push(Item {
                    checked: given.iter().any(|a| a.file().is_none() && a.title() == s),
                    kind: Kind::Suggested,
                    label: s,
                });
            }
            for a in given {
                match a.file() {
                    Some(path) => items.push(Item {
                        kind: Kind::File {
                            path: path.to_string(),
                            info: inspect(path),
                        },
                        label: a.title().to_string(),
                        checked: true,
                    }),
                    None => {
                        if !items.iter().any(|i| i.label == a.title()) {
                            items.push(Item {
                                kind: Kind::Added,
                                label: a.title().to_string(),
                                checked: true,
                            });
                        }
                    }
                }
            }
            // The representative's document, after the list: one line, in the letter's language.
            if let Some(d) = doc_row {
                items.push(Item {
                    kind: Kind::RepDoc(d),
                    label: d.title(letter_lang(app)).to_string(),
                    checked: true,
                });
            }
        }
        ChecklistState {
            step,
            items,
            focus: 0,
            input: TextInput::new(""),
            error: None,
            completions: Vec::new(),
            editing: None,
        }
    }

    /// Row `n` is the last of the postponement's checkboxes: what postponement means is told
    /// once, below them.
    pub fn ends_postponement(&self, n: usize) -> bool {
        let is = |i: usize| {
            self.items
                .get(i)
                .is_some_and(|i| matches!(i.kind, Kind::Postponement(_)))
        };
        is(n) && !is(n + 1)
    }

    /// Index of the "add an attachment" row, if there is one.
    pub(crate) fn add_row(&self) -> Option<usize> {
        (self.step == Step::Attachments).then_some(self.items.len())
    }

    /// As many attachments ticked as a letter may list.
    pub(crate) fn full(&self) -> bool {
        self.step == Step::Attachments
            && self
                .items
                .iter()
                .filter(|i| i.checked && !matches!(i.kind, Kind::RepDoc(_)))
                .count()
                >= MAX_ATTACHMENTS
    }

    /// Index of the "go on" row.
    pub(crate) fn go_on_row(&self) -> usize {
        self.items.len() + usize::from(self.add_row().is_some())
    }

    pub fn mode(&self) -> Mode {
        if Some(self.focus) == self.add_row() {
            Mode::Line
        } else {
            Mode::Nav
        }
    }

    fn write(&self, app: &mut App) {
        if self.step == Step::Requests {
            let innsyn = self
                .items
                .iter()
                .any(|i| i.kind == Kind::Innsyn && i.checked);
            // What is asked for each service cut: the one checkbox answers for all of them.
            let cut = crate::interview::services::cut_items(&app.raw);
            let post: Vec<(usize, bool)> = self
                .items
                .iter()
                .flat_map(|i| match i.kind {
                    Kind::Postponement(Some(k)) => vec![(k, i.checked)],
                    Kind::Postponement(None) => cut.iter().map(|k| (*k, i.checked)).collect(),
                    _ => vec![],
                })
                .collect();
            let reasons = self
                .items
                .iter()
                .any(|i| i.kind == Kind::Reasons && i.checked);
            app.edit(|r| {
                let req = r.requests.get_or_insert_with(Default::default);
                req.access_to_documents = Some(innsyn);
                req.reasons = Some(reasons);
                crate::interview::services::set_postponement(r, &post);
            });
        } else {
            let list: Vec<RawAttachment> = self
                .items
                .iter()
                .filter(|i| i.checked && !matches!(i.kind, Kind::RepDoc(_)))
                .map(|i| match &i.kind {
                    Kind::File { path, .. } => RawAttachment::File(RawAttachmentFile {
                        title: Some(i.label.clone()),
                        file: Some(path.clone()),
                    }),
                    _ => RawAttachment::Text(i.label.clone()),
                })
                .collect();
            app.edit(|r| r.attachments = (!list.is_empty()).then_some(list));
        }
    }

    /// The field below the list names an attachment, or asks where the representative's
    /// document is: Enter gives the answer, Esc (or an arrow) leaves it as it was.
    fn update_edit(&mut self, app: &mut App, edit: Edit, action: Action) -> Flow {
        let back_to = |s: &ChecklistState| match edit {
            Edit::Title(i) => i,
            Edit::DocFile(_) => s
                .items
                .iter()
                .position(|i| matches!(i.kind, Kind::RepDoc(_)))
                .unwrap_or(0),
        };
        match action {
            Action::Back | Action::Up | Action::BackTab | Action::Down => {
                self.focus = back_to(self);
                self.editing = None;
                self.error = None;
                self.input.set("");
            }
            Action::Tab if matches!(edit, Edit::DocFile(_)) => {
                let (done, many) = complete_path(self.input.value());
                self.input.set(&done);
                self.completions = many;
            }
            Action::Enter => match (edit, self.input.answer()) {
                (_, None) => {
                    self.error = Some(t(app.ui, "tui.attach.title-empty"));
                }
                (Edit::Title(i), Some(title)) => {
                    if let Some(item) = self.items.get_mut(i) {
                        if item.kind == Kind::Suggested && item.label != title {
                            item.kind = Kind::Added;
                        }
                        item.label = title;
                        item.checked = true;
                    }
                    self.editing = None;
                    self.error = None;
                    self.input.set("");
                    self.focus = i;
                    self.write(app);
                }
                (Edit::DocFile(d), Some(typed)) => {
                    let full = export::attachment_path(&typed, None);
                    let full = std::path::absolute(&full).unwrap_or(full);
                    let path = full.display().to_string();
                    match inspect(&path) {
                        Ok(info) => {
                            let at = self
                                .items
                                .iter()
                                .position(|i| matches!(i.kind, Kind::RepDoc(_)))
                                .unwrap_or(0);
                            self.items[at] = Item {
                                kind: Kind::File {
                                    path,
                                    info: Ok(info),
                                },
                                label: d.title(letter_lang(app)).to_string(),
                                checked: true,
                            };
                            self.editing = None;
                            self.error = None;
                            self.input.set("");
                            self.focus = at;
                            self.write(app);
                        }
                        Err(f) => {
                            self.error = Some(problem_text(
                                app.ui,
                                &Problem::new("", ProblemKind::Attachment(f)),
                            ));
                        }
                    }
                }
            },
            other => {
                self.input.handle(&other);
            }
        }
        Flow::Stay
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let last = self.go_on_row();
        let on_add = Some(self.focus) == self.add_row();
        if !matches!(action, Action::Tab) {
            self.completions.clear();
        }
        if let Some(edit) = self.editing {
            return self.update_edit(app, edit, action);
        }
        let on_item = !on_add && self.focus < self.items.len();
        match action {
            // "e": give the attachment another title (a file's name is only a suggestion).
            Action::Char('e') | Action::Char('E')
                if on_item
                    && matches!(
                        self.items[self.focus].kind,
                        Kind::Suggested | Kind::Added | Kind::File { .. }
                    ) =>
            {
                self.editing = Some(Edit::Title(self.focus));
                self.input.set(&self.items[self.focus].label);
                self.focus = self.add_row().unwrap_or(self.focus);
            }
            // The representative's document: always listed; Enter asks where its file is.
            Action::Enter | Action::Char(' ')
                if on_item && matches!(self.items[self.focus].kind, Kind::RepDoc(_)) =>
            {
                if let Kind::RepDoc(d) = self.items[self.focus].kind {
                    self.editing = Some(Edit::DocFile(d));
                    self.input.set("");
                    self.focus = self.add_row().unwrap_or(self.focus);
                }
            }
            Action::Back => return Flow::Back,
            // Tab completes a file's name, also one typed without "./" (from the current
            // folder); when no file fits, the text stays as typed and the screen says so.
            Action::Tab if on_add && !self.input.value().trim().is_empty() => {
                let typed = self.input.value().to_string();
                let (done, many) = complete_path(&typed);
                if done == typed && many.is_empty() && !fits_a_file(&typed) {
                    // A name that is no path is added as the name of an attachment by Enter.
                    let key = if looks_like_path(&typed) {
                        "tui.attach.no-match"
                    } else {
                        "tui.attach.no-match-name"
                    };
                    self.error = Some(tf(
                        app.ui,
                        key,
                        &[("typed", name_part(&typed)), ("folder", folder_of(&typed))],
                    ));
                } else {
                    self.error = None;
                    self.input.set(&done);
                    self.completions = many;
                }
            }
            Action::Tab => return Flow::Next,
            Action::Up | Action::BackTab => self.focus = self.focus.saturating_sub(1),
            Action::Down => self.focus = (self.focus + 1).min(last),
            Action::Enter
                if on_add
                    && !self.full()
                    && self.input.answer().is_some_and(|a| looks_like_path(&a)) =>
            {
                let typed = self.input.answer().unwrap_or_default();
                // Kept as typed, but absolute, so that the saved case finds it from anywhere.
                let full = export::attachment_path(&typed, None);
                let full = std::path::absolute(&full).unwrap_or(full);
                let path = full.display().to_string();
                match inspect(&path) {
                    Ok(info) => {
                        self.error = None;
                        // Added again after being unticked: ticked again, not listed twice.
                        if let Some(i) = self
                            .items
                            .iter_mut()
                            .find(|i| matches!(&i.kind, Kind::File { path: p, .. } if *p == path))
                        {
                            i.checked = true;
                        } else {
                            let title = title_from_path(&path);
                            self.items.push(Item {
                                kind: Kind::File {
                                    path: path.clone(),
                                    info: Ok(info),
                                },
                                label: title.clone(),
                                checked: true,
                            });
                            // The file's name is only the first suggestion: ask for the title
                            // at once, with it filled in (Enter keeps it).
                            self.editing = Some(Edit::Title(self.items.len() - 1));
                            self.input.set(&title);
                            self.focus = self.items.len();
                            self.write(app);
                            return Flow::Stay;
                        }
                        self.input.set("");
                        self.focus = self.items.len();
                        self.write(app);
                    }
                    Err(f) => {
                        self.error = Some(problem_text(
                            app.ui,
                            &Problem::new("", ProblemKind::Attachment(f)),
                        ));
                    }
                }
            }
            Action::Delete if !on_add && self.focus < self.items.len() => {
                // Removes an added attachment or file; a suggested one is only unticked.
                if matches!(self.items[self.focus].kind, Kind::Suggested) {
                    self.items[self.focus].checked = false;
                } else if matches!(self.items[self.focus].kind, Kind::Added | Kind::File { .. }) {
                    self.items.remove(self.focus);
                }
                self.write(app);
            }
            Action::Enter if on_add => match self.input.answer() {
                // Full: the screen says so (see `render`); the text stays in the field.
                Some(_) if self.full() => {}
                Some(a) => {
                    self.error = None;
                    if let Some(i) = self.items.iter_mut().find(|i| i.label == a) {
                        i.checked = true;
                    } else {
                        self.items.push(Item {
                            kind: Kind::Added,
                            label: a,
                            checked: true,
                        });
                    }
                    self.input.set("");
                    self.focus = self.items.len();
                    self.write(app);
                }
                None => return Flow::Next,
            },
            Action::Enter | Action::Char(' ') if self.focus == last => return Flow::Next,
            Action::Enter | Action::Char(' ') if !on_add => {
                let full = self.full();
                if let Some(i) = self.items.get_mut(self.focus)
                    && (i.checked || !full)
                {
                    i.checked = !i.checked;
                    self.write(app);
                }
            }
            other if on_add => match self.input.handle(&other) {
                FieldEvent::BackspaceOnEmpty => self.focus = self.focus.saturating_sub(1),
                // What was said about the text before (no file fits) is about another text.
                FieldEvent::Changed => self.error = None,
                _ => {}
            },
            _ => {}
        }
        Flow::Stay
    }
}
