//! Drafts: one case file per case under `<data>/cases/`, written atomically, readable by the
//! owner only, never overwritten by a failed save, never overwritten behind another process's back.
//!
//! A draft that cannot be read (truncated, not JSON, a newer format, no permission) is listed as
//! damaged with its reason and left exactly where it is: the store never writes to it or deletes it
//! unless the person asks (`cases delete`).
//!
//! **Locks.** A draft open for editing holds the operating system's own exclusive lock
//! ([`File::try_lock`]) on `<id>.lock`, through an open handle kept for as long as the case is
//! open. The system lets go of it when the handle is closed, also when the process is killed, so a
//! dead holder never blocks, and two openers at the same instant cannot both win. The lock files
//! themselves stay (empty): removing one while another process has it open would let two
//! processes lock two different files of the same name.
//!
//! **Temporary files** left by a process killed in the middle of a save are removed when the case
//! list is next read ([`Store::list`]), and those of one case by [`Store::delete`].

use std::fs::{self, File, OpenOptions, TryLockError};
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
    /// The draft is open in another running omsorgsklage (which holds its lock).
    #[error("the draft is open in another window")]
    Locked,
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
    /// The locked handle; closing it (dropping the draft) lets go of the lock.
    _lock: Lock,
    last: Option<Stamp>,
}

/// An exclusive OS lock on a case's lock file, held while this value lives.
#[derive(Debug)]
struct Lock {
    /// `None` where the file system has no locks.
    _file: Option<File>,
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
        // What killed saves left behind (copies of health data): gone before anything is shown.
        fsutil::sweep_temps(&self.dir, None);
        if let Some(data) = self.dir.parent() {
            // settings.json is saved the same way.
            fsutil::sweep_temps(data, None);
        }
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
                if let Some(stem) = name.strip_suffix(".json")
                    && !id.is_empty()
                    && stem.starts_with(id)
                {
                    matches.push(stem.to_string());
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
            if path.exists() {
                continue;
            }
            // A new lock file, or the id is taken (by another window creating a case now).
            let lock = match Lock::create_new(&lock_path(&path)) {
                Ok(l) => l,
                Err(StoreError::Locked) => continue,
                Err(StoreError::Io(e)) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            };
            if path.exists() {
                continue;
            }
            return Ok(Draft {
                id,
                path,
                _lock: lock,
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
        let lock = Lock::take(&lock_path(&path))?;
        if !path.exists() {
            // Deleted by another window a moment ago: the lock we got was the one it let go of.
            return Err(StoreError::NotFound(id));
        }
        let draft = Draft {
            id,
            last: stamp(&path)?,
            path,
            _lock: lock,
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
        let lock_file = lock_path(&path);
        let lock = Lock::take(&lock_file)?;
        fs::remove_file(&path)?;
        // The copies a killed save may have left of this case go with it.
        let name = format!("{id}.json");
        fsutil::sweep_temps(&self.dir, Some(&name));
        let _ = fs::remove_file(&lock_file);
        drop(lock);
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
    let bytes = match fsutil::read_limited(path, case::MAX_BYTES as u64) {
        Ok(b) => b,
        Err(e) => match fsutil::too_large(&e) {
            Some(n) => {
                return Err(StoreError::Damaged(vec![Problem::new(
                    "",
                    ProblemKind::TooLarge {
                        bytes: usize::try_from(n).unwrap_or(usize::MAX),
                    },
                )]));
            }
            None => return Err(e.into()),
        },
    };
    let raw = case::read(&bytes).map_err(StoreError::Damaged)?;
    // A file written by a newer version would lose data if this version saved over it.
    if let Some(f) = raw.format.as_deref()
        && f != case::FORMAT
    {
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
    Ok(raw)
}

fn lock_path(path: &Path) -> PathBuf {
    path.with_extension("lock")
}

impl Lock {
    fn options() -> OpenOptions {
        let mut o = OpenOptions::new();
        o.read(true).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        o
    }

    /// Open (creating if needed) and lock; [`StoreError::Locked`] if another handle holds it.
    fn take(path: &Path) -> Result<Lock, StoreError> {
        let f = Lock::options().create(true).truncate(false).open(path)?;
        Lock::hold(f)
    }

    /// Create a new lock file and lock it; `AlreadyExists` if there is one.
    fn create_new(path: &Path) -> Result<Lock, StoreError> {
        let f = Lock::options().create_new(true).open(path)?;
        Lock::hold(f)
    }

    fn hold(f: File) -> Result<Lock, StoreError> {
        match f.try_lock() {
            Ok(()) => Ok(Lock { _file: Some(f) }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked),
            // A file system without locks (some network shares): go on without one; the check
            // before every save still keeps a change from being overwritten unseen.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                Ok(Lock { _file: None })
            }
            Err(TryLockError::Error(e)) => Err(StoreError::Io(e)),
        }
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
