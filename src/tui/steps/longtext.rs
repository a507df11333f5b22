//! How the longtext screen looks (its question, options and answer live in
//! `crate::interview::steps::longtext`).

use crate::i18n::{t, tf};
use crate::interview::steps::longtext::*;
use crate::interview::steps::title_and_hint;
use crate::interview::{App, Step};
use crate::tui::steps::{LowWindow, question_with_room};
use crate::tui::widgets;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

impl LongState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let (title, hint) = title_and_hint(app, self.step);
        let suggested = match self.step {
            Step::Outcome => suggestion(app),
            _ => None,
        };
        // Rows kept below the hint: the text box, and a line of the suggestion with space below.
        let room = if suggested.is_some() { 6 } else { 4 };
        let mut rest = question_with_room(app, &title, &hint, area, buf, room, LowWindow::CutHint);
        if let Some(s) = suggested {
            let text = tf(app.ui, "tui.q.outcome.suggestion", &[("text", s)]);
            let mut lines = widgets::wrap(&text, rest.width);
            // Keep room for the text box (at least a line to type on, inside its frame): in a
            // very low window the suggestion gives way (F1 has it).
            let max = usize::from(rest.height.saturating_sub(6));
            if lines.len() > max && max > 0 {
                lines.truncate(max);
                if let Some(l) = lines.last_mut() {
                    l.push('…');
                }
            }
            if max > 0 {
                let used = widgets::put_lines(&lines, rest, buf, th.dim);
                rest = widgets::below(rest, used + 1);
            }
        }
        let message = match (&self.error, &self.note) {
            (Some(e), _) => Some((format!("{}: {e}", t(app.ui, "word.error")), th.error)),
            (None, Some(n)) => Some((n.clone(), th.success)),
            // At a shared machine: say where the text goes when it is opened in an editor.
            _ if app.counter => Some((
                format!(
                    "{} {}",
                    t(app.ui, "tui.long.go-on-hint"),
                    tf(
                        app.ui,
                        "tui.long.editor-counter",
                        &[(
                            "editor",
                            crate::tui::editor::describe(&crate::tui::editor::editor_command())
                        )]
                    )
                ),
                th.dim,
            )),
            _ => Some((t(app.ui, "tui.long.go-on-hint"), th.dim)),
        };
        let msg_lines = message
            .as_ref()
            .map(|(m, _)| widgets::wrap(m, rest.width))
            .unwrap_or_default();
        let msg_h = u16::try_from(msg_lines.len())
            .unwrap_or(0)
            .min(rest.height.saturating_sub(3));
        let box_area = Rect::new(
            rest.x,
            rest.y,
            rest.width,
            rest.height.saturating_sub(msg_h),
        );
        (&self.area).render(box_area, buf);
        if let Some((_, style)) = message {
            let ma = Rect::new(rest.x, box_area.bottom(), rest.width, msg_h);
            widgets::put_lines(&msg_lines, ma, buf, style);
        }
        None
    }
}
