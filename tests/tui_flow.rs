//! The wizard driven by key presses: where each answer leads, back navigation that keeps
//! answers, the check-answers change loop, the branches (representative, omsorgsbolig,
//! trygghetsalarm, late complaint), and the preview equal to the text letter.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::{self, Ground};
use omsorgsklage::domain::letter::LetterKind;
use omsorgsklage::interview::action::{Action, Effect, ExportFormat, ExportJob};
use omsorgsklage::interview::export;
use omsorgsklage::interview::steps::preview::letter_text;
use omsorgsklage::interview::{Modal, Step, path, step_for_field};
use omsorgsklage::render;
use tui_common::*;

/// Press ↓ until the row starting with `label` is selected (check answers).
fn select_row(app: &mut omsorgsklage::interview::App, label: &str) {
    for _ in 0..120 {
        if screen_text(app)
            .lines()
            .any(|l| l.trim_start().starts_with(&format!("▶ {label}")))
        {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("no row {label}:\n{}", screen_text(app));
}

#[test]
fn a_new_case_walks_through_every_step_in_order() {
    let mut app = new_app();
    assert_eq!(app.step(), Step::Start);
    enter(&mut app);
    assert_eq!(app.step(), Step::Who);
    assert_eq!(app.raw().language.as_deref(), Some("nb"));
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.step(), Step::Service);
    type_text(&mut app, "praktisk");
    enter(&mut app);
    assert_eq!(app.raw().service.as_deref(), Some("praktisk-bistand"));
    assert_eq!(app.step(), Step::Situation);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.raw().situation.as_deref(), Some("avslag"));
    assert_eq!(app.step(), Step::DecisionDate);
    type_text(&mut app, "02.11.2026\n");
    assert_eq!(
        app.raw().decision.as_ref().and_then(|d| d.date.as_deref()),
        Some("2026-11-02")
    );
    assert_eq!(app.step(), Step::Received);
    type_text(&mut app, "2026-11-05\n");
    assert_eq!(app.step(), Step::Rights);
    assert!(screen_text(&app).contains("torsdag 3. desember 2026"));
    enter(&mut app);
    assert_eq!(app.step(), Step::Decision);
    type_text(&mut app, "26/1\n\n");
    assert_eq!(app.step(), Step::Ground(Ground::Health));
    type_text(&mut app, "Jeg har KOLS.");
    for g in Ground::ALL {
        assert_eq!(app.step(), Step::Ground(g));
        tab(&mut app);
    }
    assert_eq!(app.step(), Step::Outcome);
    tab(&mut app);
    // One decision, one service: Enter goes on.
    assert_eq!(app.step(), Step::Services);
    enter(&mut app);
    assert_eq!(app.step(), Step::Requests);
    tab(&mut app);
    assert_eq!(app.step(), Step::Attachments);
    tab(&mut app);
    assert_eq!(app.step(), Step::Applicant);
    type_text(&mut app, "Kari Nordmann\nStorgata 1\n9008\nTromsø\n\n\n\n");
    assert_eq!(app.step(), Step::Municipality);
    // The town is suggested as the municipality.
    assert!(screen_text(&app).contains("▶ Tromsø"));
    enter(&mut app);
    assert_eq!(app.step(), Step::MunicipalityAddress);
    type_text(&mut app, "Postboks 6900\n9299 Tromsø\n\n");
    assert_eq!(app.step(), Step::Check);
    assert!(
        !screen_text(&app).contains("Dette må rettes"),
        "{}",
        screen_text(&app)
    );
    tab(&mut app);
    assert_eq!(app.step(), Step::Preview);
    enter(&mut app);
    assert_eq!(app.step(), Step::Done);
    assert!(case::check(app.raw(), today()).case.is_some());
}

#[test]
fn esc_goes_back_and_keeps_every_answer() {
    let mut app = new_app();
    enter(&mut app);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.step(), Step::Role);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.step(), Step::Relation);
    type_text(&mut app, "datter\n");
    assert_eq!(app.step(), Step::Fullmakt);
    esc(&mut app);
    assert_eq!(app.step(), Step::Relation);
    assert!(screen_text(&app).contains("[datter"));
    esc(&mut app);
    assert_eq!(app.step(), Step::Role);
    assert!(screen_text(&app).contains("(x) 4."));
    esc(&mut app);
    assert_eq!(app.step(), Step::Who);
    // The answer "someone else" is still chosen.
    assert!(screen_text(&app).contains("(x) 2."));
    enter(&mut app);
    assert_eq!(app.step(), Step::Role);
    enter(&mut app);
    assert_eq!(app.step(), Step::Relation);
    let rep = app.raw().representative.clone().expect("representative");
    assert_eq!(rep.relation.as_deref(), Some("datter"));
}

#[test]
fn backspace_on_an_empty_field_goes_back_but_a_held_key_does_not() {
    let app = app_at(daughter_case(), Step::ServiceOther);
    // Not in the path for hjemmesykepleie: lands on check answers.
    assert_eq!(app.step(), Step::Check);
    let mut app = app_at(daughter_case(), Step::Relation);
    for _ in 0.."datter".len() {
        app.update(Action::BackspaceHeld);
    }
    assert_eq!(app.step(), Step::Relation);
    app.update(Action::BackspaceHeld);
    assert_eq!(app.step(), Step::Relation, "a held key never goes back");
    app.update(Action::Backspace);
    assert_eq!(
        app.step(),
        Step::Role,
        "a fresh press on an empty field goes back"
    );
}

#[test]
fn change_from_check_answers_returns_there_after_enter() {
    let mut app = app_at(daughter_case(), Step::Check);
    select_row(&mut app, "Mottatt");
    enter(&mut app);
    assert_eq!(app.step(), Step::Received);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "06.11.2026");
    enter(&mut app);
    assert_eq!(app.step(), Step::Check);
    assert_eq!(
        app.raw()
            .decision
            .as_ref()
            .and_then(|d| d.received.as_deref()),
        Some("2026-11-06")
    );
    assert!(screen_text(&app).contains("6. november 2026"));
    // Esc during a change also comes back to check answers, and keeps the answer.
    select_row(&mut app, "Saksnummer");
    enter(&mut app);
    assert_eq!(app.step(), Step::Decision);
    type_text(&mut app, "-B");
    esc(&mut app);
    assert_eq!(app.step(), Step::Check);
    assert_eq!(
        app.raw()
            .decision
            .as_ref()
            .and_then(|d| d.reference.as_deref()),
        Some("26/1234-B")
    );
}

#[test]
fn a_change_that_opens_new_questions_asks_them_before_returning() {
    let mut raw = daughter_case();
    raw.representative = None;
    let mut app = app_at(raw, Step::Check);
    select_row(&mut app, "Hvem skriver");
    enter(&mut app);
    assert_eq!(app.step(), Step::Who);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.step(), Step::Role);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.step(), Step::Relation);
    type_text(&mut app, "sønn\n");
    assert_eq!(app.step(), Step::Fullmakt);
    press(&mut app, KeyCode::Char('1'));
    // Who the decision is about (the name is there already), then the representative's name
    // and address: new questions too.
    assert_eq!(app.step(), Step::Person);
    enter(&mut app);
    enter(&mut app);
    assert_eq!(app.step(), Step::Representative);
    type_text(&mut app, "Per Hansen\nFjellveien 3\n9010\nTromsø\n\n\n");
    assert_eq!(app.step(), Step::Check);
}

#[test]
fn the_representative_branch_adds_and_removes_its_questions() {
    let raw = daughter_case();
    let with = path(&raw, omsorgsklage::i18n::Ui::Nb, today());
    for s in [Step::Relation, Step::Fullmakt, Step::Representative] {
        assert!(with.contains(&s), "{s:?}");
    }
    let mut app = app_at(raw, Step::Who);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.step(), Step::Service);
    assert!(app.raw().representative.is_none());
    assert!(!app.path().contains(&Step::Relation));
    // Changing back brings the representative's answers back.
    esc(&mut app);
    assert_eq!(app.step(), Step::Who);
    press(&mut app, KeyCode::Char('2'));
    let rep = app.raw().representative.clone().expect("restored");
    assert_eq!(rep.name.as_deref(), Some("Kari Hansen"));
    // The letter then has both names.
    let text = letter_text(
        app.raw(),
        today(),
        omsorgsklage::i18n::Ui::Nb,
        LetterKind::Complaint,
    )
    .expect("letter");
    assert!(text.contains("Kari Hansen") && text.contains("Ola Hansen"));
}

#[test]
fn omsorgsbolig_leads_to_the_routing_screen_and_a_three_week_deadline() {
    let mut app = app_at(empty_case(), Step::Service);
    type_text(&mut app, "omsorgsbolig");
    let s = screen_text(&app);
    assert!(s.contains("▶ Omsorgsbolig"), "{s}");
    assert!(s.contains("Dette er ikke en helse- og"), "{s}");
    enter(&mut app);
    assert_eq!(app.step(), Step::Routing);
    let s = screen_text(&app);
    assert!(s.contains("klageinstans"), "{s}");
    assert!(s.contains("tre uker"), "{s}");
    assert!(s.contains("forvaltningsloven § 29"), "{s}");
    enter(&mut app);
    assert_eq!(app.step(), Step::Situation);
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "02.11.2026\n05.11.2026\n");
    assert_eq!(app.step(), Step::Rights);
    let s = screen_text(&app);
    assert!(s.contains("torsdag 26. november 2026"), "three weeks: {s}");
    assert!(!s.contains("Statsforvalteren"), "{s}");
}

#[test]
fn trygghetsalarm_asks_which_law_the_decision_cites() {
    let mut app = app_at(empty_case(), Step::Service);
    type_text(&mut app, "trygghet");
    enter(&mut app);
    assert_eq!(app.step(), Step::RouteLaw);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(
        app.raw().decision.as_ref().and_then(|d| d.route.as_deref()),
        Some("statsforvalteren")
    );
    // Care route: no routing screen.
    assert_eq!(app.step(), Step::Situation);
    esc(&mut app);
    assert_eq!(app.step(), Step::RouteLaw);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.step(), Step::Routing);
    esc(&mut app);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(
        app.raw().decision.as_ref().and_then(|d| d.route.as_deref()),
        None
    );
    assert_eq!(app.step(), Step::Routing);
}

#[test]
fn more_than_a_year_after_the_decision_no_late_reason_is_asked() {
    // Decided 1 November 2025, opened 3 December 2026: no complaint can be considered, so the
    // wizard does not ask why it is late; the rights screen and check answers say what to do.
    let mut raw = daughter_case();
    raw.late_reason = None;
    let mut app = app_at(raw, Step::DecisionDate);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "01.11.2025\n");
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "03.11.2025\n");
    assert_eq!(app.step(), Step::Rights);
    press(&mut app, KeyCode::End);
    assert!(
        screen_text(&app).contains("ikke lenger tas under behandling"),
        "{}",
        screen_text(&app)
    );
    enter(&mut app);
    assert_eq!(app.step(), Step::Decision, "{}", screen_text(&app));
    assert!(!app.path().contains(&Step::LateReason));
}

#[test]
fn a_late_complaint_asks_why_it_is_late() {
    let mut raw = daughter_case();
    raw.late_reason = None;
    let mut app = app_at(raw, Step::DecisionDate);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "01.09.2026\n");
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "03.09.2026\n");
    assert_eq!(app.step(), Step::Rights);
    let s = screen_text(&app);
    assert!(s.contains("torsdag 1. oktober 2026"), "{s}");
    enter(&mut app);
    assert_eq!(app.step(), Step::LateReason);
    tab(&mut app);
    assert_eq!(app.step(), Step::LateReason, "the reason is needed");
    assert!(screen_text(&app).contains("Feil:"));
    type_text(&mut app, "Far lå på sykehus i hele september.");
    tab(&mut app);
    assert_eq!(app.step(), Step::Decision);
    assert!(
        app.raw()
            .late_reason
            .as_deref()
            .is_some_and(|r| r.contains("sykehus"))
    );
    let text = letter_text(
        app.raw(),
        today(),
        omsorgsklage::i18n::Ui::Nb,
        LetterKind::Complaint,
    )
    .expect("letter");
    assert!(text.contains("sykehus"));
}

#[test]
fn dates_are_checked_as_typed() {
    let mut app = app_at(empty_case(), Step::DecisionDate);
    type_text(&mut app, "31.02.2026");
    assert!(screen_text(&app).contains("Februar 2026 har bare 28 dager"));
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "31.0x.2026");
    assert!(screen_text(&app).contains("«31.0x.2026» er ikke en dato"));
    enter(&mut app);
    assert_eq!(
        app.step(),
        Step::DecisionDate,
        "an impossible date cannot be passed"
    );
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "05.11.2026");
    assert!(screen_text(&app).contains("✓ Forstått som torsdag 5. november 2026"));
    enter(&mut app);
    assert_eq!(app.step(), Step::Received);
    type_text(&mut app, "04.11.2026");
    assert!(screen_text(&app).contains("før datoen på vedtaket"));
    enter(&mut app);
    assert_eq!(app.step(), Step::Received);
}

#[test]
fn at_least_one_ground_is_needed() {
    let mut raw = daughter_case();
    raw.grounds = None;
    let mut app = app_at(raw, Step::Ground(Ground::Other));
    tab(&mut app);
    assert_eq!(app.step(), Step::Ground(Ground::Other));
    assert!(screen_text(&app).contains("minst én grunn"));
    app.update(Action::Paste(
        "Kommunen har ikke snakket med far.\r\nIkke med fastlegen heller.".into(),
    ));
    tab(&mut app);
    assert_eq!(app.step(), Step::Outcome);
    assert_eq!(
        app.raw().grounds.as_ref().and_then(|g| g.other.as_deref()),
        Some("Kommunen har ikke snakket med far.\nIkke med fastlegen heller.")
    );
}

#[test]
fn the_preview_is_exactly_the_text_letter() {
    let raw = daughter_case();
    let app = app_at(raw.clone(), Step::Preview);
    assert_eq!(app.step(), Step::Preview);
    let checked = case::check(&raw, today());
    let c = checked.case.expect("complete case");
    let expected = render::text::render(&render::complaint(&c).expect("letter"));
    assert_eq!(
        letter_text(
            &raw,
            today(),
            omsorgsklage::i18n::Ui::Nb,
            LetterKind::Complaint
        ),
        Ok(expected.clone())
    );
    // What is on screen are the letter's first lines, unchanged.
    let s = screen_text(&app);
    let first: Vec<&str> = expected.lines().take(8).collect();
    let shown: Vec<String> = s
        .lines()
        .skip(6)
        .take(8)
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(shown, first);
    // And scrolling to the end shows its last line.
    let mut app = app;
    press(&mut app, KeyCode::End);
    let last = expected.lines().last().expect("last line");
    assert!(screen_text(&app).contains(last));
}

#[test]
fn quitting_asks_only_when_answers_are_unsaved() {
    let mut app = new_app();
    assert_eq!(
        press_mod(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL),
        Effect::Quit
    );
    let mut app = new_app();
    enter(&mut app);
    // "Myself" (the default) leaves nothing to lose; "for someone else" is an answer.
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(
        press_mod(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Effect::Quit
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('2'));
    assert!(app.is_dirty());
    // A relative, friend or other helper: asked what they are to the person.
    press(&mut app, KeyCode::Char('4'));
    // `q` in a text field is a letter.
    assert_eq!(app.step(), Step::Relation);
    assert_eq!(press(&mut app, KeyCode::Char('q')), Effect::None);
    assert_eq!(app.modal(), None);
    assert_eq!(
        press_mod(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Effect::None
    );
    assert_eq!(app.modal(), Some(&Modal::ConfirmQuit));
    assert_eq!(press(&mut app, KeyCode::Char('n')), Effect::None);
    assert_eq!(app.modal(), None);
    press_mod(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(press(&mut app, KeyCode::Char('j')), Effect::Quit);
}

#[test]
fn help_opens_with_question_mark_or_f1_and_closes_with_esc() {
    let mut app = app_at(daughter_case(), Step::Situation);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.modal(), Some(&Modal::Help(0)));
    assert!(screen_text(&app).contains("Hjelp"));
    esc(&mut app);
    assert_eq!(app.modal(), None);
    assert_eq!(app.step(), Step::Situation);
    let mut app = app_at(daughter_case(), Step::Applicant);
    press(&mut app, KeyCode::F(1));
    assert!(app.modal().is_some());
}

#[test]
fn the_step_indicator_counts_the_parts_of_the_current_path() {
    let app = app_at(daughter_case(), Step::DecisionDate);
    let s = screen_text(&app);
    assert!(
        s.lines()
            .next()
            .is_some_and(|l| l.contains("Steg 4 av 12: Datoene (spørsmål 1 av 2)")),
        "{s}"
    );
    let app = app_at(daughter_case(), Step::Ground(Ground::Safety));
    assert!(screen_text(&app).contains("(spørsmål 3 av 7)"));
}

#[test]
fn every_problem_of_an_empty_case_leads_to_a_screen() {
    let raw = empty_case();
    let p = path(&raw, omsorgsklage::i18n::Ui::Nb, today());
    for problem in case::check(&raw, today()).problems {
        let step = step_for_field(&problem.field).unwrap_or_else(|| panic!("{}", problem.field));
        assert!(p.contains(&step), "{} → {step:?}", problem.field);
    }
    // And following the first error from check answers goes to its screen.
    let mut app = app_at(raw, Step::Check);
    assert!(screen_text(&app).contains("Dette må rettes"));
    enter(&mut app);
    assert_ne!(app.step(), Step::Check);
}

#[test]
fn step_ids_round_trip_for_drafts() {
    for s in Step::all() {
        assert_eq!(Step::from_id(&s.id()), Some(s));
    }
    let app = app_at(daughter_case(), Step::Decision);
    let again = app_at(
        app.raw().clone(),
        Step::from_id(&app.step().id()).expect("id"),
    );
    assert_eq!(again.step(), Step::Decision);
    assert_eq!(again.raw(), app.raw());
}

#[test]
fn export_writes_text_and_never_overwrites_without_asking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = dir.path().join("klage");
    let job = ExportJob {
        ui: omsorgsklage::i18n::Ui::Nb,
        raw: daughter_case(),
        today: today(),
        format: ExportFormat::Text,
        kind: LetterKind::Complaint,
        base: base.clone(),
        fullmakt: false,
        overwrite: false,
    };
    let report = export::run(&job);
    assert_eq!(report.written, vec![dir.path().join("klage.txt")]);
    let text = std::fs::read_to_string(dir.path().join("klage.txt")).expect("read");
    assert_eq!(
        Ok(text),
        letter_text(
            &daughter_case(),
            today(),
            omsorgsklage::i18n::Ui::Nb,
            LetterKind::Complaint
        )
    );
    // Again: nothing is written, the file is reported.
    let again = export::run(&job);
    assert!(again.written.is_empty());
    assert_eq!(again.exists, vec![dir.path().join("klage.txt")]);
    // Through the wizard: the report opens the question, "j" repeats with overwrite.
    let mut app = app_at(daughter_case(), Step::Done);
    app.update(Action::ExportDone(again));
    assert!(matches!(app.modal(), Some(Modal::ConfirmOverwrite(..))));
    match press(&mut app, KeyCode::Char('j')) {
        Effect::Export(j) => assert!(j.overwrite),
        e => panic!("{e:?}"),
    }
}

#[test]
fn the_pdf_error_is_shown_when_the_pdf_cannot_be_made() {
    let dir = tempfile::tempdir().expect("tempdir");
    let job = ExportJob {
        ui: omsorgsklage::i18n::Ui::Nb,
        raw: daughter_case(),
        today: today(),
        format: ExportFormat::Both,
        kind: LetterKind::Complaint,
        base: dir.path().join("klage"),
        fullmakt: false,
        overwrite: false,
    };
    let report = export::run(&job);
    assert!(report.written.contains(&dir.path().join("klage.txt")));
    match omsorgsklage::render::pdf::render(
        &render::complaint(&case::check(&daughter_case(), today()).case.expect("case"))
            .expect("letter"),
    ) {
        Ok(_) => assert!(report.written.contains(&dir.path().join("klage.pdf"))),
        Err(e) => assert!(
            report.errors.iter().any(|m| m.contains(&e.to_string())),
            "{report:?}"
        ),
    }
}

#[test]
fn the_done_screen_saves_to_the_typed_path() {
    let mut app = app_at(daughter_case(), Step::Done);
    press(&mut app, KeyCode::Down);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "/tmp/brev.txt");
    match enter(&mut app) {
        Effect::Export(job) => {
            assert_eq!(job.base, std::path::PathBuf::from("/tmp/brev"));
            assert_eq!(job.format, ExportFormat::Text);
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn the_editor_result_replaces_the_text() {
    let mut app = app_at(daughter_case(), Step::Ground(Ground::Safety));
    match press_mod(&mut app, KeyCode::Char('e'), KeyModifiers::CONTROL) {
        Effect::Editor(text) => assert_eq!(text, ""),
        e => panic!("{e:?}"),
    }
    app.update(Action::EditorDone(Ok("Far har falt to ganger.\n".into())));
    assert_eq!(
        app.raw().grounds.as_ref().and_then(|g| g.safety.as_deref()),
        Some("Far har falt to ganger.")
    );
}

#[test]
fn a_small_window_shows_a_message_and_resizing_redraws() {
    let mut app = app_at(daughter_case(), Step::Situation);
    app.update(Action::Resize(39, 14));
    let s = screen_sized(&app, 39, 14);
    assert!(s.contains("for lite"), "{s}");
    // Keys do nothing meanwhile, except quitting.
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.step(), Step::Situation);
    app.update(Action::Resize(80, 24));
    assert!(screen_text(&app).contains("Hva skjedde?"));
}

#[test]
fn in_a_small_window_typing_is_kept_q_is_a_letter_and_other_keys_are_told() {
    let mut app = app_at(daughter_case(), Step::Ground(Ground::Safety));
    app.update(Action::Resize(39, 14));
    // `q` in a text is a letter, not "quit"; the typing is kept although the field is not drawn.
    type_text(&mut app, "qua");
    assert_eq!(app.step(), Step::Ground(Ground::Safety));
    assert!(screen_sized(&app, 39, 14).contains("for lite"));
    // A key that would act unseen is not used, and the screen says so.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.step(), Step::Ground(Ground::Safety));
    let s: Vec<String> = screen_sized(&app, 39, 14)
        .lines()
        .map(|l| l.trim_matches('"').trim().to_string())
        .collect();
    let s = s.join(" ");
    assert!(s.contains("andre taster virker ikke"), "{s}");
    app.update(Action::Resize(80, 24));
    assert_eq!(
        app.raw().grounds.as_ref().and_then(|g| g.safety.as_deref()),
        Some("qua")
    );
    assert!(!screen_text(&app).contains("andre taster"));
}

#[test]
fn a_long_text_refuses_text_past_its_limit_and_says_so() {
    use omsorgsklage::interview::steps::longtext::MAX_LONG_CHARS;
    let mut app = app_at(daughter_case(), Step::Ground(Ground::Safety));
    app.update(Action::Paste("å".repeat(MAX_LONG_CHARS + 500)));
    let kept = app
        .raw()
        .grounds
        .as_ref()
        .and_then(|g| g.safety.clone())
        .expect("text");
    assert_eq!(kept.chars().count(), MAX_LONG_CHARS);
    let s = screen_text(&app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.contains("høyst 10 000 tegn"), "{s}");
    // Typing more is refused too; the text stays at the limit.
    type_text(&mut app, "x");
    let after = app.raw().grounds.as_ref().and_then(|g| g.safety.clone());
    assert_eq!(after.map(|t| t.chars().count()), Some(MAX_LONG_CHARS));
}

#[test]
fn bidi_and_zero_width_characters_in_a_name_are_shown_as_marks() {
    let mut raw = daughter_case();
    raw.applicant.as_mut().expect("applicant").name = Some("Ola\u{202e}nesnaH".into());
    raw.representative.as_mut().expect("rep").name = Some("Kari Ha\u{200b}nsen".into());
    for step in [Step::Check, Step::Preview] {
        let mut app = app_at(raw.clone(), step);
        app.update(Action::Resize(100, 80));
        let s = screen_sized(&app, 100, 80);
        assert!(
            s.contains("Ola⟨U+202E⟩nesnaH") && s.contains("Kari Ha⟨U+200B⟩nsen"),
            "{step:?}: {s}"
        );
        assert!(
            !s.contains('\u{202e}') && !s.contains('\u{200b}'),
            "{step:?}: {s}"
        );
    }
}

#[test]
fn the_attachment_list_stops_at_its_limit_and_says_so() {
    use omsorgsklage::interview::steps::checklist::MAX_ATTACHMENTS;
    use omsorgsklage::tui::keymap::Mode;
    let mut app = app_at(daughter_case(), Step::Attachments);
    for _ in 0..20 {
        if app.mode() == Mode::Line {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.mode(), Mode::Line, "on the add field");
    for n in 0..MAX_ATTACHMENTS + 5 {
        type_text(&mut app, &format!("Vedlegg nummer {n}"));
        enter(&mut app);
    }
    let list = app.raw().attachments.clone().unwrap_or_default();
    assert_eq!(list.len(), MAX_ATTACHMENTS);
    app.update(Action::Resize(100, 200));
    let s = screen_sized(&app, 100, 200);
    assert!(s.contains("høyst 50 vedlegg"), "{s}");
}

#[test]
fn enter_in_a_long_text_is_a_line_break_and_tab_goes_on() {
    let mut app = app_at(daughter_case(), Step::Ground(Ground::Safety));
    // The screen says how to make a paragraph and how to go on.
    let s = screen_text(&app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        s.contains("tom linje gir nytt avsnitt. Tab: gå videre"),
        "{s}"
    );
    assert!(s.contains("Tab videre"), "{s}");
    assert!(!s.contains("Enter×2"), "{s}");
    // Enter in an empty field stays: it is a line break, not "go on".
    enter(&mut app);
    assert_eq!(app.step(), Step::Ground(Ground::Safety));
    press(&mut app, KeyCode::Backspace);
    // Text, Enter twice (a blank line: a new paragraph), more text: all kept, still here.
    type_text(&mut app, "Jeg bor en time unna.");
    enter(&mut app);
    enter(&mut app);
    type_text(&mut app, "Jeg jobber fullt.");
    enter(&mut app);
    enter(&mut app);
    assert_eq!(app.step(), Step::Ground(Ground::Safety));
    // Tab goes on; the trailing blank lines are kept as typed (the letter trims them).
    tab(&mut app);
    assert_eq!(app.step(), Step::Ground(Ground::Relatives));
    assert_eq!(
        app.raw().grounds.as_ref().and_then(|g| g.safety.as_deref()),
        Some("Jeg bor en time unna.\n\nJeg jobber fullt.\n\n")
    );
    // Ctrl+Enter goes on too, where the terminal tells it apart from Enter.
    type_text(&mut app, "Ingen andre kan hjelpe.");
    press_mod(&mut app, KeyCode::Enter, KeyModifiers::CONTROL);
    assert_eq!(app.step(), Step::Ground(Ground::Consequences));
}

#[test]
fn choosing_a_language_changes_the_interface_and_is_remembered() {
    let mut app = new_app();
    // Below "start a new complaint" and "write another letter".
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(
        enter(&mut app),
        Effect::RememberLanguage(omsorgsklage::i18n::Ui::Nn)
    );
    assert!(screen_text(&app).contains("Start ei ny klage"));
    // Choosing the same again is not news.
    assert_eq!(enter(&mut app), Effect::None);
    // A nynorsk interface writes a nynorsk letter.
    press(&mut app, KeyCode::Home);
    enter(&mut app);
    assert_eq!(app.raw().language.as_deref(), Some("nn"));
}

#[test]
fn typing_in_the_service_list_highlights_a_name_before_an_explanation() {
    let mut app = app_at(empty_case(), Step::Service);
    type_text(&mut app, "omsorgsb");
    enter(&mut app);
    assert_eq!(app.raw().service.as_deref(), Some("omsorgsbolig"));
    let mut app = app_at(empty_case(), Step::Service);
    // "hjemme" is in hjemmesykepleie's name and in practical help's explanation.
    type_text(&mut app, "hjemme");
    enter(&mut app);
    assert_eq!(app.raw().service.as_deref(), Some("hjemmesykepleie"));
}

/// Focus the "add another attachment" field of the attachments step.
fn to_add_field(app: &mut omsorgsklage::interview::App) {
    for _ in 0..20 {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Up);
}

#[test]
fn the_attachments_step_adds_a_file_by_its_path_shows_it_and_removes_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = a_pdf(dir.path(), "legeerklaering.pdf");
    let mut app = app_at(daughter_case(), Step::Attachments);
    to_add_field(&mut app);
    // Tab completes the file's name from its folder.
    type_text(&mut app, &format!("{}/lege", dir.path().display()));
    tab(&mut app);
    assert_eq!(
        app.step(),
        Step::Attachments,
        "Tab completed, did not go on"
    );
    enter(&mut app);
    let files: Vec<_> = app
        .raw()
        .attachments
        .iter()
        .flatten()
        .filter_map(|a| a.file().map(|f| (a.title().to_string(), f.to_string())))
        .collect();
    assert_eq!(
        files,
        vec![("Legeerklaering".to_string(), file.display().to_string())]
    );
    let shown = flat(&app);
    assert!(shown.contains("Legeerklaering"), "{shown}");
    assert!(shown.contains("PDF, ") && shown.contains(" kB"), "{shown}");
    // On a suggested attachment the key line offers no removing; on the file's row it does.
    assert!(!flat(&app).contains("Del fjern"), "{}", flat(&app));
    // Up to the file's row, Delete removes it from the case.
    press(&mut app, KeyCode::Up);
    assert!(flat(&app).contains("Del fjern"), "{}", flat(&app));
    press(&mut app, KeyCode::Delete);
    assert!(
        app.raw()
            .attachments
            .iter()
            .flatten()
            .all(|a| a.file().is_none()),
        "removed"
    );
    assert!(!flat(&app).contains("legeerklaering.pdf"));
}

#[test]
fn tab_with_no_file_that_fits_keeps_the_text_and_stays() {
    let mut app = app_at(daughter_case(), Step::Attachments);
    to_add_field(&mut app);
    type_text(&mut app, "Epikrise fra sykehuset");
    tab(&mut app);
    assert_eq!(app.step(), Step::Attachments, "Tab did not go on");
    let shown = flat(&app);
    assert!(
        shown.contains("[Epikrise fra sykehuset"),
        "the text is kept: {shown}"
    );
    assert!(
        shown.contains("Ingen fil i") && shown.contains("begynner med «Epikrise fra sykehuset»"),
        "{shown}"
    );
    // Typing on: the note about the old text goes.
    type_text(&mut app, " i Førde");
    assert!(!flat(&app).contains("Ingen fil i"), "{}", flat(&app));
    // Enter adds it by its name, as before.
    enter(&mut app);
    let names: Vec<String> = app
        .raw()
        .attachments
        .iter()
        .flatten()
        .map(|a| a.title().to_string())
        .collect();
    assert!(
        names.contains(&"Epikrise fra sykehuset i Førde".to_string()),
        "{names:?}"
    );
}

#[test]
fn tab_completes_a_name_typed_without_a_folder_from_the_current_folder() {
    // The tests run in the crate's folder, where Cargo.toml is.
    let mut app = app_at(daughter_case(), Step::Attachments);
    to_add_field(&mut app);
    type_text(&mut app, "Cargo.to");
    tab(&mut app);
    assert_eq!(
        app.step(),
        Step::Attachments,
        "Tab completed, did not go on"
    );
    assert!(flat(&app).contains("[Cargo.toml"), "{}", flat(&app));
    // On an empty field Tab still goes on.
    press_mod(
        &mut app,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    tab(&mut app);
    assert_ne!(
        app.step(),
        Step::Attachments,
        "Tab on an empty field goes on"
    );
}

#[test]
fn a_path_that_leads_nowhere_is_refused_at_once() {
    let mut app = app_at(daughter_case(), Step::Attachments);
    let before = app.raw().attachments.clone();
    to_add_field(&mut app);
    type_text(&mut app, "/finnes/ikke/vedtak.pdf\n");
    assert_eq!(app.raw().attachments, before, "nothing added");
    let shown = flat(&app);
    assert!(shown.contains("finner ikke filen"), "{shown}");
}

/// The screen's words, line breaks and indentation as single spaces.
fn flat(app: &omsorgsklage::interview::App) -> String {
    screen_text(app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `raw` with one attachment, "Legeerklæring", that is the file at `path`.
fn with_file(mut raw: case::RawCase, path: &str) -> case::RawCase {
    raw.attachments = Some(vec![omsorgsklage::domain::attachment::RawAttachment::File(
        omsorgsklage::domain::attachment::RawAttachmentFile {
            title: Some("Legeerklæring".into()),
            file: Some(path.into()),
        },
    )]);
    raw
}

#[test]
fn a_saved_case_says_when_a_file_has_moved() {
    let raw = with_file(daughter_case(), "/finnes/ikke/lenger.pdf");
    let app = app_at(raw, Step::Attachments);
    let shown = flat(&app);
    assert!(shown.contains("Legeerklæring"), "{shown}");
    assert!(shown.contains("finner ikke filen"), "{shown}");
    assert!(shown.contains("flyttet eller slettet?"), "{shown}");
}

#[test]
fn check_answers_names_a_file_that_has_moved_and_leads_to_the_attachments() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = a_pdf(dir.path(), "legeerklaering.pdf");
    let raw = with_file(daughter_case(), &file.display().to_string());
    let app = app_at(raw.clone(), Step::Check);
    assert!(!flat(&app).contains("finner ikke filen"), "{}", flat(&app));
    // The case opened again after the file was moved away.
    std::fs::remove_file(&file).expect("move it away");
    let mut app = app_at(raw, Step::Check);
    let shown = flat(&app);
    assert!(shown.contains("finner ikke filen"), "{shown}");
    // It holds the letter back, and Enter on it goes to the attachments.
    select_row(&mut app, "• Vedlegg: finner ikke filen");
    enter(&mut app);
    assert_eq!(app.step(), Step::Attachments);
}

#[test]
fn the_saved_pdf_is_the_envelope_and_the_done_screen_says_so() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = a_pdf(dir.path(), "vedlegg.pdf");
    let raw = with_file(daughter_case(), &file.display().to_string());
    let app = app_at(raw.clone(), Step::Done);
    let base = dir.path().join("klage");
    let report = export::run(&ExportJob {
        ui: omsorgsklage::i18n::Ui::Nb,
        raw,
        today: today(),
        format: ExportFormat::Pdf,
        base: base.clone(),
        kind: LetterKind::Complaint,
        fullmakt: false,
        overwrite: false,
    });
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.bundled);
    let bytes = std::fs::read(dir.path().join("klage.pdf")).expect("pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("load");
    let attached = lopdf::Document::load_mem(&std::fs::read(&file).expect("read")).expect("load");
    assert!(doc.get_pages().len() > attached.get_pages().len());
    // The PDF format is chosen on the done screen: the advice says where the attachments are.
    let mut app = app;
    press(&mut app, KeyCode::Right);
    let shown = flat(&app);
    assert!(
        shown.contains("Vedleggene ligger i samme PDF-fil"),
        "{shown}"
    );
}

#[test]
fn dates_are_read_as_people_write_them_and_echoed() {
    // Today is 20 November 2026.
    let mut app = app_at(empty_case(), Step::DecisionDate);
    type_text(&mut app, "2. nov.");
    assert!(
        screen_text(&app).contains("Forstått som mandag 2. november 2026"),
        "{}",
        screen_text(&app)
    );
    enter(&mut app);
    assert_eq!(app.step(), Step::Received);
    let decided = app.raw().decision.as_ref().and_then(|d| d.date.clone());
    assert_eq!(decided.as_deref(), Some("2026-11-02"));
    // A day the month does not have says why.
    type_text(&mut app, "29.02.2026");
    assert!(
        screen_text(&app).contains("Februar 2026 har bare 28 dager"),
        "{}",
        screen_text(&app)
    );
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "i går");
    assert!(screen_text(&app).contains("Forstått som torsdag 19. november 2026"));
    enter(&mut app);
    let received = app.raw().decision.as_ref().and_then(|d| d.received.clone());
    assert_eq!(received.as_deref(), Some("2026-11-19"));
    // The other forms, through the same field.
    for (typed, iso) in [
        ("12/11/2026", "2026-11-12"),
        ("12.11.26", "2026-11-12"),
        ("12.11", "2026-11-12"),
        ("12.11.", "2026-11-12"),
        ("12 nov", "2026-11-12"),
        ("12. november 2026", "2026-11-12"),
        ("2026-11-12", "2026-11-12"),
        ("i dag", "2026-11-20"),
    ] {
        let mut app = app_at(empty_case(), Step::DecisionDate);
        type_text(&mut app, typed);
        enter(&mut app);
        assert_eq!(app.step(), Step::Received, "{typed}");
        let d = app.raw().decision.as_ref().and_then(|d| d.date.clone());
        assert_eq!(d.as_deref(), Some(iso), "{typed}");
    }
}

#[test]
fn a_municipality_typed_with_a_typo_or_without_aeoa_is_suggested() {
    for (typed, name, number) in [
        ("Bærun", "Bærum", "3201"),
        ("Tromso", "Tromsø", "5501"),
        ("Baerum", "Bærum", "3201"),
        ("Kristiansnad", "Kristiansand", "4204"),
        ("Alesund", "Ålesund", "1508"),
    ] {
        let mut app = app_at(empty_case(), Step::Municipality);
        type_text(&mut app, typed);
        let shown = screen_text(&app);
        if typed == "Bærun" || typed == "Kristiansnad" {
            // A spelling guess is listed, never chosen for the person (issue #26).
            assert!(!shown.contains("▶"), "{typed}:\n{shown}");
            assert!(shown.contains(name), "{typed}:\n{shown}");
            press(&mut app, KeyCode::Down);
        } else {
            assert!(shown.contains(&format!("▶ {name}")), "{typed}:\n{shown}");
        }
        enter(&mut app);
        let m = app.raw().municipality.clone().expect("chosen");
        assert_eq!(m.number.as_deref(), Some(number), "{typed}");
    }
    // A typo says that these are suggestions.
    let mut app = app_at(empty_case(), Step::Municipality);
    type_text(&mut app, "Bærun");
    assert!(screen_text(&app).contains("Ingen kommune heter «Bærun». Mente du"));
}

/// A case whose applicant lives at this postcode and town (issue #26).
fn living_at(postcode: &str, city: &str) -> case::RawCase {
    let mut raw = empty_case();
    raw.applicant = Some(case::RawPerson {
        name: Some("Kari Nordmann".into()),
        postcode: Some(postcode.into()),
        city: Some(city.into()),
        ..Default::default()
    });
    raw
}

/// Someone writing for another is told whose postcode it is, not "ditt".
#[test]
fn the_postcode_is_said_to_be_the_persons_when_someone_writes_for_them() {
    let mut raw = living_at("6800", "Førde");
    raw.representative = daughter_case().representative;
    let app = app_at(raw, Step::Municipality);
    let shown = screen_text(&app);
    assert!(
        shown.contains("Postnummeret til Kari Nordmann, 6800, hører til Sunnfjord kommune."),
        "{shown}"
    );
}

#[test]
fn the_postcode_proposes_its_municipality_and_a_town_resolves_to_its_own() {
    // Førde, 6800: Sunnfjord is proposed because of the postcode, never Fjord.
    let mut app = app_at(living_at("6800", "Førde"), Step::Municipality);
    let shown = screen_text(&app);
    assert!(
        shown.contains("Postnummeret ditt, 6800, hører til Sunnfjord kommune."),
        "{shown}"
    );
    assert!(shown.contains("▶ Sunnfjord"), "{shown}");
    assert!(!shown.contains("Fjord  ("), "{shown}");
    // The town typed: "Førde ligger i Sunnfjord kommune", Sunnfjord chosen.
    type_text(&mut app, "Førde");
    let shown = screen_text(&app);
    assert!(
        shown.contains("Førde ligger i Sunnfjord kommune."),
        "{shown}"
    );
    assert!(shown.contains("▶ Sunnfjord"), "{shown}");
    enter(&mut app);
    assert_eq!(app.step(), Step::MunicipalityAddress);
    let m = app.raw().municipality.clone().expect("chosen");
    assert_eq!(m.name.as_deref(), Some("Sunnfjord"));
}

#[test]
fn a_spelling_guess_is_never_chosen_and_the_postcode_comes_first() {
    let mut app = app_at(living_at("6800", "Førde"), Step::Municipality);
    type_text(&mut app, "Fjordx");
    let shown = screen_text(&app);
    assert!(!shown.contains("▶"), "{shown}");
    let home = shown.find("Sunnfjord  (").expect("Sunnfjord listed");
    let guess = shown.find("Fjord  (").expect("the guess listed");
    assert!(home < guess, "{shown}");
    // Enter with nothing chosen asks to choose; nothing is written.
    enter(&mut app);
    assert_eq!(app.step(), Step::Municipality);
    assert!(app.raw().municipality.is_none());
    assert!(
        screen_text(&app).contains("Velg en kommune i lista"),
        "{}",
        screen_text(&app)
    );
    // Choosing with the arrows takes the highlighted one.
    press(&mut app, KeyCode::Down);
    enter(&mut app);
    assert_eq!(
        app.raw()
            .municipality
            .clone()
            .expect("chosen")
            .name
            .as_deref(),
        Some("Sunnfjord")
    );
}

#[test]
fn every_municipality_row_shows_its_county_tromso_too() {
    let mut app = app_at(empty_case(), Step::Municipality);
    type_text(&mut app, "Tromsø");
    assert!(
        screen_text(&app).contains("Tromsø  (Troms, 5501)"),
        "{}",
        screen_text(&app)
    );
}

#[test]
fn a_known_postcode_suggests_its_town_which_can_be_changed() {
    let mut app = app_at(empty_case(), Step::Applicant);
    type_text(&mut app, "Kari Nordmann\nStorgata 1\n9008");
    let shown = screen_text(&app);
    assert!(
        shown.contains("Poststedet som hører til postnummeret"),
        "{shown}"
    );
    let city = app.raw().applicant.as_ref().and_then(|p| p.city.clone());
    assert_eq!(city.as_deref(), Some("Tromsø"));
    // Another postcode: the suggestion follows, as long as the town was not changed.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "6");
    let city = app.raw().applicant.as_ref().and_then(|p| p.city.clone());
    assert_eq!(city.as_deref(), Some("Tromsø"), "9006 is Tromsø too");
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "1337");
    let city = app.raw().applicant.as_ref().and_then(|p| p.city.clone());
    assert_eq!(city.as_deref(), Some("Sandvika"));
    // The town is editable; a town written by the person is not replaced.
    enter(&mut app);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "Bærum");
    press(&mut app, KeyCode::Up);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "0150");
    let city = app.raw().applicant.as_ref().and_then(|p| p.city.clone());
    assert_eq!(city.as_deref(), Some("Bærum"));
    // An unknown postcode passes without a word.
    let mut app = app_at(empty_case(), Step::Applicant);
    type_text(&mut app, "Kari Nordmann\nStorgata 1\n9999\n");
    let shown = screen_text(&app);
    assert!(!shown.contains("Feil"), "{shown}");
    let city = app.raw().applicant.as_ref().and_then(|p| p.city.clone());
    assert_eq!(city, None);
}

#[test]
fn a_phone_number_or_email_that_looks_mistyped_gets_a_warning_not_a_stop() {
    let mut app = app_at(empty_case(), Step::Applicant);
    type_text(
        &mut app,
        "Kari Nordmann\nStorgata 1\n9008\n\n1234\nkari@example\n",
    );
    // The screen's words, whatever the line breaks.
    let shown = screen_text(&app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains("«1234» ser ikke ut som et telefonnummer"),
        "{shown}"
    );
    assert!(
        shown.contains("«kari@example» ser ikke ut som en e-postadresse"),
        "{shown}"
    );
    let city = app.raw().applicant.as_ref().and_then(|p| p.city.clone());
    assert_eq!(city.as_deref(), Some("Tromsø"));
    // A warning: the form can be left (a foreign number may be right).
    let mut app = app_at(empty_case(), Step::Applicant);
    type_text(
        &mut app,
        "Kari Nordmann\nStorgata 1\n9008\n\n+46 70 123 45 67\nkari@example.se\n",
    );
    let shown = screen_text(&app);
    assert!(!shown.contains("ser ikke ut som"), "{shown}");
}

#[test]
fn enter_on_the_service_list_before_choosing_does_not_choose_the_first() {
    let mut app = app_at(empty_case(), Step::Service);
    assert!(!screen_text(&app).contains("▶"), "{}", screen_text(&app));
    enter(&mut app);
    assert_eq!(app.step(), Step::Service);
    assert_eq!(app.raw().service, None);
    // Now the highlight is in the list, on the first service; Enter chooses it.
    assert!(screen_text(&app).contains("▶"), "{}", screen_text(&app));
    press(&mut app, KeyCode::Down);
    enter(&mut app);
    assert_ne!(app.step(), Step::Service);
    assert!(app.raw().service.is_some());
}

#[test]
fn texts_fit_the_case_one_checkbox_the_chosen_service_and_no_name_yet() {
    // Refused (nothing cut): innsyn and the reasons can be asked for, not postponement.
    let mut raw = daughter_case();
    raw.situation = Some("avslag".into());
    let app = app_at(raw, Step::Requests);
    let s = screen_text(&app);
    assert!(!s.contains("Alle kan stå tomme"), "{s}");
    assert!(s.contains("Begge kan stå tomme"), "{s}");
    // Omsorgsbolig: no example about home nursing.
    let mut raw = daughter_case();
    raw.service = Some("omsorgsbolig".into());
    if let Some(d) = raw.decision.as_mut() {
        d.applied_for = None;
        d.granted = None;
    }
    let app = app_at(raw, Step::Decision);
    let s = screen_text(&app);
    assert!(!s.contains("tre ganger om dagen"), "{s}");
    // Writing for someone whose name is not asked yet: no "[navnet]".
    let mut raw = daughter_case();
    raw.applicant = None;
    raw.outcome = None;
    let app = app_at(raw, Step::Outcome);
    let s = screen_text(&app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!s.contains("[navnet]"), "{s}");
    assert!(s.contains("slik at den du skriver for fortsatt får"), "{s}");
}

// ---- What the writer is (representative.role) and the carer's own complaint ----

#[test]
fn the_writer_is_asked_what_they_are_before_the_fullmakt_which_only_a_helper_is_asked() {
    let mut app = new_app();
    enter(&mut app);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.step(), Step::Role);
    let s = screen_text(&app);
    for option in [
        "Jeg er mor eller far til et barn under 18 år",
        "Jeg er oppnevnt som verge",
        "Jeg er advokat",
        "Jeg er pårørende, venn eller en annen som hjelper",
    ] {
        assert!(s.contains(option), "{option}\n{s}");
    }
    // Before an answer nothing is highlighted: a guess here decides who signs.
    assert!(!s.contains("▶"), "{s}");
    // A parent: the relation (mor/far) is asked, the fullmakt never.
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.step(), Step::Relation);
    assert!(screen_text(&app).contains("Er du mor eller far til barnet?"));
    type_text(&mut app, "mor\n");
    // Who the child is, before the details (#25).
    assert_eq!(app.step(), Step::Person);
    assert!(screen_text(&app).contains("Hvem er barnet?"));
    type_text(&mut app, "Emil Haugen\n14.03.2014\n");
    assert_eq!(app.step(), Step::Service);
    let rep = app.raw().representative.clone().expect("representative");
    assert_eq!(rep.role.as_deref(), Some("forelder"));
    assert!(!app.path().contains(&Step::Fullmakt));
    // Back to the role: a verge is asked neither the relation nor the fullmakt.
    esc(&mut app);
    esc(&mut app);
    esc(&mut app);
    assert_eq!(app.step(), Step::Role);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.step(), Step::Person);
    enter(&mut app);
    enter(&mut app);
    assert_eq!(app.step(), Step::Service);
    assert_eq!(
        app.raw()
            .representative
            .as_ref()
            .and_then(|r| r.role.as_deref()),
        Some("verge")
    );
    assert!(!app.path().contains(&Step::Relation) && !app.path().contains(&Step::Fullmakt));
}

#[test]
fn a_helper_who_becomes_a_lawyer_loses_the_fullmakt_answer_and_the_letter_says_so() {
    // The daughter had a fullmakt; she changes her answer to "lawyer" on the check page.
    let mut app = app_at(daughter_case(), Step::Check);
    select_row(&mut app, "Hva du er");
    enter(&mut app);
    assert_eq!(app.step(), Step::Role);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.step(), Step::Check);
    let rep = app.raw().representative.clone().expect("representative");
    assert_eq!(rep.role.as_deref(), Some("advokat"));
    assert_eq!(rep.power_of_attorney, None);
    let text = letter_text(
        app.raw(),
        today(),
        omsorgsklage::i18n::Ui::Nb,
        LetterKind::Complaint,
    )
    .expect("letter");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Jeg klager som advokat for Ola Hansen"),
        "{flat}"
    );
    assert!(!flat.contains("Fullmakt"), "{flat}");
}

#[test]
fn a_carer_is_asked_who_they_care_for_and_the_grounds_speak_to_the_carer() {
    let mut raw = empty_case();
    raw.service = Some("avlastning".into());
    // A draft saved on the carer question of before opens on who complains, where the carer
    // answers once (#25); the service list then holds the services a carer may complain about.
    let mut app = app_at(raw, Step::Carer);
    assert_eq!(app.step(), Step::Who);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.step(), Step::Service);
    enter(&mut app);
    assert_eq!(app.step(), Step::CaredFor);
    let s = screen_text(&app);
    assert!(s.contains("Hvem gir du omsorg til?"), "{s}");
    type_text(&mut app, "Tobias Haugen\n14.09.2012\nsønn\n");
    assert_ne!(app.step(), Step::CaredFor, "{}", screen_text(&app));
    let cf = app.raw().cared_for.clone().expect("cared_for");
    assert_eq!(cf.name.as_deref(), Some("Tobias Haugen"));
    assert_eq!(cf.birth_date.as_deref(), Some("2012-09-14"));
    assert_eq!(cf.relation.as_deref(), Some("sønn"));
    // The grounds questions speak to the carer.
    let app = app_at(app.raw().clone(), Step::Ground(Ground::Health));
    let s = screen_text(&app);
    assert!(
        s.contains("Hvordan er helsen din, du som gir omsorg?"),
        "{s}"
    );
    assert!(!s.contains("Hvordan er helsen din?"), "{s}");
    let app = app_at(app.raw().clone(), Step::Ground(Ground::DailyLife));
    assert!(screen_text(&app).contains("Hva gjør du for den du gir omsorg til?"));
    // Not a carer: the usual question.
    let mut raw = app.raw().clone();
    raw.complainant_is_carer = Some(false);
    let app = app_at(raw, Step::Ground(Ground::Health));
    assert!(!app.path().contains(&Step::CaredFor));
    assert!(screen_text(&app).contains("Hvordan er helsen din?"));
}

#[test]
fn the_check_page_names_a_missing_person_cared_for_and_the_role_problems() {
    let mut raw = daughter_case();
    raw.service = Some("avlastning".into());
    raw.complainant_is_carer = Some(true);
    raw.representative = None;
    let app = app_at(raw, Step::Check);
    let s = screen_sized(&app, 80, 40);
    assert!(s.contains("Den du gir omsorg til"), "{s}");
    assert!(s.contains("Skriv hvem du gir omsorg til"), "{s}");
    assert_eq!(step_for_field("cared_for.name"), Some(Step::CaredFor));
    assert_eq!(step_for_field("representative.role"), Some(Step::Role));
    // A parent of an adult: an error on the role, which leads to the role question.
    let mut raw = daughter_case();
    let rep = raw.representative.as_mut().expect("rep");
    rep.role = Some("forelder".into());
    raw.applicant.as_mut().expect("applicant").birth_date = Some("1950-01-01".into());
    let app = app_at(raw, Step::Check);
    let s = screen_text(&app);
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Hva du er: er «forelder», men den vedtaket gjelder, er 76 år"),
        "{s}"
    );
    assert!(
        flat.contains("En forelder kan bare klage for barn under 18 år"),
        "{s}"
    );
}

#[test]
fn the_check_page_asks_an_adviser_to_verify_an_old_law_table() {
    let fresh = app_at(daughter_case(), Step::Check);
    assert!(!screen_sized(&fresh, 80, 40).contains("sist kontrollert"));
    let late = chrono::NaiveDate::from_ymd_opt(2027, 12, 4).expect("date");
    let mut old = omsorgsklage::interview::App::from_raw(
        daughter_case(),
        Step::Check,
        omsorgsklage::i18n::Ui::Nb,
        late,
        &options(),
    );
    old.set_theme(omsorgsklage::tui::theme::Theme::new(
        omsorgsklage::tui::theme::ThemeName::NoColor,
    ));
    // A year on, the case is also too old to complain (an error above the notice): a tall
    // window shows both.
    let s = screen_sized(&old, 80, 60).replace('"', " ");
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("lovhenvisningene ble sist kontrollert 3. desember 2026"),
        "{s}"
    );
}

#[test]
fn the_done_screen_offers_a_fullmakt_only_to_a_helper_and_says_who_signs() {
    let helper = |role: Option<&str>, birth: &str| {
        let mut raw = daughter_case();
        let rep = raw.representative.as_mut().expect("rep");
        rep.power_of_attorney = None;
        rep.role = role.map(str::to_string);
        raw.applicant.as_mut().expect("applicant").birth_date = Some(birth.into());
        let app = app_at(raw, Step::Done);
        screen_sized(&app, 100, 60)
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let s = helper(None, "1940-01-01");
    assert!(
        s.contains("Lag også en fullmakt som Ola Hansen kan skrive under"),
        "{s}"
    );
    assert!(s.contains("Både du og Ola Hansen skriver under"), "{s}");
    // A parent of a 12-year-old: no fullmakt, the parent signs alone.
    let s = helper(Some("forelder"), "2014-03-10");
    assert!(!s.contains("Lag også en fullmakt"), "{s}");
    assert!(!s.contains("Både du og"), "{s}");
    // A parent of a 16-year-old: both sign, still no fullmakt.
    let s = helper(Some("forelder"), "2010-01-15");
    assert!(!s.contains("Lag også en fullmakt"), "{s}");
    assert!(s.contains("Både du og Ola Hansen skriver under"), "{s}");
    // A verge: no fullmakt, signs alone.
    let s = helper(Some("verge"), "1940-01-01");
    assert!(
        !s.contains("Lag også en fullmakt") && !s.contains("Både du og"),
        "{s}"
    );
}

#[test]
fn in_oslo_the_bydel_is_asked_and_the_letter_goes_to_it() {
    let mut app = app_at(daughter_case(), Step::Municipality);
    press_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "Oslo");
    enter(&mut app);
    assert_eq!(app.step(), Step::District);
    let shown = screen_text(&app);
    assert!(shown.contains("Hvilken bydel i Oslo"), "{shown}");
    // Typing part of the name finds it (more in tests/oslo.rs).
    type_text(&mut app, "grün");
    assert!(
        screen_text(&app).contains("Grünerløkka"),
        "{}",
        screen_text(&app)
    );
    enter(&mut app);
    assert_eq!(app.step(), Step::MunicipalityAddress);
    let m = app.raw().municipality.clone().expect("municipality");
    assert_eq!(m.number.as_deref(), Some("0301"));
    assert_eq!(m.district.as_deref(), Some("Grünerløkka"));
    for (ui, maker) in [
        (
            omsorgsklage::i18n::Ui::Nb,
            "bydel Grünerløkka i Oslo kommune",
        ),
        (
            omsorgsklage::i18n::Ui::Nn,
            "bydel Grünerløkka i Oslo kommune",
        ),
    ] {
        let mut raw = app.raw().clone();
        raw.language = Some(
            if ui == omsorgsklage::i18n::Ui::Nn {
                "nn"
            } else {
                "nb"
            }
            .into(),
        );
        let letter = letter_text(&raw, today(), ui, LetterKind::Complaint).expect("letter");
        assert!(
            letter.contains("Oslo kommune, bydel Grünerløkka"),
            "{letter}"
        );
        let flat = letter.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(maker), "{letter}");
    }
    assert!(path(app.raw(), omsorgsklage::i18n::Ui::Nb, today()).contains(&Step::District));
    // Another municipality asks no bydel.
    let mut tromso = daughter_case();
    tromso.municipality = Some(case::RawMunicipality {
        number: Some("5501".into()),
        ..Default::default()
    });
    assert!(!path(&tromso, omsorgsklage::i18n::Ui::Nb, today()).contains(&Step::District));
}
