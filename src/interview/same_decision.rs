//! "Ny klage på samme vedtak" (issue #26): a new complaint on the decision just complained
//! about, for the part that needs a letter of its own (another service in the same decision,
//! e.g. an omsorgsbolig on route B; or, after a carer's own complaint, the part that the person
//! cared for must complain about). The pure part: which answers the new case starts with
//! ([`carry`]) and where it opens ([`first_step`]); `App::new_case` starts it
//! ([`App::begin_same_decision`]).

use chrono::NaiveDate;

use crate::domain::case::{self, RawCase, RawDecision, RawPerson, RawRepresentative};
use crate::i18n::Ui;
use crate::step::Step;

use super::{Action, App, Options};

/// The finished case is a carer's own complaint (pbrl § 2-8) about the person they care for.
pub fn is_carers_own(raw: &RawCase) -> bool {
    raw.complainant_is_carer == Some(true)
}

/// The answers a new complaint on the same decision starts with: the letter's language, the
/// municipality (its district and address), the decision's date, the day it came and its
/// reference; and the people. After a carer's own complaint the new one is the cared-for
/// person's: they are the applicant (name, and birth date when known), and the one at the
/// keyboard writes for them: the helper who helped the carer, else the carer. What that writer
/// is by law for the person, the relation and the fullmakt are asked again, with nothing chosen
/// (FACTS.md §5: a parent of a child needs no fullmakt; without one the person signs too).
/// Otherwise the same applicant and the same writer; a fullmakt is asked again, as the one
/// given was for the other letter's service. The service, what happened, the grounds, the
/// outcome, the requests and the attachments are the new letter's own: not copied.
pub fn carry(old: &RawCase) -> RawCase {
    let decision = old.decision.as_ref().map(|d| RawDecision {
        date: d.date.clone(),
        received: d.received.clone(),
        reference: d.reference.clone(),
        ..RawDecision::default()
    });
    let (applicant, representative) = if is_carers_own(old) {
        let cared = old.cared_for.clone().unwrap_or_default();
        let applicant = RawPerson {
            name: cared.name,
            birth_date: cared.birth_date,
            ..RawPerson::default()
        };
        let writer = match &old.representative {
            Some(helper) => RawRepresentative {
                role: None,
                relation: None,
                power_of_attorney: None,
                ..helper.clone()
            },
            None => {
                let carer = old.applicant.clone().unwrap_or_default();
                RawRepresentative {
                    name: carer.name,
                    address: carer.address,
                    postcode: carer.postcode,
                    city: carer.city,
                    phone: carer.phone,
                    email: carer.email,
                    ..RawRepresentative::default()
                }
            }
        };
        let applicant = (applicant != RawPerson::default()).then_some(applicant);
        (applicant, Some(writer))
    } else {
        let writer = old.representative.clone().map(|r| RawRepresentative {
            power_of_attorney: None,
            ..r
        });
        (old.applicant.clone(), writer)
    };
    RawCase {
        format: Some(case::FORMAT.to_string()),
        language: old.language.clone(),
        municipality: old.municipality.clone(),
        decision,
        applicant,
        representative,
        ..RawCase::default()
    }
}

/// Where the new complaint opens: the first question it has no answer to. After a carer's own
/// complaint that is what the writer is by law for the person now, then the relation and the
/// fullmakt; otherwise the fullmakt when the writer needs one (asked again for this letter),
/// else the service, as everything else about the people was answered in the finished case.
pub fn first_step(new: &RawCase, ui: Ui, today: NaiveDate, carers_own: bool) -> Step {
    let path = super::path::path(new, ui, today);
    let fullmakt_known = new
        .representative
        .as_ref()
        .is_some_and(|r| r.power_of_attorney.is_some());
    let answered = |s: &Step| match s {
        Step::Start | Step::LetterLang | Step::Who => true,
        Step::Fullmakt => !carers_own && fullmakt_known,
        Step::Role | Step::Relation | Step::Person => !carers_own,
        _ => false,
    };
    path.into_iter()
        .find(|s| !answered(s))
        .unwrap_or(Step::Service)
}

impl App {
    /// The new complaint on the same decision, after the finished case is closed
    /// ([`App::new_case`]): a case with these answers, in this interface language (also in
    /// counter mode: it is the same person), on its first question without an answer. What
    /// belongs to the program is kept, as [`App::close_case`] keeps it.
    pub(crate) fn begin_same_decision(&mut self, raw: RawCase, ui: Ui, carers_own: bool) {
        let step = first_step(&raw, ui, self.today, carers_own);
        let options = Options {
            theme: None,
            counter: self.counter,
            export_dir: Some(self.export_dir.clone()),
            data_dir: None,
        };
        let mut fresh = App::from_raw(raw, step, ui, self.today, &options);
        fresh.theme = self.theme;
        fresh.first_ui = self.first_ui;
        fresh.listing = std::mem::take(&mut self.listing);
        fresh.case_gen = self.case_gen;
        fresh.revision = self.revision + 1;
        // Its answers are in no draft and no letter yet.
        fresh.dirty = true;
        fresh.update(Action::Resize(self.size.0, self.size.1));
        *self = fresh;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{RawCaredFor, RawGrounds, RawMunicipality, RawRequests};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
    }

    /// A carer's own complaint about avlastning, in Oslo, with everything answered.
    fn carers_case() -> RawCase {
        RawCase {
            format: Some(case::FORMAT.into()),
            language: Some("nn".into()),
            letter_date: Some("2026-11-20".into()),
            service: Some("avlastning".into()),
            situation: Some("avslag".into()),
            municipality: Some(RawMunicipality {
                number: Some("0301".into()),
                name: Some("Oslo".into()),
                address: Some(vec!["Postboks 1".into(), "0037 Oslo".into()]),
                district: Some("Grünerløkka".into()),
            }),
            applicant: Some(RawPerson {
                name: Some("Per Hansen".into()),
                address: Some("Storgata 1".into()),
                postcode: Some("0182".into()),
                city: Some("Oslo".into()),
                phone: Some("99999999".into()),
                ..RawPerson::default()
            }),
            decision: Some(RawDecision {
                date: Some("2026-11-02".into()),
                received: Some("2026-11-05".into()),
                reference: Some("26/1".into()),
                applied_for: Some("Avlastning to helger".into()),
                granted: Some("Ingenting".into()),
                route: Some("statsforvalteren".into()),
            }),
            complainant_is_carer: Some(true),
            cared_for: Some(RawCaredFor {
                name: Some("Kari Hansen".into()),
                birth_date: Some("1940-03-01".into()),
                relation: Some("mor".into()),
            }),
            grounds: Some(RawGrounds {
                health: Some("Jeg er sliten.".into()),
                ..RawGrounds::default()
            }),
            outcome: Some("Avlastning".into()),
            requests: Some(RawRequests {
                access_to_documents: Some(true),
                ..RawRequests::default()
            }),
            late_reason: Some("Syk".into()),
            services: Some(vec![crate::domain::case::RawServiceItem {
                service: Some("omsorgsstonad".into()),
                ..Default::default()
            }]),
            sent: Some("2026-11-20".into()),
            ..RawCase::default()
        }
    }

    #[test]
    fn after_a_carers_own_complaint_the_cared_for_person_complains_with_the_carer_as_helper() {
        let old = carers_case();
        let new = carry(&old);
        let a = new.applicant.as_ref().expect("applicant");
        assert_eq!(a.name.as_deref(), Some("Kari Hansen"));
        assert_eq!(a.birth_date.as_deref(), Some("1940-03-01"));
        assert_eq!(a.address, None, "the carer's address is not the person's");
        let r = new.representative.as_ref().expect("the carer writes");
        assert_eq!(r.name.as_deref(), Some("Per Hansen"));
        assert_eq!(r.address.as_deref(), Some("Storgata 1"));
        assert_eq!(r.phone.as_deref(), Some("99999999"));
        assert_eq!(
            r.role, None,
            "what the carer is by law for the person is asked"
        );
        assert_eq!(r.power_of_attorney, None, "the fullmakt is asked");
        assert_eq!(r.relation, None, "the relation is asked");
        assert_eq!(new.complainant_is_carer, None);
        assert_eq!(new.cared_for, None);
        // It opens on what the carer is by law for the person, then the fullmakt.
        let first = first_step(&new, Ui::Nb, day(), true);
        assert_eq!(first, Step::Role);
        let path = crate::interview::path::path(&new, Ui::Nb, day());
        assert!(path.contains(&Step::Fullmakt), "{path:?}");
    }

    /// A son helped his father, the carer: the son is at the keyboard, and writes the mother's
    /// complaint; the father's own complaint is not hers.
    #[test]
    fn after_a_helped_carers_complaint_the_helper_writes_the_persons() {
        let mut old = carers_case();
        old.representative = Some(RawRepresentative {
            name: Some("Ola Hansen".into()),
            address: Some("Sjøgata 9".into()),
            relation: Some("sønn".into()),
            power_of_attorney: Some(true),
            role: Some("fullmektig".into()),
            ..RawRepresentative::default()
        });
        let new = carry(&old);
        assert_eq!(
            new.applicant.as_ref().and_then(|a| a.name.as_deref()),
            Some("Kari Hansen")
        );
        let r = new.representative.as_ref().expect("the helper writes");
        assert_eq!(r.name.as_deref(), Some("Ola Hansen"));
        assert_eq!(r.address.as_deref(), Some("Sjøgata 9"));
        assert_eq!((r.role.as_ref(), r.relation.as_ref()), (None, None));
        assert_eq!(r.power_of_attorney, None);
        assert_eq!(first_step(&new, Ui::Nb, day(), true), Step::Role);
    }

    #[test]
    fn the_decision_the_municipality_and_the_language_are_carried_and_nothing_of_the_letter() {
        let old = carers_case();
        let new = carry(&old);
        assert_eq!(new.language.as_deref(), Some("nn"));
        assert_eq!(new.municipality, old.municipality);
        let d = new.decision.as_ref().expect("decision");
        assert_eq!(d.date.as_deref(), Some("2026-11-02"));
        assert_eq!(d.received.as_deref(), Some("2026-11-05"));
        assert_eq!(d.reference.as_deref(), Some("26/1"));
        assert_eq!((d.applied_for.as_ref(), d.granted.as_ref()), (None, None));
        assert_eq!(d.route, None, "the route belongs to the service");
        assert_eq!(new.service, None);
        assert_eq!(new.services, None);
        assert_eq!(new.situation, None);
        assert_eq!(new.grounds, None);
        assert_eq!(new.outcome, None);
        assert_eq!(new.requests, None);
        assert_eq!(new.attachments, None);
        assert_eq!(new.late_reason, None);
        assert_eq!(new.sent, None);
        assert_eq!(new.letter_date, None);
        assert_eq!(new.follow_ups, None);
    }

    #[test]
    fn otherwise_the_same_people_and_it_opens_on_the_service() {
        let mut old = carers_case();
        old.complainant_is_carer = None;
        old.cared_for = None;
        old.representative = Some(RawRepresentative {
            name: Some("Ola Hansen".into()),
            relation: Some("sønn".into()),
            power_of_attorney: Some(true),
            role: Some("fullmektig".into()),
            ..RawRepresentative::default()
        });
        let new = carry(&old);
        assert_eq!(new.applicant, old.applicant);
        let r = new.representative.as_ref().expect("the same writer");
        assert_eq!(r.name.as_deref(), Some("Ola Hansen"));
        assert_eq!(r.relation.as_deref(), Some("sønn"));
        assert_eq!(r.role.as_deref(), Some("fullmektig"));
        // The fullmakt given was for the other letter's service: asked again, first.
        assert_eq!(r.power_of_attorney, None);
        assert_eq!(first_step(&new, Ui::Nb, day(), false), Step::Fullmakt);
        // A parent needs none: the service next.
        old.representative = Some(RawRepresentative {
            name: Some("Ola Hansen".into()),
            relation: Some("far".into()),
            role: Some("forelder".into()),
            ..RawRepresentative::default()
        });
        let new = carry(&old);
        assert_eq!(first_step(&new, Ui::Nb, day(), false), Step::Service);
        // Writing for oneself, in English: the letter's language is known, the service next.
        old.representative = None;
        let new = carry(&old);
        assert_eq!(first_step(&new, Ui::En, day(), false), Step::Service);
    }
}
