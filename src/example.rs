//! A complete, valid example case (`omsorgsklage example`), built from
//! `templates/examples/case.json` with dates set so that it is always within the deadline.

use chrono::{Days, NaiveDate};

use crate::domain::case::RawCase;
use crate::domain::service::{RouteRule, Service};

const BASE: &str = include_str!("../templates/examples/case.json");

/// The example case for a service, dated relative to `today`.
pub fn case(service: &Service, today: NaiveDate) -> RawCase {
    let mut raw: RawCase = serde_json::from_str(BASE).unwrap_or_default();
    raw.service = Some(service.id.to_string());
    raw.letter_date = Some(today.to_string());
    if let Some(d) = raw.decision.as_mut() {
        d.date = Some((today - Days::new(8)).to_string());
        d.received = Some((today - Days::new(5)).to_string());
        if service.route == RouteRule::DependsOnDecision {
            d.route = Some("statsforvalteren".into());
        }
        if !service.is_care_service() || service.id != "hjemmesykepleie" {
            d.applied_for = None;
            d.granted = None;
        }
    }
    if service.id == "annet" {
        raw.service_other = Some("ergoterapi i hjemmet".into());
    }
    raw.situation = Some(
        match service.id {
            "hjemmesykepleie" | "praktisk-bistand" | "personlig-assistanse" | "bpa" => "redusert",
            "langtidsopphold" => "venteliste",
            _ => "avslag",
        }
        .into(),
    );
    if !matches!(raw.situation.as_deref(), Some("redusert" | "avsluttet"))
        && let Some(r) = raw.requests.as_mut()
    {
        r.postponement = Some(false);
    }
    raw
}
