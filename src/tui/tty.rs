//! Waiting for a key without spinning, and noticing when the terminal is gone.
//!
//! crossterm's own wait retries a read that fails or ends (a closed terminal gives end of input or
//! EIO) for ever, at full speed, and does not come back to look at the stop signals. So the run
//! loop waits here first: one poll on the terminal and on a socket that the stop signals and the
//! resize signal write to. A hang-up (the window closed, the SSH session dropped) or an error on
//! the terminal is [`Wake::Gone`], and crossterm is then not asked to read; only when the terminal
//! has input does the loop let crossterm read it. While nothing happens the process sleeps in the
//! kernel: no CPU is used.
//!
//! On other systems there is no such poll: [`Waiter::wait`] says [`Wake::Input`] at once and the
//! run loop waits in crossterm, as before.

use std::time::Duration;

/// Why a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The terminal has input (or may have: let crossterm look).
    Input,
    /// The time ran out, or a signal came (the run loop looks at the signals first).
    Timeout,
    /// The terminal is gone: save, let go and exit, without reading it again.
    Gone,
}

#[cfg(unix)]
mod imp {
    use std::io::{ErrorKind, Read};
    use std::os::fd::AsRawFd;
    use std::time::Duration;

    use mio::unix::SourceFd;
    use mio::{Events, Interest, Poll, Token};

    use super::Wake;

    const INPUT: Token = Token(0);
    const SIGNAL: Token = Token(1);

    pub struct Waiter {
        poll: Option<Poll>,
        events: Events,
        signal: Option<mio::net::UnixStream>,
        gone: bool,
    }

    impl Waiter {
        pub fn new() -> Waiter {
            let poll = Poll::new().ok().filter(|p| {
                let fd = std::io::stdin().as_raw_fd();
                p.registry()
                    .register(&mut SourceFd(&fd), INPUT, Interest::READABLE)
                    .is_ok()
            });
            let signal = poll.as_ref().and_then(|p| {
                let s = crate::signals::wake_socket()?;
                let mut s = mio::net::UnixStream::from_std(s);
                p.registry()
                    .register(&mut s, SIGNAL, Interest::READABLE)
                    .ok()?;
                Some(s)
            });
            Waiter {
                poll,
                events: Events::with_capacity(8),
                signal,
                gone: false,
            }
        }

        pub fn wait(&mut self, timeout: Duration) -> Wake {
            if self.gone {
                return Wake::Gone;
            }
            let Some(poll) = self.poll.as_mut() else {
                return Wake::Input;
            };
            match poll.poll(&mut self.events, Some(timeout)) {
                Ok(()) => {}
                // A signal came in the middle: the run loop looks at it.
                Err(e) if e.kind() == ErrorKind::Interrupted => return Wake::Timeout,
                // Polling itself failed: nothing to wait with; end rather than spin.
                Err(_) => {
                    self.gone = true;
                    return Wake::Gone;
                }
            }
            let mut input = false;
            for event in &self.events {
                match event.token() {
                    INPUT if event.is_read_closed() || event.is_error() => self.gone = true,
                    INPUT => input = true,
                    _ => {
                        // Empty the signal socket (it only says "look at the signals").
                        if let Some(s) = self.signal.as_mut() {
                            let mut buf = [0u8; 64];
                            while matches!(s.read(&mut buf), Ok(n) if n > 0) {}
                        }
                    }
                }
            }
            if self.gone {
                Wake::Gone
            } else if input {
                Wake::Input
            } else {
                Wake::Timeout
            }
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use std::time::Duration;

    use super::Wake;

    pub struct Waiter;

    impl Waiter {
        pub fn new() -> Waiter {
            Waiter
        }

        pub fn wait(&mut self, _timeout: Duration) -> Wake {
            Wake::Input
        }
    }
}

/// The run loop's wait for the terminal.
pub struct Waiter(imp::Waiter);

impl Waiter {
    pub fn new() -> Waiter {
        Waiter(imp::Waiter::new())
    }

    /// Wait up to `timeout` for input, a signal or the terminal's end.
    pub fn wait(&mut self, timeout: Duration) -> Wake {
        self.0.wait(timeout)
    }

    /// Whether the terminal has gone (looked at without waiting; reads nothing, so it can be
    /// asked while an editor uses the terminal). Once gone, always gone.
    pub fn gone(&mut self) -> bool {
        self.wait(Duration::ZERO) == Wake::Gone
    }
}

impl Default for Waiter {
    fn default() -> Waiter {
        Waiter::new()
    }
}
