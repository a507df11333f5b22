//! The service catalogue: one entry per service the program knows (FACTS.md sections 3 and 4).
//!
//! A *care service* (helse- og omsorgstjeneste) is complained about under pasient- og
//! brukerrettighetsloven: to the municipality, which forwards the complaint to Statsforvalteren
//! (the state's regional office) if it keeps its decision. The services in FACTS.md section 4 are
//! not care services under the law; a complaint about them goes to the municipality's own appeal
//! body (klagenemnd) under forvaltningsloven.

use serde::Serialize;

use super::law::{self, Citation};
use super::letter::Lang;

/// Which appeal route a decision on a service follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RouteRule {
    /// Route A: a care service. Four weeks, Statsforvalteren decides finally.
    Care,
    /// Route B: an ordinary municipal decision. Three weeks, the municipality's klagenemnd.
    Klagenemnd,
    /// Route A or B depending on the law the decision cites (trygghetsalarm, matombringing).
    /// The case file says which in `decision.route`; if it does not, route B is used,
    /// because it has the shorter deadline.
    DependsOnDecision,
}

/// One entry of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Service {
    /// Stable id used in case files (`hjemmesykepleie`).
    pub id: &'static str,
    /// Short name as used in "vedtak om …", bokmål.
    pub name_nb: &'static str,
    /// Short name, nynorsk.
    pub name_nn: &'static str,
    /// English name, for the English interface only (letters are never in English).
    pub name_en: &'static str,
    /// Full name as in FACTS.md, with the everyday word in brackets where there is one.
    pub full_nb: &'static str,
    pub full_nn: &'static str,
    /// One plain sentence: what the service is.
    pub explain_nb: &'static str,
    pub explain_nn: &'static str,
    pub explain_en: &'static str,
    /// The legal basis to cite in the letter (care services only; empty for route B).
    #[serde(skip)]
    pub basis: &'static [Citation],
    pub route: RouteRule,
    /// The carer may complain on their own behalf (pbrl § 2-8).
    pub carer_may_complain: bool,
    /// pbrl § 3-1: great weight on what the user thinks (hol § 3-2 første ledd nr. 6, § 3-6, § 3-8).
    pub user_view_weight: bool,
    /// A long-term place with a waiting list (the `venteliste` situation fits it).
    pub waiting_list: bool,
}

impl Service {
    /// The short name in the letter's language.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.name_nb,
            Lang::Nn => self.name_nn,
        }
    }

    /// The full name in the letter's language.
    pub fn full_name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.full_nb,
            Lang::Nn => self.full_nn,
        }
    }

    /// The one-line explanation for an interface language ("nb", "nn" or "en").
    pub fn explain(&self, ui: &str) -> &'static str {
        match ui {
            "nn" => self.explain_nn,
            "en" => self.explain_en,
            _ => self.explain_nb,
        }
    }

    /// The name for an interface language ("nb", "nn" or "en").
    pub fn ui_name(&self, ui: &str) -> &'static str {
        match ui {
            "nn" => self.name_nn,
            "en" => self.name_en,
            _ => self.name_nb,
        }
    }

    /// True for the services in FACTS.md section 3 (route A).
    pub fn is_care_service(&self) -> bool {
        self.route == RouteRule::Care
    }

    /// The legal basis as screens show it: "hol § 3-2 første ledd nr. 6 bokstav a".
    pub fn basis_short(&self) -> String {
        self.basis
            .iter()
            .map(|c| c.short())
            .collect::<Vec<_>>()
            .join(" og ")
    }
}

macro_rules! care {
    ($id:literal, $nb:literal, $nn:literal, $en:literal, $full_nb:literal, $full_nn:literal,
     [$enb:literal, $enn:literal, $een:literal], $basis:expr, carer: $carer:literal,
     weight: $weight:literal, waiting: $waiting:literal) => {
        Service {
            id: $id,
            name_nb: $nb,
            name_nn: $nn,
            name_en: $en,
            full_nb: $full_nb,
            full_nn: $full_nn,
            explain_nb: $enb,
            explain_nn: $enn,
            explain_en: $een,
            basis: $basis,
            route: RouteRule::Care,
            carer_may_complain: $carer,
            user_view_weight: $weight,
            waiting_list: $waiting,
        }
    };
}

macro_rules! other {
    ($id:literal, $nb:literal, $nn:literal, $en:literal, $full_nb:literal, $full_nn:literal,
     [$enb:literal, $enn:literal, $een:literal], $route:expr) => {
        Service {
            id: $id,
            name_nb: $nb,
            name_nn: $nn,
            name_en: $en,
            full_nb: $full_nb,
            full_nn: $full_nn,
            explain_nb: $enb,
            explain_nn: $enn,
            explain_en: $een,
            basis: &[],
            route: $route,
            carer_may_complain: false,
            user_view_weight: false,
            waiting_list: false,
        }
    };
}

/// The whole catalogue, in the order the wizard lists it: care services first, `annet` last of
/// them, then the services that are not care services under the law.
pub const CATALOGUE: &[Service] = &[
    care!("hjemmesykepleie", "hjemmesykepleie", "heimesjukepleie", "home nursing",
        "hjemmesykepleie (helsetjenester i hjemmet)", "heimesjukepleie (helsetenester i heimen)",
        ["Sykepleiere kommer hjem til deg, for eksempel med medisiner, sårstell eller stell.",
         "Sjukepleiarar kjem heim til deg, til dømes med medisinar, sårstell eller stell.",
         "Nurses visit you at home, for example for medicines, wound care or personal care."],
        &[law::HOL_3_2_NR6_A], carer: false, weight: true, waiting: false),
    care!("praktisk-bistand", "praktisk bistand", "praktisk bistand", "practical help (home help)",
        "praktisk bistand (hjemmehjelp)", "praktisk bistand (heimehjelp)",
        ["Hjelp i hjemmet, for eksempel med vask, innkjøp eller matlaging.",
         "Hjelp i heimen, til dømes med vask, innkjøp eller matlaging.",
         "Help at home, for example with cleaning, shopping or cooking."],
        &[law::HOL_3_2_NR6_B], carer: false, weight: true, waiting: false),
    care!("personlig-assistanse", "personlig assistanse", "personleg assistanse", "personal assistance",
        "personlig assistanse, herunder opplæring i dagliglivets gjøremål", "personleg assistanse",
        ["En person hjelper deg med det du trenger i hverdagen, eller lærer deg å gjøre det selv.",
         "Ein person hjelper deg med det du treng i kvardagen, eller lærer deg å gjere det sjølv.",
         "Someone helps you with daily tasks, or teaches you to do them yourself."],
        &[law::HOL_3_2_NR6_B], carer: false, weight: true, waiting: false),
    care!("stottekontakt", "støttekontakt", "støttekontakt", "support contact",
        "støttekontakt", "støttekontakt",
        ["En person som gjør aktiviteter sammen med deg, så du ikke blir isolert.",
         "Ein person som gjer aktivitetar saman med deg, så du ikkje blir isolert.",
         "A person who does activities with you, so that you are not isolated."],
        &[law::HOL_3_2_NR6_B], carer: false, weight: true, waiting: false),
    care!("bpa", "brukerstyrt personlig assistanse (BPA)", "brukarstyrt personleg assistanse (BPA)",
        "user-controlled personal assistance (BPA)",
        "brukerstyrt personlig assistanse (BPA)", "brukarstyrt personleg assistanse (BPA)",
        ["Du styrer selv assistentene som hjelper deg. Rett for deg under 67 år med stort behov over lang tid.",
         "Du styrer sjølv assistentane som hjelper deg. Rett for deg under 67 år med stort behov over lang tid.",
         "You manage the assistants who help you. A right if you are under 67 with a large, lasting need."],
        &[law::HOL_3_8, law::PBRL_2_1_D], carer: false, weight: true, waiting: false),
    care!("korttidsopphold", "korttidsopphold", "korttidsopphald", "short-term stay in a nursing home",
        "korttidsopphold i institusjon (sykehjem)", "korttidsopphald i institusjon (sjukeheim)",
        ["Et opphold på sykehjem for en kortere tid, for eksempel etter sykehus.",
         "Eit opphald på sjukeheim for ei kortare tid, til dømes etter sjukehus.",
         "A stay in a nursing home for a limited time, for example after hospital."],
        &[law::HOL_3_2_NR6_C], carer: false, weight: true, waiting: false),
    care!("langtidsopphold", "langtidsopphold i sykehjem", "langtidsopphald i sjukeheim",
        "long-term place in a nursing home",
        "langtidsopphold i sykehjem", "langtidsopphald i sjukeheim",
        ["En fast plass på sykehjem, når du ikke lenger kan bo trygt hjemme.",
         "Ein fast plass på sjukeheim, når du ikkje lenger kan bu trygt heime.",
         "A permanent place in a nursing home, when you can no longer live safely at home."],
        &[law::PBRL_2_1_E, law::HOL_3_2_A], carer: false, weight: false, waiting: true),
    care!("avlastning", "avlastning", "avlasting", "respite care",
        "avlastning (avlastningstiltak)", "avlasting",
        ["Hjelp som gir den som har tungt omsorgsarbeid, fri og hvile.",
         "Hjelp som gir den som har tungt omsorgsarbeid, fri og kvile.",
         "Help that gives a person with heavy care work time off and rest."],
        &[law::HOL_3_6_NR2, law::PBRL_2_8], carer: true, weight: true, waiting: false),
    care!("omsorgsstonad", "omsorgsstønad", "omsorgsstønad", "care allowance",
        "omsorgsstønad", "omsorgsstønad",
        ["Penger til den som har særlig tyngende omsorgsarbeid for en annen.",
         "Pengar til den som har særleg tyngande omsorgsarbeid for ein annan.",
         "Payment to someone with especially heavy care work for another person."],
        &[law::HOL_3_6_NR3, law::PBRL_2_8], carer: true, weight: true, waiting: false),
    care!("parorendeopplaering", "opplæring og veiledning for pårørende",
        "opplæring og rettleiing for pårørande", "training and guidance for carers",
        "opplæring og veiledning for pårørende", "opplæring og rettleiing for pårørande",
        ["Kurs, opplæring og veiledning for deg som har tungt omsorgsarbeid.",
         "Kurs, opplæring og rettleiing for deg som har tungt omsorgsarbeid.",
         "Courses, training and guidance for you as a carer with heavy care work."],
        &[law::HOL_3_6_NR1, law::PBRL_2_8], carer: true, weight: true, waiting: false),
    care!("dagaktivitet", "dagaktivitetstilbud", "dagaktivitetstilbod", "day activities for people with dementia",
        "dagaktivitetstilbud for hjemmeboende personer med demens",
        "dagaktivitetstilbod for heimebuande personar med demens",
        ["Aktiviteter på dagtid for deg som har demens og bor hjemme.",
         "Aktivitetar på dagtid for deg som har demens og bur heime.",
         "Daytime activities for people with dementia who live at home."],
        &[law::HOL_3_2_NR7], carer: false, weight: false, waiting: false),
    care!("annet", "helse- og omsorgstjenester", "helse- og omsorgstenester", "another health or care service",
        "en annen helse- eller omsorgstjeneste fra kommunen",
        "ei anna helse- eller omsorgsteneste frå kommunen",
        ["En annen helse- eller omsorgstjeneste fra kommunen. Du skriver selv hva det gjelder.",
         "Ei anna helse- eller omsorgsteneste frå kommunen. Du skriv sjølv kva det gjeld.",
         "Another health or care service from the municipality. You describe it yourself."],
        &[law::PBRL_2_1, law::HOL_3_1], carer: false, weight: false, waiting: false),
    other!(
        "omsorgsbolig",
        "omsorgsbolig",
        "omsorgsbustad",
        "care housing",
        "omsorgsbolig",
        "omsorgsbustad",
        [
            "En tilrettelagt bolig du leier av kommunen. Det er bolig, ikke en omsorgstjeneste.",
            "Ein tilrettelagd bustad du leiger av kommunen. Det er bustad, ikkje ei omsorgsteneste.",
            "Adapted housing you rent from the municipality. It is housing, not a care service."
        ],
        RouteRule::Klagenemnd
    ),
    other!(
        "kommunal-bolig",
        "kommunal utleiebolig",
        "kommunal utleigebustad",
        "municipal rental housing",
        "kommunal utleiebolig",
        "kommunal utleigebustad",
        [
            "En bolig du leier av kommunen.",
            "Ein bustad du leiger av kommunen.",
            "A home you rent from the municipality."
        ],
        RouteRule::Klagenemnd
    ),
    other!(
        "trygghetsalarm",
        "trygghetsalarm",
        "tryggleiksalarm",
        "safety alarm",
        "trygghetsalarm",
        "tryggleiksalarm",
        [
            "En alarm du bærer på deg, så du kan tilkalle hjelp.",
            "Ein alarm du ber på deg, så du kan kalle på hjelp.",
            "An alarm you wear, so that you can call for help."
        ],
        RouteRule::DependsOnDecision
    ),
    other!(
        "matombringing",
        "matombringing",
        "matombering",
        "meals on wheels",
        "matombringing (middagslevering)",
        "matombering",
        [
            "Ferdig mat som blir levert hjem til deg.",
            "Ferdig mat som blir levert heim til deg.",
            "Ready meals delivered to your home."
        ],
        RouteRule::DependsOnDecision
    ),
    other!(
        "tt-kort",
        "TT-kort",
        "TT-kort",
        "TT card (accessible transport)",
        "TT-kort (tilrettelagt transport)",
        "TT-kort (tilrettelagd transport)",
        [
            "Billig drosje eller annen transport for deg som ikke kan bruke buss og tog.",
            "Billeg drosje eller anna transport for deg som ikkje kan bruke buss og tog.",
            "Cheap taxi or other transport if you cannot use buses and trains."
        ],
        RouteRule::Klagenemnd
    ),
    other!(
        "parkering",
        "parkeringstillatelse for forflytningshemmede",
        "parkeringsløyve for rørslehemma",
        "disabled parking permit",
        "parkeringstillatelse for forflytningshemmede",
        "parkeringsløyve for rørslehemma",
        [
            "Tillatelse til å parkere nær der du skal, når du har vanskelig for å gå.",
            "Løyve til å parkere nær der du skal, når du har vanskeleg for å gå.",
            "Permission to park close to where you are going when walking is hard."
        ],
        RouteRule::Klagenemnd
    ),
];

/// The catalogue entry for an id, if it exists.
pub fn by_id(id: &str) -> Option<&'static Service> {
    CATALOGUE.iter().find(|s| s.id == id)
}

/// Every id, for error messages ("choose one of …").
pub fn ids() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|s| s.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for s in CATALOGUE {
            assert!(seen.insert(s.id), "duplicate id {}", s.id);
            assert!(
                s.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "id {} is not ascii kebab-case",
                s.id
            );
        }
    }

    #[test]
    fn care_services_have_a_legal_basis_and_others_none() {
        for s in CATALOGUE {
            assert_eq!(s.is_care_service(), !s.basis.is_empty(), "{}", s.id);
        }
    }

    #[test]
    fn only_relief_services_give_the_carer_a_right_of_their_own() {
        let carer: Vec<_> = CATALOGUE
            .iter()
            .filter(|s| s.carer_may_complain)
            .map(|s| s.id)
            .collect();
        assert_eq!(
            carer,
            ["avlastning", "omsorgsstonad", "parorendeopplaering"]
        );
        for s in CATALOGUE.iter().filter(|s| s.carer_may_complain) {
            assert!(
                s.basis.contains(&law::PBRL_2_8),
                "{} must cite pbrl § 2-8",
                s.id
            );
        }
    }

    #[test]
    fn avlastning_cites_3_6_not_the_repealed_letter_d() {
        let s = by_id("avlastning").expect("avlastning");
        assert_eq!(s.basis_short(), "hol § 3-6 første ledd nr. 2 og pbrl § 2-8");
    }

    #[test]
    fn omsorgsbolig_is_not_a_care_service() {
        let s = by_id("omsorgsbolig").expect("omsorgsbolig");
        assert_eq!(s.route, RouteRule::Klagenemnd);
        assert!(!s.is_care_service());
    }
}
