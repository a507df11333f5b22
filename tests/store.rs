//! Drafts: atomic saves (also when the process is killed mid-save), owner-only permissions,
//! damaged drafts left in place, two processes on one case, and the `cases` commands.

mod common;

use std::path::Path;
use std::process::Command as Proc;
use std::time::Duration;

use common::cmd_in as cmd;
use omsorgsklage::domain::case::{self, RawCase};
use omsorgsklage::store::{Store, StoreError};
use predicates::prelude::*;
use predicates::str::contains;

fn sample() -> RawCase {
    common::raw_from_file(Path::new("tests/cases/minimal-bpa.json"))
}

#[test]
fn a_saved_draft_reads_back_equal() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    let mut d = store.create().expect("create");
    d.save(&sample()).expect("save");
    assert_eq!(store.load(&d.id).expect("load"), sample());
}

#[cfg(unix)]
#[test]
fn drafts_and_their_folders_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    let store = Store::new(&data);
    let mut d = store.create().expect("create");
    d.save(&sample()).expect("save");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(d.path()), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&data), 0o700);
}

#[test]
fn a_crash_between_write_and_rename_leaves_the_old_draft() {
    // What a crash after writing the temporary file but before the rename leaves behind: the old
    // draft, intact, and a stray temporary file, which is not listed as a case.
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    let mut d = store.create().expect("create");
    d.save(&sample()).expect("save");
    let tmp = store.dir().join(format!(".{}.json.99999.1.tmp", d.id));
    std::fs::write(&tmp, b"{\"format\": \"omsorgsklage/1\", \"serv").expect("half a temp file");
    let listing = store.list().expect("list");
    assert_eq!(listing.cases.len(), 1);
    assert!(listing.damaged.is_empty(), "a temp file is not a draft");
    assert_eq!(listing.cases[0].raw, sample());
}

/// Child mode for the kill test: save the same draft again and again until killed.
#[test]
fn child_save_loop() {
    let Some(dir) = std::env::var_os("OMSORGSKLAGE_SAVE_LOOP") else {
        return;
    };
    let store = Store::new(Path::new(&dir));
    let id = std::env::var("OMSORGSKLAGE_SAVE_ID").expect("id");
    let (mut d, mut raw) = store.open(&id).expect("open");
    let mut n = 0u64;
    loop {
        n += 1;
        // Vary the size so that a torn write would show.
        raw.outcome = Some("x".repeat((n % 5000) as usize));
        d.save(&raw).expect("save");
    }
}

#[test]
fn killing_a_process_while_it_saves_never_leaves_a_broken_draft() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    let id = {
        let mut d = store.create().expect("create");
        d.save(&sample()).expect("save");
        d.id.clone()
    };
    let exe = std::env::current_exe().expect("exe");
    // Small enough for CI; about one kill in three lands between writing and renaming.
    let kills = 30;
    let mut corrupt = 0;
    for i in 0..kills {
        let mut child = Proc::new(&exe)
            .args([
                "--exact",
                "child_save_loop",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("OMSORGSKLAGE_SAVE_LOOP", dir.path())
            .env("OMSORGSKLAGE_SAVE_ID", &id)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(30 + (i * 7) % 50));
        child.kill().expect("kill");
        child.wait().expect("wait");
        match store.load(&id) {
            Ok(raw) => assert!(case::check(&raw, common::today()).case.is_some()),
            Err(_) => corrupt += 1,
        }
    }
    let strays = |dir: &Path| {
        std::fs::read_dir(dir)
            .expect("dir")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count()
    };
    let left = strays(store.dir());
    eprintln!("kill-during-save: {kills} kills, {corrupt} corrupt drafts, {left} temp files left");
    assert_eq!(corrupt, 0);
    // One more for certain (the kills leave some most times, not every time), and a file of
    // the person's own that only looks a little alike, which stays.
    std::fs::write(store.dir().join(format!(".{id}.json.1.1.tmp")), b"{").expect("stray");
    let own = store.dir().join("notater.tmp");
    std::fs::write(&own, b"mine").expect("own");
    // The next start (a new process) removes what the killed saves left behind.
    cmd(dir.path()).args(["cases", "list"]).assert().success();
    assert!(own.exists(), "not ours: left alone");
    std::fs::remove_file(&own).expect("rm");
    assert_eq!(strays(store.dir()), 0, "no copy of the case left behind");
    assert!(store.load(&id).is_ok());
}

/// Child mode for the lock tests: open the case, say so, and hold it until killed.
#[test]
fn child_hold() {
    let Some(dir) = std::env::var_os("OMSORGSKLAGE_HOLD") else {
        return;
    };
    let store = Store::new(Path::new(&dir));
    let id = std::env::var("OMSORGSKLAGE_SAVE_ID").expect("id");
    let _held = store.open(&id).expect("open");
    println!("held");
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn a_case_held_by_a_killed_process_opens_again() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    let id = store.import(&sample()).expect("import");
    let exe = std::env::current_exe().expect("exe");
    let mut child = Proc::new(&exe)
        .args(["--exact", "child_hold", "--nocapture", "--test-threads=1"])
        .env("OMSORGSKLAGE_HOLD", dir.path())
        .env("OMSORGSKLAGE_SAVE_ID", &id)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let out = child.stdout.take().expect("stdout");
    let held = std::io::BufReader::new(out)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("held"));
    assert!(held, "the child opened the case");
    assert!(matches!(store.open(&id), Err(StoreError::Locked)));
    assert!(matches!(store.delete(&id), Err(StoreError::Locked)));
    // Killed, not closed: no chance to clean up. The system lets go of its lock.
    child.kill().expect("kill");
    child.wait().expect("wait");
    let (_d, raw) = store.open(&id).expect("reopened after the holder died");
    assert_eq!(raw, sample());
}

#[test]
fn two_openers_at_the_same_instant_never_both_win() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    let id = store.import(&sample()).expect("import");
    for round in 0..50 {
        // A round where neither wins is possible while the tests beside this one start
        // processes: a child forked at that instant holds a copy of the previous winner's handle
        // (and so its lock) until it starts its own program. Such a round is tried again.
        let mut tries = 0;
        loop {
            let barrier = std::sync::Barrier::new(2);
            let wins: Vec<bool> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..2)
                    .map(|_| {
                        s.spawn(|| {
                            barrier.wait();
                            let res = store.open(&id);
                            let won = res.is_ok();
                            if let Err(e) = &res {
                                assert!(matches!(e, StoreError::Locked), "{e:?}");
                            }
                            // Hold it until both have tried.
                            barrier.wait();
                            won
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("join"))
                    .collect()
            });
            let n = wins.iter().filter(|w| **w).count();
            assert!(n <= 1, "round {round}: both opened the case");
            if n == 1 {
                break;
            }
            tries += 1;
            assert!(
                tries < 50,
                "round {round}: nobody could open the case in 50 tries"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

#[test]
fn a_draft_changed_behind_our_back_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    let id = store.import(&sample()).expect("import");
    let (mut d, mut raw) = store.open(&id).expect("open");
    // Someone else (another window, an editor) writes the file.
    std::thread::sleep(Duration::from_millis(10));
    let mut theirs = sample();
    theirs.outcome = Some("Deres versjon, som er lengre enn før.".into());
    std::fs::write(d.path(), serde_json::to_vec_pretty(&theirs).expect("json")).expect("write");
    raw.outcome = Some("Min versjon".into());
    assert!(matches!(d.save(&raw), Err(StoreError::Conflict)));
    assert_eq!(
        store.load(&id).expect("load").outcome,
        theirs.outcome,
        "their change survives"
    );
}

#[test]
fn damaged_drafts_are_listed_with_a_reason_and_left_in_place() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    store.import(&sample()).expect("import");
    let cases = store.dir();
    let files: [(&str, &[u8]); 4] = [
        (
            "truncated.json",
            b"{\"format\": \"omsorgsklage/1\", \"service\": \"hjemme",
        ),
        ("not-json.json", b"dette er ikke json"),
        (
            "newer.json",
            b"{\"format\": \"omsorgsklage/2\", \"service\": \"bpa\"}",
        ),
        ("binary.json", b"\xff\xfe\x00\x01"),
    ];
    for (name, bytes) in files {
        std::fs::write(cases.join(name), bytes).expect("write");
    }
    // Unreadable: a folder where a file should be (permissions do not stop root, so this is the
    // kind of unreadable draft a test can make anywhere).
    std::fs::create_dir(cases.join("folder.json")).expect("dir");
    let listing = store.list().expect("list");
    assert_eq!(listing.cases.len(), 1, "the good case is still there");
    let mut damaged: Vec<_> = listing.damaged.iter().map(|d| d.id.as_str()).collect();
    damaged.sort();
    assert_eq!(
        damaged,
        ["binary", "folder", "newer", "not-json", "truncated"]
    );
    for (name, bytes) in files {
        assert_eq!(
            std::fs::read(cases.join(name)).expect("read"),
            bytes,
            "{name} untouched"
        );
    }
    // The CLI says why, in words.
    cmd(dir.path())
        .args(["cases", "list"])
        .assert()
        .success()
        .stdout(
            contains("Skadde filer (5)")
                .and(contains("nyere versjon av programmet"))
                .and(contains("ikke gyldig JSON"))
                .and(contains("Per Hansen")),
        );
    // And a damaged draft cannot be opened for editing (so it is never saved over).
    assert!(matches!(store.open("newer"), Err(StoreError::Damaged(_))));
}

#[test]
fn cases_commands_import_list_show_export_delete() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = cmd(dir.path())
        .args(["cases", "import", "tests/cases/minimal-bpa.json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let id = stdout
        .split("med id ")
        .nth(1)
        .expect("id")
        .trim()
        .trim_end_matches('.')
        .to_string();
    cmd(dir.path())
        .args(["cases", "list"])
        .assert()
        .success()
        .stdout(
            contains(&id)
                .and(contains("Per Hansen"))
                // The start screen's words: how far it got, and the deadline.
                .and(contains("20 dager igjen"))
                .and(contains("Frist 10. desember 2026"))
                .and(contains("Kommet til: Sjekk svarene")),
        );
    cmd(dir.path())
        .args(["cases", "show", &id[..8]])
        .assert()
        .success()
        .stdout(
            contains("10. desember 2026: siste dag å klage").and(contains("Saken er komplett")),
        );
    let export = dir.path().join("ut.json");
    cmd(dir.path())
        .args(["cases", "export", &id])
        .arg(&export)
        .assert()
        .success();
    cmd(dir.path()).arg("check").arg(&export).assert().success();
    // Delete asks; without a terminal it refuses unless --yes.
    cmd(dir.path())
        .args(["cases", "delete", &id])
        .assert()
        .code(1)
        .stderr(contains("--yes"));
    cmd(dir.path())
        .args(["cases", "delete", &id])
        .env("OMSORGSKLAGE_CONFIRM_FROM_PIPE", "1")
        .write_stdin("nei\n")
        .assert()
        .code(1)
        .stdout(contains("Ingenting er slettet"));
    // A copy a killed save left of this case: `cases delete` removes it with the case.
    let stray = dir
        .path()
        .join("cases")
        .join(format!(".{id}.json.4242.1.tmp"));
    std::fs::write(&stray, b"{\"applicant\": {\"name\": \"Per Hansen\"").expect("stray");
    cmd(dir.path())
        .args(["cases", "delete", &id, "--yes"])
        .assert()
        .success();
    assert!(!stray.exists(), "the stray copy is gone too");
    assert_eq!(
        std::fs::read_dir(dir.path().join("cases"))
            .expect("dir")
            .count(),
        0,
        "really removed"
    );
    cmd(dir.path())
        .args(["cases", "show", &id])
        .assert()
        .code(1)
        .stderr(contains("Fant ingen sak"));
}

#[test]
fn import_keeps_an_incomplete_case_as_a_draft_but_refuses_a_broken_file() {
    let dir = tempfile::tempdir().expect("tmp");
    cmd(dir.path())
        .args(["cases", "import", "tests/bad/bad-postcode.json"])
        .assert()
        .success()
        .stdout(contains("ikke komplett").and(contains("applicant.postcode")));
    cmd(dir.path())
        .args(["cases", "import", "tests/bad/unknown-fields.json"])
        .assert()
        .code(1)
        .stderr(contains("decision.recieved"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("cases"))
            .expect("dir")
            .filter(|e| e
                .as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json")))
            .count(),
        1
    );
}

#[test]
fn close_deadlines_are_shouted_in_words_not_only_colour() {
    let dir = tempfile::tempdir().expect("tmp");
    cmd(dir.path())
        .args(["cases", "import", "tests/cases/minimal-bpa.json"])
        .assert()
        .success();
    cmd(dir.path())
        .args(["--today", "2026-12-07", "cases", "list"])
        .assert()
        .success()
        .stdout(contains("BARE 3 DAGER IGJEN"));
    cmd(dir.path())
        .args(["--today", "2026-12-11", "cases", "list"])
        .assert()
        .success()
        .stdout(contains("FRISTEN ER UTE"));
}

#[test]
fn cases_list_shows_the_start_screens_summary_and_show_warns_of_a_missed_deadline() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    // One saved on the done screen, one from the start: never the step ids "done" or "start".
    let mut late = sample();
    if let Some(d) = late.decision.as_mut() {
        d.date = Some("2026-09-01".into());
        d.received = Some("2026-09-03".into());
    }
    late.draft = Some(case::RawDraft {
        step: Some("done".into()),
        ..Default::default()
    });
    let mut d = store.create().expect("create");
    d.save(&late).expect("save");
    let mut fresh = sample();
    fresh.draft = Some(case::RawDraft {
        step: Some("start".into()),
        ..Default::default()
    });
    let mut d2 = store.create().expect("create");
    d2.save(&fresh).expect("save");
    let late_id = d.id.clone();
    drop(d);
    drop(d2);
    let out = cmd(dir.path())
        .args(["cases", "list"])
        .output()
        .expect("run");
    let listed = String::from_utf8_lossy(&out.stdout);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let ui = omsorgsklage::i18n::Ui::Nb;
    for e in store.list().expect("list").cases {
        let row = omsorgsklage::summary::case_row(ui, &e, today);
        assert!(listed.contains(&row.title), "{listed}");
        assert!(listed.contains(&row.detail), "{listed}");
    }
    let mut on_case = sample();
    on_case.draft = Some(case::RawDraft {
        step: Some("case".into()),
        ..Default::default()
    });
    let mut d3 = store.create().expect("create");
    d3.save(&on_case).expect("save");
    drop(d3);
    let out = cmd(dir.path())
        .args(["cases", "list"])
        .output()
        .expect("run");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("Kommet til: Saken din"), "{listed}");
    for id in ["done", "start", "case"] {
        assert!(!listed.contains(&format!("kommet til: {id}")), "{listed}");
        assert!(!listed.contains(&format!("Kommet til: {id}")), "{listed}");
    }
    assert!(listed.contains("FRISTEN ER UTE"), "{listed}");
    let out = cmd(dir.path())
        .args(["cases", "show", &late_id])
        .output()
        .expect("run");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("! Fristen gikk ut 1. oktober 2026"),
        "{shown}"
    );
    assert!(!shown.contains("siste dag å klage (ferdig)"), "{shown}");
}

/// A case with every text the wizard holds filled: single-line fields with `short`, long texts
/// with `long`, and many attachments.
fn every_field(short: &str, long: &str, attachments: usize) -> RawCase {
    use omsorgsklage::domain::case::{
        RawCaredFor, RawDecision, RawDraft, RawGrounds, RawMunicipality, RawPerson,
        RawRepresentative,
    };
    let s = || Some(short.to_string());
    let l = || Some(long.to_string());
    RawCase {
        format: Some(case::FORMAT.into()),
        language: Some("nb".into()),
        letter_date: Some("2026-11-20".into()),
        place: s(),
        service: Some("annet".into()),
        service_other: s(),
        situation: Some("redusert".into()),
        services: None,
        municipality: Some(RawMunicipality {
            number: Some("5501".into()),
            name: s(),
            address: Some(vec![short.to_string(); 3]),
            district: None,
        }),
        applicant: Some(RawPerson {
            name: s(),
            address: s(),
            postcode: s(),
            city: s(),
            birth_date: s(),
            phone: s(),
            email: s(),
        }),
        representative: Some(RawRepresentative {
            name: s(),
            address: s(),
            postcode: s(),
            city: s(),
            phone: s(),
            email: s(),
            relation: s(),
            power_of_attorney: Some(true),
            role: Some("fullmektig".into()),
        }),
        decision: Some(RawDecision {
            date: s(),
            received: s(),
            reference: s(),
            applied_for: s(),
            granted: s(),
            route: None,
        }),
        complainant_is_carer: Some(false),
        cared_for: Some(RawCaredFor {
            name: s(),
            birth_date: s(),
            relation: s(),
        }),
        grounds: Some(RawGrounds {
            health: l(),
            daily_life: l(),
            safety: l(),
            relatives: l(),
            consequences: l(),
            not_considered: l(),
            other: l(),
        }),
        outcome: l(),
        attachments: Some(vec![
            omsorgsklage::domain::attachment::RawAttachment::Text(
                short.to_string()
            );
            attachments
        ]),
        requests: None,
        late_reason: l(),
        sent: Some("2026-11-21".into()),
        supplement: l(),
        draft: Some(RawDraft {
            step: Some("check".into()),
            updated: Some("2026-11-20T10:00:00+01:00".into()),
            letter: None,
        }),
        follow_ups: None,
    }
}

#[test]
fn a_draft_with_every_field_at_its_limit_opens_again() {
    use omsorgsklage::interview::steps::longtext::MAX_LONG_CHARS;
    use omsorgsklage::interview::text_field::MAX_CHARS;
    // The worst characters: four bytes each in UTF-8 (single-line fields drop control
    // characters), and for long texts a pasted ESC, which JSON writes as six bytes (\u001b).
    let short = "𝄞".repeat(MAX_CHARS);
    let long = "\u{1b}".repeat(MAX_LONG_CHARS);
    let raw = every_field(&short, &long, 50);
    let json = serde_json::to_vec_pretty(&raw).expect("json");
    eprintln!(
        "largest draft: {} bytes of {} allowed",
        json.len(),
        case::MAX_BYTES
    );
    assert!(json.len() <= case::MAX_BYTES, "{} bytes", json.len());
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path());
    let id = store.import(&raw).expect("saved");
    assert_eq!(store.load(&id).expect("opens again"), raw);
}

/// Text a field can hold: any characters, controls included, up to `max`.
fn field_text(max: usize) -> impl proptest::strategy::Strategy<Value = String> {
    proptest::collection::vec(proptest::char::any(), 0..max).prop_map(|v| v.into_iter().collect())
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn any_case_the_wizard_can_hold_reads_back_equal(
        short in field_text(omsorgsklage::interview::text_field::MAX_CHARS),
        long in field_text(omsorgsklage::interview::steps::longtext::MAX_LONG_CHARS),
        attachments in 0usize..20,
    ) {
        let raw = every_field(&short, &long, attachments);
        let dir = tempfile::tempdir().expect("tmp");
        let store = Store::new(dir.path());
        let mut d = store.create().expect("create");
        d.save(&raw).expect("save");
        let id = d.id.clone();
        drop(d);
        prop_assert_eq!(store.load(&id).expect("load"), raw);
    }
}
