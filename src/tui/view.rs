//! Drawing the whole screen from the wizard's state: the step indicator on top, the screen in the
//! middle, the help bar at the bottom, and a dialog over it all when one is open. Only reads.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Clear, Widget};

use crate::i18n::{t, tf};

use super::keymap::Mode;
use super::widgets::help_bar::{self, KeyHelp};
use super::widgets::{self, step_indicator};
use crate::interview::{App, Modal, Step, layout};

// The smallest window is the interview's rule (a key in a too-small window is not used, and the
// screen says so); the words of the step indicator and of the dialogs are the interview's too.
pub use crate::interview::describe::{discard_text_key, quit_text_key, step_indicator_text};
pub use crate::interview::{MIN_HEIGHT, MIN_WIDTH};

/// The keys shown in the help bar: the screen's own, then back, help and quit.
pub fn keys(app: &App) -> Vec<KeyHelp> {
    let ui = app.ui;
    let k = |key: &str, what: &str| (t(ui, key), t(ui, what));
    if let Some(n) = &app.notice {
        return crate::interview::drafts::notice_keys(ui, n);
    }
    if let Some(m) = &app.modal {
        return match m {
            Modal::Help(_) => vec![
                k("tui.key.arrows", "tui.key.read-more"),
                k("tui.key.esc", "tui.key.close"),
            ],
            Modal::ConfirmQuit => vec![
                k("tui.key.enter-j", "tui.key.quit-yes"),
                k("tui.key.esc-n", "tui.key.quit-no"),
            ],
            Modal::ConfirmOverwrite(..) => {
                vec![
                    k("tui.key.j", "tui.key.overwrite-yes"),
                    k("tui.key.esc-n", "tui.key.overwrite-no"),
                ]
            }
            Modal::ConfirmDiscard(_) => vec![
                k("tui.key.j", "tui.key.discard-yes"),
                k("tui.key.esc-n", "tui.key.discard-no"),
            ],
            Modal::ConfirmDelete(..) => vec![
                k("tui.key.j", "tui.key.delete-yes"),
                k("tui.key.esc-n", "tui.key.delete-no"),
            ],
            Modal::ConfirmRemoveService(..) => vec![
                k("tui.key.j", "tui.key.remove-service-yes"),
                k("tui.key.esc-n", "tui.key.delete-no"),
            ],
        };
    }
    let mut v = app.screen.keys(app);
    if app.step != Step::Start {
        v.push(k("tui.key.esc", "tui.key.back"));
    }
    let nav = app.mode() == Mode::Nav;
    v.push(k(
        if nav {
            "tui.key.help-nav"
        } else {
            "tui.key.help-text"
        },
        "tui.key.help",
    ));
    // The same quit key on every screen (issue #23): never a letter a field could take.
    v.push(k("tui.key.quit-text", "tui.key.quit"));
    v
}

/// The parts of the window.
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub rule: Rect,
    pub help: Rect,
}

/// Split the window (the body as the interview measures it, [`layout::body_in`]).
pub fn areas(app: &App, size: Rect) -> Areas {
    let help_h = help_bar::height(&keys(app), size.width.saturating_sub(2)).clamp(1, 3);
    let body_top = 2;
    let body = layout::body_in(size.into(), help_h);
    Areas {
        header: Rect::new(size.x, size.y, size.width, 1),
        body: body.into(),
        rule: Rect::new(size.x, size.y + body_top + body.height, size.width, 1),
        help: Rect::new(
            size.x + 1,
            size.bottom().saturating_sub(help_h),
            size.width.saturating_sub(2),
            help_h,
        ),
    }
}

impl From<layout::Area> for Rect {
    fn from(a: layout::Area) -> Rect {
        Rect::new(a.x, a.y, a.width, a.height)
    }
}

impl From<Rect> for layout::Area {
    fn from(r: Rect) -> layout::Area {
        layout::Area::new(r.x, r.y, r.width, r.height)
    }
}

/// The body area as if the help bar took its most rows (3): for a screen whose keys depend
/// on what fits (the help bar's height depends on the keys, so [`body_area`] cannot be asked).
pub fn body_area_least(app: &App) -> Rect {
    let (w, h) = app.size;
    let margin = if w >= 60 { 2 } else { 1 };
    Rect::new(
        margin,
        2,
        w.saturating_sub(2 * margin),
        h.saturating_sub(2 + 3 + 1),
    )
}

/// Draw the wizard into a frame, and put the terminal cursor where typing goes.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if let Some(pos) = render(app, area, frame.buffer_mut()) {
        frame.set_cursor_position(pos);
    }
}

/// Draw the wizard into a buffer; returns where the terminal cursor goes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let th = app.theme();
    buf.set_style(area, th.base);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = tf(
            app.ui,
            "tui.too-small",
            &[
                ("width", MIN_WIDTH.to_string()),
                ("height", MIN_HEIGHT.to_string()),
                ("now_width", area.width.to_string()),
                ("now_height", area.height.to_string()),
            ],
        );
        let msg = if app.small_ignored {
            format!("{msg} {}", t(app.ui, "tui.too-small-keys"))
        } else {
            msg
        };
        widgets::put_wrapped(&msg, area, buf, th.title);
        return None;
    }
    let a = areas(app, area);
    // The interview pages by the body's height: it is told how many rows the help line took.
    app.help_rows.set(a.help.height);
    let mut right = t(app.ui, "tui.app-name");
    if app.counter {
        right = format!("{right} · {}", t(app.ui, "tui.counter-mode"));
    } else if let Some(word) = crate::interview::drafts::status_word(app.ui, &app.save_status) {
        right = format!("{right} · {word}");
    }
    step_indicator::render(&step_indicator_text(app), &right, th, a.header, buf);
    let cursor = app.screen.render(app, a.body, buf);
    buf.set_string(
        a.rule.x,
        a.rule.y,
        "─".repeat(usize::from(a.rule.width)),
        th.dim,
    );
    help_bar::render(&keys(app), th, a.help, buf);
    if let Some(n) = &app.notice {
        if let Some(m) = &app.modal {
            render_modal(app, m, area, buf);
        }
        let (title, text) = crate::interview::drafts::notice_text(app.ui, n);
        let probe = modal_area(area, area.height);
        let lines = widgets::wrap(&text, probe.width.saturating_sub(4));
        render_box(app, &title, &lines, 0, area, buf);
        return None;
    }
    match &app.modal {
        None => cursor,
        Some(m) => {
            render_modal(app, m, area, buf);
            None
        }
    }
}

/// The lines of the help dialog at this width.
fn help_lines(app: &App, width: u16) -> Vec<String> {
    layout::help_lines(app, width)
}

fn modal_area(area: Rect, want_h: u16) -> Rect {
    layout::modal_area(area.into(), want_h).into()
}

fn render_modal(app: &App, m: &Modal, area: Rect, buf: &mut Buffer) {
    let ui = app.ui;
    let (title, lines, scroll) = match m {
        Modal::Help(scroll) => {
            let probe = modal_area(area, area.height);
            (
                t(ui, "tui.help.title"),
                help_lines(app, probe.width.saturating_sub(4)),
                *scroll,
            )
        }
        Modal::ConfirmQuit => {
            let probe = modal_area(area, area.height);
            let text = format!(
                "{}\n\n{}\n\n{}",
                t(ui, "tui.quit.question"),
                t(ui, quit_text_key(app)),
                t(ui, "tui.quit.choices")
            );
            (
                t(ui, "tui.quit.title"),
                widgets::wrap(&text, probe.width.saturating_sub(4)),
                0,
            )
        }
        Modal::ConfirmDiscard(_) => {
            let probe = modal_area(area, area.height);
            let text = format!(
                "{}\n\n{}",
                t(ui, discard_text_key(app)),
                t(ui, "tui.discard.choices")
            );
            (
                t(ui, "tui.discard.title"),
                widgets::wrap(&text, probe.width.saturating_sub(4)),
                0,
            )
        }
        Modal::ConfirmRemoveService(_, name) => {
            let probe = modal_area(area, area.height);
            let text = format!(
                "{}\n\n{}\n\n{}",
                tf(
                    ui,
                    "tui.remove-service.question",
                    &[("service", name.clone())]
                ),
                t(ui, "tui.remove-service.explain"),
                t(ui, "tui.remove-service.choices")
            );
            (
                t(ui, "tui.remove-service.title"),
                widgets::wrap(&text, probe.width.saturating_sub(4)),
                0,
            )
        }
        Modal::ConfirmDelete(_, name) => {
            let probe = modal_area(area, area.height);
            let text = format!(
                "{}\n\n{}\n\n{}",
                tf(ui, "tui.delete.question", &[("case", name.clone())]),
                t(ui, "tui.delete.explain"),
                t(ui, "tui.delete.choices")
            );
            (
                t(ui, "tui.delete.title"),
                widgets::wrap(&text, probe.width.saturating_sub(4)),
                0,
            )
        }
        Modal::ConfirmOverwrite(_, files) => {
            let probe = modal_area(area, area.height);
            let list: Vec<String> = files.iter().map(|f| format!("  {}", f.display())).collect();
            let text = format!(
                "{}\n{}\n\n{}\n\n{}",
                t(ui, "tui.overwrite.question"),
                list.join("\n"),
                t(ui, "tui.overwrite.explain"),
                t(ui, "tui.overwrite.choices")
            );
            (
                t(ui, "tui.overwrite.title"),
                widgets::wrap(&text, probe.width.saturating_sub(4)),
                0,
            )
        }
    };
    render_box(app, &title, &lines, scroll, area, buf);
}

/// A dialog box with a title and lines, in the middle of the window.
fn render_box(
    app: &App,
    title: &str,
    lines: &[String],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let th = app.theme();
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).max(5);
    let b = modal_area(area, h);
    // Clear whole rows, so that no text of the screen below sticks out beside the dialog.
    let band = Rect::new(area.x, b.y, area.width, b.height);
    Clear.render(band, buf);
    buf.set_style(band, th.base);
    buf.set_style(b, th.base);
    let block = Block::bordered()
        .border_style(th.border)
        .title(format!(" {title} "));
    let inner = block.inner(b);
    block.render(b, buf);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let h = usize::from(inner.height);
    for (n, l) in lines.iter().skip(scroll).take(h).enumerate() {
        buf.set_string(inner.x, inner.y + u16::try_from(n).unwrap_or(0), l, th.base);
    }
    if lines.len() > scroll + h {
        buf.set_string(b.right().saturating_sub(3), b.bottom() - 1, "↓", th.dim);
    }
}
