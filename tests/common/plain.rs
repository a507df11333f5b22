//! Line mode (`--plain`) driven as another program would drive it: the real binary with piped
//! standard input and output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::BIN;

/// Run `omsorgsklage --today 2026-11-20 --lang LANG EXTRA…` with these lines on standard input,
/// its drafts in `data/data` and its home in `data`.
pub fn run(lang: &str, input: &[u8], data: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["--today", "2026-11-20", "--lang", lang];
    args.extend_from_slice(extra);
    let mut child = Command::new(BIN)
        .args(&args)
        .env("OMSORGSKLAGE_DATA", data.join("data"))
        .env("HOME", data)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start omsorgsklage");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written from another thread, so that a full output pipe can never block the input.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("run");
    writer.join().expect("writer");
    out
}

/// The answers as typed lines.
pub fn lines(v: &[&str]) -> Vec<u8> {
    let mut s = v.join("\n");
    s.push('\n');
    s.into_bytes()
}

/// What the program printed.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("the output is UTF-8")
}

/// The answers of the bokmål walk-through, up to the file name.
pub const BOKMAAL: &[&str] = &[
    "",      // start a new complaint
    "1",     // for myself
    "prakt", // search the services
    "1",     // praktisk bistand
    "1",     // refused
    "02.11.2026",
    "05.11.2026",
    "",     // the right to complain
    "26/1", // reference
    "",     // applied for
    "Jeg har KOLS.",
    "",
    "Jeg blir fort andpusten.",
    ".", // the end of a long answer: a full stop alone
    "",  // daily life
    "",  // safety
    "",  // relatives
    "",  // consequences
    "",  // not considered
    "",  // other
    "",  // outcome: the suggestion
    "",  // one service in the decision: go on
    "1", // ask for innsyn
    "",
    "1", // a copy of the decision
    "Uttalelse fra fastlegen",
    "",
    "Kari Nordmann",
    "Storgata 1",
    "9008",
    "Tromsø",
    "",
    "",
    "",
    "", // the municipality suggested from the town
    "Postboks 6900",
    "9299 Tromsø",
    "",
    "", // check your answers
    "", // the letter
    "", // as text
];

/// A bokmål complaint for oneself (praktisk bistand refused) up to "what do you ask for",
/// answered with the suggestion.
pub const TO_SERVICES: &[&str] = &[
    "",      // start a new complaint
    "1",     // for myself
    "prakt", // search the services
    "1",     // praktisk bistand
    "1",     // refused
    "02.11.2026",
    "05.11.2026",
    "",     // the right to complain
    "26/1", // reference
    "",     // applied for
    "Jeg har KOLS.",
    ".",
    "", // daily life
    "", // safety
    "", // relatives
    "", // consequences
    "", // not considered
    "", // other
    "", // outcome: the suggestion
];
