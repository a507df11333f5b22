//! Step 11, check your answers: an error summary at the top (every problem `case::check` finds,
//! each leading to the screen where it is fixed), then every answer, grouped, each with a change
//! action that comes back here.

use crate::domain::case::{self, Ground, Problem};
use crate::domain::letter::LetterKind;
use crate::domain::{dates, law};
use crate::i18n::{problem_text, t, tf};
use crate::interview::action::Action;
use crate::interview::list::{self, Keys};
use crate::interview::{App, Flow, Step, chosen_service, date_answer, has_representative};

use super::choice::ChoiceState;
use super::municipality;
use super::service::list_name;
use super::tr;

/// One row of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A heading ("Dette må rettes", "Om klagen").
    Heading {
        text: String,
        error: bool,
    },
    /// A problem; leads to its screen when there is one.
    Problem {
        text: String,
        step: Option<Step>,
        error: bool,
    },
    /// An answer.
    Row {
        label: String,
        value: Option<String>,
        step: Step,
    },
    /// Go on to the preview.
    GoOn {
        ready: bool,
    },
    Blank,
}

impl Item {
    pub(crate) fn selectable(&self) -> bool {
        matches!(
            self,
            Item::Problem { step: Some(_), .. } | Item::Row { .. } | Item::GoOn { .. }
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckState {
    /// Index into the selectable items.
    pub selected: usize,
}

/// An answer row: its label, the fields it shows (for naming problems), its value, its screen.
struct Answer {
    label: String,
    fields: &'static [&'static str],
    value: Option<String>,
    step: Step,
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn date_value(app: &App, s: &Option<String>) -> Option<String> {
    let v = opt(s)?;
    Some(match date_answer(Some(&v)) {
        Some(d) => dates::in_words(d, app.ui.code()),
        None => v,
    })
}

/// The answers, in groups (group title, rows).
fn answers(app: &App) -> Vec<(String, Vec<Answer>)> {
    let ui = app.ui;
    let raw = &app.raw;
    // Every screen of the letter, also those a follow-up letter's short flow went past.
    let path = app.full_path();
    let in_path = |s: Step| path.contains(&s);
    let a =
        |key: &str, fields: &'static [&'static str], value: Option<String>, step: Step| Answer {
            label: t(ui, key),
            fields,
            value,
            step,
        };
    // A row for a screen of this letter's path (a case may have answers from another path).
    let row_if = |rows: &mut Vec<Answer>,
                  key: &str,
                  fields: &'static [&'static str],
                  value: Option<String>,
                  step: Step| {
        if in_path(step) {
            rows.push(a(key, fields, value, step));
        }
    };
    let mut case_rows = Vec::new();
    if app.kind != LetterKind::Complaint {
        case_rows.push(a(
            "tui.check.letter",
            &[],
            Some(super::case::letter_name(app, app.kind)),
            Step::Case,
        ));
    }
    let who = ChoiceState::answer_label(Step::Who, app).unwrap_or_else(|| {
        if has_representative(raw) {
            t(ui, "tui.opt.who-rep")
        } else {
            t(ui, "tui.opt.who-self")
        }
    });
    case_rows.push(a(
        "tui.check.who",
        &["complainant_is_carer"],
        Some(who),
        Step::Who,
    ));
    let rep = raw.representative.as_ref();
    row_if(
        &mut case_rows,
        "tui.check.role",
        &["representative.role"],
        ChoiceState::answer_label(Step::Role, app),
        Step::Role,
    );
    row_if(
        &mut case_rows,
        "tui.check.relation",
        &["representative.relation"],
        rep.and_then(|r| opt(&r.relation)),
        Step::Relation,
    );
    row_if(
        &mut case_rows,
        "tui.check.fullmakt",
        &["representative.power_of_attorney"],
        ChoiceState::answer_label(Step::Fullmakt, app),
        Step::Fullmakt,
    );
    let mut service_row = a(
        "tui.check.service",
        &["service", "services.0.service"],
        chosen_service(raw).map(|s| list_name(s, app)),
        Step::Service,
    );
    // With other services of the same decision it is "Tjeneste 1", as they are "Tjeneste 2" …
    if !crate::interview::services::extras(raw).is_empty() {
        service_row.label = tf(ui, "tui.check.extra-service", &[("n", "1".to_string())]);
    }
    case_rows.push(service_row);
    row_if(
        &mut case_rows,
        "tui.check.service-other",
        &["service_other", "services.0.service_other"],
        opt(&raw.service_other),
        Step::ServiceOther,
    );
    row_if(
        &mut case_rows,
        "tui.check.carer",
        &["complainant_is_carer"],
        ChoiceState::answer_label(Step::Carer, app),
        Step::Carer,
    );
    if in_path(Step::CaredFor) {
        let cf = raw.cared_for.as_ref();
        let value = cf.and_then(|c| opt(&c.name)).map(|name| {
            let mut v = name;
            if let Some(b) = cf.and_then(|c| date_value(app, &c.birth_date)) {
                v.push_str(&format!(", {b}"));
            }
            if let Some(r) = cf.and_then(|c| opt(&c.relation)) {
                v.push_str(&format!(" ({r})"));
            }
            v
        });
        // A helper of a carer did not give the care: "Den som får omsorgen".
        let key = if has_representative(raw) {
            "tui.check.cared-for-rep"
        } else {
            "tui.check.cared-for"
        };
        case_rows.push(a(
            key,
            &[
                "cared_for",
                "cared_for.name",
                "cared_for.birth_date",
                "cared_for.relation",
            ],
            value,
            Step::CaredFor,
        ));
    }
    row_if(
        &mut case_rows,
        "tui.check.route",
        &["decision.route"],
        ChoiceState::answer_label(Step::RouteLaw, app),
        Step::RouteLaw,
    );
    case_rows.push(a(
        "tui.check.situation",
        &["situation", "services.0.situation"],
        ChoiceState::answer_label(Step::Situation, app),
        Step::Situation,
    ));
    // The other services of the same decision (issue #26): one row each.
    for k in 1..=crate::interview::services::extras(raw).len() {
        let Some(fields) = EXTRA_FIELDS.get(k - 1) else {
            break;
        };
        case_rows.push(Answer {
            label: tf(ui, "tui.check.extra-service", &[("n", (k + 1).to_string())]),
            fields,
            value: crate::interview::services::item(raw, k)
                .service
                .is_some()
                .then(|| crate::interview::steps::services::line_of(app, k)),
            step: Step::Extra(
                u8::try_from(k).unwrap_or(1),
                crate::step::ExtraPart::Service,
            ),
        });
        // Before and after, and what is asked for, when given.
        let it = crate::interview::services::item(raw, k);
        let cut = matches!(it.situation.as_deref(), Some("redusert" | "avsluttet"));
        let (ak, gk) = if cut {
            ("tui.check.extra-before", "tui.check.extra-after")
        } else {
            ("tui.check.extra-applied", "tui.check.extra-granted")
        };
        let kk = u8::try_from(k).unwrap_or(1);
        for (key, value, part) in [
            (ak, it.applied_for, crate::step::ExtraPart::Decision),
            (gk, it.granted, crate::step::ExtraPart::Decision),
            (
                "tui.check.extra-outcome",
                it.outcome,
                crate::step::ExtraPart::Outcome,
            ),
        ] {
            if let Some(v) = opt(&value) {
                case_rows.push(Answer {
                    label: tf(ui, key, &[("n", (k + 1).to_string())]),
                    fields: &[],
                    value: Some(v),
                    step: Step::Extra(kk, part),
                });
            }
        }
    }
    let lang = match raw.language.as_deref() {
        Some("nn") => t(ui, "tui.opt.letter-nn"),
        _ => t(ui, "tui.opt.letter-nb"),
    };
    case_rows.push(a(
        "tui.check.language",
        &["language"],
        Some(lang),
        Step::LetterLang,
    ));

    let d = raw.decision.clone().unwrap_or_default();
    let mut decision_rows = vec![
        a(
            "tui.check.decision-date",
            &["decision.date"],
            date_value(app, &d.date),
            Step::DecisionDate,
        ),
        a(
            "tui.check.received",
            &["decision.received"],
            date_value(app, &d.received),
            Step::Received,
        ),
        a(
            "tui.check.reference",
            &["decision.reference"],
            opt(&d.reference),
            Step::Decision,
        ),
    ];
    let cut = matches!(raw.situation.as_deref(), Some("redusert" | "avsluttet"));
    let (ak, gk) = if cut {
        ("tui.field.had-before", "tui.field.has-after")
    } else {
        ("tui.field.applied-for", "tui.field.granted")
    };
    decision_rows.push(a(
        ak,
        &["decision.applied_for", "services.0.applied_for"],
        opt(&d.applied_for),
        Step::Decision,
    ));
    if !matches!(raw.situation.as_deref(), Some("avslag" | "venteliste")) || d.granted.is_some() {
        decision_rows.push(a(
            gk,
            &["decision.granted", "services.0.granted"],
            opt(&d.granted),
            Step::Decision,
        ));
    }
    row_if(
        &mut decision_rows,
        "tui.check.late-reason",
        &["late_reason"],
        opt(&raw.late_reason),
        Step::LateReason,
    );

    row_if(
        &mut decision_rows,
        "tui.check.sent",
        &["sent"],
        date_value(app, &raw.sent),
        Step::Sent,
    );

    let g = raw.grounds.clone().unwrap_or_default();
    let mut complaint_rows = Vec::new();
    for ground in Ground::ALL
        .into_iter()
        .filter(|g| in_path(Step::Ground(*g)))
    {
        let fields: &'static [&'static str] = match ground {
            Ground::Health => &["grounds.health"],
            Ground::DailyLife => &["grounds.daily_life"],
            Ground::Safety => &["grounds.safety"],
            Ground::Relatives => &["grounds.relatives"],
            Ground::Consequences => &["grounds.consequences"],
            Ground::NotConsidered => &["grounds.not_considered"],
            Ground::Other => &["grounds.other"],
        };
        complaint_rows.push(Answer {
            label: t(ui, &format!("tui.check.ground.{}", ground.id())),
            fields,
            value: opt(&g.get(ground).cloned()),
            step: Step::Ground(ground),
        });
    }
    let outcome = opt(&raw.outcome).or_else(|| {
        super::longtext::suggestion(app)
            .map(|s| tf(ui, "tui.check.outcome-default", &[("text", s)]))
    });
    row_if(
        &mut complaint_rows,
        "tui.check.supplement",
        &["supplement"],
        opt(&raw.supplement),
        Step::Supplement,
    );
    let complaint = app.kind == LetterKind::Complaint;
    if complaint {
        complaint_rows.push(a(
            "tui.check.outcome",
            &["outcome", "services.0.outcome"],
            outcome,
            Step::Outcome,
        ));
    }
    let req = raw.requests.clone().unwrap_or_default();
    let mut asked = Vec::new();
    if req.access_to_documents == Some(true) {
        asked.push(t(ui, "tui.request.innsyn.short"));
    }
    // Postponement, with the services named when it is asked for some of those cut only.
    let cut = crate::interview::services::cut_items(raw);
    let post: Vec<usize> = cut
        .iter()
        .copied()
        .filter(|k| crate::interview::services::asks_postponement(raw, *k))
        .collect();
    if !post.is_empty() && post.len() < cut.len() {
        let names: Vec<String> = post
            .iter()
            .map(|k| crate::interview::services::name_of(ui, raw, *k))
            .collect();
        asked.push(tf(
            ui,
            "tui.request.postponement.short-for",
            &[("services", crate::summary::join_and(ui, &names))],
        ));
    } else if !post.is_empty() || (cut.is_empty() && req.postponement == Some(true)) {
        asked.push(t(ui, "tui.request.postponement.short"));
    }
    if req.reasons == Some(true) {
        asked.push(t(ui, "tui.request.reasons.short"));
    }
    let asked = if asked.is_empty() {
        Some(t(ui, "tui.check.none"))
    } else {
        Some(asked.join(", "))
    };
    let att = raw.attachments.clone().unwrap_or_default();
    if complaint {
        complaint_rows.push(a(
            "tui.check.requests",
            &["requests"],
            asked,
            Step::Requests,
        ));
        complaint_rows.push(a(
            "tui.check.attachments",
            &["attachments"],
            (!att.is_empty()).then(|| att.iter().map(|a| a.title()).collect::<Vec<_>>().join(", ")),
            Step::Attachments,
        ));
    }

    let person_rows =
        |p: Option<PersonView>, step: Step, prefix: &'static [&'static [&'static str]; 5]| {
            let p = p.unwrap_or_default();
            let address = match (opt(&p.address), opt(&p.postcode), opt(&p.city)) {
                (None, None, None) => None,
                (a1, pc, c) => Some(
                    [
                        a1,
                        Some(
                            format!("{} {}", pc.unwrap_or_default(), c.unwrap_or_default())
                                .trim()
                                .to_string(),
                        ),
                    ]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                ),
            };
            let mut v = vec![
                Answer {
                    label: t(ui, "tui.field.name"),
                    fields: prefix[0],
                    value: opt(&p.name),
                    step,
                },
                Answer {
                    label: t(ui, "tui.field.address"),
                    fields: prefix[1],
                    value: address,
                    step,
                },
                Answer {
                    label: t(ui, "tui.field.phone"),
                    fields: prefix[2],
                    value: opt(&p.phone),
                    step,
                },
                Answer {
                    label: t(ui, "tui.field.email"),
                    fields: prefix[3],
                    value: opt(&p.email),
                    step,
                },
            ];
            if step == Step::Applicant {
                v.push(Answer {
                    label: t(ui, "tui.field.birth-date"),
                    fields: prefix[4],
                    value: date_value(app, &p.birth_date),
                    step,
                });
            }
            v
        };
    let applicant_rows = person_rows(
        raw.applicant.as_ref().map(|p| PersonView {
            name: p.name.clone(),
            address: p.address.clone(),
            postcode: p.postcode.clone(),
            city: p.city.clone(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            birth_date: p.birth_date.clone(),
        }),
        Step::Applicant,
        &APPLICANT_FIELDS,
    );
    let rep_rows = in_path(Step::Representative).then(|| {
        person_rows(
            rep.map(|p| PersonView {
                name: p.name.clone(),
                address: p.address.clone(),
                postcode: p.postcode.clone(),
                city: p.city.clone(),
                phone: p.phone.clone(),
                email: p.email.clone(),
                birth_date: None,
            }),
            Step::Representative,
            &REPRESENTATIVE_FIELDS,
        )
    });
    let mut municipality_rows = vec![a(
        "tui.check.municipality",
        &["municipality", "municipality.name", "municipality.number"],
        municipality::chosen(app).map(|m| m.letter_name()),
        Step::Municipality,
    )];
    if crate::interview::path::asks_district(raw) {
        municipality_rows.push(a(
            "tui.check.district",
            &["municipality.district"],
            // By its official name, also when a case file spells it "grunerlokka".
            raw.municipality
                .as_ref()
                .and_then(|m| m.district.as_deref())
                .map(|d| {
                    crate::domain::municipality::bydel::find(d)
                        .map_or_else(|| d.to_string(), str::to_string)
                }),
            Step::District,
        ));
    }
    let lines: Vec<String> = raw
        .municipality
        .as_ref()
        .and_then(|m| m.address.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .collect();
    municipality_rows.push(a(
        "tui.check.municipality-address",
        &["municipality.address"],
        (!lines.is_empty()).then(|| lines.join(", ")),
        Step::MunicipalityAddress,
    ));

    let mut groups = vec![
        (t(ui, "tui.check.group.case"), case_rows),
        (t(ui, "tui.check.group.decision"), decision_rows),
    ];
    if complaint {
        groups.push((t(ui, "tui.check.group.complaint"), complaint_rows));
    } else if !complaint_rows.is_empty() {
        groups.push((t(ui, "tui.check.group.letter"), complaint_rows));
    }
    groups.push((tr(app, "tui.check.applicant"), applicant_rows));
    if let Some(rows) = rep_rows {
        groups.push((t(ui, "tui.check.representative"), rows));
    }
    groups.push((t(ui, "tui.check.group.municipality"), municipality_rows));
    groups
}

/// The fields behind the rows name, address, phone, e-mail and birth date.
const APPLICANT_FIELDS: [&[&str]; 5] = [
    &["applicant.name"],
    &["applicant.address", "applicant.postcode", "applicant.city"],
    &["applicant.phone"],
    &["applicant.email"],
    &["applicant.birth_date"],
];
const REPRESENTATIVE_FIELDS: [&[&str]; 5] = [
    &["representative.name"],
    &[
        "representative.address",
        "representative.postcode",
        "representative.city",
    ],
    &["representative.phone"],
    &["representative.email"],
    &[],
];

#[derive(Default)]
struct PersonView {
    name: Option<String>,
    address: Option<String>,
    postcode: Option<String>,
    city: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    birth_date: Option<String>,
}

/// The fields of another service of the decision (items 1 to 8 of `services`), for naming
/// its problems on its row.
static EXTRA_FIELDS: [[&str; 7]; 8] = [
    [
        "services.1",
        "services.1.service",
        "services.1.service_other",
        "services.1.situation",
        "services.1.applied_for",
        "services.1.granted",
        "services.1.outcome",
    ],
    [
        "services.2",
        "services.2.service",
        "services.2.service_other",
        "services.2.situation",
        "services.2.applied_for",
        "services.2.granted",
        "services.2.outcome",
    ],
    [
        "services.3",
        "services.3.service",
        "services.3.service_other",
        "services.3.situation",
        "services.3.applied_for",
        "services.3.granted",
        "services.3.outcome",
    ],
    [
        "services.4",
        "services.4.service",
        "services.4.service_other",
        "services.4.situation",
        "services.4.applied_for",
        "services.4.granted",
        "services.4.outcome",
    ],
    [
        "services.5",
        "services.5.service",
        "services.5.service_other",
        "services.5.situation",
        "services.5.applied_for",
        "services.5.granted",
        "services.5.outcome",
    ],
    [
        "services.6",
        "services.6.service",
        "services.6.service_other",
        "services.6.situation",
        "services.6.applied_for",
        "services.6.granted",
        "services.6.outcome",
    ],
    [
        "services.7",
        "services.7.service",
        "services.7.service_other",
        "services.7.situation",
        "services.7.applied_for",
        "services.7.granted",
        "services.7.outcome",
    ],
    [
        "services.8",
        "services.8.service",
        "services.8.service_other",
        "services.8.situation",
        "services.8.applied_for",
        "services.8.granted",
        "services.8.outcome",
    ],
];

/// The problems of the answers.
/// With the attachment files that have moved since they were added (a glance, not a read: the
/// page is drawn often), so that they are fixed here and not found only when saving.
pub fn problems(app: &App) -> Vec<Problem> {
    let raw = crate::interview::path::as_written(&app.raw, app.kind);
    let mut problems = case::check_for(&raw, app.today, app.kind).problems;
    if app.kind == LetterKind::Complaint {
        problems.extend(crate::export::glance_at_attachments(&app.raw, None));
    }
    problems
}

/// Every row of the page.
pub fn items(app: &App) -> Vec<Item> {
    let ui = app.ui;
    let groups = answers(app);
    let path = app.full_path();
    let probs = problems(app);
    // The label a problem is named by: the row that shows the field (exactly, else the row of
    // its parent, e.g. an address line), or the group for a whole object ("applicant").
    let label_of = |field: &str| -> Option<String> {
        let rows = || groups.iter().flat_map(|(_, rows)| rows.iter());
        let group = match field {
            "applicant" => Some(tr(app, "tui.check.applicant")),
            "representative" => Some(t(ui, "tui.check.representative")),
            "grounds" => Some(t(ui, "tui.section.grounds")),
            "decision" => Some(t(ui, "tui.check.group.decision")),
            _ => None,
        };
        group
            .or_else(|| {
                rows()
                    .find(|r| r.fields.contains(&field))
                    .map(|r| r.label.clone())
            })
            .or_else(|| {
                // "decision.reference" → the decision's row; "attachments[0].file" → Vedlegg.
                rows()
                    .find(|r| {
                        r.fields.iter().any(|f| {
                            field.starts_with(&format!("{f}."))
                                || field.starts_with(&format!("{f}["))
                        })
                    })
                    .map(|r| r.label.clone())
            })
    };
    let mut out = Vec::new();
    // For an adviser: the citation table is more than twelve months old.
    if law::needs_reverify(app.today) {
        let date = dates::in_words(law::verified_on(), ui.code());
        out.push(Item::Problem {
            text: tf(ui, "law.reverify", &[("date", date)]),
            step: None,
            error: false,
        });
        out.push(Item::Blank);
    }
    let errors: Vec<&Problem> = probs.iter().filter(|p| p.is_error()).collect();
    let warnings: Vec<&Problem> = probs.iter().filter(|p| !p.is_error()).collect();
    for (list, error) in [(&errors, true), (&warnings, false)] {
        if list.is_empty() {
            continue;
        }
        let key = if error {
            "tui.check.errors"
        } else {
            "tui.check.warnings"
        };
        out.push(Item::Heading {
            text: tf(ui, key, &[("count", list.len().to_string())]),
            error,
        });
        for p in list.iter() {
            let text = match label_of(&p.field) {
                Some(l) => format!("{l}: {}", problem_text(ui, p)),
                None => problem_text(ui, p),
            };
            let step = crate::interview::step_for_field(&p.field).filter(|s| path.contains(s));
            out.push(Item::Problem { text, step, error });
        }
        out.push(Item::Blank);
    }
    for (title, rows) in groups {
        out.push(Item::Heading {
            text: title,
            error: false,
        });
        for r in rows {
            out.push(Item::Row {
                label: r.label,
                value: r.value,
                step: r.step,
            });
        }
        out.push(Item::Blank);
    }
    out.push(Item::GoOn {
        ready: errors.is_empty(),
    });
    out
}

impl CheckState {
    pub fn new(_app: &App) -> CheckState {
        CheckState { selected: 0 }
    }

    pub fn update(&mut self, app: &mut App, action: Action) -> Flow {
        let items = app.check_items();
        let selectable: Vec<&Item> = items.iter().filter(|i| i.selectable()).collect();
        let n = selectable.len();
        let keys = Keys {
            tab: false,
            back_tab: true,
            page: 8,
            ends: true,
        };
        if list::cursor(&mut self.selected, n, &action, keys) {
            return Flow::Stay;
        }
        match action {
            Action::Back => return Flow::Back,
            Action::Enter | Action::Tab | Action::Char(' ') => {
                let item = if action == Action::Tab {
                    selectable.last().copied()
                } else {
                    selectable.get(self.selected).copied()
                };
                match item {
                    Some(Item::Problem { step: Some(s), .. }) | Some(Item::Row { step: s, .. }) => {
                        return Flow::Change(*s);
                    }
                    Some(Item::GoOn { ready: true }) => return Flow::Next,
                    Some(Item::GoOn { ready: false }) => self.selected = 0,
                    _ => {}
                }
            }
            _ => {}
        }
        Flow::Stay
    }
}
