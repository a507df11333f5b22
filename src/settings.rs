//! Settings remembered between runs (`settings.json` in the data folder): interface language,
//! colour theme and counter mode. Written atomically, readable by the owner only. A damaged
//! settings file is ignored (defaults are used) and never overwritten without a new choice.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsutil;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// "nb", "nn" or "en".
    pub ui_lang: Option<String>,
    /// "default", "high-contrast" or "no-color".
    pub theme: Option<String>,
    /// Counter mode (shared machines): nothing is saved unless asked.
    pub counter: bool,
}

fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.json")
}

impl Settings {
    /// The saved settings, or the defaults when there are none or they cannot be read.
    pub fn load(data_dir: Option<&Path>) -> Settings {
        data_dir
            // A few hundred bytes; never a device or a pipe (which would hang the start).
            .and_then(|d| fsutil::read_limited(&path(d), 64 * 1024).ok())
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Save atomically (0600, folder 0700).
    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        fsutil::create_private_dir(data_dir)?;
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        fsutil::write_atomic(&path(data_dir), &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damaged_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Settings {
            ui_lang: Some("nn".into()),
            theme: Some("high-contrast".into()),
            counter: true,
        };
        s.save(dir.path()).expect("save");
        assert_eq!(Settings::load(Some(dir.path())), s);
        std::fs::write(path(dir.path()), b"{broken").expect("write");
        assert_eq!(Settings::load(Some(dir.path())), Settings::default());
        assert_eq!(Settings::load(None), Settings::default());
    }
}
