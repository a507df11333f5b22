//! After the complaint, in the wizard: the case screen (timeline and what to do now), each
//! follow-up letter's short flow (only the questions the case has no answer to, then the same
//! check answers, preview and save as the complaint), and "Har du sendt klagen? Når?" after the
//! complaint is saved.

mod tui_common;

use crossterm::event::KeyCode;
use omsorgsklage::domain::case::Ground;
use omsorgsklage::domain::letter::LetterKind;
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::Step;
use omsorgsklage::interview::action::{Action, Effect};
use omsorgsklage::interview::export;
use omsorgsklage::interview::steps::preview::letter_text;
use tui_common::*;

/// The wizard on the case screen of the daughter's case, as when it is opened from the list.
fn case_screen(raw: omsorgsklage::domain::case::RawCase) -> omsorgsklage::interview::App {
    let mut app = app_at(raw, Step::Done);
    app.show_case();
    assert_eq!(app.step(), Step::Case);
    app
}

/// Choose the row of the case screen whose text starts with `label` (by its number).
fn choose(app: &mut omsorgsklage::interview::App, label: &str) {
    // The list may scroll: move down until the line is in view.
    for _ in 0..12 {
        let text = screen_text(app);
        for line in text.lines() {
            let l = line.trim_start().trim_start_matches('▶').trim_start();
            if let Some((n, rest)) = l.split_once(". ")
                && rest.starts_with(label)
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
            {
                let digit = n.chars().next().expect("digit");
                press(app, KeyCode::Char(digit));
                return;
            }
        }
        press(app, KeyCode::Down);
    }
    panic!("no choice {label}:\n{}", screen_text(app));
}

/// From check answers, through the preview, to the done screen; returns the preview's text.
fn preview_and_done(app: &mut omsorgsklage::interview::App) -> String {
    assert_eq!(app.step(), Step::Check, "{}", screen_text(app));
    press(app, KeyCode::Tab);
    assert_eq!(app.step(), Step::Preview, "{}", screen_text(app));
    let text = match &letter_text(app.raw(), today(), Ui::Nb, app.kind()) {
        Ok(t) => t.clone(),
        Err(e) => panic!("{e}"),
    };
    enter(app);
    assert_eq!(app.step(), Step::Done);
    text
}

#[test]
fn the_case_screen_shows_the_timeline_and_what_can_be_done() {
    let mut raw = daughter_case();
    raw.sent = Some("2026-11-10".into());
    let app = case_screen(raw);
    let s = screen_text(&app);
    assert!(s.contains("Saken din"), "{s}");
    assert!(s.contains("Ola Hansen – hjemmesykepleie"), "{s}");
    // Received 5 November: four weeks → Thursday 3 December.
    assert!(s.contains("3. desember 2026: siste dag å klage"), "{s}");
    assert!(s.contains("10. november 2026: klagen ble sendt"), "{s}");
    // One month after it was sent, a preliminary reply is due (fvl § 11 a).
    assert!(
        s.contains("10. desember 2026: har du ikke fått svar"),
        "{s}"
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_case_screen_lists_every_follow_up_letter_with_an_explanation() {
    let mut app = case_screen(daughter_case());
    // At 80×24 the list scrolls: walk it to the end and collect what was seen.
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&screen_text(&app));
        press(&mut app, KeyCode::Down);
    }
    for label in [
        "Se over klagen, eller skriv den ut på nytt",
        "Jeg har sendt klagen: skriv inn datoen",
        "Krav om innsyn",
        "Krav om begrunnelse",
        "Krav om utsatt iverksetting",
        "Purring",
        "Tilleggsopplysninger",
        "Fullmakt",
    ] {
        assert!(seen.contains(label), "{label} missing:\n{seen}");
    }
}

#[test]
fn postponement_is_not_offered_when_nothing_is_cut() {
    let mut raw = daughter_case();
    raw.situation = Some("avslag".into());
    let mut app = case_screen(raw);
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&screen_text(&app));
        press(&mut app, KeyCode::Down);
    }
    assert!(seen.contains("Purring"), "{seen}");
    assert!(!seen.contains("utsatt iverksetting"), "{seen}");
}

#[test]
fn innsyn_for_a_complete_case_goes_straight_to_check_answers() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Krav om innsyn");
    assert_eq!(app.kind(), LetterKind::Innsyn);
    // Everything the letter needs is known: no questions, only the check.
    let s = screen_text(&app);
    assert!(s.contains("Krav om innsyn"), "the letter is named:\n{s}");
    let letter = preview_and_done(&mut app);
    assert!(letter.contains("Krav om innsyn i saken om hjemmesykepleie"));
    assert!(letter.contains("forvaltningsloven § 18"), "{letter}");
    // The done screen suggests a file named after the letter.
    assert!(screen_text(&app).contains("innsyn-ola-hansen-2026-11-20"));
}

#[test]
fn a_reminder_asks_when_the_complaint_was_sent_and_cites_fvl_11_a() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Purring");
    assert_eq!(app.step(), Step::Sent, "{}", screen_text(&app));
    assert!(screen_text(&app).contains("Har du sendt klagen? Når?"));
    // A day that has not come is refused, in words.
    type_text(&mut app, "24.12.2026\n");
    assert_eq!(app.step(), Step::Sent);
    assert!(screen_text(&app).contains("Denne dagen har ikke kommet ennå"));
    press_mod(
        &mut app,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    type_text(&mut app, "10.11.2026\n");
    assert_eq!(app.raw().sent.as_deref(), Some("2026-11-10"));
    // Ten days after sending: a warning (not an error) that the month is not over.
    let s = screen_text(&app);
    assert!(s.contains("mindre enn én måned"), "{s}");
    let letter = preview_and_done(&mut app);
    assert!(letter.contains("Purring: klage på vedtak om hjemmesykepleie"));
    assert!(letter.contains("Jeg sendte en klage på vedtaket 10. november 2026"));
    assert!(letter.contains("forvaltningsloven § 11 a"), "{letter}");
}

#[test]
fn a_sent_date_before_the_decision_is_refused() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Purring");
    type_text(&mut app, "01.11.2026\n");
    assert_eq!(app.step(), Step::Sent);
    assert!(screen_text(&app).contains("før datoen på vedtaket"));
}

#[test]
fn additional_information_asks_for_the_date_and_the_new_information() {
    let mut raw = daughter_case();
    raw.sent = Some("2026-11-10".into());
    let mut app = case_screen(raw);
    choose(&mut app, "Tilleggsopplysninger");
    // The date is known: the only question is what is new.
    assert_eq!(app.step(), Step::Supplement, "{}", screen_text(&app));
    assert!(screen_text(&app).contains("Hva er nytt siden du sendte klagen?"));
    type_text(&mut app, "Far falt i badet 15. november og brakk hoften.");
    tab(&mut app);
    assert_eq!(
        app.raw().supplement.as_deref(),
        Some("Far falt i badet 15. november og brakk hoften.")
    );
    let letter = preview_and_done(&mut app);
    assert!(letter.contains("Tilleggsopplysninger til klage på vedtak om hjemmesykepleie"));
    assert!(letter.contains("Jeg klaget på vedtaket 10. november 2026"));
    assert!(letter.contains("Far falt i badet 15. november og brakk hoften."));
}

#[test]
fn postponement_asks_about_safety_and_consequences_and_cites_fvl_42() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Krav om utsatt iverksetting");
    // Not sent yet: the date may stay empty.
    assert_eq!(app.step(), Step::Sent);
    enter(&mut app);
    assert_eq!(app.step(), Step::Ground(Ground::Safety));
    type_text(&mut app, "Far har falt to ganger i høst.");
    tab(&mut app);
    assert_eq!(app.step(), Step::Ground(Ground::Consequences));
    tab(&mut app);
    let letter = preview_and_done(&mut app);
    assert!(letter.contains("Krav om utsatt iverksetting av vedtak om hjemmesykepleie"));
    assert!(letter.contains("reduserer hjemmesykepleie"), "{letter}");
    assert!(letter.contains("forvaltningsloven § 42"));
    assert!(letter.contains("Far har falt to ganger i høst."));
}

#[test]
fn a_fullmakt_is_written_for_the_person_to_sign() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Fullmakt");
    let letter = preview_and_done(&mut app);
    assert!(letter.contains("Jeg, Ola Hansen"), "{letter}");
    assert!(letter.contains("Kari Hansen"), "{letter}");
    // What to do next: the person signs.
    let s = screen_text(&app);
    assert!(s.contains("Gi fullmakten til Ola Hansen"), "{s}");
}

#[test]
fn a_fullmakt_for_someone_writing_for_themselves_asks_who_is_writing() {
    let mut raw = daughter_case();
    raw.representative = None;
    let mut app = case_screen(raw);
    choose(&mut app, "Fullmakt");
    assert_eq!(app.step(), Step::Who, "{}", screen_text(&app));
}

#[test]
fn reasons_for_a_complete_case_cite_fvl_24_and_never_an_interrupted_deadline_on_route_a() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Krav om begrunnelse");
    let letter = preview_and_done(&mut app);
    assert!(letter.contains("Krav om begrunnelse for vedtak om hjemmesykepleie"));
    assert!(letter.contains("forvaltningsloven § 24"), "{letter}");
    // Route A (hjemmesykepleie): asking for reasons neither interrupts nor extends the deadline.
    assert!(!letter.contains("§ 29"), "{letter}");
    assert!(!letter.contains("avbrytes"), "{letter}");
    // What to do next: complain within four weeks anyway, and send the rest later.
    let s = screen_sized(&app, 80, 40);
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Å be om begrunnelse forlenger ikke klagefristen"),
        "{s}"
    );
    assert!(!flat.contains("avbrytes"), "{s}");
}

#[test]
fn a_new_case_can_start_with_another_letter_and_asks_everything() {
    let mut app = new_app();
    press(&mut app, KeyCode::Down);
    enter(&mut app);
    assert_eq!(app.step(), Step::Case);
    let s = screen_text(&app);
    assert!(s.contains("Skriv en klage"), "{s}");
    assert!(!s.contains("Tidslinje"), "nothing to show yet:\n{s}");
    choose(&mut app, "Krav om innsyn");
    assert_eq!(app.kind(), LetterKind::Innsyn);
    assert_eq!(app.step(), Step::Who);
    // Back from the first question: the case screen; back again: the start.
    esc(&mut app);
    assert_eq!(app.step(), Step::Case);
    esc(&mut app);
    assert_eq!(app.step(), Step::Start);
}

#[test]
fn a_new_innsyn_walks_only_the_questions_the_letter_needs() {
    let mut app = new_app();
    press(&mut app, KeyCode::Down);
    enter(&mut app);
    choose(&mut app, "Krav om innsyn");
    let mut steps = vec![app.step()];
    // Answer each screen with its first choice or a valid value, until check answers.
    for _ in 0..30 {
        match app.step() {
            Step::Who | Step::Situation => {
                press(&mut app, KeyCode::Char('1'));
            }
            Step::Service => {
                type_text(&mut app, "praktisk\n");
            }
            Step::DecisionDate => type_text(&mut app, "02.11.2026\n"),
            Step::Received => type_text(&mut app, "05.11.2026\n"),
            Step::Decision => type_text(&mut app, "\n\n"),
            Step::Applicant => type_text(&mut app, "Ola Hansen\nStorgata 1\n9008\nTromsø\n\n\n\n"),
            // The town is suggested.
            Step::Municipality => {
                enter(&mut app);
            }
            Step::MunicipalityAddress => type_text(&mut app, "Postboks 6900\n9299 Tromsø\n\n"),
            Step::Check => break,
            s => panic!("unexpected {s:?}:\n{}", screen_text(&app)),
        }
        if steps.last() != Some(&app.step()) {
            steps.push(app.step());
        }
    }
    assert_eq!(
        steps,
        vec![
            Step::Who,
            Step::Service,
            Step::Situation,
            Step::DecisionDate,
            Step::Received,
            Step::Decision,
            Step::Applicant,
            Step::Municipality,
            Step::MunicipalityAddress,
            Step::Check,
        ]
    );
    let letter = preview_and_done(&mut app);
    assert!(letter.contains("Krav om innsyn i saken om praktisk bistand"));
    // Practical help has no journal: only fvl § 18.
    assert!(
        !letter.contains("pasient- og brukerrettighetsloven § 5-1"),
        "{letter}"
    );
}

#[test]
fn after_the_complaint_is_saved_the_wizard_asks_when_it_was_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app_at(daughter_case(), Step::Done);
    // Save from the done screen's button.
    while !screen_text(&app).contains("▶ [ Lagre ]") {
        press(&mut app, KeyCode::Down);
    }
    let job = match enter(&mut app) {
        Effect::Export(job) => job,
        e => panic!("{e:?}"),
    };
    let mut job = *job;
    job.base = dir.path().join("klage");
    let report = export::run(&job);
    assert!(report.errors.is_empty(), "{report:?}");
    app.update(Action::ExportDone(report));
    // The letter's date is kept with the case (issue 23): it is reprinted as it was sent.
    assert_eq!(app.raw().letter_date.as_deref(), Some("2026-11-20"));
    let s = screen_text(&app);
    assert!(
        s.contains("▶ [ Har du sendt klagen? Skriv inn datoen ]"),
        "{s}"
    );
    enter(&mut app);
    assert_eq!(app.step(), Step::Sent);
    type_text(&mut app, "20.11.2026\n");
    // Back on the done screen as it was: the file saved, the date noted.
    assert_eq!(app.step(), Step::Done);
    let s = screen_text(&app);
    assert!(s.contains("Lagret:"), "{s}");
    assert!(s.contains("Klagen ble sendt 20. november 2026."), "{s}");
    assert_eq!(app.raw().sent.as_deref(), Some("2026-11-20"));
    // On to the case screen: the timeline has the date and the answer due a month later.
    while !screen_text(&app).contains("▶ [ Til saken") {
        press(&mut app, KeyCode::Down);
    }
    enter(&mut app);
    assert_eq!(app.step(), Step::Case);
    let s = screen_text(&app);
    assert!(s.contains("20. november 2026: klagen ble sendt"), "{s}");
    // A month later is Sunday 20 December: the answer is due the next working day.
    assert!(
        s.contains("21. desember 2026: har du ikke fått svar"),
        "{s}"
    );
}

#[test]
fn the_sent_question_can_be_left_with_esc_and_changes_nothing() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Jeg har sendt klagen");
    assert_eq!(app.step(), Step::Sent);
    esc(&mut app);
    assert_eq!(app.step(), Step::Case);
    assert_eq!(app.raw().sent, None);
}

#[test]
fn a_follow_up_draft_resumes_as_the_same_letter() {
    let mut raw = daughter_case();
    raw.draft = Some(omsorgsklage::domain::case::RawDraft {
        step: Some("sent".into()),
        updated: None,
        letter: Some("reminder".into()),
    });
    let mut app = app_at(raw, Step::Sent);
    assert_eq!(app.kind(), LetterKind::Reminder);
    assert_eq!(app.step(), Step::Sent);
    // Opened from the list: the case screen offers to go on with it.
    app.show_case();
    let s = screen_text(&app);
    assert!(s.contains("Fortsett med brevet: Purring"), "{s}");
    enter(&mut app);
    assert_eq!(app.step(), Step::Sent);
    assert_eq!(app.kind(), LetterKind::Reminder);
}

#[test]
fn check_answers_of_a_follow_up_shows_the_answers_it_went_past_and_can_change_them() {
    let mut raw = daughter_case();
    raw.sent = Some("2026-11-10".into());
    let mut app = case_screen(raw);
    choose(&mut app, "Purring");
    assert_eq!(app.step(), Step::Check);
    let s = screen_sized(&app, 80, 60);
    assert!(s.contains("Purring"), "{s}");
    assert!(s.contains("Klagen ble sendt"), "{s}");
    // The grounds of the complaint are not part of a reminder.
    assert!(!s.contains("Helse og diagnose"), "{s}");
    // Change the received date (a screen the short flow went past) and come back.
    while !screen_text(&app).contains("▶ Mottatt") {
        press(&mut app, KeyCode::Down);
    }
    enter(&mut app);
    assert_eq!(app.step(), Step::Received);
    enter(&mut app);
    assert_eq!(app.step(), Step::Check);
}

#[test]
fn the_case_screen_in_nynorsk_and_english() {
    for (ui, title, letter) in [
        (Ui::Nn, "Saka di", "Krav om grunngiving"),
        (Ui::En, "Your case", "Request for reasons"),
    ] {
        let mut app = app_at_in(daughter_case(), Step::Done, ui);
        app.show_case();
        let mut seen = String::new();
        for _ in 0..12 {
            seen.push_str(&screen_text(&app));
            press(&mut app, KeyCode::Down);
        }
        assert!(seen.contains(title), "{seen}");
        assert!(seen.contains(letter), "{seen}");
    }
}

/// The daughter's case with the decision received on 3 September: the deadline (1 October
/// 2026) passed before today (20 November).
fn late_case() -> omsorgsklage::domain::case::RawCase {
    let mut raw = daughter_case();
    if let Some(d) = raw.decision.as_mut() {
        d.date = Some("2026-09-01".into());
        d.received = Some("2026-09-03".into());
    }
    raw
}

#[test]
fn a_missed_deadline_is_never_shown_as_done() {
    let app = case_screen(late_case());
    let s = screen_text(&app);
    assert!(s.contains("Fristen gikk ut 1. oktober 2026"), "{s}");
    assert!(!s.contains("siste dag å klage (ferdig)"), "{s}");
    assert!(
        !s.lines()
            .any(|l| l.contains('✓') && l.contains("1. oktober 2026")),
        "{s}"
    );
    // After sending: whether it went before the deadline.
    let mut raw = late_case();
    raw.sent = Some("2026-11-10".into());
    let s = screen_text(&case_screen(raw));
    assert!(s.contains("Klagen ble sendt etter fristen"), "{s}");
    let mut raw = daughter_case();
    raw.sent = Some("2026-11-10".into());
    let s = screen_text(&case_screen(raw));
    assert!(s.contains("Klagen ble sendt før fristen"), "{s}");
}

#[test]
fn the_sent_question_has_no_step_header_and_the_case_screen_opens_at_the_top_after() {
    let mut app = case_screen(daughter_case());
    choose(&mut app, "Jeg har sendt klagen");
    assert_eq!(app.step(), Step::Sent);
    let s = screen_text(&app);
    let header = s.lines().next().unwrap_or_default();
    assert!(!header.contains("Steg"), "{s}");
    type_text(&mut app, "i dag\n");
    assert_eq!(app.step(), Step::Case);
    assert_eq!(app.raw().sent.as_deref(), Some("2026-11-20"));
    let s = screen_text(&app);
    assert!(s.contains("Saken din"), "{s}");
    assert!(s.contains("▶ 1."), "{s}");
}

#[test]
fn the_preliminary_reply_is_counted_from_the_day_sent() {
    // Not sent: no date counted from today.
    let app = app_at(daughter_case(), Step::Done);
    let s = screen_text(&app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.contains("én måned etter at du sender klagen"), "{s}");
    assert!(!s.contains("20. desember 2026"), "{s}");
    // Sent on 10 November: 10 December.
    let mut raw = daughter_case();
    raw.sent = Some("2026-11-10".into());
    let app = app_at(raw, Step::Done);
    let s = screen_text(&app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.contains("svar innen 10. desember 2026"), "{s}");
}

#[test]
fn the_fullmakt_is_saved_in_the_letter_formats() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut raw = daughter_case();
    if let Some(r) = raw.representative.as_mut() {
        r.power_of_attorney = Some(false);
    }
    let mut app = app_at(raw, Step::Done);
    // PDF and text: the third format choice.
    press(&mut app, KeyCode::Char('3'));
    while !screen_text(&app).contains("▶ [ Lagre ]") {
        press(&mut app, KeyCode::Down);
    }
    let job = match enter(&mut app) {
        Effect::Export(job) => job,
        e => panic!("{e:?}"),
    };
    let mut job = *job;
    assert!(job.fullmakt, "the fullmakt is offered and ticked");
    job.base = dir.path().join("klage");
    let report = export::run(&job);
    assert!(report.errors.is_empty(), "{report:?}");
    let names: Vec<String> = report
        .written
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let fullmakt: Vec<&String> = names.iter().filter(|n| n.contains("fullmakt")).collect();
    assert!(fullmakt.iter().any(|n| n.ends_with(".pdf")), "{names:?}");
    assert!(fullmakt.iter().any(|n| n.ends_with(".txt")), "{names:?}");
}

#[test]
fn a_complaint_sent_in_time_is_looked_at_again_after_its_deadline_as_it_was_sent() {
    // Received 5 November: the last day was 3 December. Sent 1 December; opened in January.
    let mut raw = daughter_case();
    raw.sent = Some("2026-12-01".into());
    let later = chrono::NaiveDate::from_ymd_opt(2027, 1, 15).expect("date");
    let mut app = omsorgsklage::tui::App::from_raw(raw, Step::Done, Ui::Nb, later, &options());
    app.show_case();
    choose(&mut app, "Se over klagen");
    let s = screen_text(&app);
    assert_eq!(app.step(), Step::Check, "{s}");
    assert!(!s.contains("Feil"), "{s}");
    assert!(!s.contains("for sent"), "no late reason asked:\n{s}");
    assert!(!s.contains("late_reason"), "{s}");
    let letter = letter_text(app.raw(), later, Ui::Nb, app.kind()).expect("letter");
    assert!(
        letter.contains("1. desember 2026"),
        "dated as sent:\n{letter}"
    );
    assert!(!letter.contains("15. januar 2027"), "{letter}");
}

#[test]
fn the_timeline_marks_only_what_happened_and_says_when_an_answer_is_overdue() {
    // Sent Tuesday 1 December: a month later is Friday 1 January 2027, a holiday, then a
    // weekend: the answer was due Monday 4 January. On 15 January it has not come.
    let mut raw = daughter_case();
    raw.sent = Some("2026-12-01".into());
    let later = chrono::NaiveDate::from_ymd_opt(2027, 1, 15).expect("date");
    let lines = omsorgsklage::timeline::lines(Ui::Nb, &raw, later);
    let due: Vec<&String> = lines.iter().filter(|l| l.contains("2027")).collect();
    assert_eq!(due.len(), 1, "{lines:#?}");
    assert!(due[0].starts_with("! 4. januar 2027: "), "{lines:#?}");
    assert!(due[0].contains("Har du ikke fått svar"), "{lines:#?}");
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with('✓') && l.contains("svar")),
        "an answer that did not come is never done: {lines:#?}"
    );
    // Saving a reminder records it, with its date, and the timeline shows it.
    let mut app = omsorgsklage::tui::App::from_raw(raw, Step::Done, Ui::Nb, later, &options());
    app.show_case();
    choose(&mut app, "Purring");
    assert_eq!(app.step(), Step::Check, "{}", screen_text(&app));
    press(&mut app, KeyCode::Tab);
    enter(&mut app);
    assert_eq!(app.step(), Step::Done, "{}", screen_text(&app));
    while !screen_text(&app).contains("▶ [ Lagre ]") {
        press(&mut app, KeyCode::Down);
    }
    let mut job = match enter(&mut app) {
        Effect::Export(job) => *job,
        e => panic!("{e:?}"),
    };
    let dir = tempfile::tempdir().expect("tempdir");
    job.base = dir.path().join("purring");
    let report = export::run(&job);
    assert!(report.errors.is_empty(), "{report:?}");
    app.update(Action::ExportDone(report));
    let recorded = app.raw().follow_ups.clone().expect("recorded");
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].letter.as_deref(), Some("reminder"));
    assert_eq!(recorded[0].date.as_deref(), Some("2027-01-15"));
    // The complaint's own date is not changed by the reminder.
    assert_eq!(app.raw().letter_date, None);
    let lines = omsorgsklage::timeline::lines(Ui::Nb, app.raw(), later);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("✓ 15. januar 2027: Purring ble lagret")),
        "{lines:#?}"
    );
}

#[test]
fn a_sent_date_before_the_letter_s_date_is_questioned_on_the_timeline() {
    let mut raw = daughter_case();
    raw.letter_date = Some("2026-11-18".into());
    raw.sent = Some("2026-11-10".into());
    let lines = omsorgsklage::timeline::lines(Ui::Nb, &raw, today());
    assert!(
        lines.iter().any(|l| l.starts_with("! ")
            && l.contains("10. november 2026")
            && l.contains("18. november 2026")
            && l.contains("Stemmer datoen?")),
        "{lines:#?}"
    );
}

#[test]
fn a_complaint_not_yet_sent_is_previewed_with_today_s_date_not_an_older_kept_one() {
    // Saved once on 20 November (the date kept), not sent, opened again on 1 December.
    let mut raw = daughter_case();
    raw.letter_date = Some("2026-11-20".into());
    let later = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let mut app = omsorgsklage::tui::App::from_raw(raw, Step::Check, Ui::Nb, later, &options());
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.step(), Step::Preview, "{}", screen_text(&app));
    let s = screen_text(&app);
    assert!(s.contains("1. desember 2026"), "{s}");
    assert!(!s.contains("20. november 2026"), "{s}");
}
