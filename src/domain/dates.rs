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

/// Parse a date as people type it: ISO `2026-11-05`, or Norwegian `05.11.2026` / `5.11.2026`.
pub fn parse_flexible(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
        .filter(|d| (1900..=2200).contains(&d.year()))
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
        assert_eq!(parse_flexible("05.11.2026"), Some(d(2026, 11, 5)));
        assert_eq!(parse_flexible(" 2026-11-05 "), Some(d(2026, 11, 5)));
        assert_eq!(parse_flexible("31.02.2026"), None);
        assert_eq!(parse_iso("2026-11-05"), Some(d(2026, 11, 5)));
        assert_eq!(parse_iso("2026-1-5"), None);
        assert_eq!(parse_iso("05.11.2026"), None);
        assert_eq!(parse_iso("2026-02-30"), None);
    }
}
