//! Dates written out in words, as letters and screens show them.

use chrono::{Datelike, NaiveDate};

/// Month names, the same in bokmål and nynorsk.
pub const MONTHS_NO: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS_NB: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
const WEEKDAYS_NN: [&str; 7] = [
    "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "5. november 2026" (bokmål and nynorsk) or "5 November 2026" (`lang` = "en").
pub fn in_words(date: NaiveDate, lang: &str) -> String {
    let m = date.month0() as usize;
    match lang {
        "en" => format!("{} {} {}", date.day(), MONTHS_EN[m], date.year()),
        _ => format!("{}. {} {}", date.day(), MONTHS_NO[m], date.year()),
    }
}

/// "torsdag 3. desember 2026".
pub fn with_weekday(date: NaiveDate, lang: &str) -> String {
    let w = date.weekday().num_days_from_monday() as usize;
    let day = match lang {
        "nn" => WEEKDAYS_NN[w],
        "en" => WEEKDAYS_EN[w],
        _ => WEEKDAYS_NB[w],
    };
    format!("{day} {}", in_words(date, lang))
}

/// "05.11.2026", the short Norwegian form.
pub fn short(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Why what was typed is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written in any form the program knows.
    NotADate,
    /// A month number that does not exist (`13`).
    NoSuchMonth(u32),
    /// A day that the month does not have: `31.02.2026` (February 2026 has 28 days).
    NoSuchDay { year: i32, month: u32, days: u32 },
}

/// Parse a date as people type it. `today` decides `i dag`/`today`, `i går`/`yesterday`, and the
/// year when none is written (`12.11`, `12 nov`): the year that makes the date the nearest one
/// that is not after `today`. A two-digit year is 20xx, unless that would be more than a year
/// after `today` (then 19xx: a birth date `03.04.45`).
///
/// Accepted: ISO `2026-11-12`; `12.11.2026`, `12.11.26`, `12/11/2026`, `12-11-2026`, `12.11`,
/// `12.11.`; `12. november 2026`, `12. nov. 2026`, `12 nov`, `November 12, 2026`; an optional
/// weekday in front (`fredag 13. november 2026`, as the program echoes it); `i dag`, `idag`, `i går`,
/// `igår`, `today`, `yesterday`. Month names in bokmål, nynorsk and English, whole or shortened to
/// at least three letters.
pub fn parse(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let lower = s.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.join(" ").as_str() {
        "i dag" | "idag" | "today" => return Ok(today),
        "i går" | "igår" | "i gar" | "igar" | "yesterday" => {
            return today.pred_opt().ok_or(DateError::NotADate);
        }
        _ => {}
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | '/' | '-' | ','))
        .filter(|t| !t.is_empty())
        .filter(|t| !is_weekday(t))
        .collect();
    let num = |t: &str| -> Option<u32> {
        (t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    // A day or a month as a number has one or two digits.
    let small = |t: &str| if t.len() <= 2 { num(t) } else { None };
    let (year, month, day) = match tokens.as_slice() {
        // ISO, and 2026/11/12.
        [y, m, d] if y.len() == 4 && num(y).is_some() => (num(y), small(m), small(d)),
        [d, m, rest @ ..] if small(d).is_some() && rest.len() <= 1 => {
            let month = small(m).or_else(|| month_by_name(m));
            let year = match rest {
                [] => None,
                [y] => Some(num(y).ok_or(DateError::NotADate)?),
                _ => return Err(DateError::NotADate),
            };
            (year, month, small(d))
        }
        [m, d, rest @ ..] if month_by_name(m).is_some() && rest.len() <= 1 => {
            let year = match rest {
                [] => None,
                [y] => Some(num(y).ok_or(DateError::NotADate)?),
                _ => return Err(DateError::NotADate),
            };
            (year, month_by_name(m), small(d))
        }
        _ => return Err(DateError::NotADate),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return Err(DateError::NotADate);
    };
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth(month));
    }
    let year = match year {
        Some(y) if y < 100 => {
            let y = 2000 + y as i32;
            if y > today.year() + 1 { y - 100 } else { y }
        }
        Some(y) if (1000..10000).contains(&y) => y as i32,
        Some(_) => return Err(DateError::NotADate),
        None => {
            // The nearest date not after today: this year, else last year.
            if (month, day) <= (today.month(), today.day()) {
                today.year()
            } else {
                today.year() - 1
            }
        }
    };
    if !(1900..=2200).contains(&year) {
        return Err(DateError::NotADate);
    }
    let days = days_in(year, month);
    if day == 0 || day > days {
        return Err(DateError::NoSuchDay { year, month, days });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NotADate)
}

/// The number of days in a month.
pub fn days_in(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(31)
}

/// A month from its name in bokmål, nynorsk or English, whole or its first three letters or
/// more: `nov`, `november`, `sept`, `des`, `dec`, `mai`, `may`, `oct`, `okt`.
fn month_by_name(word: &str) -> Option<u32> {
    if word.chars().count() < 3 {
        return None;
    }
    let lower_en = MONTHS_EN.map(str::to_lowercase);
    (0..12u32)
        .find(|m| {
            let i = *m as usize;
            MONTHS_NO[i].starts_with(word) || lower_en[i].starts_with(word)
        })
        .map(|m| m + 1)
}

/// A weekday in any of the three languages (or shortened to three letters or more).
fn is_weekday(word: &str) -> bool {
    word.chars().count() >= 3
        && !word.bytes().all(|b| b.is_ascii_digit())
        && month_by_name(word).is_none()
        && WEEKDAYS_NB
            .iter()
            .chain(WEEKDAYS_NN.iter())
            .map(|w| w.to_string())
            .chain(WEEKDAYS_EN.iter().map(|w| w.to_lowercase()))
            .any(|w| w.starts_with(word))
}

/// Parse a date as people type it, or `None`; see [`parse`].
pub fn parse_flexible(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    parse(s, today).ok()
}

/// Parse a case-file date: ISO `YYYY-MM-DD` only.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let bytes = s.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn words() {
        assert_eq!(in_words(d(2026, 11, 5), "nb"), "5. november 2026");
        assert_eq!(in_words(d(2026, 11, 5), "en"), "5 November 2026");
        assert_eq!(
            with_weekday(d(2026, 12, 3), "nb"),
            "torsdag 3. desember 2026"
        );
        assert_eq!(
            with_weekday(d(2026, 12, 5), "nn"),
            "laurdag 5. desember 2026"
        );
        assert_eq!(short(d(2026, 11, 5)), "05.11.2026");
    }

    #[test]
    fn parsing() {
        let today = d(2026, 12, 2);
        assert_eq!(parse_flexible("05.11.2026", today), Some(d(2026, 11, 5)));
        assert_eq!(parse_flexible(" 2026-11-05 ", today), Some(d(2026, 11, 5)));
        assert_eq!(parse_flexible("31.02.2026", today), None);
        assert_eq!(parse_iso("2026-11-05"), Some(d(2026, 11, 5)));
        assert_eq!(parse_iso("2026-1-5"), None);
        assert_eq!(parse_iso("05.11.2026"), None);
        assert_eq!(parse_iso("2026-02-30"), None);
    }

    /// What decisions and people write, read on 2 December 2026.
    #[test]
    fn forms_people_write() {
        let today = d(2026, 12, 2);
        let table: &[(&str, NaiveDate)] = &[
            ("12. november 2026", d(2026, 11, 12)),
            ("12. nov. 2026", d(2026, 11, 12)),
            ("12. Nov 2026", d(2026, 11, 12)),
            ("12 nov", d(2026, 11, 12)),
            ("12. november", d(2026, 11, 12)),
            ("12/11/2026", d(2026, 11, 12)),
            ("12-11-2026", d(2026, 11, 12)),
            ("12.11.26", d(2026, 11, 12)),
            ("12.11.2026", d(2026, 11, 12)),
            ("5.1.2026", d(2026, 1, 5)),
            ("12.11", d(2026, 11, 12)),
            ("12.11.", d(2026, 11, 12)),
            ("2026-11-12", d(2026, 11, 12)),
            ("fredag 13. november 2026", d(2026, 11, 13)),
            ("laurdag 5. desember 2026", d(2026, 12, 5)),
            ("Friday 13 November 2026", d(2026, 11, 13)),
            ("November 13, 2026", d(2026, 11, 13)),
            ("3. sept. 2026", d(2026, 9, 3)),
            ("3. okt 2026", d(2026, 10, 3)),
            ("3 oct 2026", d(2026, 10, 3)),
            ("17. mai 2026", d(2026, 5, 17)),
            ("24. des 2025", d(2025, 12, 24)),
            // Without a year: the nearest date that is not after today.
            ("2.12", d(2026, 12, 2)),
            ("3.12", d(2025, 12, 3)),
            ("24. desember", d(2025, 12, 24)),
            ("1 jan", d(2026, 1, 1)),
            // A two-digit year far ahead is last century: a birth date.
            ("03.04.45", d(1945, 4, 3)),
            ("i dag", today),
            ("I dag", today),
            ("idag", today),
            ("i går", d(2026, 12, 1)),
            ("igår", d(2026, 12, 1)),
            ("today", today),
            ("Yesterday", d(2026, 12, 1)),
        ];
        for (input, want) in table {
            assert_eq!(parse(input, today), Ok(*want), "{input}");
        }
    }

    #[test]
    fn why_a_date_is_not_one() {
        let today = d(2026, 12, 2);
        let no_such = |year, month, days| Err(DateError::NoSuchDay { year, month, days });
        assert_eq!(parse("29.02.2026", today), no_such(2026, 2, 28));
        assert_eq!(parse("29. februar 2028", today), Ok(d(2028, 2, 29)));
        assert_eq!(parse("31.04.2026", today), no_such(2026, 4, 30));
        assert_eq!(parse("30. feb", today), no_such(2026, 2, 28));
        assert_eq!(parse("12.13.2026", today), Err(DateError::NoSuchMonth(13)));
        for nonsense in [
            "",
            "abc",
            "12",
            "12 novembr 2026",
            "ma 5",
            "1.2.3.4",
            "2026-11",
            "99999.1.1",
        ] {
            assert_eq!(
                parse(nonsense, today),
                Err(DateError::NotADate),
                "{nonsense}"
            );
        }
    }
}
