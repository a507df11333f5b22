//! Input as people write it, read the same way by the wizard, line mode and the command line:
//! dates in many forms (see [`crate::domain::dates::parse`]) with a message that says why a date is
//! not understood.

use chrono::NaiveDate;

use crate::domain::dates::{self, DateError};
use crate::i18n::{Ui, tf};

/// Why `input` is not a date, in the interface language: "Februar 2026 har bare 28 dager."
pub fn date_error(ui: Ui, input: &str, error: DateError) -> String {
    match error {
        DateError::NotADate => tf(ui, "tui.error.date", &[("value", input.trim().to_string())]),
        DateError::NoSuchMonth(m) => {
            tf(ui, "date.error.no-such-month", &[("month", m.to_string())])
        }
        DateError::NoSuchDay { year, month, days } => tf(
            ui,
            "date.error.no-such-day",
            &[
                ("month", month_name(ui, month)),
                ("year", year.to_string()),
                ("days", days.to_string()),
            ],
        ),
    }
}

/// A month's name with a capital letter, as a sentence starts: "Februar", "February".
fn month_name(ui: Ui, month: u32) -> String {
    let Some(d) = NaiveDate::from_ymd_opt(2000, month, 1) else {
        return month.to_string();
    };
    // "1. februar 2000" / "1 February 2000": the middle word.
    let words = dates::in_words(d, ui.code());
    let name = words.split(' ').nth(1).unwrap_or_default();
    let mut c = name.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Read a date, or say why it is not one.
pub fn read_date(ui: Ui, input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    dates::parse(input, today).map_err(|e| date_error(ui, input, e))
}

/// The date of `--today`, or the clock's.
pub fn today_arg(s: Option<&str>) -> NaiveDate {
    let clock = chrono::Local::now().date_naive();
    s.and_then(|s| dates::parse(s, clock).ok()).unwrap_or(clock)
}
