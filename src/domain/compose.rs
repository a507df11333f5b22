//! The facts a letter template needs, computed from a checked [`Case`].
//!
//! This is the only place that decides *which* paragraphs a letter has (the route, the
//! requests, lateness, a representative); the templates decide the *words*. Everything here is
//! plain data, serialised into the template engine.

use serde::Serialize;

use super::case::{Case, Person};
use super::dates;
use super::law::{self, Citation};
use super::letter::Lang;
use super::routing::Route;

/// The sender or the person the decision is about, as the letter writes them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCtx {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub birth_date: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl PersonCtx {
    fn new(p: &Person, lang: Lang) -> Self {
        PersonCtx {
            name: p.name.clone(),
            address: p.address.clone(),
            postcode: p.postcode.clone(),
            city: p.city.clone(),
            birth_date: p.birth_date.map(|d| dates::in_words(d, lang.code())),
            phone: p.phone.clone(),
            email: p.email.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RepresentativeCtx {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub relation: Option<String>,
    pub power_of_attorney: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceCtx {
    pub id: &'static str,
    /// The name as used in "vedtak om …" (for `annet`, the person's own words).
    pub name: String,
    pub full_name: String,
    pub is_care: bool,
    pub user_view_weight: bool,
    pub waiting_list: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionCtx {
    pub date: String,
    pub received: String,
    pub reference: Option<String>,
    pub applied_for: Vec<String>,
    pub granted: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroundCtx {
    pub id: &'static str,
    pub paragraphs: Vec<String>,
}

/// Citations, written out in the letter's language.
#[derive(Debug, Clone, Serialize)]
pub struct LawCtx {
    pub complaint_right: String,
    pub basis: String,
    pub right_to_services: String,
    pub sound: String,
    pub user_view: String,
    pub investigated: String,
    pub carer: String,
    pub representative: String,
    pub documents: String,
    pub journal: String,
    pub postponement: String,
    pub klagenemnd: String,
    pub late: String,
    pub reasons: String,
    pub reasons_content: String,
    pub reasons_interrupt: String,
    pub preliminary: String,
}

/// One line of the complaint's attachment list.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentCtx {
    pub title: String,
    /// The file is in the same PDF as the letter (set only when the letter is written as a PDF
    /// envelope; the text letter lists the titles only).
    pub bundled: bool,
    /// The attachment is a file that a PDF envelope bundles.
    #[serde(skip)]
    pub has_file: bool,
}

/// Everything a letter template reads (the complaint and the follow-up letters).
#[derive(Debug, Clone, Serialize)]
pub struct ComplaintCtx {
    pub lang: &'static str,
    /// The person the decision is about.
    pub applicant: PersonCtx,
    pub representative: Option<RepresentativeCtx>,
    /// Who the letter is from: the representative when there is one.
    pub sender: PersonCtx,
    pub recipient_name: String,
    pub recipient_address: Vec<String>,
    pub place: String,
    pub date: String,
    pub service: ServiceCtx,
    pub situation: &'static str,
    pub decision: DecisionCtx,
    /// "statsforvalteren" or "klagenemnd".
    pub route: &'static str,
    /// "Statsforvalteren i Troms og Finnmark" (nynorsk: "Statsforvaltaren i …").
    pub statsforvalteren: String,
    pub law: LawCtx,
    pub deadline_last_day: String,
    pub is_late: bool,
    pub late_reason: Vec<String>,
    /// The carer complains on their own behalf (pbrl § 2-8).
    pub carer: bool,
    pub grounds: Vec<GroundCtx>,
    pub not_considered: bool,
    pub outcome: Vec<String>,
    pub access_to_documents: bool,
    pub postponement: bool,
    pub attachments: Vec<AttachmentCtx>,
    /// The attachments of a follow-up letter: the fullmakt, when there is one.
    pub followup_attachments: Vec<String>,
    /// The letter being written (`complaint`, `innsyn`, …); set by the renderer.
    pub kind: &'static str,
    /// When the complaint was sent, in words (follow-up letters).
    pub sent: Option<String>,
    /// New information (supplement letter).
    pub supplement: Vec<String>,
}

fn join_citations(cs: &[Citation], lang: Lang, and: &str) -> String {
    let parts: Vec<String> = cs.iter().map(|c| c.full(lang)).collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The facts of a complaint letter.
pub fn complaint(case: &Case) -> ComplaintCtx {
    let lang = case.lang;
    let code = lang.code();
    let and = match lang {
        Lang::Nb | Lang::Nn => "og",
    };
    let applicant = PersonCtx::new(&case.applicant, lang);
    let sender = case
        .representative
        .as_ref()
        .map(|r| PersonCtx::new(&r.person, lang))
        .unwrap_or_else(|| applicant.clone());
    let recipient_name = case.municipality.letter_name();
    // Leave out an address line that only repeats the recipient's name.
    let recipient_address: Vec<String> = case
        .municipality_address
        .iter()
        .filter(|l| {
            !l.eq_ignore_ascii_case(&recipient_name)
                && l.to_lowercase() != recipient_name.to_lowercase()
        })
        .cloned()
        .collect();
    let service_name = match (&case.service_other, case.service.id) {
        (Some(other), "annet") => other.clone(),
        _ => case.service.name(lang).to_string(),
    };
    let mut attachments: Vec<AttachmentCtx> = case
        .attachments
        .iter()
        .map(|a| AttachmentCtx {
            title: a.title.clone(),
            bundled: false,
            has_file: a.file.is_some(),
        })
        .collect();
    let attachment_word = match lang {
        Lang::Nb | Lang::Nn => "Fullmakt",
    };
    if case
        .representative
        .as_ref()
        .is_some_and(|r| r.power_of_attorney)
        && !attachments
            .iter()
            .any(|a| a.title.to_lowercase().contains("fullmakt"))
    {
        attachments.push(AttachmentCtx {
            title: attachment_word.to_string(),
            bundled: false,
            has_file: false,
        });
    }
    let para = |t: &Option<String>| {
        t.as_deref()
            .map(super::case::paragraphs)
            .unwrap_or_default()
    };
    ComplaintCtx {
        lang: code,
        representative: case.representative.as_ref().map(|r| RepresentativeCtx {
            name: r.person.name.clone(),
            address: r.person.address.clone(),
            postcode: r.person.postcode.clone(),
            city: r.person.city.clone(),
            relation: r.relation.clone(),
            power_of_attorney: r.power_of_attorney,
        }),
        applicant,
        sender,
        recipient_name,
        recipient_address,
        place: case.place.clone(),
        date: dates::in_words(case.letter_date, code),
        service: ServiceCtx {
            id: case.service.id,
            name: service_name,
            full_name: case.service.full_name(lang).to_string(),
            is_care: case.route == Route::Statsforvalteren,
            user_view_weight: case.service.user_view_weight,
            waiting_list: case.service.waiting_list,
        },
        situation: case.situation.id(),
        decision: DecisionCtx {
            date: dates::in_words(case.decision.date, code),
            received: dates::in_words(case.decision.received, code),
            reference: case.decision.reference.clone(),
            applied_for: para(&case.decision.applied_for),
            granted: para(&case.decision.granted),
        },
        route: case.route.id(),
        statsforvalteren: case.municipality.statsforvalteren(lang == Lang::Nn),
        law: LawCtx {
            complaint_right: case.route.complaint_right().full(lang),
            basis: join_citations(case.service.basis, lang, and),
            right_to_services: law::PBRL_2_1_A_2.full(lang),
            sound: law::HOL_4_1.full(lang),
            user_view: law::PBRL_3_1.full(lang),
            investigated: law::FVL_17.full(lang),
            carer: law::PBRL_2_8.full(lang),
            representative: law::FVL_12.full(lang),
            documents: law::FVL_18.full(lang),
            journal: law::PBRL_5_1.full(lang),
            postponement: law::FVL_42.full(lang),
            klagenemnd: law::FVL_28_2.full(lang),
            late: join_citations(case.route.late_rules(), lang, and),
            reasons: law::FVL_24.full(lang),
            reasons_content: law::FVL_25.full(lang),
            reasons_interrupt: law::reasons_interrupt(lang),
            preliminary: law::FVL_11_A.full(lang),
        },
        followup_attachments: if case
            .representative
            .as_ref()
            .is_some_and(|r| r.power_of_attorney)
        {
            vec![attachment_word.to_string()]
        } else {
            Vec::new()
        },
        kind: "complaint",
        sent: case.sent.map(|d| dates::in_words(d, code)),
        supplement: case.supplement.clone().unwrap_or_default(),
        deadline_last_day: dates::in_words(case.deadline.last_day, code),
        is_late: case.is_late(),
        late_reason: case.late_reason.clone().unwrap_or_default(),
        carer: case.complainant_is_carer && case.service.carer_may_complain,
        not_considered: case.grounds.iter().any(|(g, _)| g.id() == "not_considered"),
        grounds: case
            .grounds
            .iter()
            .map(|(g, p)| GroundCtx {
                id: g.id(),
                paragraphs: p.clone(),
            })
            .collect(),
        outcome: case.outcome.clone().unwrap_or_default(),
        access_to_documents: case.access_to_documents,
        postponement: case.postponement && case.situation.takes_away_service(),
        attachments,
    }
}
