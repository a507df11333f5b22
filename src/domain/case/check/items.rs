//! Stage 2 for the services of a decision: the single `service`/`situation` of a file, or its
//! `services` list (0.3: one decision on several services). Both become [`ServiceItem`]s; the
//! route and the deadline are then computed once, for all of them.

use super::{Checker, paragraphs};
use crate::domain::case::model::ServiceItem;
use crate::domain::case::problem::ProblemKind;
use crate::domain::case::raw::{RawCase, levenshtein};
use crate::domain::routing::{self, Route, RouteBasis};
use crate::domain::service::{self, Service};
use crate::domain::situation::Situation;

/// What the file says about its services, checked.
pub(super) enum Services {
    /// `service`, `service_other` and `situation`; what was applied for, granted and asked for
    /// are read with the decision and the outcome, as before 0.3.
    Single {
        service: Option<&'static Service>,
        service_other: Option<String>,
        situation: Option<Situation>,
    },
    /// `services`: each item whole, or `None` when it has errors.
    List {
        /// The services named, known ones only, by index.
        known: Vec<(usize, &'static Service)>,
        items: Vec<Option<ServiceItem>>,
    },
}

impl Services {
    /// The known services, with the field each was read from.
    pub(super) fn known(&self) -> Vec<(String, &'static Service)> {
        match self {
            Services::Single { service, .. } => service
                .iter()
                .map(|s| ("service".to_string(), *s))
                .collect(),
            Services::List { known, .. } => known
                .iter()
                .map(|(i, s)| (format!("services.{i}.service"), *s))
                .collect(),
        }
    }

    /// Some known service is cut or stopped by the decision.
    pub(super) fn takes_away(&self) -> Option<bool> {
        match self {
            Services::Single { situation, .. } => situation.map(Situation::takes_away_service),
            Services::List { items, .. } => {
                let known: Vec<_> = items.iter().flatten().collect();
                (!known.is_empty()).then(|| known.iter().any(|i| i.situation.takes_away_service()))
            }
        }
    }

    /// The checked items: for a single service, with `applied_for`, `granted` (from
    /// `decision`) and `outcome` as read; `None` while any is missing or wrong.
    pub(super) fn items(
        self,
        applied_for: Option<String>,
        granted: Option<String>,
        outcome: Option<Vec<String>>,
    ) -> Option<Vec<ServiceItem>> {
        match self {
            Services::Single {
                service,
                service_other,
                situation,
            } => Some(vec![ServiceItem {
                service: service?,
                service_other,
                situation: situation?,
                applied_for,
                granted,
                outcome,
                postponement: None,
            }]),
            Services::List { items, .. } => items.into_iter().collect(),
        }
    }
}

/// The fields a file with `services` must not have (they belong in each item).
fn single_fields(raw: &RawCase) -> Vec<String> {
    raw.single_service_fields()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Read the services of a file. `allow_one` accepts a `services` list of one item (only the
/// test that compares it with the single fields uses it).
pub(super) fn read(c: &mut Checker, raw: &RawCase, allow_one: bool) -> Services {
    let Some(list) = &raw.services else {
        let service = service_field(c, "service", raw.service.as_ref());
        let service_other = other_field(c, "service_other", raw.service_other.as_ref(), service);
        let situation = situation_field(c, "situation", raw.situation.as_ref(), service);
        return Services::Single {
            service,
            service_other,
            situation,
        };
    };
    let fields = single_fields(raw);
    if !fields.is_empty() {
        c.push("services", ProblemKind::ServicesWithSingle { fields });
    }
    if list.len() < 2 && !(allow_one && list.len() == 1) {
        c.push("services", ProblemKind::ServicesTooFew);
    }
    let mut known = Vec::new();
    let mut items = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let f = |k: &str| format!("services.{i}.{k}");
        let service = service_field(c, &f("service"), item.service.as_ref());
        if let Some(s) = service {
            if known
                .iter()
                .any(|(_, k): &(usize, &Service)| k.id == s.id && s.id != "annet")
            {
                c.push(
                    &f("service"),
                    ProblemKind::ServiceTwice {
                        found: s.id.to_string(),
                    },
                );
            }
            known.push((i, s));
        }
        let service_other =
            other_field(c, &f("service_other"), item.service_other.as_ref(), service);
        let situation = situation_field(c, &f("situation"), item.situation.as_ref(), service);
        let applied_for = c.text(&f("applied_for"), item.applied_for.as_ref());
        let granted = c.text(&f("granted"), item.granted.as_ref());
        let outcome = c
            .text(&f("outcome"), item.outcome.as_ref())
            .map(|t| paragraphs(&t));
        // Asked for a service the decision does not cut or stop: a warning; the letter leaves it.
        if let (Some(true), Some(s), Some(sit)) = (item.postponement, service, situation)
            && !sit.takes_away_service()
        {
            c.push(
                &f("postponement"),
                ProblemKind::PostponementNotCut {
                    found: s.id.to_string(),
                },
            );
        }
        items.push(match (service, situation) {
            (Some(service), Some(situation)) => Some(ServiceItem {
                service,
                service_other,
                situation,
                applied_for,
                granted,
                outcome,
                postponement: item.postponement,
            }),
            _ => None,
        });
    }
    Services::List { known, items }
}

fn service_field(c: &mut Checker, field: &str, value: Option<&String>) -> Option<&'static Service> {
    match c.text(field, value) {
        None => {
            if !c.has(field) {
                c.push(field, ProblemKind::Missing);
            }
            None
        }
        Some(id) => match service::by_id(&id) {
            Some(s) => Some(s),
            None => {
                let suggestion = service::ids()
                    .map(|k| (levenshtein(&id.to_lowercase(), k), k))
                    .min_by_key(|(d, _)| *d)
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, k)| k.to_string());
                c.push(
                    field,
                    ProblemKind::UnknownService {
                        found: id,
                        suggestion,
                    },
                );
                None
            }
        },
    }
}

fn other_field(
    c: &mut Checker,
    field: &str,
    value: Option<&String>,
    service: Option<&Service>,
) -> Option<String> {
    let other = c.optional_line(field, value);
    if service.is_some_and(|s| s.id == "annet") && other.is_none() && !c.has(field) {
        c.push(field, ProblemKind::ServiceOtherMissing);
    }
    other
}

fn situation_field(
    c: &mut Checker,
    field: &str,
    value: Option<&String>,
    service: Option<&Service>,
) -> Option<Situation> {
    let situation = match c.text(field, value) {
        None => {
            if !c.has(field) {
                c.push(field, ProblemKind::Missing);
            }
            None
        }
        Some(s) => {
            let found = Situation::from_id(&s);
            if found.is_none() {
                c.push(field, ProblemKind::UnknownSituation { found: s });
            }
            found
        }
    };
    if let (Some(Situation::Venteliste), Some(s)) = (situation, service)
        && !s.waiting_list
    {
        c.push(field, ProblemKind::VentelisteNotLongTerm);
    }
    situation
}

/// The route of the decision: the one of its services (with `decision.route` for those whose
/// route depends on the decision). Services of different routes in one file are an error naming
/// `services`: they are complained about in different places, one letter per route.
pub(super) fn route(
    c: &mut Checker,
    services: &Services,
    from_decision: Option<Route>,
) -> (Option<Route>, RouteBasis) {
    let known = services.known();
    let routes: Vec<(&'static Service, Route, RouteBasis)> = known
        .iter()
        .map(|(_, s)| {
            let (r, b) = routing::route_for(s, from_decision);
            (*s, r, b)
        })
        .collect();
    let Some((_, first, _)) = routes.first() else {
        return (None, RouteBasis::Service);
    };
    if routes
        .iter()
        .any(|(_, _, b)| *b == RouteBasis::AssumedShorter)
    {
        c.push("decision.route", ProblemKind::RouteAssumed);
    }
    if routes.iter().any(|(_, r, _)| r != first) {
        let ids = |route: Route| -> Vec<String> {
            routes
                .iter()
                .filter(|(_, r, _)| *r == route)
                .map(|(s, _, _)| s.id.to_string())
                .collect()
        };
        c.push(
            "services",
            ProblemKind::ServicesMixedRoutes {
                care: ids(Route::Statsforvalteren),
                other: ids(Route::Klagenemnd),
            },
        );
        return (None, RouteBasis::Service);
    }
    let basis = routes
        .iter()
        .map(|(_, _, b)| *b)
        .find(|b| *b != RouteBasis::Service)
        .unwrap_or(RouteBasis::Service);
    (Some(*first), basis)
}

/// A carer's own complaint (pbrl § 2-8) covers the services where a carer may complain. With
/// several services, one that is the cared-for person's own (hjemmesykepleie, …) is an error on
/// its item: that part is the person's complaint (or their representative's), in a letter of its
/// own. With one service, the flag is ignored with a warning, as before 0.3.
pub(super) fn carer(c: &mut Checker, services: &Services, complainant_is_carer: bool) {
    if !complainant_is_carer {
        return;
    }
    let known = services.known();
    match services {
        Services::Single { .. } => {
            if known.iter().any(|(_, s)| !s.carer_may_complain) {
                c.push("complainant_is_carer", ProblemKind::CarerNotApplicable);
            }
        }
        Services::List { .. } => {
            if !known.iter().any(|(_, s)| s.carer_may_complain) {
                c.push("complainant_is_carer", ProblemKind::CarerNotApplicable);
                return;
            }
            for (field, s) in known.iter().filter(|(_, s)| !s.carer_may_complain) {
                c.push(
                    field,
                    ProblemKind::CarerServiceNotOwn {
                        found: s.id.to_string(),
                    },
                );
            }
        }
    }
}
