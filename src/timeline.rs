//! The case timeline in words (`cases show`, the wizard's timeline screen).

use chrono::NaiveDate;

use crate::domain::case::RawCase;
use crate::domain::dates;
use crate::domain::law;
use crate::domain::letter::Lang;
use crate::domain::municipality;
use crate::domain::routing::Route;
use crate::domain::timeline::{self, Milestone};
use crate::i18n::{Ui, t, tf};

/// After the complaint is sent: when it was sent, and the day by which an answer (or a
/// preliminary reply, fvl § 11 a) is due, with whether that day has passed.
pub struct Waiting {
    pub sent: NaiveDate,
    pub due: NaiveDate,
    pub overdue: bool,
}

/// The sent complaint's wait for an answer, when the case says when it was sent.
pub fn waiting(raw: &RawCase, today: NaiveDate) -> Option<Waiting> {
    let items = timeline::build(raw, today);
    let sent = items
        .iter()
        .find(|i| i.milestone == Milestone::Sent)?
        .date?;
    let due = items
        .iter()
        .find(|i| i.milestone == Milestone::PreliminaryReplyDue)?
        .date?;
    Some(Waiting {
        sent,
        due,
        overdue: today > due,
    })
}

/// "klagen sendt 10. november 2026; svar innen 10. desember 2026", or, when that day has
/// passed, that a reminder can be sent (for lists of cases).
pub fn waiting_text(ui: Ui, w: &Waiting) -> String {
    let key = if w.overdue {
        "timeline.waiting-overdue"
    } else {
        "timeline.waiting"
    };
    tf(
        ui,
        key,
        &[
            ("sent", dates::in_words(w.sent, ui.code())),
            ("due", dates::in_words(w.due, ui.code())),
        ],
    )
}

/// The Statsforvalteren office of the case's municipality ("Statsforvalteren i Troms og
/// Finnmark"), or the office's general name when the municipality is not known.
fn office(ui: Ui, raw: &RawCase) -> String {
    let nynorsk = ui == Ui::Nn;
    raw.municipality
        .as_ref()
        .and_then(
            |m| match municipality::find(m.number.as_deref(), m.name.as_deref()) {
                municipality::Lookup::Found(m) => Some(m.statsforvalteren(nynorsk)),
                _ => None,
            },
        )
        .unwrap_or_else(|| {
            if nynorsk {
                "Statsforvaltaren".into()
            } else {
                "Statsforvalteren".into()
            }
        })
}

/// The mark of a timeline line that warns (a missed deadline): shown in the warning style.
pub const WARN: &str = "! ";

/// The timeline as lines of plain text, oldest first. Each line starts with its mark: "✓ " what
/// happened, "• " to come, [`WARN`] a warning (a deadline missed, an answer overdue, a date to
/// check).
pub fn lines(ui: Ui, raw: &RawCase, today: NaiveDate) -> Vec<String> {
    let lang = if ui == Ui::Nn { Lang::Nn } else { Lang::Nb };
    let items = timeline::build(raw, today);
    let mut out = Vec::new();
    // A question that follows a line (a sent date to check).
    let mut question: Option<String> = None;
    for item in &items {
        let date = item
            .date
            .map(|d| dates::in_words(d, ui.code()))
            .unwrap_or_default();
        let line = match item.milestone {
            Milestone::Decided => tf(ui, "timeline.decided", &[("date", date)]),
            Milestone::Received => tf(ui, "timeline.received", &[("date", date)]),
            Milestone::Deadline => {
                // Never "done": a missed deadline is a warning; after sending, whether the
                // complaint went before it.
                let last_day = item.date.unwrap_or(today);
                let sent = raw.sent.as_deref().and_then(dates::parse_iso);
                let (key, warn) = match sent {
                    Some(s) if s <= last_day => ("timeline.deadline-kept", false),
                    Some(_) => ("timeline.deadline-missed-sent", true),
                    // More than a year after the decision: no complaint can be considered.
                    None if today > last_day
                        && raw
                            .decision
                            .as_ref()
                            .and_then(|d| d.date.as_deref())
                            .and_then(dates::parse_iso)
                            .is_some_and(|d| {
                                crate::domain::deadline::beyond_one_year(d, today)
                            }) =>
                    {
                        ("timeline.over-one-year", true)
                    }
                    None if today > last_day => ("timeline.deadline-passed", true),
                    None => ("timeline.deadline", false),
                };
                let line = tf(ui, key, &[("date", date)]);
                out.push(match (warn, sent.is_some()) {
                    (true, _) => format!("{WARN}{line}"),
                    (false, true) => format!("✓ {line}"),
                    (false, false) => format!("• {line}"),
                });
                continue;
            }
            Milestone::Sent => {
                // Sent before the date on its own letter: most likely a typing error; asked.
                let written = raw.letter_date.as_deref().and_then(dates::parse_iso);
                if let (Some(sent), Some(written)) = (item.date, written)
                    && sent < written
                {
                    question = Some(format!(
                        "{WARN}{}",
                        tf(
                            ui,
                            "timeline.sent-before-letter",
                            &[
                                ("date", date.clone()),
                                ("letter", dates::in_words(written, ui.code()))
                            ]
                        )
                    ));
                }
                tf(ui, "timeline.sent", &[("date", date)])
            }
            // Past its day, the answer is overdue: nothing says it came, so never "done".
            Milestone::PreliminaryReplyDue if item.past => {
                out.push(format!(
                    "{WARN}{}",
                    tf(
                        ui,
                        "timeline.preliminary-overdue",
                        &[("date", date), ("rule", law::FVL_11_A.full(lang))],
                    )
                ));
                continue;
            }
            Milestone::PreliminaryReplyDue => tf(
                ui,
                "timeline.preliminary",
                &[("date", date), ("rule", law::FVL_11_A.full(lang))],
            ),
            Milestone::FollowUp(kind) => {
                let letter = t(ui, &format!("tui.letter.{}", kind.id()));
                tf(
                    ui,
                    "timeline.follow-up",
                    &[("date", date), ("letter", letter)],
                )
            }
            Milestone::Forwarded(Route::Statsforvalteren) => tf(
                ui,
                "timeline.forwarded-statsforvalteren",
                &[
                    ("rule", law::FVL_33.full(lang)),
                    ("office", office(ui, raw)),
                ],
            ),
            Milestone::Forwarded(Route::Klagenemnd) => t(ui, "timeline.forwarded-klagenemnd"),
        };
        let mark = if item.past {
            format!("✓ {line} {}", t(ui, "timeline.past"))
        } else {
            format!("• {line}")
        };
        out.push(mark);
        out.extend(question.take());
    }
    if raw.sent.is_none() && !items.is_empty() {
        out.push(format!("• {}", t(ui, "timeline.not-sent")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{RawCase, RawDecision};

    fn case(decided: &str, received: &str) -> RawCase {
        RawCase {
            service: Some("hjemmesykepleie".into()),
            decision: Some(RawDecision {
                date: Some(decided.into()),
                received: Some(received.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn a_missed_deadline_more_than_a_year_after_the_decision_says_the_complaint_cannot_be_considered()
     {
        let today: NaiveDate = "2026-11-20".parse().expect("date");
        let old = lines(Ui::Nb, &case("2025-10-01", "2025-10-06"), today).join("\n");
        assert!(
            old.contains("mer enn ett år siden vedtaket, så klagen kan ikke lenger behandles"),
            "{old}"
        );
        assert!(!old.contains("Skriv i klagen hvorfor"), "{old}");
        let late = lines(Ui::Nb, &case("2026-09-01", "2026-09-03"), today).join("\n");
        assert!(
            late.contains("Skriv i klagen hvorfor den kommer sent"),
            "{late}"
        );
        assert!(!late.contains("ett år"), "{late}");
    }
}
