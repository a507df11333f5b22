//! Editing a long text in the person's own editor (`$VISUAL`, else `$EDITOR`, else `nano`, else
//! `vi`). The text goes through a file readable by the owner only (0600) in a private folder
//! (0700), which is deleted afterwards. The run loop leaves the alternate screen first and
//! restores it afterwards.

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

/// A private folder for the text: created 0700, removed by [`Drop`].
struct PrivateDir(PathBuf);

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
        Ok(PrivateDir(dir))
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
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

/// Run `command` on a private copy of `text`; returns the edited text.
pub fn edit_with(command: &[String], text: &str) -> Result<String, String> {
    let dir = PrivateDir::new().map_err(|e| e.to_string())?;
    let file = dir.0.join("tekst.txt");
    // Editors expect a file that ends in a line break; it is taken off again afterwards.
    let mut content = text.to_string();
    if !content.ends_with('\n') {
        content.push('\n');
    }
    write_private(&file, &content).map_err(|e| e.to_string())?;
    let (program, args) = command
        .split_first()
        .ok_or_else(|| "no editor".to_string())?;
    let status = Command::new(program)
        .args(args)
        .arg(&file)
        .status()
        .or_else(|e| {
            // No nano: try vi, which every Unix has.
            if e.kind() == std::io::ErrorKind::NotFound && program == "nano" {
                Command::new("vi").arg(&file).status()
            } else {
                Err(e)
            }
        })
        .map_err(|e| format!("{program}: {e}"))?;
    if !status.success() {
        return Err(format!("{program}: {status}"));
    }
    let out = fs::read_to_string(&file).map_err(|e| e.to_string())?;
    // The folder and the file are removed when `dir` is dropped.
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_through_a_private_file_that_is_removed() {
        // "sh -c 'echo more >> $0'" appends a line to the file, like an editor would.
        let cmd: Vec<String> = vec!["sh".into(), "-c".into(), "echo ekstra >> \"$0\"".into()];
        let out = edit_with(&cmd, "første linje").expect("edit");
        assert_eq!(out, "første linje\nekstra\n");
    }

    #[test]
    fn the_temp_file_is_private() {
        let cmd: Vec<String> = vec![
            "sh".into(),
            "-c".into(),
            "stat -c %a \"$0\" > \"$0\"".into(),
        ];
        let out = edit_with(&cmd, "x").expect("edit");
        assert_eq!(out.trim(), "600");
    }
}
