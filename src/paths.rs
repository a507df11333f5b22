//! Where drafts and settings live: `OMSORGSKLAGE_DATA` if set, else the platform's data folder
//! (`directories::ProjectDirs`, e.g. `~/.local/share/omsorgsklage` on Linux).

use std::path::PathBuf;

/// The environment variable that overrides the data folder.
pub const DATA_ENV: &str = "OMSORGSKLAGE_DATA";

/// The data folder, if one can be found.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("no", "omsorgsklage", "omsorgsklage")
        .map(|p| p.data_dir().to_path_buf())
}

/// The default folder for exported letters: the documents folder, else the current folder.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.to_path_buf()))
        .filter(|d| d.is_dir())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}
