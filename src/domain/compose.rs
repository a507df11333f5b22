//! The facts a letter template needs, computed from a checked [`Case`].
//!
//! This is the only place that decides *which* paragraphs a letter has (the route, the
//! requests, lateness, a representative); the templates decide the *words*. Everything here is
//! plain data, serialised into the template engine.

use serde::Serialize;

use super::attachment::RepDocument;
use super::case::{Case, Person};
use super::dates;
use super::law::{self, Citation, LawOn};
use super::letter::Lang;
use super::routing::{self, Route};

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
    /// `forelder`, `verge`, `advokat` or `fullmektig`.
    pub role: &'static str,
    /// A written fullmakt is attached (the letter may say "på vegne av" and ask for the
    /// answers).
    pub has_fullmakt: bool,
    /// The person the decision is about signs too (a helper without fullmakt; a young person
    /// of 16 or 17 with a parent).
    pub person_signs: bool,
}

/// The person a carer cares for.
#[derive(Debug, Clone, Serialize)]
pub struct CaredForCtx {
    pub name: String,
    pub birth_date: Option<String>,
    pub relation: Option<String>,
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

/// One service of a decision on several (0.3 `services`), as the letter tells it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemCtx {
    pub id: &'static str,
    /// The name as in "vedtak om …" (for `annet`, the person's own words).
    pub name: String,
    pub full_name: String,
    pub situation: &'static str,
    pub applied_for: Vec<String>,
    pub granted: Vec<String>,
    pub outcome: Vec<String>,
    /// The legal basis of this service, written out; empty for a matter that is not a care
    /// service.
    pub basis: String,
    /// The carer complains about this service on their own behalf (pbrl § 2-8).
    pub carer: bool,
    /// Postponed implementation is asked for this service (it is cut or stopped).
    pub postponement: bool,
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
    /// The municipality's own appeal body, route B (fvl § 28 andre ledd).
    pub klageinstans: String,
    /// The deadline rule of the route (pbrl § 7-5 or fvl § 29).
    pub deadline: String,
    pub late: String,
    pub reasons: String,
    pub reasons_content: String,
    /// More than a year after the decision no complaint can be considered (fvl § 31 tredje
    /// ledd).
    pub one_year: String,
    /// A child's right to be heard (Grunnloven § 104 første ledd).
    pub child_heard: String,
    /// The child's best interests (Grunnloven § 104 andre ledd).
    pub child_best: String,
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
    /// Who the letter is addressed to: "Tromsø kommune", "Oslo kommune, bydel Grünerløkka".
    pub recipient_name: String,
    pub recipient_address: Vec<String>,
    /// Who made the decision, as the text says it ("vedtaket fra …"): "Tromsø kommune",
    /// "bydel Grünerløkka i Oslo kommune".
    pub decision_maker: String,
    pub place: String,
    pub date: String,
    /// The service; with several, `name` names them all ("omsorgsstønad og avlastning") and
    /// the rest is the first one's, except `user_view_weight` and `waiting_list` (any of them).
    pub service: ServiceCtx,
    /// The decision is about several services (0.3 `services`); then `services` tells each.
    pub multi: bool,
    /// Every service of the decision (one for a single-service case).
    pub services: Vec<ItemCtx>,
    /// The ids of `services`, for tests in the template ("omsorgsstonad" in service_ids).
    pub service_ids: Vec<&'static str>,
    /// The services the carer complains about on their own behalf, named ("omsorgsstønad og
    /// avlastning").
    pub carer_services: String,
    /// The services postponed implementation is asked for, named.
    pub postponement_services: String,
    /// The services the decision cuts or stops, named ("avlastning"), and how many: the
    /// request for postponed implementation (the letter of its own) is about them only.
    pub cut_services: String,
    pub cut_count: usize,
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
    /// The person cared for, in a carer's complaint, when the case names them.
    pub cared_for: Option<CaredForCtx>,
    /// The decision had to follow fvl chapters IV and V, so the letter may cite fvl § 16, § 17,
    /// § 24 and § 25 as duties (see `routing::fvl_duties_apply`).
    pub fvl_duties: bool,
    /// The deadline in weeks (4 or 3).
    pub deadline_weeks: u32,
    /// The person the decision is about is under 18 (and the complaint is not a carer's own):
    /// the letter asks that the child's best interests and own view be weighed (Grunnloven
    /// § 104).
    pub child: bool,
    pub grounds: Vec<GroundCtx>,
    pub not_considered: bool,
    pub outcome: Vec<String>,
    pub access_to_documents: bool,
    pub postponement: bool,
    /// Ask for the reasons the decision lacks (fvl § 24 and § 25), as a fault of the decision.
    pub reasons: bool,
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

/// "a", "a og b", "a, b og c".
fn join_names(names: &[String], and: &str) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn join_citations(at: &LawOn, cs: &[Citation], lang: Lang, and: &str) -> String {
    let parts: Vec<String> = cs.iter().map(|c| at.full(*c, lang)).collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The facts of a complaint letter, citing the law valid on the decision's date.
pub fn complaint(case: &Case) -> ComplaintCtx {
    complaint_with(case, law::TABLE)
}

/// The facts of a complaint letter with another citation table (a test, or the day a dated
/// row is added).
pub fn complaint_with(case: &Case, table: &[law::Row]) -> ComplaintCtx {
    let at = LawOn::with_table(table, case.decision.date);
    let lang = case.lang;
    let code = lang.code();
    let and = match lang {
        Lang::Nb | Lang::Nn => "og",
    };
    let para = |t: &Option<String>| {
        t.as_deref()
            .map(super::case::paragraphs)
            .unwrap_or_default()
    };
    let applicant = PersonCtx::new(&case.applicant, lang);
    let sender = case
        .representative
        .as_ref()
        .map(|r| PersonCtx::new(&r.person, lang))
        .unwrap_or_else(|| applicant.clone());
    let recipient_name = case.addressee();
    let municipality_name = case.municipality.letter_name();
    // Leave out an address line that only repeats the recipient's name.
    let recipient_address: Vec<String> = case
        .municipality_address
        .iter()
        .filter(|l| {
            let l = l.to_lowercase();
            let district = case.district.map(|d| format!("bydel {d}").to_lowercase());
            l != recipient_name.to_lowercase()
                && l != municipality_name.to_lowercase()
                && Some(&l) != district.as_ref()
        })
        .cloned()
        .collect();
    let carer = case.is_carer_complaint();
    let services: Vec<ItemCtx> = case
        .services
        .iter()
        .map(|item| ItemCtx {
            id: item.service.id,
            name: item.name(lang),
            full_name: item.service.full_name(lang).to_string(),
            situation: item.situation.id(),
            applied_for: para(&item.applied_for),
            granted: para(&item.granted),
            outcome: item.outcome.clone().unwrap_or_default(),
            basis: join_citations(&at, item.service.basis, lang, and),
            carer: carer && item.carer_may_complain(),
            postponement: item.asks_postponement(case.postponement),
        })
        .collect();
    let names = |keep: fn(&ItemCtx) -> bool| {
        let v: Vec<String> = services
            .iter()
            .filter(|s| keep(s))
            .map(|s| s.name.clone())
            .collect();
        join_names(&v, and)
    };
    let service_name = names(|_| true);
    let carer_services = names(|s| s.carer);
    let postponement_services = names(|s| s.postponement);
    let is_cut = |s: &ItemCtx| matches!(s.situation, "redusert" | "avsluttet");
    let cut_services = names(is_cut);
    let cut_count = services.iter().filter(|s| is_cut(s)).count();
    let postponement = services.iter().any(|s| s.postponement);
    // The representative's own document: a signed fullmakt, or the verge's vergefullmakt.
    let rep_document = case.representative.as_ref().and_then(RepDocument::of);
    let attachments = attachment_lines(case, rep_document);
    let age = case.applicant_age();
    ComplaintCtx {
        lang: code,
        representative: case.representative.as_ref().map(|r| RepresentativeCtx {
            name: r.person.name.clone(),
            address: r.person.address.clone(),
            postcode: r.person.postcode.clone(),
            city: r.person.city.clone(),
            relation: r.relation.clone(),
            power_of_attorney: r.power_of_attorney,
            role: r.role.id(),
            has_fullmakt: r.has_fullmakt(),
            person_signs: r.person_signs(age),
        }),
        applicant,
        sender,
        recipient_name,
        recipient_address,
        decision_maker: case.decision_maker(),
        place: case.place.clone(),
        date: dates::in_words(case.letter_date, code),
        service: ServiceCtx {
            id: case.service.id,
            name: service_name,
            full_name: case.service.full_name(lang).to_string(),
            is_care: case.route == Route::Statsforvalteren,
            user_view_weight: case.services.iter().any(|s| s.service.user_view_weight),
            waiting_list: case.services.iter().any(|s| s.service.waiting_list),
        },
        multi: case.is_multi(),
        service_ids: case.services.iter().map(|s| s.service.id).collect(),
        carer_services,
        postponement_services,
        cut_services,
        cut_count,
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
            complaint_right: at.full(case.route.complaint_right(), lang),
            basis: join_citations(&at, case.service.basis, lang, and),
            right_to_services: at.full(law::PBRL_2_1_A_2, lang),
            sound: at.full(law::HOL_4_1, lang),
            user_view: at.full(law::PBRL_3_1, lang),
            investigated: at.full(law::FVL_17, lang),
            carer: at.full(law::PBRL_2_8, lang),
            representative: at.full(law::FVL_12, lang),
            documents: at.full(law::FVL_18, lang),
            journal: at.full(law::PBRL_5_1, lang),
            postponement: at.full(law::FVL_42, lang),
            klageinstans: at.full(law::FVL_28_2, lang),
            deadline: at.full(case.route.deadline_rule(), lang),
            late: join_citations(&at, case.route.late_rules(), lang, and),
            reasons: at.full(law::FVL_24, lang),
            reasons_content: at.full(law::FVL_25, lang),
            one_year: at.full(law::FVL_31_3, lang),
            child_heard: at.full(law::GRL_104_1, lang),
            child_best: at.full(law::GRL_104_2, lang),
            preliminary: at.full(law::FVL_11_A, lang),
        },
        followup_attachments: rep_document
            .map(|d| vec![d.title(lang).to_string()])
            .unwrap_or_default(),
        kind: "complaint",
        sent: case.sent.map(|d| dates::in_words(d, code)),
        supplement: case.supplement.clone().unwrap_or_default(),
        deadline_last_day: dates::in_words(case.deadline.last_day, code),
        is_late: case.is_late(),
        late_reason: case.late_reason.clone().unwrap_or_default(),
        carer,
        cared_for: case
            .cared_for
            .as_ref()
            .filter(|_| case.is_carer_complaint())
            .map(|c| CaredForCtx {
                name: c.name.clone(),
                birth_date: c.birth_date.map(|d| dates::in_words(d, code)),
                relation: c.relation.clone(),
            }),
        fvl_duties: routing::fvl_duties_apply(case.service, case.route),
        deadline_weeks: case.route.weeks(),
        child: age.is_some_and(|a| a < 18) && !case.is_carer_complaint(),
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
        postponement,
        services,
        reasons: case.reasons,
        attachments,
    }
}

/// The complaint's attachment list: each attachment once, the representative's document
/// (`doc`) once and in the letter's language (see [`RepDocument`]): the person's own line for
/// it when there is one (the first with a file, else the first), else its name as a new line.
/// Text lines that repeat it are left out; a second file of it stays (it is in the PDF).
fn attachment_lines(case: &Case, doc: Option<RepDocument>) -> Vec<AttachmentCtx> {
    let is_doc = |title: &str| doc.is_some_and(|d| d.is_named_in(title));
    let kept = doc.and_then(|_| {
        let docs = || {
            case.attachments
                .iter()
                .enumerate()
                .filter(|(_, a)| is_doc(&a.title))
        };
        docs()
            .find(|(_, a)| a.file.is_some())
            .or_else(|| docs().next())
            .map(|(i, _)| i)
    });
    let mut lines: Vec<AttachmentCtx> = case
        .attachments
        .iter()
        .enumerate()
        // Other lines naming the document are left out, unless they are files: a file is in the
        // PDF, so its line stays.
        .filter(|(i, a)| !is_doc(&a.title) || Some(*i) == kept || a.file.is_some())
        .map(|(_, a)| AttachmentCtx {
            title: match doc {
                Some(d) if is_doc(&a.title) => d.in_language(&a.title, case.lang),
                _ => a.title.clone(),
            },
            bundled: false,
            has_file: a.file.is_some(),
        })
        .collect();
    if let (Some(d), None) = (doc, kept) {
        lines.push(AttachmentCtx {
            title: d.title(case.lang).to_string(),
            bundled: false,
            has_file: false,
        });
    }
    lines
}
