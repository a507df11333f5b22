//! The sizes the interview pages and scrolls by, in numbers with no terminal in them: the window
//! ([`App`]'s size), the body of a screen (what the header, the rule and the help line leave) and
//! the help dialog. The wizard lays its screen out with the same functions ([`body_in`],
//! [`modal_area`], [`help_lines`]) and tells the interview how many rows its help line took when
//! it last drew ([`App::help_rows`]); line mode pages nothing and leaves the default.

use crate::i18n::t;
use crate::interview::App;
use crate::interview::steps::title_and_hint;
use crate::interview::wrap;

/// A rectangle of cells: where on the window, and how big.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Area {
        Area {
            x,
            y,
            width,
            height,
        }
    }

    /// The row below the area.
    pub fn bottom(&self) -> u16 {
        self.y.saturating_add(self.height)
    }

    /// What is left of the area below its first `rows` rows.
    pub fn below(&self, rows: u16) -> Area {
        let rows = rows.min(self.height);
        Area::new(self.x, self.y + rows, self.width, self.height - rows)
    }
}

/// The help line's rows until the wizard has drawn (two at 80 columns on most screens).
pub const DEFAULT_HELP_ROWS: u16 = 2;

/// The body of a window of `size` whose help line takes `help_rows` rows (1 to 3): below the
/// step indicator and a blank row, above the rule and the help line, with a margin each side.
pub fn body_in(size: Area, help_rows: u16) -> Area {
    let margin = if size.width >= 60 { 2 } else { 1 };
    let body_top = 2;
    let body_h = size.height.saturating_sub(body_top + help_rows + 1);
    Area::new(
        size.x + margin,
        size.y + body_top,
        size.width.saturating_sub(2 * margin),
        body_h,
    )
}

/// The body of the screen at the window's size.
pub fn body_area(app: &App) -> Area {
    body_in(
        Area::new(0, 0, app.size.0, app.size.1),
        app.help_rows.get().clamp(1, 3),
    )
}

/// A dialog of `want_h` rows, centred in `area`, at most 72 columns wide.
pub fn modal_area(area: Area, want_h: u16) -> Area {
    let w = area.width.saturating_sub(4).min(72);
    let h = want_h.min(area.height.saturating_sub(2));
    Area::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The lines of the help dialog at this width.
pub fn help_lines(app: &App, width: u16) -> Vec<String> {
    let ui = app.ui;
    let (title, _) = title_and_hint(app, app.step);
    let mut text = format!("{title}\n\n{}", t(ui, &app.step.help_key()));
    text.push_str(&format!("\n\n{}", t(ui, "tui.help.keys")));
    wrap::wrap(&text, width)
}

/// The help dialog at the window's size, and its lines.
pub fn help_box(app: &App) -> (Area, Vec<String>) {
    let area = Area::new(0, 0, app.size.0, app.size.1);
    let probe = modal_area(area, area.height);
    let lines = help_lines(app, probe.width.saturating_sub(4));
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    (modal_area(area, h.max(5)), lines)
}

/// How far the help can be scrolled.
pub fn help_max_scroll(app: &App) -> usize {
    let (b, lines) = help_box(app);
    lines
        .len()
        .saturating_sub(usize::from(b.height.saturating_sub(2)))
}
