//! Writing files safely: atomically (a temporary file in the same folder, fsync, rename), readable
//! by the owner only, and never overwriting a file the person did not ask to overwrite.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> io::Result<()> {
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
/// file appearing meanwhile. Fails with `AlreadyExists` otherwise.
pub fn write_new(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    if dest.exists() {
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
            f.write_all(bytes)?;
            f.sync_all()
        }
        Err(e) => Err(e),
    }
}
