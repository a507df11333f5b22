//! One decision on several services in the wizard (issue #26): a second service added from the
//! list of the decision's services, asked the same questions as the first, and one letter that
//! covers both with the legal basis of each; a service on the other route (omsorgsbolig) or a
//! carer's search for the cared-for person's service is explained on screen and never added;
//! a draft with `services` reopens as it was; the interview's form and the file's agree.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use omsorgsklage::domain::case::{self, RawCaredFor, RawServiceItem};
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::action::Effect;
use omsorgsklage::interview::{App, Step, export, services};
use omsorgsklage::step::ExtraPart;
use tui_common::*;

/// Ola, 76, in Tromsø: the decision refused his omsorgsstønad and cut his wife Anne's
/// avlastning. He complains in his own name (pbrl § 2-8). Only the omsorgsstønad is answered.
fn ola(lang: &str) -> case::RawCase {
    let mut raw = daughter_case();
    raw.language = Some(lang.into());
    raw.representative = None;
    raw.complainant_is_carer = Some(true);
    raw.cared_for = Some(RawCaredFor {
        name: Some("Anne Berg".into()),
        birth_date: Some("1952-08-30".into()),
        relation: Some("kone".into()),
    });
    raw.service = Some("omsorgsstonad".into());
    raw.situation = Some("avslag".into());
    let a = raw.applicant.as_mut().expect("applicant");
    a.name = Some("Ola Berg".into());
    let d = raw.decision.as_mut().expect("decision");
    d.applied_for = Some("Omsorgsstønad for 20 timer i uken.".into());
    d.granted = None;
    raw.outcome = None;
    raw
}

/// A woman whose praktisk bistand was refused and whose hjemmesykepleie was cut, the same day.
fn person(lang: &str) -> case::RawCase {
    let mut raw = daughter_case();
    raw.language = Some(lang.into());
    raw.representative = None;
    raw.service = Some("praktisk-bistand".into());
    raw.situation = Some("avslag".into());
    let d = raw.decision.as_mut().expect("decision");
    d.applied_for = Some("Praktisk bistand to timer i uken.".into());
    d.granted = None;
    raw
}

/// From "what do you ask for", add another service from the same decision: search, choose,
/// what happened (by its number), before and after, what is asked for; back on the list.
fn add_service(app: &mut App, search: &str, situation: char, before: &str, after: &str) {
    tab(app);
    assert_eq!(app.step(), Step::Services, "{}", screen_text(app));
    press(app, KeyCode::Char('2'));
    assert!(matches!(app.step(), Step::Extra(_, ExtraPart::Service)));
    type_text(app, search);
    enter(app);
    assert!(
        matches!(app.step(), Step::Extra(_, ExtraPart::Situation)),
        "{}",
        screen_text(app)
    );
    press(app, KeyCode::Char(situation));
    assert!(matches!(app.step(), Step::Extra(_, ExtraPart::Decision)));
    type_text(app, &format!("{before}\n{after}\n"));
    assert!(matches!(app.step(), Step::Extra(_, ExtraPart::Outcome)));
    tab(app);
    assert_eq!(app.step(), Step::Services, "{}", screen_text(app));
}

/// Save the letter as text from the done screen of `app`, and read it.
fn saved_letter(app: &mut App) -> String {
    assert_eq!(app.step(), Step::Done);
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    press(app, KeyCode::Down);
    press_mod(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(app, base.to_str().expect("path"));
    let job = match enter(app) {
        Effect::Export(job) => job,
        e => panic!("{e:?}"),
    };
    let report = export::run(&job);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt")
}

/// The letter's text on one line (the text letter is wrapped).
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walk to the saved letter: the answers saved as a draft would be, and opened on check
/// answers, which must name no problem; then the preview and the done screen.
fn to_saved_letter(app: &App) -> String {
    let draft = services::to_file(app.raw()).into_owned();
    let mut app = app_at(draft, Step::Check);
    let s = screen_text(&app);
    assert!(!s.contains("Dette må rettes"), "{s}");
    assert!(!s.contains("Dette må rettast"), "{s}");
    tab(&mut app);
    assert_eq!(app.step(), Step::Preview);
    enter(&mut app);
    flat(&saved_letter(&mut app))
}

#[test]
fn ola_adds_his_wifes_avlastning_and_one_letter_covers_both_in_both_languages() {
    for (lang, expected) in [
        (
            "nb",
            [
                "Klage på vedtak om omsorgsstønad og avlastning",
                "Om omsorgsstønad: Kommunen avslår søknaden.",
                "Om avlastning: Kommunen reduserer tjenesten jeg har i dag.",
                "Tjenesten før vedtaket: Ett døgn i uken",
                "Tjenesten etter vedtaket: Ett døgn annenhver uke",
                "omsorgsstønad, etter helse- og omsorgstjenesteloven § 3-6 første ledd nr. 3",
                "første ledd nr. 2 og pasient- og brukerrettighetsloven § 2-8",
                "Jeg ber om at vedtaket om avlastning ikke settes i verk",
            ],
        ),
        (
            "nn",
            [
                "Klage på vedtak om omsorgsstønad og avlasting",
                "Om omsorgsstønad: Kommunen avslår søknaden.",
                "Om avlasting: Kommunen reduserer tenesta eg har i dag.",
                "Tenesta før vedtaket: Ett døgn i uken",
                "Tenesta etter vedtaket: Ett døgn annenhver uke",
                "omsorgsstønad, etter helse- og omsorgstenestelova § 3-6 første ledd nr. 3",
                "første ledd nr. 2 og pasient- og brukarrettslova § 2-8",
                "Eg ber om at vedtaket om avlasting ikkje blir sett i verk",
            ],
        ),
    ] {
        let mut app = app_at(ola(lang), Step::Outcome);
        add_service(
            &mut app,
            "avlast",
            '3',
            "Ett døgn i uken",
            "Ett døgn annenhver uke",
        );
        // The list of the decision's services says both, with what happened.
        let s = screen_text(&app);
        assert!(s.contains("Gjelder vedtaket flere tjenester?"), "{s}");
        assert!(s.contains("Omsorgsstønad: Kommunen sa nei"), "{s}");
        assert!(s.contains("Avlastning: Kommunen reduserte"), "{s}");
        // Going on: the requests offer postponement for the cut service, named.
        enter(&mut app);
        assert_eq!(app.step(), Step::Requests);
        let s = flat(&screen_text(&app));
        assert!(
            s.contains("Be om at vedtaket om avlastning ikke settes i verk"),
            "{s}"
        );
        let text = to_saved_letter(&app);
        for e in expected {
            assert!(text.contains(e), "{lang}: {e:?} missing in {text}");
        }
    }
}

#[test]
fn with_two_services_cut_postponement_is_asked_for_each_and_the_letter_says_the_one() {
    for (lang, asked, not_asked) in [
        (
            "nb",
            "Jeg ber om at vedtaket om avlastning ikke settes i verk",
            "omsorgsstønad ikke settes i verk",
        ),
        (
            "nn",
            "Eg ber om at vedtaket om avlasting ikkje blir sett i verk",
            "omsorgsstønad ikkje blir sett i verk",
        ),
    ] {
        // The decision cut both: Ola's omsorgsstønad and Anne's avlastning.
        let mut raw = ola(lang);
        raw.situation = Some("redusert".into());
        raw.decision.as_mut().expect("decision").granted =
            Some("Omsorgsstønad for 10 timer i uken.".into());
        let mut app = app_at(raw, Step::Outcome);
        add_service(
            &mut app,
            "avlast",
            '3',
            "Ett døgn i uken",
            "Ett døgn annenhver uke",
        );
        enter(&mut app);
        assert_eq!(app.step(), Step::Requests);
        // One checkbox per service cut, each naming it (both ticked: the case asked it for all);
        // what postponement means is said once.
        let s = flat(&screen_text(&app));
        assert!(
            s.contains("[x] Be om at vedtaket om omsorgsstønad ikke settes i verk"),
            "{s}"
        );
        assert!(
            s.contains("[x] Be om at vedtaket om avlastning ikke settes i verk"),
            "{s}"
        );
        assert_eq!(
            s.matches("Kommunen kan bestemme at hjelpen").count(),
            1,
            "{s}"
        );
        // Untick the omsorgsstønad's (the row below innsyn).
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char(' '));
        let s = flat(&screen_text(&app));
        assert!(
            s.contains("[ ] Be om at vedtaket om omsorgsstønad ikke settes i verk"),
            "{s}"
        );
        assert!(
            s.contains("[x] Be om at vedtaket om avlastning ikke settes i verk"),
            "{s}"
        );
        // The file: the first service's answer in `requests`, the avlastning's own.
        let file = services::to_file(app.raw()).into_owned();
        let req = file.requests.as_ref().expect("requests");
        assert_eq!(req.postponement, Some(false));
        let items = file.services.as_ref().expect("services");
        assert_eq!(
            items.iter().map(|i| i.postponement).collect::<Vec<_>>(),
            [None, Some(true)]
        );
        // Check answers names the one.
        let check = app_at(file, Step::Check);
        let s = flat(&screen_sized(&check, 100, 80));
        assert!(s.contains("utsatt iverksetting for avlastning"), "{s}");
        let text = to_saved_letter(&app);
        assert!(text.contains(asked), "{lang}: {text}");
        assert!(!text.contains(not_asked), "{lang}: {text}");
        // Back on the requests screen the choices are as left.
        let again = app_at(services::to_file(app.raw()).into_owned(), Step::Requests);
        let s = flat(&screen_text(&again));
        assert!(
            s.contains("[ ] Be om at vedtaket om omsorgsstønad ikke settes i verk"),
            "{s}"
        );
        assert!(
            s.contains("[x] Be om at vedtaket om avlastning ikke settes i verk"),
            "{s}"
        );
    }
}

#[test]
fn with_one_service_cut_of_two_there_is_the_one_checkbox_and_it_writes_as_before() {
    let mut app = app_at(ola("nb"), Step::Outcome);
    add_service(
        &mut app,
        "avlast",
        '3',
        "Ett døgn i uken",
        "Ett døgn annenhver uke",
    );
    enter(&mut app);
    let s = flat(&screen_text(&app));
    assert_eq!(s.matches("settes i verk").count(), 1, "{s}");
    assert!(!s.contains("omsorgsstønad ikke settes"), "{s}");
    // Unticked and ticked again: `requests.postponement`, no item of its own.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char(' '));
    let file = services::to_file(app.raw()).into_owned();
    assert_eq!(
        file.requests.as_ref().and_then(|r| r.postponement),
        Some(true)
    );
    assert!(
        file.services
            .as_ref()
            .expect("services")
            .iter()
            .all(|i| i.postponement.is_none())
    );
}

#[test]
fn praktisk_bistand_and_hjemmesykepleie_for_one_person_in_both_languages() {
    for (lang, expected) in [
        (
            "nb",
            [
                "Klage på vedtak om praktisk bistand og hjemmesykepleie",
                "Om praktisk bistand: Kommunen avslår søknaden.",
                "Om hjemmesykepleie: Kommunen reduserer tjenesten jeg har i dag.",
                "praktisk bistand (hjemmehjelp), etter helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b",
                "hjemmesykepleie (helsetjenester i hjemmet), etter helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav a",
            ],
        ),
        (
            "nn",
            [
                "Klage på vedtak om praktisk bistand og heimesjukepleie",
                "Om praktisk bistand: Kommunen avslår søknaden.",
                "Om heimesjukepleie: Kommunen reduserer tenesta eg har i dag.",
                "praktisk bistand (heimehjelp), etter helse- og omsorgstenestelova § 3-2 første ledd nr. 6 bokstav b",
                "heimesjukepleie (helsetenester i heimen), etter helse- og omsorgstenestelova § 3-2 første ledd nr. 6 bokstav a",
            ],
        ),
    ] {
        let mut app = app_at(person(lang), Step::Outcome);
        add_service(
            &mut app,
            "hjemmesyk",
            '3',
            "Tre besøk om dagen",
            "Ett besøk om dagen",
        );
        enter(&mut app);
        assert_eq!(app.step(), Step::Requests);
        let text = to_saved_letter(&app);
        for e in expected {
            assert!(text.contains(e), "{lang}: {e:?} missing in {text}");
        }
    }
}

#[test]
fn omsorgsbolig_with_a_care_service_is_explained_and_not_added() {
    let mut app = app_at(person("nb"), Step::Outcome);
    tab(&mut app);
    press(&mut app, KeyCode::Char('2'));
    type_text(&mut app, "omsorgsbolig");
    enter(&mut app);
    // Still on the list, with the reason in plain words: each route, its deadline, its law.
    assert!(matches!(app.step(), Step::Extra(1, ExtraPart::Service)));
    let s = flat(&screen_text(&app));
    for e in [
        "Omsorgsbolig kan ikke være med i dette brevet.",
        "innen fire uker (pasient- og brukerrettighetsloven § 7-5)",
        "vanligvis tre uker (forvaltningsloven § 29)",
        "vedtaket sier hvor klagen skal sendes og hvem som avgjør den",
        "to brev",
        "kan du på siste skjermbilde starte en ny klage på samme vedtak",
    ] {
        assert!(s.contains(e), "{e:?} missing in {s}");
    }
    // Nothing mixed is kept: the item has no service, and leaving drops it.
    assert_eq!(services::item(app.raw(), 1).service, None);
    esc(&mut app);
    assert_eq!(app.step(), Step::Services);
    assert_eq!(app.raw().services, None);
    let file = services::to_file(app.raw()).into_owned();
    assert_eq!(file.services, None);
    assert_eq!(file.service.as_deref(), Some("praktisk-bistand"));
}

/// Changing the first service while others are in the letter: the same rules as adding one
/// (review finding: omsorgsbolig or a service already added was taken without a word).
#[test]
fn the_first_service_changed_keeps_to_the_rules_of_the_others() {
    let mut app = app_at(person("nb"), Step::Outcome);
    add_service(&mut app, "hjemmesyk", '3', "Tre", "En");
    let mut app = app_at(app.raw().clone(), Step::Service);
    type_text(&mut app, "omsorgsbolig");
    enter(&mut app);
    assert_eq!(app.step(), Step::Service);
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Omsorgsbolig kan ikke være med i dette brevet."),
        "{s}"
    );
    assert_eq!(app.raw().service.as_deref(), Some("praktisk-bistand"));
    for _ in 0.."omsorgsbolig".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "hjemmesyk");
    enter(&mut app);
    assert_eq!(app.step(), Step::Service);
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Hjemmesykepleie er allerede med i brevet."),
        "{s}"
    );
    assert_eq!(app.raw().service.as_deref(), Some("praktisk-bistand"));
}

#[test]
fn a_care_service_after_omsorgsbolig_is_explained_the_other_way_round() {
    let mut raw = person("nb");
    raw.service = Some("omsorgsbolig".into());
    let mut app = app_at(raw, Step::Outcome);
    tab(&mut app);
    press(&mut app, KeyCode::Char('2'));
    type_text(&mut app, "hjemmesyke");
    enter(&mut app);
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Hjemmesykepleie kan ikke være med i dette brevet."),
        "{s}"
    );
    assert_eq!(services::item(app.raw(), 1).service, None);
    // TT-kort is not a care service either, and goes where its own decision says (the county's
    // scheme, FACTS.md §4): never in the omsorgsbolig letter.
    for _ in 0.."hjemmesyke".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "TT-kort");
    enter(&mut app);
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Tt-kort kan ikke være med i dette brevet.")
            || s.contains("TT-kort kan ikke være med i dette brevet."),
        "{s}"
    );
    assert!(
        s.contains("vedtaket sier hvor og innen hvilken frist"),
        "{s}"
    );
    assert!(!s.contains("Kommunens klageinstans"), "{s}");
    assert_eq!(services::item(app.raw(), 1).service, None);
}

#[test]
fn a_carer_looking_for_the_cared_for_persons_service_is_told_who_may_complain() {
    let mut app = app_at(ola("nb"), Step::Outcome);
    tab(&mut app);
    // On the list of the decision's services already.
    let s = flat(&screen_text(&app));
    assert!(s.contains("Finner du ikke tjenesten?"), "{s}");
    press(&mut app, KeyCode::Char('2'));
    let s = flat(&screen_text(&app));
    assert!(s.contains("Finner du ikke tjenesten?"), "{s}");
    // Searching for her home nursing: not in a carer's list, and the reason where it is sought.
    type_text(&mut app, "hjemmesyk");
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Du kan klage på egne vegne om omsorgsstønad"),
        "{s}"
    );
    assert!(
        s.contains("Om hjemmesykepleie klager Anne Berg. Du kan skrive for Anne Berg som forelder, verge eller med fullmakt."),
        "{s}"
    );
    assert!(s.contains("ny klage på samme vedtak"), "{s}");
    // Nothing in a carer's list fits: "Noe annet" is not offered there, so it is not named.
    for _ in 0.."hjemmesyk".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "qqq");
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Ingen av tjenestene du kan klage på egne vegne om, passer «qqq»"),
        "{s}"
    );
    assert!(!s.contains("Noe annet"), "{s}");
}

#[test]
fn a_service_already_in_the_letter_is_not_added_twice() {
    let mut app = app_at(ola("nb"), Step::Outcome);
    tab(&mut app);
    press(&mut app, KeyCode::Char('2'));
    type_text(&mut app, "omsorgsst");
    enter(&mut app);
    let s = flat(&screen_text(&app));
    assert!(s.contains("Omsorgsstønad er allerede med i brevet."), "{s}");
    assert!(matches!(app.step(), Step::Extra(1, ExtraPart::Service)));
}

#[test]
fn a_draft_with_services_reopens_on_its_screen_without_service_missing() {
    let mut app = app_at(ola("nb"), Step::Outcome);
    add_service(&mut app, "avlast", '3', "Ett døgn", "Ingen");
    let draft = services::to_file(app.raw()).into_owned();
    // The draft is a valid 0.3 file: no single service fields beside `services`.
    assert_eq!(draft.service, None);
    assert_eq!(draft.services.as_ref().map(Vec::len), Some(2));
    let json = serde_json::to_vec(&draft).expect("json");
    let read = case::read(&json).expect("reads");
    // Opened on the second service's situation, as a draft saved there says.
    let step = Step::from_id("services.1.situation").expect("id");
    assert_eq!(step, Step::Extra(1, ExtraPart::Situation));
    let opened = app_at(read.clone(), step);
    assert_eq!(opened.step(), step);
    assert_eq!(opened.raw().service.as_deref(), Some("omsorgsstonad"));
    let s = screen_text(&opened);
    assert!(s.contains("Hva skjedde med avlastning?"), "{s}");
    // Check answers: both services, and no "missing".
    let check = app_at(read, Step::Check);
    let s = screen_text(&check);
    assert!(!s.contains("mangler"), "{s}");
    assert!(s.contains("Tjeneste 2"), "{s}");
}

#[test]
fn a_service_added_and_left_at_once_is_not_kept() {
    let mut app = app_at(person("nb"), Step::Outcome);
    tab(&mut app);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(services::extras(app.raw()).len(), 1);
    esc(&mut app);
    assert_eq!(app.step(), Step::Services);
    assert!(services::extras(app.raw()).is_empty());
}

#[test]
fn a_service_added_can_be_removed_from_the_list() {
    let mut app = app_at(person("nb"), Step::Outcome);
    add_service(&mut app, "hjemmesyk", '3', "Tre", "En");
    let s = screen_text(&app);
    assert!(s.contains("Ta hjemmesykepleie ut av brevet"), "{s}");
    // 1 go on, 2 add, 3 change, 4 remove: asked first, as its answers go with it.
    press(&mut app, KeyCode::Char('4'));
    let s = flat(&screen_text(&app));
    assert!(s.contains("Vil du ta hjemmesykepleie ut av brevet?"), "{s}");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(services::extras(app.raw()).len(), 1, "kept");
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.step(), Step::Services);
    assert!(services::extras(app.raw()).is_empty());
    assert!(!screen_text(&app).contains("Hjemmesykepleie:"));
}

#[test]
fn the_english_interface_names_the_other_route_too() {
    let mut app = app_at_in(person("nb"), Step::Outcome, Ui::En);
    tab(&mut app);
    assert!(screen_text(&app).contains("Does the decision cover more services?"));
}

#[test]
fn the_file_and_the_interview_forms_round_trip() {
    let raw = case::read(&std::fs::read("tests/cases/two-services-carer-nb.json").expect("file"))
        .expect("reads");
    let interview = services::from_file(raw.clone());
    assert_eq!(interview.service.as_deref(), Some("omsorgsstonad"));
    assert_eq!(
        interview.services.as_deref(),
        Some(
            &[RawServiceItem {
                service: Some("avlastning".into()),
                situation: Some("redusert".into()),
                applied_for: Some("Avlastning to helger i måneden.".into()),
                granted: Some("Avlastning én helg i måneden.".into()),
                outcome: Some(
                    "Jeg ber om at avlastningen fortsetter med to helger i måneden.".into()
                ),
                service_other: None,
                postponement: None,
            }][..]
        )
    );
    assert_eq!(services::to_file(&interview).into_owned(), raw);
}

#[test]
fn the_session_saves_the_draft_as_a_valid_file_and_opens_it_again() {
    use omsorgsklage::interview::session::Session;
    use omsorgsklage::interview::{Action, Options};
    let data = tempfile::tempdir().expect("data");
    let o = Options {
        theme: Some("no-color".into()),
        counter: false,
        export_dir: Some(data.path().to_path_buf()),
        data_dir: Some(data.path().to_path_buf()),
    };
    let mut s = Session::with_app(
        App::from_raw(ola("nb"), Step::Outcome, Ui::Nb, today(), &o),
        today(),
        o.clone(),
    );
    add_service(s.app_mut(), "avlast", '3', "Ett døgn i uken", "Ingen");
    s.flush();
    let path = s.draft_path().expect("a draft");
    let saved = case::read(&std::fs::read(&path).expect("draft")).expect("reads");
    // In the file's form: `services`, no single service fields beside it.
    assert_eq!(saved.service, None);
    assert_eq!(saved.situation, None);
    let items = saved.services.as_ref().expect("services");
    assert_eq!(items[0].service.as_deref(), Some("omsorgsstonad"));
    assert_eq!(items[1].service.as_deref(), Some("avlastning"));
    assert_eq!(items[1].granted.as_deref(), Some("Ingen"));
    assert_eq!(
        saved.draft.as_ref().and_then(|d| d.step.as_deref()),
        Some("services")
    );
    drop(s);
    // Opened from the start screen: listed with both services, and going on where it stopped.
    let mut app = App::new(Ui::Nb, today(), &o);
    app.set_theme(omsorgsklage::tui::theme::Theme::new(
        omsorgsklage::tui::theme::ThemeName::NoColor,
    ));
    let mut s = Session::with_app(app, today(), o);
    let t = flat(&screen_text(s.app()));
    assert!(t.contains("Ola Berg – omsorgsstønad og avlastning"), "{t}");
    assert!(!t.contains("mangler"), "{t}");
    s.handle(Action::Down);
    s.handle(Action::Down);
    s.handle(Action::Enter);
    assert_eq!(s.app().step(), Step::Case, "{}", screen_text(s.app()));
    let t = flat(&screen_text(s.app()));
    assert!(!t.contains("mangler"), "{t}");
    assert!(t.contains("Ola Berg – omsorgsstønad og avlastning"), "{t}");
    s.handle(Action::Enter);
    assert_eq!(s.app().step(), Step::Services, "{}", screen_text(s.app()));
    assert_eq!(s.app().raw().service.as_deref(), Some("omsorgsstonad"));
    let t = flat(&screen_text(s.app()));
    assert!(t.contains("Avlastning: Kommunen reduserte"), "{t}");
}

#[test]
fn another_service_changed_from_check_answers_asks_its_questions_and_comes_back() {
    let mut app = app_at(ola("nb"), Step::Outcome);
    add_service(&mut app, "avlast", '3', "To helger", "Én helg");
    let mut app = app_at(services::to_file(app.raw()).into_owned(), Step::Check);
    for _ in 0..40 {
        if screen_text(&app).contains("▶ Tjeneste 2") {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    enter(&mut app);
    assert_eq!(app.step(), Step::Extra(1, ExtraPart::Service));
    enter(&mut app);
    assert_eq!(app.step(), Step::Extra(1, ExtraPart::Situation));
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(
        services::item(app.raw(), 1).situation.as_deref(),
        Some("avsluttet")
    );
    type_text(&mut app, "\n\n");
    assert_eq!(app.step(), Step::Extra(1, ExtraPart::Outcome));
    tab(&mut app);
    assert_eq!(app.step(), Step::Check, "{}", screen_text(&app));
    assert!(screen_text(&app).contains("Avlastning: Kommunen stoppet"));
}

#[test]
fn check_answers_shows_what_was_said_about_the_second_service() {
    let mut app = app_at(ola("nb"), Step::Outcome);
    add_service(
        &mut app,
        "avlast",
        '3',
        "To helger i måneden",
        "Én helg i måneden",
    );
    let mut app = app_at(services::to_file(app.raw()).into_owned(), Step::Check);
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen_text(&app));
        press(&mut app, KeyCode::Down);
    }
    let seen = flat(&seen);
    // The first is "Tjeneste 1", as the others are numbered.
    assert!(seen.contains("Tjeneste 1 Omsorgsstønad"), "{seen}");
    assert!(
        seen.contains("Tjeneste 2 Avlastning: Kommunen reduserte"),
        "{seen}"
    );
    assert!(
        seen.contains("Tjeneste 2: før To helger i måneden"),
        "{seen}"
    );
    assert!(
        seen.contains("Tjeneste 2: etter Én helg i måneden"),
        "{seen}"
    );
}

/// The questions about another service are counted as its own ("Tjeneste 2"), not among "what
/// you ask for" (where the count jumped from 3 to 7 when a service was added).
#[test]
fn the_step_line_names_the_other_service_and_counts_its_own_questions() {
    let mut app = app_at(person("nb"), Step::Outcome);
    tab(&mut app);
    let s = screen_text(&app);
    assert!(
        s.contains("Steg 8 av 12: Hva du ber om (spørsmål 2 av 3)"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('2'));
    let s = screen_text(&app);
    assert!(s.contains("Steg 8 av 12: Tjeneste 2 (spørsmål 1 av"), "{s}");
}

#[test]
fn a_draft_saved_while_adding_a_service_not_yet_chosen_opens_on_the_list() {
    let mut app = app_at(person("nb"), Step::Outcome);
    tab(&mut app);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.step(), Step::Extra(1, ExtraPart::Service));
    // The draft leaves the empty item out, and names the step it was on.
    let draft = services::to_file(app.raw()).into_owned();
    assert_eq!(draft.services, None);
    let step = Step::from_id(&app.step().id()).expect("id");
    let opened = app_at(draft, step);
    assert_eq!(opened.step(), Step::Services);
}

#[test]
fn a_service_whose_route_depends_on_the_decision_is_not_given_a_deadline_it_may_not_have() {
    let mut app = app_at(person("nb"), Step::Outcome);
    tab(&mut app);
    press(&mut app, KeyCode::Char('2'));
    type_text(&mut app, "trygghetsalarm");
    enter(&mut app);
    let s = flat(&screen_text(&app));
    assert!(
        s.contains("Trygghetsalarm kan ikke være med i dette brevet."),
        "{s}"
    );
    assert!(
        s.contains("Hvor en klage på trygghetsalarm går, og hvor lang fristen er, kommer an på"),
        "{s}"
    );
    assert!(
        !s.contains("trygghetsalarm sendes til kommunen innen"),
        "{s}"
    );
    assert!(s.contains("Derfor skal den ha sitt eget brev."), "{s}");
    assert_eq!(services::item(app.raw(), 1).service, None);
}
