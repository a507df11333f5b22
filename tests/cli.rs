//! The real binary: every command, and every kind of bad input the core must meet with a clear
//! message in plain Norwegian (never a panic).

mod common;

use common::cmd;
use predicates::prelude::*;
use predicates::str::contains;

/// Standard output with line breaks folded into spaces (the output is wrapped at 80 columns).
fn flat_stdout(args: &[&str]) -> String {
    let out = cmd().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- check ----

#[test]
fn check_accepts_a_complete_case() {
    cmd()
        .args(["check", "tests/cases/minimal-bpa.json"])
        .assert()
        .success()
        .stdout(contains("Saken er komplett"));
}

#[test]
fn example_output_is_a_complete_case_for_every_service() {
    for s in omsorgsklage::domain::service::CATALOGUE {
        let out = cmd()
            .args(["example", "--service", s.id])
            .output()
            .expect("run");
        assert!(out.status.success());
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("case.json");
        std::fs::write(&path, &out.stdout).expect("write");
        cmd()
            .arg("check")
            .arg(&path)
            .assert()
            .success()
            .stdout(contains("Saken er komplett"));
    }
}

// ---- bad input: one table ----

/// Where the message must be.
#[derive(Debug)]
enum Says {
    Stdout(&'static [&'static str]),
    Stderr(&'static [&'static str]),
    /// On standard error, and nothing at all on standard output.
    OnlyStderr(&'static [&'static str]),
}

/// Bad input, the exit code it gets and the words of its message. The list is the contract: add
/// a row when a new way to go wrong is found. (Inputs that need a file made first have their own
/// tests below; the case-file edge cases are in tests/robustness.rs.)
const BAD_INPUT: &[(&str, &[&str], i32, Says)] = {
    use Says::*;
    &[
        (
            "not JSON says where",
            &["check", "tests/bad/not-json.json"],
            1,
            Stderr(&["ikke gyldig JSON", "linje 3"]),
        ),
        (
            "not UTF-8 says where",
            &["check", "tests/bad/not-utf8.json"],
            1,
            Stderr(&["ikke lagret som UTF-8", "linje 1"]),
        ),
        (
            "every unknown field is named with a suggestion",
            &["check", "tests/bad/unknown-fields.json"],
            1,
            Stderr(&[
                "decision.recieved: ukjent felt. Mente du «decision.received»?",
                "applicant.postnummer: ukjent felt",
            ]),
        ),
        (
            "impossible dates are named",
            &["check", "tests/bad/impossible-dates.json"],
            1,
            Stdout(&[
                "decision.date: «2026-02-30» er ikke en gyldig dato",
                "decision.received: «2026-13-01» er ikke en gyldig dato",
            ]),
        ),
        (
            "received before the decision is caught",
            &["check", "tests/bad/received-before-decision.json"],
            1,
            Stdout(&["decision.received: datoen du fikk vedtaket er før datoen på vedtaket"]),
        ),
        (
            "a postcode must have four digits",
            &["check", "tests/bad/bad-postcode.json"],
            1,
            Stdout(&["applicant.postcode: «135» er ikke et postnummer"]),
        ),
        (
            "the interface can be English",
            &["--lang", "en", "check", "tests/bad/bad-postcode.json"],
            1,
            Stdout(&["applicant.postcode"]),
        ),
        (
            "control characters are rejected naming the field",
            &["check", "tests/bad/control-character.json"],
            1,
            Stdout(&["grounds.other: inneholder et usynlig kontrolltegn"]),
        ),
        (
            "every missing answer is listed at once",
            &["check", "tests/bad/missing-everything.json"],
            1,
            Stdout(&[
                "service: mangler",
                "situation: mangler",
                "municipality: mangler",
                "applicant: mangler",
                "decision: mangler",
                "grounds: skriv minst én grunn",
            ]),
        ),
        (
            // Issue #25, 4: the file's name is only a suggestion for the title.
            "a file attachment without a title gets the file's name as a suggestion",
            &["check", "tests/bad/attachment-without-title.json"],
            1,
            Stdout(&[
                "attachments[1].title: mangler",
                "for eksempel «Vedtak foto»",
            ]),
        ),
        (
            // Issue #25, 1: a mother chose "helper" for her 12-year-old.
            "a child under 18 with a helper is an error on the role",
            &["check", "tests/bad/child-12-helper.json"],
            1,
            Stdout(&[
                "representative.role: den vedtaket gjelder, er 12 år",
                "forelder, en verge eller en advokat",
            ]),
        ),
        (
            "a child under 18 with nobody writing for them is an error on the representative",
            &["check", "tests/bad/child-12-alone.json"],
            1,
            Stdout(&[
                "representative: den vedtaket gjelder, er 12 år. Et barn under 18 år kan ikke klage alene",
            ]),
        ),
        (
            "a child's complaint is not rendered",
            &["render", "tests/bad/child-12-helper.json"],
            1,
            OnlyStderr(&["representative.role"]),
        ),
        (
            "a carer's own complaint about home nursing is an error",
            &["check", "tests/bad/carer-other-service.json"],
            1,
            Stdout(&["complainant_is_carer: bare for avlastning, omsorgsstønad og opplæring"]),
        ),
        (
            "the person cared for as the complaining carer is an error",
            &[
                "--lang",
                "nn",
                "check",
                "tests/bad/carer-cares-for-self.json",
            ],
            1,
            Stdout(&["cared_for.name: er den same personen som den klaga gjeld"]),
        ),
        (
            // Received 12 Nov 2026 + 4 weeks = Thursday 10 Dec 2026; the letter is dated 20 Dec.
            "a late complaint needs a reason",
            &["check", "tests/bad/late-without-reason.json"],
            1,
            Stdout(&["late_reason: klagefristen gikk ut 10. desember 2026"]),
        ),
        (
            "a wrong type names the field and the type wanted",
            &["check", "tests/bad/wrong-type.json"],
            1,
            Stderr(&[
                "applicant.postcode: feil type verdi. Her skal det stå tekst i anførselstegn",
            ]),
        ),
        (
            "a newer format is named",
            &["check", "tests/bad/newer-format.json"],
            1,
            Stdout(&["nyere versjon av programmet"]),
        ),
        (
            "an ambiguous municipality gets suggestions",
            &["check", "tests/bad/ambiguous-municipality.json"],
            1,
            Stdout(&["flere kommuner heter «Herøy»", "1515", "1818"]),
        ),
        (
            "a misspelt municipality gets a suggestion",
            &["check", "tests/bad/misspelt-municipality.json"],
            1,
            Stdout(&["Mente du Tromsø"]),
        ),
        (
            "an unknown service gets a suggestion",
            &["check", "tests/bad/unknown-service.json"],
            1,
            Stdout(&["Mente du «hjemmesykepleie»?"]),
        ),
        (
            "a missing file is a clear message",
            &["check", "tests/bad/does-not-exist.json"],
            1,
            Stderr(&["Kunne ikke lese", "finnes ikke"]),
        ),
        (
            "render of an incomplete case prints the problems, no letter",
            &["render", "tests/bad/bad-postcode.json"],
            1,
            OnlyStderr(&["applicant.postcode", "Brevet kan ikke skrives"]),
        ),
        (
            "render to a folder that does not exist fails clearly",
            &[
                "render",
                "tests/cases/minimal-bpa.json",
                "--out",
                "/nonexistent-dir/klage.txt",
            ],
            1,
            Stderr(&["Kunne ikke skrive"]),
        ),
        (
            "a date that does not exist says why",
            &["deadline", "--received", "31.02.2026"],
            2,
            Stderr(&["Februar 2026 har bare 28 dager"]),
        ),
        (
            "words that are not a date say how to write one",
            &["deadline", "--received", "i morgen tidlig"],
            2,
            Stderr(&["ikke en dato programmet forstår", "05.11.2026"]),
        ),
        (
            "a date that does not exist, in English",
            &["--lang", "en", "deadline", "--received", "2026-02-29"],
            2,
            Stderr(&["February 2026 has only 28 days"]),
        ),
        (
            "a --today that does not exist",
            &["--today", "31.04.2026", "services"],
            2,
            Stderr(&["April 2026 har bare 30 dager"]),
        ),
        (
            "no municipality by that name",
            &["kommuner", "atlantis"],
            1,
            Stdout(&["Fant ingen kommune"]),
        ),
    ]
};

#[test]
fn bad_input_exits_with_a_clear_message() {
    let mut failures = Vec::new();
    for (name, args, code, says) in BAD_INPUT {
        let out = cmd().args(*args).output().expect("run");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let (text, words) = match says {
            Says::Stdout(words) => (&stdout, words),
            Says::Stderr(words) | Says::OnlyStderr(words) => (&stderr, words),
        };
        let missing: Vec<_> = words.iter().filter(|w| !text.contains(**w)).collect();
        let stray_stdout = matches!(says, Says::OnlyStderr(_)) && !stdout.is_empty();
        if out.status.code() != Some(*code) || !missing.is_empty() || stray_stdout {
            failures.push(format!(
                "{name} ({args:?}): exit {:?}, wanted {code}; missing {missing:?}; \
                 stdout:\n{stdout}\nstderr:\n{stderr}",
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

#[test]
fn a_file_over_one_megabyte_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("big.json");
    let big = format!(
        "{{\"format\": \"omsorgsklage/1\", \"outcome\": \"{}\"}}",
        "a".repeat(1_100_000)
    );
    std::fs::write(&path, big).expect("write");
    cmd()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains("Filen er for stor"));
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_without_reading_them() {
    // `/dev/zero` never ends and a pipe waits for a writer: both are refused at once.
    cmd()
        .args(["check", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(contains("ikke en vanlig fil"));
    let dir = tempfile::tempdir().expect("tmp");
    let fifo = dir.path().join("sak.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    for sub in ["check", "render"] {
        cmd()
            .arg(sub)
            .arg(&fifo)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(contains("ikke en vanlig fil"));
    }
    let data = tempfile::tempdir().expect("data");
    cmd()
        .env("OMSORGSKLAGE_DATA", data.path())
        .args(["cases", "import"])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(contains("ikke en vanlig fil"));
}

#[cfg(unix)]
#[test]
fn out_never_replaces_what_is_not_a_regular_file() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tmp");
    let fifo = dir.path().join("brev.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    cmd()
        .args([
            "render",
            "tests/cases/minimal-bpa.json",
            "--format",
            "txt",
            "--force",
        ])
        .arg("--out")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(contains("ikke en vanlig fil"));
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the pipe was not replaced by a file");
}

#[test]
fn case_strings_cannot_send_escape_sequences_to_the_terminal() {
    let data = tempfile::tempdir().expect("data");
    let dir = tempfile::tempdir().expect("tmp");
    let mut raw = common::case_json("minimal-bpa.json");
    // Retitle the terminal, clear it, and turn the name around.
    raw["applicant"]["name"] = "Per\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}nesnaH".into();
    let path = common::write_json(dir.path(), "sak.json", &raw);
    let run = |args: &[&str]| {
        let out = common::cmd_in(data.path())
            .args(args)
            .output()
            .expect("run");
        let mut all = out.stdout.clone();
        all.extend(&out.stderr);
        String::from_utf8(all).expect("utf-8")
    };
    // Import keeps its warning.
    let imported = run(&["cases", "import", path.to_str().expect("path")]);
    assert!(imported.contains("kontrolltegn"), "{imported}");
    let listed = run(&["cases", "list"]);
    let id = listed
        .split_whitespace()
        .find(|w| w.starts_with("20"))
        .expect("id")
        .to_string();
    let shown = run(&["cases", "show", &id]);
    for out in [&imported, &listed, &shown] {
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(!out.contains('\u{202e}'), "{out:?}");
    }
    assert!(
        listed.contains("Per␛]0;pwned␇␛[2J⟨U+202E⟩nesnaH"),
        "{listed}"
    );
    assert!(shown.contains("Per␛]0;pwned"), "{shown}");
}

// ---- render ----

#[test]
fn render_writes_the_letter_to_stdout() {
    cmd()
        .args(["render", "tests/cases/minimal-bpa.json"])
        .assert()
        .success()
        .stdout(
            contains("Klage på vedtak om brukerstyrt personlig assistanse (BPA)")
                .and(contains("Bærum kommune")),
        );
}

#[test]
fn render_lang_nn_overrides_the_case_file() {
    cmd()
        .args(["render", "tests/cases/minimal-bpa.json", "--lang", "nn"])
        .assert()
        .success()
        .stdout(contains("Med venleg helsing").and(contains(
            "Statsforvaltaren i Østfold, Buskerud, Oslo og Akershus",
        )));
}

#[test]
fn render_out_refuses_to_overwrite_unless_forced() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("klage.txt");
    std::fs::write(&out, "viktig").expect("write");
    cmd()
        .args(["render", "tests/cases/minimal-bpa.json", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("finnes allerede").and(contains("--force")));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "viktig",
        "the old file is untouched"
    );
    cmd()
        .args(["render", "tests/cases/minimal-bpa.json", "--force", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .contains("Klage på vedtak")
    );
}

#[cfg(unix)]
#[test]
fn letters_written_to_disk_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("klage.txt");
    cmd()
        .args(["render", "tests/cases/minimal-bpa.json", "--out"])
        .arg(&out)
        .assert()
        .success();
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

// ---- services, deadline, kommuner ----

#[test]
fn services_lists_every_service_with_its_legal_basis() {
    cmd().arg("services").assert().success().stdout(
        contains("hjemmesykepleie")
            .and(contains("hol § 3-2 første ledd nr. 6 bokstav a"))
            .and(contains("avlastning"))
            .and(contains("hol § 3-6 første ledd nr. 2 og pbrl § 2-8"))
            .and(contains("omsorgsbolig"))
            .and(contains("innen tre uker")),
    );
}

#[test]
fn services_json_is_machine_readable() {
    let out = cmd().args(["services", "--json"]).output().expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), omsorgsklage::domain::service::CATALOGUE.len());
    let omsorgsbolig = list
        .iter()
        .find(|s| s["id"] == "omsorgsbolig")
        .expect("omsorgsbolig");
    assert_eq!(omsorgsbolig["route"], "klagenemnd");
}

#[test]
fn deadline_for_a_care_service_is_four_weeks() {
    let out = flat_stdout(&[
        "deadline",
        "--received",
        "2026-11-05",
        "--service",
        "hjemmesykepleie",
    ]);
    assert!(
        out.contains("Siste dag å klage: torsdag 3. desember 2026"),
        "{out}"
    );
    assert!(out.contains(
        "Regel: fire uker etter at du fikk vedtaket (pasient- og brukerrettighetsloven § 7-5)"
    ));
    assert!(out.contains("Det er 13 dager igjen."));
}

#[test]
fn deadline_for_omsorgsbolig_is_three_weeks() {
    cmd()
        .args([
            "deadline",
            "--received",
            "05.11.2026",
            "--service",
            "omsorgsbolig",
        ])
        .assert()
        .success()
        .stdout(contains("torsdag 26. november 2026").and(contains("forvaltningsloven § 29")));
}

#[test]
fn deadline_moved_over_easter_explains_why_and_the_safe_day() {
    // 5 March 2026 + 4 weeks = Thursday 2 April 2026, skjærtorsdag → Tuesday 7 April.
    let out = flat_stdout(&[
        "deadline",
        "--received",
        "2026-03-05",
        "--today",
        "2026-03-10",
    ]);
    assert!(
        out.contains("Siste dag å klage: tirsdag 7. april 2026"),
        "{out}"
    );
    assert!(
        out.contains("Den dagen er skjærtorsdag, en helligdag."),
        "{out}"
    );
    // The safe day is the last working day on or before the unrolled date (FACTS.md §1): the
    // unrolled Thursday 2 April is skjærtorsdag, so Wednesday 1 April.
    assert!(out.contains("send klagen senest 1. april 2026"), "{out}");
}

#[test]
fn a_moved_deadline_on_route_b_names_fvl_30() {
    // Three weeks from Thursday 12 March 2026 is skjærtorsdag 2 April: the deadline moves.
    let b = flat_stdout(&[
        "--today",
        "2026-03-13",
        "deadline",
        "--received",
        "2026-03-12",
        "--service",
        "omsorgsbolig",
    ]);
    assert!(b.contains("Det følger av forvaltningsloven § 30."), "{b}");
    // Route A: the move holds through pbrl § 7-7, which is not cited for it.
    let a = flat_stdout(&[
        "--today",
        "2026-03-06",
        "deadline",
        "--received",
        "2026-03-05",
    ]);
    assert!(a.contains("Da går fristen til neste virkedag"), "{a}");
    assert!(!a.contains("Det følger av"), "{a}");
}

#[test]
fn deadline_passed_says_what_a_late_complaint_needs() {
    let out = flat_stdout(&["deadline", "--received", "2026-09-01"]);
    assert!(out.contains("Fristen gikk ut for"), "{out}");
    assert!(
        out.contains("kan bare bli behandlet hvis du ikke kan lastes for at den er sen, eller hvis det er særlige grunner"),
        "{out}"
    );
    assert!(!out.contains("likevel klage"), "{out}");
}

/// The one-year limit (fvl § 31 tredje ledd), the same words in every command.
const ONE_YEAR: [&str; 5] = [
    "Det har gått mer enn ett år siden vedtaket ble gjort. Da kan klagen ikke lenger tas under behandling (forvaltningsloven § 31 tredje ledd).",
    "Søk på nytt, og skriv hvilken hjelp du trenger i dag.",
    "be kommunen om å endre vedtaket selv (forvaltningsloven § 35)",
    "Pasient- og brukerombudet hjelper deg gratis, telefon 40 50 16 00.",
    "Programmet skriver derfor ikke klagen.",
];

fn has_one_year(out: &str) -> bool {
    let lower = out.to_lowercase();
    ONE_YEAR.iter().all(|w| lower.contains(&w.to_lowercase()))
}

#[test]
fn more_than_a_year_after_the_decision_no_complaint_is_written() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut raw = common::case_json("late-with-reason.json");
    raw["decision"]["date"] = "2025-10-01".into();
    raw["decision"]["received"] = "2025-10-06".into();
    let path = common::write_json(dir.path(), "old.json", &raw);
    let path = path.to_str().expect("path");
    for args in [vec!["check", path], vec!["render", path]] {
        let out = cmd().args(&args).output().expect("run");
        assert!(!out.status.success(), "{args:?}");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(has_one_year(&flat), "{args:?}: {flat}");
        assert!(!flat.contains("likevel klage"), "{args:?}: {flat}");
        assert!(
            out.stdout.is_empty() || args[0] == "check",
            "no letter: {flat}"
        );
        assert!(!flat.contains("Med vennlig hilsen"), "{args:?}: {flat}");
    }
    // Exactly one year after the decision it can still be considered (a late complaint).
    raw["letter_date"] = "2026-10-01".into();
    let path = common::write_json(dir.path(), "year.json", &raw);
    cmd()
        .args(["render", path.to_str().expect("path")])
        .assert()
        .success()
        .stdout(contains("Klagen kommer etter fristen"));
    // `deadline` knows only the received date: more than a year after it, the same message.
    let out = flat_stdout(&["deadline", "--received", "2025-11-05"]);
    assert!(has_one_year(&out), "{out}");
    assert!(!out.contains("kan bare bli behandlet"), "{out}");
}

#[test]
fn date_options_are_read_as_people_write_them() {
    // --today 20 November 2026 (from cmd()); "5. nov" is 5 November 2026.
    for received in [
        "5. nov",
        "5.11",
        "05.11.26",
        "5/11/2026",
        "5. november 2026",
    ] {
        let out = flat_stdout(&["deadline", "--received", received]);
        assert!(
            out.contains("Siste dag å klage: torsdag 3. desember 2026"),
            "{received}: {out}"
        );
    }
    // --today itself, and a year-less --received read against it.
    let out = flat_stdout(&["deadline", "--today", "10. mars 2026", "--received", "5.3"]);
    assert!(out.contains("tirsdag 7. april 2026"), "{out}");
    let out = flat_stdout(&["deadline", "--today", "i dag", "--received", "i dag"]);
    assert!(out.contains("Siste dag å klage"), "{out}");
    // A date that does not exist: see `bad_input_exits_with_a_clear_message`.
}

#[test]
fn kommuner_search_finds_double_names_and_the_office() {
    cmd()
        .args(["kommuner", "tråante"])
        .assert()
        .success()
        .stdout(contains("5001").and(contains("Statsforvalteren i Trøndelag")));
    // A name no municipality has: see `bad_input_exits_with_a_clear_message`.
}

#[test]
fn kommuner_suggests_through_typos_and_missing_aeoa_and_shows_the_county() {
    for (typed, name) in [
        ("Bærun", "Bærum"),
        ("Tromso", "Tromsø"),
        ("Baerum", "Bærum"),
        ("Kristiansnad", "Kristiansand"),
        ("Alesund", "Ålesund"),
    ] {
        let out = cmd().args(["kommuner", typed]).output().expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        let first = text
            .lines()
            .find(|l| l.as_bytes().first().is_some_and(u8::is_ascii_digit))
            .unwrap_or_default();
        assert!(first.contains(name), "{typed}: {text}");
    }
    cmd()
        .args(["kommuner", "Bærun"])
        .assert()
        .stdout(contains("Ingen kommune heter «Bærun». Mente du:"));
    cmd()
        .args(["kommuner", "Tromsø"])
        .assert()
        .success()
        .stdout(contains("5501  Tromsø").and(contains("Troms ")));
}

#[test]
fn check_questions_an_odd_phone_number_or_email_naming_the_field() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = common::case_json("representative-without-fullmakt.json");
    v["applicant"]["phone"] = "1234".into();
    v["applicant"]["email"] = "ola@example".into();
    v["representative"]["phone"] = "+47 912 34".into();
    v["representative"]["email"] = "kari.example.no".into();
    let path = common::write_json(dir.path(), "case.json", &v);
    let out = cmd()
        .args(["check", path.to_str().expect("path")])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("applicant.phone"), "{text}");
    assert!(
        text.contains("«1234» ser ikke ut som et telefonnummer"),
        "{text}"
    );
    assert!(text.contains("applicant.email"), "{text}");
    assert!(
        text.contains("«ola@example» ser ikke ut som en e-postadresse"),
        "{text}"
    );
    assert!(text.contains("representative.phone"), "{text}");
    assert!(text.contains("representative.email"), "{text}");
    // Warnings only: a foreign number may be right, so the letter can still be written.
    assert!(!text.contains("må rettes"), "{text}");
    v["applicant"]["phone"] = "+46 70 123 45 67".into();
    v["applicant"]["email"] = "ola@example.se".into();
    v["representative"]["phone"] = "912 34 567".into();
    v["representative"]["email"] = "kari@example.no".into();
    common::write_json(dir.path(), "case.json", &v);
    let out = cmd()
        .args(["check", path.to_str().expect("path")])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("ser ikke ut som"), "{text}");
}

#[test]
fn help_is_in_the_interface_language() {
    for (lang, words) in [
        ("nb", ["Bruk:", "Kommandoer", "Sjekk en saksfil"]),
        ("nn", ["Bruk:", "Kommandoar", "Sjekk ei saksfil"]),
        ("en", ["Usage:", "Commands", "Check a case file"]),
    ] {
        let out = cmd()
            .args(["--lang", lang, "--help"])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        for w in words {
            assert!(text.contains(w), "{lang}: missing {w} in\n{text}");
        }
        for sub in [
            "render", "check", "services", "deadline", "example", "kommuner", "cases",
        ] {
            let out = cmd()
                .args(["--lang", lang, sub, "--help"])
                .output()
                .expect("run");
            assert!(out.status.success(), "{lang} {sub} --help failed");
        }
    }
    let out = cmd()
        .env("LANG", "en_GB.UTF-8")
        .args(["render", "--help"])
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Write the letter from a case file"),
        "LANG picks the language"
    );
}

#[test]
fn render_pdf_writes_a_small_real_pdf() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("klage.pdf");
    cmd()
        .args([
            "render",
            "docs/examples/sak-hjemmesykepleie.json",
            "--format",
            "pdf",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success()
        .stderr(contains("Brevet er lagret i"));
    let bytes = std::fs::read(&out).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.len() <= 40_000,
        "two-page letter is {} bytes",
        bytes.len()
    );
}

#[test]
fn render_both_writes_text_and_pdf_side_by_side_and_never_half() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = dir.path().join("klage");
    cmd()
        .args([
            "render",
            "tests/cases/minimal-bpa.json",
            "--format",
            "both",
            "--out",
        ])
        .arg(&base)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(base.with_extension("txt"))
            .expect("txt")
            .contains("Bærum kommune")
    );
    assert!(
        std::fs::read(base.with_extension("pdf"))
            .expect("pdf")
            .starts_with(b"%PDF-")
    );
    // The text file exists now: a second run refuses before writing either file.
    std::fs::remove_file(base.with_extension("pdf")).expect("rm");
    cmd()
        .args([
            "render",
            "tests/cases/minimal-bpa.json",
            "--format",
            "both",
            "--out",
        ])
        .arg(&base)
        .assert()
        .code(1);
    assert!(!base.with_extension("pdf").exists(), "nothing half-written");
}

#[test]
fn a_character_the_font_lacks_is_reported_not_lost() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut case = common::case_json("minimal-bpa.json");
    case["grounds"]["other"] = serde_json::json!("Jeg er lei meg 🙂 og trenger hjelp.");
    let path = common::write_json(dir.path(), "sak.json", &case);
    cmd()
        .args(["render", "--format", "pdf", "--out"])
        .arg(dir.path().join("k.pdf"))
        .arg(&path)
        .assert()
        .success()
        .stderr(contains("skrifttypen mangler").and(contains("U+1F642")));
}

// ---- law ----

#[test]
fn law_lists_every_citation_with_its_validity_the_verified_date_and_the_lovdata_ids() {
    let out = flat_stdout(&["law"]);
    for want in [
        "Kontrollert mot kildene 3. desember 2026.",
        "pasient- og brukerrettighetsloven § 2-1 a andre ledd rett til nødvendige helse- og omsorgstjenester gjelder til og med 31. mai 2024",
        "pasient- og brukerrettighetsloven § 2-1 andre ledd rett til nødvendige helse- og omsorgstjenester gjelder fra 1. juni 2024",
        "forvaltningsloven § 63 (ny forvaltningslov, LOV-2025-06-20-81) klagefrist tre uker (vei B) ikke i kraft ennå; ingen startdato er fastsatt.",
        "ny forvaltningslov, LOV-2025-06-20-81: ikke i kraft ennå",
        "gjelder i dag; ingen start- eller sluttdato i tabellen",
        "pasient- og brukerrettighetsloven (LOV-1999-07-02-63)",
        "helse- og omsorgstjenesteloven (LOV-2011-06-24-30)",
        "forvaltningsloven (LOV-1967-02-10)",
    ] {
        assert!(out.contains(want), "missing {want:?} in {out}");
    }
    assert!(!out.contains("sist kontrollert"), "fresh table: no notice");
    // JSON: every row of the table, with act, section, use and validity.
    let out = cmd().args(["law", "--json"]).output().expect("run");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["verified_on"], "2026-12-03");
    let rows = v["citations"].as_array().expect("list");
    assert_eq!(rows.len(), omsorgsklage::domain::law::TABLE.len());
    let right: Vec<_> = rows
        .iter()
        .filter(|r| r["key"] == "right-to-services")
        .collect();
    assert_eq!(right.len(), 2);
    for r in &right {
        assert_eq!(r["act"], "pbrl");
        assert_eq!(r["lovdata"], "LOV-1999-07-02-63");
        assert_eq!(r["in_force"], true);
    }
    assert_eq!(right[0]["section"], "§ 2-1 a andre ledd");
    assert!(right[0]["valid_from"].is_null() && right[0]["valid_to"] == "2024-05-31");
    assert_eq!(right[1]["section"], "§ 2-1 andre ledd");
    assert!(right[1]["valid_from"] == "2024-06-01" && right[1]["valid_to"].is_null());
    // The new forvaltningsloven: listed, not in force, no start date.
    let new: Vec<_> = rows
        .iter()
        .filter(|r| r["lovdata"] == "LOV-2025-06-20-81")
        .collect();
    assert!(new.len() >= 15, "{}", new.len());
    for r in new {
        assert_eq!(r["in_force"], false);
        assert!(r["valid_from"].is_null(), "{r}");
    }
    assert_eq!(v["acts"].as_array().expect("acts").len(), 5);
}

#[test]
fn an_old_law_table_is_flagged_by_check_render_and_law() {
    let case = "tests/cases/minimal-bpa.json";
    for args in [vec!["check", case], vec!["render", case], vec!["law"]] {
        let out = cmd()
            .args(["--today", "2027-12-04"])
            .args(&args)
            .output()
            .expect("run");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("lovhenvisningene ble sist kontrollert 3. desember 2026, for mer enn tolv måneder siden"),
            "{args:?}: {flat}"
        );
    }
    // Within twelve months: nothing.
    let out = cmd().args(["check", case]).output().expect("run");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("sist kontrollert"));
}

#[test]
fn cases_list_shows_the_nearest_deadline_first_like_the_start_screen() {
    let data = tempfile::tempdir().expect("data");
    let dir = tempfile::tempdir().expect("tmp");
    let import = |name: &str, received: &str| {
        let mut raw = common::case_json("minimal-bpa.json");
        raw["applicant"]["name"] = name.into();
        raw["decision"]["received"] = received.into();
        let path = common::write_json(dir.path(), &format!("{received}.json"), &raw);
        let out = common::cmd_in(data.path())
            .args(["cases", "import", path.to_str().expect("path")])
            .output()
            .expect("run");
        assert!(out.status.success(), "{out:?}");
    };
    import("Ola Tidlig", "2026-11-01");
    import("Kari Sein", "2026-11-20");
    // The case with the nearest deadline was changed longest ago: the order is not the order
    // of the files.
    let cases = data.path().join("cases");
    for e in std::fs::read_dir(&cases).expect("cases") {
        let path = e.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let age = if text.contains("Ola Tidlig") {
            86_400
        } else {
            0
        };
        let when = std::time::SystemTime::now() - std::time::Duration::from_secs(age);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(when))
            .expect("mtime");
    }
    let out = common::cmd_in(data.path())
        .args(["cases", "list"])
        .output()
        .expect("run");
    let listed = String::from_utf8(out.stdout).expect("utf-8");
    let ola = listed.find("Ola Tidlig").expect("Ola listed");
    let kari = listed.find("Kari Sein").expect("Kari listed");
    assert!(ola < kari, "{listed}");
}

#[test]
fn render_out_with_one_format_writes_exactly_that_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let txt = dir.path().join("brev.out");
    cmd()
        .args([
            "render",
            "tests/cases/minimal-bpa.json",
            "--format",
            "txt",
            "--out",
        ])
        .arg(&txt)
        .assert()
        .success();
    let text = std::fs::read_to_string(&txt).expect("exactly brev.out");
    assert!(text.contains("Klage på vedtak"), "{text}");
    assert!(!dir.path().join("brev.out.txt").exists());
    let pdf = dir.path().join("klage.dokument");
    cmd()
        .args([
            "render",
            "tests/cases/minimal-bpa.json",
            "--format",
            "pdf",
            "--out",
        ])
        .arg(&pdf)
        .assert()
        .success();
    assert!(
        std::fs::read(&pdf)
            .expect("exactly klage.dokument")
            .starts_with(b"%PDF")
    );
    assert!(!dir.path().join("klage.dokument.pdf").exists());
    // Both: the name less its extension is the stem of the two files, as before.
    cmd()
        .args([
            "render",
            "tests/cases/minimal-bpa.json",
            "--format",
            "both",
            "--out",
        ])
        .arg(dir.path().join("begge.pdf"))
        .assert()
        .success();
    assert!(dir.path().join("begge.txt").is_file());
    assert!(dir.path().join("begge.pdf").is_file());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["begge.pdf", "begge.txt", "brev.out", "klage.dokument"]
    );
}
