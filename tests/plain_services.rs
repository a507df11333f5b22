//! One decision on several services in line mode (issue #26): the real binary with piped
//! standard input adds a second service and writes one letter for both; a service on the other
//! route is explained in words and not added; a carer is told, in the words line mode reads, who
//! may complain about which part.

mod common;

use std::path::Path;
use std::process::Output;

use common::letter_text as letter_for;
use common::plain::{TO_SERVICES, stdout};
use common::today;
use omsorgsklage::domain::case::{RawCaredFor, RawCase, RawGrounds, RawServiceItem};
use omsorgsklage::i18n::Ui;
use omsorgsklage::interview::describe::{Entry, describe};
use omsorgsklage::interview::{App, Options, Step};
use omsorgsklage::step::ExtraPart;

fn run_plain(input: &[&str], data: &Path) -> Output {
    common::plain::run("nb", &common::plain::lines(input), data, &["--plain"])
}

/// On the list of the decision's services: add hjemmesykepleie, cut from three visits a day to
/// one, asking what the letter's sentence says.
const ADD_HJEMMESYKEPLEIE: [&str; 7] = [
    "2",         // add another service from the same decision
    "hjemmesyk", // search
    "1",         // hjemmesykepleie
    "3",         // cut
    "Tre besøk om dagen",
    "Ett besøk om dagen",
    "", // what is asked for: the letter's sentence
];

/// From the requests to the saved letter at `base`.
fn to_the_end(base: &str) -> Vec<&str> {
    vec![
        "1", // innsyn
        "",
        "", // attachments: none
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
        base,
    ]
}

/// The same answers as a case file: the bokmål walk's case, without attachments, with these
/// services instead of the one.
fn expected(services: Option<Vec<RawServiceItem>>) -> RawCase {
    let mut case = common::bokmaal_walk_case(RawGrounds {
        health: Some("Jeg har KOLS.".into()),
        ..Default::default()
    });
    case.attachments = None;
    if services.is_some() {
        case.service = None;
        case.situation = None;
        case.services = services;
    }
    case
}

#[test]
fn line_mode_adds_hjemmesykepleie_and_writes_one_letter_for_both() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut input = TO_SERVICES.to_vec();
    input.extend(ADD_HJEMMESYKEPLEIE);
    input.extend([
        "", // the list of services: go on
    ]);
    input.extend(to_the_end(base.to_str().expect("path")));
    let out = run_plain(&input, dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Gjelder vedtaket flere tjenester?"), "{text}");
    assert!(text.contains("Hvilken annen tjeneste gjelder det samme vedtaket?"));
    assert!(text.contains("Hva skjedde med hjemmesykepleie?"), "{text}");
    assert!(
        text.contains("• Hjemmesykepleie: Kommunen reduserte hjelp"),
        "{text}"
    );
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    let raw = expected(Some(vec![
        RawServiceItem {
            service: Some("praktisk-bistand".into()),
            situation: Some("avslag".into()),
            ..Default::default()
        },
        RawServiceItem {
            service: Some("hjemmesykepleie".into()),
            situation: Some("redusert".into()),
            applied_for: Some("Tre besøk om dagen".into()),
            granted: Some("Ett besøk om dagen".into()),
            ..Default::default()
        },
    ]));
    assert_eq!(written, letter_for(&raw));
    let flat = written.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Klage på vedtak om praktisk bistand og hjemmesykepleie"));
    assert!(flat.contains("§ 3-2 første ledd nr. 6 bokstav a"), "{flat}");
    assert!(flat.contains("§ 3-2 første ledd nr. 6 bokstav b"), "{flat}");
}

#[test]
fn line_mode_explains_that_omsorgsbolig_needs_its_own_letter_and_keeps_one_service() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut input = TO_SERVICES.to_vec();
    input.extend([
        "2",            // add another service from the same decision
        "omsorgsbolig", // search
        "",             // the one found
        "<",            // back: nothing was added
        "",             // the list of services: go on
    ]);
    input.extend(to_the_end(base.to_str().expect("path")));
    let out = run_plain(&input, dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for e in [
        "Omsorgsbolig kan ikke være med i dette brevet.",
        "vanligvis tre uker (forvaltningsloven § 29)",
        "Derfor blir det to brev",
        "kan du på siste skjermbilde starte en ny klage på samme vedtak",
    ] {
        assert!(flat.contains(e), "{e:?} missing in {text}");
    }
    // Nothing mixed was saved: the letter is the one-service letter.
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    assert_eq!(written, letter_for(&expected(None)));
}

/// The words line mode reads for a carer adding a service: which services a carer may add, and
/// when searching for the cared-for person's service, who may complain about which part.
#[test]
fn line_mode_tells_a_carer_who_may_complain_about_which_part() {
    let raw = RawCase {
        format: Some("omsorgsklage/1".into()),
        language: Some("nb".into()),
        service: Some("omsorgsstonad".into()),
        situation: Some("avslag".into()),
        complainant_is_carer: Some(true),
        cared_for: Some(RawCaredFor {
            name: Some("Anne Berg".into()),
            ..Default::default()
        }),
        services: Some(vec![RawServiceItem::default()]),
        ..Default::default()
    };
    let options = Options {
        theme: Some("no-color".into()),
        counter: false,
        export_dir: None,
        data_dir: None,
    };
    let mut app = App::from_raw(
        raw,
        Step::Extra(1, ExtraPart::Service),
        Ui::Nb,
        today(),
        &options,
    );
    assert_eq!(app.step(), Step::Extra(1, ExtraPart::Service));
    let d = describe(&app);
    let said = d.text.join(" ");
    assert!(said.contains("Finner du ikke tjenesten?"), "{said}");
    assert!(
        said.contains("klager Anne Berg, og du kan skrive for Anne Berg som forelder, verge eller med fullmakt."),
        "{said}"
    );
    for c in "hjemmesyk".chars() {
        app.update(omsorgsklage::interview::Action::Char(c));
    }
    let d = describe(&app);
    // The explanation, not "Feil: nothing fits".
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    let said: Vec<String> = d
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let said = said.join(" ");
    assert!(
        said.contains("Om hjemmesykepleie klager Anne Berg. Du kan skrive for Anne Berg"),
        "{said}"
    );
    assert!(said.contains("ny klage på samme vedtak"), "{said}");
}

/// Two services cut: line mode reads one checkbox for each, naming it, and the letter asks
/// postponed implementation for the one ticked only.
#[test]
fn line_mode_asks_postponement_for_each_service_cut_and_the_letter_says_the_one() {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("klage");
    let mut input = TO_SERVICES.to_vec();
    input.extend(ADD_HJEMMESYKEPLEIE);
    input.extend([
        "2",      // and another
        "støtte", // search
        "1",      // støttekontakt
        "3",      // cut
        "Fire timer i uken",
        "To timer i uken",
        "",  // what is asked for
        "",  // the list of services: go on
        "3", // tick postponement for støttekontakt (1: innsyn, 2: hjemmesykepleie)
    ]);
    input.extend(to_the_end(base.to_str().expect("path")));
    let out = run_plain(&input, dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for e in [
        // One line for each service cut; what postponement means is said once, below them.
        "2. Be om at vedtaket om hjemmesykepleie ikke settes i verk før klagen er avgjort \
         (utsatt iverksetting), ikke krysset av 3. Be om at vedtaket om støttekontakt",
        "3. Be om at vedtaket om støttekontakt ikke settes i verk før klagen er avgjort \
         (utsatt iverksetting), ikke krysset av Kommunen kan bestemme at hjelpen fortsetter",
        "3. Be om at vedtaket om støttekontakt ikke settes i verk før klagen er avgjort \
         (utsatt iverksetting), krysset av",
        "Ber også om: innsyn, utsatt iverksetting for støttekontakt",
    ] {
        assert!(flat.contains(e), "{e:?} missing in {text}");
    }
    let written = std::fs::read_to_string(dir.path().join("klage.txt")).expect("klage.txt");
    let cut = |service: &str, before: &str, after: &str, postponement| RawServiceItem {
        service: Some(service.into()),
        situation: Some("redusert".into()),
        applied_for: Some(before.into()),
        granted: Some(after.into()),
        postponement,
        ..Default::default()
    };
    let raw = expected(Some(vec![
        RawServiceItem {
            service: Some("praktisk-bistand".into()),
            situation: Some("avslag".into()),
            ..Default::default()
        },
        cut(
            "hjemmesykepleie",
            "Tre besøk om dagen",
            "Ett besøk om dagen",
            None,
        ),
        cut(
            "stottekontakt",
            "Fire timer i uken",
            "To timer i uken",
            Some(true),
        ),
    ]));
    assert_eq!(written, letter_for(&raw));
    let flat = written.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Jeg ber om at vedtaket om støttekontakt ikke settes i verk"),
        "{flat}"
    );
    assert_eq!(flat.matches("settes i verk").count(), 1, "{flat}");
}

/// Taking an added service out asks first in line mode too; "n" keeps it, "j" takes it out.
#[test]
fn line_mode_asks_before_taking_a_service_out() {
    let dir = tempfile::tempdir().expect("dir");
    let mut input: Vec<&str> = TO_SERVICES.to_vec();
    input.extend(ADD_HJEMMESYKEPLEIE);
    input.extend([
        "4", // take hjemmesykepleie out
        "n", // no: kept
        "4", // take it out
        "j", // yes
    ]);
    let out = run_plain(&input, dir.path());
    let text = stdout(&out);
    let asked = text
        .matches("Vil du ta hjemmesykepleie ut av brevet?")
        .count();
    assert_eq!(asked, 2, "{text}");
    let raw = common::raw_from_file(&common::case_files(&dir.path().join("data"))[0]);
    assert_eq!(raw.services, None, "taken out: {raw:?}");
    assert_eq!(raw.service.as_deref(), Some("praktisk-bistand"));
}
