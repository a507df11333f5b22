//! Drafts: one case file per case under `<data>/cases/`, written atomically, readable by the
//! owner only, never overwritten by a failed save, never overwritten behind another process's back.
//!
//! A draft that cannot be read (truncated, not JSON, a newer format, no permission) is listed as
//! damaged with its reason and left exactly where it is: the store never writes to it or deletes it
//! unless the person asks (`cases delete`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::domain::case::{self, Problem, ProblemKind, RawCase};
use crate::fsutil;

/// Why a draft operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("I/O: {0}")]
    Io(#[from] io::Error),
    /// The draft file changed on disk since it was loaded: another window or program saved it.
    #[error("the draft was changed by another program")]
    Conflict,
    /// The draft is open in another running omsorgsklage (its lock names the process).
    #[error("the draft is open in another window (process {0})")]
    Locked(u32),
    /// No draft with that id.
    #[error("no draft {0}")]
    NotFound(String),
    /// The id matches more than one draft.
    #[error("ambiguous id {0}")]
    Ambiguous(String),
    /// The draft cannot be read; the problems say why.
    #[error("damaged draft")]
    Damaged(Vec<Problem>),
}

/// One saved case, as the case list shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    pub raw: RawCase,
}

/// A draft that could not be read.
#[derive(Debug, Clone)]
pub struct Damaged {
    pub id: String,
    pub path: PathBuf,
    /// Problems from the case reader, or an I/O reason.
    pub problems: Vec<Problem>,
    pub io_error: Option<String>,
}

/// What is on disk and what can be told of it.
#[derive(Debug, Default)]
pub struct Listing {
    pub cases: Vec<Entry>,
    pub damaged: Vec<Damaged>,
}

/// The drafts folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// What a draft looked like on disk when it was last read or written by us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp(path: &Path) -> io::Result<Option<Stamp>> {
    match fs::metadata(path) {
        Ok(m) => Ok(Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
        })),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// A draft open for editing: saves go to the same file, and are refused if someone else changed it.
#[derive(Debug)]
pub struct Draft {
    pub id: String,
    path: PathBuf,
    lock: PathBuf,
    last: Option<Stamp>,
}

impl Drop for Draft {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.lock);
    }
}

impl Store {
    /// The store under a data folder (created 0700 on first save).
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("cases"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Every draft, readable ones and damaged ones, newest first.
    pub fn list(&self) -> io::Result<Listing> {
        let mut listing = Listing::default();
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
            Err(e) => return Err(e),
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match read_draft(&path) {
                Ok(raw) => listing.cases.push(Entry {
                    id,
                    modified: fs::metadata(&path).and_then(|m| m.modified()).ok(),
                    path,
                    raw,
                }),
                Err(StoreError::Damaged(problems)) => listing.damaged.push(Damaged {
                    id,
                    path,
                    problems,
                    io_error: None,
                }),
                Err(e) => listing.damaged.push(Damaged {
                    id,
                    path,
                    problems: Vec::new(),
                    io_error: Some(match e {
                        StoreError::Io(e) => e.kind().to_string(),
                        other => other.to_string(),
                    }),
                }),
            }
        }
        listing
            .cases
            .sort_by(|a, b| b.modified.cmp(&a.modified).then(a.id.cmp(&b.id)));
        listing.damaged.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(listing)
    }

    /// Find a draft id from what a person typed: the whole id or a unique start of it.
    pub fn resolve(&self, id: &str) -> Result<String, StoreError> {
        let id = id.trim().trim_end_matches(".json");
        if !id.is_empty() && self.path_of(id).exists() && is_safe_id(id) {
            return Ok(id.to_string());
        }
        let mut matches = Vec::new();
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if let Some(stem) = name.strip_suffix(".json") {
                    if !id.is_empty() && stem.starts_with(id) {
                        matches.push(stem.to_string());
                    }
                }
            }
        }
        match matches.len() {
            0 => Err(StoreError::NotFound(id.to_string())),
            1 => Ok(matches.remove(0)),
            _ => Err(StoreError::Ambiguous(id.to_string())),
        }
    }

    /// Read one draft.
    pub fn load(&self, id: &str) -> Result<RawCase, StoreError> {
        let id = self.resolve(id)?;
        read_draft(&self.path_of(&id))
    }

    /// Start a new draft with a fresh id (nothing is written until the first save).
    pub fn create(&self) -> Result<Draft, StoreError> {
        fsutil::create_private_dir(&self.dir)?;
        let base = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        for n in 0..1000 {
            let id = if n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let path = self.path_of(&id);
            let lock = lock_path(&path);
            if path.exists() || lock.exists() {
                continue;
            }
            take_lock(&lock)?;
            return Ok(Draft {
                id,
                path,
                lock,
                last: None,
            });
        }
        Err(StoreError::Io(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free id",
        )))
    }

    /// Open an existing draft for editing: takes its lock (refused if another running
    /// omsorgsklage holds it) and returns the case as it is on disk.
    pub fn open(&self, id: &str) -> Result<(Draft, RawCase), StoreError> {
        let id = self.resolve(id)?;
        let path = self.path_of(&id);
        let lock = lock_path(&path);
        take_lock(&lock)?;
        let draft = Draft {
            id,
            last: stamp(&path)?,
            path,
            lock,
        };
        match read_draft(&draft.path) {
            Ok(raw) => Ok((draft, raw)),
            Err(e) => Err(e), // dropping `draft` releases the lock
        }
    }

    /// Delete a draft for good.
    pub fn delete(&self, id: &str) -> Result<String, StoreError> {
        let id = self.resolve(id)?;
        let path = self.path_of(&id);
        if let Some(pid) = lock_holder(&lock_path(&path)) {
            return Err(StoreError::Locked(pid));
        }
        fs::remove_file(&path)?;
        Ok(id)
    }

    /// Save a case as a new draft (for `cases import`).
    pub fn import(&self, raw: &RawCase) -> Result<String, StoreError> {
        let mut d = self.create()?;
        d.save(raw)?;
        Ok(d.id.clone())
    }
}

fn is_safe_id(id: &str) -> bool {
    !id.contains(['/', '\\']) && id != "." && id != ".."
}

fn read_draft(path: &Path) -> Result<RawCase, StoreError> {
    let bytes = fs::read(path)?;
    let raw = case::read(&bytes).map_err(StoreError::Damaged)?;
    // A file written by a newer version would lose data if this version saved over it.
    if let Some(f) = raw.format.as_deref() {
        if f != case::FORMAT {
            return Err(StoreError::Damaged(vec![Problem::new(
                "format",
                if f.starts_with("omsorgsklage/") {
                    ProblemKind::NewerFormat {
                        found: f.to_string(),
                    }
                } else {
                    ProblemKind::WrongFormatTag {
                        found: f.to_string(),
                    }
                },
            )]));
        }
    }
    Ok(raw)
}

fn lock_path(path: &Path) -> PathBuf {
    path.with_extension("lock")
}

/// The process holding a lock, if that process is still running.
fn lock_holder(lock: &Path) -> Option<u32> {
    let pid: u32 = fs::read_to_string(lock).ok()?.trim().parse().ok()?;
    (pid != std::process::id() && process_alive(pid)).then_some(pid)
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without /proc we cannot tell: treat the lock as held, the safe answer.
        true
    }
}

fn take_lock(lock: &Path) -> Result<(), StoreError> {
    if let Some(pid) = lock_holder(lock) {
        return Err(StoreError::Locked(pid));
    }
    // A stale lock (its process is gone) is replaced.
    fsutil::write_atomic(lock, std::process::id().to_string().as_bytes())?;
    // Someone may have taken it at the same moment: the last writer wins, so check again.
    match lock_holder(lock) {
        Some(pid) => Err(StoreError::Locked(pid)),
        None => Ok(()),
    }
}

impl Draft {
    /// Save the case atomically. Refused with [`StoreError::Conflict`] if the file changed on disk
    /// since this draft last read or wrote it; the file on disk is then left untouched.
    pub fn save(&mut self, raw: &RawCase) -> Result<(), StoreError> {
        let now = stamp(&self.path)?;
        if now != self.last {
            return Err(StoreError::Conflict);
        }
        let json = serde_json::to_vec_pretty(raw).map_err(io::Error::other)?;
        fsutil::create_private_dir(self.path.parent().unwrap_or(Path::new(".")))?;
        fsutil::write_atomic(&self.path, &json)?;
        self.last = stamp(&self.path)?;
        Ok(())
    }

    /// Forget what is on disk and take the current file as ours (after the person chose to
    /// overwrite another window's changes).
    pub fn adopt_current(&mut self) -> Result<(), StoreError> {
        self.last = stamp(&self.path)?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
