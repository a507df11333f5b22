//! Signals that ask the wizard to stop: SIGTERM (`kill`, a shutdown), SIGHUP (the terminal window
//! was closed) and SIGINT from outside (in raw mode Ctrl+C is a key, not a signal). Each only sets
//! a flag; the run loop sees it within [`POLL`], restores the terminal, saves what was typed, lets
//! go of the case's lock and exits with 128 + the signal's number, as shells expect.
//!
//! On Windows there are none of these: Ctrl+C arrives as a key (crossterm), and closing the
//! console window ends the process, whose file lock the system then releases.

use std::time::Duration;

/// How often the run loop looks at the flag while it waits for a key.
pub const POLL: Duration = Duration::from_millis(100);

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, OnceLock};

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    fn flag() -> &'static Arc<AtomicUsize> {
        static FLAG: OnceLock<Arc<AtomicUsize>> = OnceLock::new();
        FLAG.get_or_init(|| Arc::new(AtomicUsize::new(0)))
    }

    pub fn install() {
        static DONE: OnceLock<()> = OnceLock::new();
        DONE.get_or_init(|| {
            for sig in [SIGTERM, SIGHUP, SIGINT] {
                // Fails only for forbidden signals; these are not.
                let _ = signal_hook::flag::register_usize(
                    sig,
                    Arc::clone(flag()),
                    usize::try_from(sig).unwrap_or(1),
                );
            }
        });
    }

    pub fn pending() -> Option<i32> {
        match flag().load(Ordering::SeqCst) {
            0 => None,
            n => Some(i32::try_from(n).unwrap_or(1)),
        }
    }
}

#[cfg(not(unix))]
mod imp {
    pub fn install() {}

    pub fn pending() -> Option<i32> {
        None
    }
}

/// Catch the stop signals from now on (they no longer end the process at once).
pub fn install() {
    imp::install();
}

/// The stop signal that came, if one did.
pub fn pending() -> Option<i32> {
    imp::pending()
}

/// The exit code after a stop signal: 128 + its number.
pub fn exit_code(signal: i32) -> i32 {
    128 + signal
}
