//! The case timeline in words (`cases show`, the wizard's timeline screen).

use chrono::NaiveDate;

use crate::domain::case::RawCase;
use crate::domain::dates;
use crate::domain::law;
use crate::domain::letter::Lang;
use crate::domain::routing::Route;
use crate::domain::timeline::{self, Milestone};
use crate::i18n::{Ui, t, tf};

/// The timeline as lines of plain text, oldest first.
pub fn lines(ui: Ui, raw: &RawCase, today: NaiveDate) -> Vec<String> {
    let lang = if ui == Ui::Nn { Lang::Nn } else { Lang::Nb };
    let items = timeline::build(raw, today);
    let mut out = Vec::new();
    for item in &items {
        let date = item
            .date
            .map(|d| dates::in_words(d, ui.code()))
            .unwrap_or_default();
        let line = match item.milestone {
            Milestone::Decided => tf(ui, "timeline.decided", &[("date", date)]),
            Milestone::Received => tf(ui, "timeline.received", &[("date", date)]),
            Milestone::Deadline => tf(ui, "timeline.deadline", &[("date", date)]),
            Milestone::Sent => tf(ui, "timeline.sent", &[("date", date)]),
            Milestone::PreliminaryReplyDue => tf(
                ui,
                "timeline.preliminary",
                &[("date", date), ("rule", law::FVL_11_A.full(lang))],
            ),
            Milestone::Forwarded(Route::Statsforvalteren) => tf(
                ui,
                "timeline.forwarded-statsforvalteren",
                &[("rule", law::FVL_33.full(lang))],
            ),
            Milestone::Forwarded(Route::Klagenemnd) => t(ui, "timeline.forwarded-klagenemnd"),
            Milestone::StatsforvalterenTarget => t(ui, "timeline.statsforvalteren-target"),
        };
        let mark = if item.past {
            format!("✓ {line} {}", t(ui, "timeline.past"))
        } else {
            format!("• {line}")
        };
        out.push(mark);
    }
    if raw.sent.is_none() && !items.is_empty() {
        out.push(format!("• {}", t(ui, "timeline.not-sent")));
    }
    out
}
