//! Editing a long text in the person's own editor (`$VISUAL`, else `$EDITOR`, else the first of
//! `nano` and `vi` found on the `PATH`; with none, Ctrl+E is not offered). The screens name the
//! editor that will open, and for vi say how to save and leave it. The text goes through a file readable by the owner only (0600) in a private folder
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

/// The editors looked for, in this order, when neither `$VISUAL` nor `$EDITOR` is set.
const FALLBACKS: [&str; 2] = ["nano", "vi"];

/// The editor Ctrl+E opens, as found when the wizard starts ([`choose`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// This command (program and arguments: "code --wait").
    Found(Vec<String>),
    /// No `$VISUAL`, no `$EDITOR`, and none of the usual editors: Ctrl+E is not offered.
    None,
}

/// The editor from `$VISUAL` (else `$EDITOR`), else the first of [`FALLBACKS`] found in one of
/// `path`'s folders.
pub fn resolve(visual: Option<&str>, editor: Option<&str>, path: &[PathBuf]) -> Choice {
    for v in [visual, editor].into_iter().flatten() {
        let parts: Vec<String> = v.split_whitespace().map(str::to_string).collect();
        if !parts.is_empty() {
            return Choice::Found(parts);
        }
    }
    FALLBACKS
        .iter()
        .find(|name| path.iter().any(|dir| is_program(&dir.join(name))))
        .map_or(Choice::None, |name| {
            Choice::Found(vec![(*name).to_string()])
        })
}

/// A file that can be run.
fn is_program(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

fn chosen_cell() -> &'static std::sync::OnceLock<Choice> {
    static CHOSEN: std::sync::OnceLock<Choice> = std::sync::OnceLock::new();
    &CHOSEN
}

/// Find the editor once, from this process's environment; the wizard's screens name it from
/// then on ([`chosen`]).
pub fn choose() -> &'static Choice {
    chosen_cell().get_or_init(|| {
        let var = |name: &str| std::env::var(name).ok();
        let path: Vec<PathBuf> = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect())
            .unwrap_or_default();
        resolve(var("VISUAL").as_deref(), var("EDITOR").as_deref(), &path)
    })
}

/// The editor found by [`choose`]; `None` before it was called (a screen drawn in a test), when
/// the screens speak of "your own editor" without a name.
pub fn chosen() -> Option<&'static Choice> {
    chosen_cell().get()
}

/// Whether Ctrl+E is offered: not when no editor was found.
pub fn offered() -> bool {
    !matches!(chosen(), Some(Choice::None))
}

/// The editor command to run (the chosen one; found now when nothing was chosen).
pub fn editor_command() -> Vec<String> {
    match choose() {
        Choice::Found(c) => c.clone(),
        Choice::None => Vec::new(),
    }
}

/// Whether `program` is vi or one of its kind, where a person who does not know it is stuck
/// (the screen says how to save and leave).
pub fn is_vi(program: &str) -> bool {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    matches!(
        name,
        "vi" | "vim" | "nvim" | "view" | "vim.basic" | "vim.tiny" | "elvis" | "nvi" | "ex"
    )
}

/// The editor's name as a screen shows it: the program's file name ("nano", "code").
pub fn name(command: &[String]) -> String {
    let program = command.first().map(String::as_str).unwrap_or_default();
    Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program)
        .to_string()
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
    // The editor the screen named, and no other: no silent fall-back to one it did not name.
    let status = run_editor(program, args, &file, stop).map_err(|e| format!("{program}: {e}"))?;
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
    fn the_editor_is_visual_then_editor_then_nano_then_vi_as_found() {
        let tmp = tempfile::tempdir().expect("tmp");
        let only_vi = tmp.path().join("only-vi");
        let both = tmp.path().join("both");
        for (dir, names) in [(&only_vi, &["vi"][..]), (&both, &["vi", "nano"][..])] {
            fs::create_dir(dir).expect("dir");
            for n in names {
                let p = dir.join(n);
                fs::write(&p, "#!/bin/sh\n").expect("write");
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).expect("chmod");
            }
        }
        let found = |v: &[&str]| Choice::Found(v.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            resolve(Some("code --wait"), Some("vim"), &[]),
            found(&["code", "--wait"])
        );
        assert_eq!(resolve(Some("  "), Some("vim"), &[]), found(&["vim"]));
        assert_eq!(
            resolve(None, None, std::slice::from_ref(&both)),
            found(&["nano"])
        );
        assert_eq!(
            resolve(None, None, std::slice::from_ref(&only_vi)),
            found(&["vi"])
        );
        assert_eq!(resolve(None, None, &[tmp.path().into()]), Choice::None);
        // A file that cannot be run is not an editor.
        fs::write(tmp.path().join("nano"), "").expect("write");
        assert_eq!(resolve(None, None, &[tmp.path().into()]), Choice::None);
        assert!(is_vi("/usr/bin/vim.tiny") && is_vi("vi") && !is_vi("nano"));
        assert_eq!(name(&["/usr/bin/nano".into()]), "nano");
    }

    #[test]
    fn vi_and_vim_keep_no_history_or_swap_file() {
        assert_eq!(private_args("vi"), ["-n", "-i", "NONE"]);
        assert_eq!(private_args("/usr/bin/vim"), ["-n", "-i", "NONE"]);
        assert!(private_args("nano").is_empty());
        assert_eq!(describe(&["vim".into()]), "vim -n -i NONE");
    }
}
