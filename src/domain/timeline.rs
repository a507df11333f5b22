//! The case timeline: what has happened and what should happen next, with dates
//! (FACTS.md sections 1 and 8).

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::case::RawCase;
use super::dates;
use super::deadline::{self, Deadline};
use super::letter::LetterKind;
use super::routing::{self, Route};
use super::service;

/// One point on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Milestone {
    /// The date on the decision.
    Decided,
    /// The day the decision was received; the deadline counts from here.
    Received,
    /// The last day to complain.
    Deadline,
    /// The complaint was sent.
    Sent,
    /// If the municipality has not answered within one month, it must send a preliminary reply
    /// (fvl § 11 a). Due one month after the complaint was sent, moved past a weekend or a
    /// public holiday to the next working day. Past it, the answer is overdue: nothing on the
    /// case says that an answer came.
    PreliminaryReplyDue,
    /// A follow-up letter (a reminder, additional information …) was saved, on its date.
    FollowUp(LetterKind),
    /// If the municipality keeps its decision it forwards the complaint (route A: to
    /// Statsforvalteren; route B: to its klagenemnd). No fixed date.
    Forwarded(Route),
}

/// A milestone with its date (when there is one) and whether its date is behind us. For the
/// events (decided, received, sent, a follow-up) that is "it happened"; for the day an answer is
/// due, that it is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Item {
    pub milestone: Milestone,
    pub date: Option<NaiveDate>,
    pub past: bool,
}

/// The route of a draft, when its service is known.
pub fn route_of(raw: &RawCase) -> Option<Route> {
    let s = service::by_id(raw.primary_service()?)?;
    let from_decision = raw
        .decision
        .as_ref()
        .and_then(|d| d.route.as_deref())
        .and_then(Route::from_id);
    Some(routing::route_for(s, from_decision).0)
}

/// The deadline of a draft, when its route and received date are known.
pub fn deadline_of(raw: &RawCase) -> Option<Deadline> {
    let received = dates::parse_iso(raw.decision.as_ref()?.received.as_deref()?)?;
    Deadline::compute(received, route_of(raw)?.weeks())
}

/// `day`, or the first working day after it (past weekends and public holidays).
pub fn next_working_day(day: NaiveDate) -> NaiveDate {
    let mut d = day;
    // A run of days off is never longer than a few days; the bound only guards the loop.
    for _ in 0..14 {
        if deadline::is_working_day(d) {
            return d;
        }
        match d.succ_opt() {
            Some(next) => d = next,
            None => return d,
        }
    }
    d
}

/// The timeline of a (possibly incomplete) case, as far as its dates are known.
pub fn build(raw: &RawCase, today: NaiveDate) -> Vec<Item> {
    let mut items = Vec::new();
    let mut push = |milestone, date: Option<NaiveDate>| {
        items.push(Item {
            milestone,
            date,
            past: date.is_some_and(|d| d <= today),
        });
    };
    let decision = raw.decision.as_ref();
    let decided = decision
        .and_then(|d| d.date.as_deref())
        .and_then(dates::parse_iso);
    let received = decision
        .and_then(|d| d.received.as_deref())
        .and_then(dates::parse_iso);
    let route = raw.primary_service().and_then(service::by_id).map(|s| {
        let from_decision = decision
            .and_then(|d| d.route.as_deref())
            .and_then(Route::from_id);
        routing::route_for(s, from_decision).0
    });
    let sent = raw.sent.as_deref().and_then(dates::parse_iso);
    if decided.is_some() {
        push(Milestone::Decided, decided);
    }
    if received.is_some() {
        push(Milestone::Received, received);
    }
    if let Some(dl) = deadline_of(raw) {
        push(Milestone::Deadline, Some(dl.last_day));
    }
    if let Some(sent) = sent {
        push(Milestone::Sent, Some(sent));
        push(
            Milestone::PreliminaryReplyDue,
            sent.checked_add_months(Months::new(1))
                .map(next_working_day),
        );
    }
    for f in raw.follow_ups.iter().flatten() {
        let kind = f.letter.as_deref().and_then(LetterKind::from_id);
        let date = f.date.as_deref().and_then(dates::parse_iso);
        if let (Some(kind), Some(date)) = (kind, date) {
            push(Milestone::FollowUp(kind), Some(date));
        }
    }
    // Oldest first (a complaint sent early comes before the last day to complain).
    items.sort_by_key(|i| i.date);
    if let Some(route) = route {
        items.push(Item {
            milestone: Milestone::Forwarded(route),
            date: None,
            past: false,
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{RawCase, RawDecision};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn raw(service: &str, received: &str, sent: Option<&str>) -> RawCase {
        RawCase {
            service: Some(service.into()),
            decision: Some(RawDecision {
                date: Some("2026-03-01".into()),
                received: Some(received.into()),
                ..Default::default()
            }),
            sent: sent.map(Into::into),
            ..Default::default()
        }
    }

    fn date_of(items: &[Item], m: Milestone) -> Option<NaiveDate> {
        items.iter().find(|i| i.milestone == m).and_then(|i| i.date)
    }

    #[test]
    fn deadline_on_the_timeline_moves_over_easter() {
        // Received Thu 5 March 2026; + 4 weeks = skjærtorsdag 2 April → Tuesday 7 April.
        let items = build(&raw("hjemmesykepleie", "2026-03-05", None), d(2026, 3, 10));
        assert_eq!(date_of(&items, Milestone::Deadline), Some(d(2026, 4, 7)));
        assert!(
            items
                .iter()
                .any(|i| i.milestone == Milestone::Forwarded(Route::Statsforvalteren))
        );
    }

    #[test]
    fn preliminary_reply_is_due_one_month_after_sending() {
        let items = build(
            &raw("omsorgsbolig", "2026-03-05", Some("2026-03-20")),
            d(2026, 4, 30),
        );
        assert_eq!(
            date_of(&items, Milestone::PreliminaryReplyDue),
            Some(d(2026, 4, 20))
        );
        let due = items
            .iter()
            .find(|i| i.milestone == Milestone::PreliminaryReplyDue)
            .expect("due");
        assert!(due.past);
        // Route B: three weeks.
        assert_eq!(date_of(&items, Milestone::Deadline), Some(d(2026, 3, 26)));
    }

    #[test]
    fn one_month_from_the_31st_is_the_end_of_a_short_month_rolled_to_a_working_day() {
        // 28 February 2027 is a Sunday: Monday 1 March.
        let items = build(&raw("bpa", "2027-01-20", Some("2027-01-31")), d(2027, 2, 1));
        assert_eq!(
            date_of(&items, Milestone::PreliminaryReplyDue),
            Some(d(2027, 3, 1))
        );
    }

    #[test]
    fn the_answer_due_on_new_year_s_day_moves_to_the_next_working_day() {
        // Sent Tuesday 1 December 2026: one month is Friday 1 January 2027, a holiday; then a
        // weekend: Monday 4 January.
        let items = build(
            &raw("hjemmesykepleie", "2026-11-05", Some("2026-12-01")),
            d(2027, 1, 15),
        );
        let due = items
            .iter()
            .find(|i| i.milestone == Milestone::PreliminaryReplyDue)
            .expect("due");
        assert_eq!(due.date, Some(d(2027, 1, 4)));
        assert!(due.past, "overdue on 15 January");
    }

    #[test]
    fn a_saved_follow_up_letter_is_on_the_timeline_with_its_date() {
        let mut r = raw("hjemmesykepleie", "2026-11-05", Some("2026-12-01"));
        r.follow_ups = Some(vec![crate::domain::case::RawFollowUp {
            letter: Some("reminder".into()),
            date: Some("2027-01-15".into()),
        }]);
        let items = build(&r, d(2027, 1, 15));
        assert_eq!(
            date_of(&items, Milestone::FollowUp(LetterKind::Reminder)),
            Some(d(2027, 1, 15))
        );
    }
}
