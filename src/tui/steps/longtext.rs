//! How the longtext screen looks (its question, options and answer live in
//! `crate::interview::steps::longtext`).

use crate::i18n::{t, tf};
use crate::interview::steps::longtext::*;
use crate::interview::steps::title_and_hint;
use crate::interview::{App, Step};
use crate::tui::editor::{self, Choice};
use crate::tui::steps::{LowWindow, question_with_room};
use crate::tui::widgets;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

impl LongState {
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let th = app.theme();
        let (title, hint) = title_and_hint(app, self.step);
        let mut rest = question_with_room(app, &title, &hint, area, buf, 4, LowWindow::CutHint);
        if self.step == Step::Outcome
            && let Some(s) = suggestion(app)
        {
            let text = tf(app.ui, "tui.q.outcome.suggestion", &[("text", s)]);
            let mut lines = widgets::wrap(&text, rest.width);
            // Keep room for the text field.
            let max = usize::from(rest.height.saturating_sub(6)).max(1);
            if lines.len() > max {
                lines.truncate(max);
                if let Some(l) = lines.last_mut() {
                    l.push('…');
                }
            }
            let used = widgets::put_lines(&lines, rest, buf, th.dim);
            rest = widgets::below(rest, used + 1);
        }
        let message = match (&self.error, &self.note) {
            (Some(e), _) => Some((format!("{}: {e}", t(app.ui, "word.error")), th.error)),
            (None, Some(n)) => Some((n.clone(), th.success)),
            // At a shared machine: say where the text goes when it is opened in an editor.
            _ if app.counter => Some((
                format!(
                    "{} {}{}",
                    t(app.ui, "tui.long.go-on-hint"),
                    tf(
                        app.ui,
                        "tui.long.editor-counter",
                        &[(
                            "editor",
                            crate::tui::editor::describe(&crate::tui::editor::editor_command())
                        )]
                    ),
                    vi_how(app.ui)
                ),
                th.dim,
            )),
            _ => Some((
                format!(
                    "{}{}",
                    t(app.ui, "tui.long.go-on-hint"),
                    editor_hint(app.ui)
                ),
                th.dim,
            )),
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

/// " Ctrl+E opens the text in «nano»." (with how to leave vi), naming the editor that will
/// really open; nothing when it is not known (no wizard running) or there is none.
fn editor_hint(ui: crate::i18n::Ui) -> String {
    match editor::chosen() {
        Some(Choice::Found(cmd)) => format!(
            " {}{}",
            tf(ui, "tui.long.editor", &[("editor", editor::name(cmd))]),
            vi_how(ui)
        ),
        _ => String::new(),
    }
}

/// " In «vi», press i before you type. To save and come back …" when the editor is vi.
fn vi_how(ui: crate::i18n::Ui) -> String {
    match editor::chosen() {
        Some(Choice::Found(cmd)) if cmd.first().is_some_and(|p| editor::is_vi(p)) => {
            format!(
                " {}",
                tf(ui, "tui.long.vi-how", &[("editor", editor::name(cmd))])
            )
        }
        _ => String::new(),
    }
}
