//! Time to the wizard's first frame, measured as a user sees it: the real binary in a pseudo-
//! terminal (80×24), from spawn until the screen shows the start screen's first choice.
//!
//! `cargo run --release --example first_frame -- target/release/omsorgsklage [RUNS]`

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let bin = args
        .next()
        .unwrap_or_else(|| "target/release/omsorgsklage".into());
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let data = tempfile::tempdir()?;
    let mut times = Vec::new();
    for _ in 0..runs {
        let pty = native_pty_system().openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut cmd = CommandBuilder::new(&bin);
        cmd.args(["--today", "2026-11-20", "--lang", "nb"]);
        cmd.env("OMSORGSKLAGE_DATA", data.path());
        cmd.env("TERM", "xterm-256color");
        let mut reader = pty.master.try_clone_reader()?;
        let start = Instant::now();
        let mut child = pty.slave.spawn_command(cmd)?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut parser = vt100::Parser::new(24, 80, 0);
        let mut seen = None;
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(50)) {
                parser.process(&bytes);
                if parser.screen().contents().contains("Start en ny klage") {
                    seen = Some(start.elapsed());
                    break;
                }
            }
        }
        child.kill()?;
        let _ = child.wait();
        times.push(seen.ok_or_else(|| anyhow::anyhow!("no first frame within 5 s"))?);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "first frame over {runs} runs: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        ms(times[0]),
        ms(times[runs / 2]),
        ms(times[runs - 1])
    );
    Ok(())
}
