//! Every legal citation the program makes, in one table.
//!
//! The fact sheet (`shared/domain/FACTS.md`) is the only source. Letters always write the full
//! name of the act ("pasient- og brukerrettighetsloven § 7-2"), so the rule "write the full name
//! the first time" holds trivially. Templates never write a section number themselves: they get
//! the citations from here through the letter context.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::letter::Lang;

/// The day the citation table was last verified against its sources (FACTS.md).
pub const VERIFIED_ON: &str = "2026-12-03";

/// The acts the program cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Act {
    /// pasient- og brukerrettighetsloven (LOV-1999-07-02-63): rights of patients and users.
    Pbrl,
    /// helse- og omsorgstjenesteloven (LOV-2011-06-24-30): the municipality's duties.
    Hol,
    /// forvaltningsloven (LOV-1967-02-10): the Public Administration Act, 1967 numbering.
    Fvl,
    /// The new forvaltningsloven (LOV-2025-06-20-81), not in force: "fra den tiden Kongen
    /// bestemmer" (§ 99). Its rows in [`TABLE`] have no start date (FACTS.md section 12).
    Fvl2025,
    /// Grunnloven (LOV-1814-05-17): the Constitution; § 104 on children.
    Grl,
}

impl Act {
    /// The act's name in bokmål or nynorsk.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Act::Pbrl, Lang::Nb) => "pasient- og brukerrettighetsloven",
            (Act::Pbrl, Lang::Nn) => "pasient- og brukarrettslova",
            (Act::Hol, Lang::Nb) => "helse- og omsorgstjenesteloven",
            (Act::Hol, Lang::Nn) => "helse- og omsorgstenestelova",
            (Act::Fvl | Act::Fvl2025, Lang::Nb) => "forvaltningsloven",
            (Act::Fvl | Act::Fvl2025, Lang::Nn) => "forvaltningslova",
            (Act::Grl, Lang::Nb) => "Grunnloven",
            (Act::Grl, Lang::Nn) => "Grunnlova",
        }
    }

    /// The act's identifier at Lovdata ("LOV-1999-07-02-63").
    pub fn lovdata_id(self) -> &'static str {
        match self {
            Act::Pbrl => "LOV-1999-07-02-63",
            Act::Hol => "LOV-2011-06-24-30",
            Act::Fvl => "LOV-1967-02-10",
            Act::Fvl2025 => "LOV-2025-06-20-81",
            Act::Grl => "LOV-1814-05-17",
        }
    }

    /// Every act the program cites.
    pub const ALL: [Act; 5] = [Act::Pbrl, Act::Hol, Act::Fvl, Act::Grl, Act::Fvl2025];

    /// The short form used on screens: pbrl, hol, fvl.
    pub fn short(self) -> &'static str {
        match self {
            Act::Pbrl => "pbrl",
            Act::Hol => "hol",
            Act::Fvl => "fvl",
            Act::Fvl2025 => "fvl 2025",
            Act::Grl => "grl",
        }
    }
}

/// A reference to a section of an act, exactly as FACTS.md writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Citation {
    pub act: Act,
    /// "§ 3-2 første ledd nr. 6 bokstav a". The same in bokmål and nynorsk.
    pub section: &'static str,
}

impl Citation {
    /// A citation; the table below holds every one the program makes.
    pub const fn new(act: Act, section: &'static str) -> Self {
        Citation { act, section }
    }

    /// "helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav a".
    pub fn full(self, lang: Lang) -> String {
        format!("{} {}", self.act.name(lang), self.section)
    }

    /// "hol § 3-2 første ledd nr. 6 bokstav a", for screens and tables.
    pub fn short(self) -> String {
        format!("{} {}", self.act.short(), self.section)
    }
}

// ---- Service legal bases (FACTS.md section 3) ----
pub const HOL_3_2_NR6_A: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 6 bokstav a");
pub const HOL_3_2_NR6_B: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 6 bokstav b");
pub const HOL_3_2_NR6_C: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 6 bokstav c");
pub const HOL_3_2_NR7: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 7");
pub const HOL_3_2_A: Citation = Citation::new(Act::Hol, "§ 3-2 a");
pub const HOL_3_6_NR1: Citation = Citation::new(Act::Hol, "§ 3-6 første ledd nr. 1");
pub const HOL_3_6_NR2: Citation = Citation::new(Act::Hol, "§ 3-6 første ledd nr. 2");
pub const HOL_3_6_NR3: Citation = Citation::new(Act::Hol, "§ 3-6 første ledd nr. 3");
pub const HOL_3_8: Citation = Citation::new(Act::Hol, "§ 3-8");
pub const HOL_3_1: Citation = Citation::new(Act::Hol, "§ 3-1");
/// The right to services before 1 June 2024 ("Nåværende § 2-1 a blir ny § 2-1",
/// LOV-2023-04-28-9). Only for decisions made before that day: never cite it otherwise.
pub const PBRL_2_1_A: Citation = Citation::new(Act::Pbrl, "§ 2-1 a");
/// The right to services since 1 June 2024 (FACTS.md section 2).
pub const PBRL_2_1: Citation = Citation::new(Act::Pbrl, "§ 2-1");
pub const PBRL_2_1_D: Citation = Citation::new(Act::Pbrl, "§ 2-1 d");
pub const PBRL_2_1_E: Citation = Citation::new(Act::Pbrl, "§ 2-1 e");
/// The carer's own right to relief measures and to complain (særlig tyngende omsorgsarbeid).
pub const PBRL_2_8: Citation = Citation::new(Act::Pbrl, "§ 2-8");

// ---- Rights the letter relies on (FACTS.md section 2) ----
/// Right to necessary health and care services from the municipality, before 1 June 2024.
pub const PBRL_2_1_A_2: Citation = Citation::new(Act::Pbrl, "§ 2-1 a andre ledd");
/// Right to necessary health and care services from the municipality, since 1 June 2024:
/// "Pasient og bruker har rett til nødvendige helse- og omsorgstjenester fra kommunen."
pub const PBRL_2_1_2: Citation = Citation::new(Act::Pbrl, "§ 2-1 andre ledd");
/// The day § 2-1 a became § 2-1 (res. 26 April 2024 nr. 746).
pub const PBRL_2_1_FROM: &str = "2024-06-01";
/// The last day of the old numbering.
pub const PBRL_2_1_A_TO: &str = "2024-05-31";
/// Services must be sound (forsvarlige).
pub const HOL_4_1: Citation = Citation::new(Act::Hol, "§ 4-1");
/// Great weight on what the patient or user thinks, for hol § 3-2 første ledd nr. 6, § 3-6 and
/// § 3-8 ("hva pasienten eller brukeren mener").
pub const PBRL_3_1: Citation = Citation::new(Act::Pbrl, "§ 3-1 andre ledd");
/// The case must be sufficiently investigated before a decision.
pub const FVL_17: Citation = Citation::new(Act::Fvl, "§ 17");

// ---- Route A: care services (FACTS.md section 1) ----
/// The right to complain to Statsforvalteren; the complaint is sent to the municipality.
pub const PBRL_7_2: Citation = Citation::new(Act::Pbrl, "§ 7-2");
/// Four weeks.
pub const PBRL_7_5: Citation = Citation::new(Act::Pbrl, "§ 7-5");
/// Late complaints: refers to fvl § 31.
pub const PBRL_7_7: Citation = Citation::new(Act::Pbrl, "§ 7-7");

// ---- Route B: other municipal decisions ----
/// Right to complain; the municipality's klagenemnd (second paragraph).
pub const FVL_28: Citation = Citation::new(Act::Fvl, "§ 28");
pub const FVL_28_2: Citation = Citation::new(Act::Fvl, "§ 28 andre ledd");
/// Three weeks.
pub const FVL_29: Citation = Citation::new(Act::Fvl, "§ 29");
/// Posting before the deadline ends is enough.
pub const FVL_30: Citation = Citation::new(Act::Fvl, "§ 30");
/// Late complaints.
pub const FVL_31: Citation = Citation::new(Act::Fvl, "§ 31");
/// The complaint is sent to the body that made the decision.
pub const FVL_32: Citation = Citation::new(Act::Fvl, "§ 32");

// ---- Representatives, requests and what happens next (FACTS.md sections 5, 6, 8) ----
/// Representative: communication goes to them.
pub const FVL_12: Citation = Citation::new(Act::Fvl, "§ 12");
/// Access to the case documents (partsinnsyn).
pub const FVL_18: Citation = Citation::new(Act::Fvl, "§ 18");
/// Access to the patient record (journal).
pub const PBRL_5_1: Citation = Citation::new(Act::Pbrl, "§ 5-1");
/// Reasons must be given.
pub const FVL_24: Citation = Citation::new(Act::Fvl, "§ 24");
/// What the reasons must contain.
pub const FVL_25: Citation = Citation::new(Act::Fvl, "§ 25");
/// Postponed implementation (utsatt iverksetting).
pub const FVL_42: Citation = Citation::new(Act::Fvl, "§ 42");
/// Preliminary reply when the answer takes more than a month.
pub const FVL_11_A: Citation = Citation::new(Act::Fvl, "§ 11 a");
/// The municipality's duty to guide and help.
pub const FVL_11: Citation = Citation::new(Act::Fvl, "§ 11");
/// The municipality forwards the complaint; the person may comment.
pub const FVL_33: Citation = Citation::new(Act::Fvl, "§ 33");
/// More than a year after the decision a complaint "kan ikke tas under behandling som
/// klagesak" (third paragraph).
pub const FVL_31_3: Citation = Citation::new(Act::Fvl, "§ 31 tredje ledd");
/// The municipality may change its own decision without a complaint.
pub const FVL_35: Citation = Citation::new(Act::Fvl, "§ 35");

// ---- A decision about a child (FACTS.md section 2) ----
/// Children have the right to be heard, their view weighed by age and maturity.
pub const GRL_104_1: Citation = Citation::new(Act::Grl, "§ 104 første ledd");
/// The child's best interests are a fundamental consideration.
pub const GRL_104_2: Citation = Citation::new(Act::Grl, "§ 104 andre ledd");

// ---- The new forvaltningsloven (LOV-2025-06-20-81), FACTS.md section 12: NOT in force ----
const fn fvl25(section: &'static str) -> Citation {
    Citation::new(Act::Fvl2025, section)
}

/// One row of the dated citation table: a citation and the days it is valid.
///
/// Rows with the same `key` are the same rule at different times (for example the right to
/// services: pbrl § 2-1 a andre ledd until 31 May 2024, § 2-1 andre ledd since 1 June 2024). When the law
/// changes, the old row gets a `valid_to` and a new row with the same key a `valid_from`: one
/// change of data, and every letter cites what was valid on its decision's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// What the citation is used for; also the key of its description in the interface
    /// catalogue (`law.use.<key>`).
    pub key: &'static str,
    pub citation: Citation,
    /// First day the citation is valid (ISO date); `None`: valid since before the table.
    pub valid_from: Option<&'static str>,
    /// Last day the citation is valid (ISO date); `None`: still valid, no end known.
    pub valid_to: Option<&'static str>,
    /// Enacted but not in force, and no start date is set yet (the new forvaltningsloven): the
    /// row is valid on no day until `valid_from` is given. `law` lists it as not yet in force.
    pub awaits_start: bool,
}

impl Row {
    const fn open(key: &'static str, citation: Citation) -> Row {
        Row {
            key,
            citation,
            valid_from: None,
            valid_to: None,
            awaits_start: false,
        }
    }

    const fn until(key: &'static str, citation: Citation, last_day: &'static str) -> Row {
        Row {
            valid_to: Some(last_day),
            ..Row::open(key, citation)
        }
    }

    const fn from(key: &'static str, citation: Citation, first_day: &'static str) -> Row {
        Row {
            valid_from: Some(first_day),
            ..Row::open(key, citation)
        }
    }

    /// A row of an enacted act with no start date yet.
    const fn coming(key: &'static str, citation: Citation) -> Row {
        Row {
            awaits_start: true,
            ..Row::open(key, citation)
        }
    }

    /// Not in force on any day: enacted, but no start date is set.
    pub fn not_yet_in_force(&self) -> bool {
        self.awaits_start && self.valid_from.is_none()
    }

    /// The first valid day, parsed.
    pub fn from_date(&self) -> Option<NaiveDate> {
        self.valid_from.and_then(|d| d.parse().ok())
    }

    /// The last valid day, parsed.
    pub fn to_date(&self) -> Option<NaiveDate> {
        self.valid_to.and_then(|d| d.parse().ok())
    }

    /// The citation is valid on `day`.
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        !self.not_yet_in_force()
            && self.from_date().is_none_or(|f| f <= day)
            && self.to_date().is_none_or(|t| day <= t)
    }
}

/// Every citation the program can make, with the days it is valid (FACTS.md, verified
/// 2026-12-03). pbrl § 2-1 a became § 2-1 on 1 June 2024; the new forvaltningsloven
/// (LOV-2025-06-20-81) is enacted but has no start date, so its rows are valid on no day and no
/// letter cites them: when a decree sets the date, give them `valid_from` and the 1967 rows of
/// the same keys `valid_to` (see [`with_new_fvl_from`]).
pub const TABLE: &[Row] = &[
    // Service legal bases (FACTS.md section 3).
    Row::open("basis-hjemmesykepleie", HOL_3_2_NR6_A),
    Row::open("basis-praktisk-bistand", HOL_3_2_NR6_B),
    Row::open("basis-korttidsopphold", HOL_3_2_NR6_C),
    Row::open("basis-dagaktivitet", HOL_3_2_NR7),
    Row::open("basis-langtidsopphold", HOL_3_2_A),
    Row::open("right-langtidsopphold", PBRL_2_1_E),
    Row::open("basis-parorendeopplaering", HOL_3_6_NR1),
    Row::open("basis-avlastning", HOL_3_6_NR2),
    Row::open("basis-omsorgsstonad", HOL_3_6_NR3),
    Row::open("basis-bpa", HOL_3_8),
    Row::open("right-bpa", PBRL_2_1_D),
    Row::open("basis-annet", HOL_3_1),
    Row::until("right-annet", PBRL_2_1_A, PBRL_2_1_A_TO),
    Row::from("right-annet", PBRL_2_1, PBRL_2_1_FROM),
    Row::open("carer", PBRL_2_8),
    // Rights the letter relies on (section 2).
    Row::until("right-to-services", PBRL_2_1_A_2, PBRL_2_1_A_TO),
    Row::from("right-to-services", PBRL_2_1_2, PBRL_2_1_FROM),
    Row::open("sound", HOL_4_1),
    Row::open("user-view", PBRL_3_1),
    Row::open("investigated", FVL_17),
    // Route A (section 1).
    Row::open("complaint-right-a", PBRL_7_2),
    Row::open("deadline-a", PBRL_7_5),
    Row::open("late-a", PBRL_7_7),
    // Route B.
    Row::open("complaint-right-b", FVL_28),
    Row::open("appeal-body-b", FVL_28_2),
    Row::open("deadline-b", FVL_29),
    Row::open("posting", FVL_30),
    Row::open("late", FVL_31),
    Row::open("send-to-b", FVL_32),
    // Representatives, requests, what happens next (sections 5, 6, 8).
    Row::open("representative", FVL_12),
    Row::open("documents", FVL_18),
    Row::open("journal", PBRL_5_1),
    Row::open("reasons", FVL_24),
    Row::open("reasons-content", FVL_25),
    Row::open("postponement", FVL_42),
    Row::open("preliminary", FVL_11_A),
    Row::open("guidance", FVL_11),
    Row::open("forwarded", FVL_33),
    Row::open("one-year", FVL_31_3),
    Row::open("change-own-decision", FVL_35),
    Row::open("child-heard", GRL_104_1),
    Row::open("child-best-interests", GRL_104_2),
    // The new forvaltningsloven: no start date (FACTS.md section 12). Same keys as the 1967 rows.
    Row::coming("guidance", fvl25("§ 14")),
    Row::coming("preliminary", fvl25("§ 17 andre ledd")),
    Row::coming("representative", fvl25("§ 18")),
    Row::coming("investigated", fvl25("§ 44")),
    Row::coming("documents", fvl25("§ 46")),
    Row::coming("reasons", fvl25("§ 56")),
    Row::coming("reasons-content", fvl25("§ 57")),
    Row::coming("complaint-right-b", fvl25("§ 61")),
    Row::coming("appeal-body-b", fvl25("§ 62 andre ledd")),
    Row::coming("deadline-b", fvl25("§ 63")),
    Row::coming("posting", fvl25("§ 64")),
    Row::coming("late", fvl25("§ 65")),
    Row::coming("one-year", fvl25("§ 65")),
    Row::coming("send-to-b", fvl25("§ 66")),
    Row::coming("forwarded", fvl25("§ 67")),
    Row::coming("change-own-decision", fvl25("§§ 71–73")),
    Row::coming("postponement", fvl25("§ 76")),
];

/// The table as it would read if the new forvaltningsloven came into force on `first_day`: its
/// rows start that day and the 1967 rows of the same rules end the day before. For the day a
/// decree sets the date (and for tests); nothing switches on a date alone until FACTS.md says so.
pub fn with_new_fvl_from(
    table: &[Row],
    first_day: &'static str,
    last_old_day: &'static str,
) -> Vec<Row> {
    let new_keys: Vec<&str> = table
        .iter()
        .filter(|r| r.not_yet_in_force())
        .map(|r| r.key)
        .collect();
    table
        .iter()
        .map(|r| {
            if r.not_yet_in_force() {
                Row {
                    valid_from: Some(first_day),
                    ..*r
                }
            } else if r.citation.act == Act::Fvl && new_keys.contains(&r.key) {
                Row {
                    valid_to: Some(last_old_day),
                    ..*r
                }
            } else {
                *r
            }
        })
        .collect()
}

/// The law as a table reads it on one day: the citation each rule had then.
#[derive(Debug, Clone, Copy)]
pub struct LawOn<'a> {
    table: &'a [Row],
    day: NaiveDate,
}

impl<'a> LawOn<'a> {
    /// The program's table on `day` (a letter uses its decision's date).
    pub fn new(day: NaiveDate) -> LawOn<'static> {
        LawOn { table: TABLE, day }
    }

    /// Another table on `day` (tests, and the day a row is added).
    pub fn with_table(table: &'a [Row], day: NaiveDate) -> LawOn<'a> {
        LawOn { table, day }
    }

    /// The citation valid on the day for the rule `c` stands for (`c` is any citation the
    /// rule has had). A citation not in the table is returned as it is.
    pub fn cite(&self, c: Citation) -> Citation {
        let Some(key) = self.table.iter().find(|r| r.citation == c).map(|r| r.key) else {
            return c;
        };
        self.table
            .iter()
            .filter(|r| r.key == key)
            .find(|r| r.valid_on(self.day))
            .map(|r| r.citation)
            .unwrap_or(c)
    }

    /// `cite` written out in full.
    pub fn full(&self, c: Citation, lang: Lang) -> String {
        self.cite(c).full(lang)
    }
}

/// The day the table was verified.
pub fn verified_on() -> NaiveDate {
    VERIFIED_ON.parse().unwrap_or(NaiveDate::MIN)
}

/// The table was verified more than twelve months before `today`: an adviser should check it
/// against Lovdata again before relying on it.
pub fn needs_reverify(today: NaiveDate) -> bool {
    verified_on()
        .checked_add_months(Months::new(12))
        .is_some_and(|due| today > due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn every_row_has_valid_dates_and_every_rule_one_citation_on_any_day() {
        for r in TABLE {
            assert_eq!(r.from_date().is_some(), r.valid_from.is_some(), "{}", r.key);
            assert_eq!(r.to_date().is_some(), r.valid_to.is_some(), "{}", r.key);
        }
        for day in [
            "1990-01-01",
            "2024-05-31",
            "2024-06-01",
            "2026-12-03",
            "2040-01-01",
        ] {
            for r in TABLE {
                let n = TABLE
                    .iter()
                    .filter(|x| x.key == r.key && x.valid_on(d(day)))
                    .count();
                assert_eq!(n, 1, "{} on {day}", r.key);
            }
        }
    }

    #[test]
    fn the_right_to_services_is_2_1_from_june_2024_and_2_1_a_before() {
        for (day, want) in [
            ("2024-05-31", "§ 2-1 a andre ledd"),
            ("2024-06-01", "§ 2-1 andre ledd"),
            ("2026-12-03", "§ 2-1 andre ledd"),
        ] {
            let at = LawOn::new(d(day));
            assert_eq!(at.cite(PBRL_2_1_A_2).section, want, "{day}");
            // Asking by the new citation finds the same rule.
            assert_eq!(at.cite(PBRL_2_1_2).section, want, "{day}");
        }
        assert_eq!(
            LawOn::new(d("2024-05-31")).cite(PBRL_2_1).section,
            "§ 2-1 a"
        );
        assert_eq!(
            LawOn::new(d("2024-06-01")).cite(PBRL_2_1_A).section,
            "§ 2-1"
        );
        assert_eq!(
            LawOn::new(d("2026-12-03")).full(PBRL_2_1_A_2, Lang::Nb),
            "pasient- og brukerrettighetsloven § 2-1 andre ledd"
        );
    }

    #[test]
    fn the_new_forvaltningsloven_is_cited_on_no_day_until_it_has_a_start_date() {
        let coming: Vec<&Row> = TABLE.iter().filter(|r| r.not_yet_in_force()).collect();
        assert!(coming.len() >= 15, "{}", coming.len());
        for r in &coming {
            assert_eq!(r.citation.act, Act::Fvl2025, "{}", r.key);
            for day in ["2026-12-03", "2030-01-01", "2099-12-31"] {
                assert!(!r.valid_on(d(day)), "{} on {day}", r.key);
                let at = LawOn::new(d(day));
                assert_eq!(at.cite(r.citation).act, Act::Fvl, "{} on {day}", r.key);
            }
        }
        // Every new row stands for a rule the 1967 act has a row for.
        for r in &coming {
            assert!(
                TABLE
                    .iter()
                    .any(|o| o.key == r.key && o.citation.act == Act::Fvl),
                "{}",
                r.key
            );
        }
    }

    #[test]
    fn with_a_hypothetical_start_date_the_new_numbers_apply_after_it_and_the_old_before() {
        let table = with_new_fvl_from(TABLE, "2027-07-01", "2027-06-30");
        let before = LawOn::with_table(&table, d("2027-06-30"));
        let after = LawOn::with_table(&table, d("2027-07-01"));
        for (old, new) in [
            (FVL_29, "§ 63"),
            (FVL_31, "§ 65"),
            (FVL_18, "§ 46"),
            (FVL_24, "§ 56"),
            (FVL_42, "§ 76"),
            (FVL_28_2, "§ 62 andre ledd"),
            (FVL_11_A, "§ 17 andre ledd"),
        ] {
            assert_eq!(before.cite(old), old, "{}", old.section);
            let cited = after.cite(old);
            assert_eq!(
                (cited.act, cited.section),
                (Act::Fvl2025, new),
                "{}",
                old.section
            );
        }
        // pbrl and hol do not move.
        assert_eq!(after.cite(PBRL_7_5), PBRL_7_5);
        assert_eq!(after.cite(PBRL_2_1_A_2), PBRL_2_1_2);
        // Still one citation a rule on any day.
        for day in ["2027-06-30", "2027-07-01"] {
            for r in &table {
                let n = table
                    .iter()
                    .filter(|x| x.key == r.key && x.valid_on(d(day)))
                    .count();
                assert_eq!(n, 1, "{} on {day}", r.key);
            }
        }
    }

    #[test]
    fn the_table_asks_to_be_verified_again_after_twelve_months() {
        assert!(!needs_reverify(d("2027-12-03")));
        assert!(needs_reverify(d("2027-12-04")));
    }
}
