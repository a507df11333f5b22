//! Every style of the wizard in one place: the default theme, a high-contrast theme, and a theme
//! without colour (chosen with `--theme no-color`, or when the `NO_COLOR` environment variable is
//! set). Nothing is told by colour alone: the selected row has a marker ([`SELECTED`]), errors
//! start with a word, done things with a check mark.

use ratatui::style::{Color, Modifier, Style};

// The marks a screen is read by without colour are the interview's words (line mode says
// them too); the theme only colours them.
pub use crate::interview::marks::{
    CHECKED, DONE, RADIO_OFF, RADIO_ON, SELECTED, UNCHECKED, UNSELECTED,
};

// Which theme is chosen is kept by the interview (it outlives a case); the styles are here.
pub use crate::interview::ThemeName;

/// All styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// The whole screen.
    pub base: Style,
    /// The top line with the step indicator.
    pub header: Style,
    /// A question or page title.
    pub title: Style,
    /// Explanations under a question.
    pub hint: Style,
    /// Less important text (scroll indicators, "not given").
    pub dim: Style,
    /// The selected row.
    pub selected: Style,
    /// A field label.
    pub label: Style,
    /// A text field.
    pub field: Style,
    /// The text field with the focus.
    pub field_focus: Style,
    /// An error message.
    pub error: Style,
    /// A warning ("Merk").
    pub warning: Style,
    /// Something done (saved, date understood).
    pub success: Style,
    /// A key name in the help bar.
    pub key: Style,
    /// The help bar.
    pub help_bar: Style,
    /// Borders of dialogs and boxes.
    pub border: Style,
    /// Cursor in the multi-line editor.
    pub cursor: Style,
}

/// The wizard draws the interview in the theme it names.
impl crate::interview::App {
    /// The styles of the chosen theme.
    pub fn theme(&self) -> &'static Theme {
        Theme::of(self.theme)
    }

    /// Use another theme (tests, `--theme`).
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme.name;
    }
}

impl Theme {
    /// The styles of a theme, made once.
    pub fn of(name: ThemeName) -> &'static Theme {
        static THEMES: std::sync::LazyLock<[Theme; 3]> = std::sync::LazyLock::new(|| {
            [
                Theme::new(ThemeName::Default),
                Theme::new(ThemeName::HighContrast),
                Theme::new(ThemeName::NoColor),
            ]
        });
        match name {
            ThemeName::Default => &THEMES[0],
            ThemeName::HighContrast => &THEMES[1],
            ThemeName::NoColor => &THEMES[2],
        }
    }

    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Default => Theme::default_colors(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::NoColor => Theme::no_color(),
        }
    }

    fn default_colors() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            name: ThemeName::Default,
            base: Style::default(),
            header: Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(bold),
            title: Style::default().add_modifier(bold),
            hint: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            selected: Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            label: Style::default().add_modifier(bold),
            field: Style::default().add_modifier(Modifier::UNDERLINED),
            field_focus: Style::default().fg(Color::Black).bg(Color::Gray),
            error: Style::default().fg(Color::LightRed).add_modifier(bold),
            warning: Style::default().fg(Color::Yellow),
            success: Style::default().fg(Color::LightGreen),
            key: Style::default().fg(Color::Cyan).add_modifier(bold),
            help_bar: Style::default(),
            border: Style::default().fg(Color::Cyan),
            cursor: Style::default().add_modifier(Modifier::REVERSED),
        }
    }

    fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let base = Style::default().fg(Color::White).bg(Color::Black);
        Theme {
            name: ThemeName::HighContrast,
            base,
            header: Style::default()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(bold),
            title: base.add_modifier(bold),
            hint: base,
            dim: base,
            selected: Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            label: base.add_modifier(bold),
            field: base.add_modifier(Modifier::UNDERLINED),
            field_focus: Style::default().fg(Color::Black).bg(Color::White),
            error: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            warning: base.fg(Color::Yellow).add_modifier(bold),
            success: base.fg(Color::LightGreen).add_modifier(bold),
            key: base.fg(Color::Yellow).add_modifier(bold),
            help_bar: base,
            border: base,
            cursor: Style::default().fg(Color::Black).bg(Color::Yellow),
        }
    }

    fn no_color() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            name: ThemeName::NoColor,
            base: Style::default(),
            header: Style::default().add_modifier(Modifier::REVERSED),
            title: Style::default().add_modifier(bold),
            hint: Style::default(),
            dim: Style::default(),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            label: Style::default().add_modifier(bold),
            field: Style::default().add_modifier(Modifier::UNDERLINED),
            field_focus: Style::default().add_modifier(Modifier::UNDERLINED | bold),
            error: Style::default().add_modifier(bold),
            warning: Style::default().add_modifier(bold),
            success: Style::default().add_modifier(bold),
            key: Style::default().add_modifier(bold),
            help_bar: Style::default(),
            border: Style::default(),
            cursor: Style::default().add_modifier(Modifier::REVERSED),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(ThemeName::Default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_env_wins() {
        assert_eq!(
            ThemeName::choose(Some("high-contrast"), true),
            ThemeName::NoColor
        );
        assert_eq!(ThemeName::choose(None, false), ThemeName::Default);
        assert_eq!(
            ThemeName::choose(Some("high-contrast"), false),
            ThemeName::HighContrast
        );
    }

    #[test]
    fn the_no_color_theme_has_no_colours() {
        let t = Theme::new(ThemeName::NoColor);
        for s in [
            t.base,
            t.header,
            t.title,
            t.hint,
            t.dim,
            t.selected,
            t.label,
            t.field,
            t.field_focus,
            t.error,
            t.warning,
            t.success,
            t.key,
            t.help_bar,
            t.border,
            t.cursor,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
    }
}
