//! The wizard's vocabulary: its screens ([`Step`]), their stable ids (saved in drafts), the parts
//! of the wizard they belong to ([`Section`]), and which screen asks for which field of the case.
//! No state and no rules about which screens a case goes through (that is `tui/path.rs`). It sits
//! outside `tui/` because a draft saves how far it got (`draft.step`), and the case summary that
//! `cases list` shares with the start screen reads it.

use crate::domain::case::Ground;

/// One screen of the wizard, in the order of the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// What the program does; interface language; start.
    Start,
    /// The case: its timeline, and what to do next (go on with the complaint, write another
    /// letter, say when the complaint was sent).
    Case,
    /// Bokmål or nynorsk for the letter (asked in the path for an English interface).
    LetterLang,
    /// Myself, or on behalf of someone.
    Who,
    /// What the writer is by law: parent of a child under 18, appointed verge, lawyer, or a
    /// relative, friend or other helper (`representative.role`).
    Role,
    /// The representative's relation to the person.
    Relation,
    /// Whether a signed written power of attorney (fullmakt) exists.
    Fullmakt,
    /// The name (and birth date) of the person the decision is about, asked of someone who
    /// writes for them before the details, so that the screens can say the name and a child's
    /// age is known at once (`applicant.name`, `applicant.birth_date`).
    Person,
    /// Which service the decision is about.
    Service,
    /// The service in the person's own words (`annet`).
    ServiceOther,
    /// For relief services: the carer complains on their own behalf (pbrl § 2-8). No longer
    /// in the path (the who-complains question [`Step::Who`] asks it, before the service); kept
    /// so that a draft saved on it opens, on [`Step::Who`].
    Carer,
    /// The person the carer cares for (`cared_for`), so the municipality finds the case.
    CaredFor,
    /// For trygghetsalarm and matombringing: which law the decision cites.
    RouteLaw,
    /// Not a care service: where such a complaint goes instead.
    Routing,
    /// What happened: refused, partly granted, cut, stopped, waiting list.
    Situation,
    /// The date on the decision.
    DecisionDate,
    /// The date the decision was received.
    Received,
    /// The date the complaint was sent (follow-up letters; "Har du sendt klagen? Når?").
    Sent,
    /// The right to complain and the deadline.
    Rights,
    /// Why the complaint comes late (only when the deadline has passed).
    LateReason,
    /// Reference, what was applied for, what was granted.
    Decision,
    /// One of the guided prompts of "why the decision is wrong".
    Ground(Ground),
    /// What the person asks for.
    Outcome,
    /// One decision on several services (issue #26): the services added so far, and whether
    /// to add another from the same decision.
    Services,
    /// A question about another service of the same decision: item `k` of the case file's
    /// `services` (1, 2 …; item 0 is the first service, asked by the usual screens).
    Extra(u8, ExtraPart),
    /// The new information of a letter of additional information (tilleggsopplysninger).
    Supplement,
    /// Access to documents (innsyn), postponed implementation (utsatt iverksetting).
    Requests,
    /// Attachments.
    Attachments,
    /// The person the decision is about.
    Applicant,
    /// The person writing on their behalf.
    Representative,
    /// The municipality that made the decision.
    Municipality,
    /// In Oslo: the bydel that made the decision (issue #26).
    District,
    /// Its postal address.
    MunicipalityAddress,
    /// Check your answers.
    Check,
    /// The letter as it will be written.
    Preview,
    /// Save the letter; what to do next.
    Done,
}

impl Step {
    /// A stable id, saved in drafts (`draft.step`).
    pub fn id(self) -> String {
        match self {
            Step::Start => "start".into(),
            Step::Case => "case".into(),
            Step::LetterLang => "letter-language".into(),
            Step::Who => "who".into(),
            Step::Role => "role".into(),
            Step::Relation => "relation".into(),
            Step::Fullmakt => "fullmakt".into(),
            Step::Person => "person".into(),
            Step::Service => "service".into(),
            Step::ServiceOther => "service-other".into(),
            Step::Carer => "carer".into(),
            Step::CaredFor => "cared-for".into(),
            Step::RouteLaw => "route".into(),
            Step::Routing => "routing".into(),
            Step::Situation => "situation".into(),
            Step::DecisionDate => "decision-date".into(),
            Step::Received => "received".into(),
            Step::Sent => "sent".into(),
            Step::Rights => "rights".into(),
            Step::LateReason => "late-reason".into(),
            Step::Decision => "decision".into(),
            Step::Ground(g) => format!("grounds.{}", g.id()),
            Step::Outcome => "outcome".into(),
            Step::Services => "services".into(),
            Step::Extra(k, p) => format!("services.{k}.{}", p.id()),
            Step::Supplement => "supplement".into(),
            Step::Requests => "requests".into(),
            Step::Attachments => "attachments".into(),
            Step::Applicant => "applicant".into(),
            Step::Representative => "representative".into(),
            Step::Municipality => "municipality".into(),
            Step::District => "district".into(),
            Step::MunicipalityAddress => "municipality-address".into(),
            Step::Check => "check".into(),
            Step::Preview => "preview".into(),
            Step::Done => "done".into(),
        }
    }

    /// Every step, for looking ids up.
    pub fn all() -> Vec<Step> {
        let mut v = vec![
            Step::Start,
            Step::Case,
            Step::LetterLang,
            Step::Who,
            Step::Role,
            Step::Relation,
            Step::Fullmakt,
            Step::Person,
            Step::Service,
            Step::ServiceOther,
            Step::Carer,
            Step::CaredFor,
            Step::RouteLaw,
            Step::Routing,
            Step::Situation,
            Step::DecisionDate,
            Step::Received,
            Step::Sent,
            Step::Rights,
            Step::LateReason,
            Step::Decision,
        ];
        v.extend(Ground::ALL.map(Step::Ground));
        v.extend([
            Step::Outcome,
            Step::Services,
            Step::Supplement,
            Step::Requests,
            Step::Attachments,
            Step::Applicant,
            Step::Representative,
            Step::Municipality,
            Step::District,
            Step::MunicipalityAddress,
            Step::Check,
            Step::Preview,
            Step::Done,
        ]);
        v
    }

    /// The step with this id.
    pub fn from_id(id: &str) -> Option<Step> {
        if let Some(rest) = id.strip_prefix("services.") {
            let (k, part) = rest.split_once('.')?;
            let k: u8 = k.parse().ok().filter(|k| (1..=MAX_EXTRA).contains(k))?;
            let part = ExtraPart::ALL.into_iter().find(|p| p.id() == part)?;
            return Some(Step::Extra(k, part));
        }
        Step::all().into_iter().find(|s| s.id() == id)
    }

    /// The step whose words (title, hint, help) this one uses: the first service's question
    /// for the same question about another service.
    pub fn words_of(self) -> Step {
        match self {
            Step::Extra(_, p) => p.step(),
            s => s,
        }
    }

    /// The part of the wizard this step belongs to (`None` for the start and done screens).
    pub fn section(self) -> Option<Section> {
        Some(match self {
            Step::Start | Step::Case | Step::Done => return None,
            Step::LetterLang
            | Step::Who
            | Step::Role
            | Step::Relation
            | Step::Fullmakt
            | Step::Person => Section::Who,
            Step::Service
            | Step::ServiceOther
            | Step::Carer
            | Step::CaredFor
            | Step::RouteLaw
            | Step::Routing => Section::Service,
            Step::Situation => Section::Situation,
            Step::DecisionDate | Step::Received | Step::Sent => Section::Dates,
            Step::Rights | Step::LateReason => Section::Rights,
            Step::Decision => Section::Decision,
            Step::Ground(_) => Section::Grounds,
            Step::Outcome | Step::Services | Step::Extra(..) | Step::Requests => Section::Outcome,
            Step::Supplement => Section::Supplement,
            Step::Attachments => Section::Attachments,
            Step::Applicant
            | Step::Representative
            | Step::Municipality
            | Step::District
            | Step::MunicipalityAddress => Section::About,
            Step::Check => Section::Check,
            Step::Preview => Section::Preview,
        })
    }

    /// The key of this step's help text.
    pub fn help_key(self) -> String {
        match self {
            Step::Ground(_) => "tui.help.grounds".into(),
            Step::Extra(_, p) => p.step().help_key(),
            s => format!("tui.help.{}", s.id()),
        }
    }
}

/// The most services of one decision besides the first the interview takes (`services` items
/// 1..=8).
pub const MAX_EXTRA: u8 = 8;

/// The questions about another service of the same decision: the same as for the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExtraPart {
    /// Which service.
    Service,
    /// The service in the person's own words (`annet`).
    Other,
    /// What happened.
    Situation,
    /// What was applied for (had before) and granted (has after).
    Decision,
    /// What the person asks for.
    Outcome,
}

impl ExtraPart {
    pub const ALL: [ExtraPart; 5] = [
        ExtraPart::Service,
        ExtraPart::Other,
        ExtraPart::Situation,
        ExtraPart::Decision,
        ExtraPart::Outcome,
    ];

    /// Its id in a step id (`services.1.situation`): the item's field where there is one.
    pub fn id(self) -> &'static str {
        match self {
            ExtraPart::Service => "service",
            ExtraPart::Other => "service_other",
            ExtraPart::Situation => "situation",
            ExtraPart::Decision => "decision",
            ExtraPart::Outcome => "outcome",
        }
    }

    /// The question about the first service it repeats.
    pub fn step(self) -> Step {
        match self {
            ExtraPart::Service => Step::Service,
            ExtraPart::Other => Step::ServiceOther,
            ExtraPart::Situation => Step::Situation,
            ExtraPart::Decision => Step::Decision,
            ExtraPart::Outcome => Step::Outcome,
        }
    }
}

/// A part of the wizard, counted by the step indicator ("Steg 4 av 12").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Who,
    Service,
    Situation,
    Dates,
    Rights,
    Decision,
    Grounds,
    Outcome,
    Supplement,
    Attachments,
    About,
    Check,
    Preview,
}

impl Section {
    pub fn title_key(self) -> &'static str {
        match self {
            Section::Who => "tui.section.who",
            Section::Service => "tui.section.service",
            Section::Situation => "tui.section.situation",
            Section::Dates => "tui.section.dates",
            Section::Rights => "tui.section.rights",
            Section::Decision => "tui.section.decision",
            Section::Grounds => "tui.section.grounds",
            Section::Outcome => "tui.section.outcome",
            Section::Supplement => "tui.section.supplement",
            Section::Attachments => "tui.section.attachments",
            Section::About => "tui.section.about",
            Section::Check => "tui.section.check",
            Section::Preview => "tui.section.preview",
        }
    }
}

/// The screen where the answer a problem names is given (`decision.received` → the received
/// date). `None` when no screen asks for it.
pub fn step_for_field(field: &str) -> Option<Step> {
    let f = field;
    let starts = |p: &str| f == p || f.starts_with(&format!("{p}."));
    Some(if starts("applicant") {
        Step::Applicant
    } else if f == "representative.power_of_attorney" {
        Step::Fullmakt
    } else if f == "representative.relation" {
        Step::Relation
    } else if f == "representative.role" {
        Step::Role
    } else if f == "representative" {
        // Nobody writes for the person (a child alone): answered by who is writing.
        Step::Who
    } else if starts("representative") {
        Step::Representative
    } else if f == "decision" || f == "decision.date" {
        Step::DecisionDate
    } else if f == "decision.received" {
        Step::Received
    } else if f == "sent" {
        Step::Sent
    } else if f == "supplement" {
        Step::Supplement
    } else if f == "decision.route" {
        Step::RouteLaw
    } else if starts("decision") {
        Step::Decision
    } else if f == "grounds" {
        Step::Ground(Ground::Health)
    } else if let Some(g) = f.strip_prefix("grounds.") {
        Step::Ground(Ground::ALL.into_iter().find(|x| x.id() == g)?)
    } else if f == "late_reason" {
        Step::LateReason
    } else if f == "municipality.district" {
        Step::District
    } else if starts("municipality.address") {
        Step::MunicipalityAddress
    } else if starts("municipality") {
        Step::Municipality
    } else if f == "services" {
        Step::Services
    } else if let Some(rest) = f.strip_prefix("services.") {
        let (k, field) = rest.split_once('.').unwrap_or((rest, "service"));
        let k: u8 = k.parse().ok()?;
        let part = match field {
            "service_other" => ExtraPart::Other,
            "situation" => ExtraPart::Situation,
            "applied_for" | "granted" => ExtraPart::Decision,
            "outcome" => ExtraPart::Outcome,
            _ => ExtraPart::Service,
        };
        // Item 0 is the first service, asked by the usual screens.
        if k == 0 {
            part.step()
        } else {
            Step::Extra(k, part)
        }
    } else if f == "service_other" {
        Step::ServiceOther
    } else if f == "service" {
        Step::Service
    } else if f == "situation" {
        Step::Situation
    } else if f == "language" {
        Step::LetterLang
    } else if starts("requests") {
        Step::Requests
    } else if starts("attachments") || f.starts_with("attachments[") {
        Step::Attachments
    } else if f == "outcome" {
        Step::Outcome
    } else if f == "complainant_is_carer" {
        // Who complains is asked once, on the who-is-writing question.
        Step::Who
    } else if starts("cared_for") {
        Step::CaredFor
    } else {
        return None;
    })
}
