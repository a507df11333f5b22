//! Named bad inputs, each with the clear message a person gets, and a check that nothing was lost.
//! The list is the contract: add a row when a new way to go wrong is found.

mod common;

use common::cmd;
use serde_json::{Value, json};

fn base() -> Value {
    common::case_json("minimal-bpa.json")
}

fn with(f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v = base();
    f(&mut v);
    serde_json::to_vec(&v).expect("json")
}

/// What `check` must do with an input.
enum Expect {
    /// Exit 1 and this text (stdout or stderr).
    Problem(&'static str),
    /// Exit 0: the case is complete (odd but valid input).
    Complete,
}

fn case_file_rows() -> Vec<(&'static str, Vec<u8>, Expect)> {
    use Expect::*;
    vec![
        ("empty file", b"".to_vec(), Problem("ikke gyldig JSON")),
        (
            "only white space",
            b"  \n\t \n".to_vec(),
            Problem("ikke gyldig JSON"),
        ),
        ("null", b"null".to_vec(), Problem("ett JSON-objekt")),
        ("a list", b"[]".to_vec(), Problem("ett JSON-objekt")),
        (
            "a string",
            b"\"klage\"".to_vec(),
            Problem("ett JSON-objekt"),
        ),
        ("a number", b"42".to_vec(), Problem("ett JSON-objekt")),
        (
            "truncated object",
            b"{\"format\": \"omsorgsklage/1\", \"serv".to_vec(),
            Problem("ikke gyldig JSON"),
        ),
        (
            "trailing comma",
            b"{\"format\": \"omsorgsklage/1\",}".to_vec(),
            Problem("linje 1"),
        ),
        (
            "single quotes",
            b"{'format': 'omsorgsklage/1'}".to_vec(),
            Problem("ikke gyldig JSON"),
        ),
        (
            "byte order mark before valid JSON",
            [b"\xef\xbb\xbf".to_vec(), with(|_| {})].concat(),
            Complete,
        ),
        (
            "Latin-1 ø",
            b"{\"format\": \"omsorgsklage/1\",\n \"place\": \"Troms\xf8\"}".to_vec(),
            Problem("linje 2"),
        ),
        (
            "UTF-16 file",
            "{\"format\": 1}"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect(),
            Problem("ikke"),
        ),
        (
            "deeply nested",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
            Problem("ikke gyldig JSON"),
        ),
        (
            "unknown top-level field",
            with(|v| v["kommentar"] = json!("hei")),
            Problem("kommentar: ukjent felt"),
        ),
        (
            "misspelt nested field",
            with(|v| v["applicant"]["adress"] = json!("x")),
            Problem("Mente du «applicant.address»?"),
        ),
        (
            "format missing",
            with(|v| {
                v.as_object_mut().expect("o").remove("format");
            }),
            Problem("format: mangler"),
        ),
        (
            "format of another program",
            with(|v| v["format"] = json!("klage/1")),
            Problem("ikke et format programmet kjenner"),
        ),
        (
            "format from a newer version",
            with(|v| v["format"] = json!("omsorgsklage/3")),
            Problem("nyere versjon"),
        ),
        (
            "letter language English",
            with(|v| v["language"] = json!("en")),
            Problem("nb (bokmål) eller nn (nynorsk)"),
        ),
        (
            "letter date in Norwegian form",
            with(|v| v["letter_date"] = json!("20.11.2026")),
            Problem("ÅÅÅÅ-MM-DD"),
        ),
        (
            "29 February in a common year",
            with(|v| v["decision"]["date"] = json!("2026-02-29")),
            Problem("decision.date: «2026-02-29» er ikke en gyldig dato"),
        ),
        (
            "received before the decision",
            with(|v| v["decision"]["received"] = json!("2026-11-01")),
            Problem("før datoen på vedtaket"),
        ),
        (
            "decision after the letter date",
            with(|v| {
                v["decision"]["date"] = json!("2026-11-25");
                v["decision"]["received"] = json!("2026-11-26");
            }),
            Problem("etter datoen på brevet"),
        ),
        (
            "service empty",
            with(|v| v["service"] = json!("")),
            Problem("service: mangler"),
        ),
        (
            "service unknown",
            with(|v| v["service"] = json!("hjemmehjelp")),
            Problem("er ikke en tjeneste"),
        ),
        (
            "annet without own words",
            with(|v| v["service"] = json!("annet")),
            Problem("service_other"),
        ),
        (
            "situation unknown",
            with(|v| v["situation"] = json!("kutt")),
            Problem("avslag, delvis, redusert, avsluttet eller venteliste"),
        ),
        (
            "municipality number with a letter O",
            with(|v| v["municipality"] = json!({"number": "55O1"})),
            Problem("ikke et kommunenummer"),
        ),
        (
            "municipality number that does not exist",
            with(|v| v["municipality"] = json!({"number": "0000"})),
            Problem("fant ingen kommune"),
        ),
        (
            "municipality name unknown",
            with(|v| v["municipality"] = json!({"name": "Atlantis"})),
            Problem("fant ingen kommune"),
        ),
        (
            "municipality name shared by two",
            with(|v| v["municipality"] = json!({"name": "Våler"})),
            Problem("flere kommuner heter «Våler»"),
        ),
        (
            "municipality number and name disagree",
            with(|v| v["municipality"] = json!({"number": "5501", "name": "Bergen"})),
            Problem("passer ikke med navnet"),
        ),
        (
            "municipality neither number nor name",
            with(|v| v["municipality"] = json!({})),
            Problem("municipality.name: mangler"),
        ),
        (
            "applicant missing",
            with(|v| {
                v.as_object_mut().expect("o").remove("applicant");
            }),
            Problem("applicant: mangler"),
        ),
        (
            "postcode with letter O",
            with(|v| v["applicant"]["postcode"] = json!("9OO8")),
            Problem("er ikke et postnummer"),
        ),
        (
            "postcode as a number",
            with(|v| v["applicant"]["postcode"] = json!(1350)),
            Problem("tekst i anførselstegn"),
        ),
        (
            "name only spaces",
            with(|v| v["applicant"]["name"] = json!("   ")),
            Problem("applicant.name"),
        ),
        (
            "birth date impossible",
            with(|v| v["applicant"]["birth_date"] = json!("1938-02-30")),
            Problem("applicant.birth_date"),
        ),
        (
            "representative without a name",
            with(|v| v["representative"] = json!({"relation": "datter"})),
            Problem("representative.name"),
        ),
        (
            "bell character in a ground",
            with(|v| v["grounds"]["other"] = json!("a\u{7}b")),
            Problem("kontrolltegn"),
        ),
        (
            "NUL in a name",
            with(|v| v["applicant"]["name"] = json!("Per\u{0}Hansen")),
            Problem("kontrolltegn"),
        ),
        (
            "escape sequence in a ground",
            with(|v| v["grounds"]["other"] = json!("\u{1b}[2J tekst")),
            Problem("kontrolltegn"),
        ),
        (
            "all grounds empty",
            with(|v| v["grounds"] = json!({"health": "", "other": "  "})),
            Problem("minst én grunn"),
        ),
        (
            "grounds as a list",
            with(|v| v["grounds"] = json!(["syk"])),
            Problem("grounds"),
        ),
        (
            "attachments as one string",
            with(|v| v["attachments"] = json!("Vedtaket")),
            Problem("liste"),
        ),
        (
            "postponement as ja",
            with(|v| v["requests"] = json!({"postponement": "ja"})),
            Problem("true eller false"),
        ),
        (
            "late without a reason",
            with(|v| v["letter_date"] = json!("2026-12-20")),
            Problem("late_reason"),
        ),
        (
            "route unknown",
            with(|v| v["decision"]["route"] = json!("fylket")),
            Problem("statsforvalteren eller klageinstans"),
        ),
        (
            "10,000 attachments",
            with(|v| v["attachments"] = json!(vec!["Vedlegg"; 10_000])),
            Complete,
        ),
        (
            "100 KB ground",
            with(|v| v["grounds"]["other"] = json!("ord ".repeat(25_000))),
            Complete,
        ),
        (
            "every Unicode plane",
            with(|v| {
                v["grounds"]["other"] = json!("æøå ÆØÅ é § « » – € ŋ 漢字 🙂 𝔘 \u{10FFFD} \u{200B}")
            }),
            Complete,
        ),
        (
            "a 300-character word",
            with(|v| v["grounds"]["other"] = json!("x".repeat(300))),
            Complete,
        ),
    ]
}

#[test]
fn named_bad_case_files() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut failures = Vec::new();
    let rows = case_file_rows();
    for (i, (name, bytes, expect)) in rows.iter().enumerate() {
        let path = dir.path().join(format!("{i}.json"));
        std::fs::write(&path, bytes).expect("write");
        let out = cmd().arg("check").arg(&path).output().expect("run");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let ok = match expect {
            Expect::Problem(msg) => out.status.code() == Some(1) && text.contains(msg),
            Expect::Complete => out.status.success() && text.contains("Saken er komplett"),
        };
        if !ok || text.contains("panicked") {
            failures.push(format!("{name}: exit {:?}\n{text}", out.status.code()));
        }
        // Nothing was lost: check never changes the file.
        assert_eq!(
            &std::fs::read(&path).expect("read"),
            bytes,
            "{name}: the file was changed"
        );
    }
    assert!(rows.len() >= 50, "the list must keep at least 50 rows");
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n---\n")
    );
}

#[test]
fn named_bad_arguments_and_paths() {
    let case = "tests/cases/minimal-bpa.json";
    let dir = tempfile::tempdir().expect("tmp");
    let existing = dir.path().join("finnes.txt");
    std::fs::write(&existing, "gammelt brev").expect("write");
    let rows: Vec<(&str, Vec<String>, i32, &str)> = vec![
        (
            "unknown format",
            vec![
                "render".into(),
                case.into(),
                "--format".into(),
                "docx".into(),
            ],
            2,
            "docx",
        ),
        (
            "unknown letter",
            vec![
                "render".into(),
                case.into(),
                "--letter".into(),
                "takk".into(),
            ],
            2,
            "takk",
        ),
        (
            // "i går" is a date now; this is not.
            "date in words",
            vec!["deadline".into(), "--received".into(), "forrige uke".into()],
            2,
            "ikke en dato programmet forstår",
        ),
        (
            "year 20260",
            vec!["deadline".into(), "--received".into(), "20260-01-01".into()],
            2,
            "ikke en dato programmet forstår",
        ),
        (
            "unknown service for a deadline",
            vec![
                "deadline".into(),
                "--received".into(),
                "2026-11-05".into(),
                "--service".into(),
                "x".into(),
            ],
            1,
            "er ikke en tjeneste",
        ),
        (
            "case file that does not exist",
            vec!["check".into(), "finnes-ikke.json".into()],
            1,
            "finnes ikke",
        ),
        (
            "case file that is a folder",
            vec!["check".into(), "tests".into()],
            1,
            "Kunne ikke lese",
        ),
        (
            "out into a missing folder",
            vec![
                "render".into(),
                case.into(),
                "--out".into(),
                "/finnes/ikke/klage.txt".into(),
            ],
            1,
            "Kunne ikke skrive",
        ),
        (
            "out under a file",
            vec![
                "render".into(),
                case.into(),
                "--out".into(),
                format!("{}/klage.txt", existing.display()),
            ],
            1,
            "Kunne ikke skrive",
        ),
        (
            "out onto an existing file",
            vec![
                "render".into(),
                case.into(),
                "--out".into(),
                existing.display().to_string(),
            ],
            1,
            "finnes allerede",
        ),
        (
            "out into a read-only file system",
            vec![
                "render".into(),
                case.into(),
                "--out".into(),
                "/proc/klage.txt".into(),
            ],
            1,
            "Kunne ikke skrive",
        ),
        (
            "example for an unknown service",
            vec!["example".into(), "--service".into(), "x".into()],
            1,
            "er ikke en tjeneste",
        ),
        (
            "no such case id",
            vec!["cases".into(), "show".into(), "999".into()],
            1,
            "Fant ingen sak",
        ),
        ("no such subcommand", vec!["klag".into()], 2, "klag"),
    ];
    let mut failures = Vec::new();
    for (name, args, code, msg) in &rows {
        let out = common::cmd_in(dir.path()).args(args).output().expect("run");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.code() != Some(*code) || !text.contains(msg) || text.contains("panicked") {
            failures.push(format!("{name}: exit {:?}\n{text}", out.status.code()));
        }
    }
    assert_eq!(
        std::fs::read_to_string(&existing).expect("read"),
        "gammelt brev",
        "the existing file is untouched"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

/// A full disk, made with a tiny tmpfs. Needs the right to mount (root, as on CI); elsewhere it
/// says so and checks nothing.
#[test]
fn a_full_disk_is_a_clear_message_and_leaves_no_half_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let mnt = dir.path().join("tiny");
    std::fs::create_dir(&mnt).expect("dir");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(&mnt)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("SKIPPED: cannot mount a tmpfs here (needs root)");
        return;
    }
    // Fill it.
    let _ = std::fs::write(mnt.join("fyll"), vec![0u8; 64 * 1024]);
    let out = cmd()
        .args(["render", "tests/cases/minimal-bpa.json", "--out"])
        .arg(mnt.join("klage.txt"))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    let left: Vec<_> = std::fs::read_dir(&mnt)
        .expect("read")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    let _ = std::process::Command::new("umount").arg(&mnt).status();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("disken er full"), "{err}");
    assert_eq!(left.len(), 1, "only the filler file is left: {left:?}");
}
