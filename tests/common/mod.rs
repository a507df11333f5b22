//! Shared test helpers: the binary (`cmd`, `BIN`), the fixed "today", case files, and the
//! pseudo-terminal harness (`pty`). The wizard's in-process helpers are in `tests/tui_common`.
#![allow(dead_code)]

pub mod images;
pub mod pdf_text;
pub mod plain;
pub mod pty;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use omsorgsklage::domain::case::{self, RawCase};

/// The program under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_omsorgsklage");

/// `omsorgsklage --today 2026-11-20` in bokmål (from `LANG`, whatever the machine's locale).
pub fn cmd() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(BIN);
    c.env("LANG", "nb_NO.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE");
    c.args(["--today", "2026-11-20"]);
    c
}

/// A case file from `tests/cases` as JSON, to change before it is written out.
pub fn case_json(name: &str) -> serde_json::Value {
    let path = Path::new("tests/cases").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).expect("json")
}

/// Write `json` to `dir/name`; returns the path.
pub fn write_json(dir: &Path, name: &str, json: &serde_json::Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(json).expect("json")).expect("write");
    path
}

/// `cmd()` with its saved cases in `data`.
pub fn cmd_in(data: &Path) -> assert_cmd::Command {
    let mut c = cmd();
    c.env("OMSORGSKLAGE_DATA", data);
    c
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
}

pub fn raw_from_file(path: &std::path::Path) -> RawCase {
    let bytes = std::fs::read(path).expect("read case file");
    case::read(&bytes).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()))
}

/// The text letter for a raw case that must be complete (through the program's one export
/// pipeline).
pub fn letter_text(raw: &RawCase) -> String {
    omsorgsklage::export::letter_text(
        raw,
        today(),
        omsorgsklage::i18n::Ui::Nb,
        omsorgsklage::domain::letter::LetterKind::Complaint,
    )
    .unwrap_or_else(|e| panic!("incomplete case: {e}"))
}

/// Strings that must never appear in anything the program writes (FACTS.md section 11).
pub fn forbidden() -> Vec<String> {
    vec![
        ["Fylkes", "mannen"].concat(),
        ["Oslo og ", "Viken"].concat(),
        ["nr. 6 ", "bokstav d"].concat(),
        ["§ 7", "-1"].concat(),
        // pbrl § 2-1 a became § 2-1 on 1 June 2024; every test case is decided after that.
        ["§ 2-1 a", " andre"].concat(),
        ["§ 2-1 a", " og"].concat(),
        ["§ 2-1 a", "\n"].concat(),
        ["§ 2-1 a", "."].concat(),
        // "pasienten og brukeren" misquotes pbrl § 3-1 ("eller").
        ["pasienten og ", "bruke"].concat(),
        // Asking for reasons does not interrupt the deadline for a refusal (fvl § 29).
        ["avbrytes", " når"].concat(),
        ["samtykke", "kompetanse"].concat(),
    ]
}

/// The drafts in a data folder (`<data>/cases/*.json`: no locks, no temporary files), sorted.
pub fn case_files(data: &Path) -> Vec<PathBuf> {
    json_files(&data.join("cases"))
}

/// The `*.json` files in a folder (not below it), sorted; none when it is not there.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The case line mode's bokmål walk (`BOKMAAL` in `tests/plain_mode.rs`) gives, with these
/// grounds: praktisk bistand refused in Tromsø, innsyn asked for, two attachments.
pub fn bokmaal_walk_case(grounds: case::RawGrounds) -> RawCase {
    RawCase {
        format: Some("omsorgsklage/1".into()),
        language: Some("nb".into()),
        service: Some("praktisk-bistand".into()),
        situation: Some("avslag".into()),
        decision: Some(case::RawDecision {
            date: Some("2026-11-02".into()),
            received: Some("2026-11-05".into()),
            reference: Some("26/1".into()),
            ..Default::default()
        }),
        grounds: Some(grounds),
        requests: Some(case::RawRequests {
            access_to_documents: Some(true),
            postponement: Some(false),
            reasons: None,
        }),
        attachments: Some(vec![
            "Kopi av vedtaket".into(),
            "Uttalelse fra fastlegen".into(),
        ]),
        applicant: Some(case::RawPerson {
            name: Some("Kari Nordmann".into()),
            address: Some("Storgata 1".into()),
            postcode: Some("9008".into()),
            city: Some("Tromsø".into()),
            ..Default::default()
        }),
        municipality: Some(case::RawMunicipality {
            number: Some("5501".into()),
            name: Some("Tromsø".into()),
            address: Some(vec!["Postboks 6900".into(), "9299 Tromsø".into()]),
            district: None,
        }),
        ..Default::default()
    }
}

/// Wait until `try_wait` gives the program's exit status; fails with `what` after `limit`.
pub fn exit_within<T>(
    mut try_wait: impl FnMut() -> Option<T>,
    limit: std::time::Duration,
    what: &str,
) -> T {
    let start = std::time::Instant::now();
    loop {
        if let Some(s) = try_wait() {
            return s;
        }
        assert!(start.elapsed() < limit, "{what}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
