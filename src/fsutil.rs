//! Writing files safely: atomically (a temporary file in the same folder, fsync, rename), readable
//! by the owner only, and never overwriting a file the person did not ask to overwrite, nor
//! anything that is not a regular file (a device, a pipe, a folder).
//!
//! Reading files through a limit: [`read_limited`] never reads more than the limit (plus one byte
//! to tell "too large"), and refuses devices and pipes before opening them.
//!
//! Temporary files are named `.<file>.<pid>.<nanos>.tmp`, next to the file they replace. One left
//! behind by a killed process is removed by [`sweep_temps`] when the program next starts.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

/// The reason of an I/O error for a path that exists but is not a regular file (a device such as
/// `/dev/null`, a pipe, a folder, a socket): it is neither read nor replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a regular file")]
pub struct NotRegularFile;

/// The reason of an I/O error for a file larger than the limit it is read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("file too large ({0} bytes)")]
pub struct TooLarge(pub u64);

fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, NotRegularFile)
}

/// The error says the path is not a regular file.
pub fn is_not_regular(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|r| r.is::<NotRegularFile>())
}

/// The error says the file is larger than its limit, and how large it is.
pub fn too_large(e: &io::Error) -> Option<u64> {
    e.get_ref()
        .and_then(|r| r.downcast_ref::<TooLarge>())
        .map(|t| t.0)
}

/// Read a whole regular file, but at most `limit` bytes: a larger file is refused with
/// [`TooLarge`] after reading `limit + 1` bytes, and a device or pipe with [`NotRegularFile`]
/// before it is opened (opening a pipe would wait for a writer; `/dev/zero` never ends).
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "folder"));
    }
    if !meta.is_file() {
        return Err(not_regular());
    }
    let f = File::open(path)?;
    // Replaced between the check and the open: check the handle too.
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0));
    f.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            TooLarge(meta.len().max(bytes.len() as u64)),
        ));
    }
    Ok(bytes)
}

/// When this process started, as near as can be told: the first time anything asked.
pub fn process_start() -> SystemTime {
    static START: OnceLock<SystemTime> = OnceLock::new();
    *START.get_or_init(SystemTime::now)
}

/// A temporary file name of ours (`.<file>.<pid>.<nanos>.tmp`), and the file it was for.
pub fn temp_target(name: &str) -> Option<&str> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, nanos) = inner.rsplit_once('.')?;
    let (target, pid) = rest.rsplit_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(nanos) && digits(pid) && !target.is_empty()).then_some(target)
}

/// Remove the temporary files a killed process left in `dir`: only ours by name, only those
/// owned by the folder's owner (the person: the folder is 0700), and only those older than this
/// process, so that a save going on in another window is never touched. With `only_for`, only
/// those for that file name (`cases delete`), of any age. Returns how many were removed.
pub fn sweep_temps(dir: &Path, only_for: Option<&str>) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let Ok(dir_meta) = fs::metadata(dir) else {
        return 0;
    };
    let start = process_start();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(target) = name.to_str().and_then(temp_target) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || !same_owner(&meta, &dir_meta) {
            continue;
        }
        let stale = match only_for {
            Some(file) => target == file,
            None => meta.modified().is_ok_and(|m| m < start),
        };
        if stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
fn same_owner(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.uid() == b.uid()
}

#[cfg(not(unix))]
fn same_owner(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    // Windows: the data folder is in the person's own profile; there is no owner id in std.
    true
}

/// Create a folder (and its parents) readable by the owner only.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

fn temp_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique = format!(".{name}.{}.{}.tmp", std::process::id(), nanos());
    dest.with_file_name(unique)
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

fn write_temp(dest: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let tmp = temp_path(dest);
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(tmp)
}

fn sync_dir(dest: &Path) {
    if let Some(dir) = dest.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Replace `dest` atomically with `bytes` (0600). A crash at any moment leaves either the old or
/// the new content; a failed write leaves the old file untouched.
///
/// `dest` must be a regular file or not exist: a device, a pipe or a folder is never replaced
/// ([`NotRegularFile`]).
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    match fs::metadata(dest) {
        Ok(m) if !m.is_file() => return Err(not_regular()),
        _ => {}
    }
    let tmp = write_temp(dest, bytes)?;
    if let Err(e) = fs::rename(&tmp, dest) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dest);
    Ok(())
}

/// Write an exported file: replace it atomically when the person asked to overwrite, else only
/// if it does not exist yet.
pub fn write_file(dest: &Path, bytes: &[u8], overwrite: bool) -> io::Result<()> {
    if overwrite {
        write_atomic(dest, bytes)
    } else {
        write_new(dest, bytes)
    }
}

/// Write `bytes` to `dest` (0600) only if `dest` does not exist yet; atomic, and safe against a
/// file appearing meanwhile. Fails with `AlreadyExists` otherwise. On a file system that cannot
/// link (a FAT USB stick) the file is created new instead: never over another, and removed
/// again if the write fails; the 0600 is then what that file system keeps of it.
pub fn write_new(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(dest).is_ok() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "finnes allerede",
        ));
    }
    let tmp = write_temp(dest, bytes)?;
    let linked = fs::hard_link(&tmp, dest);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_dir(dest);
            Ok(())
        }
        // Some file systems cannot link: fall back to create_new, which is still no-clobber.
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
            let mut opts = OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let mut f = opts.open(dest)?;
            // Not atomic here: a write that fails takes its half file away again.
            let written = f.write_all(bytes).and_then(|()| f.sync_all());
            if written.is_err() {
                drop(f);
                let _ = fs::remove_file(dest);
            }
            written
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised() {
        assert_eq!(
            temp_target(".20261120-101010.json.4242.17.tmp"),
            Some("20261120-101010.json")
        );
        assert_eq!(temp_target(".a.b.json.1.2.tmp"), Some("a.b.json"));
        assert_eq!(temp_target("20261120.json"), None);
        assert_eq!(temp_target(".notes.tmp"), None);
        assert_eq!(temp_target(".x.json.pid.2.tmp"), None);
    }

    #[test]
    fn a_temp_file_written_by_this_process_is_kept_and_others_are_left_alone() {
        let dir = tempfile::tempdir().expect("tmp");
        let _ = process_start();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let ours = dir.path().join(".a.json.1.2.tmp");
        let other = dir.path().join(".mine.tmp");
        fs::write(&ours, b"x").expect("w");
        fs::write(&other, b"x").expect("w");
        // Newer than this process: another window may be saving it right now.
        assert_eq!(sweep_temps(dir.path(), None), 0);
        assert!(ours.exists());
        // For `cases delete` of that file: removed whatever its age; the unknown file stays.
        assert_eq!(sweep_temps(dir.path(), Some("b.json")), 0);
        assert_eq!(sweep_temps(dir.path(), Some("a.json")), 1);
        assert!(!ours.exists());
        assert!(other.exists());
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_neither_read_nor_replaced() {
        let e = read_limited(Path::new("/dev/zero"), 10).expect_err("device");
        assert!(is_not_regular(&e), "{e}");
        let e = write_atomic(Path::new("/dev/null"), b"x").expect_err("device");
        assert!(is_not_regular(&e), "{e}");
    }

    #[test]
    fn files_are_read_through_the_limit() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("f");
        fs::write(&p, vec![b'a'; 11]).expect("w");
        assert_eq!(read_limited(&p, 11).expect("read").len(), 11);
        let e = read_limited(&p, 10).expect_err("too large");
        assert_eq!(too_large(&e), Some(11));
    }
}
