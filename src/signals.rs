//! Signals that ask the wizard to stop: SIGTERM (`kill`, a shutdown), SIGHUP (the terminal window
//! was closed) and SIGINT from outside (in raw mode Ctrl+C is a key, not a signal). Each only sets
//! a flag; the run loop sees it at once (its wait is woken), restores the terminal, saves what was typed, lets
//! go of the case's lock and exits with 128 + the signal's number, as shells expect.
//!
//! Two safety nets stand behind the flag. The run loop's wait ([`crate::tui::tty`]) is woken at once by
//! a byte these signals write to a socket ([`wake_socket`]), so it needs no timer to see them. And
//! a watchdog thread, asleep until a stop signal comes, ends the process [`GRACE`] after it if the
//! run loop has not exited by then (something stuck that never looks at the flag): the answers
//! typed until the last pause are in the draft already, and the system lets go of the lock.
//!
//! On Windows there are none of these: Ctrl+C arrives as a key (crossterm), and closing the
//! console window ends the process, whose file lock the system then releases.

use std::time::Duration;

/// SIGHUP's number (the same on every Unix): a closed terminal ends the wizard with
/// 128 + this, as if the hang-up signal had come.
pub const HANGUP: i32 = 1;

/// How long after a stop signal the watchdog waits for the run loop before it ends the process.
pub const GRACE: Duration = Duration::from_secs(2);

#[cfg(unix)]
mod imp {
    use std::io::Read;
    use std::os::unix::net::UnixStream;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, OnceLock};

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
    use signal_hook::low_level::pipe;

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
            watchdog();
        });
    }

    /// A socket pair whose write end `signals` write a byte to; the read end is returned.
    fn socket_for(signals: &[i32]) -> Option<UnixStream> {
        let (read, write) = UnixStream::pair().ok()?;
        for &sig in signals {
            pipe::register(sig, write.try_clone().ok()?).ok()?;
        }
        Some(read)
    }

    /// The end of a socket that the stop signals and a resize (SIGWINCH) write a byte to,
    /// non-blocking: the run loop's wait wakes at once.
    pub fn wake_socket() -> Option<UnixStream> {
        let read = socket_for(&[SIGTERM, SIGHUP, SIGINT, SIGWINCH])?;
        read.set_nonblocking(true).ok()?;
        Some(read)
    }

    /// A thread that sleeps until a stop signal, then gives the run loop [`super::GRACE`] to
    /// save and exit, and ends the process if it has not.
    fn watchdog() {
        let Some(mut read) = socket_for(&[SIGTERM, SIGHUP, SIGINT]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("stop-watchdog".into())
            .spawn(move || {
                let mut byte = [0u8; 1];
                if matches!(read.read(&mut byte), Ok(1)) {
                    std::thread::sleep(super::GRACE);
                    let code = pending().map_or(129, super::exit_code);
                    std::process::exit(code);
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

    pub fn wake_socket() -> Option<()> {
        None
    }
}

/// Catch the stop signals from now on (they no longer end the process at once).
pub fn install() {
    imp::install();
}

/// A socket the stop signals and a resize write a byte to (see [`crate::tui::tty`]).
#[cfg(unix)]
pub fn wake_socket() -> Option<std::os::unix::net::UnixStream> {
    imp::wake_socket()
}

/// The stop signal that came, if one did.
pub fn pending() -> Option<i32> {
    imp::pending()
}

/// The exit code after a stop signal: 128 + its number.
pub fn exit_code(signal: i32) -> i32 {
    128 + signal
}
