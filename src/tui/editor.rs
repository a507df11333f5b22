//! Editing a long text in the person's own editor (`$VISUAL`, else `$EDITOR`, else `nano`, else
//! `vi`). The text goes through a file readable by the owner only (0600) in a private folder
//! (0700), which is deleted afterwards. The run loop leaves the alternate screen first and
//! restores it afterwards.
//!
//! The folder goes on every way out: a normal return, an editor that fails, a panic (unwinding
//! drops it), and a stop signal (the editor is ended, then the folder removed). `vi`, `vim` and
//! `nvim` are started with `-n -i NONE`: no swap file, no viminfo/shada history, which would
//! otherwise keep the text (names, health) in the home folder.
//!
//! A process killed outright (SIGKILL, a crash, the power) cannot remove its folder. The folder
//! holds the operating system's lock on its `.held` file for as long as it is in use, so the next
//! start of the wizard ([`sweep_leftovers`]) removes the folders nobody holds.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The editor command, split into program and arguments ("code --wait").
pub fn editor_command() -> Vec<String> {
    for var in ["VISUAL", "EDITOR"] {
        if let Ok(v) = std::env::var(var) {
            let parts: Vec<String> = v.split_whitespace().map(str::to_string).collect();
            if !parts.is_empty() {
                return parts;
            }
        }
    }
    vec!["nano".into()]
}

/// A private folder for the text: created 0700, removed by [`Drop`], locked (`.held`) while it
/// lives.
struct PrivateDir {
    path: PathBuf,
    _held: Option<fs::File>,
}

/// The name of an editor folder: `omsorgsklage-<pid>-<nanos>`.
fn is_editor_dir_name(name: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    name.strip_prefix("omsorgsklage-")
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(pid, nanos)| digits(pid) && digits(nanos))
}

/// Remove the editor folders a killed process left in the temporary folder, with the text in
/// them. Returns how many were removed.
pub fn sweep_leftovers() -> usize {
    sweep_leftovers_in(&std::env::temp_dir())
}

/// [`sweep_leftovers`] in `dir`: only folders of ours by name, not links, older than this
/// process, whose `.held` lock can be taken (so no running omsorgsklage is using them). Another
/// person's folders cannot be opened (0700) and are left alone; so are folders without `.held`.
pub fn sweep_leftovers_in(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let start = crate::fsutil::process_start();
    let mut removed = 0;
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(is_editor_dir_name) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.is_dir() || !meta.modified().is_ok_and(|m| m < start) {
            continue;
        }
        let free = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path.join(".held"))
            .is_ok_and(|f| f.try_lock().is_ok());
        if free && fs::remove_dir_all(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

impl PrivateDir {
    fn new() -> std::io::Result<PrivateDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("omsorgsklage-{}-{nanos}", std::process::id()));
        let mut b = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(0o700);
        }
        b.create(&dir)?;
        // Held until dropped; a file system without locks only loses the sweep.
        let mut o = fs::OpenOptions::new();
        o.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        let held = o
            .open(dir.join(".held"))
            .ok()
            .filter(|f| f.try_lock().is_ok());
        Ok(PrivateDir {
            path: dir,
            _held: held,
        })
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// Arguments that keep an editor from writing copies of the text outside the private folder.
pub fn private_args(program: &str) -> &'static [&'static str] {
    let name = Path::new(program)
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    match name {
        // -n: no swap file; -i NONE: no viminfo (vim) / shada (nvim) history.
        "vi" | "vim" | "nvim" | "view" | "vim.basic" | "vim.tiny" => &["-n", "-i", "NONE"],
        _ => &[],
    }
}

/// The editor as the screen names it, with what is done to keep the text private.
pub fn describe(command: &[String]) -> String {
    let program = command.first().map(String::as_str).unwrap_or("nano");
    let mut parts: Vec<&str> = vec![program];
    parts.extend(private_args(program));
    parts.join(" ")
}

fn run_editor(
    program: &str,
    args: &[String],
    file: &Path,
    stop: &dyn Fn() -> bool,
) -> std::io::Result<std::process::ExitStatus> {
    let mut child = Command::new(program)
        .args(private_args(program))
        .args(args)
        .arg(file)
        .spawn()?;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if stop() {
            // Asked to stop (SIGTERM, SIGHUP): end the editor, so that the text can be removed.
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "stopped",
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Run `command` on a private copy of `text`; returns the edited text. `stop` is asked while the
/// editor runs: when it says yes, the editor is ended and nothing is returned.
pub fn edit_with(
    command: &[String],
    text: &str,
    stop: &dyn Fn() -> bool,
) -> Result<String, String> {
    let dir = PrivateDir::new().map_err(|e| e.to_string())?;
    let file = dir.path.join("tekst.txt");
    // Editors expect a file that ends in a line break; it is taken off again afterwards.
    let mut content = text.to_string();
    if !content.ends_with('\n') {
        content.push('\n');
    }
    write_private(&file, &content).map_err(|e| e.to_string())?;
    let (program, args) = command
        .split_first()
        .ok_or_else(|| "no editor".to_string())?;
    let status = run_editor(program, args, &file, stop)
        .or_else(|e| {
            // No nano: try vi, which every Unix has.
            if e.kind() == std::io::ErrorKind::NotFound && program == "nano" {
                run_editor("vi", &[], &file, stop)
            } else {
                Err(e)
            }
        })
        .map_err(|e| format!("{program}: {e}"))?;
    if !status.success() {
        return Err(format!("{program}: {status}"));
    }
    // Through a limit: an editor could leave anything there. Longer texts are cut by the field.
    let limit = (crate::interview::steps::longtext::MAX_LONG_CHARS * 4 + 4096) as u64;
    let bytes = crate::fsutil::read_limited(&file, limit).map_err(|e| e.to_string())?;
    let out = String::from_utf8_lossy(&bytes).into_owned();
    // The folder and the file are removed when `dir` is dropped.
    Ok(out)
}

// The tests stand in for an editor with `sh`.
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn edits_through_a_private_file_that_is_removed() {
        // "sh -c 'echo more >> $0'" appends a line to the file, like an editor would.
        let cmd: Vec<String> = vec!["sh".into(), "-c".into(), "echo ekstra >> \"$0\"".into()];
        let out = edit_with(&cmd, "første linje", &|| false).expect("edit");
        assert_eq!(out, "første linje\nekstra\n");
    }

    #[test]
    fn the_temp_file_is_private() {
        let cmd: Vec<String> = vec![
            "sh".into(),
            "-c".into(),
            "stat -c %a \"$0\" > \"$0\"".into(),
        ];
        let out = edit_with(&cmd, "x", &|| false).expect("edit");
        assert_eq!(out.trim(), "600");
    }

    #[test]
    fn a_stop_ends_the_editor_and_removes_the_text() {
        // An editor that never finishes and tells where its file is; the stop comes while it runs.
        let out = tempfile::tempdir().expect("tmp");
        let marker = out.path().join("where");
        let script = format!("echo \"$0\" > '{}'; exec sleep 30", marker.display());
        let cmd: Vec<String> = vec!["sh".into(), "-c".into(), script];
        let started = std::time::Instant::now();
        let res = edit_with(&cmd, "Kari har demens", &|| {
            marker.exists() && started.elapsed() > std::time::Duration::from_millis(200)
        });
        assert!(res.is_err());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "not waited out"
        );
        let file = fs::read_to_string(&marker).expect("the editor ran");
        let file = Path::new(file.trim());
        assert!(file.ends_with("tekst.txt"), "{file:?}");
        assert!(!file.exists(), "the text is gone");
        assert!(
            !file.parent().expect("dir").exists(),
            "the private folder is gone"
        );
    }

    #[test]
    fn a_folder_left_by_a_killed_process_is_swept_and_one_in_use_is_not() {
        let tmp = tempfile::tempdir().expect("tmp");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        crate::fsutil::process_start();
        // What a process killed during an edit leaves: the folder, `.held` (no longer locked:
        // the system let go when the process died) and the text.
        let make = |name: &str, held: bool| {
            let dir = tmp.path().join(name);
            fs::create_dir(&dir).expect("dir");
            fs::write(dir.join("tekst.txt"), "Kari har demens").expect("text");
            if held {
                fs::write(dir.join(".held"), "").expect("held");
            }
            fs::File::open(&dir)
                .and_then(|f| f.set_modified(old))
                .expect("mtime");
            dir
        };
        let left = make("omsorgsklage-4242-1796000000000000000", true);
        let old_version = make("omsorgsklage-4243-1796000000000000001", false);
        let not_ours = make("omsorgsklage-notes", true);
        // One in use: held by a live PrivateDir (in this process), made to look old.
        let live = PrivateDir::new().expect("private dir");
        let in_use = tmp.path().join(live.path.file_name().expect("name"));
        fs::rename(&live.path, &in_use).expect("move into the test folder");
        fs::File::open(&in_use)
            .and_then(|f| f.set_modified(old))
            .expect("mtime");

        assert_eq!(sweep_leftovers_in(tmp.path()), 1);
        assert!(!left.exists(), "the leftover text is gone");
        assert!(in_use.exists(), "the folder in use stays");
        assert!(
            old_version.exists(),
            "without .held it cannot be told apart: left"
        );
        assert!(not_ours.exists(), "not one of ours by name");
        fs::remove_dir_all(&in_use).expect("clean up");
    }

    #[test]
    fn vi_and_vim_keep_no_history_or_swap_file() {
        assert_eq!(private_args("vi"), ["-n", "-i", "NONE"]);
        assert_eq!(private_args("/usr/bin/vim"), ["-n", "-i", "NONE"]);
        assert!(private_args("nano").is_empty());
        assert_eq!(describe(&["vim".into()]), "vim -n -i NONE");
    }
}
