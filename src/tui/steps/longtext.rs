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
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::interview::text_box::Rows;

/// The text box drawn as `ratatui-textarea` draws it (its wrapping, cursor and selection), from
/// the interview's `TextBox`; what was shown is told back to the box ([`Rows`]), so that ↑ ↓
/// move by the rows on screen and the view does not jump.
fn draw_box(state: &LongState, app: &App, area: Rect, buf: &mut Buffer) {
    let text = &state.text;
    let th = crate::tui::theme::Theme::of(state.theme);
    let mut ta = TextArea::new(text.lines().to_vec());
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(th.cursor);
    ta.set_style(th.base);
    ta.set_placeholder_text(t(app.ui, "tui.long.placeholder"));
    ta.set_placeholder_style(th.dim);
    ta.set_block(Block::bordered().border_style(th.border));
    let jump = |ta: &mut TextArea, (r, c): (usize, usize)| {
        let r = u16::try_from(r).unwrap_or(u16::MAX);
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        ta.move_cursor(CursorMove::Jump(r, c));
    };
    let top = text.shown.borrow().top;
    if top > 0 {
        ta.scroll((i16::try_from(top).unwrap_or(i16::MAX), 0));
    }
    if let Some(a) = text.anchor() {
        ta.cancel_selection();
        jump(&mut ta, a);
        ta.start_selection();
    }
    jump(&mut ta, text.cursor());
    (&ta).render(area, buf);
    // Where each screen row starts: screen_to_data clamps past the last row.
    let mut starts = Vec::new();
    for row in 0.. {
        let d = ta.screen_to_data(row, 0);
        let d = (d.0, d.1);
        if starts.last().is_some_and(|l| *l >= d) {
            break;
        }
        starts.push(d);
    }
    *text.shown.borrow_mut() = Rows {
        starts,
        top: usize::from(ta.scroll_offset().0),
        height: usize::from(area.height.saturating_sub(2)),
    };
}

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
        draw_box(self, app, box_area, buf);
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
