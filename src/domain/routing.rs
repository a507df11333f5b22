//! Where a complaint goes and under which law (FACTS.md section 1).

use serde::Serialize;

use super::law::{self, Citation};
use super::service::{RouteRule, Service};

/// The appeal route of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Route {
    /// Route A, care services: send to the municipality; if it keeps its decision it forwards
    /// the complaint to Statsforvalteren, who decides finally. Four weeks (pbrl § 7-5).
    Statsforvalteren,
    /// Route B, other municipal decisions: send to the municipality; its own appeal body
    /// (klageinstans: the kommunestyre, the formannskap or a klagenemnd) decides finally. Three
    /// weeks (fvl § 29). The id stays `klagenemnd` so that files read by 0.1 keep working.
    Klagenemnd,
}

impl Route {
    /// The id used in the case file (`decision.route`).
    pub fn id(self) -> &'static str {
        match self {
            Route::Statsforvalteren => "statsforvalteren",
            Route::Klagenemnd => "klagenemnd",
        }
    }

    /// Parse a case-file id. `klageinstans` (0.2) and `klagenemnd` (0.1) both mean route B.
    pub fn from_id(id: &str) -> Option<Route> {
        match id {
            "statsforvalteren" => Some(Route::Statsforvalteren),
            "klagenemnd" | "klageinstans" => Some(Route::Klagenemnd),
            _ => None,
        }
    }

    /// The complaint deadline in weeks.
    pub fn weeks(self) -> u32 {
        match self {
            Route::Statsforvalteren => 4,
            Route::Klagenemnd => 3,
        }
    }

    /// The rule that sets the deadline.
    pub fn deadline_rule(self) -> Citation {
        match self {
            Route::Statsforvalteren => law::PBRL_7_5,
            Route::Klagenemnd => law::FVL_29,
        }
    }

    /// The rule that gives the right to complain.
    pub fn complaint_right(self) -> Citation {
        match self {
            Route::Statsforvalteren => law::PBRL_7_2,
            Route::Klagenemnd => law::FVL_28,
        }
    }

    /// The rules under which a late complaint may still be considered.
    pub fn late_rules(self) -> &'static [Citation] {
        match self {
            Route::Statsforvalteren => &[law::PBRL_7_7, law::FVL_31],
            Route::Klagenemnd => &[law::FVL_31],
        }
    }
}

/// How the route of a case was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RouteBasis {
    /// The service decides (the usual case).
    Service,
    /// The decision letter says which law applies (`decision.route`).
    Decision,
    /// The route depends on the decision, which the case file does not say: the shorter
    /// deadline (route B) is used to be safe.
    AssumedShorter,
}

/// The decision must follow forvaltningsloven chapters IV and V (fvl § 16, § 17, § 24, § 25),
/// so the letter may cite those duties: route B (an ordinary enkeltvedtak), and on route A the
/// services under hol § 3-2 første ledd nr. 6, § 3-6 and § 3-8, and long-term places under hol
/// § 3-2 a ("Tilsvarende gjelder for vedtak etter helse- og omsorgstjenesteloven § 3-2 a", pbrl
/// § 2-7 andre ledd). Not for `dagaktivitet`, `annet` or a care-route `trygghetsalarm`. pbrl
/// § 2-7 only covers services lasting more than two weeks; the case file does not say how long
/// a service lasts, so a service in those sections is taken as lasting longer (FACTS.md
/// section 2).
pub fn fvl_duties_apply(service: &Service, route: Route) -> bool {
    match route {
        Route::Klagenemnd => true,
        Route::Statsforvalteren => {
            service.is_care_service()
                && (service.user_view_weight || service.basis.contains(&law::HOL_3_2_A))
        }
    }
}

/// Why a service cannot be in one letter with the decision's other services.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotTogether {
    /// The first service goes the other way (route A: the municipality, then Statsforvalteren;
    /// route B: where the decision says): one letter per route.
    OtherRoute { first: &'static Service },
    /// The service is in the letter already.
    Twice,
    /// Both are matters outside the care services (route B): each goes where its own decision
    /// says (FACTS.md §4), so each has a letter of its own.
    OwnLetter,
}

/// Whether `s` may join a letter about `others` (the decision's other services, the first
/// first), for a decision that cites `cited`. "Something else" (`annet`) may be there twice.
pub fn may_join(
    others: &[&'static Service],
    s: &'static Service,
    cited: Option<Route>,
) -> Result<(), NotTogether> {
    if s.id != "annet" && others.iter().any(|o| o.id == s.id) {
        return Err(NotTogether::Twice);
    }
    let route = |x: &Service| route_for(x, cited).0;
    match others.first() {
        Some(first) if route(first) != route(s) => Err(NotTogether::OtherRoute { first }),
        Some(_) if route(s) == Route::Klagenemnd => Err(NotTogether::OwnLetter),
        _ => Ok(()),
    }
}

/// The route for a service, given what the decision says (if anything).
pub fn route_for(service: &Service, from_decision: Option<Route>) -> (Route, RouteBasis) {
    match (service.route, from_decision) {
        (RouteRule::Care, _) => (Route::Statsforvalteren, RouteBasis::Service),
        (RouteRule::Klagenemnd, _) => (Route::Klagenemnd, RouteBasis::Service),
        (RouteRule::DependsOnDecision, Some(r)) => (r, RouteBasis::Decision),
        (RouteRule::DependsOnDecision, None) => (Route::Klagenemnd, RouteBasis::AssumedShorter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::service::{CATALOGUE, by_id};

    #[test]
    fn which_services_may_share_a_letter() {
        let s = |id: &str| by_id(id).expect(id);
        let care = [s("praktisk-bistand")];
        assert_eq!(may_join(&care, s("hjemmesykepleie"), None), Ok(()));
        assert_eq!(
            may_join(&care, s("praktisk-bistand"), None),
            Err(NotTogether::Twice)
        );
        assert_eq!(may_join(&[s("annet")], s("annet"), None), Ok(()));
        assert_eq!(
            may_join(&care, s("omsorgsbolig"), None),
            Err(NotTogether::OtherRoute {
                first: s("praktisk-bistand")
            })
        );
        // Two matters outside the care services: each its own letter (TT-kort is the county's).
        assert_eq!(
            may_join(&[s("omsorgsbolig")], s("tt-kort"), None),
            Err(NotTogether::OwnLetter)
        );
        // Trygghetsalarm under the health and care law goes with the care services.
        assert_eq!(
            may_join(&care, s("trygghetsalarm"), Some(Route::Statsforvalteren)),
            Ok(())
        );
    }

    #[test]
    fn care_services_go_via_the_municipality_to_statsforvalteren_in_four_weeks() {
        for s in CATALOGUE.iter().filter(|s| s.is_care_service()) {
            // Even a decision that (wrongly) says klagenemnd does not change a care service's route.
            for d in [None, Some(Route::Klagenemnd)] {
                let (r, _) = route_for(s, d);
                assert_eq!(r, Route::Statsforvalteren, "{}", s.id);
                assert_eq!(r.weeks(), 4);
                assert_eq!(r.deadline_rule().short(), "pbrl § 7-5");
            }
        }
    }

    #[test]
    fn omsorgsbolig_goes_to_the_klagenemnd_in_three_weeks() {
        let (r, basis) = route_for(by_id("omsorgsbolig").expect("service"), None);
        assert_eq!((r, basis), (Route::Klagenemnd, RouteBasis::Service));
        assert_eq!(r.weeks(), 3);
        assert_eq!(r.deadline_rule().short(), "fvl § 29");
    }

    #[test]
    fn klageinstans_is_the_new_name_of_klagenemnd() {
        assert_eq!(Route::from_id("klageinstans"), Some(Route::Klagenemnd));
        assert_eq!(Route::from_id("klagenemnd"), Some(Route::Klagenemnd));
    }

    #[test]
    fn fvl_duties_only_for_nr_6_3_6_3_8_long_term_places_and_route_b() {
        let yes = |id: &str, r| fvl_duties_apply(by_id(id).expect("service"), r);
        for id in [
            "langtidsopphold",
            "hjemmesykepleie",
            "praktisk-bistand",
            "bpa",
            "avlastning",
            "omsorgsstonad",
        ] {
            assert!(yes(id, Route::Statsforvalteren), "{id}");
        }
        for id in ["dagaktivitet", "annet", "trygghetsalarm"] {
            assert!(!yes(id, Route::Statsforvalteren), "{id}");
        }
        assert!(yes("omsorgsbolig", Route::Klagenemnd));
        assert!(yes("trygghetsalarm", Route::Klagenemnd));
    }

    #[test]
    fn trygghetsalarm_follows_the_decision_and_else_the_shorter_deadline() {
        let s = by_id("trygghetsalarm").expect("service");
        assert_eq!(
            route_for(s, Some(Route::Statsforvalteren)),
            (Route::Statsforvalteren, RouteBasis::Decision)
        );
        assert_eq!(
            route_for(s, None),
            (Route::Klagenemnd, RouteBasis::AssumedShorter)
        );
    }
}
