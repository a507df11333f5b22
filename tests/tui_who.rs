//! Who complains, and for whom, in the wizard (issue #25): the role question starts with nothing
//! chosen; a child's birth date is said at once; the reasons the decision lacks are asked for
//! in the complaint; the screens speak to the person writing; attachments have titles.

mod tui_common;

use crossterm::event::KeyCode;
use omsorgsklage::domain::case;
use omsorgsklage::domain::letter::LetterKind;
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::steps::preview::letter_text;
use omsorgsklage::interview::{Step, step_for_field};
use tui_common::*;

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn letter(app: &omsorgsklage::interview::App) -> String {
    letter_text(app.raw(), today(), Ui::Nb, LetterKind::Complaint).expect("letter")
}

#[test]
fn enter_on_the_role_question_before_choosing_says_to_choose_and_picks_nothing() {
    let mut app = new_app();
    enter(&mut app);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.step(), Step::Role);
    assert!(!screen_text(&app).contains("▶"), "{}", screen_text(&app));
    enter(&mut app);
    assert_eq!(app.step(), Step::Role);
    let rep = app
        .raw()
        .representative
        .clone()
        .expect("writing for another");
    assert_eq!(rep.role, None);
    let s = flat(&screen_text(&app));
    assert!(s.contains("Du har ikke valgt noe ennå"), "{s}");
    // The first arrow shows the highlight on the first answer, and Enter then chooses it.
    press(&mut app, KeyCode::Down);
    let s = screen_text(&app);
    assert!(s.contains("▶ ( ) 1."), "{s}");
    assert!(!s.contains("Du har ikke valgt noe ennå"), "{s}");
    enter(&mut app);
    assert_eq!(app.step(), Step::Relation);
    let rep = app.raw().representative.clone().expect("rep");
    assert_eq!(rep.role.as_deref(), Some("forelder"));
}

/// A mother for her 12-year-old, who answered "helper" on the role question.
fn child_with_a_helper() -> omsorgsklage::domain::case::RawCase {
    let mut raw = daughter_case();
    let a = raw.applicant.as_mut().expect("applicant");
    a.name = Some("Emil Haugen".into());
    a.birth_date = None;
    raw
}

#[test]
fn a_birth_date_under_18_is_said_at_once_when_a_helper_or_nobody_writes() {
    // A helper (role fullmektig): the birth-date field says a parent must write.
    let mut app = app_at(child_with_a_helper(), Step::Applicant);
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "14.03.2014");
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("Barnet er 12 år"), "{s}");
    assert!(s.contains("forelder, en verge eller en advokat"), "{s}");
    // The same date with a parent writing: nothing to say.
    let mut raw = child_with_a_helper();
    raw.representative.as_mut().expect("rep").role = Some("forelder".into());
    let mut app = app_at(raw, Step::Applicant);
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "14.03.2014");
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(!s.contains("Barnet er 12 år"), "{s}");
    // A 12-year-old writing alone.
    let mut raw = child_with_a_helper();
    raw.representative = None;
    let mut app = app_at(raw, Step::Applicant);
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "14.03.2014");
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("Du er 12 år"), "{s}");
}

#[test]
fn a_child_with_nobody_writing_leads_from_check_answers_to_who_is_writing() {
    let mut raw = child_with_a_helper();
    raw.representative = None;
    raw.applicant.as_mut().expect("a").birth_date = Some("2014-03-14".into());
    let checked = case::check(&raw, today());
    let p = checked
        .problems
        .iter()
        .find(|p| p.field == "representative")
        .expect("child alone");
    assert_eq!(step_for_field(&p.field), Some(Step::Who));
    let mut app = app_at(raw, Step::Check);
    enter(&mut app);
    assert_eq!(app.step(), Step::Who);
}

#[test]
fn the_reasons_the_decision_lacks_are_asked_for_on_the_requests_screen_and_reach_the_letter() {
    let mut raw = daughter_case();
    raw.requests = None;
    let mut app = app_at(raw, Step::Requests);
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(
        s.contains("Vedtaket mangler begrunnelse – be om den i klagen"),
        "{s}"
    );
    assert!(s.contains("Send klagen innen fristen likevel"), "{s}");
    assert!(s.contains("forvaltningsloven § 24"), "{s}");
    assert!(!s.contains("avbryt"), "{s}");
    // Where the decision need not follow fvl § 24 (dagaktivitet), no citation: plain words.
    let mut day = daughter_case();
    day.service = Some("dagaktivitet".into());
    let app_day = app_at(day, Step::Requests);
    let d = flat(&screen_sized(&app_day, 80, 40));
    assert!(d.contains("Mangler vedtaket en begrunnelse"), "{d}");
    assert!(!d.contains("§ 24"), "{d}");
    // innsyn, postponement (a cut), the reasons.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    let req = app.raw().requests.clone().expect("requests");
    assert_eq!(req.reasons, Some(true));
    assert_eq!(req.access_to_documents, Some(false));
    let text = flat(&letter(&app));
    assert!(text.contains("Et vedtak skal begrunnes"), "{text}");
    // On check answers too.
    let app = app_at(app.raw().clone(), Step::Check);
    let s = flat(&screen_sized(&app, 80, 60));
    assert!(s.contains("begrunnelse for vedtaket"), "{s}");
}

#[test]
fn a_parent_verge_or_lawyer_is_told_nothing_about_a_fullmakt() {
    for role in ["forelder", "verge", "advokat"] {
        let mut raw = daughter_case();
        let rep = raw.representative.as_mut().expect("rep");
        rep.role = Some(role.into());
        rep.power_of_attorney = None;
        let app = app_at(raw, Step::Representative);
        let s = flat(&screen_sized(&app, 80, 40));
        assert!(s.contains("Du står som avsender av brevet."), "{s}");
        assert!(!s.contains("fullmakt"), "{role}: {s}");
    }
    // A helper still hears what a fullmakt does.
    let app = app_at(daughter_case(), Step::Representative);
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("Med fullmakt sender kommunen svarene"), "{s}");
}

#[test]
fn who_complains_is_asked_once_and_a_carer_path_cannot_contradict_it() {
    let mut app = new_app();
    enter(&mut app);
    assert_eq!(app.step(), Step::Who);
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Jeg gir omsorg til en annen og klager på egne vegne"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.step(), Step::Service);
    assert_eq!(app.raw().complainant_is_carer, Some(true));
    assert_eq!(app.raw().representative, None);
    // Only the services a carer may complain about, and why.
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(
        s.contains("Avlastning") && s.contains("Omsorgsstønad"),
        "{s}"
    );
    assert!(!s.contains("Hjemmesykepleie"), "{s}");
    assert!(s.contains("Derfor står bare de i listen"), "{s}");
    type_text(&mut app, "avlast");
    enter(&mut app);
    assert_eq!(app.raw().service.as_deref(), Some("avlastning"));
    // No second carer question: straight to who the carer cares for.
    assert_eq!(app.step(), Step::CaredFor);
    type_text(&mut app, "Astrid Nilsen\n\nkone\n");
    assert_eq!(app.step(), Step::Situation);
    assert!(!app.path().contains(&Step::Carer));
    // Changing who complains to "myself" leaves no person cared for behind.
    let mut app = app_at(app.raw().clone(), Step::Who);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.raw().complainant_is_carer, None);
    assert_eq!(app.raw().cared_for, None);
    assert!(!app.path().contains(&Step::CaredFor));
}

#[test]
fn a_helped_carer_complains_in_their_own_name_and_the_helper_is_named_as_helper() {
    let mut app = new_app();
    enter(&mut app);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.step(), Step::Role);
    assert_eq!(app.raw().complainant_is_carer, Some(true));
    assert!(app.raw().representative.is_some());
    // The letter: the carer (the applicant) complains on their own behalf; the helper does not
    // say "jeg gir omsorg".
    let mut raw = daughter_case();
    raw.service = Some("avlastning".into());
    raw.complainant_is_carer = Some(true);
    raw.cared_for = Some(omsorgsklage::domain::case::RawCaredFor {
        name: Some("Astrid Nilsen".into()),
        relation: Some("kone".into()),
        ..Default::default()
    });
    let app = app_at(raw, Step::Check);
    let who = flat(&screen_sized(&app, 80, 60));
    assert!(
        who.contains("Jeg hjelper en som gir omsorg, med å klage"),
        "{who}"
    );
    assert!(who.contains("Den som får omsorgen"), "{who}");
    assert!(!who.contains("Den du gir omsorg til"), "{who}");
    let text = flat(&letter(&app));
    assert!(text.contains("Ola Hansen"), "{text}");
    assert!(text.contains("Astrid Nilsen"), "{text}");
    assert!(text.contains("Kari Hansen"), "{text}");
    // The questions speak to the helper about the carer, not to a carer.
    let app = app_at(
        app.raw().clone(),
        Step::Ground(omsorgsklage::domain::case::Ground::Health),
    );
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(
        s.contains("Hvordan er helsen til den som gir omsorg?"),
        "{s}"
    );
    assert!(!s.contains("helsen din"), "{s}");
    let app = app_at(app.raw().clone(), Step::CaredFor);
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("Hvem får omsorgen?"), "{s}");
    assert!(!s.contains("Hvem gir du omsorg til?"), "{s}");
}

fn titles(app: &omsorgsklage::interview::App) -> Vec<String> {
    app.raw()
        .attachments
        .iter()
        .flatten()
        .map(|a| a.title().to_string())
        .collect()
}

#[test]
fn an_attachment_title_is_asked_when_a_file_is_added_and_can_be_edited_later() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = a_pdf(dir.path(), "legeerklaering_2026.pdf");
    let mut raw = daughter_case();
    raw.representative.as_mut().expect("rep").role = Some("forelder".into());
    let mut app = app_at(raw, Step::Attachments);
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Up);
    type_text(&mut app, &format!("{}\n", file.display()));
    // The file's name is only the first suggestion: the title is asked at once.
    let s = flat(&screen_text(&app));
    assert!(s.contains("Hva skal vedlegget hete i brevet?"), "{s}");
    assert!(s.contains("[Legeerklaering 2026"), "{s}");
    press_mod(
        &mut app,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    type_text(&mut app, "Legeerklæring fra fastlegen\n");
    assert_eq!(
        titles(&app),
        vec!["Kopi av vedtaket", "Legeerklæring fra fastlegen"]
    );
    // "e" on a line gives it another title.
    press(&mut app, KeyCode::Home);
    for _ in 0..20 {
        press(&mut app, KeyCode::Up);
    }
    assert!(flat(&screen_text(&app)).contains("e endre navnet"));
    press(&mut app, KeyCode::Char('e'));
    press_mod(
        &mut app,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    type_text(&mut app, "Vedtaket av 2. november 2026\n");
    assert_eq!(
        titles(&app),
        vec![
            "Vedtaket av 2. november 2026",
            "Legeerklæring fra fastlegen"
        ]
    );
    let text = flat(&letter(&app));
    assert!(text.contains("Vedtaket av 2. november 2026"), "{text}");
    assert!(text.contains("Legeerklæring fra fastlegen"), "{text}");
    assert!(!text.contains("Legeerklaering 2026"), "{text}");
    // Esc while naming leaves the title as it was.
    press(&mut app, KeyCode::Char('e'));
    type_text(&mut app, " og mer");
    esc(&mut app);
    assert_eq!(app.step(), Step::Attachments);
    assert_eq!(titles(&app).len(), 2);
    assert!(!titles(&app).iter().any(|t| t.contains("og mer")));
}

#[test]
fn the_vergefullmakt_is_one_line_in_the_letters_language_with_a_place_for_its_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = a_pdf(dir.path(), "vergefullmakt_foto.pdf");
    let mut raw = daughter_case();
    raw.language = Some("nn".into());
    let rep = raw.representative.as_mut().expect("rep");
    rep.role = Some("verge".into());
    rep.relation = None;
    rep.power_of_attorney = None;
    // As in the issue: a line typed in bokmål before.
    raw.attachments = Some(vec!["Kopi av vedtaket".into(), "Vergefullmakt".into()]);
    let mut app = app_at(raw, Step::Attachments);
    let s = flat(&screen_sized(&app, 80, 40));
    assert_eq!(s.matches("Verjefullmakt").count(), 1, "{s}");
    assert!(s.contains("[x] Verjefullmakt"), "{s}");
    assert!(!s.contains("Vergefullmakt"), "{s}");
    // Enter on its line asks where its file is.
    for _ in 0..20 {
        press(&mut app, KeyCode::Up);
    }
    for _ in 0..2 {
        press(&mut app, KeyCode::Down);
    }
    assert!(
        screen_text(&app).contains("▶ [x] Verjefullmakt"),
        "{}",
        screen_text(&app)
    );
    enter(&mut app);
    let s = flat(&screen_text(&app));
    assert!(s.contains("Hvor ligger filen med verjefullmakt?"), "{s}");
    type_text(&mut app, &format!("{}\n", file.display()));
    let list = app.raw().attachments.clone().expect("attachments");
    let docs: Vec<_> = list
        .iter()
        .filter(|a| a.title().to_lowercase().contains("fullmakt"))
        .collect();
    assert_eq!(docs.len(), 1, "{list:?}");
    assert_eq!(docs[0].title(), "Verjefullmakt");
    assert_eq!(docs[0].file(), Some(file.display().to_string().as_str()));
    // The letter lists it once, in nynorsk.
    let text = letter_text(app.raw(), today(), Ui::Nb, LetterKind::Complaint).expect("letter");
    let listed = text
        .lines()
        .filter(|l| l.to_lowercase().contains("fullmakt") && l.starts_with("- "))
        .count();
    assert_eq!(listed, 1, "{text}");
    assert!(text.contains("- Verjefullmakt"), "{text}");
    assert!(!text.contains("Vergefullmakt"), "{text}");
}

#[test]
fn a_mother_names_her_child_before_the_details_and_the_screens_say_the_name() {
    let mut app = new_app();
    enter(&mut app);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "mor\n");
    assert_eq!(app.step(), Step::Person);
    type_text(&mut app, "Emil Haugen\n14.03.2014\n");
    assert_eq!(app.step(), Step::Service);
    // The request screen's preview says the name, not "den du skriver for".
    let mut raw = app.raw().clone();
    raw.service = Some("stottekontakt".into());
    raw.situation = Some("avslag".into());
    let app = app_at(raw.clone(), Step::Outcome);
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("slik at Emil Haugen får støttekontakt"), "{s}");
    assert!(!s.contains("den du skriver for"), "{s}");
    // The grounds questions: the name, and prompts about a child's day.
    let app = app_at(
        raw.clone(),
        Step::Ground(omsorgsklage::domain::case::Ground::Health),
    );
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("Hvordan er helsen til Emil Haugen?"), "{s}");
    let app = app_at(
        raw.clone(),
        Step::Ground(omsorgsklage::domain::case::Ground::DailyLife),
    );
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("skole eller barnehage"), "{s}");
    assert!(!s.contains("vaske seg"), "{s}");
    // An adult: the adult's prompts; a carer: the carer's.
    let app = app_at(
        daughter_case(),
        Step::Ground(omsorgsklage::domain::case::Ground::DailyLife),
    );
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("vaske seg"), "{s}");
    assert!(
        s.contains("Hva klarer ikke Ola Hansen selv i hverdagen?"),
        "{s}"
    );
    let mut carer = daughter_case();
    carer.representative = None;
    carer.service = Some("avlastning".into());
    carer.complainant_is_carer = Some(true);
    let app = app_at(
        carer,
        Step::Ground(omsorgsklage::domain::case::Ground::DailyLife),
    );
    let s = flat(&screen_sized(&app, 80, 40));
    assert!(s.contains("Beskriv omsorgsarbeidet"), "{s}");
    assert!(!s.contains("skole eller barnehage"), "{s}");
}
