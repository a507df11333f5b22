//! Complaint deadlines: counting whole weeks from the day the written
//! decision was received, and moving the last day past weekends and
//! Norwegian public holidays.
//!
//! The rule, as the program applies it:
//!
//! * The deadline is counted in whole weeks from the day the decision was
//!   received, so it ends on the same weekday (received Thursday
//!   5 November 2026, four weeks → Thursday 3 December 2026). The number of
//!   weeks is a parameter: 4 for care services (pasient- og
//!   brukerrettighetsloven § 7-5), 3 for other municipal decisions
//!   (forvaltningsloven § 29).
//! * If that day is a Saturday, Sunday or public holiday, the deadline runs
//!   to the next working day (forvaltningsloven § 30 last sentence, "Fristen
//!   regnes overensstemmende med reglene i domstollovens §§ 148 og 149"; for
//!   care services through pasient- og brukerrettighetsloven § 7-7). Both the
//!   unmoved and the moved day are kept, so the program can show the moved
//!   date as the last day and still advise sending by the unmoved date.
//!
//! This module never reads the clock: "today" is always a parameter.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` in the Gregorian calendar, computed with the
/// anonymous Gregorian algorithm (Meeus/Jones/Butcher).
///
/// Returns `None` only when the date cannot be represented by
/// [`NaiveDate`] (years outside chrono's supported range).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // i64 and Euclidean division/remainder keep the arithmetic exact and
    // panic-free for every i32 year, negative (proleptic) years included.
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n.div_euclid(31)).ok()?;
    let day = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A Norwegian public holiday (helligdag or høytidsdag).
///
/// 24 and 31 December are not public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// 1 January (1. nyttårsdag).
    NewYearsDay,
    /// Maundy Thursday (skjærtorsdag), Easter Sunday − 3 days.
    MaundyThursday,
    /// Good Friday (langfredag), Easter Sunday − 2 days.
    GoodFriday,
    /// Easter Sunday (1. påskedag).
    EasterSunday,
    /// Easter Monday (2. påskedag), Easter Sunday + 1 day.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// 17 May.
    ConstitutionDay,
    /// Ascension Day (Kristi himmelfartsdag), Easter Sunday + 39 days.
    AscensionDay,
    /// Whit Sunday (1. pinsedag), Easter Sunday + 49 days.
    WhitSunday,
    /// Whit Monday (2. pinsedag), Easter Sunday + 50 days.
    WhitMonday,
    /// 25 December (1. juledag).
    ChristmasDay,
    /// 26 December (2. juledag).
    BoxingDay,
}

impl Holiday {
    /// Name as written in running text.
    ///
    /// * `"nb"`: "1. nyttårsdag", "skjærtorsdag", "langfredag",
    ///   "1. påskedag", "2. påskedag", "1. mai", "17. mai",
    ///   "Kristi himmelfartsdag", "1. pinsedag", "2. pinsedag",
    ///   "1. juledag", "2. juledag".
    /// * `"nn"`: the same names as `"nb"`.
    /// * `"en"`: "New Year's Day", "Maundy Thursday", "Good Friday",
    ///   "Easter Sunday", "Easter Monday", "1 May (Labour Day)",
    ///   "17 May (Constitution Day)", "Ascension Day", "Whit Sunday",
    ///   "Whit Monday", "Christmas Day", "Boxing Day".
    ///
    /// Any other `lang` gives the `"nb"` name.
    pub fn name(self, lang: &str) -> &'static str {
        match lang {
            "en" => self.name_en(),
            "nn" => self.name_nn(),
            _ => self.name_nb(),
        }
    }

    fn name_nb(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "1. nyttårsdag",
            Holiday::MaundyThursday => "skjærtorsdag",
            Holiday::GoodFriday => "langfredag",
            Holiday::EasterSunday => "1. påskedag",
            Holiday::EasterMonday => "2. påskedag",
            Holiday::LabourDay => "1. mai",
            Holiday::ConstitutionDay => "17. mai",
            Holiday::AscensionDay => "Kristi himmelfartsdag",
            Holiday::WhitSunday => "1. pinsedag",
            Holiday::WhitMonday => "2. pinsedag",
            Holiday::ChristmasDay => "1. juledag",
            Holiday::BoxingDay => "2. juledag",
        }
    }

    fn name_nn(self) -> &'static str {
        // Written the same way in nynorsk.
        self.name_nb()
    }

    fn name_en(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::MaundyThursday => "Maundy Thursday",
            Holiday::GoodFriday => "Good Friday",
            Holiday::EasterSunday => "Easter Sunday",
            Holiday::EasterMonday => "Easter Monday",
            Holiday::LabourDay => "1 May (Labour Day)",
            Holiday::ConstitutionDay => "17 May (Constitution Day)",
            Holiday::AscensionDay => "Ascension Day",
            Holiday::WhitSunday => "Whit Sunday",
            Holiday::WhitMonday => "Whit Monday",
            Holiday::ChristmasDay => "Christmas Day",
            Holiday::BoxingDay => "Boxing Day",
        }
    }
}

/// The public holiday falling on `date`, if any.
///
/// When a fixed-date holiday coincides with a movable one (1 May may be
/// Ascension Day; 17 May may be Ascension Day, Whit Sunday or Whit Monday,
/// as on Monday 17 May 2027), the fixed-date holiday (1 May / 17 May) is
/// returned. Either way the day is a holiday.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some(Holiday::NewYearsDay),
        (5, 1) => Some(Holiday::LabourDay),
        (5, 17) => Some(Holiday::ConstitutionDay),
        (12, 25) => Some(Holiday::ChristmasDay),
        (12, 26) => Some(Holiday::BoxingDay),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    // Movable holidays lie between 19 March and 14 June.
    if !(3..=6).contains(&date.month()) {
        return None;
    }
    let easter = easter_sunday(date.year())?;
    match date.signed_duration_since(easter).num_days() {
        -3 => Some(Holiday::MaundyThursday),
        -2 => Some(Holiday::GoodFriday),
        0 => Some(Holiday::EasterSunday),
        1 => Some(Holiday::EasterMonday),
        39 => Some(Holiday::AscensionDay),
        49 => Some(Holiday::WhitSunday),
        50 => Some(Holiday::WhitMonday),
        _ => None,
    }
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    /// An ordinary Saturday.
    Saturday,
    /// An ordinary Sunday.
    Sunday,
    /// A public holiday (reported even when it also falls on a weekend).
    Holiday(Holiday),
}

/// Why `date` is not a working day, or `None` when it is one.
///
/// A holiday takes precedence over the weekday: Easter Sunday is reported
/// as `DayOff::Holiday(Holiday::EasterSunday)`, and 26 December on a
/// Saturday as `DayOff::Holiday(Holiday::BoxingDay)`.
pub fn day_off(date: NaiveDate) -> Option<DayOff> {
    if let Some(h) = holiday(date) {
        return Some(DayOff::Holiday(h));
    }
    match date.weekday() {
        Weekday::Sat => Some(DayOff::Saturday),
        Weekday::Sun => Some(DayOff::Sunday),
        _ => None,
    }
}

/// `true` when `date` is neither a Saturday, a Sunday nor a public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    day_off(date).is_none()
}

/// More than one year has passed on `day` since the decision was made on `decided` (counted
/// from the decision's date). A complaint can then not be considered at all: "kan ikke tas
/// under behandling som klagesak" (fvl § 31 tredje ledd, FACTS.md section 1). The day exactly a
/// year later is still within the year; 29 February counts to 28 February.
pub fn beyond_one_year(decided: NaiveDate, day: NaiveDate) -> bool {
    decided
        .checked_add_months(chrono::Months::new(12))
        .is_some_and(|limit| day > limit)
}

/// A computed complaint deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The day the written decision was received.
    pub received: NaiveDate,
    /// The length of the deadline in whole weeks.
    pub weeks: u32,
    /// received + weeks: the day the rule itself gives.
    pub unmoved: NaiveDate,
    /// the last day to complain: `unmoved`, or the next working day after it.
    pub last_day: NaiveDate,
    /// The days skipped, in order, each with its reason (empty when not moved).
    pub skipped: Vec<(NaiveDate, DayOff)>,
}

impl Deadline {
    /// Computes the deadline for a decision received on `received`, with a
    /// deadline of `weeks` whole weeks.
    ///
    /// `unmoved` is `received + 7 × weeks` days; `last_day` is the first
    /// working day on or after `unmoved`, and `skipped` lists every day in
    /// `unmoved..last_day` with the reason it was skipped.
    ///
    /// Returns `None` if a date would fall outside the range chrono can
    /// represent.
    pub fn compute(received: NaiveDate, weeks: u32) -> Option<Deadline> {
        let unmoved = received.checked_add_days(Days::new(u64::from(weeks) * 7))?;
        let mut last_day = unmoved;
        let mut skipped = Vec::new();
        // Terminates: at most five days off in a row (Maundy Thursday to
        // Easter Monday), and `succ_opt` stops at the end of chrono's range.
        while let Some(reason) = day_off(last_day) {
            skipped.push((last_day, reason));
            last_day = last_day.succ_opt()?;
        }
        Some(Deadline {
            received,
            weeks,
            unmoved,
            last_day,
            skipped,
        })
    }

    /// The day to send by to be safe: the last working day on or before `unmoved` (FACTS.md
    /// section 1: unrolled Friday 1 January 2027, a holiday → Thursday 31 December 2026, while
    /// the rolled last day is Monday 4 January 2027). Never after `last_day`.
    pub fn safe_day(&self) -> NaiveDate {
        let mut day = self.unmoved;
        // Terminates: at most five days off in a row; stops at the received day.
        while !is_working_day(day) && day > self.received {
            match day.pred_opt() {
                Some(d) => day = d,
                None => break,
            }
        }
        day
    }

    /// `true` when the last day was moved past `unmoved`.
    pub fn was_moved(&self) -> bool {
        self.last_day != self.unmoved
    }

    /// Days from `today` to `last_day` (0 on the last day, negative when passed).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        self.last_day.signed_duration_since(today).num_days()
    }

    /// Where `today` stands relative to `last_day`.
    pub fn status(&self, today: NaiveDate) -> Status {
        let days_left = self.days_left(today);
        if days_left > 0 {
            Status::Open { days_left }
        } else if days_left == 0 {
            Status::LastDay
        } else {
            Status::Passed {
                days_ago: -days_left,
            }
        }
    }
}

/// Where a given day stands relative to a deadline's last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Before the last day; `days_left` ≥ 1 (1 on the day before).
    Open {
        /// Whole days until the last day.
        days_left: i64,
    },
    /// Today is the last day.
    LastDay,
    /// The last day has passed; `days_ago` ≥ 1 (1 on the day after).
    Passed {
        /// Whole days since the last day.
        days_ago: i64,
    },
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_year_is_counted_from_the_decision_date() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("date");
        assert!(!super::beyond_one_year(d(2025, 11, 5), d(2026, 11, 5)));
        assert!(super::beyond_one_year(d(2025, 11, 5), d(2026, 11, 6)));
        assert!(!super::beyond_one_year(d(2024, 2, 29), d(2025, 2, 28)));
        assert!(super::beyond_one_year(d(2024, 2, 29), d(2025, 3, 1)));
    }

    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    /// Independent Easter computation (Knuth, TAOCP vol. 1, 1.3.2 ex. 14,
    /// via golden number and epact) used to cross-check `easter_sunday`.
    fn easter_knuth(year: i32) -> (u32, u32) {
        let y = i64::from(year);
        let g = y.rem_euclid(19) + 1;
        let c = y.div_euclid(100) + 1;
        let x = (3 * c).div_euclid(4) - 12;
        let z = (8 * c + 5).div_euclid(25) - 5;
        let dd = (5 * y).div_euclid(4) - x - 10;
        let mut e = (11 * g + 20 + z - x).rem_euclid(30);
        if (e == 25 && g > 11) || e == 24 {
            e += 1;
        }
        let mut n = 44 - e;
        if n < 21 {
            n += 30;
        }
        n = n + 7 - (dd + n).rem_euclid(7);
        if n > 31 {
            (4, u32::try_from(n - 31).unwrap())
        } else {
            (3, u32::try_from(n).unwrap())
        }
    }

    #[test]
    fn the_safe_day_is_the_last_working_day_on_or_before_the_unrolled_date() {
        // FACTS.md §1: unrolled Friday 1 January 2027 → safe Thursday 31 December 2026, rolled
        // last day Monday 4 January 2027 (received Friday 4 December 2026, four weeks).
        let dl = Deadline::compute(d(2026, 12, 4), 4).expect("deadline");
        assert_eq!(dl.unmoved, d(2027, 1, 1));
        assert_eq!(dl.last_day, d(2027, 1, 4));
        assert_eq!(dl.safe_day(), d(2026, 12, 31));
        // Unrolled on a Saturday → the Friday before.
        let dl = Deadline::compute(d(2026, 11, 7), 4).expect("deadline");
        assert_eq!(dl.safe_day(), d(2026, 12, 4));
        // A working day is its own safe day.
        let dl = Deadline::compute(d(2026, 11, 5), 4).expect("deadline");
        assert_eq!(dl.safe_day(), dl.last_day);
    }

    fn h(x: Holiday) -> DayOff {
        DayOff::Holiday(x)
    }

    #[test]
    fn easter_table() {
        let table = [
            (2024, d(2024, 3, 31)),
            (2025, d(2025, 4, 20)),
            (2026, d(2026, 4, 5)),
            (2027, d(2027, 3, 28)),
            (2030, d(2030, 4, 21)),
            (2038, d(2038, 4, 25)), // latest possible
            (2285, d(2285, 3, 22)), // earliest possible
            (1818, d(1818, 3, 22)), // earliest possible
            (1943, d(1943, 4, 25)), // latest possible
            (2000, d(2000, 4, 23)),
            (1900, d(1900, 4, 15)),
            (2200, d(2200, 4, 6)),
        ];
        for (year, expected) in table {
            assert_eq!(easter_sunday(year), Some(expected), "Easter {year}");
        }
    }

    #[test]
    fn easter_matches_knuth_and_bounds_over_chrono_range() {
        let first = NaiveDate::MIN.year();
        let last = NaiveDate::MAX.year();
        let earliest = (3, 22);
        let latest = (4, 25);
        for year in first..=last {
            let e = easter_sunday(year).expect("representable year");
            assert_eq!(e.year(), year);
            assert_eq!(e.weekday(), Weekday::Sun, "{e}");
            let md = (e.month(), e.day());
            assert!(md >= earliest && md <= latest, "{e}");
            assert_eq!(md, easter_knuth(year), "year {year}");
        }
    }

    #[test]
    fn easter_outside_chrono_range_is_none_not_panic() {
        assert_eq!(easter_sunday(i32::MAX), None);
        assert_eq!(easter_sunday(i32::MIN), None);
        assert_eq!(easter_sunday(NaiveDate::MAX.year() + 1), None);
        assert_eq!(easter_sunday(NaiveDate::MIN.year() - 1), None);
    }

    #[test]
    fn all_holidays_2026() {
        let expected = [
            (d(2026, 1, 1), Holiday::NewYearsDay),
            (d(2026, 4, 2), Holiday::MaundyThursday),
            (d(2026, 4, 3), Holiday::GoodFriday),
            (d(2026, 4, 5), Holiday::EasterSunday),
            (d(2026, 4, 6), Holiday::EasterMonday),
            (d(2026, 5, 1), Holiday::LabourDay),
            (d(2026, 5, 14), Holiday::AscensionDay),
            (d(2026, 5, 17), Holiday::ConstitutionDay),
            (d(2026, 5, 24), Holiday::WhitSunday),
            (d(2026, 5, 25), Holiday::WhitMonday),
            (d(2026, 12, 25), Holiday::ChristmasDay),
            (d(2026, 12, 26), Holiday::BoxingDay),
        ];
        let found: Vec<(NaiveDate, Holiday)> = d(2026, 1, 1)
            .iter_days()
            .take_while(|x| x.year() == 2026)
            .filter_map(|x| holiday(x).map(|hol| (x, hol)))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn every_holiday_occurs_once_a_year() {
        for year in [1900, 2024, 2026, 2027, 2100, 2285] {
            let mut found: Vec<Holiday> = d(year, 1, 1)
                .iter_days()
                .take_while(|x| x.year() == year)
                .filter_map(holiday)
                .collect();
            found.sort_by_key(|x| *x as u8);
            found.dedup();
            // 12 distinct holidays unless fixed and movable coincide.
            let coincide = [d(year, 5, 1), d(year, 5, 17)].iter().any(|&x| {
                let e = easter_sunday(year).unwrap();
                [39, 49, 50].contains(&x.signed_duration_since(e).num_days())
            });
            assert_eq!(found.len(), if coincide { 11 } else { 12 }, "{year}");
        }
    }

    #[test]
    fn christmas_eve_and_new_years_eve_are_not_holidays() {
        for year in [2024, 2025, 2026, 2027, 2028] {
            assert_eq!(holiday(d(year, 12, 24)), None);
            assert_eq!(holiday(d(year, 12, 31)), None);
        }
        // Thursday 24 and Thursday 31 December 2026 are working days.
        assert!(is_working_day(d(2026, 12, 24)));
        assert!(is_working_day(d(2026, 12, 31)));
        // Easter Saturday is a plain Saturday, not a public holiday.
        assert_eq!(holiday(d(2026, 4, 4)), None);
        assert_eq!(day_off(d(2026, 4, 4)), Some(DayOff::Saturday));
    }

    #[test]
    fn coinciding_holidays_report_fixed_date() {
        // Monday 17 May 2027 is also Whit Monday (Easter 28 March 2027).
        assert_eq!(holiday(d(2027, 5, 17)), Some(Holiday::ConstitutionDay));
        assert_eq!(holiday(d(2027, 5, 16)), Some(Holiday::WhitSunday));
        // Thursday 1 May 2008 was also Ascension Day (Easter 23 March 2008).
        assert_eq!(easter_sunday(2008), Some(d(2008, 3, 23)));
        assert_eq!(holiday(d(2008, 5, 1)), Some(Holiday::LabourDay));
        assert!(!is_working_day(d(2008, 5, 1)));
    }

    #[test]
    fn day_off_precedence_and_weekdays() {
        assert_eq!(day_off(d(2026, 4, 5)), Some(h(Holiday::EasterSunday)));
        assert_eq!(day_off(d(2026, 5, 24)), Some(h(Holiday::WhitSunday)));
        assert_eq!(day_off(d(2026, 5, 17)), Some(h(Holiday::ConstitutionDay)));
        assert_eq!(day_off(d(2026, 12, 26)), Some(h(Holiday::BoxingDay)));
        assert_eq!(day_off(d(2026, 11, 7)), Some(DayOff::Saturday));
        assert_eq!(day_off(d(2026, 11, 8)), Some(DayOff::Sunday));
        assert_eq!(day_off(d(2026, 11, 9)), None);
        assert!(is_working_day(d(2026, 11, 9)));
        assert!(!is_working_day(d(2026, 11, 8)));
        assert!(!is_working_day(d(2026, 5, 14)));
    }

    #[test]
    fn holiday_names() {
        let all = [
            Holiday::NewYearsDay,
            Holiday::MaundyThursday,
            Holiday::GoodFriday,
            Holiday::EasterSunday,
            Holiday::EasterMonday,
            Holiday::LabourDay,
            Holiday::ConstitutionDay,
            Holiday::AscensionDay,
            Holiday::WhitSunday,
            Holiday::WhitMonday,
            Holiday::ChristmasDay,
            Holiday::BoxingDay,
        ];
        let nb = [
            "1. nyttårsdag",
            "skjærtorsdag",
            "langfredag",
            "1. påskedag",
            "2. påskedag",
            "1. mai",
            "17. mai",
            "Kristi himmelfartsdag",
            "1. pinsedag",
            "2. pinsedag",
            "1. juledag",
            "2. juledag",
        ];
        let en = [
            "New Year's Day",
            "Maundy Thursday",
            "Good Friday",
            "Easter Sunday",
            "Easter Monday",
            "1 May (Labour Day)",
            "17 May (Constitution Day)",
            "Ascension Day",
            "Whit Sunday",
            "Whit Monday",
            "Christmas Day",
            "Boxing Day",
        ];
        for ((hol, nb), en) in all.iter().zip(nb).zip(en) {
            assert_eq!(hol.name("nb"), nb);
            assert_eq!(hol.name("nn"), nb);
            assert_eq!(hol.name("en"), en);
            assert_eq!(hol.name("de"), nb);
            assert_eq!(hol.name(""), nb);
        }
    }

    #[test]
    fn four_weeks_same_weekday() {
        let dl = Deadline::compute(d(2026, 11, 5), 4).unwrap();
        assert_eq!(dl.received, d(2026, 11, 5));
        assert_eq!(dl.weeks, 4);
        assert_eq!(dl.unmoved, d(2026, 12, 3));
        assert_eq!(dl.unmoved.weekday(), Weekday::Thu);
        assert_eq!(dl.last_day, d(2026, 12, 3));
        assert!(dl.skipped.is_empty());
        assert!(!dl.was_moved());
    }

    #[test]
    fn three_weeks() {
        let dl = Deadline::compute(d(2026, 11, 5), 3).unwrap();
        assert_eq!(dl.unmoved, d(2026, 11, 26));
        assert_eq!(dl.last_day, d(2026, 11, 26));
        assert!(!dl.was_moved());
        // Three weeks landing on Maundy Thursday 2026.
        let dl = Deadline::compute(d(2026, 3, 12), 3).unwrap();
        assert_eq!(dl.unmoved, d(2026, 4, 2));
        assert_eq!(dl.last_day, d(2026, 4, 7));
    }

    #[test]
    fn easter_moves_over_five_days() {
        // Received Thursday 5 March 2026; four weeks → Maundy Thursday.
        let dl = Deadline::compute(d(2026, 3, 5), 4).unwrap();
        assert_eq!(dl.unmoved, d(2026, 4, 2));
        assert_eq!(dl.last_day, d(2026, 4, 7));
        assert_eq!(dl.last_day.weekday(), Weekday::Tue);
        assert!(dl.was_moved());
        assert_eq!(
            dl.skipped,
            vec![
                (d(2026, 4, 2), h(Holiday::MaundyThursday)),
                (d(2026, 4, 3), h(Holiday::GoodFriday)),
                (d(2026, 4, 4), DayOff::Saturday),
                (d(2026, 4, 5), h(Holiday::EasterSunday)),
                (d(2026, 4, 6), h(Holiday::EasterMonday)),
            ]
        );
    }

    #[test]
    fn seventeenth_of_may_monday_2027() {
        // Monday 17 May 2027 (also Whit Monday) → Tuesday 18 May.
        let dl = Deadline::compute(d(2027, 4, 19), 4).unwrap();
        assert_eq!(dl.unmoved, d(2027, 5, 17));
        assert_eq!(dl.last_day, d(2027, 5, 18));
        assert_eq!(
            dl.skipped,
            vec![(d(2027, 5, 17), h(Holiday::ConstitutionDay))]
        );
    }

    #[test]
    fn seventeenth_of_may_friday_crosses_weekend() {
        // Friday 17 May 2030 → Saturday, Sunday → Monday 20 May 2030.
        let dl = Deadline::compute(d(2030, 4, 26), 3).unwrap();
        assert_eq!(dl.unmoved, d(2030, 5, 17));
        assert_eq!(dl.last_day, d(2030, 5, 20));
        assert_eq!(
            dl.skipped,
            vec![
                (d(2030, 5, 17), h(Holiday::ConstitutionDay)),
                (d(2030, 5, 18), DayOff::Saturday),
                (d(2030, 5, 19), DayOff::Sunday),
            ]
        );
        // Friday 17 May 2024, followed by Whitsun (Easter 31 March 2024):
        // Fri, Sat, Whit Sunday, Whit Monday → Tuesday 21 May 2024.
        let dl = Deadline::compute(d(2024, 4, 19), 4).unwrap();
        assert_eq!(dl.unmoved, d(2024, 5, 17));
        assert_eq!(dl.last_day, d(2024, 5, 21));
        assert_eq!(
            dl.skipped,
            vec![
                (d(2024, 5, 17), h(Holiday::ConstitutionDay)),
                (d(2024, 5, 18), DayOff::Saturday),
                (d(2024, 5, 19), h(Holiday::WhitSunday)),
                (d(2024, 5, 20), h(Holiday::WhitMonday)),
            ]
        );
    }

    #[test]
    fn new_year() {
        // Friday 1 January 2027 → Monday 4 January 2027.
        let dl = Deadline::compute(d(2026, 12, 4), 4).unwrap();
        assert_eq!(dl.unmoved, d(2027, 1, 1));
        assert_eq!(dl.last_day, d(2027, 1, 4));
        assert_eq!(
            dl.skipped,
            vec![
                (d(2027, 1, 1), h(Holiday::NewYearsDay)),
                (d(2027, 1, 2), DayOff::Saturday),
                (d(2027, 1, 3), DayOff::Sunday),
            ]
        );
    }

    #[test]
    fn christmas() {
        // Friday 25 December 2026, Saturday 26 (2. juledag), Sunday → Mon 28.
        let dl = Deadline::compute(d(2026, 11, 27), 4).unwrap();
        assert_eq!(dl.unmoved, d(2026, 12, 25));
        assert_eq!(dl.last_day, d(2026, 12, 28));
        assert_eq!(
            dl.skipped,
            vec![
                (d(2026, 12, 25), h(Holiday::ChristmasDay)),
                (d(2026, 12, 26), h(Holiday::BoxingDay)),
                (d(2026, 12, 27), DayOff::Sunday),
            ]
        );
        // Thursday 25 December 2025 → Monday 29 December 2025 (four days).
        let dl = Deadline::compute(d(2025, 11, 27), 4).unwrap();
        assert_eq!(dl.last_day, d(2025, 12, 29));
        assert_eq!(dl.skipped.len(), 4);
        // Thursday 24 December 2026 is not moved.
        let dl = Deadline::compute(d(2026, 11, 26), 4).unwrap();
        assert_eq!(dl.unmoved, d(2026, 12, 24));
        assert_eq!(dl.last_day, d(2026, 12, 24));
        assert!(!dl.was_moved());
    }

    #[test]
    fn ascension_day() {
        // Thursday 14 May 2026 → Friday 15 May 2026.
        let dl = Deadline::compute(d(2026, 4, 16), 4).unwrap();
        assert_eq!(dl.unmoved, d(2026, 5, 14));
        assert_eq!(dl.last_day, d(2026, 5, 15));
        assert_eq!(dl.skipped, vec![(d(2026, 5, 14), h(Holiday::AscensionDay))]);
    }

    #[test]
    fn saturday_and_sunday() {
        let sat = Deadline::compute(d(2026, 11, 7), 4).unwrap();
        assert_eq!(sat.unmoved, d(2026, 12, 5));
        assert_eq!(sat.last_day, d(2026, 12, 7));
        assert_eq!(
            sat.skipped,
            vec![
                (d(2026, 12, 5), DayOff::Saturday),
                (d(2026, 12, 6), DayOff::Sunday),
            ]
        );
        let sun = Deadline::compute(d(2026, 11, 8), 4).unwrap();
        assert_eq!(sun.unmoved, d(2026, 12, 6));
        assert_eq!(sun.last_day, d(2026, 12, 7));
        assert_eq!(sun.skipped, vec![(d(2026, 12, 6), DayOff::Sunday)]);
    }

    #[test]
    fn zero_weeks_is_received_day_or_next_working_day() {
        let dl = Deadline::compute(d(2026, 11, 5), 0).unwrap();
        assert_eq!(dl.unmoved, d(2026, 11, 5));
        assert_eq!(dl.last_day, d(2026, 11, 5));
    }

    #[test]
    fn days_left_and_status() {
        // Moved deadline: unmoved Maundy Thursday, last day Tue 7 April 2026.
        let dl = Deadline::compute(d(2026, 3, 5), 4).unwrap();
        assert_eq!(dl.days_left(d(2026, 3, 5)), 33);
        assert_eq!(dl.status(d(2026, 3, 5)), Status::Open { days_left: 33 });
        // On the unmoved day there are still 5 days to the last day.
        assert_eq!(dl.status(d(2026, 4, 2)), Status::Open { days_left: 5 });
        assert_eq!(dl.status(d(2026, 4, 6)), Status::Open { days_left: 1 });
        assert_eq!(dl.days_left(d(2026, 4, 7)), 0);
        assert_eq!(dl.status(d(2026, 4, 7)), Status::LastDay);
        assert_eq!(dl.days_left(d(2026, 4, 8)), -1);
        assert_eq!(dl.status(d(2026, 4, 8)), Status::Passed { days_ago: 1 });
        assert_eq!(dl.status(d(2026, 5, 8)), Status::Passed { days_ago: 31 });
        // Extreme "today" values do not panic.
        assert!(dl.days_left(NaiveDate::MIN) > 0);
        assert!(dl.days_left(NaiveDate::MAX) < 0);
    }

    #[test]
    fn overflow_returns_none() {
        assert_eq!(Deadline::compute(NaiveDate::MAX, 1), None);
        assert_eq!(Deadline::compute(NaiveDate::MIN, u32::MAX), None);
        assert_eq!(Deadline::compute(d(2026, 1, 1), u32::MAX), None);
        // Near the end of chrono's range compute must not panic.
        let near_end = NaiveDate::MAX - Days::new(7);
        let _ = Deadline::compute(near_end, 1);
        // MIN + 0 weeks is fine (1 January is a holiday, so it moves).
        let dl = Deadline::compute(NaiveDate::MIN, 0).unwrap();
        assert!(dl.was_moved());
        assert!(is_working_day(dl.last_day));
    }

    /// Exhaustive check over 1900–2200: the longest run of days off is
    /// exactly five days (Maundy Thursday to Easter Monday), so the last
    /// day is never more than five days after the unmoved day.
    #[test]
    fn longest_move_is_five_days_1900_to_2200() {
        let mut max = 0;
        let mut max_at = Vec::new();
        for date in d(1900, 1, 1).iter_days().take_while(|x| x.year() <= 2200) {
            let dl = Deadline::compute(date, 0).unwrap();
            let moved = dl.last_day.signed_duration_since(dl.unmoved).num_days();
            if moved > max {
                max = moved;
                max_at.clear();
            }
            if moved == max {
                max_at.push(date);
            }
        }
        assert_eq!(max, 5);
        // Reached only from Maundy Thursday, once a year.
        assert_eq!(max_at.len(), 301);
        for date in max_at {
            assert_eq!(holiday(date), Some(Holiday::MaundyThursday), "{date}");
        }
    }

    fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
        (from.num_days_from_ce()..=to.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn prop_deadline_invariants(
            received in date_between(d(1900, 1, 1), d(2200, 12, 31)),
            weeks in 1u32..=8,
        ) {
            let dl = Deadline::compute(received, weeks).unwrap();
            prop_assert_eq!(dl.received, received);
            prop_assert_eq!(dl.weeks, weeks);
            prop_assert!(is_working_day(dl.last_day));
            prop_assert!(dl.last_day >= dl.unmoved);
            let moved = dl.last_day.signed_duration_since(dl.unmoved).num_days();
            prop_assert!(moved <= 5);
            prop_assert_eq!(
                dl.unmoved.signed_duration_since(received).num_days(),
                7 * i64::from(weeks)
            );
            prop_assert_eq!(dl.unmoved.weekday(), received.weekday());
            // skipped is exactly the days unmoved..last_day, each a day off.
            prop_assert_eq!(dl.skipped.len() as i64, moved);
            prop_assert_eq!(dl.was_moved(), moved > 0);
            for (i, (day, reason)) in dl.skipped.iter().enumerate() {
                prop_assert_eq!(*day, dl.unmoved + Days::new(i as u64));
                prop_assert_eq!(day_off(*day), Some(*reason));
            }
            prop_assert_eq!(dl.status(dl.last_day), Status::LastDay);
            prop_assert_eq!(dl.status(received), Status::Open { days_left: dl.days_left(received) });
        }

        #[test]
        fn prop_no_panic_anywhere(
            received in date_between(NaiveDate::MIN, NaiveDate::MAX),
            weeks in any::<u32>(),
            today in date_between(NaiveDate::MIN, NaiveDate::MAX),
        ) {
            let _ = easter_sunday(received.year());
            prop_assert_eq!(day_off(received).is_none(), is_working_day(received));
            if let Some(dl) = Deadline::compute(received, weeks) {
                prop_assert!(is_working_day(dl.last_day));
                prop_assert!(dl.last_day.signed_duration_since(dl.unmoved).num_days() <= 5);
                let _ = dl.status(today);
            }
        }

        #[test]
        fn prop_easter_any_i32_no_panic(year in any::<i32>()) {
            let in_range = (NaiveDate::MIN.year()..=NaiveDate::MAX.year()).contains(&year);
            prop_assert_eq!(easter_sunday(year).is_some(), in_range);
        }
    }
}
