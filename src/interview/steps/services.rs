//! The screens of one decision on several services (issue #26): the list of the decision's
//! services (go on, add another, change or remove one), the words of the questions about another
//! service, and why a service is not added (another route; a carer's list). The case's side
//! (items, the file's form) is `interview::services`.

use crate::domain::case::RawServiceItem;
use crate::domain::routing::Route;
use crate::domain::service::{self, Service};
use crate::i18n::{Ui, t, tf};
use crate::interview::services::{NotAdded, extras, item, name_of, route_of, to_file};
use crate::interview::{App, Flow};
use crate::step::{ExtraPart, MAX_EXTRA, Step};

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The services of the letter so far, one line each: the service and what happened.
pub fn lines(app: &App) -> Vec<String> {
    (0..=extras(&app.raw).len())
        .filter(|k| item(&app.raw, *k).service.is_some())
        .map(|k| line_of(app, k))
        .collect()
}

/// Item `k` in one line: the service and what happened.
pub fn line_of(app: &App, k: usize) -> String {
    let name = capitalised(&name_of(app.ui, &app.raw, k));
    let situation = item(&app.raw, k)
        .situation
        .map(|s| format!("tui.opt.situation-{s}"))
        .filter(|key| crate::i18n::has(Ui::Nb, key));
    match situation {
        Some(key) => format!("{name}: {}", t(app.ui, &key)),
        None => name,
    }
}

/// The person cared for, before their name is given.
fn cared_for_words(app: &App) -> String {
    if crate::interview::has_representative(&app.raw) {
        t(app.ui, "tui.services.the-cared-for-rep")
    } else {
        t(app.ui, "tui.services.the-cared-for")
    }
}

/// The cared-for person's name, else words for them ("den du gir omsorg til").
fn cared_for_name(app: &App) -> String {
    app.raw
        .cared_for
        .as_ref()
        .and_then(|c| c.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| cared_for_words(app))
}

/// Under a carer's service list, and on the screen of several services: why a service of the
/// person cared for is not there, and how that part is complained about (FACTS.md §5).
pub fn carer_note(app: &App) -> Option<String> {
    (app.raw.complainant_is_carer == Some(true)).then(|| {
        let name = cared_for_name(app);
        // Someone who helps the carer is told about the carer, not about themselves.
        let key = if crate::interview::has_representative(&app.raw) {
            "tui.services.carer-note-rep"
        } else {
            "tui.services.carer-note"
        };
        tf(app.ui, key, &[("name", name)])
    })
}

/// A carer searching the list for a service of the person cared for (hjemmesykepleie): who may
/// complain about which part, in the words of `summary::who_may_complain`.
pub fn carer_search_note(app: &App, filter: &str) -> Option<String> {
    if app.raw.complainant_is_carer != Some(true) {
        return None;
    }
    let f = filter.trim().to_lowercase();
    if f.chars().count() < 3 {
        return None;
    }
    let hidden = service::CATALOGUE.iter().find(|s| {
        !s.carer_may_complain
            && s.id != "annet"
            && [s.id, s.name_nb, s.name_nn, s.ui_name(app.ui.code())]
                .iter()
                .any(|n| n.to_lowercase().contains(&f))
    })?;
    let mut both = to_file(&app.raw).into_owned();
    let ids: Vec<String> = both
        .service_ids()
        .into_iter()
        .map(str::to_string)
        .chain([hidden.id.to_string()])
        .collect();
    both.service = None;
    both.services = Some(
        ids.into_iter()
            .map(|id| RawServiceItem {
                service: Some(id),
                ..Default::default()
            })
            .collect(),
    );
    let name = cared_for_name(app);
    let mut parts = crate::summary::who_may_complain(app.ui, &both, &name);
    if parts.is_empty() {
        // No service of the carer's chosen yet: which ones a carer may complain about.
        return carer_note(app);
    }
    // The carer's part and the person's part; "two letters" is said by the next sentence.
    parts.truncate(2);
    parts.push(t(app.ui, "tui.services.next-letter"));
    Some(parts.join(" "))
}

/// Why a service was not added, in plain words: the other route's deadline and where it goes
/// (FACTS.md §1), and that the other letter can be started when this one is saved.
pub fn not_added_text(app: &App, s: &'static Service, why: NotAdded) -> String {
    let ui = app.ui;
    let lang = crate::summary::cite_lang(ui);
    let name = s.ui_name(ui.code()).to_string();
    match why {
        NotAdded::Twice => tf(ui, "tui.services.twice", &[("service", capitalised(&name))]),
        NotAdded::OwnLetter => [
            tf(
                ui,
                "tui.services.other-route",
                &[("service", capitalised(&name))],
            ),
            t(ui, "tui.services.not-care-each"),
            t(ui, "tui.services.next-letter"),
        ]
        .join(" "),
        NotAdded::OtherRoute { first } => {
            // The route of trygghetsalarm and matombringing depends on the law the decision
            // cites: not known, nothing is said about its deadline but that.
            let cited = app.raw.decision.as_ref().and_then(|d| d.route.as_ref());
            let unknown = |svc: &Service| {
                svc.route == crate::domain::service::RouteRule::DependsOnDecision && cited.is_none()
            };
            let way = |svc: &Service| {
                if unknown(svc) {
                    return tf(
                        ui,
                        "tui.services.route-depends",
                        &[("service", svc.ui_name(ui.code()).to_string())],
                    );
                }
                let r = route_of(&app.raw, svc);
                let key = match r {
                    Route::Statsforvalteren => "tui.services.route-a",
                    Route::Klagenemnd => "tui.services.route-b",
                };
                tf(
                    ui,
                    key,
                    &[
                        ("service", svc.ui_name(ui.code()).to_string()),
                        ("rule", r.deadline_rule().full(lang)),
                    ],
                )
            };
            [
                tf(
                    ui,
                    "tui.services.other-route",
                    &[("service", capitalised(&name))],
                ),
                way(first),
                way(s),
                t(
                    ui,
                    if unknown(first) || unknown(s) {
                        "tui.services.own-letter"
                    } else {
                        "tui.services.two-letters"
                    },
                ),
                t(ui, "tui.services.next-letter"),
            ]
            .join(" ")
        }
    }
}

/// The title and hint of a question about item `k`: the first service's, named.
pub fn title_and_hint(app: &App, k: usize, part: ExtraPart) -> (String, String) {
    let base = part.step();
    let (base_title, _) = super::title_and_hint(app, base);
    let name = name_of(app.ui, &app.raw, k);
    // A carer adding another service: which ones a carer may add, and where the cared-for
    // person's part goes (the first service's hint says to go back, which is wrong here).
    if part == ExtraPart::Service
        && let Some(note) = carer_note(app)
    {
        return (t(app.ui, "tui.q.extra-service.title"), note);
    }
    let title = match part {
        ExtraPart::Service => t(app.ui, "tui.q.extra-service.title"),
        ExtraPart::Other => base_title,
        ExtraPart::Situation => tf(app.ui, "tui.q.extra-situation.title", &[("service", name)]),
        ExtraPart::Decision => tf(app.ui, "tui.q.extra-decision.title", &[("service", name)]),
        ExtraPart::Outcome => tf(app.ui, "tui.q.extra-outcome.title", &[("service", name)]),
    };
    let step = Step::Extra(u8::try_from(k).unwrap_or(MAX_EXTRA), part);
    let key = format!("tui.q.{}.hint{}", base.id(), super::hint_variant(app, step));
    let hint = if crate::i18n::has(Ui::Nb, &key) {
        super::tr(app, &key)
    } else {
        String::new()
    };
    (title, hint)
}

/// The hint of the screen of several services: what the letter covers so far.
pub fn overview_hint(app: &App) -> String {
    let mut out = vec![t(app.ui, "tui.services.so-far")];
    out.extend(lines(app).into_iter().map(|l| format!("• {l}")));
    out.join("\n")
}

/// Under "add another service": how it works, or, for a carer, which services a carer may add
/// and how the cared-for person's part is complained about.
pub fn add_hint(app: &App) -> String {
    carer_note(app).unwrap_or_else(|| t(app.ui, "tui.services.explain"))
}

/// The answers on the screen of several services: go on, add one, change or remove one added.
pub fn overview_options(app: &App) -> Vec<(&'static str, String, String)> {
    const CHANGE: [&str; MAX_EXTRA as usize] = [
        "change-1", "change-2", "change-3", "change-4", "change-5", "change-6", "change-7",
        "change-8",
    ];
    const REMOVE: [&str; MAX_EXTRA as usize] = [
        "remove-1", "remove-2", "remove-3", "remove-4", "remove-5", "remove-6", "remove-7",
        "remove-8",
    ];
    let ui = app.ui;
    let mut v = vec![("next", t(ui, "tui.services.opt-next"), String::new())];
    if extras(&app.raw).len() < usize::from(MAX_EXTRA) {
        v.push(("add", t(ui, "tui.services.opt-add"), add_hint(app)));
    }
    for k in 1..=extras(&app.raw).len().min(usize::from(MAX_EXTRA)) {
        let name = name_of(ui, &app.raw, k);
        v.push((
            CHANGE[k - 1],
            tf(ui, "tui.services.opt-change", &[("service", name.clone())]),
            String::new(),
        ));
        v.push((
            REMOVE[k - 1],
            tf(ui, "tui.services.opt-remove", &[("service", name)]),
            String::new(),
        ));
    }
    v
}

/// An answer on the screen of several services.
pub fn choose(app: &mut App, value: &str) -> Flow {
    if value == "add" {
        let n = extras(&app.raw).len();
        if n >= usize::from(MAX_EXTRA) {
            return Flow::Stay;
        }
        app.edit(|r| {
            r.services
                .get_or_insert_with(Vec::new)
                .push(RawServiceItem::default())
        });
        return Flow::Goto(Step::Extra(
            u8::try_from(n + 1).unwrap_or(MAX_EXTRA),
            ExtraPart::Service,
        ));
    }
    if let Some(k) = value
        .strip_prefix("change-")
        .and_then(|k| k.parse::<u8>().ok())
    {
        return Flow::Goto(Step::Extra(k, ExtraPart::Service));
    }
    if let Some(k) = value
        .strip_prefix("remove-")
        .and_then(|k| k.parse::<usize>().ok())
    {
        // Its answers go with it: asked first.
        let name = name_of(app.ui, &app.raw, k);
        app.modal = Some(crate::interview::Modal::ConfirmRemoveService(k, name));
        return Flow::Stay;
    }
    Flow::Next
}

/// Take item `k` out of the letter.
pub fn remove(app: &mut App, k: usize) {
    app.edit(|r| {
        if let Some(list) = r.services.as_mut()
            && k >= 1
            && k <= list.len()
        {
            list.remove(k - 1);
            if list.is_empty() {
                r.services = None;
            }
            crate::interview::services::tidy_postponement(r);
        }
    });
}
